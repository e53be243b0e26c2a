"""「这个部门的钱主要花在哪？」: the composition of a department's spending, from its own tables.

Basic against project spending (the expenditure table's 基本支出 | 项目支出 columns of its total row), the
largest functional classes (类 rows) and the largest economic classes of basic spending (301 工资福利支出 …),
each with its share computed with Decimal and shown, every figure cited, and a chart of the classes. The
tables are found by canonical kind and column meaning, whatever the template calls them.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from .answer import ANSWERED, Answer, Chart, ChartBar
from .concepts import column_concept
from .corpus import CellRef, default_column, plain_label, total_row, unit_of

ASKS = re.compile(r"(?:钱|资金|经费|预算|支出)?.{0,4}(?:主要)?(?:都)?(?:花在|用在|用于|花到)(?:了)?(?:哪|什么)|钱都花|"
                  r"支出(?:的)?(?:构成|结构)|钱(?:是)?怎么花|花钱(?:的)?结构|预算(?:的)?(?:构成|结构)")
_TOP = 3


def answer(question: str, q: str, doc, measures) -> Answer | None:
    if measures or not ASKS.search(q):
        return None
    spend = _table(doc, (model.EXPENDITURE, model.GPB_EXPENDITURE))
    if spend is None:
        return None
    col = default_column(spend)
    total_r = total_row(spend, col)
    if col is None or total_r is None or total_r.cell(col) is None or not total_r.cell(col).value:
        return None
    total = CellRef(doc.document, spend, total_r, total_r.cell(col))
    parts, formulas, cites = [], [], [total.citation()]
    unit = unit_of(total)
    split = []
    for concept in ("基本支出", "项目支出"):
        path = next((c.path for c in spend.columns if column_concept(spend, c.path, doc.document.year) == concept
                     and total_r.cell(c.path) is not None), None)
        if path:
            ref = CellRef(doc.document, spend, total_r, total_r.cell(path))
            split.append(_share(concept, ref, total, unit, formulas, cites))
    if split:
        parts.append("按支出性质：" + "，".join(split))
    classes = _top(spend, col, lambda r: r.level == "类" or bool(r.code and len(r.code) == 3))
    bars = []
    if classes:
        lines = []
        for row in classes[:_TOP]:
            ref = CellRef(doc.document, spend, row, row.cell(col))
            lines.append(_share(plain_label(row.label), ref, total, unit, formulas, cites))
        bars = [ChartBar(plain_label(r.label), r.cell(col).value) for r in classes]
        parts.append("按功能分类，最多的是：" + "；".join(lines))
    econ = _table(doc, (model.GPB_BASIC, model.ECONOMIC_TABLE))
    if econ is not None:
        ecol = default_column(econ)
        etotal_r = total_row(econ, ecol)
        rows = _top(econ, ecol, lambda r: bool(r.code and len(r.code) == 3) or r.level == "类") if ecol else []
        if rows and etotal_r is not None and etotal_r.cell(ecol) is not None and etotal_r.cell(ecol).value:
            etotal = CellRef(doc.document, econ, etotal_r, etotal_r.cell(ecol))
            cites.append(etotal.citation())
            lines = []
            for row in rows[:_TOP]:
                ref = CellRef(doc.document, econ, row, row.cell(ecol))
                lines.append(_share(plain_label(row.label), ref, etotal, unit_of(ref), formulas, cites))
            parts.append(f"{econ.title}按经济分类，最多的是：" + "；".join(lines))
    if not parts:
        return None
    text = (f"{doc.document.label}支出合计 {arith.with_unit(total.value, unit)}（{total.where()}）。" + "。".join(parts)
            + "。")
    chart = Chart(f"{spend.title}：按功能分类", unit, tuple(bars)) if len(bars) > 1 else None
    return Answer(question, ANSWERED, text, None, None, "；".join(formulas), cites, chart=chart)


def _table(doc, kinds):
    for kind in kinds:
        t = next((t for t in doc.tables if t.kind == kind and t.rows), None)
        if t is not None:
            return t
    return None


def _top(table, col, test) -> list:
    rows = [r for r in table.rows if test(r) and r.cell(col) is not None and r.cell(col).value]
    return sorted(rows, key=lambda r: r.cell(col).value, reverse=True)


def _share(name: str, ref: CellRef, whole: CellRef, unit: str, formulas: list, cites: list) -> str:
    """One part of a whole as the overview states it ("基本支出 X 万元（Y%）"), its formula and citation kept."""
    r = arith.share(ref.value, whole.value)
    formulas.append(f"{name} {r.formula}")
    cites.append(ref.citation())
    return f"{name} {arith.with_unit(ref.value, unit)}（{arith.fmt(r.value)}%）"
