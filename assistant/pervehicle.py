"""A vehicle fee per vehicle: 「公车平均一辆车一年养车花了多少钱」, 「每辆公务用车的运行维护费」.

The fee is the figure the question names (公务用车运行维护费 …), read from the tables like any lookup; the
count is the number of vehicles the narrative states as held (「年末实际保有量为 15 辆」, 「实有车辆15辆」),
never a number of vehicles bought. The average is fee ÷ count, computed with Decimal, the formula shown and
both cited; an average the sentence states itself (「平均每辆 2.71 万元」) is quoted beside it. A document
that states no count gets no average: not found, saying the count is not printed.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ingest import model

from . import arith
from .answer import ANSWERED, NOT_FOUND, Answer, Citation
from .corpus import unit_of
from .tables import Measure, candidates, readings

_PER = re.compile(r"平均.{0,2}(?:每|一)辆|(?:每|一)辆(?:公务用?车|公车|车子?)?.{0,4}平均|每辆(?:公务用?车|公车|车)|"
                  r"单车(?:平均|年均)|车均")
_MONEY = re.compile(r"多少钱|多少万|多少元|花了?多少|费用?(?:是|为)?多少|开支|支出")
# A stock of vehicles, not a purchase: 保有量, 实有, 现有, 共有, 在用.
_STOCK = re.compile(r"(?:保有量?|实有|现有|共有|在用|拥有)(?:公务用?车|公车|车辆|量)?(?:为|是|共|合计)?\s*(\d+)\s*辆")
_STATED = re.compile(r"平均每辆(?:车)?(?:为|约)?\s*(\d+(?:\.\d+)?)\s*(万元|元)")


def answer(question: str, q: str, doc, measures, hint: str | None) -> Answer | None:
    if not _PER.search(q) or not _MONEY.search(q):
        return None
    fee = _fee(q, doc, measures, hint)
    if fee is None:
        return None
    found = _count(doc)
    if found is None:
        return Answer(question, NOT_FOUND, f"没有找到答案：{doc.document.label}没有写明公务用车的保有量（辆数），"
                      f"无法计算每辆车的平均数；{fee.name()} {arith.with_unit(fee.value, unit_of(fee))}"
                      f"（{fee.where()}）", None, None, None, [fee.citation()])
    count, passage, sentence = found
    if count == 0:
        return Answer(question, NOT_FOUND, f"没有找到答案：文中写明公务用车保有量为 0 辆（第{passage.page}页：“{sentence}”），"
                      f"没有每辆车的平均数", None, None, None, [fee.citation()])
    unit = unit_of(fee)
    avg = (fee.value / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    formula = f"{arith.fmt(fee.value)} ÷ {count} = {arith.fmt(avg)}"
    stated = _STATED.search(sentence)
    said = f"（文中写明：平均每辆 {stated.group(1)} {stated.group(2)}）" if stated else ""
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, passage.page, sentence,
                    section=passage.section)
    text = (f"平均每辆车 {arith.with_unit(avg, unit)}{said}：{fee.name()} {arith.with_unit(fee.value, unit)}"
            f"（{fee.where()}）÷ 公务用车保有量 {count} 辆（第{passage.page}页：“{sentence}”）。计算：{formula}")
    return Answer(question, ANSWERED, text, avg, unit, formula, [fee.citation(), cite])


def _fee(q, doc, measures, hint):
    """The one figure the question names, as the tables print it (the 政府采购表's purchase is no reading)."""
    for m in measures:
        if not (m.rows or m.column):
            continue
        reads = [c for c in readings(candidates(doc, m, hint, q))
                 if c.table.kind not in (model.PROCUREMENT, model.NARRATIVE) and arith.is_money(unit_of(c))]
        if len(reads) == 1 and "车" in reads[0].name():
            return reads[0]
    if re.search(r"车", q) and re.search(r"运行|维护|养", q):  # 「每辆车的运行维护费」: the vehicles' running cost
        fee = "公务用车运行维护费"
        reads = [c for c in readings(candidates(doc, Measure(frozenset({fee}), fee, fee, 0, dual=True), hint, q))
                 if c.table.kind not in (model.PROCUREMENT, model.NARRATIVE) and arith.is_money(unit_of(c))]
        if len(reads) == 1:
            return reads[0]
    return None


def _count(doc) -> tuple[int, object, str] | None:
    """The number of vehicles held, with the passage stating it; a passage about the vehicles' running costs
    first, and none where the passages state different counts."""
    found = []
    for p in doc.passages:
        for m in _STOCK.finditer(p.text):
            start = max(p.text.rfind("。", 0, m.start()), p.text.rfind("：", 0, m.start())) + 1
            end = p.text.find("。", m.end())
            sentence = p.text[start:end + 1 if end >= 0 else len(p.text)].strip()
            found.append((int(m.group(1)), p, sentence, "运行" in p.text))
    if not found:
        return None
    found.sort(key=lambda f: not f[3])
    if len({f[0] for f in found if f[3] == found[0][3]}) > 1:
        return None
    return found[0][0], found[0][1], found[0][2]
