"""「项目支出中，除了本级以外，两个下属单位的加起来是多少」: units' lines of a table that prints its items under
each unit, summed.

Many 项目支出表 (广州's 部门预算项目支出及其他支出预算表, others alike) list 合计, then each unit's line with its
projects printed right under it. No 单位名称 column says which lines are units, so they are read by the
table's structure: the lines whose figure is the sum of the items under them (assistant/counts.py leaf_rows)
and which together make the table's 合计. The department's own line (its own name, 本级, 机关) is the one
set aside; the others are summed, each cited, the own line and the 合计 cited beside them so the reader can
check 合计 − 本级 too.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label, unit_of
from .counts import leaf_rows
from .tables import default_column

# The units asked: those under the department (下属单位), the department's own 本级 set aside.
_SUBORDINATES = re.compile(r"(两|二|2|三|3)?\s*(?:个|家)?(?:下属|直属|所属|二级)(?:预算)?单位")
_BESIDES_OWN = re.compile(r"除(?:了|去|开)?.{0,8}(?:本级|机关|本部)")
_OWN = re.compile(r"本级|机关$|（机关）")
_TOTAL = re.compile(r"^(?:合计|总计)$")
# The kind of table the question's words name.
_KINDS = {"项目支出": model.PROJECT}
_COUNT = {"两": 2, "二": 2, "2": 2, "三": 3, "3": 3}


def _units(table, department: str):
    """(the total row, the unit lines, the department's own line) or None where the table prints no units."""
    column = default_column(table)
    if column is None:
        return None
    total = next((r for r in table.rows if _TOTAL.match(plain_label(r.label))), None)
    if total is None or total.cell(column) is None or total.cell(column).value is None:
        return None
    leaves = {id(r) for r in leaf_rows(table, column)}
    heads = [r for r in table.rows if r is not total and id(r) not in leaves and r.cell(column) is not None
             and r.cell(column).value is not None]
    if len(heads) < 2 or sum(r.cell(column).value for r in heads) != total.cell(column).value:
        return None
    own = [r for r in heads if plain_label(r.label) == department or _OWN.search(plain_label(r.label))]
    if len(own) != 1:
        return None
    return column, total, heads, own[0]


def answer(question: str, q: str, doc) -> Answer | None:
    said = _SUBORDINATES.search(q)
    if not (said or _BESIDES_OWN.search(q)) or not W.SUM.search(q):
        return None
    kinds = {k for w, k in _KINDS.items() if w in q}
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    found = [(t, u) for t in doc.tables if t.kind == kind and t.rows and (u := _units(t, doc.document.department))]
    if len(found) != 1:
        return None
    table, (column, total, heads, own) = found[0]
    others = [r for r in heads if r is not own]
    if said and said.group(1) and _COUNT[said.group(1)] != len(others):
        return None  # 「两个下属单位」 where the table prints another number of them: not these lines
    refs = [CellRef(doc.document, table, r, r.cell(column)) for r in others]
    aside = [CellRef(doc.document, table, r, r.cell(column)) for r in (own, total)]
    result = arith.total([c.value for c in refs])
    unit = unit_of(refs[0])
    listed = "、".join(f"{plain_label(c.row.label)} {arith.with_unit(c.value, unit)}" for c in refs)
    text = (f"{table.title}中本级以外的 {len(refs)} 个单位合计 "
            f"{arith.with_unit(result.value, unit)}：{listed}（本级 {plain_label(own.label)} "
            f"{arith.with_unit(own.cell(column).value, unit)}，合计 {arith.with_unit(total.cell(column).value, unit)}；"
            f"第{table.page}页起）")
    return Answer(question, ANSWERED, text, result.value, unit, result.formula,
                  [c.citation() for c in refs + aside])
