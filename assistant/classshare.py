"""A function line's share of 一般公共预算 spending, both read in the 一般公共预算 table: 「一般公共预算当年拨款中，住房
保障支出占多大比例」「住房保障支出占一般公共预算支出的比例」.

The question names the 一般公共预算 as the whole, before the part (「一般公共预算…中，X占多大比例」) or after 占: the
part and the whole are then read in ONE table, the 一般公共预算 支出 table by function class — X's row (a 类, 款 or
项 the table prints once under that name) over that table's 合计, the same column. The 收支总表's row of the same name
holds every source of funds (上年结转, 事业收入 …) and is never divided by the 一般公共预算拨款收入. A 款 printed only
by its 项 lines is assistant/kuan.py's; 「占一般公共预算基本支出」 reads the 基本支出 table by function class.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import Answer
from .corpus import CellRef, default_column, plain_label, unit_of
from .kuan import _GPB, _SHARE_OF, function_tables, whole_row

# 「一般公共预算（当年）拨款中，」「一般公共预算支出里」: the whole said first, the part after it.
_LEAD = re.compile(r"(?P<whole>一般公共预算[^，,。？?；、]{0,10}?)(?:中|里|当中|之中|里面)[，,]?")
_SCOPE_WORDS = re.compile(r"(?<=一般公共预算)(?:当年|本年)(?=拨款)")
_PART_COLUMN = re.compile(r"基本支出|项目支出|人员经费|公用经费|政府性基金|国有资本")


def _whole(q: str) -> tuple[str, bool] | None:
    """(the words saying the part, whether the whole is the 基本支出) — None where no 一般公共预算 whole is said."""
    m = _SHARE_OF.search(q)
    if m is None:
        return None
    after = _GPB.match(_SCOPE_WORDS.sub("", m.group("whole").strip()))
    if after is not None:
        return q[:m.start()], bool(after.group("basic"))
    if re.sub(r"多大|多少|多高|几|的|了|有", "", m.group("whole").strip()):
        return None  # another whole said after 占
    lead = None
    for lead in _LEAD.finditer(q[:m.start()]):
        pass
    if lead is None:
        return None
    said = _SCOPE_WORDS.sub("", lead.group("whole"))
    said_gpb = _GPB.match(said)
    if said_gpb is None:
        return None
    return q[lead.end():m.start()], bool(said_gpb.group("basic"))


def answer(question: str, q: str, doc) -> Answer | None:
    if not W.SHARE.search(q):
        return None
    found = _whole(q)
    if found is None:
        return None
    part_words, basic = found
    if _PART_COLUMN.search(part_words):
        return None
    kind = model.GPB_BASIC if basic else model.GPB_EXPENDITURE
    for t in function_tables(doc, kind):
        col = default_column(t)
        if col is None:
            continue
        rows = [r for r in t.rows if r.code and r.code_kind == model.FUNCTION and len(plain_label(r.label)) >= 2
                and plain_label(r.label) in part_words]
        if not rows:
            continue
        longest = max(len(plain_label(r.label)) for r in rows)
        rows = [r for r in rows if len(plain_label(r.label)) == longest]
        if len(rows) != 1:
            return None  # the name printed at two places (行政运行 under two 款): not one reading here
        row = rows[0]
        tot = whole_row(t, col)
        if tot is None or tot is row or row.cell(col) is None or row.cell(col).value is None:
            return None
        part, whole = CellRef(doc.document, t, row, row.cell(col)), CellRef(doc.document, t, tot, tot.cell(col))
        try:
            r = arith.share(part.value, whole.value)
        except arith.ZeroBase:
            return None
        unit = unit_of(part)
        total = plain_label(tot.label)
        text = (f"{part.name()}占{t.title}{total}的 {arith.fmt(r.value)}%：{arith.with_unit(part.value, unit)} ÷ "
                f"{arith.with_unit(whole.value, unit)}（两数同取自该表{col.replace('/', '')}列）")
        return figures.computed(question, text, r, "%", [part, whole])
    return None
