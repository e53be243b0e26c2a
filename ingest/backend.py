"""Servers chosen by configuration alone: PostgreSQL as the side-store, a Chroma server as the text index.

    BUDGETQA_DATABASE_URL=postgresql://user@127.0.0.1:5432/budgetqa   # else SQLite in the home directory
    BUDGETQA_CHROMA_URL=http://127.0.0.1:8000                          # else persistent Chroma in the home

The store's SQL is written once, for SQLite (``ingest/store.py``); ``PgConnection`` gives a psycopg 3
connection the small part of the ``sqlite3.Connection`` interface the store uses (``execute``,
``executemany``, ``executescript``, ``commit``, ``rollback``, ``with conn:`` as one transaction,
``in_transaction``) and translates the few SQLite words in it: ``?`` parameters, ``PRAGMA table_info``,
``datetime('now')``, ``REAL`` (double precision, so a cell's box is kept as SQLite keeps it) and ``instr``
(a SQL function created with the schema). The schema is the same; values stay exact decimal text, as in
SQLite. Several processes (replicas) share the server: each answers from the same rows, and an ingest by
one is seen by the others (``Store.signature``). See docs/deploy.md.
"""
from __future__ import annotations

import os
import re
import threading
from urllib.parse import urlparse

DATABASE_ENV = "BUDGETQA_DATABASE_URL"
CHROMA_ENV = "BUDGETQA_CHROMA_URL"


def database_url() -> str | None:
    url = os.environ.get(DATABASE_ENV, "").strip()
    return url or None


def chroma_url() -> str | None:
    url = os.environ.get(CHROMA_ENV, "").strip()
    return url or None


def is_server(target) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def chroma_client(path, settings):
    """A Chroma server's HTTP client when BUDGETQA_CHROMA_URL is set, else the persistent client at ``path``."""
    import chromadb
    url = chroma_url()
    if url is None:
        return chromadb.PersistentClient(path=str(path), settings=settings)
    u = urlparse(url)
    return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or (443 if u.scheme == "https" else 8000),
                               ssl=u.scheme == "https", settings=settings)


# --- PostgreSQL --------------------------------------------------------------------------------------

_FUNCTIONS = """
CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer AS $$ SELECT strpos($1, $2) $$
    LANGUAGE SQL IMMUTABLE STRICT;
"""
_TABLE_INFO = re.compile(r"^\s*PRAGMA\s+table_info\((\w+)\)\s*$", re.I)


def translate(sql: str, with_args: bool) -> str:
    """SQLite's SQL as PostgreSQL reads it (the store's statements only use these differences)."""
    sql = sql.replace("datetime('now')", "to_char(now() AT TIME ZONE 'utc', 'YYYY-MM-DD HH24:MI:SS')")
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    if with_args:
        sql = sql.replace("%", "%%")
        sql = re.sub(r"\?", "%s", sql)
    return sql


class _Rows:
    """A finished result, iterable like a sqlite3 cursor."""

    def __init__(self, rows, description=None, rowcount=-1):
        self._rows = list(rows)
        self.description = description
        self.rowcount = rowcount

    def __iter__(self):
        return iter(self._rows)

    def fetchone(self):
        return self._rows.pop(0) if self._rows else None

    def fetchall(self):
        rows, self._rows = self._rows, []
        return rows


class PgConnection:
    """psycopg 3 behind the sqlite3.Connection interface the store uses (autocommit; ``with conn:`` and
    writes made outside one are transactions as in sqlite3)."""

    def __init__(self, url: str):
        import psycopg
        self.url = url
        self.raw = psycopg.connect(url, autocommit=True)
        self._lock = threading.RLock()
        self.paramstyle = "format"

    # transactions --------------------------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        with self._lock:
            if self.in_transaction:
                self.raw.execute("COMMIT")

    def rollback(self) -> None:
        with self._lock:
            if self.in_transaction:
                self.raw.execute("ROLLBACK")

    def __enter__(self):
        self._lock.acquire()
        if not self.in_transaction:
            self.raw.execute("BEGIN")
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.commit()
            else:
                self.rollback()
        finally:
            self._lock.release()
        return False

    # statements ----------------------------------------------------------------------------------------
    def execute(self, sql: str, args=()):
        m = _TABLE_INFO.match(sql)
        with self._lock:
            if m:  # (cid, name, type, notnull, default, pk) as SQLite gives them
                cur = self.raw.execute(
                    "SELECT ordinal_position - 1, column_name, data_type, is_nullable = 'NO', column_default, 0 "
                    "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %s "
                    "ORDER BY ordinal_position", (m.group(1),))
                return _Rows(cur.fetchall())
            if sql.strip().upper().startswith("PRAGMA"):
                return _Rows([("ok",)] if "integrity_check" in sql.lower() else [])
            if sql.strip().upper() == "BEGIN" and self.in_transaction:
                return _Rows([])
            cur = self.raw.cursor()
            cur.execute(translate(sql, True), tuple(args))
            rows = cur.fetchall() if cur.description is not None else []
            return _Rows(rows, cur.description, cur.rowcount)

    def executemany(self, sql: str, seq):
        seq = [tuple(r) for r in seq]
        if not seq:
            return _Rows([])
        with self._lock:
            cur = self.raw.cursor()
            cur.executemany(translate(sql, True), seq)
            return _Rows([], None, cur.rowcount)

    def executescript(self, script: str) -> None:
        with self._lock:
            self.raw.execute("SELECT pg_advisory_lock(1414)")  # two processes creating the schema at once
            try:
                self.raw.execute(_FUNCTIONS)
                for stmt in _statements(script):
                    if stmt.upper().startswith("PRAGMA"):
                        continue
                    self.raw.execute(translate(stmt, False))
            finally:
                self.raw.execute("SELECT pg_advisory_unlock(1414)")

    def cursor(self):
        return _Cursor(self)

    def close(self) -> None:
        self.raw.close()


class _Cursor:
    def __init__(self, conn: PgConnection):
        self._conn = conn
        self._rows = _Rows([])

    def execute(self, sql, args=()):
        self._rows = self._conn.execute(sql, args)
        return self

    def executemany(self, sql, seq):
        self._rows = self._conn.executemany(sql, seq)
        return self

    @property
    def description(self):
        return self._rows.description

    def fetchone(self):
        return self._rows.fetchone()

    def fetchall(self):
        return self._rows.fetchall()

    def __iter__(self):
        return iter(self._rows)


def _statements(script: str) -> list[str]:
    """The statements of a schema script: comments dropped, split at the semicolons that end a line."""
    text = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", text) if s.strip()]


def connect(url: str) -> PgConnection:
    return PgConnection(url)
