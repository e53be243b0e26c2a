"""A figure of the whole department beside the same figure of one source of money: 「年初结转和结余」 in the
收支总表 (465,278.48) and in the 财政拨款收支总表 / 政府性基金 table (the 财政拨款 part of it). A question that
names no source of money asks the whole; the parts are said beside it, never a rival reading."""
from __future__ import annotations

import re

from ingest import model

from .concepts import FUNDING_SUBSETS
from .tables import readings

_WHOLE = (model.SUMMARY, model.INCOME, model.EXPENDITURE)
_SOURCE = re.compile(r"财政|拨款|一般公共预算|政府性基金|国有资本|基金")


def whole_of(reads: list, q: str) -> tuple[list, list] | None:
    """(the whole reading, the parts) or None."""
    if len(reads) < 2 or _SOURCE.search(q):
        return None
    if len({c.row.code_kind for c in reads if c.row.code and c.row.code.isdigit()}) > 1:
        return None  # 2210201 住房公积金 | 30113 住房公积金: two different lines, both named
    whole = [c for c in reads if c.table.kind in _WHOLE]
    rest = [c for c in reads if c.table.kind not in _WHOLE]
    if len(readings(whole)) != 1 or not rest or any(c.table.kind not in FUNDING_SUBSETS for c in rest):
        return None
    return readings(whole), rest
