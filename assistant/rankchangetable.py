"""The items of a table printing last year's column beside this year's (「2025年执行数 | 2026年预算数 | 增减 | 增减(%)」,
the central departments' 一般公共预算支出表), read for a ranking by change when the narrative states no item's
change (assistant/rankchange.py): each row of the level asked (类, 款, 项 by its function code), its printed 增减 and
增减率 where the table prints them, else computed from the two years' cells with the formula.
"""
from __future__ import annotations

import re

from . import arith, lastyear
from .corpus import CellRef, default_column, unit_of

_LEVELS = {"类": "类", "款": "款", "项": "项"}


def _rows(table, level: str):
    return [r for r in table.rows if r.level == level and r.code and (r.code_kind or "function").lower() == "function"]


def items(doc, level: str, wanted: str | None, q: str):
    """(items, unit, where) of the first table printing last year's figures for rows of the level asked."""
    from .rankchange import Item
    if level not in _LEVELS:
        return None
    year = doc.document.year
    for table in doc.tables:
        if not lastyear.prior_columns(table, year):
            continue
        rows = _rows(table, level)
        own = default_column(table)
        if len(rows) < 2 or own is None:
            continue
        out, units = [], set()
        for row in rows:
            cell = row.cell(own)
            if cell is None or cell.value is None:
                continue
            now = CellRef(doc.document, table, row, cell)
            pair = lastyear.pair_for(now, q)
            if pair is None or (wanted and pair.basis and not lastyear.compatible(wanted, pair.basis)):
                continue
            unit = unit_of(now)
            units.add(unit)
            it = Item(row.label, [], basis=pair.basis, page=row.page or table.page)
            prior = pair.prior.cell.value
            if pair.change is not None:
                it.change = pair.change.cell.value
            else:
                it.change = now.cell.value - prior
                it.formula = f"变化 {arith.fmt(now.cell.value)} − {arith.fmt(prior)} = {arith.fmt(it.change)} {unit}"
            if pair.rate is not None:
                it.rate = pair.rate.cell.value
            elif prior:
                r = arith.change_rate(it.change, prior)
                it.rate = r.value if it.change >= 0 else -r.value
                it.rate_formula = f"幅度 {r.formula}"
            it.cites = [c.citation() for c in (now, pair.prior, pair.change, pair.rate) if c is not None]
            _deducted(it, pair, unit)
            out.append(it)
        if len(out) >= 2 and len(units) == 1:
            return out, units.pop(), f"{table.title}（第{table.page or out[0].page}页）"
    return None



def _deducted(it, pair, unit: str) -> None:
    """The row read with a part taken out where the table prints it so (扣除中央基建投资后): the other reading."""
    d = lastyear.deducted_pair(pair)
    if d is None or (d.now.cell.value == pair.now.cell.value and d.prior.cell.value == pair.prior.cell.value):
        return
    now, prior = d.now.cell.value, d.prior.cell.value
    change = d.change.cell.value if d.change is not None else now - prior
    rate = d.rate.cell.value if d.rate is not None else (
        (arith.change_rate(change, prior).value * (1 if change >= 0 else -1)) if prior else None)
    it.alt = (change, rate)
    it.alt_said = "表中" + re.sub(r"(?:预算数|执行数|决算数)$", "", d.now.cell.column.split("/")[-1]) + "的数"
    it.cites += [c.citation() for c in (d.now, d.prior, d.change, d.rate) if c is not None]
