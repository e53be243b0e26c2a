"""A part a table takes out of a figure, asked as an amount: 「2025年一般公共预算执行数里，中央基建投资大概占了多少钱」.

Central 部门预算 print a figure twice side by side — 「2025年执行数 | 扣除中央基建投资后执行数」, 「年初预算数 |
扣除中央基建投资后预算数」 — and never the part taken out on its own. That part of a line is the figure less the
figure without it, in the same row: both cells cited, the subtraction shown. The line is the one the question
names in that table, else the table's 合计 (the source of money said, 一般公共预算, names the table, not a line).
Which pair of columns: the year and the stage (执行数, 预算数) the question says; more than one left, nothing is
answered here. A question taking the part out (「扣除中央基建后…」) asks the other figure and is left alone, as is
a change or a share asked of the part."""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label, total_row, unit_of, value_columns
from .scope import years_in

_DEDUCTED = re.compile(r"(?:扣除|剔除|扣减|不含)(?P<part>[^/后]{2,16}?)(?:以后|之后|后)(?P<stage>[^/]*)$")
_TAKEN_OUT = r"(?:扣除|扣掉|扣减|剔除|除去|去掉|去除|刨去|刨除|减去|不含|不算|不计)"
_NOT_AMOUNT = re.compile(r"百分|比例|占比|比重|几成|%|增减|增长|减少|增加|下降|变化|比上年|比去年|几倍|为什么|原因")
_STAGES = ("执行数", "预算数", "决算数")


def _core(part: str) -> str:
    """The words of a part that say which (中央基建 of 中央基建投资)."""
    return re.sub(r"(?:投资|资金|经费|支出|项目|因素|部分|的)+$", "", part)


def _base(table, column: str, stage: str) -> str | None:
    """The column beside ``column`` holding the figure with the part: under the same heading, its stage said
    (执行数; 年初预算数/小计 for 预算数), no deduction, no change."""
    parent = column.rsplit("/", 1)[0] + "/" if "/" in column else ""
    found = []
    for c in value_columns(table):
        if c == column or not c.startswith(parent) or re.search(r"扣除|剔除|扣减|不含|增减|增长|比", c):
            continue
        rel = c[len(parent):].split("/")
        if stage and stage[:2] in rel[0] and (len(rel) == 1 or rel[-1] in ("小计", "合计")):
            found.append(c)
    return found[0] if len(found) == 1 else None


def _pairs(doc, q: str) -> list[tuple[object, str, str, str]]:
    """(table, base column, deducted column, part) for every deduction column whose part the question names as
    the amount asked."""
    out = []
    for t in doc.tables:
        for col in value_columns(t):
            m = _DEDUCTED.search(col.split("/")[-1])
            if m is None:
                continue
            core = _core(m.group("part"))
            if len(core) < 2 or core not in q or re.search(_TAKEN_OUT + r"[^，,。？?]{0,4}" + re.escape(core), q):
                continue
            base = _base(t, col, m.group("stage") or next((s for s in _STAGES if s in col), ""))
            if base is not None:
                out.append((t, base, col, m.group("part")))
    return out


def _asked(pairs, q: str, year: int):
    """The pairs of the year and stage the question says (执行数 said: the 执行数 pair; a year said: its columns)."""
    said = [y for y in years_in(q)]
    if said:
        pairs = [p for p in pairs if any(f"{y}年" in p[1].replace(" ", "") for y in said)] or \
            ([p for p in pairs if not re.search(r"(?:19|20)\d{2}年", p[1])] if year in said else [])
    stage = "执行" if "执行" in q else ("决算" if "决算" in q else None)
    if stage:
        pairs = [p for p in pairs if stage in p[1]]
    return pairs


def _line(table, measures, column: str):
    """The row the question names in ``table``, else its total row."""
    rows = [r for m in measures if m.rows for r in table.rows
            if plain_label(r.label) in m.rows and r.cell(column) is not None]
    if len({id(r) for r in rows}) == 1:
        return rows[0]
    return total_row(table, column) if not rows else None


def answer(question: str, q: str, doc, measures) -> Answer | None:
    if not re.search(r"多少|几", q) or _NOT_AMOUNT.search(q):
        return None
    pairs = _asked(_pairs(doc, q), q, doc.document.year)
    if len(pairs) != 1:
        return None
    table, base, deducted, part = pairs[0]
    row = _line(table, measures, base)
    if row is None:
        return None
    whole, without = row.cell(base), row.cell(deducted)
    if whole is None or without is None or whole.value is None:
        return None
    refs = [CellRef(doc.document, table, row, whole), CellRef(doc.document, table, row, without)]
    less = without.value if without.value is not None else Decimal(0)  # a blank cell: nothing left without it
    value = whole.value - less
    unit = unit_of(refs[0])
    name = plain_label(row.label) or row.label
    name = f"{table.title}{name}" if row is total_row(table, base) else name
    formula = f"{arith.fmt(whole.value)} − {arith.fmt(less)} = {arith.fmt(value)}"
    text = (f"{name}中的{part}：{arith.with_unit(value, unit)}（表中未单列，按“{base}”减去“{deducted}”）："
            f"{arith.with_unit(whole.value, unit)}（{refs[0].where()}）− {arith.with_unit(less, unit)}"
            f"（{refs[1].where()}）")
    return Answer(question, ANSWERED, text, value, unit, formula, [r.citation() for r in refs])
