"""The last check before an answer leaves the engine: does the figure answer what was asked?

A question about a quantity no money table holds (「平均住院日」, 「床位数」, 「编制人数」) can still name a
line the tables print (「市属公立医院」), and the engine would read that line's money. A number in 元 or 万元
given for a question that asks for days, beds or people is a wrong answer stated with confidence — the one
thing an assistant over public accounts must not do — so it becomes "not found", saying why.
"""
from __future__ import annotations

import re

from . import arith
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

# What the question asks to be measured in, when that is not money (the word itself, or its unit).
_QUANTITY = re.compile(r"住院日|天数|多少天|几天|床位|床数|人数|多少人|几个人|几人|编制数?|人员编制|面积|平方米|公里|"
                       r"人口|户数|件数|诊疗人次|门诊量|出院人数|周转次数|使用率|满意率|合格率|完成率")
# Words that make it a money question after all (「人员编制经费」, 「床位补助资金」).
_MONEY = re.compile(r"钱|经费|资金|金额|费用|[^人]费|支出|收入|拨款|预算数|决算数|元|补助|补贴|投入|安排了?多少")


# People (编制, 人数) are not trips (人次): 「出国 1 人次」 is no head count.
_PEOPLE = re.compile(r"编制|人数|多少人|几个人|几人")


def mismatch(q: str, answer: Answer) -> Answer | None:
    """A not-found answer in place of a money figure given for a non-money quantity, or of a count of trips
    given for a count of people; else None."""
    from .labelled import unrated  # 「人均每月补多少钱」: a line's total is no rate
    if (refused := unrated(q, answer)) is not None:
        return refused
    if answer.status == AMBIGUOUS and answer.citations and all(arith.is_money(c.unit) for c in answer.citations):
        asked = _QUANTITY.search(q)  # 「房屋有多少平方米」: amounts to choose from are no area either
        if asked is not None and not _MONEY.search(q):
            return Answer(answer.question, NOT_FOUND, f"没有找到答案：问题问的是“{asked.group(0)}”，文件没有说明这一项的数"
                                                      f"（相近的说法只对应金额，不是所问的数，因此不作回答）。")
        return None
    if answer.status != ANSWERED or answer.value is None:
        return None
    if answer.unit in ("人", "人次") and _PEOPLE.search(q) and "人次" not in q and \
            any("人次" in (c.text or "") for c in answer.citations):
        return Answer(answer.question, NOT_FOUND, "没有找到答案：问题问的是人数，文件里与之相近的是人次（出行或接待的次数），"
                                                  "不是人数，因此不作回答。")
    if not arith.is_money(answer.unit):
        return None
    asked = _QUANTITY.search(q)
    if asked is None or _MONEY.search(q):
        return None
    return Answer(answer.question, NOT_FOUND,
                  f"没有找到答案：问题问的是“{asked.group(0)}”，文件的表格只给出金额，没有这一项的数"
                  f"（最接近的是一笔金额：{arith.with_unit(answer.value, answer.unit)}，不是所问的数，因此不作回答）。")
