"""A change stated twice: two readings of one line's year-on-year change.

1. The narrative states a change, then again without a part (ingest/changes.py reads the second as the
   subject qualified: 「一般公共预算当年财政拨款（扣除中央基建后）」). A question naming the part taken out
   (扣掉/扣除/剔除/不算 中央基建) gets that statement; one naming neither reading, where both fit the
   direction it asks (增加/减少), is ambiguous, both stated.
2. A table prints last year's figure beside this year's, and the narrative states the same line's change
   with other figures (the table's 执行数 holds money added mid-year, the narrative's not): a question
   naming neither is ambiguous, both readings given with their sources.
3. The narrative states one line's change twice, in two places, with figures that disagree (the 功能科目
   section's 「住房公积金（2210201）192.99万元，较上年增加15.96万元」 and the 人员经费 section's 「…192.99万元，
   较上年增加15.95万元」): one line — the same code printed, or the same name with the same figure this year —
   compared with the same year's figure, two changes. Neither is picked: both readings, each cited.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from . import arith
from .answer import AMBIGUOUS, Answer, Citation

# 「扣掉中央基建以后」「扣除中央基建投资后」「不算基建的话」: the part taken out, as the question names it
_ASKED = re.compile(r"(?:扣除|扣掉|扣减|剔除|除去|去掉|去除|刨去|刨除|减去|不含|不算|不计)(?P<part>[^，,、？?。]{1,12}?)"
                    r"(?:以后|之后|后|以外|外|的话|因素|[，,]|(?=比|较|与|跟|相比))")
_STATED = re.compile(r"[（(](?:扣除|剔除|扣减|除去|不含|不考虑)(?P<part>[^）)]+?)(?:后|以后|外|因素)?[）)]$")
_TOL = Decimal("0.1")


def _part(text: str) -> str:
    return re.sub(r"投资|资金|经费|支出|项目|因素|部分|的", "", text)


# 「（不扣除中央基建投资）」「未剔除基建因素」: the part said to stay in — the statement of the whole as printed
_KEPT = re.compile(r"(?:不|未|没有?|无需|不用|不必)(?:扣除|扣掉|扣减|剔除|除去|去掉|去除|刨去|刨除|减去)(?P<part>[^，,、？?。）)]{1,12})")


def deduction(q: str) -> str | None:
    m = _ASKED.search(kept_out(q))
    return m.group("part") if m else None


def kept_in(q: str) -> str | None:
    """The part the question says is not taken out (「不扣除中央基建投资」), or None."""
    m = _KEPT.search(q)
    return m.group("part") if m else None


def kept_out(q: str) -> str:
    """The question without its 「不扣除X」: a part said to stay in is no deduction asked."""
    return _KEPT.sub("", q)


def without_deduction(q: str) -> str:
    return _ASKED.sub(lambda m: "，" if m.group(0)[-1] in "，," else "", q)


def _deducted(f) -> str | None:
    m = _STATED.search(f.subject)
    return m.group("part") if m else None


def _base(f) -> str:
    return _STATED.sub("", f.subject)


def deducted(eng, question, q, doc, wanted, ask):
    """The statement of the change with the part the question takes out; None: the question names none."""
    from . import lastyear, yearasked, yearly
    part = deduction(q)
    if part is None:
        return None
    asked = yearasked.asked_subject(without_deduction(q))
    facts = [f for f in eng._facts.get(doc.document.doc_id, [])
             if _deducted(f) and (_part(part) in _part(_deducted(f)) or _part(_deducted(f)) in _part(part))
             and (not wanted or lastyear.compatible(wanted, yearly._basis(f, doc))) and yearly._usable(f, ask)]
    drop = _drop(doc)
    asked = yearly.without_department(asked, drop, doc.document.region)
    scored = [(max(yearasked.score(asked, _base(f), drop), yearasked.score(asked, yearly.qualified(f), drop)), f)
              for f in facts] if asked else [(1, f) for f in facts]
    scored = [(s, f) for s, f in scored if s >= 2 or not asked and len(facts) == 1]
    if not scored:
        return eng.not_found(question, f"{doc.document.label}没有说明扣除{part}以后这一项与上年相比的变化")
    fact = max(scored, key=lambda p: p[0])[1]
    return yearly._from_fact(eng, question, q, doc, fact, yearly._fact_cells(eng, doc, fact), ask)


def _drop(doc) -> tuple[str, ...]:
    from .documents import department_names
    return tuple(sorted({doc.document.department, *department_names(doc.document.department, doc.document.region)},
                        key=len, reverse=True))


def _cite(doc, f) -> Citation:
    return Citation(doc.document.label, doc.document.doc_id, None, None, None, f.passage.page, f.sentence,
                    section=f.passage.section)


def _reading(f, doc) -> str:
    from .yearly import _basis_word
    what = []
    if f.change is not None:
        what.append(f"{'增加' if f.change > 0 else '减少' if f.change < 0 else '持平'} "
                    f"{arith.with_unit(abs(f.change), f.unit)}")
    if f.rate is not None:
        what.append(f"{'增长' if f.rate >= 0 else '下降'} {arith.fmt(abs(f.rate))}%")
    page = f"，第{f.passage.page}页" if f.passage.page else ""
    return f"{f.subject}比{_basis_word(f.basis)}{'，'.join(what)}（文中说明{page}：“{f.sentence}”）"


def twice_stated(eng, question, q, doc, fact) -> Answer | None:
    """The narrative states ``fact`` again with a part taken out; both fit the question: ambiguous."""
    from . import yearly
    if deduction(q) is not None or _deducted(fact) or kept_in(q) is not None:
        return None  # the reading asked is named: with the part taken out, or (不扣除X) as printed
    again = [f for f in eng._facts.get(doc.document.doc_id, [])
             if f is not fact and _deducted(f) and _base(f) == fact.subject and f.sentence == fact.sentence
             and (f.change, f.rate) != (fact.change, fact.rate) and not yearly._against(q, f)]
    if not again:
        return None
    readings = [_reading(fact, doc)] + [_reading(f, doc) for f in again]
    return Answer(question, AMBIGUOUS, "文中对这一项的变化有两种说法：" + "；".join(readings) +
                  "。请说明按哪一种口径（是否扣除" + "、".join(_deducted(f) for f in again) + "）。",
                  None, None, None, [_cite(doc, fact)] + [_cite(doc, f) for f in again], readings=readings)


_LINE_CODE = re.compile(r"[（(]\s*(\d{3}(?:\d{2}){1,2})\s*[）)]")


def _same_line(a, b) -> bool:
    """Two statements about one line: the same code printed in both sentences, or the same name (its
    numbering aside) stated with the same figure for this year; a code printed differently is another line."""
    ca, cb = _LINE_CODE.findall(a.sentence), _LINE_CODE.findall(b.sentence)
    if ca and cb and ca[:1] != cb[:1]:
        return False
    if a.current is not None and b.current is not None and a.current != b.current:
        return False  # another scope's figure (基本支出的 vs 全部的): not the same line
    if ca and cb:
        return True
    from .yearasked import canon
    return a.current is not None and b.current is not None and canon(a.subject) == canon(b.subject)


def _agree(a: Decimal, b: Decimal) -> bool:
    """Two printed figures that are one at the coarser precision (4.9 and 4.88 agree; 15.96 and 15.95 do not)."""
    places = min(-a.as_tuple().exponent, -b.as_tuple().exponent, 6)
    step = Decimal(1).scaleb(-max(places, 0))
    return a.quantize(step, ROUND_HALF_UP) == b.quantize(step, ROUND_HALF_UP)


def elsewhere(eng, question, q, doc, fact, ask) -> Answer | None:
    """``fact`` stated again elsewhere in the narrative with another change (or rate): both readings."""
    from . import yearly
    if deduction(q) is not None or _deducted(fact):
        return None
    rate = ask == "rate" and fact.rate is not None

    def moved(f):
        return f.rate if rate else f.change
    if moved(fact) is None:
        return None
    again = [f for f in eng._facts.get(doc.document.doc_id, [])
             if f is not fact and f.sentence != fact.sentence and f.unit == fact.unit and f.basis == fact.basis
             and not _deducted(f) and moved(f) is not None and not _agree(moved(f), moved(fact)) and _same_line(fact, f)
             and not yearly._against(q, f)]
    seen, readings, cites = [], [], []
    for f in [fact, *again]:
        if any(_agree(moved(f), v) for v in seen):
            continue  # the same figure stated a third time is no third reading
        seen.append(moved(f))
        readings.append(_reading(f, doc))
        cites.append(_cite(doc, f))
    if len(readings) < 2:
        return None
    return Answer(question, AMBIGUOUS, "文中对这一项与上年相比的变化说了不止一次，数不一致：" + "；".join(readings) +
                  "。两种说法都列出，未作取舍，请以原文核对。", None, None, None, cites, readings=readings)


def two_columns(question, q, doc, pair, ask) -> Answer | None:
    """The table prints the row's change twice — as printed and with a part taken out (扣除中央基建投资后执行数 and
    预算数) — and the two differ: a question naming neither reading, nor a direction only one of them goes, is
    ambiguous, both computed from their columns; a direction only the deducted reading goes answers that one."""
    from . import lastyear, yearly
    if pair.now is None or ask not in ("rate", "change") or deduction(q) is not None or kept_in(q) is not None:
        return None
    alt = lastyear.deducted_pair(pair)
    if alt is None or alt.now.value - alt.prior.value == pair.now.value - pair.prior.value:
        return None
    down, up = bool(re.search(r"减少|下降|降低|压减|少了", q)), bool(re.search(r"增加|增长|上升|提高|多了|涨", q))
    keep = [p for p in (pair, alt) if down == up or (p.now.value - p.prior.value < 0) == down]
    if keep == [pair] or not keep:
        return None  # the reading as printed is the one asked: answered as before
    part = re.sub(r"^.*?(扣除[^/）)]*?)(?:后|以后)?(?:执行数|预算数|决算数)?$", r"\1", alt.prior.column.split("/")[-1])
    plain = yearly._from_columns(question, q, doc, pair, ask)
    name = plain.answer.split("比")[0]  # the row as the printed reading names it (the table's 合计, a line)
    deducted = yearly._from_columns(question, q, doc, alt, ask, name=name)
    deducted.answer = f"（{part}后）{deducted.answer}"
    if keep == [alt]:
        return deducted
    readings = [f"按表中所列：{plain.answer}", f"按表中{part}后所列：{deducted.answer}"]
    cites = plain.citations + [c for c in deducted.citations if c not in plain.citations]
    return Answer(question, AMBIGUOUS, "表中对这一项与上年相比的变化有两种口径：" + "；".join(readings) +
                  f"。请说明按哪一种口径（是否{part}）。", None, None, None, cites, readings=readings)


def against_columns(eng, question, q, doc, pair, ask, wanted) -> Answer | None:
    """The table's last-year column gives one change, the narrative's statement of the same line another."""
    from . import yearasked, yearly
    if pair.now is None or ask not in ("rate", "change") or deduction(q) is not None:
        return None
    subject = yearasked.asked_subject(q)
    if not subject:
        return None
    found = yearly._matching_fact(eng, q, doc, subject, wanted or pair.basis, ask, [], least=4)
    if found is None:
        return None
    fact = found[0]
    if not yearly.lastyear.compatible(pair.basis, yearly._basis(fact, doc)):
        return None
    d = pair.now.value - pair.prior.value
    rate = d / pair.prior.value * 100 if pair.prior.value else None
    unit = arith_unit(pair)
    if fact.change is not None and arith.is_money(unit) and arith.is_money(fact.unit):
        # the amounts first: a rate the narrative miscomputed (over this year's figure) is no other reading
        moved = arith.convert(d, unit, fact.unit).value if unit != fact.unit else d
        differ = abs(fact.change - moved) > _TOL
    elif fact.rate is not None and rate is not None:
        differ = abs(fact.rate - rate) > _TOL
    else:
        return None
    if not differ:
        return None
    down, up = bool(re.search(r"减少|下降|降低|压减|少了", q)), bool(re.search(r"增加|增长|上升|提高|多了|涨", q))
    if down != up and d != 0 and (d < 0) != down:
        return None  # the table's reading goes the other way: the narrative's is the one asked (answered elsewhere)
    if yearly._against(q, fact):
        return None
    col = (f"{pair.now.name()}：今年 {arith.with_unit(pair.now.value, unit)}（{pair.now.where()}），"
           f"{yearly._basis_word(pair.basis)} {arith.with_unit(pair.prior.value, unit)}（{pair.prior.where()}），"
           f"{'增加' if d >= 0 else '减少'} {arith.with_unit(abs(d), unit)}" +
           (f"，{'增长' if d >= 0 else '下降'} {arith.fmt(arith.round2(abs(rate)))}%" if rate is not None else ""))
    readings = [f"按表中所列：{col}", "按文中说明：" + _reading(fact, doc)]
    return Answer(question, AMBIGUOUS, "表格和文字说明对这一项的变化给出两种口径：" + "；".join(readings) +
                  "。请说明按哪一种。", None, None, None,
                  [pair.now.citation(), pair.prior.citation(), _cite(doc, fact)], readings=readings)


def arith_unit(pair) -> str:
    from .corpus import unit_of
    return unit_of(pair.prior)
