"""Questions asking a figure of each of two or three documents, each in a sentence of its own:
「国家信访局2024年“三公”经费预算执行了百分之多少？2026年三公又安排了多少？」「普陀区财政局2024年决算的人员经费是
多少？2025年预算的呢，是多少？」.

Each sentence says its own year, so each is a question about another document; read whole, the question is
taken for one figure across the years (the two ranked, or the whole refused as ambiguous), and assistant/clauses.py
splits sentences on one chosen document only. Here each sentence is asked on its own of the corpus, exactly as
if it were asked alone — a sentence that names no department is asked with the department the first one names
(「2026年三公又安排了多少」 is 国家信访局's) — and the answer states each, in the order asked, the first its value
(Answer.parts). A sentence that points back (它, 比, 一共, 哪 …) makes it one question in several sentences, left to
its own families; so does any sentence that finds no figure, or sentences that all read the same document.
"""
from __future__ import annotations

import re

from . import acrosspick, clauses
from .answer import AMBIGUOUS, ANSWERED, Answer, AskedFigure
from .scope import years_in

_SENTENCES = re.compile(r"(?<=[？?])")
_ASKS = re.compile(r"多少|几")
# One question in several sentences: a pointer back, a comparison, a sum, a ranking, a change, a yes/no.
_TOGETHER = re.compile(r"它|其中|这个|这些|这笔|那个|那笔|那么|比|较|相比|差(?!旅)|增|减|变化|一共|合计|加起来|总共|"
                       r"倍|哪|最|吗|是否|是不是|有没有|为什么|为啥|原因|分别|各自")


def split(q: str) -> list[str] | None:
    """The sentences of a question asking a figure in each of two or three, each saying a year, not all the
    same year, none referring to another; None for any other question."""
    parts = [p.strip() for p in _SENTENCES.split(q) if p.strip()]
    if not 2 <= len(parts) <= 3 or not all(_ASKS.search(p) for p in parts):
        return None
    years = [set(years_in(p)) for p in parts]
    if not all(len(y) == 1 for y in years) or len(set.union(*years)) < 2:
        return None
    if any(_TOGETHER.search(p) for p in parts):
        return None
    return parts


def answer(engine, question: str, q: str, docs: list, doc_ids: list[str] | None) -> Answer | None:
    parts = split(q)
    if parts is None:
        return None
    names = acrosspick.names_said(parts[0], docs)
    if len(acrosspick.named_departments(parts[0], docs)) != 1:
        return None  # one department, its documents of several years: several departments are across.py's
    who = names[0]
    got = []
    for i, p in enumerate(parts):
        asked = p if i == 0 or acrosspick.names_said(p, docs) else who + p  # 「2026年三公又安排了多少」: the first's department
        a = engine._ask(asked, doc_ids)
        if not clauses._figure(a):
            return None
        got.append(a)
    read = [a.citations[0].document if a.citations else None for a in got]
    if None in read or len(set(read)) < 2:
        return None  # every sentence read the one document: assistant/clauses.py's, on that document
    said = [re.split(r"[，,]", p.rstrip("？?"))[-1] for p in parts]  # each sentence's own ask, its lead-in left
    text = "；".join(f"{w}：{a.answer.rstrip('。')}" for w, a in zip(said, got)) + "。"
    cites = list(dict.fromkeys(c for a in got for c in a.citations))
    calc = "；".join(a.calculation for a in got if a.calculation) or None
    if any(a.status == AMBIGUOUS for a in got):  # a figure read two ways: each one's readings, as clauses.py says them
        readings = [f"{w}：{r}" for w, a in zip(said, got) for r in (a.readings or [a.answer])]
        return Answer(question, AMBIGUOUS, text, None, None, calc, cites, readings=readings)
    figures = [AskedFigure(w, a.value, a.unit) for w, a in zip(said, got)]
    return Answer(question, ANSWERED, text, got[0].value, got[0].unit, calc, cites, parts=figures)
