"""A table as a grid of cells (with merged cells and their boxes) → the shared model's ``Table``.

Readers produce a ``Grid`` however they find it (ruling lines on a PDF page, …); everything after that
is the same for every template: which rows are the header and how its merged cells flatten into column
paths, the 栏次 row, which columns hold row numbers, codes and names, side-by-side 收入 | 支出 layouts,
subject codes printed whole, split into 类/款/项 columns or before the name ("2010601-行政运行"), and the
values themselves, read exactly, with their unit and their box on the page.
"""
from __future__ import annotations

import re
from itertools import takewhile
from dataclasses import dataclass, field
from decimal import Decimal

from . import model, templates
from .codepairs import paired_name
from .forms import form_split
from .model import Cell, Column, Row, Table
from .values import NUMBERED, clean, indicator, money

_CODE = re.compile(r"^\d{3,7}$")
# (「196.6万」 is a figure, not the code 196 before a name 6万: a point before a digit is a decimal point)
_CODE_PREFIX = re.compile(r"^(?:(?P<code>\d{3,7})(?:\s*[-－—–、\s]|\s*[.．](?!\d))|[\[【（(](?P<bracketed>\d{3,7})[\]】）)])\s*(?P<name>\S.*)$")
_SPACED_CODE = re.compile(r"^(\d{3}|\d{5})\s+(\d{1,2})$")  # "301 2": a 款 printed apart, its zero lost
_CODE_SUFFIX = re.compile(r"^(?P<code>\d{2})\s+(?P<name>[^\d\s].*)$")
_NUMBER_CELL = re.compile(r"^(\d{1,3}|栏次|行次|\*+|[甲乙丙丁戊己庚辛]|[A-Z])$")
_HEADER_UNIT = re.compile(r"[（(]\s*(?:(?:金额)?单位\s*[:：]\s*)?(万元|元|千元|亿元)\s*[）)]")
_PERCENT = re.compile(r"^[-−]?\d+(\.\d+)?\s*%$")
_TOTAL = re.compile(r"^(合\s*计|总\s*计|小\s*计|收\s*入\s*总\s*计|支\s*出\s*总\s*计|本年收入合计|本年支出合计)")


@dataclass(eq=False)
class GCell:
    """One printed cell; a merged cell is one GCell that every position it covers points to."""

    text: str
    bbox: tuple[float, float, float, float] | None = None
    row: int = 0  # where the cell starts (its top-left position)
    col: int = 0
    ink: tuple[float, float, float, float] | None = None  # where its text is printed, where the reader knows


@dataclass
class Grid:
    rows: list[list[GCell]] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)  # PDF page of each row
    printed: list[str | None] = field(default_factory=list)  # the page number printed on that page

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def origin(self, r: int, c: int) -> GCell | None:
        """The cell that starts at (r, c), or None where a merged cell from elsewhere covers it."""
        g = self.rows[r][c]
        return g if (g.row, g.col) == (r, c) else None

    def keep_columns(self, keep: list[int]) -> "Grid":
        """The grid with only the kept columns; a merged cell whose first column was dropped starts at
        the first kept column it covers."""
        out = Grid(pages=list(self.pages), printed=list(self.printed))
        seen: set[int] = set()
        for r, row in enumerate(self.rows):
            new_row = []
            for k, c in enumerate(keep):
                g = row[c]
                if id(g) not in seen:
                    seen.add(id(g))
                    g.row, g.col = r, k
                new_row.append(g)
            out.rows.append(new_row)
        return out

    def texts(self, r: int) -> list[str]:
        return [g.text for c in range(len(self.rows[r])) if (g := self.origin(r, c)) is not None and g.text]


def cell_text(text: str | None) -> str:
    """A cell's text with the lines a narrow cell wrapped it onto joined again."""
    if not text:
        return ""
    parts = [p.strip() for p in text.split("\n")]
    out = parts[0]
    for p in parts[1:]:
        # Chinese wraps anywhere and a number wrapped in a narrow cell ("376,936.6" / "0") is one number;
        # only Latin words were separated by a space.
        number_cut = out and p and (out[-1].isdigit() or out[-1] in ",.") and p[0].isdigit()
        latin = out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum()
        out += (" " if latin and not number_cut else "") + p
    return clean(out)


# --- which rows are what ---------------------------------------------------------------------------------

def _is_value(text: str) -> bool:
    t = text.replace(" ", "")
    return money(t) is not None and ("." in t or "," in t or t in ("0", "-")) or bool(_PERCENT.match(t))


def _is_data_row(grid: Grid, r: int) -> bool:
    cells = [(c, g.text) for c in range(len(grid.rows[r])) if (g := grid.origin(r, c)) is not None and g.text]
    if not cells:
        return False
    texts = [t for _, t in cells]
    if any(_is_value(t) for t in texts):
        return True
    first_col, first = cells[0]
    if not (_TOTAL.match(first) or _CODE.match(first) or _CODE_PREFIX.match(first)
            or (NUMBERED.match(first) and len(first) > 2)):
        return False
    # A row of an empty table (合计, a code and its name, blank figures) starts at the left edge; a header
    # row may hold 合计/小计 too, but over a column further right, beside the names of other columns.
    return first_col <= 1 and sum(1 for t in texts if not _CODE.match(t)) <= 2


def _is_number_row(grid: Grid, r: int) -> bool:
    texts = [t.replace(" ", "") for t in grid.texts(r)]
    ints = [t for t in texts if t.isdigit()]
    return len(texts) >= 2 and all(_NUMBER_CELL.match(t) for t in texts) and len(ints) >= 1


def _is_meta_row(grid: Grid, r: int) -> bool:
    """A title or unit line printed inside the ruled area ("预算01表 收支总表", "金额单位：万元"), maybe
    with a fragment of such a line that the ruling cut off ("部门名称：…法" / "院", "单位：万" / "元")."""
    texts = grid.texts(r)
    if not texts or len(texts) > 3:
        return False
    described = [t for t in texts if templates.is_table_title(t) or templates.boilerplate(t)
                 or templates.UNIT_LINE.search(t) or templates.is_table_number(t)]
    fragments = [t for t in texts if t not in described and (t in ("元", "万元", "千元") or len(t) <= 2)]
    return bool(described) and len(described) + len(fragments) == len(texts)


@dataclass
class Split:
    """A grid cut into what its rows are."""

    meta: list[str]  # title and unit lines printed inside the grid
    header: list[int]
    numbers: int | None  # the 栏次 row
    data: list[int]


def split_rows(grid: Grid) -> Split:
    meta: list[str] = []
    r = 0
    n = len(grid.rows)
    while r < n and (not grid.texts(r) or _is_meta_row(grid, r)):
        meta += grid.texts(r)
        r += 1
    header: list[int] = []
    numbers = None
    while r < n and not _is_data_row(grid, r):
        if _is_number_row(grid, r) and header:
            numbers = r
            r += 1
            break
        if grid.texts(r):
            header.append(r)
        r += 1
    data = [k for k in range(r, n) if grid.texts(k)]
    return Split(meta=meta, header=header, numbers=numbers, data=data)


# --- columns ---------------------------------------------------------------------------------------------

def header_paths(grid: Grid, header: list[int], width: int) -> list[str]:
    """Flatten the header rows: each column's path is the texts of the header cells above it, top down;
    a merged cell spanning several columns heads each of them."""
    paths: list[str] = []
    for c in range(width):
        parts: list[str] = []
        seen: set[int] = set()
        for r in header:
            if c >= len(grid.rows[r]):
                continue
            g = grid.rows[r][c]
            if id(g) in seen:
                continue
            seen.add(id(g))
            t = cell_text(g.text).replace(" ", "")
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        paths.append("/".join(parts))
    out: list[str] = []
    for c, p in enumerate(paths):
        p = p or f"第{c + 1}列"
        base, k = p, 2
        while p in out:  # the side-by-side 收支总表 repeats 项目/预算数: keep paths unique per table
            p = f"{base}#{k}"
            k += 1
        out.append(p)
    return out


def _leaf(path: str) -> str:
    return path.split("/")[-1].split("#")[0]


def column_roles(paths: list[str], grid: Grid, data: list[int]) -> dict[int, str]:
    """number | code | codepart | label | value for each column, from its header and its contents."""
    roles: dict[int, str] = {}
    for c, path in enumerate(paths):
        leaf = _leaf(path)
        cells = [cell_text(g.text) for r in data if c < len(grid.rows[r]) and (g := grid.origin(r, c)) is not None]
        filled = [t for t in cells if t]
        amounts = sum(1 for t in filled if _is_value(t))  # printed as money: separators or decimals
        numeric = sum(1 for t in filled if money(t.replace(" ", "")) is not None or _PERCENT.match(t))
        codes = sum(1 for t in filled if t.isdigit() and len(t) in (3, 5, 7))
        texty = len(filled) - numeric
        if leaf in templates.role_words("number") or (any(w in leaf for w in ("行次", "序号")) and not amounts):
            roles[c] = "number"
        elif leaf in templates.role_words("code_parts") and not amounts:
            roles[c] = "codepart"
        elif any(w in path for w in templates.role_words("code")) and not amounts and texty <= numeric:
            roles[c] = "code"
        elif filled and codes == len(filled) and not re.search(r"数|额|金|费|计", leaf):
            roles[c] = "code"
        elif texty > numeric or (not filled and _names_rows(leaf)):
            roles[c] = "label"
        else:
            roles[c] = "value"
    # Codes split over adjacent columns under one 编码 header (201 | 06 | 01) are parts of one code.
    c = 0
    while c < len(paths):
        end = c
        while end < len(paths) and roles[end] == "code":
            end += 1
        if end - c >= 2:
            for k in range(c, end):
                roles[k] = "codepart"
        c = max(end, c + 1)
    if "label" not in roles.values():
        first = next((c for c in range(len(paths)) if roles[c] == "value"), None)
        if first is not None and not any(_is_value(cell_text(g.text)) for r in data
                                          if (g := grid.origin(r, first)) is not None):
            roles[first] = "label"
    return roles


def _names_rows(leaf: str) -> bool:
    return leaf.endswith("名称") or leaf in templates.role_words("label")


def sides(roles: dict[int, str], paths: list[str], width: int) -> list[tuple[str | None, list[int]]]:
    """Side-by-side lists (收入 | 支出, three or four sides): a label column after a value column starts a
    new side. Label columns next to each other (单位, 科目名称) describe one row."""
    starts: list[int] = []
    seen_value = False
    for c in range(width):
        if roles.get(c) == "value":
            seen_value = True
        elif not starts:
            starts.append(c)
        elif seen_value and _repeats_side(paths, starts[0], c):
            starts.append(c)  # the first name/code column after figures, heading a list of its own
            seen_value = False
    if len(starts) < 2:
        return [(None, list(range(width)))]
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else width
        top = paths[start].split("/")[0].split("#")[0]
        name = "收入" if "收入" in top else "支出" if "支出" in top else top
        out.append((name, list(range(start, end))))
    return out


def _repeats_side(paths: list[str], first: int, c: int) -> bool:
    """Whether column c starts another list beside the first: its columns repeat the first side's
    (科目代码 | 科目名称 | 决算数 again) or the sides are headed 收入 and 支出. A code column that merely
    follows a figure in a wide table (采购项目 … 数量 | 经济科目编码/类 | 款 | 类) does not."""
    leaves = [_leaf(p) for p in paths]
    k = min(3, c - first, len(paths) - c)
    if k >= 2 and leaves[first:first + k] == leaves[c:c + k]:
        return True
    tops = (paths[first].split("/")[0], paths[c].split("/")[0])
    return any(w in tops[0] for w in ("收入", "收")) and any(w in tops[1] for w in ("支出", "支"))


# --- codes -----------------------------------------------------------------------------------------------

def code_kind(code: str, paths: list[str]) -> str:
    joined = " ".join(paths)
    if "经济分类" in joined and "功能分类" not in joined:
        return model.ECONOMIC
    if "功能分类" in joined and "经济分类" not in joined:
        return model.FUNCTION
    return model.FUNCTION if code.startswith("2") else model.ECONOMIC  # 2xx 功能; 3xx/5xx 经济


def code_level(code: str, kind: str | None) -> tuple[str | None, str | None]:
    n = len(code)
    if kind == model.ECONOMIC:
        return {3: ("类", None), 5: ("款", code[:3])}.get(n, (None, None))
    return {3: ("类", None), 5: ("款", code[:3]), 7: ("项", code[:5])}.get(n, (None, None))


class _Codes:
    """Reads a row's subject code however it is printed, remembering the rows above for split and
    suffix forms (a blank 类 under a printed one; "01 行政运行" under 20106)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.last: str | None = None
        self.padded: set[int] = set()  # code columns whose one-digit 款/项 lost its leading zero (see below)

    def from_parts(self, parts: list[str]) -> str | None:
        if not any(parts):
            return None
        first = next(k for k, p in enumerate(parts) if p)
        if first > 0 and len(self.parts) >= first:  # the 类 (and 款) printed only where they change
            parts = self.parts[:first] + parts[first:]
        self.parts = parts
        code = "".join(takewhile(bool, parts))
        return self.remember(code) if code.isdigit() else None

    def suffix(self, sfx: str) -> str | None:
        prev = self.last
        if not prev:
            return None
        if len(prev) == 3 or (len(prev) == 5 and prev[0] == "2"):
            return self.remember(prev + sfx)
        return self.remember(prev[:-2] + sfx)

    def remember(self, code: str) -> str:
        self.last = code
        return code


def lost_zeros(grid: Grid, data: list[int], roles: dict[int, str]) -> set[int]:
    """The code columns in which a 款 or 项 printed with one digit ("301 | 2" for 30102) lost its leading
    zero: 款 and 项 are two digits in every subject code (GB/T 类 3, 款 2, 项 2), so a single digit among
    siblings printed with two is the same number less its zero. That is: a 类/款/项 column after the first
    whose other codes are two digits, or a column of whole codes where "301 2" stands among siblings of
    the parent's length plus two (30101, 30103). Anything else keeps its digits as printed."""
    out: set[int] = set()
    parts = [c for c in sorted(roles) if roles[c] == "codepart"]
    for c in sorted(roles):
        if roles[c] not in ("codepart", "code") or (roles[c] == "codepart" and c == parts[0]):
            continue
        texts = [cell_text(g.text) for r in data if (g := grid.origin(r, c)) is not None and g.text]
        if roles[c] == "codepart":
            digits = [t for t in texts if t.isdigit()]
            if any(len(t) == 2 for t in digits) and all(len(t) <= 2 for t in digits) \
                    and any(len(t) == 1 for t in digits):
                out.add(c)
        else:
            whole = [t for t in texts if t.isdigit()]
            spaced = [m for t in texts if (m := _SPACED_CODE.match(t))]
            if spaced and all(sum(len(t) == len(m.group(1)) + 2 for t in whole) >= 2 for m in spaced):
                out.add(c)
    return out


def _unspaced(text: str, column_padded: bool, part: bool) -> str:
    """A code as the standard writes it, where ``lost_zeros`` found its column lost a leading zero."""
    if not column_padded:
        return text
    if part:
        return text.zfill(2) if text.isdigit() and len(text) == 1 else text
    m = _SPACED_CODE.match(text)
    return m.group(1) + m.group(2).zfill(2) if m else text


# --- cells -----------------------------------------------------------------------------------------------

def value_cell(path: str, text: str, bbox, money_table: bool, unit: str | None) -> Cell:
    raw = text.replace(" ", "") if _is_value(text) else text
    if _PERCENT.match(raw):
        return Cell(column=path, raw=raw, value=Decimal(raw.rstrip("%").replace("−", "-")), unit="%", bbox=bbox)
    if money_table:
        if not raw or raw in ("-", "—", "－"):
            return Cell(column=path, raw=raw, value=Decimal(0), blank=True, unit=unit, bbox=bbox)
        return Cell(column=path, raw=raw, value=money(raw), unit=unit if money(raw) is not None else None, bbox=bbox)
    if not raw:
        return Cell(column=path, raw="", blank=True, bbox=bbox)
    m = money(raw)
    if m is not None:  # a figure in a form (资金总额 2,134.87): its value, in the table's unit if it has one
        return Cell(column=path, raw=raw, value=m, unit=unit, bbox=bbox)
    cmp, num, ind_unit = indicator(raw)
    return Cell(column=path, raw=raw, value=num, unit=ind_unit, comparator=cmp, bbox=bbox)


def fold_twin_columns(grid: Grid, split: Split) -> Grid:
    """One printed column drawn as two: adjacent columns under the same header cell (no sub-header tells
    them apart) of which no row fills both — figures of some rows in the one, of others in the other."""
    width = grid.width
    drop: list[int] = []
    for c in range(width - 1):
        heads = split.header + ([split.numbers] if split.numbers is not None else [])
        if not split.header or any(grid.rows[h][c] is not grid.rows[h][c + 1] for h in heads):
            continue
        pairs = [(grid.origin(r, c), grid.origin(r, c + 1)) for r in split.data]
        if any(a is not None and b is not None and a.text and b.text for a, b in pairs):
            continue
        for r in split.data:
            a, b = grid.origin(r, c), grid.origin(r, c + 1)
            if b is not None and b.text and (a is None or not a.text):
                grid.rows[r][c] = b
                b.col = c
        drop.append(c + 1)
    if not drop:
        return grid
    return grid.keep_columns([c for c in range(width) if c not in drop])


_ITEM_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|其中|[-—]|\d)")


def join_wrapped_names(grid: Grid, data: list[int], roles: dict[int, str]) -> None:
    """A name wrapped over two ruled rows: its lines are set one under the other at the line spacing of
    one paragraph, across the rule between the rows (low in the row above, high in the row below, where
    each row's own text sits in its middle), and the row below prints nothing else — no figure, no code,
    no number — and does not start an item of its own (一、, （一）, 1., 其中, a code). The rest is joined
    to the name above; the row below is then empty. Only where the reader knows where the text is
    printed (``GCell.ink``)."""
    for c in [c for c in sorted(roles) if roles[c] == "label"]:
        for a, b in zip(data, data[1:]):
            above, below = grid.origin(a, c), grid.origin(b, c)
            if above is None or below is None or above.ink is None or below.ink is None \
                    or not above.text or not below.text:
                continue
            if [g for k in range(len(grid.rows[b])) if (g := grid.origin(b, k)) is not None and g.text] != [below]:
                continue  # the row below prints something else: a row of its own
            line = min(above.ink[3] - above.ink[1], below.ink[3] - below.ink[1])  # one line's height, at most
            gap = below.ink[1] - above.ink[3]
            rest = cell_text(below.text)
            # A paragraph set across the rule sits off its cells' middles: low in the one, high in the other.
            low = above.bbox is not None and above.bbox[3] - above.ink[3] + 2 < above.ink[1] - above.bbox[1]
            high = below.bbox is not None and below.ink[1] - below.bbox[1] + 2 < below.bbox[3] - below.ink[3]
            if not (-1 <= gap <= 0.4 * line) or not (low or high) or _ITEM_START.match(rest) \
                    or _TOTAL.match(rest) or money(rest.replace(" ", "")) is not None:
                continue
            above.text = cell_text(above.text) + rest
            above.ink = (min(above.ink[0], below.ink[0]), above.ink[1], max(above.ink[2], below.ink[2]),
                         below.ink[3])
            below.text = ""


def build_table(grid: Grid, *, ordinal: int, title: str, kind: str, unit: str | None, doc_year: int | None,
                split: Split | None = None) -> Table:
    split = form_split(split or split_rows(grid), kind)  # forms.py
    width = grid.width
    for r in range(len(grid.rows)):  # ragged rows (a cell missing at the right edge) become blank
        while len(grid.rows[r]) < width:
            grid.rows[r].append(GCell("", None, r, len(grid.rows[r])))
    grid = fold_twin_columns(grid, split)
    width = grid.width
    paths = header_paths(grid, split.header, width)
    col_units: dict[int, str] = {}
    for c, p in enumerate(paths):
        m = _HEADER_UNIT.search(p)
        if m:
            col_units[c] = m.group(1)
            paths[c] = _HEADER_UNIT.sub("", p) or p
    money_table = kind in templates.money_kinds()
    table = Table(ordinal=ordinal, title=title, kind=kind, unit=unit if (money_table or unit) else None,
                  page=grid.pages[split.data[0] if split.data else 0] if grid.pages else None)
    numbers = {c: cell_text(g.text) for c in range(width)
               if split.numbers is not None and (g := grid.origin(split.numbers, c)) is not None}
    roles = column_roles(paths, grid, split.data)
    table.columns = [Column(ordinal=c, path=paths[c], number=numbers.get(c) or None,
                            meaning=templates.column_meaning(paths[c], doc_year) if roles[c] == "value" else None)
                     for c in range(width)]
    join_wrapped_names(grid, split.data, roles)
    layout = sides(roles, paths, width)
    codes = _Codes()
    codes.padded = lost_zeros(grid, split.data, roles)
    unnamed = "label" not in roles.values() and len(split.data) == 1
    for r in split.data:
        for side, positions in layout:
            row, inherited = _row(grid, r, side, positions, roles, paths, codes, money_table, col_units, table)
            if row is not None:
                prev = next((p for p in reversed(table.rows) if p.side == row.side), None)
                if inherited and prev is not None and prev.label == row.label \
                        and all(c.blank or c.value is None for c in prev.cells):
                    # The same printed row, its name in one ruled row and its figures in the next: one row.
                    table.rows.remove(prev)
                    row.code = row.code or prev.code
                    row.code_kind, row.level, row.parent_code = prev.code_kind, prev.level, prev.parent_code
                if prev is not None and not prev.label and not prev.code and prev.cells and not row.cells \
                        and row.label:
                    # The figure's cell spans down into the ruled row that prints the name: one row.
                    prev.label, prev.code, prev.code_kind = row.label, row.code, row.code_kind
                    prev.level, prev.parent_code = row.level, row.parent_code
                    continue
                if not row.label and unnamed:
                    row.label = "合计"  # a table of one row of figures and no name column: its totals
                table.rows.append(row)
    for k, row in enumerate(table.rows):
        row.ordinal = k
    return table


def _row(grid: Grid, r: int, side, positions, roles, paths, codes: _Codes, money_table: bool,
         col_units: dict[int, str], table: Table) -> tuple[Row | None, bool]:
    """The row this side of grid row r prints, and whether its name came down from a cell of the row
    above (the same printed row ruled as two)."""
    at = {c: grid.origin(r, c) for c in positions}
    text = {c: cell_text(g.text) if g is not None else "" for c, g in at.items()}
    labels = [c for c in positions if roles[c] == "label"]
    values = [c for c in positions if roles[c] == "value"]
    if not any(text[c] for c in positions):
        return None, False
    if side is not None and not any(text[c] for c in labels) and not any(text[c] for c in values):
        return None, False  # this side of the row is empty (the income list is shorter)
    named = [c for c in labels if text[c]]
    # The row's name is the rightmost name printed before its figures (text columns after the figures are
    # descriptions: 绩效目标, 项目说明); a number in a name column (a form's 年度资金总额 beside its label)
    # is a figure of the row, not its name.
    words = [c for c in named if money(text[c].replace(" ", "")) is None]
    first_value = min(values, default=len(grid.rows[r]))
    words = [c for c in words if c < first_value] or words
    words = [c for c in (paired_name(words, positions, roles, text),) if c is not None] or words  # codepairs.py
    label = text[words[-1]] if words else ""
    if not label:  # 合计 printed across the code columns, or in a 行次/序号 column
        label = next((text[c] for c in positions if roles[c] in ("code", "codepart", "number")
                      and text[c] and not text[c].isdigit()), "")
    inherited = False
    if not label:
        # A name merged down from the row above (a 类 whose name cell spans the two ruled rows its figure
        # sits in), or across from the side on the left ("公用经费合计" over two sides' columns).
        covering = [(c, grid.rows[r][c]) for c in positions if roles[c] in ("label", "code", "codepart")
                    and at[c] is None and grid.rows[r][c].text]
        names = [cell_text(g.text) for c, g in covering if not cell_text(g.text).isdigit()]
        label = names[-1] if names else ""
        inherited = any(g.row < r for _, g in covering)
        if inherited and not any(roles[c] == "codepart" for c in positions):
            digits = [cell_text(g.text) for c, g in covering if cell_text(g.text).isdigit()]
            if digits and not text.get(next((c for c in positions if roles[c] == "code"), -1)):
                text = dict(text)
                text[next(c for c, g in covering if cell_text(g.text).isdigit())] = digits[0]
    if side is not None and all(at[c] is None or not text[c] for c in positions):
        return None, False  # this side is wholly covered by a cell of another side: nothing of its own
    number = next((text[c] for c in positions if roles[c] == "number" and text[c]), None)
    parts = [_unspaced(text[c], c in codes.padded, True) for c in positions if roles[c] == "codepart"]
    code = codes.from_parts(parts) if parts else None
    if code is None:
        # Only digits are a code: 合计 printed across the code columns is the row's name (read above).
        code = next((t for c in positions if roles[c] == "code"
                     and (t := _unspaced(text[c], c in codes.padded, False)).isdigit()), None)
        if code is not None:
            code = codes.remember(code)
    if code is None and (m := _CODE_PREFIX.match(label)):
        code, label = codes.remember(m.group("code") or m.group("bracketed")), m.group("name").strip()
    elif code is None and (m := _CODE_SUFFIX.match(label)) and codes.last:
        code, label = codes.suffix(m.group("code")), m.group("name").strip()
    page = grid.pages[r] if grid.pages else None
    if inherited and code is None:
        code = next((cell_text(g.text) for c in positions if roles[c] in ("code", "codepart")
                     and (g := grid.rows[r][c]).row < r and cell_text(g.text).isdigit()), None)
    row = Row(ordinal=0, label=label, number=number, code=code, side=side, page=page,
              printed_page=grid.printed[r] if grid.printed else None)
    if code and code.isdigit():
        row.code_kind = code_kind(code, paths)
        row.level, row.parent_code = code_level(code, row.code_kind)
    for c in named:  # the other name columns (预算单位 beside 科目名称) are kept as cells
        if words and c == words[-1]:
            continue
        row.cells.append(value_cell(paths[c], text[c], at[c].bbox if at[c] else None, False,
                                    col_units.get(c, table.unit)))
    for c in values:
        g = at[c]
        if g is None:
            continue  # covered by a merged cell that starts elsewhere: its value is counted there
        path = paths[c]
        if path.startswith("第") and path.endswith("列"):
            # A figure cell wider than the header cell above it: it belongs to the header it spans.
            path = next((paths[k] for k in positions if k > c and grid.rows[r][k] is g
                         and not (paths[k].startswith("第") and paths[k].endswith("列"))), path)
        row.cells.append(value_cell(path, text[c], g.bbox, money_table, col_units.get(c, table.unit)))
    return row, inherited
