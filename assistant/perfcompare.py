"""Two projects' figures of the performance forms compared or combined: 「A和B两个项目，哪个预算执行率更高？」,
「A和B两个项目加起来一共安排了多少钱」 (the sum), 「A的资金总额是B的几倍」 (A ÷ B), 「A比B多多少」 (the gap).

A question naming two projects reads best as one of them to the forms' reader (assistant/perftables.py picks the
form whose project the question names longest), so it answered with that project's figure whatever the other's
— 「哪个执行率低」 got the higher one. Here the question is read once per project, with the other project's name
taken out, and the figures are compared: the higher (or lower, as asked) is the answer, both figures shown and
cited. The sum, multiple and gap are computed the same way from the two figures so read, each project in the
order the question names it, the formula shown. Only figures in one unit are compared or combined; anything
else is left to the forms' reader.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer

# 「哪个…更高」「谁的…低」: the direction asked; 高/多/大 the larger, 低/少/小 the smaller.
_WHICH = re.compile(r"(?:哪|谁)[^，,。？?]{0,10}?(?:更|较|最)?(高|低|多|少|大|小)")


def answer(question: str, q: str, doc: ParsedDocument, index=None) -> Answer | None:
    way = _WHICH.search(q)
    # 「A和B加起来」「A是B的几倍」「A比B多多少」: the two figures combined, not compared.
    op = None if way else "sum" if W.SUM.search(q) else "multiple" if W.MULTIPLE.search(q) else \
        "diff" if W.DIFF.search(q) else None
    if way is None and op is None:
        return None
    from .perftables import forms, named_run
    projects = list(dict.fromkeys(f.project for f in forms(doc) if f.project))
    runs = sorted(((named_run(q, p), p) for p in projects), key=lambda x: -len(x[0]))
    named: list[tuple[str, str]] = []
    for run, project in runs:  # distinct projects named by distinct words of the question
        if run and all(run not in r and r not in run for r, _ in named):
            named.append((run, project))
    if len(named) != 2:
        return None
    from . import perftables
    read = []
    for i, (run, project) in enumerate(named):
        other = named[1 - i][0]
        one = perftables.answer(question, q.replace(other, "|"), doc, index)
        if not _read(one, project) and _MONEY.search(q) and not _NOT_FUNDS.search(q):
            # 「A项目的资金是B项目的几倍」: the words around the money ask no figure of one form; the money each
            # form states is its 资金总额, asked of it plainly
            one = perftables.answer(question, f"{project}项目的资金总额是多少", doc, index)
        if not _read(one, project):
            return None
        read.append((project, one))
    if read[0][1].unit != read[1][1].unit:
        return None
    if op is not None:
        order = sorted(range(2), key=lambda i: q.find(named[i][0]))  # as the question names them
        return _combined(question, op, [read[i] for i in order])
    larger = way.group(1) in "高多大"
    (wp, wa), (op, oa) = sorted(read, key=lambda x: x[1].value, reverse=larger)
    word = {"高": "更高", "低": "更低", "多": "更多", "少": "更少", "大": "更大", "小": "更小"}[way.group(1)]
    if wa.value == oa.value:
        text = f"两个项目相同：{wp} 与 {op} 均为 {arith.with_unit(wa.value, wa.unit)}。"
    else:
        text = f"{wp}{word}：{arith.with_unit(wa.value, wa.unit)}；{op}为 {arith.with_unit(oa.value, oa.unit)}。"
    text += f"（{_plain(wa.answer)}；{_plain(oa.answer)}）"
    sign = "=" if wa.value == oa.value else (">" if larger else "<")
    calc = f"{arith.fmt(wa.value)} {sign} {arith.fmt(oa.value)}"
    return Answer(question, ANSWERED, text, wa.value, wa.unit, calc, [*wa.citations, *oa.citations])


# Money asked of the two projects, no indicator or score: each form's 资金总额.
_MONEY = re.compile(r"资金|金额|经费|多少钱|安排|预算")
_NOT_FUNDS = re.compile(r"指标|得分|分数|满意度|率|目标值")


def _read(one, project: str) -> bool:
    return one is not None and one.status == ANSWERED and one.value is not None and project in one.answer


def _combined(question: str, op: str, read: list) -> Answer:
    """The two projects' figures added, divided (the first named by the second) or subtracted (the larger less
    the smaller), the formula and both sources shown."""
    (ap, aa), (bp, ba) = read
    unit = aa.unit
    if op == "sum":
        r = arith.total([aa.value, ba.value])
        text = f"{ap}与{bp}合计 {arith.with_unit(r.value, unit)}"
    elif op == "multiple":
        r = arith.multiple(aa.value, ba.value)
        text, unit = f"{ap}是{bp}的 {arith.fmt(r.value)} 倍", "倍"
    else:
        r = arith.difference(aa.value, ba.value)
        (hp, _), (lp, _) = read if aa.value >= ba.value else read[::-1]
        text = f"{hp}比{lp}多 {arith.with_unit(r.value, unit)}"
    text += f"。计算：{r.formula}（{_plain(aa.answer)}；{_plain(ba.answer)}）"
    return Answer(question, ANSWERED, text, r.value, unit, r.formula, [*aa.citations, *ba.citations])


def _plain(text: str) -> str:
    return text.strip().rstrip("。")
