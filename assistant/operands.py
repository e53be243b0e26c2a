"""The operands of one calculation (A和B加起来, A比B多, A是B的几倍), read from one table where one table prints
them all: a rule that narrows one name's readings by the question's words (「公务用车运行维护费预算」: the
“三公” table's figure) yields when the other operand is printed only in a table that also prints this one
(其他交通费用 in the basic-expenditure economic table, in 元): both are then read there, in one unit."""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import ParsedDocument

from .corpus import CellRef
from .tables import Measure, candidates


def _in(options: list[CellRef], table) -> CellRef | None:
    here = [c for c in options if c.table is table]
    return next((c for c in here if not c.cell.blank), None) or (here[0] if here else None)


def shared(options: list[list[CellRef]]) -> list[CellRef] | None:
    """One reading of each operand from the first table (in the first operand's order) holding them all."""
    if not options or any(not o for o in options):
        return None
    for first in options[0]:
        chosen = [_in(o, first.table) for o in options]
        if all(chosen):
            return chosen
    return None


def together(doc: ParsedDocument, measures: list[Measure], options: list[list[CellRef]],
             hint: str | None) -> list[list[CellRef]]:
    """The operands' readings with one table's first where the question's narrowing left them in different
    tables and, read without it, one table prints them all; else the readings as they were."""
    if len(measures) < 2 or any(m.table or m.prefer for m in measures) or shared(options):
        return options
    wide = [candidates(doc, m, hint) for m in measures]
    refs = shared(wide)
    if refs is None:
        # 「基本养老保险缴费支出是职业年金缴费支出的几倍」: 职业年金缴费 is printed whole in the economic table, and
        # inside 机关事业单位职业年金缴费支出 in the functional table that prints the other operand too.
        wide = [o + candidates(doc, m, hint) for o, m in zip(wide, map(_containing(doc), measures))]
        refs = shared(wide)
    if refs is None:
        return options
    return [[r] + [c for c in o if c is not r] for r, o in zip(refs, wide)]


def _containing(doc: ParsedDocument):
    """A measure's reading as any line whose name holds its words (four or more characters)."""
    from .corpus import plain_label
    labels = {plain_label(r.label) for t in doc.tables for r in t.rows if r.label}

    def widen(m: Measure) -> Measure:
        if not m.rows or len(m.text) < 4:
            return replace(m, rows=frozenset())
        return replace(m, rows=frozenset(x for x in labels if m.text in x and x not in m.rows))
    return widen


_JOINED = re.compile(r"^[”」]?[和与及、][“「]?$")
_CONTEXT = re.compile(r"^[”」）)]?(?:的)?(?:支出|收入)?(?:预算|决算)?(?:数)?(?:总表|表)?(?:中|里|中的|里的|当中|之中)[，,]?[“「]?$")


def in_context(q: str, measures: list[Measure]) -> list[Measure]:
    """「基本支出决算中办公费和邮电费一共多少」: the first name, followed by 中/里, only says where the names
    joined after it are read (a preferred table); they are the operands, never it as a third."""
    if len(measures) < 3:
        return measures
    ends = [q.find(m.text, m.position) + len(m.text) for m in measures]
    if not _CONTEXT.match(q[ends[0]:measures[1].position]) or \
            not all(_JOINED.match(q[e:b.position]) for e, b in zip(ends[1:], measures[2:])):
        return measures
    context = measures[0]
    return [replace(m, table=m.table or context.table, prefer=tuple(dict.fromkeys(m.prefer + (context.text,))))
            for m in measures[1:]]


def spoken_sum(q: str, mentions: list) -> list:
    """「普法宣传加上公共法律服务一共多少钱」: 「一共多少钱」 after two named lines asks for their sum; it is no third
    name (the whole budget, 支出总计, it means when nothing else is named)."""
    from . import wording as W
    named = [m for m in mentions if not m.qualifier and (m.rows or m.column) and not W.SUM.search(m.text)]
    return [m for m in mentions if not (W.SUM.search(m.text) and re.search(r"多少|几", m.text) and
                                        sum(x.end <= m.start for x in named) >= 2)]
