"""A 决算 asked for a line's 预算 (「机关运行经费的预算数是多少」, 「培训费年初预算是多少」): the figure must be a
预算 one — a 预算数 / 年初预算 column (the “三公” table's, a 绩效自评表's), or a sentence of the narrative that calls
it 预算. The 决算's own figure of that line (its 决算数 column, the 合计 of a 决算 table, the narrative's
「机关运行经费支出184.65万元」) is what was spent, not what was budgeted: given for the 预算 it would be another
column's figure stated as the one asked. Then the answer is "not found", naming the 决算 figure the document does
print.

``check(q, answer, doc)`` is called by the engine after the other checks."""
from __future__ import annotations

import re

from . import arith
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

# The stage word said right after the line asked (「X的预算数」「X年初预算」「X预算是多少」), nothing of 决算 asked.
_STAGE = re.compile(r"(?P<before>[\u4e00-\u9fff）)”」])的?(?:全年|年初)?预算(?:数|额|金额|安排了?数?)?"
                    r"(?=是|为|有|大概|大约|约|多少|几|呢|吗|[？?，,。]|$)")
# Words before 预算 that make it a kind of budget or the budget as a whole, not a line's stage.
_NOT_A_LINE = re.compile(r"(?:一般公共|政府性基金|国有资本经营|部门|单位|本级|全年|年|度|今年|去年|上年|本年|当年|总)的?$")
# A question comparing or relating the stages (执行率, 决算比预算 …) is read elsewhere.
_OTHER_STAGE = re.compile(r"决算|执行|完成|实际|花了|用了|支出了|比|差|超|节约|结余|调整|变动|增|减|占|倍")
# Budget words of a kind of money, not of a stage (一般公共预算财政拨款, 政府性基金预算 …).
_KINDS = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|预算单位|预算科目|部门预算|单位预算")


def _budget_stage(text: str | None) -> bool:
    """Does a cited column, row or table name a 预算 figure (预算数, 年初预算, 全年预算 …)?"""
    return "预算" in _KINDS.sub("", text or "")


def check(q: str, answer: Answer, doc) -> Answer | None:
    if doc is None or doc.document.kind != "决算" or answer.status not in (ANSWERED, AMBIGUOUS):
        return None
    if answer.status == ANSWERED and (answer.value is None or not arith.is_money(answer.unit)):
        return None
    if answer.status == AMBIGUOUS and not all(arith.is_money(c.unit) for c in answer.citations):
        return None  # readings of money only: 培训费 of the 功能 table and of the 基本支出 table, both spent
    if not answer.citations or answer.parts:
        return None
    m = next((m for m in _STAGE.finditer(q) if not _NOT_A_LINE.search(q[:m.start("before") + 1])), None)
    if m is None or _OTHER_STAGE.search(q):
        return None
    cells = [c for c in answer.citations if c.table is not None]
    if len(cells) != len(answer.citations):
        return None  # a passage quoted: read by its own words elsewhere
    for c in cells:
        if _budget_stage(c.column) or _budget_stage(c.row) or (c.kind and "绩效" in c.kind):
            return None  # a 预算 column, a sentence calling the figure 预算, a performance form's 预算数
    def said(c) -> str:
        where = "，".join(x for x in (c.table, f"{c.column}列" if c.column else None,
                                      f"第{c.page}页" if c.page else None) if x)
        return f"“{c.row or '这一项'}”的决算数 {arith.with_unit(answer.value, answer.unit)}（{where}）"
    # Several readings, each a 决算 figure: named as the answer named them, none is the 预算 asked.
    spent = ("决算数：" + "；".join(answer.readings) + "，") if answer.status == AMBIGUOUS and answer.readings \
        else said(cells[0])
    return Answer(answer.question, NOT_FOUND,
                  f"没有找到答案：{doc.document.label}只列出{spent}，没有列出它的预算数；"
                  f"决算数是实际支出，不是所问的预算数，因此不作回答。")
