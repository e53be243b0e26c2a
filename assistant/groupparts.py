"""A group printed only as its parts, each line named 「G-X」: 「交通运输专项资金分成了哪几个领域」 lists the parts,
「…分了几个领域」 counts them, 「交通运输专项资金各领域加起来一共多少」 sums them.

Some disclosures print one fund as several lines named by the fund and the part (「交通运输专项资金-港航业领域」 in
the 项目支出表, the same again as the narrative's numbered items) and no line of the fund's own. What the fund is
made of, and what it comes to, is then read from those lines (groups.named_parts: a table's lines first, else the
narrative's), each line cited; the sum is computed with Decimal and the formula shown. A group a table prints a
line of its own for is that line's (the table answers), and a question naming some of the parts asks about those,
not the group (operands and named lines answer it); rankings are groups.prefixed's.
"""
from __future__ import annotations

import os
import re
from decimal import Decimal

from ingest import model

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import plain_label, unit_of

_WHICH = re.compile(r"哪(?:些|几)|分(?:成|为)了?(?:哪|几)|包括什么|有什么|分别是")
_HOW_MANY = re.compile(r"几|多少")
_MONEY = re.compile(r"多少钱|多少万|金额|资金量|钱|加起来|合计|一共|总共|总计|共计|总额|之和|加在一起|合起来")


def answer(question: str, q: str, doc) -> Answer | None:
    from .groups import named_parts
    if W.RANK.search(q) or W.COMPARE.search(q) or W.CHANGE.search(q) or W.TEXT.search(q):
        return None
    found = named_parts(q, doc)
    if found is None:
        return None
    t, group, items = found
    from .partnames import said_parts
    if 0 < len(said_parts(q, group, items)) < len(items):
        return None  # 「港航业领域和民航业（领域）加起来」: some parts named, not the group (every part named: the group)
    if any(plain_label(r.label) == group for x in doc.tables for r in x.rows):
        return None  # the group has a line of its own: the table answers
    names = list(items)
    kind = _kind(names)
    place = "正文" if t.kind == model.NARRATIVE else t.title
    cites = [c.citation() for c in items.values()]
    if _MONEY.search(q) and _HOW_MANY.search(q) and not _WHICH.search(q):
        values = [c.value for c in items.values()]
        unit = unit_of(next(iter(items.values())))
        if any(unit_of(c) != unit for c in items.values()):
            return None
        total = sum(values, Decimal(0))
        parts = "，".join(f"{n} {arith.with_unit(c.value, unit_of(c))}（{c.where()}）" for n, c in items.items())
        text = f"{group}各{kind}合计 {arith.with_unit(total, unit)}：{parts}。{place}没有单列{group}的合计，按各{kind}相加"
        formula = " + ".join(arith.fmt(v) for v in values) + f" = {arith.fmt(total)}"
        return Answer(question, ANSWERED, text, total, unit, formula, cites)
    if _WHICH.search(q) or (W.COUNT.search(q) and not _MONEY.search(q)):
        listed = "、".join(f"{n}（{arith.with_unit(c.value, unit_of(c))}）" for n, c in items.items())
        text = f"{group}分为 {len(names)} 个{kind}：{listed}（{place}）"
        if W.COUNT.search(q) and not _WHICH.search(q):
            return Answer(question, ANSWERED, text, Decimal(len(names)), "个", f"计数 {len(names)}", cites)
        return Answer(question, ANSWERED, text, None, None, None, cites)
    return None


def _kind(names: list[str]) -> str:
    """What the parts are (领域, 板块): the end their names share, else 部分."""
    shared = os.path.commonprefix([n[::-1] for n in names])[::-1]
    return shared if len(shared) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", shared) else "部分"
