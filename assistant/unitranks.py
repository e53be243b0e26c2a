"""A department's units ranked: 「底下三个预算单位，哪个单位的基本支出最少」, 「哪家单位收入最多」.

The units and their figures are read from the document's tables: a table printed unit by unit (广州 表11
基本支出 / 表12 项目支出: each unit's row followed by its lines, assistant/unitblocks.py) when the figure is a
基本支出 or 项目支出; else a table listed by 单位名称 (收入总表, 支出总表, “三公”经费表, assistant/units.py),
its column the question names or its total. The department's own total row is never a unit.
"""
from __future__ import annotations

import re

from ingest import model

from . import wording as W
from .corpus import CellRef, default_column, plain_label

_WHICH_UNIT = re.compile(r"哪(?:一)?(?:个|家|些)?(?:下属|二级|所属|直属)?(?:预算)?单位|哪(?:一)?(?:个|家)(?:下属|二级|所属|直属)?机构")
_PART = {"基本支出": model.BASIC, "项目支出": model.PROJECT}


def _whole_column(table) -> str | None:
    """The column of all the unit's money (总计), not a part of it (财政拨款/合计), where the table has one."""
    cols = sorted((c.path for c in table.columns if c.meaning == "合计"), key=lambda p: p.count("/"))
    return cols[0] if cols else None


def _from_blocks(doc, q: str):
    from .unitblocks import _blocks, _listed_units, _ref
    units = _listed_units(doc)
    if len(units) < 2:
        return None
    words = [w for w in _PART if w in q]
    if len(words) != 1:
        return None
    for t in doc.tables:
        if t.kind != _PART[words[0]] or not t.rows:
            continue
        heads = [h for h, _ in _blocks(t, units)]
        col = _whole_column(t)
        refs = [CellRef(doc.document, t, h, h.cell(col)) for h in heads
                if h.cell(col) is not None and h.cell(col).value is not None] if col else \
            [c for h in heads if (c := _ref(doc, t, h)) is not None]
        if len(refs) >= 2:
            return refs, f"{t.title}所列各单位的{words[0]}"
    return None


def _from_unit_table(doc, q: str, mentions, hint):
    from .units import _choose_table, _column_named, _full_names, _unit_table, units_of
    tables = [t for t in doc.tables if _unit_table(t)]
    if not tables:
        return None
    holding = [t for t in tables if any(_column_named(t, m, doc.document.year) for m in mentions)]
    table = _choose_table(q, holding or tables, hint if hint in {t.kind for t in tables} else None)
    us = units_of(table, doc.document.department, _full_names(tables)) if table is not None else None
    if us is None or len(us.rows) < 2:
        return None
    col = next((c for m in mentions if (c := _column_named(table, m, doc.document.year))), None) \
        or default_column(table)
    refs = [CellRef(doc.document, table, r, r.cell(col)) for r in us.rows
            if r.cell(col) is not None and r.cell(col).value is not None]
    if len(refs) < 2:
        return None
    return refs, f"{table.title}所列各单位的{col.split('/')[-1]}"


def answer(question: str, q: str, doc, mentions, hint) -> object | None:
    """The units ranked by the figure asked, or None when the question is no ranking of units."""
    if not (W.RANK.search(q) and _WHICH_UNIT.search(q)) or re.search(r"项目|科目|绩效", q.replace("项目支出", "")):
        return None
    found = _from_blocks(doc, q) or _from_unit_table(doc, q, mentions, hint)
    if found is None:
        return None
    refs, what = found
    from .ranks import _answer
    return _answer(question, q, refs, what, lambda c: plain_label(c.row.label))
