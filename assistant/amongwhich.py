"""「几个项目里，哪个项目钱最多」: a ranking over a set the question calls by a count word, not a count.

Users scope a ranking by the set it runs over and often say that set with 几个 — 「编报绩效目标的几个项目里」,
「这几个项目中」, 「几项支出当中」 — meaning "the (several) projects". Read literally, 几个 asks a number, and the
counting families answered the set's size (「共4个」) or refused a money figure as no count. Where the question
asks which one ranks first (哪个/哪项 … 最多/最少/最高 …), the count word before the scope word (里/中/当中/之中)
only names the set: it is taken out, and the ranking families read 「编报绩效目标的项目里，哪个项目钱最多」.
"""
from __future__ import annotations

import re

from . import wording as W

# 「(这)几个项目里」「几项支出当中」: the count word, the set's noun (a few characters), the scope word.
_SCOPE = re.compile(r"(?:这|那)?(?:几|多少)\s*(?:个|项|家|笔|类|张|所|条)(?=[\u4e00-\u9fff]{0,8}?(?:里面|里|当中|之中|中间|中))")
# Which one: 「哪个」「哪一个」「哪项」「哪家」「谁」 — the ranking asks a name, not a number.
_WHICH = re.compile(r"哪(?:一)?(?:个|项|家|笔|类|种|条)|谁")


def rewrite(q: str) -> str:
    """The question without the count word that only names the ranked set; unchanged otherwise."""
    if not (W.RANK.search(q) and _WHICH.search(q)):
        return q
    m = _SCOPE.search(q)
    if m is None or m.start() > _WHICH.search(q).start():
        return q  # the count word after 哪个 (「哪个单位有几个项目最多」) is no scope of the ranking
    return q[:m.start()] + q[m.end():]
