"""The word 预算 (决算) naming the stage of what is asked, not a 预算 column to read: 「预算里说的固定资产金额」
is the 固定资产金额 the budget states; 「政府采购预算有多少」 is the 政府采购 the budget plans, a figure no
table line is called. A bare stage word is kept where it is the thing asked (「今年预算是多少」)."""
from __future__ import annotations

import re

from .vocab import Mention

_STAGE = re.compile(r"预算|决算|预算数|决算数")
# The document as the context: 「预算里说的」, 「预算中提到的」, 「决算里的」.
_CONTEXT = re.compile(r"^(?:里|中|上|里面)(?:说的|讲的|提到的|写的|列的|的)?$")
# Words before a stage word that name no thing of their own.
_PLAIN = re.compile(r"(?:19|20)\d{2}\s*年度?|今年|明年|去年|上年|本年|当年|本部门|部门|单位|本级|全年|年度|总|的|是|[？?，,。、]")


def drop(q: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for i, m in enumerate(mentions):
        bare = _STAGE.fullmatch(m.text) and m.column and not m.rows and not m.table
        if bare:
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and nxt.rows and _CONTEXT.match(q[m.end:nxt.start]):
                continue  # 「预算里说的固定资产金额」
            prev_end = mentions[i - 1].end if i else 0
            before = _PLAIN.sub("", q[prev_end:m.start])
            if len(mentions) == 1 and re.search(r"[\u4e00-\u9fff]{2,}$", before) and \
                    q[m.start - 1:m.start] not in ("的", "年"):
                continue  # 「政府采购预算」: the stage of a thing no table line names
        out.append(m)
    return out
