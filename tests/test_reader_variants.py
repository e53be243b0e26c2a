"""The PDF reader on layouts the fifteen real files don't all show: small PDFs drawn here, each one table
variant, read through ``ingest.readers.read`` as a published file would be, asserting every cell (value,
column path, row label, page).

The PDFs are drawn with reportlab (test extra) in the Adobe-GB1 font every PDF viewer and pdfminer know
(STSong-Light, referenced, not embedded: no font file is needed). A Kangxi-radical font is not drawn here.
"""
from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest

pytest.importorskip("reportlab", reason="reportlab (the test extra) draws the PDFs")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from ingest.readers import read  # noqa: E402

FONT = "STSong-Light"
W, H = 595.0, 842.0
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")

try:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
except Exception as exc:  # pragma: no cover - reportlab without its CID font data
    pytest.skip(f"no CJK font for reportlab: {exc}", allow_module_level=True)


# ---- drawing ------------------------------------------------------------------------------------------

class Sheet:
    """A PDF being drawn, with positions measured from the top of the page as pdfplumber gives them."""

    def __init__(self):
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=(W, H))
        self.pages = 1
        self.text(40, 20, "某某市某某局2025年部门预算")  # the department and year every disclosure names

    def text(self, x: float, top: float, s: str, size: float = 9, right: bool = False, centre: bool = False):
        self.c.setFont(FONT, size)
        y = H - top - size  # the baseline of a line whose top is ``top``
        if right:
            self.c.drawRightString(x, y, s)
        elif centre:
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)

    def title(self, top: float, s: str, unit: str | None = "单位：万元", dept: str | None = "编制部门：某某市某某局"):
        self.text(W / 2, top, s, size=14, centre=True)
        if dept:
            self.text(40, top + 26, dept)
        if unit:
            self.text(W - 40, top + 26, unit, right=True)
        return top + 42

    def line(self, x0, top0, x1, top1, width: float = 0.6):
        self.c.setLineWidth(width)
        self.c.line(x0, H - top0, x1, H - top1)

    def table(self, top: float, widths: list[float], rows: list[list], height: float = 20, x: float = 40,
              open_top: bool = False, open_bottom: bool = False, white_boxes: bool = False) -> float:
        """Draw a ruled grid; ``rows`` are lists of cell texts, ``None`` where the cell above or to the left
        spans over (a merged cell), a (text, rowspan, colspan) tuple for a merged cell's origin. Texts that
        are figures are set right-aligned, others left; "\\n" wraps a cell's text onto lines. open_top /
        open_bottom leave out the outer rule at that side (a table cut by a page break). white_boxes fills a
        white rectangle (no outline) behind every line of text, as some publishing tools do. A fourth item
        of the tuple sets the text at the "top" or "bottom" of its cell. Returns the bottom of the grid."""
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        n = len(rows)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                text, rs, cs, valign = (cell + ("middle",))[:4] if isinstance(cell, tuple) else (cell, 1, 1, "middle")
                x0, x1 = xs[c], xs[c + cs]
                t0, t1 = top + r * height, top + (r + rs) * height
                if not (open_top and r == 0):
                    self.line(x0, t0, x1, t0)
                if not (open_bottom and r + rs == n):
                    self.line(x0, t1, x1, t1)
                self.line(x0, t0, x0, t1)
                self.line(x1, t0, x1, t1)
                lines = text.split("\n") if text else []
                size = 9
                first = {"top": t0 + 1, "bottom": t1 - 1 - len(lines) * (size + 2) + 2}.get(
                    valign, (t0 + t1) / 2 - len(lines) * (size + 2) / 2)
                for k, s in enumerate(lines):
                    ltop = first + k * (size + 2)
                    if white_boxes:
                        self.c.setFillColorRGB(1, 1, 1)
                        self.c.rect(x0 + 1, H - ltop - size - 1.5, x1 - x0 - 2, size + 2, stroke=0, fill=1)
                        self.c.setFillColorRGB(0, 0, 0)
                    if _NUMBER.match(s):
                        self.text(x1 - 3, ltop, s, size, right=True)
                    else:
                        self.text(x0 + 3, ltop, s, size)
        return top + n * height

    def page(self):
        self.c.showPage()
        self.pages += 1

    def pdf(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def parse(sheet: Sheet):
    return read(sheet.pdf(), "variant.pdf")


def table(doc, kind: str):
    found = [t for t in doc.tables if t.kind == kind]
    assert len(found) == 1, f"{kind}: {[(t.title, t.kind) for t in doc.tables]}"
    return found[0]


def grid(t) -> list[tuple]:
    """(label, column, raw, value, page) for every cell of every row, in order."""
    return [(r.label, c.column, c.raw, c.value, r.page) for r in t.rows for c in r.cells]


def D(s: str) -> Decimal:
    return Decimal(s)


# ---- the variants --------------------------------------------------------------------------------------

HEAD = [[("科目编码", 2, 1), ("科目名称", 2, 1), ("合计", 2, 1), ("其中", 1, 2), None],
        [None, None, None, "基本支出", "项目支出"]]
WIDTHS = [70, 170, 90, 90, 90]


def _rows(start: int, count: int) -> list[list[str]]:
    """Function-subject rows with figures that add up per row: 基本 k.10, 项目 k.05."""
    out = []
    for k in range(start, start + count):
        basic, project = Decimal(f"{k}.10"), Decimal(f"{k}.05")
        out.append([f"20101{k:02d}", f"支出科目{k:02d}", f"{basic + project:.2f}", f"{basic:.2f}", f"{project:.2f}"])
    return out


def _assert_rows(t, pages: dict[int, int]):
    """Rows 1..n in order, each on its page, with its three figures at their columns."""
    rows = [r for r in t.rows if r.code]
    assert [r.code for r in rows] == [f"20101{k:02d}" for k in range(1, len(rows) + 1)]
    for k, r in enumerate(rows, start=1):
        assert r.label == f"支出科目{k:02d}"
        assert r.page == pages[k], (k, r.page)
        assert r.level == "项" and r.parent_code == "20101"
        got = {c.column: c.value for c in r.cells}
        assert got == {"合计": D(f"{k}.10") + D(f"{k}.05"), "其中/基本支出": D(f"{k}.10"),
                       "其中/项目支出": D(f"{k}.05")}, got


def test_a_table_continued_without_its_header_is_one_table():
    s = Sheet()
    top = s.title(60, "预算05表 一般公共预算财政拨款支出表")
    s.table(top, WIDTHS, HEAD + _rows(1, 6))
    s.page()
    s.table(60, WIDTHS, _rows(7, 4) + [[("合计", 1, 2), None, "123.45", "100.00", "23.45"]])
    t = table(parse(s), "一般公共预算财政拨款支出表")
    assert [c.path for c in t.columns] == ["科目编码", "科目名称", "合计", "其中/基本支出", "其中/项目支出"]
    _assert_rows(t, {k: 1 if k <= 6 else 2 for k in range(1, 11)})
    total = t.rows[-1]
    assert (total.label, total.page, [c.raw for c in total.cells]) == ("合计", 2, ["123.45", "100.00", "23.45"])
    assert t.unit == "万元" and all(c.unit == "万元" for r in t.rows for c in r.cells)


def test_a_repeated_header_on_the_next_page_is_dropped():
    s = Sheet()
    top = s.title(60, "预算05表 一般公共预算财政拨款支出表")
    s.table(top, WIDTHS, HEAD + _rows(1, 5))
    s.page()
    s.table(60, WIDTHS, HEAD + _rows(6, 5))
    t = table(parse(s), "一般公共预算财政拨款支出表")
    assert len(t.rows) == 10
    _assert_rows(t, {k: 1 if k <= 5 else 2 for k in range(1, 11)})


def test_a_three_level_merged_header_flattens_into_paths():
    s = Sheet()
    top = s.title(60, "预算07表 一般公共预算基本支出表")
    head = [[("项目", 3, 1), ("本年支出", 1, 4), None, None, None],
            [None, ("基本支出", 1, 2), None, ("项目支出", 2, 1), ("合计", 2, 1)],
            [None, "人员经费", "公用经费", None, None]]
    body = [["工资福利支出", "1,200.00", "0.00", "", "1,200.00"],
            ["商品和服务支出", "", "345.60", "10.00", "355.60"]]
    s.table(top, [150, 90, 90, 90, 90], head + body)
    t = table(parse(s), "一般公共预算财政拨款基本支出表")
    assert [c.path for c in t.columns] == ["项目", "本年支出/基本支出/人员经费", "本年支出/基本支出/公用经费",
                                           "本年支出/项目支出", "本年支出/合计"]
    assert grid(t) == [
        ("工资福利支出", "本年支出/基本支出/人员经费", "1,200.00", D("1200.00"), 1),
        ("工资福利支出", "本年支出/基本支出/公用经费", "0.00", D("0.00"), 1),
        ("工资福利支出", "本年支出/项目支出", "", D(0), 1),
        ("工资福利支出", "本年支出/合计", "1,200.00", D("1200.00"), 1),
        ("商品和服务支出", "本年支出/基本支出/人员经费", "", D(0), 1),
        ("商品和服务支出", "本年支出/基本支出/公用经费", "345.60", D("345.60"), 1),
        ("商品和服务支出", "本年支出/项目支出", "10.00", D("10.00"), 1),
        ("商品和服务支出", "本年支出/合计", "355.60", D("355.60"), 1)]
    blank = [c for r in t.rows for c in r.cells if not c.raw]
    assert len(blank) == 2 and all(c.blank for c in blank)


def test_codes_split_into_class_item_and_subitem_columns():
    s = Sheet()
    top = s.title(60, "预算05表 一般公共预算财政拨款支出表")
    head = [[("功能分类科目编码", 1, 3), None, None, ("科目名称", 2, 1), ("金额", 2, 1)],
            ["类", "款", "项", None, None]]
    body = [["201", "", "", "一般公共服务支出", "1,000.00"],
            ["", "06", "", "财政事务", "1,000.00"],
            ["", "", "01", "行政运行", "800.00"],
            ["", "", "02", "一般行政管理事务", "200.00"],
            ["208", "", "", "社会保障和就业支出", "50.00"],
            ["", "5", "", "行政事业单位养老支出", "50.00"],  # 款 printed without its leading zero
            ["", "", "05", "机关事业单位基本养老保险缴费支出", "50.00"]]
    s.table(top, [40, 40, 40, 200, 100], head + body)
    t = table(parse(s), "一般公共预算财政拨款支出表")
    got = [(r.code, r.level, r.parent_code, r.label, r.cells[0].value) for r in t.rows]
    assert got == [
        ("201", "类", None, "一般公共服务支出", D("1000.00")),
        ("20106", "款", "201", "财政事务", D("1000.00")),
        ("2010601", "项", "20106", "行政运行", D("800.00")),
        ("2010602", "项", "20106", "一般行政管理事务", D("200.00")),
        ("208", "类", None, "社会保障和就业支出", D("50.00")),
        ("20805", "款", "208", "行政事业单位养老支出", D("50.00")),
        ("2080505", "项", "20805", "机关事业单位基本养老保险缴费支出", D("50.00"))]
    assert {c.column for r in t.rows for c in r.cells} == {"金额"}


def test_thousands_separators_and_units_per_table():
    s = Sheet()
    top = s.title(60, "表1 部门收支总表", unit="单位：元")
    head = [["项目", "预算数"]]
    body = [["一、一般公共预算拨款收入", "12,345,678.90"], ["二、事业收入", "1,000"], ["收入总计", "12,346,678.90"]]
    bottom = s.table(top, [250, 150], head + body)
    top = s.title(bottom + 30, "表2 部门收入总表", unit="金额单位：万元")
    s.table(top, [250, 150], [["项目", "合计"], ["一般公共预算拨款收入", "1,234.57"]])
    doc = parse(s)
    t1, t2 = table(doc, "收支总表"), table(doc, "收入总表")
    assert (t1.unit, t2.unit) == ("元", "万元")
    assert grid(t1) == [("一、一般公共预算拨款收入", "预算数", "12,345,678.90", D("12345678.90"), 1),
                        ("二、事业收入", "预算数", "1,000", D("1000"), 1),
                        ("收入总计", "预算数", "12,346,678.90", D("12346678.90"), 1)]
    assert [c.unit for r in t1.rows for c in r.cells] == ["元"] * 3
    assert grid(t2) == [("一般公共预算拨款收入", "合计", "1,234.57", D("1234.57"), 1)]
    assert t2.rows[0].cells[0].unit == "万元"


def test_an_empty_table_is_kept_with_its_note():
    s = Sheet()
    top = s.title(60, "预算08表 政府性基金预算财政拨款支出表")
    bottom = s.table(top, [200, 100, 100, 100],
                     [["科目名称", "合计", "基本支出", "项目支出"], ["", "", "", ""]])
    s.text(40, bottom + 8, "注：本部门无政府性基金预算财政拨款安排的支出，故本表为空表。")
    top = s.title(bottom + 60, "预算09表 国有资本经营预算财政拨款支出表")
    s.text(40, top + 4, "注：本部门没有国有资本经营预算财政拨款收支，本表无数据。")
    # A money table after them, so that the document reads as a disclosure.
    top = s.title(top + 60, "预算01表 收支总表")
    s.table(top, [250, 150], [["项目", "预算数"], ["收入总计", "10.00"]])
    doc = parse(s)
    fund = table(doc, "政府性基金预算财政拨款支出表")
    assert fund.note and "空表" in fund.note
    assert all(c.blank and c.value == 0 for r in fund.rows for c in r.cells)
    state = table(doc, "国有资本经营预算财政拨款支出表")
    assert state.rows == [] and "无数据" in state.note
    assert grid(table(doc, "收支总表")) == [("收入总计", "预算数", "10.00", D("10.00"), 1)]


def test_a_name_wrapped_over_two_ruled_rows_is_one_row():
    s = Sheet()
    top = s.title(60, "预算03表 支出总表")
    head = [["科目名称", "合计"]]
    # The name set as one paragraph over the rule between two rows: its second line at the next row's top.
    body = [["一、一般公共服务支出", "10.00"],
            [("二、文化旅游体育与传媒支", 1, 1, "bottom"), ""],
            [("出", 1, 1, "top"), ""],
            ["三、社会保障和就业支出", "5.00"],
            ["事业收入", ""],
            ["用事业基金弥补收支差额", ""]]
    s.table(top, [130, 100], head + body)
    t = table(parse(s), "支出总表")
    assert [(r.label, r.cells[0].value) for r in t.rows] == [
        ("一、一般公共服务支出", D("10.00")), ("二、文化旅游体育与传媒支出", D(0)),
        ("三、社会保障和就业支出", D("5.00")), ("事业收入", D(0)), ("用事业基金弥补收支差额", D(0))]


def test_white_boxes_behind_the_text_are_not_rulings():
    s = Sheet()
    top = s.title(60, "预算03表 支出总表")
    body = [["科目名称", "合计"], ["一、一般公共服务支出", "10.00"],
            ["二、文化旅游体育与传媒\n支出", "2.50"], ["三、住房保障支出", "1,000.00"]]
    s.table(top, [130, 100], body, height=28, white_boxes=True)
    t = table(parse(s), "支出总表")
    assert grid(t) == [("一、一般公共服务支出", "合计", "10.00", D("10.00"), 1),
                       ("二、文化旅游体育与传媒支出", "合计", "2.50", D("2.50"), 1),
                       ("三、住房保障支出", "合计", "1,000.00", D("1000.00"), 1)]


def test_a_cell_cut_by_the_page_break_is_read_on_both_pages():
    """A project whose merged cells run over the page break: no rule closes them at the page foot, nor
    opens them at the next page's head; what each page prints in them is read, a text cut by the break
    joined on the page where its row's figures are."""
    s = Sheet()
    top = s.title(60, "预算12表 项目支出绩效目标表")
    widths = [90, 60, 60, 80, 80, 90, 45]
    head = [["项目名称", "项目总额", "财政资金", "绩效目标", "一级指标", "二级指标", "指标值"]]
    first = [[("A项目", 2, 1), ("12.500000", 2, 1), ("12.500000", 2, 1), ("按期完成", 2, 1), "产出指标",
              "数量指标", "10"],
             [None, None, None, None, "效益指标", "社会效益指标", "95"],
             [("B项目", 2, 1), ("", 2, 1), ("", 2, 1), ("提升服务", 2, 1), "产出指标", "质量指标", "98"],
             [None, None, None, None, "产出指标", "时效指标", "12"]]
    s.table(top, widths, head + first, open_bottom=True)
    s.page()
    # The goal's text runs on over the break: its start on the first page, the rest on the second.
    second = [[("B项目", 2, 1), ("40.600000", 2, 1), ("40.600000", 2, 1), ("质量和效率", 2, 1), "成本指标",
               "经济成本指标", "800"],
              [None, None, None, None, "满意度指标", "服务对象满意度指标", "90"]]
    bottom = s.table(60, widths, second, open_top=True)
    top = s.title(bottom + 40, "预算01表 收支总表")
    s.table(top, [250, 150], [["项目", "预算数"], ["收入总计", "52.10"]])
    doc = parse(s)
    t = table(doc, "绩效目标表")
    money = [(r.page, c.column, c.raw, c.value) for r in t.rows for c in r.cells
             if c.column in ("项目总额", "财政资金") and c.raw]
    assert money == [(1, "项目总额", "12.500000", D("12.5")), (1, "财政资金", "12.500000", D("12.5")),
                     (2, "项目总额", "40.600000", D("40.6")), (2, "财政资金", "40.600000", D("40.6"))]
    values = [(r.page, c.raw) for r in t.rows for c in r.cells if c.column == "指标值"]
    assert values == [(1, "10"), (1, "95"), (1, "98"), (1, "12"), (2, "800"), (2, "90")]
    goals = [(r.page, c.raw) for r in t.rows for c in r.cells if c.column == "绩效目标" and c.raw]
    assert goals == [(1, "按期完成"), (2, "提升服务质量和效率")]
    assert doc.skipped == []


def test_rows_printed_without_rules_under_a_ruled_header_are_read_by_column():
    """Only the header is ruled; each line below whose words lie inside the header's columns is a row. The
    line whose figure stands across a column edge ends the rows: it is not guessed into either column."""
    s = Sheet()
    top = s.title(60, "预算03表 支出总表")
    widths, x = [160, 100, 100, 100], 40
    bottom = s.table(top, widths, [["科目名称", "合计", "基本支出", "项目支出"]], x=x)
    edges = [x + sum(widths[:k + 1]) for k in range(len(widths))]
    body = [("一般公共服务支出", "300.00", "200.00", "100.00"),
            ("教育支出", "1,250.50", "", "1,250.50"),
            ("合计", "1,550.50", "200.00", "1,350.50")]
    y = bottom + 6
    for name, *figures in body:
        s.text(x + 3, y, name)
        for k, f in enumerate(figures, start=1):
            if f:
                s.text(edges[k] - 3, y, f, right=True)
        y += 16
    s.text(edges[1] - 20, y, "999.99")  # straddles the edge between 合计 and 基本支出
    doc = parse(s)
    t = table(doc, "支出总表")
    assert grid(t) == [
        ("一般公共服务支出", "合计", "300.00", D("300.00"), 1), ("一般公共服务支出", "基本支出", "200.00", D("200.00"), 1),
        ("一般公共服务支出", "项目支出", "100.00", D("100.00"), 1),
        ("教育支出", "合计", "1,250.50", D("1250.50"), 1), ("教育支出", "基本支出", "", D(0), 1),
        ("教育支出", "项目支出", "1,250.50", D("1250.50"), 1),
        ("合计", "合计", "1,550.50", D("1550.50"), 1), ("合计", "基本支出", "200.00", D("200.00"), 1),
        ("合计", "项目支出", "1,350.50", D("1350.50"), 1)]
    assert all(c.bbox for r in t.rows for c in r.cells if c.raw)
    assert any("999.99" in item for item in doc.skipped), doc.skipped
