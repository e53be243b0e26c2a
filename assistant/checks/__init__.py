"""Fact check: does a disclosure agree with itself?

A budget disclosure states most figures several times: a 合计 row over its subjects, a parent subject over
its children, a 合计 column over its funding columns, the same subject in 收入总表, 支出总表 and the
financial-allocation tables, and the narrative restating the tables in words. ``run_checks`` recomputes
every identity the format implies, with exact ``Decimal`` arithmetic, and says for each whether it holds
(pass), holds up to the rounding of the printed figures (rounding — see core.py for the policy), does not
(fail), cannot be decided from what is printed (unchecked) or has nothing to apply to because a table is
missing (not_applicable).

Checks key on canonical table kinds, column meanings, the header tree, subject codes and enumeration
levels — never on one template's labels or one document's numbers. One module per family, one interface
(a generator of ``Check`` over a ``Doc``):

    sums.py         合计 rows, subject trees, the sides of 收支 tables, numbered lists
    columns.py      a subtotal column = its members (header tree: headers.py)
    changes.py      a 增减 column or row = this year's − last year's
    cross.py        收支总表 ~ 收入总表 ~ 支出总表
    fiscal.py       财政拨款收支总表 ~ the three source tables ~ 基本支出表 ~ 三公
    narrative.py    figures the text states ~ the cells that hold them (subjects.py: 类/款/项 named in words)
    rates.py        growth rates the text states ~ the figures of the same sentence
    performance.py  绩效目标表 units and costs
"""
from __future__ import annotations

from collections import Counter

from ingest.model import ParsedDocument

from . import cross, fiscal
from .changes import changes
from .columns import column_sums
from .core import (COLUMNS, CROSS_TABLE, FAIL, KINDS, NARRATIVE, NOT_APPLICABLE, PASS, PERFORMANCE, ROUNDING,
                   SUBJECT_TREE, TABLE_SUM, UNCHECKED, VERDICTS, CellRef, Check, finalize)
from .doc import Doc
from .narrative import narrative
from .performance import performance
from .rates import rates
from .report import render_text, summarize
from .sums import subject_trees, table_sums

__all__ = ["run_checks", "summarize", "render_text", "Check", "CellRef", "PASS", "ROUNDING", "FAIL", "UNCHECKED",
           "NOT_APPLICABLE", "VERDICTS", "KINDS", "TABLE_SUM", "SUBJECT_TREE", "COLUMNS", "CROSS_TABLE",
           "NARRATIVE", "PERFORMANCE"]


def _cross_tables(doc: Doc):
    for family in (cross.income_vs_expenditure, cross.summary_vs_detail, fiscal.fiscal_vs_split,
                   fiscal.basic_vs_gpb, fiscal.all_fiscal, fiscal.three_public_vs_basic, fiscal.other_totals):
        yield from family(doc)


FAMILIES = (table_sums, subject_trees, column_sums, changes, _cross_tables, narrative, rates, performance)


def run_checks(parsed: ParsedDocument) -> list[Check]:
    doc = Doc(parsed)
    checks = [c for family in FAMILIES for c in family(doc) if c is not None]
    seen: Counter = Counter()
    for c in checks:  # ids stay unique where a table lists the same line twice (one block per unit)
        seen[c.id] += 1
        if seen[c.id] > 1:
            c.id += f"#{seen[c.id]}"
    return finalize(checks)
