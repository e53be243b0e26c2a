"""How many numbered items a passage introduces: 「主要职责一共有几条」 counts （一）…（十二） that follow
「…的主要职责是：」, items printed in passages of their own or run together in one (「（七）…。（八）…」).
The count is the run of consecutive numbers from the first, each item cited; never a guess."""
from __future__ import annotations

import re
from decimal import Decimal

from .answer import ANSWERED, Answer, Citation
from .vocab import common_run

# 「有几条」「一共几项」「包括多少个方面」: the items counted, not a quantity of a target (「新增多少条」)
ASK = re.compile(r"(?:有|共|包括|列了?|分为|分成|是)\s*(?:几|多少)\s*(?P<w>条|项|点|个方面|方面|大类)")
_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|预算|决算|里|中|列的|列出|列了|一共|总共|共|有|是|的|了|(?:几|多少)\s*(?:条|项|点|个方面|方面|大类)|[？?，,。]")
_DIGITS = "一二三四五六七八九"
_MARK = re.compile(r"[（(]([一二三四五六七八九十]+|\d+)[）)]|(?:^|(?<=[。；;]))\s*(\d+)[、.．](?!\d)|(?:^|(?<=[。；;]))\s*([一二三四五六七八九十]+)、")


_CN = {c: i for i, c in enumerate(_DIGITS, 1)} | {"两": 2}  # 「两个季度」「排第两」 as people say 2


def cn_number(text: str) -> int | None:
    """A number printed in digits or Chinese numerals up to 九十九 (「十二」 12, 「二十」 20, 「两」 2); None if it is not
    one. Shared by the numbered items here, the numbered tables of scopewords.py (「表十二」), a place in a ranking
    (across.py 「排第二」), a count of quarters (quarters.py) and tenths of a rate (reasons.py 「八成多」)."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN[text[1:]] if text[1:] in _CN else None
    if "十" in text:
        tens, _, ones = text.partition("十")
        if tens not in _CN or (ones and ones not in _CN):
            return None
        return _CN[tens] * 10 + _CN.get(ones, 0)
    return _CN.get(text)


def _style(m: re.Match) -> str:
    return "paren" if m.group(1) else ("digit" if m.group(2) else "han")


def answer(question: str, q: str, doc) -> Answer | None:
    m = ASK.search(q)
    if m is None:
        return None
    asked = [a.replace("职能", "职责") for a in _GENERIC.sub("|", q).split("|") if len(a) >= 2]
    ps = doc.passages
    best, score = None, 1
    for i, p in enumerate(ps):
        # 「…的主要职责是：」 and the items after it (a section of items alone is counted by sets.count_items)
        if not p.text.rstrip().endswith(("：", ":")) or len(p.text) > 120:
            continue
        n = max((common_run(a, p.text.replace("职能", "职责")) for a in asked), default=0)
        if n > score:
            best, score = i, n
    if best is None:
        return None
    intro = ps[best]
    expected, style, items = 1, None, []
    for p in ps[best + 1:best + 60]:
        if p.section != intro.section and not p.section.startswith(intro.section + " / "):
            break
        marks = list(_MARK.finditer(p.text))
        if not marks or marks[0].start() > 2:
            break
        for mk in marks:
            n = cn_number(next(g for g in mk.groups() if g))
            if style is None:
                style = _style(mk)
            if _style(mk) != style:
                continue
            if n == expected:
                expected += 1
                if not items or items[-1] is not p:
                    items.append(p)
    count = expected - 1
    if count < 2:
        return None
    cite = lambda p: Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text,
                              section=p.section)
    word = m.group("w")
    text = f"共 {count} {word}：文中「{intro.text.strip()}」之后依次编号列出 {count} {word}（{intro.section}，第{intro.page}页起）"
    return Answer(question, ANSWERED, text, Decimal(count), word, f"计数 {count}",
                  [cite(intro)] + [cite(p) for p in items])

