"""A line placed in a part of the budget: 「基本支出里的培训费和项目支出里的培训费」, 「基本支出和项目支出里的办公费」.

Each named part (基本支出, 项目支出 …) says where its line is read: the table whose title names that part
(广州: 表6 一般公共预算基本支出情况表, 表7 一般公共预算项目支出情况表), else that part's column on the line
(a table printing 基本支出 | 项目支出 side by side). One measure per part, so the line is read once for each.
"""
from __future__ import annotations

import re

from .corpus import plain_label
from .tables import Measure

_IN = re.compile(r"^(?:里的|中的|里|中|的|下的|项下的?)$")
_AND = re.compile(r"^(?:和|与|及|、|以及|加|加上)$")


def regroup(q: str, mentions, doc) -> list[Measure] | None:
    ms = [m for m in mentions if not m.qualifier]
    pairs = []  # (part mention, line mention)
    i = 0
    while i < len(ms):
        parts = [ms[i]]
        j = i
        while j + 1 < len(ms) and _part(ms[j]) and _part(ms[j + 1]) and _AND.match(q[ms[j].end:ms[j + 1].start]):
            parts.append(ms[j + 1])
            j += 1
        if all(_part(p) for p in parts) and j + 1 < len(ms) and ms[j + 1].rows and not ms[j + 1].column and \
                _IN.match(q[ms[j].end:ms[j + 1].start]):
            pairs += [(p, ms[j + 1]) for p in parts]
            i = j + 2
            continue
        if ms[i].rows and not ms[i].column and not ms[i].table and (after := _after(q, ms, i)):
            pairs += [(p, ms[i]) for p in after]  # 「差旅费，基本支出和项目支出两块加在一起」: the line in each part
            i += len(after) + 1
            continue
        i += 1
    if len(pairs) < 2 or len(pairs) != len({(p.start, r.start) for p, r in pairs}):
        return None
    out = []
    for part, line in pairs:
        titled = any(part.text in t.title and any(plain_label(r.label) in line.rows for r in t.rows)
                     for t in doc.tables)
        if titled:
            out.append(Measure(frozenset(line.rows), None, f"{part.text}{line.text}", part.start, prefer=(part.text,)))
        else:
            out.append(Measure(frozenset(line.rows), part.column, f"{part.text}{line.text}", part.start))
    return out


_LEAD = re.compile(r"^(?:[，,]|的|在)$")
# 「培训费一共安排了多少（基本支出加项目支出）」: the parts in a bracket that closes the question about the line.
_BRACKET = re.compile(r"^[^，,。?？（）]{0,12}（$")


def _after(q: str, ms, i: int) -> list:
    """The parts named after a line, two or more joined (「差旅费，基本支出和项目支出」, 「办公费在基本支出和项目支出里」,
    「培训费一共多少（基本支出加项目支出）」)."""
    parts, j = [], i + 1
    bracket = False
    while j < len(ms) and _part(ms[j]):
        gap = q[ms[j - 1].end:ms[j].start]
        if not parts and _BRACKET.match(gap):
            bracket = True
        elif not (_LEAD if not parts else _AND).match(gap):
            break
        parts.append(ms[j])
        j += 1
    if bracket and not q[parts[-1].end:].startswith("）"):
        return []  # the bracket says more than the parts: not where the line is read
    return parts if len(parts) >= 2 else []


def _part(m) -> bool:
    return bool(m.column) and not m.rows and not m.table
