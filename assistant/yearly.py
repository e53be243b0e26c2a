"""Year-on-year questions: the change the narrative states, and last year's figure derived from it with
its formula. A figure for another year comes only from a statement that gives it, never a substitute."""
from __future__ import annotations

import re

from ingest.narrative import ChangeFact

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .corpus import CellRef, unit_of
from .tables import candidates, measures_from
from .vocab import normalize


def change(eng, question, q, doc, measures, hint) -> Answer | None:
    """Year-on-year: the change the narrative states, and last year's figure computed from it."""
    matched = change_fact(eng, q, doc, measures)
    if matched is None:
        return None
    fact, cands = matched
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page,
                    fact.sentence, section=fact.passage.section)
    direction = "增加" if fact.change > 0 else ("减少" if fact.change < 0 else "无变化")
    stated = f"文中说明：“{fact.sentence}”"
    asks_change = bool(re.search(r"增加|减少|变化|下降|增长|多了|少了|增减|差|多花|少花|多用|少用|多多少|少多少", q))
    asks_rate = bool(re.search(r"百分|幅度|%|比例|几成", q))
    derived = asks_rate or not asks_change or W.MULTIPLE.search(q) or W.COMPARE.search(q)
    if not derived:
        text = f"{fact.subject}比上年{direction}" + (f" {arith.fmt(abs(fact.change))} 万元" if fact.change else "") + f"。{stated}"
        return Answer(question, ANSWERED, text, abs(fact.change), "万元", None, [cite])
    current = next((c for c in cands if fact.current is not None and c.value == fact.current
                    and unit_of(c) == "万元"), None)
    conv: list[str] = []
    if current is None and fact.current is not None:
        # The sentence states this year's figure beside the change: last year is derived from that one
        # (a table in 元 prints it finer than the change is stated).
        now_value, cites = fact.current, [cite]
        now = f"今年 {arith.with_unit(now_value, '万元')}（文中所列）"
    else:
        current = current or (cands[0] if cands else None)
        if current is None:
            return eng.not_found(question, f"文中说明了“{fact.subject}”的变化，但表格里找不到它今年的数，无法推算上年数")
        now_value, cites = current.value, [current.citation(), cite]
        if unit_of(current) == "元":  # the change is stated in 万元: this year's figure converted, shown
            c = arith.convert(current.value, "元", "万元")
            now_value, conv = c.value, [c.formula]
        now = f"今年 {arith.with_unit(now_value, '万元')}（{current.where()}）"
    prior = arith.prior(now_value, fact.change)
    shown = "；".join([*conv, f"上年 {prior.formula}"])
    if asks_rate:
        r = arith.change_rate(fact.change, prior.value)
        text = f"{fact.subject}比上年{direction} {arith.fmt(r.value)}%：{now}，上年 {prior.formula}。{stated}"
        return Answer(question, ANSWERED, text, r.value, "%", f"{shown}；{r.formula}", cites)
    if W.MULTIPLE.search(q):
        m = arith.multiple(prior.value, now_value)
        text = f"上年{fact.subject}是今年的 {arith.fmt(m.value)} 倍：{now}，上年 {prior.formula}。{stated}"
        return Answer(question, ANSWERED, text, m.value, "倍", f"{shown}；{m.formula}", cites)
    if W.COMPARE.search(q):
        hi = max(prior.value, now_value)
        which = "上年" if prior.value > now_value else "今年"
        text = (f"{which}多：上年 {arith.with_unit(prior.value, '万元')}（{prior.formula}），{now}。{stated}")
        return Answer(question, ANSWERED, text, hi, "万元", shown, cites)
    text = (f"上年（{doc.document.year - 1}年）{fact.subject}为 {arith.with_unit(prior.value, '万元')}：{now}，"
            f"{direction} {arith.fmt(abs(fact.change))} 万元。{stated}")
    return Answer(question, ANSWERED, text, prior.value, "万元", shown, cites)

def change_fact(eng, q, doc, measures) -> tuple[ChangeFact, list[CellRef]] | None:
    """The stated change about what the question names; with nothing named, the document's total."""
    wanted = set().union(*(m.rows or {m.column} for m in measures)) if measures else set()
    total_fact = None
    for f in eng._facts.get(doc.document.doc_id, []):
        subject = measures_from(normalize(f.subject), eng.vocab_for(doc).mentions(normalize(f.subject)))
        names = set().union(*(m.rows or {m.column} for m in subject)) if subject else {f.subject}
        cands = [c for m in subject for c in candidates(doc, m, None)]
        if (wanted & names) or f.subject in q:
            return f, cands
        if total_fact is None and names & {"支出总计", "收入总计"}:
            total_fact = (f, cands)
    if not measures and total_fact is not None and \
            re.search(r"预算总|总额|一共|总共|收支|预算(比|较|和)|(今年|本年)(比|较)(去年|上年)|比(去年|上年)(多|少)", q):
        return total_fact
    return None
