"""From what a question names to the cells that hold it: measures, candidates, readings, sets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import model
from ingest.model import Row, Table

from .corpus import TABLE_PRIORITY, CellRef, LoadedDocument, default_column, plain_label, total_row, value_columns
from .vocab import Mention


@dataclass(frozen=True)
class Measure:
    """One figure a question asks about: a row (None: the table's total) and a column (None: the default)."""
    rows: frozenset[str] | None
    column: str | None
    text: str
    position: int


def measures_from(mentions: list[Mention]) -> list[Measure]:
    row_ms = [m for m in mentions if m.rows]
    col_ms = [m for m in mentions if m.column and not m.rows]
    dual = [m for m in row_ms if m.column]
    # A name that is both a row and a column ("上年结转", "事业收入") is a column when another row is named.
    if dual and len(row_ms) > len(dual):
        col_ms += dual
        row_ms = [m for m in row_ms if not m.column]
    out: list[Measure] = []
    if row_ms and col_ms:
        if len(col_ms) == 1:
            out = [Measure(frozenset(r.rows), col_ms[0].column, r.text + col_ms[0].text, r.start) for r in row_ms]
        elif len(row_ms) == 1:
            out = [Measure(frozenset(row_ms[0].rows), c.column, row_ms[0].text + c.text, c.start) for c in col_ms]
        else:
            out = [Measure(frozenset(r.rows), c.column, r.text + c.text, r.start) for r, c in zip(row_ms, col_ms)]
    elif row_ms:
        out = [Measure(frozenset(r.rows), r.column, r.text, r.start) for r in row_ms]
    elif col_ms:
        out = [Measure(None, c.column, c.text, c.start) for c in col_ms]
    return sorted(out, key=lambda m: m.position)


def ordered_tables(doc: LoadedDocument, hint: str | None) -> list[Table]:
    rank = {k: i for i, k in enumerate(TABLE_PRIORITY)}
    tables = [t for t in doc.tables if t.kind in rank]
    if hint:
        tables = [t for t in tables if t.kind == hint] or tables
    return sorted(tables, key=lambda t: rank[t.kind])


def _column_for(table: Table, row: Row, leaf: str | None) -> str | None:
    if leaf is None:
        return default_column(table, row.side)
    cols = [c for c in value_columns(table) if c.split("/")[-1] == leaf]
    if row.side:
        cols = [c for c in cols if c.startswith(row.side + "/")] or ([] if len(cols) > 1 else cols)
    return cols[0] if cols else None


def candidates(doc: LoadedDocument, measure: Measure, hint: str | None) -> list[CellRef]:
    out = []
    for t in ordered_tables(doc, hint):
        if measure.rows is None:
            cols = [c for c in value_columns(t) if c.split("/")[-1] == measure.column]
            rows = [(total_row(t, c), c) for c in cols]
        else:
            rows = [(r, _column_for(t, r, measure.column)) for r in t.rows if plain_label(r.label) in measure.rows]
        for r, col in rows:
            if r is None or col is None:
                continue
            cell = r.cell(col)
            if cell is not None and cell.value is not None:
                out.append(CellRef(doc.document, t, r, cell))
    return out


def readings(cands: list[CellRef]) -> list[CellRef]:
    """One candidate per distinct value, in table priority; a blank cell is no reading where a printed one exists."""
    printed = [c for c in cands if not c.cell.blank]
    pool = printed or cands
    seen: dict = {}
    for c in pool:
        seen.setdefault(c.value, c)
    return list(seen.values())


def pick_together(options: list[list[CellRef]]) -> list[CellRef]:
    """For a calculation over several figures, read them from the same table where one holds them all."""
    if not options or any(not o for o in options):
        return []
    for kind in TABLE_PRIORITY:
        chosen = []
        for o in options:
            hit = next((c for c in o if c.table.kind == kind and not c.cell.blank), None) or \
                next((c for c in o if c.table.kind == kind), None)
            if hit is None:
                break
            chosen.append(hit)
        if len(chosen) == len(options):
            return chosen
    return [readings(o)[0] for o in options]


# --- sets of rows: for rankings, counts and lists ---------------------------------------------------------

_LEVEL_WORDS = {"类": ("类", "大类"), "款": ("款",), "项": ("项级", "项科目", "7位", "七位")}
_TOP_ITEM = re.compile(r"^[一二三四五六七八九十]+、")


def children(table: Table, parent: Row) -> list[Row]:
    if parent.code:
        return [r for r in table.rows if r.parent_code == parent.code]
    # Uncoded tables nest by their printed numbering: "一、…" items, then "其中：…" rows under them.
    idx = table.rows.index(parent)
    out = []
    top = bool(_TOP_ITEM.match(parent.label))
    for r in table.rows[idx + 1:]:
        if r.side != parent.side:
            continue
        if top and _TOP_ITEM.match(r.label):
            break
        if not top and plain_label(r.label) in ("合计",):
            break
        if top or _TOP_ITEM.match(r.label):
            out.append(r)
    return out if top else [r for r in out if _TOP_ITEM.match(r.label)]


@dataclass
class RowSet:
    table: Table
    rows: list[Row]
    column: str
    description: str


def row_set(doc: LoadedDocument, q: str, parent: Measure | None, column: str | None, hint: str | None) -> RowSet | None:
    """The rows a ranking/count/list question ranges over."""
    tables = ordered_tables(doc, hint)
    if parent is not None and parent.rows:
        for t in tables:
            for r in t.rows:
                if plain_label(r.label) in parent.rows:
                    kids = children(t, r)
                    col = _column_for(t, kids[0], column) if kids else None
                    if kids and col:
                        return RowSet(t, kids, col, f"{plain_label(r.label)}的明细")
    level = next((lv for lv, words in _LEVEL_WORDS.items() if any(w in q for w in words)), None)
    economic = "经济分类" in q or hint == model.GPB_BASIC
    if any(w in q for w in ("收入来源", "从哪", "钱从", "收入中", "收入里", "收入渠道")):
        for t in tables:
            if t.kind == model.SUMMARY:
                rows = [r for r in t.rows if r.side == "收入" and (_TOP_ITEM.match(r.label) or "结转" in r.label)]
                col = default_column(t, "收入")
                return RowSet(t, rows, col, "收入来源")
    for t in tables:
        if t.kind in (model.SUMMARY, model.FISCAL_SUMMARY, model.THREE_PUBLIC, model.FIXED_ASSETS):
            continue
        kind = model.ECONOMIC if economic else model.FUNCTION
        rows = [r for r in t.rows if r.code_kind == kind and r.level == (level or "类")]
        if not rows:
            continue
        col = _column_for(t, rows[0], column)
        if col:
            return RowSet(t, rows, col, f"{'经济' if economic else '功能'}分类{level or '类'}级科目")
    return None
