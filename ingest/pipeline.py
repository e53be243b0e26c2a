"""Ingest one file: decode, parse, write the tables, index the text, then make the document visible.

Order matters for consistency: the store write is one transaction (status ``pending``), the vectors
are upserted under deterministic ids, and only then is the document marked ``ready``. A crash at any
point leaves either the previous state or a pending document that queries ignore and the next ingest
redoes. Nothing is written for a file that fails to decode or parse.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import os_reason
from .home import Home
from .model import NARRATIVE, Document, IngestError, ParsedDocument, Table
from .readers import read
from .sources import keep as keep_source

Progress = Callable[[str], None]
# Bump when parsing changes what is stored: a re-ingest then rewrites documents parsed by an older parser.
PARSER_VERSION = 9  # 9: rows that do not fit their columns and cells that are no number, reported


@dataclass
class IngestResult:
    document: Document
    status: str  # added | unchanged | replaced | indexed (tables were there, the text index is now complete)
    #             | merged (the other half of a two-file disclosure was there: now one document) | half
    tables: int
    cells: int
    passages: int
    vectors: int
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what the reader could not read, with pages


def parse_bytes(data: bytes, source: str) -> ParsedDocument:
    return read(data, source)


def ingest_file(path: str | Path, home: Home, progress: Progress | None = None) -> IngestResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}：无法读取文件（{os_reason(exc)}）。") from exc
    return ingest_bytes(data, path.name, home, progress)


def ingest_bytes(data: bytes, source: str, home: Home, progress: Progress | None = None) -> IngestResult:
    say = progress or (lambda _stage: None)
    say("解析")
    parsed = parse_bytes(data, source)  # raises IngestError before anything is written
    keep_source(home.path, parsed.document, data)  # the app shows cited pages and offers the file
    store = home.store
    halves: list[str] = []
    members = [parsed.document.sha256]
    if parsed.document.part:
        whole = store.containing(parsed.document.sha256)
        if whole is not None and store.parser_version(whole) == PARSER_VERSION and store.is_indexed(whole):
            return IngestResult(store.load(whole).document, "unchanged", *_counts(parsed), vectors=0)
        other = store.other_half(parsed.document)
        if other is not None:
            members += store.members(other)
            parsed = join_halves(parsed, store.load(other))
            halves = [other]
    doc = parsed.document
    counts = _counts(parsed)
    current = store.status(doc.doc_id) == "ready" and store.parser_version(doc.doc_id) == PARSER_VERSION
    if current and store.is_indexed(doc.doc_id):
        return IngestResult(doc, "unchanged", *counts, vectors=0, skipped=parsed.skipped)
    superseded = store.same_identity(doc) + halves
    if not current:
        say("写入表格")
        store.write(parsed, PARSER_VERSION, members)
        # The tables become visible at once (table answers need no vectors); an earlier version of the
        # same disclosure goes in the same step, so a reader sees the old or the new copy, never neither.
        store.publish(doc.doc_id, replacing=superseded)
    say("建立文本索引")
    vectors = home.index.upsert(doc.doc_id, index_items(parsed))
    for old in superseded:
        home.index.delete_document(old)
    # Until this mark, text questions about the document use BM25 alone; a crash before it is repaired by
    # the next ingest of the same file, which finds the tables current and only completes the vectors.
    store.mark_indexed(doc.doc_id)
    if halves:
        status = "merged"
    elif doc.part:
        status = "half"
    else:
        status = "replaced" if superseded else ("added" if not current else "indexed")
    return IngestResult(doc, status, *counts, vectors=vectors, replaced=superseded, skipped=parsed.skipped)


def join_halves(a: ParsedDocument, b: ParsedDocument) -> ParsedDocument:
    """A disclosure published as two files (说明 and 报表) is one document: the tables of the one, the
    narrative of the other. Its id is derived from both files, whichever came first."""
    tables_half, text_half = (a, b) if a.document.part == "报表" else (b, a)
    # The narrative's own figures table (正文数字) travels with the narrative.
    tables = [t for t in tables_half.tables if t.kind != NARRATIVE] + [
        t for t in text_half.tables if t.kind == NARRATIVE]
    for k, t in enumerate(tables):
        t.ordinal = k
    digest = hashlib.sha256("".join(sorted((a.document.sha256, b.document.sha256))).encode()).hexdigest()
    td, xd = tables_half.document, text_half.document
    document = replace(xd, doc_id=digest[:16], sha256=digest, part="",
                       title=xd.title or td.title, source=f"{xd.source} + {td.source}")
    return ParsedDocument(document=document, tables=tables, passages=text_half.passages,
                          skipped=text_half.skipped + tables_half.skipped)


def disclosure_files(paths: list[Path]) -> list[Path]:
    """The files to ingest: each file given, and every PDF or text file inside each directory given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".pdf", ".txt"))
        else:
            out.append(p)
    return out


def _counts(parsed: ParsedDocument) -> tuple[int, int, int]:
    cells = sum(len(r.cells) for t in parsed.tables for r in t.rows)
    return len(parsed.tables), cells, len(parsed.passages)


def index_items(parsed: ParsedDocument):
    from .index import passage_items
    doc_id = parsed.document.doc_id
    return passage_items(doc_id, parsed.passages) + list(table_note_items(doc_id, parsed.tables)) + [
        item for t in parsed.tables for item in table_row_items(doc_id, t)]


def row_text(table: Table, row) -> str:
    """A table row in words, so retrieval can find a table from what people call things.

    Only names: figures are read from the store, never retrieved, and leaving them out makes the row
    text a third as long, which is what embedding time goes by.
    """
    head = table.project or table.title
    label = " ".join(x for x in (row.code, row.label) if x)
    if row.indicator:  # the description mostly restates the indicator; the engine reads it from the store
        label = " ".join(x for x in (row.indicator[1], label) if x)
    return f"{head}：{label}"


def table_note_items(doc_id: str, tables: list[Table]):
    """A table's notes ("注：…空表列示", "截止时间：…") are text a reader asks about, like a passage."""
    from .index import PASSAGE, IndexItem
    for t in tables:
        if t.note:
            yield IndexItem(id=f"{doc_id}:n{t.ordinal}", text=f"{t.title}\n{t.note}",
                            metadata={"document": doc_id, "section": t.title, "kind": PASSAGE, "table": t.title,
                                      "table_ordinal": t.ordinal})


def table_row_items(doc_id: str, table: Table):
    from .index import TABLE_ROW, IndexItem, row_item_id
    for row in table.rows:
        meta = {"document": doc_id, "section": table.section or table.title, "kind": TABLE_ROW,
                "table": table.title, "table_ordinal": table.ordinal, "row": row.label, "row_ordinal": row.ordinal}
        if row.page is not None:
            meta["page"] = row.page
        if table.target_year is not None:
            meta["year"] = table.target_year
        yield IndexItem(id=row_item_id(doc_id, table.ordinal, row.ordinal), text=row_text(table, row), metadata=meta)
