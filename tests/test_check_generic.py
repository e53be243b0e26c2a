"""Fact check on layouts other than the sample's: the header tree, enumeration levels, carry-over sub-lines,
units, and the rounding policy. Each test builds the few tables it needs from the data model directly."""
from decimal import Decimal

from assistant.check import FAIL, PASS, ROUNDING, UNCHECKED, render_text, run_checks, summarize
from ingest import model
from ingest.model import Cell, Column, Document, ParsedDocument, Passage, Row, Table
from ingest.values import money


def doc(*tables: Table, passages: tuple[str, ...] = (), kind: str = "预算") -> ParsedDocument:
    d = Document("0" * 16, "t", "", "某局", 2026, kind, "万元", "t.pdf", "0" * 64)
    return ParsedDocument(d, list(tables), [Passage(i, "一、总体情况", text) for i, text in enumerate(passages)])


def table(ordinal: int, kind: str, paths: list[str], rows: list[tuple], unit: str = "万元") -> Table:
    """rows: (label, {path: raw}, code, side); paths after the first are value columns."""
    t = Table(ordinal, f"表{ordinal}", kind, [Column(i, p) for i, p in enumerate(paths)], unit=unit)
    for n, (label, cells, code, side) in enumerate(rows):
        row = Row(n, label, code=code, side=side)
        for p in paths[1:]:
            if p in cells:
                raw = cells[p]
                row.cells.append(Cell(p, raw, money(raw) if raw else Decimal(0), blank=not raw, unit=unit))
        t.rows.append(row)
    return t


def r(label, cells, code=None, side=None):
    return (label, cells, code, side)


def by_id(checks, prefix):
    return [c for c in checks if c.id.startswith(prefix)]


THREE = ["项目", "预算数/合计", "预算数/因公出国（境）费", "预算数/公务用车购置及运行维护费/小计",
         "预算数/公务用车购置及运行维护费/公务用车购置费", "预算数/公务用车购置及运行维护费/公务用车运行维护费",
         "预算数/公务接待费", "机关运行经费预算数"]


def three_public(total="76.43", car="40.63", run="40.63", ordinal=1) -> Table:
    return table(ordinal, model.THREE_PUBLIC, THREE, [r("合计", dict(zip(THREE[1:], [total, "30.00", car, "", run, "5.80", "217.83"])))])


def test_a_subtotal_column_is_compared_with_its_own_children_only():
    checks = run_checks(doc(three_public()))
    cols = {c.id.split(":")[-1]: c for c in by_id(checks, "cols:")}
    assert set(cols) == {"预算数/合计", "预算数/公务用车购置及运行维护费/小计"}
    top = cols["预算数/合计"]
    assert top.verdict == PASS and [ref.column for ref in top.cells[1:]] == [
        "预算数/因公出国（境）费", "预算数/公务用车购置及运行维护费/小计", "预算数/公务接待费"]
    # a child changed by 0.01: its own 小计 fails, the 合计 (which counts the 小计) does not
    checks = run_checks(doc(three_public(run="40.64")))
    fails = {c.id.split(":")[-1] for c in checks if c.verdict == FAIL}
    assert fails == {"预算数/公务用车购置及运行维护费/小计"}


def test_deducted_and_memo_columns_are_not_addends_but_a_split_under_qizhong_is():
    paths = ["科目名称", "预算数/年初预算数/小计", "预算数/年初预算数/基本支出", "预算数/年初预算数/项目支出",
             "预算数/扣除中央基建投资后预算数"]
    t = table(1, model.GPB_EXPENDITURE, paths, [r("合计", dict(zip(paths[1:], ["100.00", "60.00", "40.00", "90.00"])))])
    (check,) = by_id(run_checks(doc(t)), "cols:")
    assert check.verdict == PASS and len(check.cells) == 3
    paths = ["科目名称", "一般公共预算支出/小计", "一般公共预算支出/其中：基本支出", "一般公共预算支出/项目支出"]
    t = table(1, model.GPB_EXPENDITURE, paths, [r("合计", dict(zip(paths[1:], ["100.00", "60.00", "40.00"])))])
    (check,) = by_id(run_checks(doc(t)), "cols:")
    assert check.verdict == PASS and len(check.cells) == 3


def test_a_root_total_adds_every_group_even_without_subtotals():
    # 广州 收入总体情况表: 合计 over groups printed without their own 小计
    paths = ["单位名称", "合计", "财政拨款收入/一般公共预算", "财政拨款收入/政府性基金预算", "财政专户拨款收入/教育收费",
             "其他资金收入/事业收入", "上级补助收入", "上年结转结余"]
    t = table(1, model.INCOME, paths, [r("合计", dict(zip(paths[1:], ["16.00", "10.00", "1.00", "2.00", "3.00", "", ""])))])
    (check,) = by_id(run_checks(doc(t)), "cols:")
    assert check.verdict == PASS and len(check.cells) == 7


def test_carry_over_sub_lines_are_not_added_again_into_the_grand_total():
    income = [r("一、一般公共预算财政拨款", {"收入/金额": "100.00"}, side="收入"),
              r("本年收入合计", {"收入/金额": "100.00"}, side="收入"),
              r("年初结转和结余", {"收入/金额": "30.00"}, side="收入"),
              r("一般公共预算财政拨款", {"收入/金额": "10.00"}, side="收入"),
              r("政府性基金预算财政拨款", {"收入/金额": "20.00"}, side="收入"),
              r("总计", {"收入/金额": "130.00"}, side="收入")]
    t = table(1, model.FISCAL_SUMMARY, ["项目", "收入/金额"], income)
    checks = run_checks(doc(t))
    grand = next(c for c in checks if c.id == "sum:财政拨款收支总表:收入:总计:收入/金额")
    assert grand.verdict == PASS and [ref.row.label for ref in grand.cells] == ["总计", "本年收入合计", "年初结转和结余"]
    assert next(c for c in checks if c.id == "sum:财政拨款收支总表:收入:年初结转和结余:收入/金额").verdict == PASS


def test_items_are_the_outermost_numbering_only():
    income = [r("一、财政拨款收入", {"收入/预算数": "100.00"}, side="收入"),
              r("1. 一般公共预算", {"收入/预算数": "90.00"}, side="收入"),
              r("2. 政府性基金预算", {"收入/预算数": "10.00"}, side="收入"),
              r("二、事业收入", {"收入/预算数": "5.00"}, side="收入"),
              r("本年收入合计", {"收入/预算数": "105.00"}, side="收入")]
    checks = run_checks(doc(table(1, model.SUMMARY, ["项目", "收入/预算数"], income)))
    assert {c.id: c.verdict for c in by_id(checks, "sum:")} == {
        "sum:收支总表:收入:本年收入合计:收入/预算数": PASS, "sum:收支总表:收入:财政拨款收入:收入/预算数": PASS}


def test_a_summary_line_meets_the_expenditure_class_by_code_not_by_label():
    summary = table(1, model.SUMMARY, ["项目", "支出/预算数"], [
        r("一、一般公共服务支出", {"支出/预算数": "12.00"}, side="支出"), r("本年支出合计", {"支出/预算数": "12.00"}, side="支出")])
    exp = table(2, model.EXPENDITURE, ["科目名称", "合计"], [
        r("合计", {"合计": "12.00"}), r("[201]一般公共服务支出", {"合计": "12.00"}),
        r("[2010301]行政运行", {"合计": "12.00"})])
    checks = run_checks(doc(summary, exp))
    assert next(c for c in checks if c.id == "cross:收支总表~支出总表:一般公共服务支出").verdict == PASS


def test_figures_in_yuan_and_wan_yuan_are_compared_at_the_coarser_precision():
    paths = ["科目名称", "一般公共预算基本支出/合计", "一般公共预算基本支出/人员经费", "一般公共预算基本支出/公用经费"]
    basic = table(1, model.GPB_BASIC, paths, [
        r("合计", dict(zip(paths[1:], ["25,741,666.44", "23,563,342.00", "2,178,324.44"]))),
        r("商品和服务支出", dict(zip(paths[1:], ["2,178,324.44", "", "2,178,324.44"])), code="302"),
        r("公务用车运行维护费", dict(zip(paths[1:], ["99,750.00", "", "99,750.00"])), code="30231"),
        r("其他商品和服务支出", dict(zip(paths[1:], ["2,078,574.44", "", "2,078,574.44"])), code="30299"),
        r("工资福利支出", dict(zip(paths[1:], ["23,563,342.00", "23,563,342.00", ""])), code="301")], unit="元")
    three = three_public(total="9.98", car="9.98", run="9.98", ordinal=2)
    three.rows[0].cells[1] = Cell(THREE[2], "0", Decimal(0), unit="万元")
    three.rows[0].cells[5] = Cell(THREE[6], "0", Decimal(0), unit="万元")
    checks = run_checks(doc(basic, three, passages=("机关运行经费预算为217.83万元。", "基本支出2574.17万元。",
                                                    "基本支出2574.18万元。")))
    cross = next(c for c in checks if c.id.endswith(":30231"))
    assert cross.verdict == PASS and cross.expected == Decimal("9.975") and cross.unit == "万元"
    narrative = [c for c in checks if c.kind == "narrative"]
    assert [c.verdict for c in narrative] == [PASS, PASS, FAIL]  # 2574.1666… rounds to 2574.17, not .18
    assert narrative[1].cells[0].unit == "元" and narrative[2].difference == Decimal("0.013356")
    assert not [c for c in checks if c.verdict == FAIL and c.kind != "narrative"]


def _rounded_doc(*deltas: str) -> ParsedDocument:
    """Two independent subject tables whose parents may miss their children by the given amounts."""
    tables = []
    for n, delta in enumerate(deltas, start=1):
        parent = Decimal("3.00") + Decimal(delta)
        tables.append(table(n, model.EXPENDITURE if n == 1 else model.GPB_EXPENDITURE, ["科目名称", "合计"], [
            r("一般公共服务支出", {"合计": str(parent)}, code="201"), r("行政运行", {"合计": "1.00"}, code="2010101"),
            r("一般行政管理事务", {"合计": "2.00"}, code="2010102")]))
    return doc(*tables)


def test_a_cent_off_is_a_fail_unless_the_document_shows_rounding_elsewhere():
    one = run_checks(_rounded_doc("0.01", "0"))
    assert [c.verdict for c in one if c.id.startswith("tree:")] == [FAIL, PASS]
    assert "rounding" not in summarize(one)["verdicts"]
    two = run_checks(_rounded_doc("0.01", "-0.01"))
    trees = [c for c in two if c.id.startswith("tree:")]
    assert [c.verdict for c in trees] == [ROUNDING, ROUNDING] and trees[0].tolerance == Decimal("0.015")
    assert summarize(two)["verdicts"][ROUNDING] == 2
    text = render_text(doc().document, two)
    assert "舍入差异 [tree:" in text and text.splitlines()[-1].startswith("汇总：") and "舍入差异 2" in text
    # beyond the tolerance (three figures: ±0.015) stays a fail even with evidence
    assert [c.verdict for c in run_checks(_rounded_doc("0.02", "0.01", )) if c.id.startswith("tree:")] == [FAIL, FAIL]


def test_codes_listed_twice_under_different_names_make_subject_sums_unchecked():
    t = table(1, model.EXPENDITURE, ["科目名称", "合计"], [
        r("合计", {"合计": "5.00"}), r("一般公共服务支出", {"合计": "5.00"}, code="201"),
        r("财政事务", {"合计": "5.00"}, code="201"), r("行政运行", {"合计": "5.00"}, code="201")])
    checks = run_checks(doc(t))
    assert {c.id: c.verdict for c in checks if c.id.startswith(("tree:", "sum:"))} == {
        "sum:支出总表:编码": UNCHECKED, "tree:支出总表:编码": UNCHECKED}
