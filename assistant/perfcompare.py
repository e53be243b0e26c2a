"""Two projects' figures of the performance forms compared: 「A和B两个项目，哪个预算执行率更高？」.

A question naming two projects reads best as one of them to the forms' reader (assistant/perftables.py picks the
form whose project the question names longest), so it answered with that project's figure whatever the other's
— 「哪个执行率低」 got the higher one. Here the question is read once per project, with the other project's name
taken out, and the figures are compared: the higher (or lower, as asked) is the answer, both figures shown and
cited. Only figures in one unit are compared; anything else is left to the forms' reader.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument

from . import arith
from .answer import ANSWERED, Answer

# 「哪个…更高」「谁的…低」: the direction asked; 高/多/大 the larger, 低/少/小 the smaller.
_WHICH = re.compile(r"(?:哪|谁)[^，,。？?]{0,10}?(?:更|较|最)?(高|低|多|少|大|小)")


def answer(question: str, q: str, doc: ParsedDocument, index=None) -> Answer | None:
    way = _WHICH.search(q)
    if way is None:
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
        if one is None or one.status != ANSWERED or one.value is None or project not in one.answer:
            return None
        read.append((project, one))
    if read[0][1].unit != read[1][1].unit:
        return None
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


def _plain(text: str) -> str:
    return text.strip().rstrip("。")
