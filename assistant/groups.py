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

    from .corpus import CellRef, default_column, plain_label
    from .ranks import _answer
    if not _WHICH.search(q):
        return None
    tables = [t for t in doc.tables if t.rows and t.kind != model.NARRATIVE] + \
        [t for t in doc.tables if t.rows and t.kind == model.NARRATIVE]
    for t in tables:
        col = default_column(t)
        if col is None:
            continue
        groups: dict[str, dict[str, CellRef]] = {}
        for r in t.rows:
            parts = _split(plain_label(r.label))
            cell = r.cell(col)
            if parts is None or parts[0] not in q or cell is None or cell.value is None or cell.blank:
                continue
            groups.setdefault(parts[0], {}).setdefault(parts[1], CellRef(doc.document, t, r, cell))
        named = sorted(((g, items) for g, items in groups.items() if len(items) >= 2), key=lambda x: -len(x[0]))
        if named:
            group, items = named[0]
            names = {id(c): part for part, c in items.items()}
            return _answer(question, q, list(items.values()), f"{'正文' if t.kind == model.NARRATIVE else t.title}所列{group}", lambda c: names[id(c)])
    return None
