"""Questions asking two figures in sentences of their own that do not refer to each other:
「本部门人员编制是多少人？实有人员多少？」「房屋有多少平方米？单价100万元以上的设备有几台？」
「“信访干部培训专项”绩效目标里的培训人数定的是多少人？实际培训了多少？」「现在有几辆车？2026年还打算买几辆？」.

Read whole, such a question is taken for one figure or a comparison of the two (编制 105 against 实有 97 answered
「多 8 人」; the devices' 19 台 for the square metres asked first). Each sentence is asked on its own of the chosen
document; one that names nothing of its own (「实际培训了多少」) is asked with the first one's subject before it. Both
answered, the answer states each, in the order asked, and the first is its value (Answer.parts, as yearly.py and
across.py give a figure and its change). A sentence that points back (它, 其中, 比…), compares, sums, shares or
ranks is not this family: those are one question in two sentences, answered by their own families. When either
sentence finds nothing, this family does not answer (the question is read whole, as before).
"""
from __future__ import annotations

import re

from .answer import AMBIGUOUS, ANSWERED, Answer, AskedFigure

_SENTENCES = re.compile(r"(?<=[？?])")
_ASKS = re.compile(r"多少|几")
# One question in two sentences: a pointer back, a comparison, a whole and its part, a sum, a share, a ranking,
# a yes/no — their families read both sentences together (yearly, didchange, twopart, wholeparts, operands …).
_TOGETHER = re.compile(r"它|其中|这个|这些|这笔|那个|那笔|那么|比|较|相比|差(?!旅)|增|减|变化|分别|各|一共|合计|加起来|总共|占|比例|"
                       r"百分|倍|哪|最|吗|是否|是不是|有没有|为什么|为啥|原因")
# Where the first sentence's subject ends: the verb and asking word after it (「…培训人数定的是多少人」).
_SUBJECT_END = re.compile(r"(?:定的|安排的?|预算的?|花了?|用了?|有|是|为|达到?|共)*(?:多少|几)")


# 「几辆车」: the counter and the noun it counts, carried to a later 「买几辆」 that names none
_COUNTED = re.compile(r"(?:多少|几)([辆台个家人名项套张])([\u4e00-\u9fff]{1,3})[？?]?$")


def split(q: str) -> list[str] | None:
    """The sentences of a question asking a figure in each of two or three sentences, none referring to
    another; None for any other question."""
    parts = [p.strip() for p in _SENTENCES.split(q) if p.strip()]
    if not 2 <= len(parts) <= 3 or not all(_ASKS.search(p) for p in parts):
        return None
    if any(_TOGETHER.search(p) for p in parts):
        return None
    return parts


def answer(eng, question: str, q: str, doc) -> Answer | None:
    parts = split(q)
    if parts is None:
        return None
    first = eng.checked(question, parts[0], doc)
    if not _figure(first):
        return None
    got = [first]
    end = _SUBJECT_END.search(parts[0])
    subject = parts[0][:end.start()] if end else ""
    counted = _COUNTED.search(parts[0])
    for p in parts[1:]:
        if counted and re.search(rf"(?:多少|几){counted.group(1)}[？?]?$", p):
            p = p.rstrip("？?") + counted.group(2) + "？"  # 「有几辆车？还打算买几辆」: 几辆 of the 车 just named
        a = eng.checked(question, p, doc)
        if not _figure(a) and subject:
            # 「实际培训了多少」 names nothing: the first sentence's subject is its subject too
            a = eng.checked(question, subject + p, doc)
        if not _figure(a):
            return None
        got.append(a)
    if len({(a.value, a.unit, a.answer) for a in got}) < len(got):
        return None  # two sentences read as the same figure: they were not two questions
    said = [re.split(r"[，,]", p.rstrip("？?"))[-1] for p in parts]  # each sentence's own ask, its lead-in left
    text = "；".join(f"{w}：{a.answer.rstrip('。')}" for w, a in zip(said, got)) + "。"
    cites = [c for a in got for c in a.citations]
    calc = "；".join(a.calculation for a in got if a.calculation) or None
    cites = list(dict.fromkeys(cites))
    if any(a.status == AMBIGUOUS for a in got):  # a figure read two ways (全部资金 / 财政拨款): each one's readings
        readings = [f"{w}：{r}" for w, a in zip(said, got) for r in (a.readings or [a.answer])]
        return Answer(question, AMBIGUOUS, text, None, None, calc, cites, readings=readings)
    asked = [AskedFigure(w, a.value, a.unit) for w, a in zip(said, got)]
    return Answer(question, ANSWERED, text, first.value, first.unit, calc, cites, parts=asked)


def _figure(a: Answer) -> bool:
    """An answer giving a figure: answered with a value, or two or more readings each with its own."""
    return a.status == ANSWERED and a.value is not None or a.status == AMBIGUOUS and bool(a.readings)
