"""Figures one narrative sentence states that no table line answers, dispatched in order:
- numbered items a passage introduces, counted (``numbered``): 「主要职责一共有几条」;
- a whole and its parts (``wholeparts``): 政府采购 by 货物/工程/服务, vehicles by kind, a project fund's parts.
"""
from __future__ import annotations

from .answer import Answer


def answer(question: str, q: str, doc, measures) -> Answer | None:
    from ingest import model

    from . import numbered, wholeparts
    from .tables import candidates
    ans = numbered.answer(question, q, doc)
    if ans is not None:
        return ans
    tabled = sum(1 for m in measures if any(c.table.kind != model.NARRATIVE for c in candidates(doc, m, None, q)))
    return wholeparts.answer(question, q, doc, tabled)
