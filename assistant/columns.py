"""Which column a question means when several share its words.

「政府采购预算」 names a group of columns (2026年政府采购项目: 小计 | 其中：预留给中小企业 | 其中：预留给小型、微型
企业): the group's total is the figure; a 其中 column is a restricted part of it, meant only when the question
says what restricts it (中小企业, 小微 …).
"""
from __future__ import annotations

import re

_PART = re.compile(r"^其中[：:]?")


def whole_first(names: list[str], q: str) -> list[str]:
    """Of names tied for the question's words, drop the 其中 parts when a name that is no part is among them
    and the question says nothing a part's name adds (its words beyond what all the names share)."""
    parts = [n for n in names if _PART.match(n)]
    wholes = [n for n in names if not _PART.match(n)]
    if not parts or not wholes:
        return names
    asked = [n for n in parts if _restriction_said(n, wholes, q)]
    return asked or wholes


def _restriction_said(part: str, wholes: list[str], q: str) -> bool:
    """Does the question name what the 其中 column restricts to? Its words not in the whole's name, two
    characters at a time (中小企业 → 中小, 小企, 企业 …)."""
    rest = _PART.sub("", part)
    for w in wholes:
        rest = rest.replace(w, "|")
    rest = re.sub(r"(?:19|20)\d{2}年度?|项目|资金|规模|预留给?|的|中", "|", rest)
    return any(len(seg) >= 2 and any(seg[i:i + 2] in q for i in range(len(seg) - 1)) for seg in rest.split("|"))
