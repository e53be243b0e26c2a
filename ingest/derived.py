"""Results the answering code derives from one stored document, kept in the store beside it.

A question across every department of a year ("哪个部门2026年“三公”经费最多？") needs one figure per
department, read exactly as a question about that department alone would read it. Reading a thousand
documents per question is what the engine must never do (issue 14), so each figure, once worked out, is
kept here: one row per (document, kind, key), stamped with the version of the code that derived it. A row
of another version is stale and derived again; a document's rows go with it (ON DELETE CASCADE). The same
SQL runs on SQLite and, through ingest/backend.py, on PostgreSQL.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that derives these results (the engine and the reader): an upgrade makes every
    row derived by the older code stale, so it is never read (``budgetqa prepare`` derives them again)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha1()
    for folder in ("assistant", "ingest"):
        for p in sorted((root / folder).rglob("*.py")):
            if not p.name.startswith("ui"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _chunks(doc_ids: list[str]):
    """The documents in batches of 500, each with its IN list's placeholders (one query per batch)."""
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        yield chunk, ", ".join("?" * len(chunk))


def read(store, kind: str, key: str, version: str, doc_ids: list[str]) -> dict[str, str]:
    """doc_id → payload of the current rows for ``key``."""
    out: dict[str, str] = {}
    for chunk, marks in _chunks(doc_ids):
        for doc_id, payload in store.db.execute(
                f"SELECT doc_id, payload FROM derived WHERE kind = ? AND key = ? AND version = ? "
                f"AND doc_id IN ({marks})", [kind, key, version, *chunk]):
            out[doc_id] = payload
    return out


def present(store, kind: str, version: str, doc_ids: list[str]) -> set[str]:
    """The documents that have a current row of ``kind`` (their payloads are not read)."""
    out: set[str] = set()
    for chunk, marks in _chunks(doc_ids):
        out |= {r[0] for r in store.db.execute(
            f"SELECT doc_id FROM derived WHERE kind = ? AND version = ? AND doc_id IN ({marks})",
            [kind, version, *chunk])}
    return out


def write(store, kind: str, version: str, items: list[tuple[str, str, str]]) -> None:
    """Keep ``(doc_id, key, payload)`` rows, replacing any older ones, in one transaction. A document
    deleted meanwhile (a --replace by another process) is skipped: its row would have nothing to belong to."""
    if not items:
        return
    with store.db:
        for doc_id, key, payload in items:
            store.db.execute("DELETE FROM derived WHERE doc_id = ? AND kind = ? AND key = ?", (doc_id, kind, key))
            store.db.execute("INSERT INTO derived (doc_id, kind, key, version, payload) "
                             "SELECT doc_id, ?, ?, ?, ? FROM documents WHERE doc_id = ?",
                             (kind, key, version, payload, doc_id))


def count(store, kind: str, version: str) -> int:
    return store.db.execute("SELECT count(*) FROM derived WHERE kind = ? AND version = ?", (kind, version)).fetchone()[0]
