"""A document's tables as one compact record beside their rows: the form a question reads them in.

A question about a department reads that department's tables from the store. Read cell by cell (one SQL
row per cell) the largest disclosures cost ~100 ms — 9,000 cells, each a Python tuple, then a ``Cell`` —
which at a thousand departments is most of a cold question's time (issue 14). The same tables kept as one
zlib-compressed ``marshal`` record load 4–5 times faster. The record is made from the rows as the store
reads them back (never from the parser's objects), so both ways give equal tables — a test compares them
on every real disclosure — and the rows stay the store's truth: a missing or stale record is only slower.
Kept in the ``derived`` table (ingest/derived.py), stamped with the model's shape, deleted with the document.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import marshal
import threading
import zlib
from decimal import Decimal

from . import derived
from .model import Cell, Column, Row, Table

KIND = "tables"
# The record's layout follows the model's fields: a change to them makes every record stale.
VERSION = "2-" + hashlib.sha1(repr([[f.name for f in dataclasses.fields(k)] for k in (Table, Column, Row, Cell)])
                              .encode()).hexdigest()[:12]


def _rows(t: Table) -> bytes:
    return marshal.dumps([(r.ordinal, r.label, r.number, r.code, r.code_kind, r.level, r.parent_code, r.side, r.page,
                           r.line, r.printed_page, r.indicator,
                           [(c.column, c.raw, None if c.value is None else str(c.value), c.blank, c.unit, c.comparator,
                             c.bbox) for c in r.cells]) for r in t.rows])


def dump(tables: list[Table]) -> str:
    # Each table's rows are a record of their own inside the record: a question reads the rows of the tables
    # it looks into, and a disclosure's 80 performance forms are decoded only when asked about.
    data = [(t.ordinal, t.title, t.kind, t.unit, t.page, t.section, t.note, t.project, t.goal, t.target_year,
             [(c.ordinal, c.path, c.number, c.meaning) for c in t.columns], _rows(t)) for t in tables]
    return base64.b64encode(zlib.compress(marshal.dumps(data), 1)).decode("ascii")


_DECODING = threading.Lock()


class KeptTable(Table):
    """A table whose rows are decoded from the record on first use (then held like any table's)."""

    def __getattr__(self, name: str):
        # Called only for an attribute the instance lacks: ``rows`` before its first use.
        if name == "rows":
            with _DECODING:  # two threads asking at once: one decodes, the other finds the rows set
                if "rows" not in self.__dict__:
                    self.__dict__["rows"] = self._decode(self.__dict__.pop("_blob"))
            return self.__dict__["rows"]
        raise AttributeError(name)

    @staticmethod
    def _decode(blob: bytes) -> list[Row]:
        return [Row(ordinal=ro, label=label, number=num, code=code, code_kind=ck, level=lv, parent_code=pc,
                    side=side, page=pg, line=line, printed_page=pp, indicator=ind,
                    cells=[Cell(col, raw, None if v is None else Decimal(v), blank, cu, cmp, box)
                           for col, raw, v, blank, cu, cmp, box in cells])
                for ro, label, num, code, ck, lv, pc, side, pg, line, pp, ind, cells in marshal.loads(blob)]

    def __eq__(self, other):  # equal to the same table read row by row (a plain Table)
        if not isinstance(other, Table):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(Table))

    __hash__ = None


def load(payload: str) -> list[Table]:
    out = []
    for (o, title, kind, unit, page, section, note, project, goal, year, cols, blob) in \
            marshal.loads(zlib.decompress(base64.b64decode(payload))):
        t = KeptTable.__new__(KeptTable)
        t.__dict__.update(ordinal=o, title=title, kind=kind, unit=unit, page=page, section=section, note=note,
                          project=project, goal=goal, target_year=year, _blob=blob,
                          columns=[Column(ordinal=a, path=p, number=n, meaning=m) for a, p, n, m in cols])
        out.append(t)
    return out


def read(store, doc_id: str) -> list[Table] | None:
    kept = derived.read(store, KIND, "", VERSION, [doc_id]).get(doc_id)
    return load(kept) if kept is not None else None


def keep(store, doc_ids: list[str]) -> int:
    """Make the record of each document that has none of this version (from its rows as read back)."""
    if not doc_ids:
        return 0
    have = derived.present(store, KIND, VERSION, doc_ids)
    made = 0
    for doc_id in doc_ids:
        if doc_id not in have:
            derived.write(store, KIND, VERSION, [(doc_id, "", dump(store.rows_tables(doc_id)))])
            made += 1
    return made
