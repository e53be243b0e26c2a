"""Ingest one file: decode, parse, write the tables, index the text.

Order matters for consistency: the store write (the new document or version, and whatever it retires) is
one transaction; then the retired versions' vectors are deleted and the new ones upserted under
deterministic ids, and the document is marked indexed. A crash at any point leaves the previous state or
the new one with its text index incomplete, which the next ingest finds (``health.sync_index`` checks
every document's vectors against the store) and repairs. Nothing is written for a file that fails to
decode or parse, nor for one that is clearly a fragment of a stored document (unless ``replace``).
"""
from __future__ import annotations

import hashlib
import re
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
PARSER_VERSION = 15  # 9: rows that do not fit their columns and cells that are no number, reported;
# 10: PDF cells cut by a page break closed, white boxes behind text no rulings, names wrapped over two rows
# joined, a 款 that lost its leading zero (301 | 2) read as 30102
# 11: a merged cell's text cut by a page break (a project's 绩效目标) joined on the page of its figures
# 12: a row classified twice (部门经济科目 | 政府经济科目) named by the name beside the code it is read by;
# a 专项业务经费支出表 (陕西) is the 项目支出表; a column under a change group (增减变化情况/…) means 增减;
# a performance form printing no decimal figure headed by its first line only
# 13: sub-headings phrased as clauses with no text under them (a list of headings) kept as passages
# 14: a PDF cell whose figures fell to a line of their own (set a few points low) read with them in place;
# a performance form's page with no decimal figure keeps its indicator rows (not read as a header)
# 15: an item of a numbered list indented under the one before it (「2. 普陀区法律援助中心」) kept as a passage, not
# dropped as a centred heading


@dataclass
class IngestResult:
    document: Document
    status: str  # added | unchanged | version (a new version beside the old) | replaced (--replace: the
    #             others retired) | indexed (tables were there, the text index is now complete) | reparsed
    #             | merged (the other half of a two-file disclosure was there: now one document) | half
    tables: int
    cells: int
    passages: int
    vectors: int
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what the reader could not read, with pages


def parse_bytes(data: bytes, source: str) -> ParsedDocument:
    return read(data, source)


def ingest_file(path: str | Path, home: Home, progress: Progress | None = None,
                replace: bool = False) -> IngestResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}：无法读取文件（{os_reason(exc)}）。") from exc
    return ingest_bytes(data, path.name, home, progress, replace=replace)


def ingest_bytes(data: bytes, source: str, home: Home, progress: Progress | None = None,
                 replace: bool = False) -> IngestResult:
    """Ingest one file. A different file for a stored disclosure (same department, year, kind) becomes its
    next version, beside the old ones, and answers from then on; ``replace`` retires every other version.
    A file far smaller than the stored version (a fragment) is refused unless ``replace``."""
    say = progress or (lambda _stage: None)
    say("解析")
    parsed = parse_bytes(data, source)  # raises IngestError before anything is written
    keep_source(home.path, parsed.document, data)  # the app shows cited pages and offers the file
    with home.writing():  # one writer at a time: versions are numbered and the index synced consistently
        return _ingest_parsed(parsed, home, say, replace)


# A new version with fewer than this share of the stored version's tables or cells is a fragment.
FRAGMENT_SHARE = 0.5


def refuse_fragment(store, parsed: ParsedDocument) -> None:
    """Raise IngestError when ``parsed`` is clearly a fragment of the version of it that answers now."""
    old = store.current_version(parsed.document)
    if old is None:
        return
    have = store.counts(old.doc_id)
    tables, cells, _ = _counts(parsed)
    if tables < FRAGMENT_SHARE * have["tables"] or cells < FRAGMENT_SHARE * have["cells"]:
        raise IngestError(
            f"{parsed.document.source}：看起来只是已导入的《{old.label}》的一部分（{tables} 张表、{cells} 个单元格，"
            f"已导入的版本有 {have['tables']} 张表、{have['cells']} 个单元格），没有导入；如确要用它取代旧版本，"
            f"请加 --replace 重新导入。")


def _ingest_parsed(parsed: ParsedDocument, home: Home, say: Progress, replace: bool,
                   index: bool = True) -> IngestResult:
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
    stored = store.status(doc.doc_id) is not None
    current = store.status(doc.doc_id) == "ready" and store.parser_version(doc.doc_id) == PARSER_VERSION
    others = store.same_identity(doc)
    retired = others if replace else []
    if current and store.is_indexed(doc.doc_id) and not retired:
        return IngestResult(store.document(doc.doc_id) or doc, "unchanged", *counts, vectors=0,
                            skipped=parsed.skipped)
    if not stored and not replace:
        refuse_fragment(store, parsed)
    superseded = retired + halves
    if not current:
        say("写入表格")
        # One transaction: the new version (tables visible at once: table answers need no vectors) and the
        # versions it retires, so a reader sees the old state or the new one, never parts of both.
        store.write(parsed, PARSER_VERSION, members, replacing=superseded, ready=True)
    elif superseded:
        store.delete(*superseded)
    if not index:  # the batch's indexer thread completes it (ingest/batch.py): the tables answer meanwhile
        return IngestResult(store.document(doc.doc_id) or doc, "half" if doc.part and not halves else
                            ("merged" if halves else ("replaced" if retired else ("version" if not stored and others
                                                                                 else ("added" if not current else "indexed")))),
                            *counts, vectors=0, replaced=superseded, skipped=parsed.skipped)
    say("建立文本索引")
    # The retired versions' vectors go first; a crash before this is repaired by the next ingest, whose
    # sync_index deletes vectors no stored document owns.
    for old in superseded:
        home.index.delete_document(old)
    vectors = home.index.upsert(doc.doc_id, index_items(parsed))
    # Until this mark, text questions about the document use BM25 alone; a crash before it is repaired by
    # the next ingest (sync_index checks every document's vectors against the store).
    store.mark_indexed(doc.doc_id)
    if halves:
        status = "merged"
    elif doc.part:
        status = "half"
    elif retired:
        status = "replaced"
    elif not stored and others:
        status = "version"
    elif stored and not current:
        status = "reparsed"  # the same file, stored by an older parser: read again
    else:
        status = "added" if not current else "indexed"
    return IngestResult(store.document(doc.doc_id) or doc, status, *counts, vectors=vectors, replaced=superseded,
                        skipped=parsed.skipped)


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
    """What text retrieval searches: passages, tables' notes and the prose inside tables. A table's rows are not
    items: every table question is read from the store by its lines' names (assistant/vocab.py), and no answer
    searched the rows' vectors — which were nine in ten of a document's items and of its embedding time (the sample:
    729 of 779 items, 40 s of 44 s to ingest). Homes made before keep them until ``budgetqa ingest`` repairs the
    index (ingest/health.py deletes items no document yields)."""
    from .index import passage_items
    doc_id = parsed.document.doc_id
    return passage_items(doc_id, parsed.passages) + list(table_note_items(doc_id, parsed.tables)) + \
        list(table_text_items(doc_id, parsed.tables))



_PROSE = re.compile(r"[\u4e00-\u9fff]{6}")


def table_text_items(doc_id: str, tables: list[Table]):
    """Prose printed inside a table — a project's 项目简介, a form's 绩效目标 or 年度目标, a 实施主体 — is text a
    reader asks about, like a passage: each such cell is an item, headed by its table (or project) and row,
    with its page. Figures stay out (they are read from the store)."""
    from .index import PASSAGE, IndexItem
    for t in tables:
        if t.kind == NARRATIVE:
            continue  # the narrative's own figures: their sentences are passages already
        head = t.project or t.title
        for r in t.rows:
            texts = [(c.column, c.raw) for c in r.cells if len(c.raw) >= 20 and _PROSE.search(c.raw)]
            if len(r.label) >= 30 and _PROSE.search(r.label):
                texts.insert(0, ("", r.label))
            for k, (column, raw) in enumerate(texts):
                meta = {"document": doc_id, "section": f"{t.title} / {r.label[:30]}", "kind": PASSAGE,
                        "table": t.title, "table_ordinal": t.ordinal, "row_ordinal": r.ordinal}
                if r.page or t.page:
                    meta["page"] = r.page or t.page
                label = "" if column == "" else f"{r.label} {column.split('/')[-1]}："
                yield IndexItem(id=f"{doc_id}:x{t.ordinal}.{r.ordinal}.{k}", text=f"{head} {label}{raw}", metadata=meta)


def table_note_items(doc_id: str, tables: list[Table]):
    """A table's notes ("注：…空表列示", "截止时间：…") are text a reader asks about, like a passage."""
    from .index import PASSAGE, IndexItem
    for t in tables:
        if t.note:
            yield IndexItem(id=f"{doc_id}:n{t.ordinal}", text=f"{t.title}\n{t.note}",
                            metadata={"document": doc_id, "section": t.title, "kind": PASSAGE, "table": t.title,
                                      "table_ordinal": t.ordinal})

