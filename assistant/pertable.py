"""One line read in each of several tables named by number, summed: 「表6（基本支出）和表7（项目支出）里的委托业务费
加起来是多少」, 「表6和表7中的培训费一共多少」, 「表6里的差旅费和表7里的差旅费合计」.

The numbers say which tables; the bracketed words after each (基本支出, 项目支出) are that table's title said short,
no figures of their own (read as names they are the whole 基本支出 added to one table's line). The line is the one
name asked after the tables (or said after each): it is read in each table named — every row of that name the
table prints, in its main column — and the figures are added, each cited, the formula shown. A table named that
does not print the line makes the question one this family does not answer (the general reading says so).
"""
from __future__ import annotations

import re

from . import arith, figures
from .corpus import CellRef, default_column, plain_label
from .numbered import cn_number

_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# 「表6（基本支出）」「预算05表（…）」「表六」: one table said by its number, its title said short in brackets after it.
_ONE = rf"(?:(?:部门)?(?:预算|决算|公开)?表\s*(?:{_NUM})(?!\d)|(?:预算|决算|公开)\s*\d{{1,2}}\s*表)(?:[（(][^（）()]{{0,30}}[）)])?"
_JOIN = r"\s*(?:和|与|及|、|跟|加|以及|还有)\s*"
_IN = r"(?:的)?(?:里面|当中|之中|中|里)(?:的|各自的|分别的)?"
# 「表6（…）和表7（…）里的X」: the tables listed, then the line.
_LISTED = re.compile(rf"(?P<tables>{_ONE}(?:{_JOIN}{_ONE})+){_IN}")
# 「表6里的X和表7里的X」: each table with its own saying of the line.
_EACH = re.compile(rf"(?P<t>{_ONE}){_IN}")
_SUM = re.compile(r"加起来|加在一起|加一起|一共|总共|合计|合起来|之和|共计|总和|加总|共(?:是|有|安排|多少)")
_NUMBER = re.compile(rf"表\s*(?P<a>{_NUM})(?!\d)|(?P<b>\d{{1,2}})\s*表")


def answer(question: str, q: str, doc, vocab) -> object | None:
    if not _SUM.search(q):
        return None
    named = _tables_and_line(q, vocab)
    if named is None:
        return None
    numbers, rows = named
    tables = []
    for n in numbers:
        t = next((t for t in doc.tables if (m := _NUMBER.search(t.title)) and
                  cn_number(m.group("a") or m.group("b")) == n), None)
        if t is None:
            return None
        tables.append(t)
    refs = []
    for t in tables:
        col = default_column(t)
        found = [CellRef(doc.document, t, r, r.cell(col)) for r in t.rows
                 if plain_label(r.label) in rows and col and r.cell(col) is not None and r.cell(col).value is not None]
        if not found:
            return None  # a table named that prints no such line: not this family's reading
        refs += found
    values, unit, conv = figures.common_unit(refs)
    r = arith.total(values)
    parts = "；".join(f"{_short(c.table)} {c.name()} {arith.with_unit(v, unit)}" for c, v in zip(refs, values))
    line = plain_label(refs[0].row.label)
    text = f"{'、'.join(_short(t) for t in tables)}中的{line}合计 {arith.with_unit(r.value, unit)}（{parts}）"
    return figures.computed(question, text, r, unit, refs, conversions=conv)


def _tables_and_line(q: str, vocab) -> tuple[list[int], set[str]] | None:
    """The tables' numbers and the line's printed names, where the question lists two tables or more and one line."""
    m = _LISTED.search(q)
    if m is not None:
        numbers = [_num(x.group()) for x in re.finditer(_ONE, m.group("tables"))]
        line = _first_line(q[m.end():], vocab)
        if line is None:
            return None
        return (numbers, line) if None not in numbers and len(set(numbers)) == len(numbers) else None
    numbers, lines = [], []
    for t in _EACH.finditer(q):
        said = _first_line(q[t.end():], vocab)
        if said is None:
            return None
        numbers.append(_num(t.group("t")))
        lines.append(said)
    if len(numbers) < 2 or None in numbers or len(set(numbers)) != len(numbers) or \
            any(x != lines[0] for x in lines):
        return None
    return numbers, lines[0]


def _first_line(rest: str, vocab) -> set[str] | None:
    """The line said right after the tables (its rows' printed names), nothing but a quote mark before it."""
    found = [m for m in vocab.mentions(rest) if m.rows]
    if not found or re.sub(r"[“”\"「」\s]", "", rest[:found[0].start]):
        return None
    return set(found[0].rows)


def _short(table) -> str:
    """The table as the question says it: its number (「表6」, 「预算05表」), the title's words after it left off."""
    m = _NUMBER.search(table.title)
    return table.title[:m.end()].strip() if m else table.title


def _num(ref: str) -> int | None:
    m = _NUMBER.search(re.sub(r"[（(].*$", "", ref))
    return cn_number(m.group("a") or m.group("b")) if m else None
