"""Questions in two parts: 「X分几个领域安排，哪个领域的钱最多」「X分为哪几类，哪类最多」「X有几个项目，哪个最大」.

One clause counts or lists the parts of something (几个/多少个/哪几类), the other asks which part ranks first
(哪个…最多). Read as one question, the count word makes it a count, and a ranking's money figure was refused
as no count (guard.py) — though the document states both. Each clause is asked on its own, the subject
named in the first carried to the second (「交通运输专项资金」 + 「哪个领域的钱最多」), and the two answers are
given together. The value is the ranking's (the figure the question asks for); the count is said in the text,
each part cited as its own answer cites it. When the ranking finds nothing, this family does not answer
(the engine reads the question whole, as before).
"""
from __future__ import annotations

import re

from . import wording as W
from .answer import ANSWERED, Answer

# A clause counting or listing parts: 「分几个领域」「有多少个项目」「分为哪几类」「包括哪些」.
_COUNTS = re.compile(r"(?<!哪)(?:几|多少)\s*(?:个|项|类|种|块|部分|方面|大类|家|笔)|哪几|哪些|分为|分成")
# A clause asking which part ranks first: 「哪个领域的钱最多」「哪类最多」「最多的是哪个」.
_WHICH = re.compile(r"哪(?:一)?(?:个|项|类|种|块|部分|方面|家|笔)?")
# Where the subject named in the first clause ends: the verb or the asking word after it.
_ASKS = re.compile(r"(?:一共|总共|共)?(?:分为|分成|分|有|包括|包含|涉及|安排在|安排)?(?:几|多少|哪)")
_CLAUSE = re.compile(r"(?<=[，,；;？?])")


def split(q: str) -> tuple[str, str] | None:
    """(the count or list clause, the ranking clause), each a question of its own; None for any other question."""
    from . import amongwhich  # 「几个项目里，哪个最多」: the count word only names the ranked set — one question
    clauses = [c for c in _CLAUSE.split(q) if c.strip()]
    if len(clauses) < 2 or amongwhich.rewrite(q) != q:
        return None
    counting = [i for i, c in enumerate(clauses) if _COUNTS.search(c) and not W.RANK.search(c)]
    ranking = [i for i, c in enumerate(clauses) if W.RANK.search(c) and _WHICH.search(c)]
    if len(counting) != 1 or len(ranking) != 1:
        return None
    i, j = counting[0], ranking[0]
    first = min(i, j)
    m = _ASKS.search(clauses[first])
    subject = clauses[first][:m.start()] if m else ""
    context = "".join(clauses[:first])
    own = (lambda k: context + (clauses[k] if k == first else subject + clauses[k]))
    ask = (lambda c: re.sub(r"[，,；;]$", "？", c.strip()))
    return ask(own(i)), ask(own(j))


def answer(eng, question: str, q: str, doc) -> Answer | None:
    from . import didchange  # 「X安排了多少？比去年多了吗」: the amount asked, its change stated (assistant/didchange.py)
    if (ans := didchange.answer(eng, question, q, doc)) is not None:
        return ans
    parts = split(q)
    if parts is None:
        return None
    count = eng.checked(question, parts[0], doc)
    rank = eng.checked(question, parts[1], doc)
    if rank.status != ANSWERED or rank.value is None:
        return None
    if count.status != ANSWERED:  # the ranking stands alone; the count asked is said to be missing
        text = f"{rank.answer}（“{parts[0].rstrip('？?')}”：{count.answer.removeprefix('没有找到答案：')}）"
        return Answer(question, ANSWERED, text, rank.value, rank.unit, rank.calculation, rank.citations,
                      chart=rank.chart)
    cites = list(rank.citations) + [c for c in count.citations if c not in rank.citations]
    text = f"{count.answer.rstrip('。')}。{rank.answer}"
    calc = "；".join(x for x in (count.calculation, rank.calculation) if x) or None
    return Answer(question, ANSWERED, text, rank.value, rank.unit, calc, cites, chart=rank.chart)
