"""「“三公”经费加上会议费、培训费，预算合计比2020年多了多少」: the year-on-year change of a sum of lines.

The question joins several operands (加上, 、, 和 … 合计/一共) and asks how the sum moved: read one at a time,
the change of the first operand alone answered it. Each operand's this-year and last-year cells are read from
one table that prints them side by side (lastyear.py), and the change is Σ this year − Σ last year, every
cell cited and the formula shown.

Where the operands are all the parts of a column group that prints its own 合计 (「2021年 / 合计 | “三公”经费 |
会议费 | 培训费」), that printed total is the sum asked: its cells (and its printed 增减) answer, and the
parts' sum is checked against it — a table whose 合计 is not the sum of its parts is said so, with both
figures, never silently replaced.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith, lastyear
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, unit_of
from .tables import candidates

_TOTALS = ("合计", "小计", "总计")


def answer(eng, question: str, q: str, doc, measures, hint, wanted, ask) -> Answer | None:
    if len(measures) < 2 or not W.SUM.search(q) or ask not in ("change", "rate"):
        return None
    options = []
    for m in measures:
        found = []
        for c in candidates(doc, m, hint, q):
            p = lastyear.pair_for(c, q)
            if p is not None and p.now is not None and (not wanted or lastyear.compatible(wanted, p.basis)):
                found.append(p)
        options.append(found)
    pairs = _one_table(options) if all(options) else None
    if pairs is None:
        return _stated(eng, question, q, doc, measures, wanted) if ask == "change" else None
    if len({p.now.cell.column + str(p.now.row.ordinal) for p in pairs}) < len(pairs):
        return None  # two names read as one cell: no sum of several lines
    unit = unit_of(pairs[0].now)
    now = arith.total([p.now.value for p in pairs])
    prior = arith.total([p.prior.value for p in pairs])
    names = "、".join(dict.fromkeys(re.sub(r"[“”\"]", "", m.text) for m in measures))
    which = {"执行数": "上年执行数", "年初预算": "上年年初预算", "预算": "上年预算", "决算数": "上年决算数"}.get(
        pairs[0].basis or "", "上年")
    cites = [c.citation() for p in pairs for c in (p.now, p.prior)]
    total = _printed_total(pairs)
    if total is not None:
        d = total.now.value - total.prior.value
        formula = f"{arith.fmt(total.now.value)} − {arith.fmt(total.prior.value)} = {arith.fmt(d)}"
        text = (f"{names}合计（表中合计列）{_moved(which, d, unit)}：今年合计 "
                f"{arith.with_unit(total.now.value, unit)}（{total.now.where()}），{which} "
                f"{arith.with_unit(total.prior.value, unit)}（{total.prior.where()}）")
        if total.change is not None:
            text += f"；表中增减列为 {total.change.cell.raw}"
        cites = [total.now.citation(), total.prior.citation()] + \
            ([total.change.citation()] if total.change is not None else []) + cites
        checks, shown = [], [formula, f"今年各项 {now.formula}", f"{which}各项 {prior.formula}"]
        for label, parts, printed in (("今年", now, total.now.value), (which, prior, total.prior.value)):
            if parts.value != printed:
                gap = abs(parts.value - printed)
                checks.append(f"{label}各项相加 {parts.formula}，与表中合计 {arith.fmt(printed)} 不一致"
                              f"（相差 {arith.fmt(gap)}）")
                shown.append(f"{label}相差 |{arith.fmt(parts.value)} − {arith.fmt(printed)}| = {arith.fmt(gap)}")
        if checks:
            d2 = now.value - prior.value
            text += ("。注意：" + "；".join(checks) + f"；按各项相加计算，{_moved(which, d2, unit)}"
                     f"（{arith.fmt(now.value)} − {arith.fmt(prior.value)} = {arith.fmt(d2)}）")
            shown.append(f"各项相加 {arith.fmt(now.value)} − {arith.fmt(prior.value)} = {arith.fmt(d2)}")
        calc = "；".join(shown)
        base = total.prior.value
    else:
        d = now.value - prior.value
        formula = f"({now.formula.split(' = ')[0]}) − ({prior.formula.split(' = ')[0]}) = {arith.fmt(d)}"
        parts = "；".join(f"{p.now.name()} 今年 {arith.fmt(p.now.value)}（{p.now.where()}），{which} "
                         f"{arith.fmt(p.prior.value)}（{p.prior.where()}）" for p in pairs)
        text = (f"{names}合计{_moved(which, d, unit)}：今年合计 "
                f"{arith.with_unit(now.value, unit)}，{which}合计 {arith.with_unit(prior.value, unit)}。{parts}")
        calc = formula
        base = prior.value
    if ask == "rate":
        r = arith.change_rate(d, base)
        return Answer(question, ANSWERED, f"{text}。变化率 {arith.fmt(r.value)}%", r.value, "%",
                      f"{calc}；{r.formula}", cites)
    return Answer(question, ANSWERED, text, abs(d), unit, calc, cites)


def _stated(eng, question: str, q: str, doc, measures, wanted) -> Answer | None:
    """No table prints the operands beside last year's: each operand's change as the narrative states it
    (「行政运行（项）…比上年执行数增加252.00万元」), summed — every operand stated, of one basis and unit."""
    from . import yearly
    facts = []
    for m in measures:
        found = yearly._matching_fact(eng, q, doc, m.text, wanted, "change", [], least=4)
        if found is None or found[0].change is None:
            return None
        facts.append(found[0])
    if len({f.unit for f in facts}) != 1 or len({yearly._basis(f, doc) for f in facts}) != 1 or \
            len({id(f) for f in facts}) < len(facts):
        return None
    total = arith.total([f.change for f in facts])
    unit, which = facts[0].unit, yearly._basis_word(yearly._basis(facts[0], doc))
    names = "、".join(re.sub(r"[“”\"]", "", m.text) for m in measures)
    said = "；".join(f"{f.subject}：“{f.sentence.strip()}”（第{f.passage.page}页）" for f in facts)
    text = (f"{names}合计{_moved(which, total.value, unit)}（各项文中所列的增减相加）。"
            f"文中说明：{said}")
    from .answer import Citation
    cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, f.passage.page, f.sentence,
                      section=f.passage.section) for f in facts]
    return Answer(question, ANSWERED, text, abs(total.value), unit, total.formula, cites)


def _moved(which: str, d: Decimal, unit: str | None) -> str:
    """「比上年预算增加 343700.00 元」, 「与上年预算持平（增减 0 万元）」."""
    if d == 0:
        return f"与{which}持平（增减 {arith.with_unit(d, unit)}）"
    return f"比{which}{'增加' if d > 0 else '减少'} {arith.with_unit(abs(d), unit)}"


def _one_table(options: list[list[lastyear.Pair]]) -> list[lastyear.Pair] | None:
    """One pair of each operand, all from the first table (in the first operand's order) holding them all."""
    for first in options[0]:
        chosen = [next((p for p in o if p.now.table is first.now.table), None) for o in options]
        if all(chosen):
            return chosen
    return None


def _printed_total(pairs: list[lastyear.Pair]) -> lastyear.Pair | None:
    """The group's own 合计 column where the operands are every part of their column group (「2021年」's
    “三公”经费, 会议费 and 培训费), in the operands' row; None otherwise."""
    table, row = pairs[0].now.table, pairs[0].now.row
    if any(p.now.row is not row for p in pairs):
        return None
    paths = [p.now.column.split("/") for p in pairs]
    if any(len(x) < 2 for x in paths) or len({x[0] for x in paths}) != 1:
        return None
    group = paths[0][0]
    parts = {c.path.split("/")[1] for c in table.columns
             if c.path.startswith(group + "/") and c.path.split("/")[1] not in _TOTALS}
    if parts != {x[1] for x in paths}:
        return None
    column = next((f"{group}/{t}" for t in _TOTALS if row.cell(f"{group}/{t}") is not None), None)
    if column is None or row.cell(column).value is None:
        return None
    return lastyear.pair_for(CellRef(pairs[0].now.doc, table, row, row.cell(column)), "")

