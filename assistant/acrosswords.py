"""Words of a question across departments that say where each figure is read or what is done with the figures
(assistant/across.py reads the figure).

- 「按各自的支出预算总表（含全部资金）算，…的项目支出」: one table named for every department — each reads the line in
  its own table of that name (「支出预算总表里的项目支出」), so a figure with several readings has the one the
  question chose;
- 「福州市商务局支出预算总表里的项目支出，比北京市财政局的项目支出多多少」: a table and the line read in it are one
  figure's name, not the table's total;
- 「项目支出预算加起来」: 预算 after a figure's name is the kind of document, no part of the name;
- 「平均每家多少万元」: the figures added and divided by how many there are (``mean``), each one cited.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith

# 「按各自的支出预算总表（含全部资金）算」「按照支出总表口径来看」: the table every department's figure is read in.
_BY_TABLE = re.compile(r"(?:按照?|以|根据)(?:各自|各家|各部门|各单位|每家|它们|他们)?的?"
                       r"(?P<table>[\u4e00-\u9fff]{2,20}?表)(?:[（(][^（()）]*[）)])?(?:的?口径)?(?:来|去)?(?:算|计算|看|统计)[，,]?")
# 「支出预算总表里的项目支出」: a table and the line read in it, said together.
_TABLE_LINE = re.compile(r"(?<=表)(?:里面|当中|之中|中|里|上)的?(?=[\u4e00-\u9fff“「])")
_KEPT = "\x01"
# 预算 after a figure's name (「项目支出预算」「“三公”经费预算」): the document's kind, not the figure.
_KIND_TAIL = re.compile(r"(?<=支出|经费)(?:预算|决算)数?$")
# 「平均每家」「平均一个部门」「平均是多少」: the mean of the figures asked.
AVERAGE = re.compile(r"平均(?:下来)?(?:每|一)?(?:家|个部门|个单位|个|部门|单位)?")


def table_said(q: str) -> tuple[str, str]:
    """The question without 「按各自的X表算」, and X表 (「」 when no table is said for all)."""
    m = _BY_TABLE.search(q)
    if m is None:
        return q, ""
    return q[:m.start()] + "|" + q[m.end():], m.group("table")


def line_kept(q: str) -> str:
    """「X表里的Y」 held together through the split into words (``line_back`` restores it)."""
    return _TABLE_LINE.sub(_KEPT, q)


def line_back(words: str) -> str:
    return words.replace(_KEPT, "里的")


def in_table(words: str, table: str) -> str:
    """The figure read in the table said for all (「支出预算总表里的项目支出」), unless its name says its table."""
    if not table or not words or "表里的" in words or words.endswith("表"):
        return words
    return f"{table}里的{words}"


def kind_dropped(words: str) -> str:
    """「项目支出预算」 → 「项目支出」; 「支出预算」 (the whole budget, assistant/across.py _TOTALS) kept."""
    trimmed = _KIND_TAIL.sub("", words)
    return trimmed if len(trimmed) >= 4 else words


def asks_mean(q: str) -> bool:
    return bool(AVERAGE.search(q)) and not re.search(r"平均(?:分|得分|数)|人均|平均工资", q)


def mean(values: list[Decimal]) -> arith.Result:
    """(a + b + …) ÷ n, exactly, rounded half-up to 2 places; the formula shows the sum and the division."""
    s = arith.total(values)
    m = arith.round2(s.value / len(values))
    return arith.Result(m, f"{s.formula}；{arith.fmt(s.value)} ÷ {len(values)} = {arith.fmt(m)}")


# The money carried over from last year, printed under several names (上年结转, 上年结余、结转, 上年结转结余): a
# department whose tables print it under another name than the question's is asked by that name too.
_CARRIED = ("上年结转", "上年结余结转", "上年结转结余", "上年结转和结余")


def other_names(measure: str) -> tuple[str, ...]:
    """The carried-over money's other printed names, when the figure asked is it; else ()."""
    said = measure.replace("、", "")
    return tuple(n for n in _CARRIED if n != said) if said in _CARRIED else ()


# 「人员经费（一般公共预算基本支出）」: a scope said in brackets after the figure is where it is read.
_SCOPE_AFTER = re.compile(r"^(?P<figure>[^（）]{2,20})（(?P<scope>(?:一般公共预算|政府性基金预算?|财政拨款)?"
                          r"(?:基本支出|项目支出)|一般公共预算|财政拨款)）$")


def scope_first(words: str) -> str:
    """「人员经费（一般公共预算基本支出）」 → 「一般公共预算基本支出中的人员经费」."""
    m = _SCOPE_AFTER.match(words)
    return f"{m.group('scope')}中的{m.group('figure')}" if m else words


# A fund's appropriation said without 支出 (「政府性基金预算财政拨款的收支」): whether there is any is its own 支出表's
# total — an empty table (「本部门无政府性基金预算」) prints none, read as 0.
_FUND = re.compile(r"^(政府性基金|国有资本经营)(?:预算)?(?:财政拨款|拨款)?(?:收支|收入|支出)?$")


def fund_table(engine, doc, measure: str):
    """The fund's own 支出表 total for a fund asked whether it is there; None when the document has no such table."""
    m = _FUND.match(measure)
    if m is None:
        return None
    from . import acrossreadings
    return acrossreadings.fund(engine, doc, f"{m.group(1)}预算支出")
