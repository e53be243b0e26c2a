"""One line printed in several rows of a table: an economic item under each functional line or unit
(北京 预算03表支出总表: 30302 退休费 under 2080501 and 2080502; 预算06表: 30113 住房公积金 once per unit).

Such a line's figure for the department is the sum of its rows. It is read so only where the document says
so itself or the question asks for it:

- another table prints the line once with that very sum (预算06表 退休费 420.28 = 219.15 + 201.13 of 预算03表;
  the 三公 table's 公务接待费 11.64 = 8.39 + 3.25): that printed figure is the answer, the rows agreeing;
- every table that prints it split gives the same sum, and the question sums (「加起来」「一共」「两处」「两行」):
  the rows are added, the formula shown.

A line split in one table with no such agreement and no summing word stays ambiguous (行政运行 of two units).
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label, same_amount, unit_of
from .tables import Measure

_SUMS = re.compile(r"加起来|一共|总共|合计|之和|相加|[两二三四五六几各]\s*[处行]|所有|全部")
_ROWS_SAID = re.compile(r"[两二三四五六几各]\s*[处行]")


class Figure:
    """A measure's figure: one printed cell, or the sum of the rows a line is split into."""

    def __init__(self, refs: list[CellRef], printed: CellRef | None):
        self.refs = refs  # the split rows (cited)
        self.printed = printed  # a cell printing the sum, where one does

    @property
    def cells(self) -> list[CellRef]:
        return [self.printed] if self.printed is not None else self.refs

    @property
    def value(self):
        return self.printed.value if self.printed is not None else arith.total([c.value for c in self.refs]).value

    @property
    def unit(self) -> str:
        return unit_of(self.cells[0])

    def name(self) -> str:
        return self.cells[0].name()

    def formula(self) -> str | None:
        return None if self.printed is not None else arith.total([c.value for c in self.refs]).formula


def _groups(cands: list[CellRef]) -> dict[tuple, list[CellRef]]:
    """The candidates per table and line (code, label, column): a line printed once is a group of one."""
    out: dict[tuple, list[CellRef]] = {}
    for c in cands:
        key = (c.table.ordinal, c.row.code, plain_label(c.row.label), c.cell.column)
        if not c.cell.blank and all(x.row.ordinal != c.row.ordinal for x in out.get(key, [])):
            if c.table.kind == model.NARRATIVE and any(same_amount(c, x) for x in out.get(key, [])):
                continue  # the narrative stating one figure twice (a summary, then its own paragraph): one
            out.setdefault(key, []).append(c)
    return out


def figure(m: Measure, cands: list[CellRef], q: str, summing: bool) -> Figure | None:
    if not m.rows or (m.column and not m.dual):
        return None
    groups = [g for g in _groups(cands).values() if g]
    split = [g for g in groups if len(g) >= 2]
    if not split:
        return None
    total = arith.total([c.value for c in split[0]]).value
    if not total and any(c.value for g in groups if len(g) == 1 for c in g):
        return None  # rows of 0 (an empty 政府性基金 table) agree with any 0: no evidence, the printed figure reads
    probe = CellRef(split[0][0].doc, split[0][0].table, split[0][0].row, split[0][0].cell)
    if not all(arith.total([c.value for c in g]).value == total for g in split[1:]):
        return None
    single = [g[0] for g in groups if len(g) == 1]
    agreeing = [c for c in single if c.value == total or (unit_of(c) != unit_of(probe) and _same(c, total, probe))]
    if agreeing:
        return Figure(split[0], agreeing[0])
    if single and not summing:
        return None
    if summing:
        return Figure(split[0], None)
    return None


def _same(c: CellRef, total, probe: CellRef) -> bool:
    from dataclasses import replace
    return same_amount(c, CellRef(probe.doc, probe.table, probe.row, replace(probe.cell, value=total)))


def answer(question: str, q: str, doc, measures: list[Measure], options: list[list[CellRef]]) -> Answer | None:
    measures, options = _table_words(measures, options, q)
    if not measures or any(not o for o in options):
        return None
    summing = bool(_SUMS.search(q))
    figs = [figure(m, o, q, summing) for m, o in zip(measures, options)]
    if all(f is None for f in figs):
        return None
    if any(f is None for f in figs):
        # The other measures read as one printed cell each, where that is unambiguous.
        filled = []
        for f, o in zip(figs, options):
            if f is None:
                distinct = [c for c in o if not c.cell.blank]
                if not distinct or not all(same_amount(distinct[0], c) for c in distinct):
                    return None
                f = Figure([distinct[0]], distinct[0])
            filled.append(f)
        figs = filled
    if len(figs) == 1:
        f = figs[0]
        cites = [c.citation() for c in f.cells] + ([c.citation() for c in f.refs] if f.printed is not None else [])
        if f.printed is not None:
            parts = " + ".join(arith.fmt(c.value) for c in f.refs)
            text = (f"{f.name()}：{arith.with_unit(f.value, f.unit)}（{f.printed.where()}）；"
                    f"{f.refs[0].table.title}分 {len(f.refs)} 行列出，{parts} = {arith.fmt(f.value)}，相符")
            value, unit, shown, calc = figures.amount(f.printed, q)
            return Answer(question, ANSWERED, text.replace(arith.with_unit(f.value, f.unit), shown, 1), value, unit,
                          calc, cites)
        r = arith.total([c.value for c in f.refs])
        rows = "；".join(c.where() for c in f.refs)
        return figures.computed(question, f"{f.name()}（{f.refs[0].table.title}分 {len(f.refs)} 行列出）合计 "
                                          f"{arith.with_unit(r.value, f.unit)}", r, f.unit, f.refs) if rows else None
    units = {f.unit for f in figs}
    if len(units) != 1:
        return None
    unit = units.pop()
    vals = [f.value for f in figs]
    refs = [c for f in figs for c in f.cells]
    shown = "；".join(f"{f.name()} {arith.with_unit(f.value, unit)}" + (f"（{f.formula()}）" if f.formula() else "")
                     for f in figs)
    if W.DIFF.search(q) and len(figs) == 2:
        r = arith.difference(vals[0], vals[1])
        hi, lo = (figs[0], figs[1]) if vals[0] >= vals[1] else (figs[1], figs[0])
        return figures.computed(question, f"{hi.name()}比{lo.name()}多 {arith.with_unit(r.value, unit)}（{shown}）", r,
                                unit, refs)
    if W.COMPARE.search(q):
        less = bool(re.search(r"(少|低|小)", W.COMPARE.search(q).group(0)))
        order = sorted(range(len(figs)), key=lambda i: vals[i], reverse=not less)
        best = figs[order[0]]
        calc = (" < " if less else " > ").join(arith.fmt(vals[i]) for i in order)
        text = f"{best.name()}更{'少' if less else '多'}：{arith.with_unit(best.value, unit)}（{shown}）"
        return Answer(question, ANSWERED, text, best.value, unit, calc, [c.citation() for c in refs])
    if W.SUM.search(q) or summing:
        r = arith.total(vals)
        return figures.computed(question, f"{'、'.join(f.name() for f in figs)}合计 {arith.with_unit(r.value, unit)}"
                                          f"（{shown}）", r, unit, refs)
    return None


def _table_words(measures, options, q):
    """"基本支出表里两处基本工资": the table says where the rows are, it is no figure of its own."""
    if len(measures) == 2 and measures[0].table and measures[0].rows is None and measures[0].column is None \
            and measures[1].rows and _ROWS_SAID.search(q):
        kind = measures[0].table
        kept = [c for c in options[1] if c.table.kind == kind]
        if kept:
            return [measures[1]], [kept]
    return measures, options
