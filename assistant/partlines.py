"""「差旅费一共安排了多少钱」: an economic line printed only in the two parts of the spending, its whole asked.

Some templates print the 经济分类 lines of the 一般公共预算 twice, once per part: a 基本支出 table by economic class
(广州 表6 30211 差旅费 10.20) and a 项目支出 table by economic class (表7 30211 差旅费 291.15), no table of the
two together. Asked with a word of the whole (一共, 总共, 合计, 全部 …) and neither part named, the line's whole
is the sum of its two printings, the formula shown. Said without such a word the two figures stay two readings
(tableanswer.lookup asks back); a part named (基本支出里…, 项目支出的…) reads that part; a table printing the line
for all the spending (支出总表, an 一般公共预算支出表 by economic class) is the whole, so nothing is added.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from .answer import Answer
from .corpus import plain_label

_WHOLE = re.compile(r"一共|总共|合计|总计|共计|全部|加起来|加在一起|都算上|总额|总数")
_PART_SAID = re.compile(r"基本|项目|公用经费|人员经费|表[0-9一二三四五六七八九十]|[0-9]+表|三公")
_BASIC = re.compile(r"基本支出")
_PROJECT = re.compile(r"项目支出")
# Tables a line of the department's spending by economic class is printed in.
_KINDS = (model.GPB_BASIC, model.BASIC, model.GPB_EXPENDITURE, model.EXPENDITURE, model.ECONOMIC_TABLE,
          model.FISCAL_EXPENDITURE)


def summed(question: str, q: str, cands) -> Answer | None:
    """The line's 基本支出 and 项目支出 printings added, where nothing prints its whole (None otherwise)."""
    if not _WHOLE.search(q) or _PART_SAID.search(q):
        return None
    refs = [c for c in cands if not c.cell.blank and c.value is not None]
    if len(refs) < 2 or any(c.table.kind not in _KINDS for c in refs):
        return None  # printed elsewhere too (a “三公” line, the narrative): other readings, left to the tables
    codes = {c.row.code for c in refs}
    names = {plain_label(c.row.label or "") for c in refs}
    if len(codes) != 1 or None in codes or not next(iter(codes)).startswith("3") or len(names) != 1:
        return None  # one economic line, the same code and name in both
    basic = [c for c in refs if _BASIC.search(c.table.title) and not _PROJECT.search(c.table.title)]
    project = [c for c in refs if _PROJECT.search(c.table.title) and not _BASIC.search(c.table.title)]
    if len(basic) != 1 or len(project) != 1 or len(refs) != 2:
        return None  # a table of both parts prints the whole, or one part is printed more than once
    pair = [basic[0], project[0]]
    if any(c.row.code != pair[0].row.code for c in pair) or pair[0].table is pair[1].table:
        return None
    vals, unit, conv = figures.common_unit(pair)
    r = arith.total(vals)
    name = pair[0].name()
    return figures.computed(question, f"{name}（基本支出 {arith.with_unit(vals[0], unit)} + 项目支出 "
                            f"{arith.with_unit(vals[1], unit)}）合计 {arith.with_unit(r.value, unit)}", r, unit, pair,
                            conversions=conv)
