"""The reading order of a PDF's pages: titles, tables, continuations, notes and narrative, as one stream.

``readers/pdf.py`` hands over each page's text lines (outside the tables) and ruled tables; this module
decides which lines title which table, which table continues on the next page, which lines are a table's
note and which are narrative, then builds every table through ``ingest.grid`` and rejoins the narrative
into paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import grid as gridlib
from .. import templates
from ..grid import GCell, Grid
from ..model import OVERALL_PERFORMANCE, PERFORMANCE, SELF_EVALUATION, Document, Table
from ..textnorm import paragraph_lines
from ..values import clean, money
from .passages import is_heading as passages_heading

_UNIT = templates.UNIT_LINE
# An amount printed as a table prints it (no 万元 after it): two of these on one line make a row of figures.
LOOSE_FIGURE = re.compile(r"(?<![\d.,])-?\d{1,3}(?:,\d{3})*\.\d{2,6}(?!\d|\s*[万元%])")
_LEADERS = re.compile(r"[…\.·]{4,}|…{2,}")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


@dataclass
class PageTable:
    bbox: tuple[float, float, float, float]
    grid: Grid
    xs: list[tuple[float, float]]  # each column's left and right edge, to line up continuation pages
    page: int
    # Columns whose cell in the first (last) row is open at the top (bottom), closed by the reader where
    # the vertical rules end: the cell goes on over the page break.
    open_top: set[int] = field(default_factory=set)
    open_bottom: set[int] = field(default_factory=set)


@dataclass
class _Pending:
    """A table being read: its title and the grids of its pages."""

    title: str
    page: int
    unit: str | None = None
    grids: list[PageTable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    section: str | None = None
    text_after: bool = False  # narrative came after it: a later table of the same title is another one
    note_x0: float = 0.0  # where its note's lines start: a wrapped note line starts there too


class Stream:
    """Reads the pages' lines and tables in order: titles, tables, continuations, notes, narrative."""

    def __init__(self, document: Document, printed: dict[int, str]):
        self.document = document
        self.printed = printed
        self.pending: list[_Pending] = []  # every table met, in order; built at the end
        self.narrative: list[Line] = []  # lines that are neither tables nor their titles, in reading order
        self.title_lines: list[Line] = []
        self.unit: str | None = None
        self.after_table = False  # nothing but page furniture and notes since the last table
        self.toc_pages: set[int] = set()
        self.section: str | None = None

    @property
    def current(self) -> _Pending | None:
        return self.pending[-1] if self.pending and self.after_table else None

    def read(self, lines: list[Line], tables: list[PageTable], skipped: list[str]):
        self.skipped = skipped
        items = [(ln.page, ln.top, 0, ln) for ln in lines] + [(t.page, t.bbox[1], 1, t) for t in tables]
        items.sort(key=lambda it: (it[0], it[1], it[2]))
        self.toc_pages = {ln.page for ln in lines if re.sub(r"\s", "", ln.text) in ("目录", "目錄")}
        self.table_pages = {t.page for t in tables}
        self.outside: list[Line] = []
        for _page, _top, is_table, item in items:
            if is_table:
                self._table(item)
            else:
                self._line(item)
        if self.title_lines:  # a title at the very end with no grid
            self._as_text(self.title_lines)
        tables = self._build_all()
        self._list_outside(tables)
        return tables, _paragraphs(self.narrative)

    def _list_outside(self, tables: list[Table]) -> None:
        """Lines of figures beside a table but outside its ruling are listed as not read — unless the
        table goes on over the page break next to them and a row of it there holds all their figures (not
        only zeros): a cell cut by the break prints its text on both pages, the copy beyond the rule
        clipped from sight."""
        for ln in self.outside:
            figures = LOOSE_FIGURE.findall(ln.text)
            rows = [[c.raw for c in r.cells] for t in tables if any(r.page == ln.page for r in t.rows)
                    for r in t.rows if r.page in (ln.page - 1, ln.page + 1)]
            if any(f.strip("0.,-") for f in figures) \
                    and any(all(row.count(f) >= figures.count(f) for f in figures) for row in rows):
                continue  # the same row, read on the other side of the break
            self.skipped.append(f"第{ln.page}页：表格线外的一行数字未作为表格读取（{ln.text[:40]}）")

    def _as_text(self, lines: list[Line]) -> None:
        """Lines held as a possible title that no grid followed: they are narrative after all."""
        held, self.title_lines = list(lines), []
        for ln in held:
            self._paragraph(ln)

    def _title(self) -> str:
        title = clean(" ".join(clean(ln.text) for ln in self.title_lines))
        self.title_lines = []
        return title

    def _line(self, ln: Line) -> None:
        text = ln.text
        flat = clean(text).replace(" ", "")
        if ln.page in self.toc_pages and (_LEADERS.search(text) or re.search(r"\d+$", flat)):
            return  # a contents line: the title it lists is read where the table is
        if not re.sub(r"[\s“”\"'‘’]", "", flat):
            return  # quote marks a font printed on a line of their own
        number_only = templates.is_table_number(flat)
        title = number_only or (templates.is_table_title(text) and ln.page not in self.toc_pages)
        if title:
            # A title and its number ("收入决算表" / "公开02表", "表1" / "收支总表") are one heading, printed
            # in either order; a second title means the first named no grid (a list of the tables).
            before = [templates.is_table_number(t.text) for t in self.title_lines]
            if self.title_lines and ((number_only and all(before)) or (not number_only and not any(before))
                                     or len(self.title_lines) >= 2):
                self._as_text(self.title_lines)
            self.title_lines.append(ln)
            self.unit = None
            self.after_table = False
            return
        if self.title_lines and templates.is_table_number(self.title_lines[-1].text) \
                and len(flat) <= 60 and not re.search(r"[。，；]", flat) and not templates.boilerplate(text) \
                and not _UNIT.search(text):
            self.title_lines.append(ln)  # "表10" then a title that does not end in 表
            return
        if self.title_lines and (_open_paren(" ".join(t.text for t in self.title_lines))
                                 or re.fullmatch(r"[（(][^（）()]{1,20}[)）]", flat)):
            self.title_lines.append(ln)  # the rest of a wrapped title, or its "（2022年度）" line
            return
        if templates.boilerplate(text) or _UNIT.search(text):
            m = _UNIT.search(text)
            if m:
                self.unit = m.group(1)
            return
        if self.current is not None and templates.is_note(text):
            self.current.notes.append(clean(text))
            self.current.note_x0 = ln.x0
            return
        if self.current is not None and self.current.notes and ln.x0 <= self.current.note_x0 + 6:
            self.current.notes[-1] += clean(text)  # a note wrapped onto a second line
            return
        if self.title_lines:
            # A title followed by prose before any grid: an empty table published with a note.
            if templates.says_empty(text) or templates.is_note(text):
                self._start(self._title(), page=ln.page, notes=[clean(text)])
                self.after_table = True
                return
            self._as_text(self.title_lines)  # a heading that only looked like a title
        self._paragraph(ln)

    def _paragraph(self, ln: Line) -> None:
        if self.pending:
            self.pending[-1].text_after = True
        self.after_table = False
        if passages_heading(ln.text):
            self.section = ln.text
        figures = len(LOOSE_FIGURE.findall(ln.text))
        if ln.page in self.table_pages and (figures >= 2 or figures == 1 and len(ln.text) <= 40
                                            and not re.search(r"[。，；：]", ln.text)):
            # Figures in a row of their own beside a table but outside its ruling: a row the table finder
            # did not see. Said, not guessed at: the figures stay text, and the summary lists the line.
            self.outside.append(ln)
        self.narrative.append(ln)

    def _start(self, title: str, page: int, notes: list[str], unit: str | None = None) -> _Pending:
        p = _Pending(title=title, page=page, unit=unit or self.unit, notes=notes, section=self.section)
        self.pending.append(p)
        self.unit = None
        return p

    def _table(self, t: PageTable) -> None:
        split = gridlib.split_rows(t.grid)
        inner_title = next((m for m in split.meta if templates.is_table_title(m)), None)
        inner_unit = next((u.group(1) for m in split.meta if (u := _UNIT.search(m))), None)
        if self.title_lines or inner_title:
            title = self._title() if self.title_lines else clean(inner_title)
            current = self._start(title, page=t.page, notes=[], unit=self.unit or inner_unit)
        elif self.current is not None:
            current = self.current  # no title of its own: the previous table continues on this page
        elif self.pending and self.pending[-1].grids and self.pending[-1].grids[-1].page == t.page - 1 \
                and _same_columns(self.pending[-1].grids[-1].xs, t.xs):
            # No title, right after a table on the previous page with the same column rules: its rows go
            # on here, even past lines printed between (rows of it that lost their ruling at the page foot).
            current = self.pending[-1]
        else:
            current = self._start(f"第{t.page}页表格", page=t.page, notes=[], unit=inner_unit)
        if current.unit is None:
            current.unit = inner_unit or self.unit
        current.grids.append(t)
        self.after_table = True

    def _build_all(self) -> list[Table]:
        """Build every table; a table printed again under the same title on the next page (表1 … 表1) with
        nothing but furniture between is one table."""
        merged: list[_Pending] = []
        for p in self.pending:
            prev = merged[-1] if merged else None
            if (prev is not None and not prev.text_after and prev.grids and p.grids
                    and _base_title(prev.title) == _base_title(p.title) and p.grids[0].page > prev.grids[-1].page):
                prev.grids += p.grids
                prev.notes += p.notes
                prev.text_after = p.text_after
                continue
            merged.append(p)
        tables: list[Table] = []
        last_unit = None
        for p in merged:
            kind = templates.table_kind(p.title)
            unit = p.unit or (last_unit if kind in templates.money_kinds() else None)
            if kind in templates.money_kinds() and unit is None:
                unit = self.document.text_unit
            last_unit = unit or last_unit
            table = self._build(p, len(tables), kind, unit)
            if table is not None:
                tables.append(table)
        return tables

    def _build(self, p: _Pending, ordinal: int, kind: str, unit: str | None) -> Table | None:
        note = "\n".join(p.notes) or None
        if not p.grids:
            return Table(ordinal=ordinal, title=p.title, kind=kind, unit=unit, page=p.page, note=note,
                         section=p.section)
        try:
            grid, split = _merge(p.grids, self.printed, forms=kind in _FORMS)
            table = gridlib.build_table(grid, ordinal=ordinal, title=p.title, kind=kind, unit=unit,
                                        doc_year=self.document.year, split=split)
        except Exception as exc:  # a table that cannot be read is listed, never half-invented
            pages = sorted({g.page for g in p.grids})
            self.skipped.append(f"“{p.title}”（第{'、'.join(map(str, pages))}页）：无法解析（{type(exc).__name__}）")
            return None
        table.page = p.grids[0].page
        table.note = note
        table.section = p.section
        _performance_fields(table)
        return table


def _same_columns(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """Two grids ruled alike: the later one's columns each start on a column edge of the earlier one and
    they end at the same right edge (a continuation page may show only some of the columns ruled)."""
    starts = [x0 for x0, _ in a]
    return abs(a[-1][1] - b[-1][1]) <= 3 and all(any(abs(x0 - s) <= 3 for s in starts) for x0, _ in b)


def _base_title(title: str) -> str:
    return re.sub(r"[（(]续[)）]|\s", "", title)


def _open_paren(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _paragraphs(lines: list[Line]) -> list[tuple[str, int, bool]]:
    """Narrative lines → paragraphs (text, page, set as a heading), each page's layout measured on its
    own; a paragraph that runs over a page break is joined again."""
    out: list[list] = []  # [text, page, heading, ended]
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    for page, page_lines in sorted(by_page.items()):
        dicts = [{"text": ln.text, "x0": ln.x0, "x1": ln.x1, "top": ln.top} for ln in page_lines]
        xs = [ln.x0 for ln in page_lines]
        # The body's left edge: the smallest x0 that several lines share (not an indented first line).
        margin = min([x for x in xs if sum(abs(x - y) < 2 for y in xs) > 1] or xs)
        for k, group in enumerate(paragraph_lines(dicts)):
            first = page_lines[group[0]]
            text = "".join(page_lines[i].text.strip() for i in group)
            centered = len(group) == 1 and first.x0 - margin > 60 and len(text) <= 40 \
                and not re.search(r"[。，；]", text) and not _next_item(text, out[-1][0] if out else "")
            cont = (k == 0 and out and not out[-1][3] and not out[-1][2] and first.x0 - margin < 6
                    and not passages_heading(text) and not centered)
            if cont:  # the paragraph at the foot of the previous page goes on here
                out[-1][0] += text
                out[-1][3] = text.endswith(_ENDS)
                continue
            out.append([text, page, centered, text.endswith(_ENDS)])
    return [(t, p, h) for t, p, h, _ in out]


_ENDS = ("。", "；", "！", "？", "：", ":")
_ITEM_NO = re.compile(r"^(\d{1,2})[.．、]\s*\S")


def _next_item(text: str, before: str) -> bool:
    """「具体包括：1. 本部」 then 「2. 法律援助中心」 set under the first item's name: the next item of a numbered
    list, not a heading set apart (an indented short line reads as one)."""
    m = _ITEM_NO.match(text)
    n = int(m.group(1)) if m else 0
    return n >= 2 and re.search(rf"(?:^|\s|[：:])\s*{n - 1}[.．、]\s*\S[^\n]*$", before) is not None


# The performance forms: tables of indicators, most printing no decimal figure.
_FORMS = (PERFORMANCE, OVERALL_PERFORMANCE, SELF_EVALUATION)


def _merge(grids: list[PageTable], printed: dict[int, str], forms: bool = False) -> tuple[Grid, gridlib.Split]:
    """One grid from a table's pages: continuation pages' repeated header rows dropped, their columns
    lined up with the first page's by position, a row cut at the page break joined to the row above.
    ``forms``: a performance form, whose rows may print no decimal figure (≥ 194 个, 定性 优)."""
    first = grids[0]
    merged = Grid(rows=[list(r) for r in first.grid.rows], pages=list(first.grid.pages))
    split = gridlib.split_rows(merged)
    header_texts = [merged.texts(r) for r in split.header]
    width = merged.width
    before = first
    open_below = _open_below(first, list(range(width)))
    for cont in grids[1:]:
        g = cont.grid
        cmap = _column_map(cont.xs, first.xs) if g.width != width else list(range(g.width))
        csplit = gridlib.split_rows(g)
        start_rows = csplit.data
        if forms and not start_rows:
            # A form's page of indicators with no decimal figure reads as header rows alone (预算13表's pages
            # 2 and 4): a row there that holds an indicator's target (≥ 194, ＝ 100, 定性) and no header word
            # is one of the form's rows, not a header printed again. (A page with a row of decimals keeps the
            # reading it had: its rows above that one stay a header, the cut-row joins unchanged.)
            start_rows = [r for r in csplit.header if _indicator_row(g.texts(r))]
        if not start_rows:
            continue
        if cont.page == before.page + 1 and start_rows[0] == 0:
            _join_across_break(g, cont.open_top, cmap, open_below)
        open_below = _open_below(cont, cmap)
        before = cont
        # Rows above the first data row are a repeated header (or the 栏次 row): already read.
        for k, r in enumerate(start_rows):
            texts = g.texts(r)
            if texts in header_texts:
                continue
            new_r = len(merged.rows)
            row = [GCell("", None, new_r, c) for c in range(width)]
            for c, cell in enumerate(g.rows[r]):
                target = cmap[c]
                if target is None or target >= width:
                    continue
                if (cell.row, cell.col) == (r, c):
                    cell.row, cell.col = new_r, target
                    row[target] = cell
                elif row[target].text == "" and row[target].bbox is None:
                    row[target] = cell
            if k == 0 and _is_cut_row(row, merged, split):
                _join_cut(merged, row)
                continue
            merged.rows.append(row)
            merged.pages.append(cont.page)
    merged.printed = [printed.get(p) for p in merged.pages]
    split = gridlib.split_rows(merged)
    return merged, split


# A form's target cell (a comparator alone or leading a figure, 定性) and the words of a form's header row.
_TARGET_CELL = re.compile(r"^(?:[≥≤＝=＞＜><]\s*[\d.]*\S{0,4}|定性)$")
_FORM_HEADER = re.compile(r"^(?:一级指标|二级指标|三级指标|绩效指标|指标值|年度指标值|指标性质|度量单位|计量单位|分值|得分|"
                          r"实际完成值|偏差原因|活动|项目名称)")


def _indicator_row(texts: list[str]) -> bool:
    return any(_TARGET_CELL.match(t.replace(" ", "")) for t in texts) and \
        not any(_FORM_HEADER.match(t.replace(" ", "")) for t in texts)


def _open_below(t: PageTable, cmap: list[int | None]) -> dict[int, GCell]:
    """The cells of a page's last row that the page break cuts (open at the foot) and that span several
    rows — a merged cell (a project's name, its goal) going on over the break, not one row's own cell."""
    last = len(t.grid.rows) - 1
    return {cmap[c]: g for c in t.open_bottom if c < len(cmap) and cmap[c] is not None
            and (g := t.grid.rows[last][c]).row < last}


def _join_across_break(g: Grid, open_top: set[int], cmap: list[int | None], open_below: dict[int, GCell]) -> None:
    """A merged cell cut by the page break prints the start of its text on one page and the rest on the
    next: the text is joined in the next page's cell (with the row its figures are on), the cut-off start
    taken from the cell above the break. Numbers are never joined, nor a text printed again whole."""
    for c in open_top:
        below, above = g.rows[0][c], open_below.get(cmap[c]) if c < len(cmap) else None
        if above is None or not above.text or not below.text or (below.row, below.col) != (0, c):
            continue
        if any(money(t.replace(" ", "")) is not None for t in (above.text, below.text)) \
                or below.text.startswith(above.text):
            continue
        below.text, above.text = above.text + below.text, ""


def _column_map(xs: list[tuple[float, float]], ref: list[tuple[float, float]]) -> list[int | None]:
    out: list[int | None] = []
    for x0, x1 in xs:
        mid = (x0 + x1) / 2
        k = next((i for i, (a, b) in enumerate(ref) if a - 2 <= mid <= b + 2), None)
        out.append(k)
    return out


def _is_cut_row(row: list[GCell], merged: Grid, split) -> bool:
    """The first row of a continuation page holding only words (no figures, no code): the rest of a name
    that did not fit at the bottom of the previous page."""
    texts = [g.text for g in row if g.text]
    return bool(texts) and len(merged.rows) > 0 and not any(gridlib._is_value(t) or t.isdigit() for t in texts) \
        and not gridlib._TOTAL.match(texts[0]) and len(texts) <= 2


def _join_cut(merged: Grid, row: list[GCell]) -> None:
    last = merged.rows[-1]
    for c, g in enumerate(row):
        if g.text and c < len(last):
            last[c].text += g.text


def _performance_fields(table: Table) -> None:
    """A 绩效目标/自评表 names its project in a 项目名称 row: keep it as the table's project."""
    if table.kind not in ("绩效目标表", "绩效自评表"):
        return
    for row in table.rows:
        if row.label.replace(" ", "") in ("项目名称", "项目") and row.cells:
            name = next((c.raw for c in row.cells if c.raw), None)
            if name:
                table.project = name
                return
