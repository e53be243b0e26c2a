"""A year-on-year sentence that disagrees with itself: 「2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，
比2025年预算执行数增加17.62%」 — its two figures fall by 91.11 %, its words say a rise of 17.62 %. One of them is a
slip (here most likely 43269.3 for about 3269.4), and the document does not say which: the answer names both
readings, each with its formula, and picks neither (the brief: a slip is a finding, not a reason to bend the reader).

Only the sentence's own figures are compared (this year's and last year's as it prints them, against the change or
rate it states), so a table's rounding or another scope is never called a slip; the tolerance (a percentage point,
or 1 % of the change stated) is wider than any rounding of two-decimal figures.
"""
from __future__ import annotations

from decimal import Decimal

from ingest.changes import ChangeFact

from . import arith
from .answer import AMBIGUOUS, Answer, Citation

_RATE_SLACK = Decimal(1)  # percentage points
_CHANGE_SLACK = Decimal("0.01")  # of the change stated


def _sign(d: Decimal) -> int:
    return (d > 0) - (d < 0)


def disagrees(fact: ChangeFact) -> bool:
    """Do the sentence's two figures contradict the change or rate it states?"""
    if fact.current is None or fact.prior is None or fact.prior == 0:
        return False
    d = fact.current - fact.prior
    if fact.rate is not None and fact.rate != 0:
        computed = abs(d) / fact.prior * 100
        if _sign(d) != _sign(fact.rate) or abs(computed - abs(fact.rate)) > _RATE_SLACK:
            return True
    if fact.change is not None and fact.change != 0:
        if _sign(d) != _sign(fact.change) or abs(abs(d) - abs(fact.change)) > abs(fact.change) * _CHANGE_SLACK:
            return True
    return False


def readings(question: str, doc, fact: ChangeFact, which: str) -> Answer:
    """Both readings of a sentence that disagrees with itself: by its two figures, and by the change it states."""
    unit = fact.unit
    d = fact.current - fact.prior
    word = "增加" if d > 0 else ("减少" if d < 0 else "没有变化")
    hi, lo = max(fact.current, fact.prior), min(fact.current, fact.prior)
    r = arith.change_rate(d, fact.prior)
    formulas = [f"{word} {arith.fmt(hi)} − {arith.fmt(lo)} = {arith.fmt(abs(d))}", f"{word}率 {r.formula}"]
    by_figures = (f"按文中所列的两年数（今年 {arith.with_unit(fact.current, unit)}，{which} "
                  f"{arith.with_unit(fact.prior, unit)}）：{word} {arith.with_unit(abs(d), unit)}，{word} {arith.fmt(r.value)}%")
    stated = []
    if fact.change is not None:
        stated.append(f"{'增加' if fact.change > 0 else '减少'} {arith.with_unit(abs(fact.change), unit)}")
    if fact.rate is not None:
        stated.append(f"{'增长' if fact.rate > 0 else '下降'} {arith.fmt(abs(fact.rate))}%")
    by_words = f"按文中所说的增减：{'，'.join(stated)}"
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page, fact.sentence,
                    section=fact.passage.section)
    page = f"第{fact.passage.page}页" if fact.passage.page else fact.passage.section
    text = (f"文中这句话前后不一致（{page}）：“{fact.sentence}”。两种读法：{by_figures}；"
            f"{by_words}。文件没有说明哪个数有误，两种读法都列出，未作取舍，请以原文核对。")
    return Answer(question, AMBIGUOUS, text, None, None, "；".join(formulas), [cite],
                  readings=[by_figures, by_words])
