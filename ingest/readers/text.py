"""Parse a disclosure in its text form (text extracted from the published PDF, tables tab-separated).

The text is read as a sequence of blocks: the contents (目录), tables (a title, page boilerplate, header
rows, data rows, notes) and narrative paragraphs. Tables that run across pages repeat their department
line, 预算年度, 单位 and header rows; those repeats are dropped and mark a page break, and a row cut at the
break is joined back to the row above.
"""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from dataclasses import dataclass, field
from pathlib import Path

from .. import model, templates
from ..decode import decode, read_text
from ..narrative import figures_table
from ..model import (Cell, Column, Document, IngestError, ParsedDocument, Passage, Row, Table)
from ..perf import build_performance_table
from ..unread import describe
from ..values import NUMBERED, clean, looks_numeric, money
from .passages import SECTION as _SECTION, SUBSECTION as _SUBSECTION, SENTENCE_END as _SENTENCE_END, chunks as _chunks

_TOC_LINE = re.compile(r"^(?P<title>[^\t\d][^\t]*?)\s*\t\s*(?P<page>\d{1,3})$")
# "203 中共青龙满族自治县委员会组织部": the department code and name, repeated on every table page.
_DEPT_LINE = re.compile(r"^(?P<code>\d{3,12})\s+(?P<name>[^\s，。：:,；0-9]{2,40}(部|局|委员会|院|办公室|中心|所|会|厅|处|站|馆|队|校|政府|委|团|社|机关))$")
_BOILER = re.compile(r"^(预算年度|决算年度|年度|单位|截止时间|金额单位|编制单位)\s*[:：]")
_YEAR = re.compile(r"(?:预算|决算)?年度\s*[:：]\s*(\d{4})")
_UNIT = templates.UNIT_LINE
_COLUMN_NUMBERS = ("栏次", "档次")
_PERF_TITLE = re.compile(r"^\d+\s*[、.．]\s*(?P<name>.+)$")

# Kinds whose value cells are money in the table's unit (blank = 0): the templates' data says which.
_MONEY_KINDS = templates.money_kinds()
table_kind = templates.table_kind


def parse_file(path: str | Path) -> ParsedDocument:
    path = Path(path)
    return parse_text(read_text(path), source=path.name)


def parse_text(text: str, source: str = "<text>") -> ParsedDocument:
    if not text.strip():
        raise IngestError(f"{source}：文件是空的，没有可读取的内容。")
    if "\r" in text and "\n" not in text:  # classic Mac line endings (CR only): the same lines
        text = text.replace("\r", "\n")
    lines = [ln.rstrip("\r\n").replace("\u3000", " ") for ln in text.split("\n")]
    lines = [ln.rstrip() if "\t" not in ln else ln.rstrip(" ") for ln in lines]
    document = _read_document(lines, text, source)
    toc = _read_toc(lines)
    reader = _Reader(lines, toc, document)
    tables, passages = reader.read()
    figures = figures_table(passages, len(tables), document.unit, document.department)
    if figures is not None:
        tables.append(figures)
    if not any(t.kind in _MONEY_KINDS for t in tables):
        raise IngestError(f"{source}：没有找到部门预算/决算表格（如收支总表、收入总表），它看起来不是预算公开文件。")
    return ParsedDocument(document=document, tables=tables, passages=passages, skipped=reader.skipped)


def _read_document(lines: list[str], text: str, source: str) -> Document:
    dept = next((m for ln in lines if (m := _DEPT_LINE.match(ln.strip()))), None)
    if dept is None:
        raise IngestError(f"{source}：找不到部门编码和名称行（如“203 中共…组织部”），它看起来不是部门预算/决算公开文件。")
    year_m = next((m for ln in lines if (m := _YEAR.search(ln))), None)
    title = next((ln.strip() for ln in lines if ln.strip()), source)
    if year_m is None:
        year_m = re.search(r"(20\d{2})\s*年", title)
    if year_m is None:
        raise IngestError(f"{source}：找不到预算年度，无法确定这份文件属于哪一年。")
    kind = "决算" if "决算" in "".join(lines[:60]) and "预算年度" not in text else "预算"
    unit_m = next((m for ln in lines if (m := _UNIT.search(ln))), None)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        doc_id=digest[:16], title=clean(title), department_code=dept.group("code"),
        department=clean(dept.group("name")), year=int(year_m.group(1)), kind=kind,
        unit=unit_m.group(1) if unit_m else "万元", source=source, sha256=digest,
    )


def _read_toc(lines: list[str]) -> dict[str, int]:
    """Titles and pages from the contents; it ends where the first listed title appears as a heading."""
    toc: dict[str, int] = {}
    for ln in lines[:120]:
        m = _TOC_LINE.match(ln.strip())
        if m:
            toc[clean(m.group("title"))] = int(m.group("page"))
        elif toc and ln.strip() and clean(ln.strip()) in toc:
            break
    return toc


def _is_boiler(line: str) -> bool:
    s = line.strip()
    return bool(_DEPT_LINE.match(s) or _BOILER.match(s))


def _fields(line: str) -> list[str]:
    return [clean(f) for f in line.split("\t")]


@dataclass
class _Block:
    title: str
    title_line: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text), boilerplate included
    notes: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, lines: list[str], toc: dict[str, int], document: Document):
        self.lines = lines
        self.toc = toc
        self.document = document
        self.skipped: list[str] = []  # rows whose cells do not fit their table's columns

    def read(self) -> tuple[list[Table], list[Passage]]:
        tables: list[Table] = []
        paragraphs: list[tuple[str, str, int]] = []  # (section, text, line)
        section = ""
        sub = ""
        i = self._skip_toc()
        n = len(self.lines)
        while i < n:
            s = self.lines[i].strip()
            if not s:
                i += 1
                continue
            title_end = self._table_starts(i)
            if title_end is not None:
                title = self._title(i, title_end)
                block, i = self._collect(title, i, title_end)
                tables.append(self._build(block, len(tables), section))
                continue
            if "\t" in s:  # a stray table row with no title: keep its words searchable
                paragraphs.append((self._section_path(section, sub), " ".join(_fields(s)), i + 1))
                i += 1
                continue
            s = re.sub(r"^[-•]\s+", "", s.replace("**", ""))  # list bullets and bold marks of the text export
            if _SECTION.match(s):
                section, sub = s, ""
            elif re.fullmatch(r"[\u4e00-\u9fff]{2,10}[：:]", s):
                sub = s[:-1]  # "部门职责：" heads the items that follow, like a sub-heading
                i += 1
                continue
            elif _SUBSECTION.match(s):
                sub = s
            paragraphs.append((self._section_path(section, sub), s, i + 1))
            i += 1
        return tables, self._passages(paragraphs)

    @staticmethod
    def _section_path(section: str, sub: str) -> str:
        return f"{section} / {sub}" if sub else section

    def _skip_toc(self) -> int:
        last = 0
        for i, ln in enumerate(self.lines[:120]):
            if _DEPT_LINE.match(ln.strip()):
                break
            if _TOC_LINE.match(ln.strip()):
                last = i + 1
        return last

    def _table_starts(self, i: int) -> int | None:
        """If a table begins at line i, the index of its last title line; else None.

        A title is a non-tab line followed, past blanks and page boilerplate, by a tab-separated row.
        A performance table's title may be split: "23、关于提前下达…" then "绩效目标表".
        """
        s = self.lines[i].strip()
        if "\t" in s or _is_boiler(s) or s.startswith("注"):
            return None
        j = i + 1
        title_end = i
        while j < len(self.lines):
            t = self.lines[j].strip()
            if not t or _is_boiler(t):
                j += 1
                continue
            if "\t" in t:
                return title_end
            if t == "绩效目标表" and title_end == i and _PERF_TITLE.match(s):
                title_end = j
                j += 1
                continue
            return None
        return None

    def _title(self, i: int, end: int) -> str:
        parts = [self.lines[k].strip() for k in range(i, end + 1) if self.lines[k].strip()]
        return clean("".join(parts))

    def _collect(self, title: str, i: int, title_end: int) -> tuple[_Block, int]:
        block = _Block(title=title, title_line=i + 1)
        j = title_end + 1
        n = len(self.lines)
        while j < n:
            raw = self.lines[j]
            s = raw.strip()
            if not s:
                j += 1
                continue
            if "\t" in raw or _is_boiler(s):
                block.lines.append((j + 1, raw))
                j += 1
                continue
            if s.startswith("注") and (s.startswith("注：") or s.startswith("注:")):
                block.notes.append(s)
                j += 1
                continue
            # A goal line printed without a tab ("绩效目标 1. …") still belongs to a performance table.
            if s.startswith("绩效目标") and table_kind(title) == model.PERFORMANCE:
                block.lines.append((j + 1, raw))
                j += 1
                continue
            break
        return block, j

    def _build(self, block: _Block, ordinal: int, section: str) -> Table:
        kind = table_kind(block.title)
        if kind == model.PERFORMANCE or any(_fields(ln)[0] in ("一级指标", "绩效目标") for _, ln in block.lines[:3]):
            kind = model.PERFORMANCE
            name = _PERF_TITLE.match(block.title)
            title = name.group("name") if name else block.title
            table = build_performance_table(title, ordinal, block.lines)
        else:
            table = _build_grid(block, ordinal, kind, self.toc.get(block.title), self.document.unit, self.skipped)
        table.section = section or None
        table.note = "\n".join(block.notes) or None
        return table

    def _passages(self, paragraphs: list[tuple[str, str, int]]) -> list[Passage]:
        """Join paragraphs cut at a page break, then split long ones at sentence ends (≤ ~300 characters)."""
        joined: list[list] = []
        def heading(t: str) -> bool:
            return bool(_SECTION.match(t) or _SUBSECTION.match(t))
        for section, text, line in paragraphs:
            if (joined and joined[-1][0] == section and not joined[-1][1].endswith(_SENTENCE_END)
                    and not heading(text) and not heading(joined[-1][1])
                    and not NUMBERED.match(text)):
                joined[-1][1] += text
            else:
                joined.append([section, text, line])
        out: list[Passage] = []
        for section, text, _line in joined:
            top = section.split(" / ")[0]
            page = self.toc.get(re.sub(r"\s", "", top)) or self.toc.get(top)
            if heading(text):
                continue  # a bare heading is already every passage's section
            for chunk in _chunks(text):
                out.append(Passage(ordinal=len(out), section=section or "目录", text=chunk, page=page))
        return out


# --- grid tables (the standard budget tables and the other tab-separated grids) --------------------------

def _header_paths(header_rows: list[list[str]], width: int) -> list[str]:
    """Flatten one or two header rows into column paths; a top label spans the empty cells to its right."""
    top = (header_rows[0] + [""] * width)[:width]
    sub = (header_rows[1] + [""] * width)[:width] if len(header_rows) > 1 else [""] * width
    paths, carry = [], ""
    for pos in range(width):
        if top[pos]:
            carry = top[pos]
        label = top[pos] or (carry if sub[pos] else "")
        if label and sub[pos] and label != sub[pos]:
            paths.append(f"{label}/{sub[pos]}")
        else:
            paths.append(sub[pos] or label)
    return paths


def _is_number_row(fields: list[str]) -> bool:
    return bool(fields) and fields[0].replace(" ", "") in _COLUMN_NUMBERS


def _build_grid(block: _Block, ordinal: int, kind: str, page: int | None, unit: str,
                skipped: list[str] | None = None) -> Table:
    table = Table(ordinal=ordinal, title=block.title, kind=kind, page=page)
    header: list[list[str]] = []
    numbers: list[str] | None = None
    header_done = False
    page_no = page
    page_break = False
    rows_raw: list[tuple[int, list[str], int | None, bool]] = []  # (line, fields, page, after_break)
    for line_no, raw in block.lines:
        s = raw.strip()
        if _is_boiler(s) and "\t" not in raw:
            m = _UNIT.search(s)
            if m:
                table.unit = m.group(1)
            if s.startswith("截止时间") and s not in block.notes:
                block.notes.insert(0, s)  # the date a stock table (固定资产) stands at
            if _DEPT_LINE.match(s) and header_done:
                page_break = True
                page_no = page_no + 1 if page_no is not None else None
            continue
        f = _fields(raw)
        if not header_done:
            if _is_number_row(f):
                numbers = f
                header_done = True
            else:
                header.append(f)
                if not _needs_second_header(header, kind):
                    header_done = True
            continue
        if page_break and (f in header or _is_number_row(f)):
            continue  # the header repeated on a continuation page
        rows_raw.append((line_no, f, page_no, page_break))
        page_break = False
    if not header:
        raise IngestError(f"表格“{block.title}”没有表头，无法解析。")
    width = max([len(numbers or [])] + [len(_strip_tail(h)) for h in header])
    paths = _header_paths(header, width)
    units: dict[int, str] = {}
    for p, path in enumerate(paths):
        m = _HEADER_UNIT.search(path)
        if m:  # "价值（金额单位：万元）": the unit belongs to the cells, not to the column's name
            units[p] = m.group(1)
            paths[p] = _HEADER_UNIT.sub("", path)
    table.columns = [Column(ordinal=p, path=paths[p] or f"第{p + 1}列",
                            number=(numbers[p] if numbers and p < len(numbers) else None) or None)
                     for p in range(width)]
    table.unit = table.unit or (unit if kind in _MONEY_KINDS else None)
    _fill_rows(table, rows_raw, kind, units, skipped if skipped is not None else [])
    return table


def _strip_tail(fields: list[str]) -> list[str]:
    while fields and not fields[-1]:
        fields = fields[:-1]
    return fields


def _needs_second_header(header: list[list[str]], kind: str) -> bool:
    """Without a 栏次 row, a second header row exists only under a top row with spans (empty cells)."""
    if kind in _MONEY_KINDS and kind != model.PROCUREMENT:
        return len(header) < 4  # standard tables end their header at the 栏次 row
    if len(header) >= 2:
        return False
    top = _strip_tail(header[0])
    return any(not f for f in top[1:])


def _roles(table: Table) -> dict[int, str]:
    """Which positions hold the row number, the code, the label; the rest are values."""
    roles: dict[int, str] = {}
    for col in table.columns:
        leaf = col.path.split("/")[-1]
        if leaf in ("序号", "行次") or col.path == "序号":  # 决算 tables number their rows in a 行次 column
            roles[col.ordinal] = "number"
        elif "编码" in leaf or leaf in ("科目代码", "代码"):
            roles[col.ordinal] = "code"
        elif leaf in ("科目名称", "项目", "项 目", "单位名称", "名称") or leaf.endswith("科目名称"):
            roles[col.ordinal] = "label"
    if "label" not in roles.values() and table.columns:
        first = next((c.ordinal for c in table.columns if roles.get(c.ordinal) is None), 0)
        roles[first] = "label"
    return roles


def _sides(table: Table, roles: dict[int, str]) -> list[tuple[str | None, list[int]]]:
    """Split positions into sides: 收支总表 holds an income list and an expenditure list side by side."""
    labels = [p for p, r in sorted(roles.items()) if r == "label"]
    if len(labels) < 2:
        return [(None, [c.ordinal for c in table.columns])]
    sides = []
    for k, start in enumerate(labels):
        end = labels[k + 1] if k + 1 < len(labels) else len(table.columns)
        name = table.columns[start].path.split("/")[0]
        sides.append((name, list(range(start, end))))
    return sides


def _misfit(f: list[str], width: int, padded: bool, roles: dict[int, str]) -> bool:
    """A row whose cells cannot be placed in their columns: one cell too many (printed past the last
    column), or one too few where the export writes every cell (the line ends in an empty cell, or the
    table's other rows are all full width). Which figure belongs to which column is then unknown."""
    if len(f) == width:
        return False
    if len(f) > width and any(f[width:]):
        return True  # a figure printed past the last column
    filled = [(p, x) for p, x in enumerate(f) if x and roles.get(p) != "number"]
    if all(roles.get(p) == "label" and not looks_numeric(x) for p, x in filled):
        return False  # nothing in it to misplace: a row of blanks, or a name alone where a name goes
    return padded or (len(f) < width and f[-1] == "")


def _fill_rows(table: Table, rows_raw: list[tuple[int, list[str], int | None, bool]], kind: str,
               units: dict[int, str], skipped: list[str]) -> None:
    roles = _roles(table)
    sides = _sides(table, roles)
    code_kind = _code_kind(table)
    width = len(table.columns)
    money_table = kind in _MONEY_KINDS
    # Does this export write every cell of a row (trailing blanks included)? Then a short row lost a cell.
    padded = sum(len(f) >= width for _, f, _, _ in rows_raw) * 2 > len(rows_raw)
    printed = 0
    for line_no, f, page, after_break in rows_raw:
        printed += 1
        if _misfit(f, width, padded, roles):
            label_pos = next((p for p, r in sorted(roles.items()) if r == "label"), 0)
            label = f[label_pos] if label_pos < len(f) else ""
            skipped.append(describe(table, printed, label, f"这一行有 {len(f)} 格，表头有 {width} 列，"
                                    "无法确定各数字属于哪一列，整行未读取", page=page, line=line_no))
            continue
        f = (f + [""] * width)[:width]
        numbers = {p: f[p] for p, r in roles.items() if r == "number"}
        number = next(iter(numbers.values()), "") or None
        if after_break and table.rows and not number and not any(money(x) is not None for x in f):
            _join_cut_row(table, f, roles, sides)
            continue
        for side, positions in sides:
            label_pos = next((p for p in positions if roles.get(p) == "label"), None)
            label = f[label_pos] if label_pos is not None else ""
            values = [p for p in positions if roles.get(p) is None]
            code = next((f[p] for p in positions if roles.get(p) == "code" and f[p]), None)
            if code is None and side is None:
                code = next((f[p] for p, r in roles.items() if r == "code" and f[p]), None)
            if side is not None and not label and not any(f[p] for p in values):
                continue  # this side of the row is empty (the income list is shorter)
            own = next((numbers[p] for p in positions if p in numbers and numbers[p]), None)
            row = Row(ordinal=len(table.rows), label=label, number=own or number, code=code, side=side,
                      page=page, line=line_no)
            if code and code.isdigit():
                row.code_kind = code_kind
                row.level, row.parent_code = _code_level(code, code_kind)
            for p in values:
                row.cells.append(_cell(table.columns[p], f[p], row, money_table, units.get(p, table.unit)))
            table.rows.append(row)


def _join_cut_row(table: Table, f: list[str], roles: dict[int, str], sides) -> None:
    """A row cut at a page break continues on the next page with only the rest of its text."""
    prev = table.rows[-1]
    for p, text in enumerate(f):
        if not text:
            continue
        if roles.get(p) == "label":
            prev.label += text
        else:
            col = table.columns[p].path
            c = prev.cell(col)
            if c is not None:
                c.raw += text
                # The value is read from the joined text, like any cell's (a figure cut at the break included).
                c.value, c.blank = money(c.raw), False
                c.unit = c.unit if c.value is not None else None


def _code_kind(table: Table) -> str | None:
    paths = " ".join(c.path for c in table.columns)
    if "经济分类" in paths:
        return model.ECONOMIC
    if "功能分类" in paths or "科目" in paths:
        return model.FUNCTION
    return None


def _code_level(code: str, code_kind: str | None) -> tuple[str | None, str | None]:
    n = len(code)
    if code_kind == model.ECONOMIC:
        return {3: ("类", None), 5: ("款", code[:3])}.get(n, (None, None))
    return {3: ("类", None), 5: ("款", code[:3]), 7: ("项", code[:5])}.get(n, (None, None))


_PAREN_UNIT = re.compile(r"[（(]([^）)]*?)[）)]")
_HEADER_UNIT = re.compile(r"[（(]\s*(?:金额)?单位\s*[:：]\s*(万元|元|千元|亿元)\s*[）)]")


def _cell(col: Column, raw: str, row: Row, money_table: bool, unit: str | None) -> Cell:
    """A value cell. Money cells carry the table's unit and read blank as 0; 数量 takes its unit
    from the row label ("车辆（台、辆）")."""
    value = money(raw)
    is_money = money_table or (unit is not None and not col.path.startswith("数量"))
    if is_money:
        cell_unit = unit
    elif col.path.startswith("数量"):
        m = _PAREN_UNIT.search(row.label)
        cell_unit = m.group(1) if m else None
    else:
        cell_unit = None
    if not raw:
        return Cell(column=col.path, raw="", value=Decimal(0) if is_money else None, blank=True,
                    unit=cell_unit if is_money else None)
    return Cell(column=col.path, raw=raw, value=value, unit=cell_unit if value is not None else None)


class TextReader:
    """The text form: text extracted from the PDF with its tables tab-separated (UTF-8 or GBK)."""

    name = "text"

    def accepts(self, data: bytes) -> bool:
        return True

    def read(self, data: bytes, source: str) -> ParsedDocument:
        return parse_text(decode(data, source), source=source)
