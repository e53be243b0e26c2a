"""Last year's figure with a part taken out, read where a table prints it: 「2026年预算的表5里，2025年其他信访事务
支出扣掉中央基建投资后的执行数是多少」.

Central 部门预算 print last year's figure twice under its year — 「2025年执行数 | 扣除中央基建投资后执行数」 — beside
this year's. A question taking the part out of last year's figure (扣除/扣掉/剔除 X 后的执行数) asks that printed
column, not a change the narrative states: the line named (else the table's 合计) is read there, under the year
said. The column must name the part said (中央基建) and the stage said (执行数, 预算数, 决算数) and sit under the year
said; a change, a rate or a share asked of it is left to the year-on-year families, as is the part itself asked as an
amount (assistant/deductedpart.py). One figure found in every table printing the column answers; figures that differ
leave the question alone.
"""
from __future__ import annotations

import re

from . import arith
from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label, total_row, unit_of, value_columns
from .deductedpart import _DEDUCTED, _NOT_AMOUNT, _core
from .restated import deduction
from .scope import years_in

_STAGES = ("执行数", "预算数", "决算数")


def answer(question: str, q: str, doc, measures) -> Answer | None:
    part = deduction(q)
    if part is None or _NOT_AMOUNT.search(q) or not re.search(r"多少|几", q):
        return None
    core = _core(re.sub(r"的$", "", part))
    stage = next((s for s in _STAGES if s in q[q.find(part):]), None)
    # the year of the figure: one said that is not the document's own (「2026年预算的表5里，2025年…」)
    years = [y for y in years_in(q) if y != doc.document.year]
    if len(core) < 2 or stage is None or len(years) != 1:
        return None
    refs = []
    for t in doc.tables:
        for col in value_columns(t):
            head, leaf = col.split("/")[0].replace(" ", ""), col.split("/")[-1]
            m = _DEDUCTED.search(leaf)
            if m is None or core not in m.group("part") or stage not in leaf or f"{years[0]}年" not in head:
                continue
            row = _line(t, measures, col)
            if row is not None and (cell := row.cell(col)) is not None and cell.value is not None:
                refs.append(CellRef(doc.document, t, row, cell))
    if not refs or len({r.value for r in refs}) > 1:
        return None
    ref = refs[0]
    name = plain_label(ref.row.label) or ref.row.label
    if ref.row is total_row(ref.table, ref.cell.column):
        name = f"{ref.table.title}合计"
    unit = unit_of(ref)
    text = f"{name}（{ref.cell.column}）为 {arith.with_unit(ref.value, unit)}（{ref.where()}）"
    return Answer(question, ANSWERED, text, ref.value, unit, None, [r.citation() for r in refs])


def _line(table, measures, column: str):
    """The row the question names in ``table`` (by name or code), else — no line named — its total row."""
    named = [m for m in measures if m.rows]
    rows = [r for m in named for r in table.rows
            if (plain_label(r.label) in m.rows or (r.code and r.code in m.rows)) and r.cell(column) is not None]
    if len({id(r) for r in rows}) == 1:
        return rows[0]
    return total_row(table, column) if not named else None
