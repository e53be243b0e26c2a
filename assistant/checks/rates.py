"""The narrative against itself: a growth rate recomputed from the figures its own sentence states.

"2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%" gives last
year's figure and this year's: the rate is (201.50 − 198.34) ÷ 198.34. "支出 17279.29 万元，与上年相比增加
2421.68 万元，增长 16.30%" gives this year's figure and the change: last year's is their difference. Where
last year's figure, this year's and the change are all stated, the change is checked too (this − last).
Every figure is known to half a unit of its last decimal: a rate the rounded figures can produce is
rounding, not a fail; a rate they cannot produce (or a 减少 where the figures grew) is a fail.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from itertools import product

from ingest.narrative import figures_in

from .core import FAIL, NARRATIVE, PASS, ROUNDING, Check, judge, Term
from .doc import Doc, decimals

_RATE = re.compile(r"(增加|增长|减少|下降|降低|上升|提高)了?\s*(\d+(?:\.\d+)?)\s*[%％]")
_DOWN = ("减少", "下降", "降低", "压减", "节约")
_DIRECTION = re.compile(r"(增加|增长|减少|下降|降低|上升|提高|压减|节约)")
_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_YEAR = re.compile(r"(\d{4})\s*年")
HUNDRED = Decimal(100)


def rates(doc: Doc):
    for passage in doc.parsed.passages:
        n = 0
        for m in _SENTENCE.finditer(passage.text):
            for check in _sentence_checks(doc, m.group(0)):
                n += 1
                check.id = f"rate:{passage.ordinal}:{n}"
                check.passage, check.passage_page = m.group(0).strip(), passage.page
                yield check


def _is_prior(label: str, year: int | None) -> bool:
    years = [int(y) for y in _YEAR.findall(label)]
    return "上年" in label or (year is not None and any(y < year for y in years))


def _sign(word: str) -> int:
    return -1 if word in _DOWN else 1


def _sentence_checks(doc: Doc, sentence: str):
    rate = _RATE.search(sentence)
    if rate is None:
        return
    figures = [f for f in figures_in(sentence[:rate.start()]) if f.unit == "万元"]
    prior = current = change = None
    sign = 1
    for f in figures:
        if f.is_change:
            word = _DIRECTION.findall(f.label)
            if word and change is None:
                change, sign = f, _sign(word[-1])
        elif _is_prior(f.label, doc.year) or re.search(r"^(比|较)", f.label.strip()):
            prior = prior or f
        elif current is None and change is None:
            current = f
    stated_sign = _sign(rate.group(1))
    stated = Decimal(rate.group(2))
    places = decimals(rate.group(2))
    if prior is not None and current is not None and change is not None:
        found = Term(change.value * sign, None, True, "万元", decimals(change.number))
        yield judge("", NARRATIVE, f"叙述的增减额“{change.label}{change.number}万元”应等于本年数 {current.number} 万元"
                    f"减去上年数 {prior.number} 万元", [], found,
                    [Term(current.value, None, True, "万元", decimals(current.number)),
                     Term(-prior.value, None, True, "万元", decimals(prior.number))])
    if prior is not None and change is not None:
        base, delta = [prior], change
        formula = f"{change.number} ÷ {prior.number}"
    elif prior is not None and current is not None:
        base, delta = [prior], None
        formula = f"({current.number} − {prior.number}) ÷ {prior.number}"
    elif current is not None and change is not None:
        base, delta = [current], change
        formula = f"{change.number} ÷ ({current.number} {'−' if sign > 0 else '+'} {change.number})"
    else:
        return

    def computed(p: Decimal, c: Decimal, d: Decimal) -> Decimal | None:
        """The rate in percent from last year's figure p, this year's c or the change d (signed)."""
        if base[0] is prior:
            last = p
            diff = d * sign if delta is not None else c - p
        else:
            last = c - d * sign
            diff = d * sign
        return None if last == 0 else diff / last * HUNDRED

    def half(f) -> Decimal:
        return Decimal(1).scaleb(-decimals(f.number)) / 2 if f is not None else Decimal(0)

    p0 = prior.value if prior is not None else Decimal(0)
    c0 = current.value if current is not None else Decimal(0)
    d0 = change.value if change is not None else Decimal(0)
    exact = computed(p0, c0, d0)
    if exact is None:
        return
    corners = [computed(p0 + a, c0 + b, d0 + e) for a, b, e in
               product((-half(prior), half(prior)), (-half(current), half(current)), (-half(change), half(change)))]
    corners = [x for x in corners if x is not None]
    q = Decimal(1).scaleb(-places)
    shown = stated * stated_sign
    expected = (exact / q).to_integral_value(rounding=ROUND_HALF_UP) * q
    lo, hi = min(corners + [exact]), max(corners + [exact])
    verdict = PASS if expected == shown else (ROUNDING if lo - q / 2 <= shown <= hi + q / 2 else FAIL)
    words = f"“{rate.group(1)}{rate.group(2)}%”"
    description = f"叙述的增减率{words}应等于由同一句中的数字算出的 {expected}%（{formula} × 100%）"
    if verdict == ROUNDING:
        description += "（差异在各数四舍五入的范围内，按舍入差异处理）"
    yield Check("", NARRATIVE, description, verdict, [], expected, shown, shown - expected, unit="%",
                tolerance=(hi - lo) / 2 + q / 2 if verdict == ROUNDING else None)
