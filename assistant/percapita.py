"""A money figure per person: 「按实有人员算，平均每个人的人员经费差不多多少钱」, 「按编制算人均公用经费是多少」.

The money is the figure the question names once the per-person words are taken out (「人员经费差不多多少钱」),
answered by the engine like any lookup, from its table and cited there. The people are the headcount the
narrative prints (部门人员情况说明, read by assistant/staffing.py): the people in post (实有人员) unless the
question says the establishment (编制, 在编) — the two differ, and the question's basis is the one used. The
figure is money ÷ people, computed with Decimal, rounded to the cent, the formula shown, both cited. A document
that prints no such headcount gets no figure: the refusal says so plainly (never another count, never the
money alone passed off as the answer).

Why a family of its own: without it the headcount's words (实有人员) make the question a staffing question
(the count 97 answered), and 「人均」 alone reads nothing; a per-person standard the text states itself
(「人均月补贴90元」) is a lookup, left to the others (said per month or year, it is not asked here).
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from . import arith, staffing
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

# 「平均每个人的」「人均」「每人平均」「摊到每个人头上」: one person's share of a figure.
_PER = re.compile(r"平均(?:到|下来)?每(?:个|一个|位|名)?人(?:头上)?(?:的|是|有|能)?|人均(?:的|是)?|"
                  r"每(?:个|一个|位|名)?人(?:头上)?平均(?:的|是)?|(?:摊|分)到每(?:个|一个|位|名)?人(?:头上)?(?:的|是)?")
# 「按实有人员算，」「按在编人数计算」「以编制数平均」: the headcount the figure is divided by.
_BASIS = re.compile(r"(?:按照?|以|用)?(?:(?:实有|在编|编制|在职|在岗|现有)(?:人员|人数|职工|员工)?|实际(?:人员|人数))(?:数|人数)?"
                    r"(?:来|去)?(?:算|计算|计|平均|摊)?(?:的话)?[,，]?")
# A standard the text states per month or year (「人均月补贴」「人均每月补多少」): a lookup, not a division.
_STANDARD = re.compile(r"人均(?:每)?[月年]|每月|月均|每个月|一个月")
_MONEY = re.compile(r"钱|经费|费|支出|资金|预算|万元|元")


def answer(engine, question: str, q: str, doc) -> Answer | None:
    per = _PER.search(q)
    if per is None or _STANDARD.search(q) or not _MONEY.search(q[per.end():] + q[:per.start()]):
        return None
    basis = _BASIS.search(q)
    if basis is None and not per.group().startswith(("平均", "每", "摊", "分")):
        return None  # 「人均」 with no basis said: perhaps a standard the text states, left to the lookups
    group = "编制" if staffing._ASKS_ESTABLISHMENT.search(q) else "实有"
    said = "人员编制" if group == "编制" else "实有人员"
    figures = staffing._figures(doc)
    people = staffing._pick(figures, group, q) if figures else None
    if people is None or people.value == 0:
        return Answer(question, NOT_FOUND, f"没有找到答案：{doc.document.label}没有写明{said}人数，无法计算人均数"
                      f"（人均数 = 金额 ÷ 人数，文件没有这个人数，不用其他口径的人数代替）。")
    asked = q
    for span in sorted((m.span() for m in (per, basis) if m is not None), reverse=True):
        asked = asked[:span[0]] + asked[span[1]:]  # the money asked, said without the per-person words
    money = engine.checked(question, asked, doc)
    if money.status == AMBIGUOUS:
        money.answer = f"人均数要除以{said} {arith.fmt(people.value)} 人，但所问的金额有多种读法：{money.answer}"
        return money
    if money.status != ANSWERED or money.value is None or not arith.is_money(money.unit or ""):
        return Answer(question, NOT_FOUND, f"没有找到答案：表格里没有找到要按人平均的金额（“{asked}”）。")
    value = (money.value / people.value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    formula = f"{arith.fmt(money.value)} ÷ {arith.fmt(people.value)} = {arith.fmt(value)}"
    if money.calculation and re.search(r"[+−×÷]", money.calculation):  # the money itself computed: shown first
        formula = f"{money.calculation}；{formula}"
    cite, where = staffing._cite(doc, people)
    source = "；".join(f"{c.table}，{c.row}行，{c.column}列，第{c.page}页" for c in money.citations[:1] if c.table)
    text = (f"按{staffing._name(people)} {arith.fmt(people.value)} 人算，平均每人 {arith.with_unit(value, money.unit)}："
            f"{arith.with_unit(money.value, money.unit)}（{source or '见出处'}）÷ {arith.fmt(people.value)} 人"
            f"（{where}：“{people.sentence}”）。计算：{formula}（保留两位小数）")
    return Answer(question, ANSWERED, text, value, money.unit, formula, [*money.citations[:1], cite])
