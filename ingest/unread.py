"""What a reader saw in a table but could not read, said the same way by every reader.

Two kinds: a row whose cells do not fit its table's columns (a cell missing or one too many: which figure
belongs to which column cannot be known, so the row's figures are not read at all), and a money cell whose
text does not read as a number (``12,3a4``: kept as printed text, never as a value). Each is one line of
the document's ``skipped`` list — shown by the ingest summary as it is — and ``parse`` reads the line back
for ``budgetqa tables --json`` (table, row, page), so the store keeps a single list of what was skipped.
"""
from __future__ import annotations

import re

from . import templates
from .model import Table
from .values import looks_numeric

MISFIT = "misfit"
NOT_A_NUMBER = "not_a_number"

_LINE = re.compile(
    r"^表#(?P<table>\d+)《(?P<title>.*)》第(?P<row>\d+)行“(?P<label>.*)”（(?:第(?P<page>\d+)页)?(?:，)?"
    r"(?:原文第(?P<line>\d+)行)?）(?:“(?P<column>[^”]*)”列)?：(?P<reason>.*)$")


def describe(table: Table, row_number: int, label: str, reason: str, *, page: int | None = None,
             line: int | None = None, column: str | None = None) -> str:
    """One line: 表#8《…三公经费支出表》第1行“合计”（第12页，原文第398行）：…

    ``row_number`` counts the table's data rows from 1 as printed (a skipped row keeps its place)."""
    where = "，".join(x for x in (page and f"第{page}页", line and f"原文第{line}行") if x)
    col = f"“{column}”列" if column else ""
    return f"表#{table.ordinal}《{table.title}》第{row_number}行“{label}”（{where}）{col}：{reason}"


def parse(text: str) -> dict | None:
    """A line written by ``describe`` as a record; None for any other skipped line."""
    m = _LINE.match(text)
    if not m:
        return None
    kind = MISFIT if m.group("column") is None else NOT_A_NUMBER
    return {"kind": kind, "table": int(m.group("table")), "title": m.group("title"), "row": int(m.group("row")),
            "label": m.group("label"), "page": int(m.group("page")) if m.group("page") else None,
            "line": int(m.group("line")) if m.group("line") else None, "column": m.group("column"),
            "reason": m.group("reason")}


def for_table(skipped: list[str], table: Table) -> list[dict]:
    """The records of ``skipped`` about this table (by title: a two-file disclosure renumbers its tables)."""
    out = [r for s in skipped if (r := parse(s)) is not None and r["title"] == table.title]
    if len({r["table"] for r in out}) > 1:  # several tables with this title: the ordinal tells them apart
        out = [r for r in out if r["table"] == table.ordinal]
    return out


def not_a_number(tables: list[Table]) -> list[str]:
    """Money cells printed as a figure that does not read as one (``12,3a4``, ``1.2.3``): one line each."""
    money_kinds = templates.money_kinds()
    out = []
    for t in tables:
        if t.kind not in money_kinds:
            continue
        for k, row in enumerate(t.rows, start=1):
            for c in row.cells:
                if c.value is None and c.raw and not c.blank and looks_numeric(c.raw):
                    out.append(describe(t, k, row.label, f"“{c.raw}”不是一个数字，未作为金额读取",
                                        page=row.page, line=row.line, column=c.column))
    return out
