"""Figures one narrative sentence states that no table line answers, dispatched in order:
- numbered items a passage introduces, counted (``numbered``): 「主要职责一共有几条」;
- one figure printed right after the label the question names (``labelled``): 「授予小微企业合同金额 1015.5 万元」,
  「房屋70,193.21平方米」 — an amount only where no table line names the item as well;
- a whole and its parts (``wholeparts``): 政府采购 by 货物/工程/服务, vehicles by kind, a project fund's parts.
"""
from __future__ import annotations

from .answer import Answer


def answer(question: str, q: str, doc, measures) -> Answer | None:
    from ingest import model

    from . import labelled, numbered, wholeparts
    from .tables import candidates
    ans = numbered.answer(question, q, doc)
    if ans is not None:
        return ans
    lines = [[c for c in candidates(doc, m, None, q) if c.table.kind != model.NARRATIVE] for m in measures]
    if (ans := labelled.lookup(question, q, doc, [c for found in lines for c in found])) is not None:
        return ans
    tabled = sum(1 for found in lines if found)
    if (ans := wholeparts.answer(question, q, doc, tabled)) is not None:
        return ans
    from . import saidpart  # 「X里，留给小微企业的占百分之几」: the part said shorter (assistant/saidpart.py)
    return saidpart.answer(question, q, doc)
