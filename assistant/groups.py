"""Rankings over part of a table: the lines asked about, not every line.

- 「项目支出按经济分类哪一项最小」: 哪一项 asks for a line itself — the most detailed lines (a 5-digit
  economic code, a 7-digit function code: lines no other line is under), never a 类 or 款 that only adds up
  the lines below it, nor a total — unless the question says 类 or 款.
"""
from __future__ import annotations

import re

from ingest.model import Row, Table

_ITEM = re.compile(r"哪一?项|哪个科目|哪一个科目|哪些科目")


def wants_leaves(q: str) -> bool:
    return bool(_ITEM.search(q))


def leaves(t: Table, kind: str) -> list[Row]:
    """The coded lines of ``kind`` no other coded line of the table is under."""
    coded = [r for r in t.rows if r.code and r.code_kind == kind]
    parents = {r.parent_code for r in coded if r.parent_code}
    parents |= {p.code for p in coded for r in coded if r is not p and r.code.startswith(p.code)}
    return [r for r in coded if r.code not in parents]


_CODED = re.compile(r"^\s*[A-Z]?\d+(?:\.\d+)*\s*[-－、.]?\s*")


def _group_names(r: Row) -> list[str]:
    """The groups a line is printed under in its own cells (「02-政府履职辅助性服务 | 0201-法律服务」)."""
    return [_CODED.sub("", c.raw).strip() for c in r.cells if c.value is None and c.raw and c.raw.strip()]


def in_group(rows: list[Row], q: str) -> tuple[list[Row], str]:
    """「政府购买服务中，政府履职辅助性服务哪一项最大」: the lines whose cells name a group the question names
    (the longest such name), when that is some of the lines, not all; else every line."""
    names = {n for r in rows for n in _group_names(r) if len(n) >= 4 and n in q}
    for name in sorted(names, key=len, reverse=True):
        kept = [r for r in rows if name in _group_names(r)]
        if 0 < len(kept) < len(rows):
            return kept, name
    return rows, ""


# A line named as its group and its own name: 「交通运输专项资金-港航业领域」, 「…专项资金（港航业领域）」.
_PREFIXED = (re.compile(r"^(.{4,}?)\s*[-－—–:：]\s*(.{2,})$"), re.compile(r"^(.{4,}?)[（(]([^（）()]{2,})[）)]$"))
_WHICH = re.compile(r"哪(?:一|几)?(?:个|项|类|种|块|部分|方面|领域|些)?")


def _split(label: str) -> tuple[str, str] | None:
    for pattern in _PREFIXED:
        m = pattern.match(label)
        if m:
            return m.group(1), m.group(2)
    return None


def prefixed(question: str, q: str, doc):
    """「交通运输专项资金哪个领域安排得最少」: the lines whose names say they are parts of the group the question
    names (「交通运输专项资金-绿色交通建设领域」), ranked; a table's lines first, else the narrative's listed
    items (each figure cited to its sentence and page)."""
    from ingest import model

    from .ranks import _answer
    if not _WHICH.search(q):
        return None
    found = named_parts(q, doc)
    if found is None:
        return None
    t, group, items = found
    names = {id(c): part for part, c in items.items()}
    return _answer(question, q, list(items.values()), f"{'正文' if t.kind == model.NARRATIVE else t.title}所列{group}",
                   lambda c: names[id(c)])


def _split_rows(t) -> list:
    """A table's lines named 「G-X」 (group, part, row, its default column's cell), worked out once per table
    object: every question reads them (assistant/partnames.py, groupparts.py), only the groups it names differ."""
    from .nesting import per_table
    memo = per_table(t)
    if "split_rows" not in memo:
        from .corpus import default_column, plain_label
        col, got = default_column(t), []
        for r in t.rows if col is not None else ():
            parts, cell = _split(plain_label(r.label)), r.cell(col)
            if parts is not None and cell is not None and cell.value is not None and not cell.blank:
                got.append((parts[0], parts[1], r, cell))
        memo["split_rows"] = got
    return memo["split_rows"]


def named_parts(q: str, doc):
    """(table, group, {part: CellRef}): the lines of one table named as a group the question names and a part of it
    (two or more), the longest group named; a table's lines first, else the narrative's listed items. None: no such
    group. (assistant/groupparts.py lists and sums them.)"""
    from ingest import model

    from .corpus import CellRef
    tables = [t for t in doc.tables if t.rows and t.kind != model.NARRATIVE] + \
        [t for t in doc.tables if t.rows and t.kind == model.NARRATIVE]
    for t in tables:
        groups: dict[str, dict[str, CellRef]] = {}
        for group, part, r, cell in _split_rows(t):
            if group in q:
                groups.setdefault(group, {}).setdefault(part, CellRef(doc.document, t, r, cell))
        named = sorted(((g, items) for g, items in groups.items() if len(items) >= 2), key=lambda x: -len(x[0]))
        if named:
            return t, named[0][0], named[0][1]
    return None


def by_column(question: str, q: str, doc):
    """「基本支出的公用经费里哪一项最多」: a group printed as columns beside another (人员经费 | 公用经费, each
    with its own lines, or one line a row with its 人员经费 and 公用经费 figures): the most detailed coded lines
    holding a figure in the group's columns, ranked by that figure; a line whose figure is all in another
    group's column (0 in this one) is not the group's."""
    from ingest import model

    from .corpus import CellRef, plain_label
    from .ranks import _answer
    if not re.search(r"哪", q):
        return None
    tables = [t for t in doc.tables if t.rows and t.kind != model.NARRATIVE]
    tables.sort(key=lambda t: "基本支出" not in (t.kind or "") if "基本支出" in q else 0)
    for t in tables:
        parts = {p for c in t.columns if c.meaning is not None for p in c.path.split("/")[:-1] + [c.meaning]}
        named = sorted((p for p in parts if len(p) >= 4 and p in q and p.endswith("经费")), key=len, reverse=True)
        if not named:
            continue
        group = named[0]
        cols = [c.path for c in t.columns if c.meaning is not None and (group in c.path.split("/") or c.meaning == group)]
        if len(cols) == len([c for c in t.columns if c.meaning is not None]):
            continue  # every money column is the group's: no group of lines
        items = []
        for r in leaves(t, model.ECONOMIC):
            cell = next((r.cell(c) for c in cols if r.cell(c) is not None and r.cell(c).value is not None), None)
            if cell is None:
                continue
            other = any(c.value for c in r.cells if c.value is not None and c.column not in cols)
            if cell.value == 0 and other:
                continue
            items.append(CellRef(doc.document, t, r, cell))
        if len(items) >= 2:
            return _answer(question, q, items, f"{t.title}的{group}",
                           lambda c: f"{c.row.code} {plain_label(c.row.label)}")
    return None
