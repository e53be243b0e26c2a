"""Along a row: a subtotal column = the columns it adds up, as the header tree says (headers.py)."""
from __future__ import annotations

from ingest import templates

from .core import COLUMNS, code_of, compare, norm
from .doc import Doc


def column_sums(doc: Doc):
    for t in doc.of_kind(*templates.money_kinds()):
        groups = doc.header(t).groups
        if not groups:
            continue
        for r in t.rows:
            present = {c.column for c in r.cells}
            code = code_of(r)
            row_key = code or (f"{r.side}:{norm(r.label)}" if r.side else norm(r.label)) or f"#{r.ordinal}"
            for g in groups:
                members = [m for m in g.addends if m in present]
                if g.total not in present or not members:
                    continue  # e.g. the 项目 column of a side-by-side table: not a value column here
                yield compare(f"cols:{doc.key[t.ordinal]}:{row_key}:{g.total}", COLUMNS,
                              f"{t.title}：{code or ''}{r.label}行“{g.total}”应等于{'、'.join(members)}之和",
                              doc.term(t, r, g.total), [doc.term(t, r, m) for m in members])
