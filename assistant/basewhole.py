"""A whole named by the source of money that pays for it: 「占财政拨款基本支出的百分之几」, 「一般公共预算基本支出」.

Such a name is the title of a basic-expenditure table (公开06表财政拨款基本支出预算表（经济科目）), not a line of
one: where nothing else was found for it, it is read as that table's total row, in its default column. Only a
table whose title prints the words said (the source and 基本支出) is taken — 财政拨款 is never read as
一般公共预算 alone, nor the other way round when both tables are printed.
"""
from __future__ import annotations

import re

from .corpus import CellRef, default_column, plain_label, total_row

_BASIC_KINDS = ("基本支出表", "一般公共预算财政拨款基本支出表")
_NAMED = re.compile(r"(?P<src>(?:一般公共预算)?(?:财政)?拨款|一般公共预算)(?:安排的?)?的?(?P<what>基本支出)(?:合计|总额|总计)?")


def _squash(text: str) -> str:
    return re.sub(r"[\s“”\"（）()]", "", text or "")


def whole(doc, text: str) -> list[CellRef]:
    """The total of the basic-expenditure table the words name, else nothing."""
    m = _NAMED.fullmatch(_squash(text))
    if not m:
        return []
    said = m.group("src").replace("拨款", "财政拨款").replace("财政财政", "财政") + "基本支出"
    said = said.replace("一般公共预算财政拨款", "一般公共预算")
    fits = []
    for t in doc.tables:
        if t.kind not in _BASIC_KINDS:
            continue
        title = _squash(t.title).replace("一般公共预算财政拨款", "一般公共预算")
        at = title.find(said)
        if at < 0:
            continue
        if not said.startswith("一般公共预算") and title[:at].endswith("一般公共预算"):
            continue  # 「财政拨款基本支出」 is not the 一般公共预算 table's
        col = default_column(t, None)
        row = total_row(t, col) if col else None
        if row is None or not plain_label(row.label or "").endswith(("合计", "总计")) or row.cell(col) is None \
                or row.cell(col).value is None:
            continue
        fits.append(CellRef(doc.document, t, row, row.cell(col)))
    return fits[:1]


def fill(doc, measures, options):
    """Options for the measures found nowhere: a basic-expenditure table's total where the words name it."""
    return [o if o else whole(doc, m.text) for m, o in zip(measures, options)]
