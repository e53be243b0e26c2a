"""「金额最大的前三项」「排前三的项目」「前几名」: a ranking asked for its first few items, not the one first.

Users ask for the top few of a set — the 款 lines of the 基本支出 table, the 项 lines of the 一般公共预算支出
table, the projects of a 项目支出表 — and for the largest's figure. Read as a list (「哪些」) the set was
listed whole, unordered, with no figure; read as a plain ranking the first alone was named. The rankings
(assistant/sets.py ``rank``, assistant/ranks.py ``_answer``) say the first ``n`` in order, each with its
figure and where it is printed, the first one's amount as the answer's value; the rest of the order follows.
"""
from __future__ import annotations

import re

from . import wording as W

# 「前三」「前3项」「前几名」「排名前五」「科目前三」: not 之前/目前/提前/年前, nor 前三年/前两个月 (a time, not a rank).
_TOP = re.compile(r"(?:(?<=科目)|(?<![之目提此以年月从当日向]))前\s*([两二三四五六七八九十]|\d{1,2}|几)\s*"
                  r"(?:名|位|项|个|大|笔|类|款|种|条)?(?![年月季天日周期届次])")


def asked(q: str) -> int | None:
    """How many first items the question asks for (「前几名」: three), else None (one, or no ranking)."""
    m = _TOP.search(q)
    if m is None:
        return None
    said = m.group(1)
    n = 3 if said == "几" else W.small_count(said)
    return n if n and n >= 2 else None


def ordinal_words(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def said(where: str, n: int, less: bool, entries: list[str], rest: str) -> str:
    """The answer's text: the first ``n`` entries in order (each its name, figure and place), then the whole
    order (``rest``) where the set has more."""
    first = "；".join(f"{i + 1}. {e}" for i, e in enumerate(entries[:n]))
    text = f"{where}中{'最少' if less else '最多'}的前{ordinal_words(min(n, len(entries)))}项：{first}"
    return text + (f"。全部排序：{rest}" if len(entries) > n else "")
