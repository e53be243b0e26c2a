"""A class of the second classification a table prints beside each row (陕西: 部门经济科目 30101 基本工资 |
政府经济科目 50101 工资奖金津补贴): the rows are named by their own code (ingest/codepairs.py), so a
question naming the coarser class (「工资奖金津补贴是多少」) gets the sum of the rows printed under it, each
cited, the formula shown — never one of its rows (30103 奖金) taken for it.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from .corpus import CellRef, default_column, plain_label
from .tables import economic

_NAME_COLUMN = re.compile(r"名称")


def _classes(table) -> dict[str, list]:
    """The second classification's names → the rows printed under them (a name column kept as a cell)."""
    out: dict[str, list] = {}
    for r in table.rows:
        for c in r.cells:
            if c.value is None and _NAME_COLUMN.search(c.column.split("/")[-1]) and len(c.raw.strip()) >= 4:
                out.setdefault(plain_label(c.raw.strip()), []).append(r)
    return out


def answer(question: str, q: str, doc, vocab) -> object | None:
    tables = [t for t in doc.tables if t.kind in (model.GPB_EXPENDITURE, model.GPB_BASIC) and economic(t)]
    if not tables:
        return None
    # The whole (basic and project spending) first, its 基本支出 part where the question says so.
    tables.sort(key=lambda t: (t.kind == model.GPB_EXPENDITURE) == ("基本" in q))
    for t in tables:
        col = default_column(t)
        for name, rows in sorted(_classes(t).items(), key=lambda x: -len(x[0])):
            if name not in q or name in vocab.labels or len(rows) < 2:
                continue  # a class printed as a row of its own is read there
            refs = [CellRef(doc.document, t, r, r.cell(col)) for r in rows if r.cell(col) is not None]
            if len(refs) < 2:
                continue
            values, unit, conv = figures.common_unit(refs)
            r = arith.total(values)
            parts = "、".join(f"{c.name()} {arith.with_unit(c.value, unit)}" for c in refs)
            return figures.computed(question, f"{name}（表中按其下的科目列示：{parts}）合计 "
                                              f"{arith.with_unit(r.value, unit)}", r, unit, refs, conversions=conv)
    return None
