"""The unit to answer in, said as an instruction beside the question: 「总共有多少钱可以用？表里是按元列的，帮我换成
万元」, 「…的预算，换算成元是多少钱」, 「用万元表示」, 「以元为单位」.

Such a clause names no budget line: 「换成万元」 only says the unit the figure is wanted in, and 「表里是按元列的」
only repeats the unit the table prints (which the engine reads from the table itself). Read as words of the
question they leave the subject unread (「总共有多少钱可以用」 is the department's whole budget only when nothing
else is said). When the question found nothing, the clauses are taken out, the unit asked is put into the
asking word (「多少钱」 → 「多少万元」, which the answer families convert to, exactly, the conversion shown:
assistant/figures.py), and the question is asked again. A question answered as it stands is left as it is.
"""
from __future__ import annotations

import re

from .answer import NOT_FOUND

_UNIT = r"(?P<u>亿元|万元|元)"
# 「帮我换成万元」「换算成元」「折合成万元」「单位换成万元」「用万元表示」「以元为单位」「按万元来算」
_TO = re.compile(r"[,，;；]?(?:请|麻烦)?(?:帮我|帮忙|给我)?(?:把(?:它|这个数|金额|数字|单位))?(?:单位)?"
                 r"(?:(?:换算|转换|折算|折合|换|转|化)(?:成|为)" + _UNIT + r"(?:单位)?(?:来)?(?:说|算|表示|计)?"
                 r"|(?:用|以|按)" + _UNIT.replace("?P<u>", "?P<v>") + r"(?:为单位)?(?:来)?(?:表示|计算|计|算|说))"
                 r"(?:的话)?")
# 「表里是按元列的」「表中单位是元」「原表以元为单位」: the unit the table prints, no instruction.
_FROM = re.compile(r"[,，;；]?(?:表里|表中|表格里?|原表|报表里?|文件里?)(?:面)?(?:的)?(?:金额)?"
                   r"(?:(?:是|都是)?(?:按|以|用)(?:亿元|万元|元)(?:为单位)?(?:列|填|计|写|记|统计|算)?(?:的)?"
                   r"|单位(?:是|为)(?:亿元|万元|元)(?:的)?)")
_ASKING = re.compile(r"多少(?:钱)?(?!万|亿|元)")


def said_apart(q: str) -> tuple[str, str | None, list[str]] | None:
    """(the question without the clauses, the unit asked or None, the clauses said), or None if none is said."""
    source = _FROM.search(q)
    # 「表里是按元计的」 holds 「按元计」: the table's unit said, no instruction
    to = next((m for m in _TO.finditer(q) if source is None or m.end() <= source.start() or m.start() >= source.end()),
              None)
    found = sorted((m for m in (to, source) if m is not None), key=lambda m: m.start())
    if not found:
        return None
    unit = next((m.group("u") or m.group("v") for m in found if m.re is _TO), None)
    clauses = [m.group().lstrip(",，;；") for m in found]
    for m in reversed(found):
        q = q[:m.start()] + q[m.end():]
    q = re.sub(r"[,，;；]+(?=[?？。!！]|$)", "", q)
    q = re.sub(r"([?？。!！])[?？。!！,，]+", r"\1", q)
    if unit is not None:
        asks = list(_ASKING.finditer(q))
        if not asks:
            return None  # no asking word to carry the unit: the question is left as it is
        a = asks[-1]
        q = q[:a.start()] + "多少" + unit + q[a.end():]
    return q, unit, clauses


def reread(engine, question: str, q: str, doc, answer):
    """``answer`` (not found) asked again without the unit clauses, the unit put into the asking word; None if
    no such clause is said or the question so read finds nothing either."""
    if answer.status != NOT_FOUND:
        return None
    apart = said_apart(q)
    if apart is None:
        return None
    said, unit, clauses = apart
    again = engine.checked(question, said, doc)
    if again.status == NOT_FOUND:
        return None
    how = f"按{unit}作答" if unit else "金额单位按表格印出的读"
    again.answer = f"（“{'”“'.join(clauses)}”：{how}）{again.answer}"
    return again
