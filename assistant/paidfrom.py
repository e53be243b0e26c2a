"""「财政拨款“三公”经费」: a source of money said before a figure every template defines as paid from it.

The “三公” and their items are, by the definition every disclosure prints (名词解释: 「“三公”经费是指部门用
财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费」), paid from 财政拨款. A question that
says so (「财政拨款“三公”经费」) names no other figure than the plain 「“三公”经费」, but its words read as a
line 财政拨款 crossing a column “三公”经费 — which a table titled 「财政拨款安排的…“三公”经费预算表」 (a row
“三公”经费), 「一般公共预算“三公”经费预算表」 (a column 合计) or 「部门“三公”经费…预算表」 does not print. When the
qualified reading finds nothing, the figure is read as its plain name reads it; the 财政拨款 said adds no
condition that one fails. Any other source (一般公共预算, 政府性基金) is a real part and is never dropped.
"""
from __future__ import annotations

from dataclasses import replace

from ingest import model

from .synonyms import PARTS, ROW_FORMS

# Figures paid from 财政拨款 by their definition: the “三公” and their parts.
_BY_DEFINITION = ("三公经费", *PARTS["三公经费"], *PARTS["公务用车购置及运行费"])
_FIGURE_ROWS = frozenset(w for c in _BY_DEFINITION for w in ROW_FORMS.get(c, ()))
_FISCAL = frozenset(ROW_FORMS["财政拨款"])
_STAGES = ("预算", "预算数", "决算", "决算数", "金额")  # a column word that only says the stage (tables._STAGE_WORDS, and a 决算's)


def read(doc, measure, hint, candidates) -> list:
    """The cells of the first plain reading that finds the figure in a “三公” table (the figure the qualifier
    means, not an economic line of the same name: 30217 公务接待费 holds the basic spending only), else of the
    first that finds any."""
    found = [candidates(doc, bare, bare.table or hint, bare.prefer) for bare in plain(measure)]
    own = next(([c for c in out if c.table.kind == model.THREE_PUBLIC] for out in found
                if any(c.table.kind == model.THREE_PUBLIC for c in out)), [])
    return own or next((out for out in found if out), [])


def plain(measure):
    """The readings of ``measure`` without a 财政拨款 said before a figure defined as paid from it, in the
    order to try (the figure as a column, then as a line); [] when the measure is no such figure."""
    out = []
    if measure.within and measure.within <= _FISCAL and measure.rows and measure.rows <= _FIGURE_ROWS:
        # 「财政拨款安排的公务接待费预算」: the line under a 财政拨款 no table prints as its parent; 预算 its stage
        bare = replace(measure, within=None, alt=None)
        out += [bare, replace(bare, column=None)] if measure.column in _STAGES else [bare]
    if not measure.rows or not measure.rows <= _FISCAL:
        return out
    if measure.column in _BY_DEFINITION:
        out.append(replace(measure, rows=None, dual=False, alt=None))
    alt = measure.alt
    if alt is not None and alt.rows and alt.rows <= _FIGURE_ROWS and alt.column is None and \
            alt.within and alt.within <= _FISCAL:
        out.append(replace(alt, within=None))
    return out
