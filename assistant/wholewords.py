"""A department's whole said by a plain name no table prints: 「深圳市交通运输局2026年的支出预算是多少」,
「普陀区财政局2024年实际支出多少」, 「收入预算大概多少」. When the question found nothing, and the name stands as its
subject (at its start, or after 的/年), it is read again as the department's printed grand total: 支出总计 /
收入总计 of a 预算, 本年支出合计 / 本年收入合计 of a 决算 (the vocabulary maps each to the label the document prints).
Only then: where a line's name comes before it (「…离退休支出预算多少」) the words are that line's stage, and a
narrative that labels a figure 支出预算 is found before this is asked. The answer says how it read the name."""
from __future__ import annotations

import re

from .answer import ANSWERED, NOT_FOUND

# name → (the 预算's total, the 决算's total)
_WHOLES = {
    "支出": ("支出总计", "本年支出合计"),
    "收入": ("收入总计", "本年收入合计"),
}
_SAID = re.compile(r"(?:(?<=^)|(?<=[的年度，,、：:\s]))(?:总的|全部)?(?:(?P<a>支出|收入)(?:预算|决算)(?:总额|总数)?"
                   r"|(?:预算|决算|实际)(?P<b>支出|收入)(?:总额|总数)?)"
                   r"(?=(?:大概|大约|大致|约|一共|总共|共|合计)?(?:是|为|有)?(?:多少|几|吗|呢|？|\?|$))")


def reread(engine, question: str, q: str, doc, answer):
    """``answer`` (not found) asked again with the plain whole read as the printed total; None if not that case."""
    if answer.status != NOT_FOUND:
        return None
    m = _SAID.search(q)
    if m is None:
        return None
    side = m.group("a") or m.group("b")
    label = _WHOLES[side][1 if doc.document.kind == "决算" or "决算" in m.group() else 0]
    said = q[:m.start()] + label + q[m.end():]
    again = engine._answer(question, said, doc, engine.vocab_for(doc).mentions(said))
    if again.status != ANSWERED:
        return None
    again.answer = f"（“{m.group()}”按部门的{label}读）{again.answer}"
    return again
