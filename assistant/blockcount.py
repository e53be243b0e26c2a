"""「本级的两个信息化运维服务项目加起来多少钱」: n projects of one unit, in a project table printed unit by unit.

广州's 表12 lists each unit's row followed by its projects. A question counting n projects of a kind
(「两个…项目」) of one unit (本级: the unit under the department's own name; else a unit it names) sums the
projects of that unit's block whose names hold the words said, in order, in runs of two or more
characters (「信息化运维服务」 names 「…2025-2026年度信息化整体运维服务项目」 and 「…2026-2027年度信息化运维服务
项目」) — only when exactly n are printed there. A list in brackets after the count only spells them out.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from . import wording as W
from .corpus import plain_label
from .unitblocks import _block_of, _listed_units, _named, _ref, _same

_COUNTED = re.compile(r"([两二三四五六七八九十])(?:个|项)([\u4e00-\u9fffA-Za-z0-9]{2,20}?)(?:项目|经费)?"
                      r"(?:[（(][^）)]*[）)])?(?:的钱|的预算|的资金)?(?:加起来|加在一起|合计|一共|总共|之和|共)")
_SUM = re.compile(r"加起来|加在一起|合计|一共|总共|之和|共")


def _in_order(said: str, name: str) -> bool:
    """The said words occur in the name in order, each run two characters or more."""
    i, pos = 0, 0
    while i < len(said):
        j = len(said)
        while j - i >= 2 and said[i:j] not in name[pos:]:
            j -= 1
        if j - i < 2:
            return False
        pos = name.index(said[i:j], pos) + (j - i)
        i = j
    return True


def answer(question: str, q: str, doc):
    m = _COUNTED.search(q)
    if not m or not _SUM.search(q):
        return None
    n, said = W.small_count(m.group(1)), re.sub(r"(?:项目|经费)$", "", m.group(2))
    if n is None or n < 2 or len(said) < 4:
        return None
    units = _listed_units(doc)
    if len(units) < 2:
        return None
    department = doc.document.department
    found = _named(q, units, department, getattr(doc.document, "region", None))
    if found is None and "本级" in q:
        found = next(((u, "本级") for u in units if _same(u, department) or u.endswith("本级")), None)
    if found is None:
        return None
    unit = found[0]
    for t in doc.tables:
        if t.kind != model.PROJECT:
            continue
        block = _block_of(t, units, unit)
        if block is None:
            continue
        rows = [r for r in block[1] if _in_order(said, re.sub(r"[\s\-－—()（）]", "", plain_label(r.label)))]
        refs = [ref for r in rows if (ref := _ref(doc, t, r)) is not None]
        if len(refs) != n or len(rows) != n:
            continue
        vals, unit_said, conv = figures.common_unit(refs)
        r = arith.total(vals)
        names = "、".join(plain_label(x.row.label) for x in refs)
        return figures.computed(question, f"{plain_label(block[0].label)}的{names}合计 {arith.with_unit(r.value, unit_said)}",
                                r, unit_said, refs, conversions=conv)
    return None
