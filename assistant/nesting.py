"""A line under its parent in a table printed without subject codes or numbering (杭州: 自然资源海洋气象等支出 /
气象事务 / 行政运行, one name a row): 「气象事务里的行政运行」 is the first row of that name after the parent
row, on its side, whose figures are no larger than the parent's (行政运行 appears under many 款)."""
from __future__ import annotations

from ingest.model import Row, Table


def _plain(label: str) -> str:
    from .corpus import plain_label
    return plain_label(label)


def _fits(child: Row, parent: Row) -> bool:
    """Every figure the child prints is within its parent's figure of the same column."""
    shared = 0
    for c in child.cells:
        p = parent.cell(c.column)
        if c.value is None or p is None or p.value is None:
            continue
        if abs(c.value) > abs(p.value):
            return False
        shared += 1
    return shared > 0


def under(table: Table, parents: frozenset[str], labels: frozenset[str]) -> set[int]:
    """ids of the rows named ``labels`` that the uncoded table nests under a row named ``parents``."""
    out: set[int] = set()
    rows = table.rows
    for i, p in enumerate(rows):
        if p.code or _plain(p.label) not in parents:
            continue
        for r in rows[i + 1:]:
            if r.side != p.side:
                continue
            if r.code or _plain(r.label) in parents:
                break
            if _plain(r.label) in labels:
                if _fits(r, p):
                    out.add(id(r))
                break
    return out
