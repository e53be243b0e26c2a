"""A figure of the whole department beside the same figure of one source of money: 「年初结转和结余」 in the
收支总表 (465,278.48) and in the 财政拨款收支总表 / 政府性基金 table (the 财政拨款 part of it). A question that
names no source of money asks the whole; the parts are said beside it, never a rival reading."""
from __future__ import annotations

import re
from dataclasses import replace

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


_SPENT = re.compile(r"花了|花掉|用了|用掉|支出了")


def spent(doc, q: str, measures: list, vocab) -> list:
    """「一共花了多少钱」 of a 决算: what was spent is its 本年支出合计; its 支出总计 adds the money carried to
    next year (年末结转和结余), which was not spent. A 预算's 支出总计 is what it may spend: unchanged."""
    if doc.document.kind != "决算" or not _SPENT.search(q) or "本年支出合计" not in vocab.labels:
        return measures
    total = set(vocab.rows.get("支出总计") or ()) | {"支出总计"}
    return [replace(m, rows=frozenset({"本年支出合计"})) if m.rows and not m.column and m.rows <= total else m
            for m in measures]


def sourced(q: str, measures: list, vocab) -> list:
    """「财政拨款的年初结转和结余、年末结转和结余」: a source of money said before lines whose names the document
    prints with that source inside them (年初「财政拨款」结转和结余, in the 财政拨款收支总表): those lines are asked,
    not the department's whole 年初结转和结余 with the source's words left unread. Only where one printed name
    is the line's name with exactly the words the question said before it put inside it (a source said as a
    prefix, 「一般公共预算的基本支出」, is a table to read in: focus and within place it)."""
    out = []
    for m in measures:
        found = set()
        for r in m.rows or ():
            for label in vocab.rows:
                if len(label) <= len(r) or not _SOURCE.search(label):
                    continue
                i = next((k for k in range(1, len(r)) if label[:k] == r[:k] and label[k:].endswith(r[k:])
                          and label[k:len(label) - len(r) + k]), None)
                said = label[i:len(label) - len(r) + i] if i is not None else ""
                if said and _SOURCE.search(said) and label[:i] + label[i + len(said):] == r and said in q[:m.position]:
                    found.add(label)
        out.append(replace(m, rows=frozenset(found), column=None, dual=False, alt=None) if len(found) == 1 else m)
    return out
