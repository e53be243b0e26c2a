"""One disclosure as the checks read it: tables by canonical kind, their header trees, total rows, and
cells as ``Term``s carrying their unit and printed precision."""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ingest import model
from ingest.model import Cell, ParsedDocument, Row, Table

from .core import UNIT_FACTORS, ZERO, CellRef, Term, code_of, norm
from .headers import Header, value_paths

_DECIMALS = re.compile(r"\.(\d+)")
TOTAL_LABELS = frozenset({"合计", "总计"})
# A table of one side only may head its list with the side's total ("收入总计" over 收入预算总表's lines).
_SIDE_TOTALS = frozenset({"收入总计", "支出总计", "收入合计", "支出合计"})


def decimals(raw: str) -> int:
    m = _DECIMALS.search(raw.replace(",", ""))
    return len(m.group(1)) if m else 0


def is_total_row(row: Row) -> bool:
    label = norm(row.label)
    return code_of(row) is None and (label in TOTAL_LABELS or (row.side is None and label in _SIDE_TOTALS))


class Doc:
    def __init__(self, parsed: ParsedDocument):
        self.parsed = parsed
        self.document = parsed.document
        self.tables = parsed.tables
        self.year = parsed.document.year
        counts = Counter(t.kind for t in parsed.tables)
        # a kind printed twice (other than performance tables) gets the ordinal in its check ids
        self.key = {t.ordinal: t.kind if counts[t.kind] == 1 or t.kind == model.PERFORMANCE
                    else f"{t.kind}#{t.ordinal}" for t in parsed.tables}
        self._headers: dict[tuple, Header] = {}
        self._places: dict[int, dict[str, int]] = {}

    def first(self, kind: str) -> Table | None:
        return next((t for t in self.tables if t.kind == kind), None)

    def of_kind(self, *kinds: str) -> list[Table]:
        return [t for t in self.tables if t.kind in kinds]

    def functional(self, kind: str) -> Table | None:
        """The table of this kind that lists function subjects (2xx): a template may print a second table
        of the same kind by economic subject (一般公共预算支出经济分类情况表)."""
        tables = self.of_kind(kind)
        return next((t for t in tables if any((code_of(r) or "").startswith("2") for r in t.rows)),
                    next((t for t in tables if not any(code_of(r) for r in t.rows)), tables[0] if tables else None))

    def table(self, ordinal: int) -> Table:
        return next(t for t in self.tables if t.ordinal == ordinal)

    # --- header tree ----------------------------------------------------------------------------------

    def header(self, table: Table, rows: list[Row] | None = None) -> Header:
        key = (table.ordinal, None if rows is None else tuple(r.ordinal for r in rows))
        if key not in self._headers:
            self._headers[key] = Header(table, self.year, value_paths(table, table.rows if rows is None else rows))
        return self._headers[key]

    def main_column(self, table: Table, row: Row | None = None) -> str | None:
        if row is None:
            return self.header(table).main()
        return self.header(table).main([c.column for c in row.cells])

    def column_for(self, table: Table, measure: str, row: Row | None = None) -> str | None:
        return self.header(table).column_for(measure, None if row is None else [c.column for c in row.cells])

    def total_row(self, table: Table) -> Row | None:
        return next((r for r in table.rows if is_total_row(r)), None)

    # --- cells as terms ---------------------------------------------------------------------------------

    def unit(self, table: Table, cell=None) -> str:
        for u in ((cell.unit if cell is not None else None), table.unit, self.document.unit):
            if u in UNIT_FACTORS:
                return u
        return "万元"

    def places(self, table: Table, column: str) -> int:
        """The precision a column prints at: its most decimals anywhere (a "25" in a column of "21.56"s
        is 25.00 with the zeros dropped by the printer, not a figure rounded to whole 万元)."""
        if table.ordinal not in self._places:
            best: dict[str, int] = {}
            for r in table.rows:
                for c in r.cells:
                    if c.value is not None and not c.blank:
                        best[c.column] = max(best.get(c.column, 0), decimals(c.raw))
            self._places[table.ordinal] = best
        return self._places[table.ordinal].get(column, 0)

    def term(self, table: Table, row: Row | None, column: str | None) -> Term:
        if row is None or column is None:
            return Term(ZERO)
        cell = row.cell(column)
        if cell is None:
            return Term(ZERO)
        value = ZERO if cell.blank else cell.value
        unit = self.unit(table, cell)
        ref = CellRef(self.document, table, row, cell, unit)
        places = None if cell.blank else max(decimals(cell.raw), self.places(table, column))
        return Term(value, ref, not cell.blank, unit, places)

    def empty_term(self, table: Table, column: str | None = None) -> Term:
        """A table printed without rows ("空表列示"): every amount in it is 0, cited at its total column."""
        column = column or next((c.path for c in table.columns if c.path.split("/")[-1] == "合计"), None)
        column = column or (table.columns[-1].path if table.columns else "合计")
        unit = self.unit(table)
        row = Row(ordinal=-1, label="（空表）", page=table.page)
        ref = CellRef(self.document, table, row, Cell(column, "", ZERO, blank=True, unit=unit), unit)
        return Term(ZERO, ref, False, unit)

    def total_term(self, table: Table, column: str | None = None) -> Term:
        """A table's total (its total row, in ``column`` or its main column); an empty table's is 0."""
        if not table.rows:
            return self.empty_term(table, column)
        row = self.total_row(table)
        return self.term(table, row, column or (self.main_column(table, row) if row else None))


def value(v: Decimal | None) -> Decimal:
    return ZERO if v is None else v
