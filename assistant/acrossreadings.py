"""Which reading of a department's figure a comparison across departments takes, where the figure alone has
several (全部资金 | 财政拨款, a “三公” item's table | its economic line, a fund's own table | its columns): the same
scope for every department, said in the answer (assistant/across.py)."""
from __future__ import annotations

import re

from ingest import model
from ingest.values import money

from . import keyfigures
from .answer import ANSWERED, Answer
from .corpus import plain_label

# Tables of all the department's money: where a figure has several readings (全部资金 | 财政拨款), a
# comparison across departments reads it here, the same scope for every department, and says so.
_WHOLE = (model.EXPENDITURE, model.INCOME, model.SUMMARY)


def whole(a: Answer) -> Answer | None:
    """An ambiguous answer's reading from the department's whole-money table, when exactly one is."""
    whole = [c for c in a.citations if c.kind in _WHOLE and c.text and money(c.text) is not None]
    if len({money(c.text) for c in whole}) != 1:
        return None
    c = whole[0]
    return Answer(a.question, ANSWERED, f"按部门全部资金口径（{c.table}）", money(c.text), c.unit, None, [c])


# The “三公” items: named, each is read in the “三公” table (its 决算数 in a 决算), not an economic line of the
# same name (30217 公务接待费 of the 基本支出表 holds the basic spending only).
_SANGONG = re.compile(r"三公|因公出国|公务接待|公务用车")


def sangong(a: Answer, measure: str) -> Answer | None:
    """An ambiguous answer's reading from the “三公” table, when the figure is a “三公” item and exactly one is."""
    if not _SANGONG.search(measure):
        return None
    own = [c for c in a.citations if c.kind == model.THREE_PUBLIC and c.text and money(c.text) is not None]
    if len({money(c.text) for c in own}) != 1:
        # 公务用车购置费 (its own line) beside 公务用车购置及运行费 (the line holding it): the line named so.
        own = [c for c in own if measure in (_line(c.row), (c.column or "").split("/")[-1])]
        if len({money(c.text) for c in own}) != 1:
            return None
    c = own[0]
    return Answer(a.question, ANSWERED, f"按“三公”经费表口径（{c.table}）", money(c.text), c.unit, None, [c])


def _line(row: str | None) -> str:
    """A cited row's name without its number and ordinals (「第3行 其中：（1）公务用车购置费」 → 公务用车购置费)."""
    text = re.sub(r"^第\d+行\s*", "", row or "")
    return plain_label(plain_label(text))


# A source of money's own spending (政府性基金预算支出): its own table's total, not its column in the 基本支出表
# and the 项目支出表 (each one part of it), when those two disagree.
_FUND = re.compile(r"(政府性基金|国有资本经营)(?:预算)?(?:财政拨款)?支出")


def fund(engine, doc, measure: str) -> Answer | None:
    """An ambiguous answer for a fund's spending: the total of that fund's 支出表, asked of the document."""
    m = _FUND.search(measure)
    if not m:
        return None
    a = keyfigures.answers(engine, [(doc, f"{m.group(1)}预算支出表的合计是多少")])[0]
    if a is None or a.status != ANSWERED or a.value is None or not a.citations or \
            m.group(1) not in (a.citations[0].table or ""):
        return None
    return a
