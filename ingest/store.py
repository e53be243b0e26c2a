"""The structured side-store: SQLite, one row per cell, values as exact decimal strings (never floats).

A document is written in one transaction with status ``pending`` and becomes visible only when marked
``ready`` (after its vectors are in the text index), so a crash half-way leaves nothing half-visible.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from .model import Cell, CellRecord, Column, Document, ParsedDocument, Passage, Row, Table

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    department_code TEXT NOT NULL, department TEXT NOT NULL, year INTEGER NOT NULL,
    kind TEXT NOT NULL, unit TEXT NOT NULL, source TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'ready')),
    ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
    parser INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,  -- 1 once every passage and row is in the text index
    region TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '部门',
    text_unit TEXT NOT NULL DEFAULT '万元', part TEXT NOT NULL DEFAULT '',
    skipped TEXT NOT NULL DEFAULT '',  -- what the reader could not read, one line each, with pages
    members TEXT NOT NULL DEFAULT ''  -- sha256 of each file it was read from (two for a split disclosure)
);
CREATE TABLE IF NOT EXISTS tables (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT, page INTEGER,
    section TEXT, note TEXT, project TEXT, goal TEXT, target_year INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE TABLE IF NOT EXISTS columns (
    doc_id TEXT NOT NULL, table_ordinal INTEGER NOT NULL, ordinal INTEGER NOT NULL,
    path TEXT NOT NULL, number TEXT, meaning TEXT,
    PRIMARY KEY (doc_id, table_ordinal, ordinal),
    FOREIGN KEY (doc_id, table_ordinal) REFERENCES tables(doc_id, ordinal) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS rows (
    doc_id TEXT NOT NULL, table_ordinal INTEGER NOT NULL, ordinal INTEGER NOT NULL,
    label TEXT NOT NULL, number TEXT, code TEXT, code_kind TEXT, level TEXT, parent_code TEXT,
    side TEXT, page INTEGER, line INTEGER, indicator1 TEXT, indicator2 TEXT, indicator3 TEXT,
    printed_page TEXT,
    PRIMARY KEY (doc_id, table_ordinal, ordinal),
    FOREIGN KEY (doc_id, table_ordinal) REFERENCES tables(doc_id, ordinal) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS cells (
    doc_id TEXT NOT NULL, table_ordinal INTEGER NOT NULL, row_ordinal INTEGER NOT NULL,
    column_path TEXT NOT NULL, raw TEXT NOT NULL,
    value TEXT,  -- exact decimal as text; NULL when the cell holds no number
    blank INTEGER NOT NULL, unit TEXT, comparator TEXT,
    x0 REAL, top REAL, x1 REAL, bottom REAL,  -- the cell on its PDF page (points, top-left origin)
    PRIMARY KEY (doc_id, table_ordinal, row_ordinal, column_path),
    FOREIGN KEY (doc_id, table_ordinal, row_ordinal) REFERENCES rows(doc_id, table_ordinal, ordinal)
        ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS passages (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL, page INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
"""

_DOC_FIELDS = "doc_id, title, department_code, department, year, kind, unit, source, sha256, region, scope, text_unit, part"
# Columns added since the first schema: a store written before them gains them on open.
_ADDED = {
    "documents": {"parser": "INTEGER NOT NULL DEFAULT 0", "indexed": "INTEGER NOT NULL DEFAULT 0",
                  "region": "TEXT NOT NULL DEFAULT ''", "scope": "TEXT NOT NULL DEFAULT '部门'",
                  "text_unit": "TEXT NOT NULL DEFAULT '万元'", "part": "TEXT NOT NULL DEFAULT ''",
                  "skipped": "TEXT NOT NULL DEFAULT ''", "members": "TEXT NOT NULL DEFAULT ''"},
    "columns": {"meaning": "TEXT"},
    "rows": {"printed_page": "TEXT"},
    "cells": {"x0": "REAL", "top": "REAL", "x1": "REAL", "bottom": "REAL"},
}


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.executescript(SCHEMA)
        for table, added in _ADDED.items():
            cols = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            for col, decl in added.items():
                if col not in cols:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {col} {decl}")

    def close(self) -> None:
        self.db.close()

    # --- documents -------------------------------------------------------------------------------------

    def documents(self, include_pending: bool = False) -> list[Document]:
        where = "" if include_pending else "WHERE status = 'ready'"
        rows = self.db.execute(f"SELECT {_DOC_FIELDS} FROM documents {where} ORDER BY year, department_code")
        return [Document(*r) for r in rows]

    def status(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT status FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def parser_version(self, doc_id: str) -> int | None:
        row = self.db.execute("SELECT parser FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def same_identity(self, doc: Document) -> list[str]:
        """Other documents for the same department, year and kind: a re-published disclosure replaces them."""
        rows = self.db.execute(
            "SELECT doc_id FROM documents WHERE department_code = ? AND department = ? AND year = ? "
            "AND kind = ? AND part = ? AND doc_id != ?",
            (doc.department_code, doc.department, doc.year, doc.kind, doc.part, doc.doc_id))
        return [r[0] for r in rows]

    def other_half(self, doc: Document) -> str | None:
        """The stored other half (报表 for a 说明, or the reverse) of a disclosure published as two files."""
        want = {"说明": "报表", "报表": "说明"}.get(doc.part)
        row = self.db.execute(
            "SELECT doc_id FROM documents WHERE department = ? AND year = ? AND kind = ? AND part = ? "
            "AND status = 'ready' ORDER BY ingested_at DESC", (doc.department, doc.year, doc.kind, want)).fetchone()
        return row[0] if row else None

    def containing(self, sha256: str) -> str | None:
        """The ready document read from a file with this digest, also when it was joined with another."""
        row = self.db.execute("SELECT doc_id FROM documents WHERE status = 'ready' AND instr(members, ?) > 0",
                              (sha256,)).fetchone()
        return row[0] if row else None

    def members(self, doc_id: str) -> list[str]:
        row = self.db.execute("SELECT members FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0].split() if row and row[0] else []

    def write(self, parsed: ParsedDocument, parser: int = 0, members: list[str] | None = None) -> None:
        """Write a parsed document (replacing any earlier copy of it) as pending, in one transaction."""
        d = parsed.document
        with self.db:
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (d.doc_id,))
            self.db.execute(
                f"INSERT INTO documents ({_DOC_FIELDS}, status, parser, skipped, members) "
                f"VALUES ({', '.join('?' * 13)}, 'pending', ?, ?, ?)",
                (d.doc_id, d.title, d.department_code, d.department, d.year, d.kind, d.unit, d.source, d.sha256,
                 d.region, d.scope, d.text_unit, d.part, parser, "\n".join(parsed.skipped),
                 " ".join(members or [d.sha256])))
            for t in parsed.tables:
                self._write_table(d.doc_id, t)
            self.db.executemany(
                "INSERT INTO passages VALUES (?, ?, ?, ?, ?)",
                [(d.doc_id, p.ordinal, p.section, p.text, p.page) for p in parsed.passages])

    def _write_table(self, doc_id: str, t: Table) -> None:
        self.db.execute("INSERT INTO tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (doc_id, t.ordinal, t.title, t.kind, t.unit, t.page, t.section, t.note, t.project,
                         t.goal, t.target_year))
        self.db.executemany("INSERT INTO columns VALUES (?, ?, ?, ?, ?, ?)",
                            [(doc_id, t.ordinal, c.ordinal, c.path, c.number, c.meaning) for c in t.columns])
        for r in t.rows:
            ind = r.indicator or (None, None, None)
            self.db.execute("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (doc_id, t.ordinal, r.ordinal, r.label, r.number, r.code, r.code_kind, r.level,
                             r.parent_code, r.side, r.page, r.line, *ind, r.printed_page))
            self.db.executemany(
                "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, t.ordinal, r.ordinal, c.column, c.raw, None if c.value is None else str(c.value),
                  int(c.blank), c.unit, c.comparator, *(c.bbox or (None,) * 4)) for c in r.cells])

    def publish(self, doc_id: str, replacing: list[str] = ()) -> None:
        """Make a written document visible and drop the versions it replaces, in one transaction."""
        with self.db:
            self.db.execute("UPDATE documents SET status = 'ready' WHERE doc_id = ?", (doc_id,))
            for old in replacing:
                self.db.execute("DELETE FROM documents WHERE doc_id = ?", (old,))

    def is_indexed(self, doc_id: str) -> bool:
        row = self.db.execute("SELECT indexed FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return bool(row and row[0])

    def mark_indexed(self, doc_id: str) -> None:
        with self.db:
            self.db.execute("UPDATE documents SET indexed = 1 WHERE doc_id = ?", (doc_id,))

    def delete(self, doc_id: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    # --- reading back into the shared model ------------------------------------------------------------

    def load(self, doc_id: str) -> ParsedDocument:
        doc = Document(*self.db.execute(f"SELECT {_DOC_FIELDS} FROM documents WHERE doc_id = ?",
                                        (doc_id,)).fetchone())
        return ParsedDocument(document=doc, tables=self.tables(doc_id), passages=self.passages(doc_id),
                              skipped=self.skipped(doc_id))

    def skipped(self, doc_id: str) -> list[str]:
        """What the reader could not read in this document, each with its pages."""
        row = self.db.execute("SELECT skipped FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return [s for s in row[0].split("\n") if s] if row else []

    def tables(self, doc_id: str) -> list[Table]:
        tables = {
            r[0]: Table(ordinal=r[0], title=r[1], kind=r[2], unit=r[3], page=r[4], section=r[5], note=r[6],
                        project=r[7], goal=r[8], target_year=r[9])
            for r in self.db.execute(
                "SELECT ordinal, title, kind, unit, page, section, note, project, goal, target_year "
                "FROM tables WHERE doc_id = ? ORDER BY ordinal", (doc_id,))}
        for t_ord, ordinal, path, number, meaning in self.db.execute(
                "SELECT table_ordinal, ordinal, path, number, meaning FROM columns WHERE doc_id = ? "
                "ORDER BY table_ordinal, ordinal", (doc_id,)):
            tables[t_ord].columns.append(Column(ordinal=ordinal, path=path, number=number, meaning=meaning))
        rows: dict[tuple[int, int], Row] = {}
        for r in self.db.execute(
                "SELECT table_ordinal, ordinal, label, number, code, code_kind, level, parent_code, side, page, "
                "line, indicator1, indicator2, indicator3, printed_page FROM rows WHERE doc_id = ? "
                "ORDER BY table_ordinal, ordinal", (doc_id,)):
            row = Row(ordinal=r[1], label=r[2], number=r[3], code=r[4], code_kind=r[5], level=r[6],
                      parent_code=r[7], side=r[8], page=r[9], line=r[10],
                      indicator=(r[11], r[12], r[13]) if r[11] is not None else None, printed_page=r[14])
            tables[r[0]].rows.append(row)
            rows[(r[0], r[1])] = row
        order = {(t.ordinal, c.path): c.ordinal for t in tables.values() for c in t.columns}
        cells = sorted(self.db.execute(
            "SELECT table_ordinal, row_ordinal, column_path, raw, value, blank, unit, comparator, x0, top, x1, "
            "bottom FROM cells WHERE doc_id = ?", (doc_id,)), key=lambda c: (c[0], c[1], order.get((c[0], c[2]), 0)))
        for t_ord, r_ord, col, raw, value, blank, unit, cmp, *box in cells:
            rows[(t_ord, r_ord)].cells.append(
                Cell(column=col, raw=raw, value=None if value is None else Decimal(value), blank=bool(blank),
                     unit=unit, comparator=cmp, bbox=tuple(box) if box[0] is not None else None))
        return list(tables.values())

    def passages(self, doc_id: str) -> list[Passage]:
        return [Passage(ordinal=r[0], section=r[1], text=r[2], page=r[3]) for r in self.db.execute(
            "SELECT ordinal, section, text, page FROM passages WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]

    def cells(self, doc_id: str | None = None, table: str | None = None) -> Iterator[CellRecord]:
        """Every cell of the ready documents, optionally of one document and of tables whose title or kind
        contains ``table``."""
        sql = ("SELECT c.doc_id, t.title, t.ordinal, t.kind, r.ordinal, r.label, r.code, c.column_path, c.raw, "
               "c.value, c.blank, c.unit, c.comparator, r.page, r.side, c.x0, c.top, c.x1, c.bottom, r.printed_page "
               "FROM cells c JOIN documents d ON d.doc_id = c.doc_id AND d.status = 'ready' "
               "JOIN tables t ON t.doc_id = c.doc_id AND t.ordinal = c.table_ordinal "
               "JOIN rows r ON r.doc_id = c.doc_id AND r.table_ordinal = c.table_ordinal "
               "AND r.ordinal = c.row_ordinal "
               "LEFT JOIN columns k ON k.doc_id = c.doc_id AND k.table_ordinal = c.table_ordinal "
               "AND k.path = c.column_path WHERE 1=1")
        args: list = []
        if doc_id:
            sql += " AND c.doc_id = ?"
            args.append(doc_id)
        if table:
            sql += " AND (instr(t.title, ?) > 0 OR instr(t.kind, ?) > 0)"
            args += [table, table]
        sql += " ORDER BY c.doc_id, t.ordinal, r.ordinal, k.ordinal"
        for r in self.db.execute(sql, args):
            yield CellRecord(document=r[0], table=r[1], table_ordinal=r[2], table_kind=r[3], row_ordinal=r[4],
                             row_label=r[5], code=r[6], column=r[7], raw=r[8],
                             value=None if r[9] is None else Decimal(r[9]), blank=bool(r[10]), unit=r[11],
                             comparator=r[12], page=r[13], side=r[14],
                             bbox=tuple(r[15:19]) if r[15] is not None else None, printed_page=r[19])

    def counts(self, doc_id: str | None = None) -> dict[str, int]:
        out = {}
        for name in ("documents", "tables", "rows", "cells", "passages"):
            sql = f"SELECT count(*) FROM {name}" + (" WHERE doc_id = ?" if doc_id else "")
            out[name] = self.db.execute(sql, (doc_id,) if doc_id else ()).fetchone()[0]
        return out
