"""A project's 用款计划 printed quarter by quarter, summed (「…新建工程2024年四个季度一共计划用款多少」).

Shanghai's 「项目经费情况说明」 prints under 年度预算安排 one amount per quarter: 「第一季度用款计划158.05万元，
第二季度用款计划158.05万元，…」. The question names the project and asks the quarters together; the block
is the one whose opening passages share the longest run with the name (blocks._block_score), each quarter's
amount is read as printed and the sum computed exactly, every passage cited. The number of quarters said
(四个季度) must be the number printed; a block printing no quarters is no answer here.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument
from ingest.values import money

from . import arith
from . import wording as W
from .numbered import cn_number
from .answer import ANSWERED, Answer, Citation

_ASK = re.compile(r"(?:([一二三四两1-4])个)?季度")
# 「全年用款计划一共多少」: the year's plan is its quarters' plans together (all four must be printed)
_WHOLE_YEAR = re.compile(r"全年(?:的)?(?:用款|计划用款)")
_QUARTER = re.compile(r"第([一二三四1-4])季度[^，。；\d]{0,12}?([\d,，.．]+)\s*(万元|元|亿元)")
_WORDS = re.compile(r"(?:19|20)\d{2}\s*年度?|全年|(?:[一二三四两1-4]个)?季度|各季度|用款计划|用款|计划|一共|加起来|合计|"
                    r"总共|共计|总和|加在一起|是多少|多少钱|多少万元?|多少|安排|各|的|了|吗|呢|[？?，,。“”]")


def answer(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    ask = _ASK.search(q)
    year = _WHOLE_YEAR.search(q)
    if not ((ask is not None and W.SUM.search(q)) or year is not None):
        return None
    from .blocks import _block_score, _headed
    name = _WORDS.sub("", q)
    if len(name) < 4:
        return None
    scored = [(_block_score(doc, i, name), body) for i, body in _headed(doc, "年度预算安排")]
    scored = [s for s in scored if s[0] >= 4]
    if not scored:
        return None
    best = max(s[0] for s in scored)
    top = [body for score, body in scored if score == best]
    if len(top) != 1:
        return None  # several projects' blocks fit equally: not guessed
    found, cites, seen = [], [], set()
    for p in top[0]:
        hit = False
        for m in _QUARTER.finditer(p.text):
            value = money(m.group(2))
            if value is None or m.group(1) in seen:
                continue
            seen.add(m.group(1))
            found.append((m.group(1), value, m.group(3)))
            hit = True
        if hit:
            cites.append(Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text,
                                  section=p.section))
    if len(found) < 2 or len({u for _, _, u in found}) != 1:
        return None
    if ask is not None and ask.group(1) and cn_number(ask.group(1)) != len(found):
        return None  # the quarters asked are not the quarters printed
    if ask is None and len(found) != 4:
        return None  # the whole year asked: a plan of fewer quarters printed is not the year's
    unit = found[0][2]
    r = arith.total([v for _, v, _ in found])
    parts = "、".join(f"第{k}季度 {arith.with_unit(v, unit)}" for k, v, _ in found)
    page = f"，第{cites[0].page}页" if cites and cites[0].page else ""
    text = (f"按年度预算安排，{len(found)}个季度的用款计划合计 {arith.with_unit(r.value, unit)}（{parts}）。"
            f"计算：{r.formula}（数据：{cites[0].section or '项目经费情况说明'}{page}）")
    return Answer(question, ANSWERED, text, r.value, unit, r.formula, cites)
