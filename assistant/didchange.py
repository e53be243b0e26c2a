"""Two-part questions asking a figure and whether it moved: 「X安排了多少？比去年多了吗？」「X是不是比上年少了？今年
安排了多少？」.

One clause asks an amount (多少/几, no comparison), the other only whether it went up or down against last year
(吗/是不是/是否/有没有 + 多/少/增/减, no 多少). The figure asked is this year's amount — the yes/no clause asks
no figure — so it is the answer's value; read as one question the change was taken for the thing asked and
its size (0 for 持平, 222.33) became the value. Each clause is asked on its own (the subject named in one carried
to the other, as twopart.py does), and the change is stated after the amount with its own source and
direction, and the yes/no answered from that direction. A change the document does not state is said so; an
amount not found leaves the question to be read whole, as before. 「X多少，比去年多了多少」 (both figures asked)
is not this family: there the change is the last figure asked (yearasked.both).
"""
from __future__ import annotations

import re

from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

_CLAUSE = re.compile(r"(?<=[，,；;？?。！!])")
_YEAR_WORDS = r"(?:上年|去年|上一年|前一年|(?:19|20)\d{2}\s*年度?)"
# 「比去年多了吗」「是不是比上年少了」「与上年相比有没有增加」: whether it moved against last year
_AGAINST = re.compile(rf"(?:比|较|与|跟|和|同)(?P<base>{_YEAR_WORDS}[^，,？?多少增减涨降高低持平变相比是有]{{0,8}})"
                      r"(?:相比|比较|比)?[^，,？?]{0,4}?(?P<way>多|少|增|减|涨|降|高|低|持平|变)")
_YES_NO = re.compile(r"吗|么|是不是|是否|有没有|有无|没有?[？?]?$|还是")  # 「是增加还是减少」: the direction asked
_AMOUNT = re.compile(r"多少|几")
# a clause asking the change itself (「少了多少」「多出几万」): no amount of this year's
_COMPARING = re.compile(r"比|较|相比|增加|减少|增长|下降|变化|增减|百分|倍|"
                        r"(?:多|少|增|减|涨|降|高|低|变|差|压)(?:了|出|掉)?(?:多少|几)")
_SUBJECT_END = re.compile(r"是不是|是否|有没有|有无|(?:比|较|与|跟|和|同)" + _YEAR_WORDS)


def split(q: str) -> tuple[str, str, str] | None:
    """(the amount question, the change question, the direction the yes/no clause names) or None."""
    clauses = [c for c in _CLAUSE.split(q) if c.strip()]
    if len(clauses) < 2:
        return None
    moving = [i for i, c in enumerate(clauses) if _AGAINST.search(c) and _YES_NO.search(c) and not _AMOUNT.search(c)]
    amount = [i for i, c in enumerate(clauses) if _AMOUNT.search(c) and not _COMPARING.search(c)]
    if len(moving) != 1 or len(amount) != 1:
        return None
    i, j = amount[0], moving[0]
    said, against = clauses[i].strip(), clauses[j].strip()
    m = _AGAINST.search(against)
    cut = _SUBJECT_END.search(against)
    subject_there = against[:cut.start()] if cut else ""
    if i < j:  # 「X安排了多少？比去年多了吗」: the subject named with the amount
        asks = re.search(r"(?:安排|预算|支出|花|用|是|有|为)?了?(?:多少|几)", said)
        subject = said[:asks.start()] if asks else ""
        amount_q = said
    else:  # 「X是不是比上年少了？今年安排了多少」: the subject named with the comparison
        subject = subject_there
        amount_q = subject + re.sub(r"^(?:那么?|那|今年|本年|当年)+", "", said) if subject else said
    if not subject.strip("的 "):
        return None
    change_q = f"{subject_there or subject}比{m.group('base')}增减了多少？"
    return _asked(amount_q), change_q, m.group("way")


def _asked(c: str) -> str:
    return re.sub(r"[，,；;。！!]$", "", c.strip()).rstrip("？?") + "？"


# the direction the change answer states, after its 比 (a line's own name may hold 增加 …)
_MOVED = re.compile(r"(?:比|与)[^。；]*?(增加|增长|上升|提高|减少|下降|降低|持平|无变化)")


def answer(eng, question: str, q: str, doc) -> Answer | None:
    parts = split(q)
    if parts is None:
        return None
    amount_q, change_q, way = parts
    amount = eng.checked(question, amount_q, doc)
    if amount.status == NOT_FOUND or amount.status == ANSWERED and amount.value is None:
        return None
    change = eng.checked(question, change_q, doc)
    if change.status == NOT_FOUND:
        why = change.answer.removeprefix("没有找到答案：").split("。语料库")[0].split("（正文只说明了")[0]
        text = f"{amount.answer.rstrip('。')}。与上年相比是否{way}：无法回答（{why}）。"
        return Answer(question, amount.status, text, amount.value, amount.unit, amount.calculation, amount.citations,
                      readings=amount.readings, chart=amount.chart)
    if amount.status == AMBIGUOUS:  # the amount read two ways (全部资金 / 财政拨款): both kept, the change said after
        cites = list(amount.citations) + [c for c in change.citations if c not in amount.citations]
        return Answer(question, AMBIGUOUS, f"{amount.answer.rstrip('。')}。与上年相比：{change.answer}", None, None,
                      None, cites, readings=amount.readings)
    moved = _MOVED.search(change.answer)
    verdict = ""
    if change.status == AMBIGUOUS:  # the change read two ways (扣除中央基建 or not): both said, no 是/不是 picked
        moved = None
    if moved is not None and "还是" not in q:  # 「多了还是少了」 asks the direction, which the change states: no 是/不是
        up = moved.group(1) in ("增加", "增长", "上升", "提高")
        flat = moved.group(1) in ("持平", "无变化")
        asked_up = way in ("多", "增", "涨", "高")
        asked_flat = way in ("持平",)
        yes = flat if asked_flat else (not flat and up == asked_up) if way != "变" else not flat
        verdict = f"{'是' if yes else '不是'}，"
    asked = f"是否{way}" if "还是" not in q else "的变化"
    text = f"{amount.answer.rstrip('。')}。与上年相比{asked}：{verdict}{change.answer}"
    cites = list(amount.citations) + [c for c in change.citations if c not in amount.citations]
    calc = "；".join(x for x in (amount.calculation, change.calculation) if x) or None
    return Answer(question, ANSWERED, text, amount.value, amount.unit, calc, cites, chart=amount.chart)
