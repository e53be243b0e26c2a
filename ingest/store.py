"""The structured side-store: SQLite, one row per cell, values as exact decimal strings (never floats).

A document (or a new version of one) is written, and whatever it retires deleted, in one transaction, so
a crash half-way leaves the previous state. Documents are versioned: a different file for the same
department, year and kind (预算/决算, 部门/单位) is stored beside the earlier ones with the next version
number; the newest ready version answers by default (``documents()``), every version is listed by
``versions()``. The SQL is plain (no SQLite-only syntax in queries) so another backend can serve it;
the schema lives in SCHEMA and _ADDED only.

A file that is not a healthy SQLite database (zero bytes, overwritten, truncated) raises ``StoreError``
with one Chinese sentence instead of being read as an empty corpus.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .errors import os_reason
from . import backend
from .model import Cell, CellRecord, Column, Document, ParsedDocument, Passage, Row, Table


@dataclass(frozen=True)
class MeasureCell:
    """One cell of a canonical measure across documents (``Store.measure``): value exact, fully cited."""
    doc_id: str
    department: str
    region: str
    year: int
    doc_kind: str  # 预算 | 决算
    table_ordinal: int
    table: str
    table_kind: str
    row_ordinal: int
    row: str
    code: str | None
    side: str | None
    page: int | None
    column: str
    meaning: str | None
    raw: str
    value: Decimal | None  # a blank money cell is 0; None when the text is not a number
    unit: str | None
    blank: bool


def _plain(label: str) -> str:
    """"一、基本支出" → "基本支出" (the ordinal and spaces a printed label carries)."""
    import re
    return re.sub(r"^(其中[:：]|[一二三四五六七八九十]+、|\d+[、.．]|（[一二三四五六七八九十\d]+）)\s*", "",
                  label.strip()).replace(" ", "")

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
    members TEXT NOT NULL DEFAULT '',  -- sha256 of each file it was read from (two for a split disclosure)
    version INTEGER NOT NULL DEFAULT 1  -- 1, 2, … per identity (department, year, kind, scope, part)
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
-- What the answering code derives from a document (a corpus question's figure per department, …), kept
-- beside it so a question across a thousand departments reads rows, not documents (ingest/derived.py).
CREATE TABLE IF NOT EXISTS derived (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    kind TEXT NOT NULL, key TEXT NOT NULL, version TEXT NOT NULL, payload TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, key)
);
-- Reading per question and across documents (Store.measure): names → documents, meanings → columns → cells.
CREATE INDEX IF NOT EXISTS documents_identity ON documents(department, year, kind);
CREATE INDEX IF NOT EXISTS columns_meaning ON columns(meaning, doc_id, table_ordinal);
CREATE INDEX IF NOT EXISTS tables_kind ON tables(kind);
CREATE INDEX IF NOT EXISTS rows_label ON rows(label);
CREATE INDEX IF NOT EXISTS cells_column ON cells(doc_id, table_ordinal, column_path);
"""

_DOC_FIELDS = "doc_id, title, department_code, department, year, kind, unit, source, sha256, region, scope, text_unit, part"
# Columns added since the first schema: a store written before them gains them on open.
_ADDED = {
    "documents": {"parser": "INTEGER NOT NULL DEFAULT 0", "indexed": "INTEGER NOT NULL DEFAULT 0",
                  "region": "TEXT NOT NULL DEFAULT ''", "scope": "TEXT NOT NULL DEFAULT '部门'",
                  "text_unit": "TEXT NOT NULL DEFAULT '万元'", "part": "TEXT NOT NULL DEFAULT ''",
                  "skipped": "TEXT NOT NULL DEFAULT ''", "members": "TEXT NOT NULL DEFAULT ''",
                  "version": "INTEGER NOT NULL DEFAULT 1"},
    "columns": {"meaning": "TEXT"},
    "rows": {"printed_page": "TEXT"},
    "cells": {"x0": "REAL", "top": "REAL", "x1": "REAL", "bottom": "REAL"},
}


# Two documents are versions of one disclosure when these agree (``d`` the one, ``n`` the other).
_SAME = ("n.department_code = d.department_code AND n.department = d.department AND n.year = d.year "
         "AND n.kind = d.kind AND n.scope = d.scope AND n.part = d.part")
_DOC_SELECT = (", ".join(f"d.{f.strip()}" for f in _DOC_FIELDS.split(",")) +
               f", d.version, (SELECT count(*) FROM documents n WHERE n.status = 'ready' AND {_SAME})")
# The newest ready version of its disclosure: the one that answers.
_CURRENT = f"NOT EXISTS (SELECT 1 FROM documents n WHERE n.status = 'ready' AND {_SAME} AND n.version > d.version)"
_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """The store cannot be used (damaged, unreadable, busy); the message is one Chinese sentence."""


def check_file(path: Path) -> str | None:
    """Why the file at ``path`` is not a whole SQLite database, or None when it looks whole.

    Reads only the 100-byte header: a zero-byte, overwritten or truncated file is named here rather than
    read as an empty corpus (SQLite itself treats a zero-byte file as a new empty database)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"无法读取（{os_reason(exc)}）"
    if size == 0:
        return "是空文件（0 字节）"
    if not head.startswith(_MAGIC[:len(head)]) or len(head) < 100:
        return "不是 SQLite 数据库（文件头已被改写）" if not head.startswith(_MAGIC[:len(head)]) else \
            f"被截断（只剩 {size} 字节）"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # A hot rollback journal beside it (a write cut short: full disk, kill -9) holds the pages to put back;
    # SQLite rolls it back on open, so a header ahead of the file's size is not truncation then.
    journal = path.with_name(path.name + "-journal")
    hot = journal.exists() and journal.stat().st_size > 0
    # The page count in the header is valid when its version-valid-for number matches the change counter.
    if not hot and head[92:96] == head[24:28] and pages and size < pages * page_size:
        return f"被截断（应有 {pages * page_size} 字节，只有 {size} 字节）"
    return None


def damaged(path: Path, why: str) -> StoreError:
    """The store's file is damaged: what is wrong (``why``, kept on the error as ``reason``) and what to do."""
    return _with_reason(why, StoreError(f"语料库存储 {path} {why}，无法读取；请运行 budgetqa doctor 查看并按提示恢复"
                      f"（从备份恢复该文件，或删除它和 chroma 目录后重新导入原文件）。"))


def _with_reason(why: str, exc: StoreError) -> StoreError:
    exc.reason = why
    return exc


def sqlite_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """One Chinese sentence for an error SQLite raised on the store."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(f"语料库存储 {path} 正被另一个进程写入，请稍后再试。")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"语料库存储 {path} 是只读的，无法写入。")
    if "full" in text:
        return StoreError(f"磁盘已满，无法写入语料库存储 {path}。")
    if "unable to open" in text:
        return StoreError(f"无法打开语料库存储 {path}（目录不存在或没有权限）。")
    return damaged(path, f"已损坏（SQLite：{exc}）")


def _create(path: Path) -> None:
    """Create the store with its schema under a temporary name, then link it into place only if no other
    process made one meanwhile: a zero-byte budgetqa.sqlite is therefore never ours, always damage."""
    fd, tmp = tempfile.mkstemp(prefix=".budgetqa-new-", suffix=".sqlite", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(SCHEMA)
        db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)


class Store:
    def __init__(self, path: str | Path):
        if backend.is_server(path):  # BUDGETQA_DATABASE_URL: PostgreSQL, the same schema (ingest/backend.py)
            self.path = path
            self.db = backend.connect(path)
            self.db.executescript(SCHEMA)
            for table, added in _ADDED.items():
                cols = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
                for col, decl in added.items():
                    if col not in cols:
                        self.db.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {col} {backend.translate(decl, False)}")
            return
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                _create(self.path)
        except OSError as exc:
            raise StoreError(f"无法创建语料库存储 {self.path}（{os_reason(exc)}）。") from exc
        except sqlite3.Error as exc:
            raise sqlite_error(self.path, exc) from exc
        why = check_file(self.path)
        if why:
            raise damaged(self.path, why)
        try:
            # Shared by the threads of one process (the app's sessions read documents on demand).
            self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.db.executescript(SCHEMA)
            for table, added in _ADDED.items():
                cols = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
                for col, decl in added.items():
                    if col not in cols:
                        self.db.execute(f"ALTER TABLE {table} ADD COLUMN {col} {decl}")
            self.db.commit()
        except sqlite3.Error as exc:
            raise sqlite_error(self.path, exc) from exc

    def close(self) -> None:
        self.db.close()

    def integrity(self) -> list[str]:
        """What the database's own consistency check finds wrong (empty when whole)."""
        try:
            found = [r[0] for r in self.db.execute("PRAGMA integrity_check")]
        except sqlite3.Error as exc:
            raise sqlite_error(self.path, exc) from exc
        return [f for f in found if f != "ok"]

    # --- documents -------------------------------------------------------------------------------------

    def _documents(self, where: str, args: tuple = ()) -> list[Document]:
        rows = self.db.execute(f"SELECT {_DOC_SELECT} FROM documents d WHERE {where} "
                               "ORDER BY d.year, d.department_code, d.department, d.version", args)
        return [Document(*r) for r in rows]

    def documents(self, include_pending: bool = False, versions: bool = False) -> list[Document]:
        """The documents that answer: the newest ready version of each disclosure (``versions``: every
        ready version; ``include_pending``: also documents whose write never finished)."""
        where = "1=1" if include_pending else "d.status = 'ready'"
        if not versions and not include_pending:
            where += f" AND {_CURRENT}"
        return self._documents(where)

    def document(self, doc_id: str) -> Document | None:
        found = self._documents("d.doc_id = ?", (doc_id,))
        return found[0] if found else None

    def is_current(self, doc_id: str) -> bool:
        return bool(self._documents(f"d.doc_id = ? AND d.status = 'ready' AND {_CURRENT}", (doc_id,)))

    def versions(self) -> list[dict]:
        """Every ready document with its version, whether it answers, its counts and when it came in."""
        out = []
        for d in self.documents(versions=True):
            ingested, source, indexed = self.db.execute(
                "SELECT ingested_at, source, indexed FROM documents WHERE doc_id = ?", (d.doc_id,)).fetchone()
            counts = self.counts(d.doc_id)
            out.append({"document": d.doc_id, "label": d.label, "department": d.department, "year": d.year,
                        "kind": d.kind, "scope": d.scope, "part": d.part, "version": d.version,
                        "versions": d.versions, "current": self.is_current(d.doc_id), "source": source,
                        "ingested_at": ingested, "indexed": bool(indexed), "tables": counts["tables"],
                        "cells": counts["cells"], "passages": counts["passages"]})
        return out

    def status(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT status FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def parser_version(self, doc_id: str) -> int | None:
        row = self.db.execute("SELECT parser FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def same_identity(self, doc: Document) -> list[str]:
        """Other stored versions (any status) of the same disclosure: department, year, kind, scope, part."""
        rows = self.db.execute(
            "SELECT doc_id FROM documents WHERE department_code = ? AND department = ? AND year = ? "
            "AND kind = ? AND scope = ? AND part = ? AND doc_id != ? ORDER BY version",
            (doc.department_code, doc.department, doc.year, doc.kind, doc.scope, doc.part, doc.doc_id))
        return [r[0] for r in rows]

    def current_version(self, doc: Document) -> Document | None:
        """The version of the same disclosure that answers now (other than ``doc`` itself), if any."""
        ids = set(self.same_identity(doc))
        return next((d for d in reversed(self._documents(f"d.status = 'ready' AND {_CURRENT}")) if d.doc_id in ids),
                    None)

    def other_half(self, doc: Document) -> str | None:
        """The stored other half (报表 for a 说明, or the reverse) of a disclosure published as two files."""
        want = {"说明": "报表", "报表": "说明"}.get(doc.part)
        row = self.db.execute(
            "SELECT doc_id FROM documents WHERE department = ? AND year = ? AND kind = ? AND part = ? "
            "AND status = 'ready' ORDER BY ingested_at DESC, version DESC",
            (doc.department, doc.year, doc.kind, want)).fetchone()
        return row[0] if row else None

    def containing(self, sha256: str) -> str | None:
        """The ready document read from a file with this digest, also when it was joined with another."""
        row = self.db.execute("SELECT doc_id FROM documents WHERE status = 'ready' AND instr(members, ?) > 0",
                              (sha256,)).fetchone()
        return row[0] if row else None

    def members(self, doc_id: str) -> list[str]:
        row = self.db.execute("SELECT members FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0].split() if row and row[0] else []

    def write(self, parsed: ParsedDocument, parser: int = 0, members: list[str] | None = None,
              replacing: list[str] = (), ready: bool = False) -> None:
        """Write a parsed document (replacing any earlier copy of the same file) and delete the documents it
        ``replacing``, in one transaction. It gets the next version number of its disclosure (a rewrite of
        the same file keeps its own). ``ready``: visible at once; else ``pending`` until ``publish``."""
        d = parsed.document
        with self.db:
            kept = self.db.execute("SELECT version FROM documents WHERE doc_id = ?", (d.doc_id,)).fetchone()
            if kept:
                version = kept[0]
            else:
                top = self.db.execute(
                    "SELECT max(version) FROM documents WHERE department_code = ? AND department = ? AND year = ? "
                    "AND kind = ? AND scope = ? AND part = ?",
                    (d.department_code, d.department, d.year, d.kind, d.scope, d.part)).fetchone()[0]
                version = (top or 0) + 1
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (d.doc_id,))
            self.db.execute(
                f"INSERT INTO documents ({_DOC_FIELDS}, status, parser, skipped, members, version) "
                f"VALUES ({', '.join('?' * 13)}, ?, ?, ?, ?, ?)",
                (d.doc_id, d.title, d.department_code, d.department, d.year, d.kind, d.unit, d.source, d.sha256,
                 d.region, d.scope, d.text_unit, d.part, "ready" if ready else "pending", parser,
                 "\n".join(parsed.skipped), " ".join(members or [d.sha256]), version))
            for t in parsed.tables:
                self._write_table(d.doc_id, t)
            self.db.executemany(
                "INSERT INTO passages VALUES (?, ?, ?, ?, ?)",
                [(d.doc_id, p.ordinal, p.section, p.text, p.page) for p in parsed.passages])
            from . import snapshot  # the tables' compact record, made from the rows just written (read back)
            self.db.execute("INSERT INTO derived (doc_id, kind, key, version, payload) VALUES (?, ?, '', ?, ?)",
                            (d.doc_id, snapshot.KIND, snapshot.VERSION, snapshot.dump(self.rows_tables(d.doc_id))))
            for old in replacing:
                if old != d.doc_id:
                    self.db.execute("DELETE FROM documents WHERE doc_id = ?", (old,))

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

    def delete(self, *doc_ids: str) -> None:
        """Delete documents (with their tables, rows, cells and passages), all in one transaction."""
        with self.db:
            for doc_id in doc_ids:
                self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    # --- reading back into the shared model ------------------------------------------------------------

    def load(self, doc_id: str) -> ParsedDocument:
        doc = self.document(doc_id)
        if doc is None:
            raise StoreError(f"文件 {doc_id} 已不在语料库中（可能刚被 --replace 导入的新版本取代），请重新提问。")
        return ParsedDocument(document=doc, tables=self.tables(doc_id), passages=self.passages(doc_id),
                              skipped=self.skipped(doc_id))

    def skipped(self, doc_id: str) -> list[str]:
        """What the reader could not read in this document, each with its pages."""
        row = self.db.execute("SELECT skipped FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return [s for s in row[0].split("\n") if s] if row else []

    def tables(self, doc_id: str) -> list[Table]:
        """The document's tables: from its compact record where there is one (ingest/snapshot.py), else
        read from its rows and cells (what the record is made from; equal either way)."""
        from . import snapshot
        return snapshot.read(self, doc_id) or self.rows_tables(doc_id)

    def rows_tables(self, doc_id: str) -> list[Table]:
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

    # --- across documents (corpus questions) -----------------------------------------------------------

    def target_years(self) -> dict[str, set[int]]:
        """doc_id → the years its performance tables set targets for (only documents that have any)."""
        out: dict[str, set[int]] = {}
        for doc_id, year in self.db.execute(
                "SELECT DISTINCT doc_id, target_year FROM tables WHERE target_year IS NOT NULL"):
            out.setdefault(doc_id, set()).add(int(year))
        return out

    def signature(self) -> tuple:
        """Changes whenever a document becomes ready, is replaced or deleted (by any process): an engine
        compares it to know its metadata is stale."""
        return tuple(self.db.execute(
            "SELECT count(*), coalesce(max(ingested_at), ''), coalesce(min(doc_id), ''), coalesce(max(doc_id), ''), "
            "coalesce(sum(indexed), 0) FROM documents WHERE status = 'ready'").fetchone())

    def ready_count(self, doc_ids: list[str]) -> int:
        """How many of these documents are ready (a pinned engine checks the ones it answers from)."""
        if not doc_ids:
            return 0
        marks = ", ".join("?" * len(doc_ids))
        return self.db.execute(f"SELECT count(*) FROM documents WHERE status = 'ready' AND doc_id IN ({marks})",
                               doc_ids).fetchone()[0]

    def measure(self, meaning: str | None = None, *, label: str | None = None, code: str | None = None,
                table_kind: str | None = None, year: int | None = None, doc_kind: str | None = None,
                doc_ids: list[str] | None = None, totals: bool = False) -> list[MeasureCell]:
        """The cells of every answering document (newest ready version) that hold a canonical measure, read
        with one indexed SQL query, never by loading documents: ``meaning`` is the column's canonical
        meaning (``Column.meaning``: 人员经费, 基本支出, 三公经费, 合计 …); ``label`` a row label (the plain
        label, or the label as printed), ``code`` a subject code, ``table_kind`` a canonical table kind,
        ``totals`` only the grand-total rows (合计 / 总计). Each cell comes with its document, table, row,
        column and page, its exact Decimal value and unit: the store side of corpus questions (rank the
        departments, sum across them or across years). See ``measure_sum`` for exact totals."""
        sql = ("SELECT d.doc_id, d.department, d.region, d.year, d.kind, t.ordinal, t.title, t.kind, "
               "r.ordinal, r.label, r.code, r.side, coalesce(r.page, t.page), c.column_path, k.meaning, c.raw, "
               "c.value, coalesce(c.unit, t.unit, d.unit), c.blank "
               "FROM columns k JOIN documents d ON d.doc_id = k.doc_id "
               "JOIN tables t ON t.doc_id = k.doc_id AND t.ordinal = k.table_ordinal "
               "JOIN cells c ON c.doc_id = k.doc_id AND c.table_ordinal = k.table_ordinal AND c.column_path = k.path "
               "JOIN rows r ON r.doc_id = c.doc_id AND r.table_ordinal = c.table_ordinal AND r.ordinal = c.row_ordinal "
               "WHERE d.status = 'ready'")
        args: list = []
        current = globals().get("_CURRENT")
        if current:  # only the version that answers
            sql += f" AND {current}"
        if meaning is not None:
            sql += " AND k.meaning = ?"
            args.append(meaning)
        if label is not None:
            sql += " AND (r.label = ? OR instr(r.label, ?) > 0)"
            args += [label, label]
        if code is not None:
            sql += " AND r.code = ?"
            args.append(code)
        if table_kind is not None:
            sql += " AND t.kind = ?"
            args.append(table_kind)
        if year is not None:
            sql += " AND d.year = ?"
            args.append(year)
        if doc_kind is not None:
            sql += " AND d.kind = ?"
            args.append(doc_kind)
        if doc_ids is not None:
            if not doc_ids:
                return []
            sql += f" AND d.doc_id IN ({', '.join('?' * len(doc_ids))})"
            args += list(doc_ids)
        if totals:
            sql += " AND (r.label IN ('合计', '总计') OR r.label LIKE '%总计' OR r.label LIKE '%合计')"
        sql += " ORDER BY d.year, d.department, t.ordinal, r.ordinal"
        out = []
        for r in self.db.execute(sql, args):
            if label is not None and r[9] != label and _plain(r[9]) != _plain(label):
                continue  # instr matched a longer label ("基本支出" in "一般公共预算基本支出"): only the label itself
            out.append(MeasureCell(doc_id=r[0], department=r[1], region=r[2], year=r[3], doc_kind=r[4],
                                   table_ordinal=r[5], table=r[6], table_kind=r[7], row_ordinal=r[8], row=r[9],
                                   code=r[10], side=r[11], page=r[12], column=r[13], meaning=r[14], raw=r[15],
                                   value=Decimal(0) if r[16] is None and r[18] else
                                   (None if r[16] is None else Decimal(str(r[16]))),
                                   unit=r[17], blank=bool(r[18])))
        return out

    def measure_sum(self, meaning: str | None = None, by: str = "doc", **where) -> list[tuple[tuple, Decimal, list[MeasureCell]]]:
        """Exact Decimal totals of ``measure(meaning, **where)`` grouped ``by`` "doc", "department" or "year"
        (or "all"), largest first; each group keeps its cells, so every total is cited cell by cell."""
        keys = {"doc": lambda c: (c.doc_id, c.department, c.year, c.doc_kind), "department": lambda c: (c.department,),
                "year": lambda c: (c.year,), "all": lambda c: ()}[by]
        groups: dict[tuple, list[MeasureCell]] = {}
        for c in self.measure(meaning, **where):
            if c.value is not None:
                groups.setdefault(keys(c), []).append(c)
        out = [(k, sum((c.value for c in cells), Decimal(0)), cells) for k, cells in groups.items()]
        return sorted(out, key=lambda g: g[1], reverse=True)
