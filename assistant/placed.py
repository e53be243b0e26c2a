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
                (_IN.match(q[ms[j].end:ms[j + 1].start]) or _COUNTED_FIRST.match(q[ms[j].end:ms[j + 1].start])):
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

# 「培训费总共多少？基本支出和项目支出都算上」: the parts in a clause of their own after the question about the line,
# saying what is counted in (都算上, 都包括, 一起算): where the line is read, no operands of their own.
_CLAUSE = re.compile(r"^[^，,。?？！!（）]{0,12}[，,。?？！!]$")
_COUNTED_IN = re.compile(r"^(?:这?两[块项部分个]|两者|二者)?(?:的)?(?:都|全|全都|全部|一起|一并)?(?:要|得)?"
                         r"(?:算上|算进去|算进来|算在内|计算在内|包括在内|包括进去|包含在内|包括|包含|加上|计入|在内|"
                         r"算|加起来|加在一起|合起来|合在一起)")

# 「基本支出和项目支出都算上，培训费一共多少」: the same said before the line.
_COUNTED_FIRST = re.compile(r"^(?:这?两[块项部分个]|两者|二者)?(?:的)?(?:都|全|全都|全部|一起|一并)(?:要|得)?"
                            r"(?:算上|算进去|算进来|算在内|计算在内|包括在内|包括进去|包含在内|包括|包含|加上|计入|算)"
                            r"(?:的话)?[，,]$")


def _after(q: str, ms, i: int) -> list:
    """The parts named after a line, two or more joined (「差旅费，基本支出和项目支出」, 「办公费在基本支出和项目支出里」,
    「培训费一共多少（基本支出加项目支出）」, 「培训费总共多少？基本支出和项目支出都算上」)."""
    parts, j = [], i + 1
    bracket = clause = False
    while j < len(ms) and _part(ms[j]):
        gap = q[ms[j - 1].end:ms[j].start]
        if not parts and _BRACKET.match(gap):
            bracket = True
        elif not parts and _CLAUSE.match(gap):
            clause = True
        elif not (_LEAD if not parts else _AND).match(gap):
            break
        parts.append(ms[j])
        j += 1
    if bracket and not q[parts[-1].end:].startswith("）"):
        return []  # the bracket says more than the parts: not where the line is read
    if clause and not _COUNTED_IN.match(q[parts[-1].end:]):
        return []  # 「培训费是多少？基本支出和项目支出各是多少」: a question of its own, not the line's parts
    return parts if len(parts) >= 2 else []


def _part(m) -> bool:
    return bool(m.column) and not m.rows and not m.table
