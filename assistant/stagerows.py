"""A 决算 table whose rows are the stages of its figures (预算数 | 决算数: the “三公”经费及会议费、培训费
支出决算表 of the 陕西/central 决算 sets), asked with the stage after the figure's name: 「培训费预算数」,
「“三公”经费决算数」, 「公务用车运行维护费的预算执行率」. The stage word picks the row; it is no line or
column of its own (the narrative's sentence "…预算…" or the 收支总表's 决算数 column).
"""
from __future__ import annotations

import re

from . import execution
from .answer import ANSWERED, Answer
from .concepts import PERIOD_ROW, column_concept, concept_label
from .corpus import CellRef
from .figures import amount
from .tables import Measure

_STAGE = re.compile(r"[，,]?的?(?:全年|年初)?(预算数|决算数|预算|决算|实际(?:花|支出|使用|用|开支))")
# 「买公车实际花了多少钱」: what was spent on the figure named is its 决算数, not the 决算's 本年支出合计.
_SPENT = re.compile(r"实际(?:花|支出|使用|用|开支)")


def _stage_rows(table) -> dict[str, object]:
    rows = {}
    for r in table.rows:
        label = concept_label(r.label)
        if PERIOD_ROW.match(label) and not re.search(r"\d", label):
            rows.setdefault("决算" if "决算" in label else "预算", r)
    return rows if len(rows) == 2 else {}


def _column(table, concept: str, year: int) -> str | None:
    return next((c.path for c in table.columns if c.meaning is not None and
                 (column_concept(table, c.path, year) == concept or c.path.split("/")[-1] == concept)), None)


def answer(question: str, q: str, doc, mentions, hint: str | None) -> Answer | None:
    if doc.document.kind != "决算":
        return None
    named = [m for m in mentions if (m.rows or m.column) and not _STAGE.fullmatch(m.text) and not _SPENT.match(m.text)]
    if len(named) != 1:
        return None  # several figures ("会议费和培训费决算加起来"): the table questions read them together
    for m in named:
        stage = _STAGE.match(q, m.end) if m.column else None
        if stage is None:
            continue
        # Only now the tables: a question with no stage word after its figure leaves them unread.
        tables = [(t, rows) for t in doc.tables if (rows := _stage_rows(t))]
        found = next(((t, rows, col) for t, rows in tables if (col := _column(t, m.column, doc.document.year))), None)
        if found is None:
            continue
        table, rows, col = found
        if execution.ASKS.search(q):  # 「…的预算执行率」: 决算数 ÷ 预算数 of that column
            return execution.answer(question, q, doc, [Measure(None, m.column, m.text, m.start, table=table.kind)],
                                    table.kind)
        row = rows["预算" if stage.group(1).startswith("预算") else "决算"]
        cell = row.cell(col)
        if cell is None:
            continue
        ref = CellRef(doc.document, table, row, cell)
        from . import threebasic  # 「培训费实际花了多少」: the “三公” table's 决算数 vs the 基本支出 table's line
        if not stage.group(1).startswith("预算") and \
                (ans := threebasic.readings(question, q, doc, m, ref)) is not None:
            return ans
        value, unit, shown, calc = amount(ref, q)
        return Answer(question, ANSWERED, f"{ref.name()}{concept_label(row.label)}：{shown}（{ref.where()}）",
                      value, unit, calc, [ref.citation()])
    return None
