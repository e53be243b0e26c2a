"""Batch ingest of a directory of disclosures: worker processes parse, one writer stores, the text index follows.

    budgetqa ingest DIR --workers N

- Each file is parsed in a worker process (``--workers``): a file that fails (or kills its worker) is
  reported and skipped; the batch goes on.
- One writer (this process) stores the parsed documents as they arrive, one transaction each: their tables
  answer at once. The text index (embedding, the slow part) follows in a thread of its own, document by
  document, so tables are answerable long before the index is complete (``mark_indexed`` per document).
- Resumable: a file whose digest a ready, indexed document of the current parser already holds is skipped
  without being parsed; an interrupted batch run again picks up where it stopped (a document written but
  not yet indexed is indexed then).
- One progress bar (files/s and ETA), then a summary table: status, tables, cells, pages, seconds per file;
  files/s and pages/s; when the tables were all answerable and when the text index was complete.
"""
from __future__ import annotations

import hashlib
import os
import queue
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .home import Home
from .model import IngestError, ParsedDocument


@dataclass
class FileResult:
    path: Path
    status: str  # added | unchanged | replaced | version | merged | half | indexed | skipped | failed
    label: str = ""
    tables: int = 0
    cells: int = 0
    pages: int = 0
    seconds: float = 0.0  # parsing time in its worker
    error: str = ""
    doc_id: str | None = None


@dataclass
class BatchReport:
    files: list[FileResult] = field(default_factory=list)
    workers: int = 1
    wall: float = 0.0
    tables_ready: float = 0.0  # seconds from start until every parsed file's tables were stored (answerable)
    index_ready: float = 0.0  # … until the text index was complete
    vectors: int = 0

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files if f.status not in ("skipped", "failed"))

    def as_json(self) -> dict:
        parsed = [f for f in self.files if f.status not in ("skipped", "failed")]
        return {"files": len(self.files), "parsed": len(parsed), "skipped": sum(f.status == "skipped" for f in self.files),
                "failed": len(self.failed), "workers": self.workers, "pages": self.pages,
                "seconds": round(self.wall, 2), "files_per_s": round(len(parsed) / self.wall, 3) if self.wall else None,
                "pages_per_s": round(self.pages / self.wall, 2) if self.wall else None,
                "tables_ready_s": round(self.tables_ready, 2), "index_ready_s": round(self.index_ready, 2),
                "vectors": self.vectors,
                "results": [{"file": f.path.name, "status": f.status, "document": f.label, "tables": f.tables,
                             "cells": f.cells, "pages": f.pages, "seconds": round(f.seconds, 2), "error": f.error}
                            for f in self.files]}


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _parse(path: str) -> tuple[str, ParsedDocument | None, str, float, bytes | None]:
    """In a worker process: (path, parsed or None, error, seconds, file bytes)."""
    from .pipeline import parse_bytes
    t = time.perf_counter()
    try:
        data = Path(path).read_bytes()
        return path, parse_bytes(data, Path(path).name), "", time.perf_counter() - t, data
    except IngestError as exc:
        return path, None, str(exc), time.perf_counter() - t, None
    except OSError as exc:
        return path, None, f"{path}：无法读取文件（{exc.strerror}）。", time.perf_counter() - t, None
    except Exception as exc:  # noqa: BLE001 — one file's surprise is that file's failure, not the batch's
        return path, None, f"{path}：读取时出现意外错误（{type(exc).__name__}：{exc}）。", time.perf_counter() - t, None


def _pages(parsed: ParsedDocument) -> int:
    return max([r.page or 0 for t in parsed.tables for r in t.rows] + [p.page or 0 for p in parsed.passages] + [0])


def already_ingested(home: Home, path: Path) -> str | None:
    """The label of the ready, indexed document of the current parser read from this very file, if any."""
    from .pipeline import PARSER_VERSION
    store = home.store
    doc_id = store.containing(_digest(path))
    if doc_id and store.parser_version(doc_id) == PARSER_VERSION and store.is_indexed(doc_id):
        doc = store.document(doc_id) if hasattr(store, "document") else None
        return doc.label if doc is not None else doc_id
    return None


class _Indexer(threading.Thread):
    """Embeds and indexes stored documents one by one, on its own connection to the store."""

    def __init__(self, home_path: Path, on_done):
        super().__init__(daemon=True)
        self.home_path = home_path
        self.todo: queue.Queue = queue.Queue()
        self.on_done = on_done
        self.vectors = 0
        self.errors: list[str] = []

    def run(self) -> None:
        home = Home(self.home_path)
        from .pipeline import index_items
        while True:
            job = self.todo.get()
            if job is None:
                return
            doc_id, retired = job
            try:
                with home.writing():
                    for old in retired:
                        home.index.delete_document(old)
                    if home.store.status(doc_id) == "ready":
                        self.vectors += home.index.upsert(doc_id, index_items(home.store.load(doc_id)))
                        home.store.mark_indexed(doc_id)
            except Exception as exc:  # noqa: BLE001 — the tables stay; the next ingest completes the index
                self.errors.append(f"{doc_id}：文本索引未完成（{type(exc).__name__}：{exc}）")
            self.on_done(doc_id)


def run(paths: list[Path], home: Home, workers: int = 1, replace: bool = False, bar=None,
        write=print) -> BatchReport:
    """Ingest every disclosure under ``paths`` (see the module docstring). ``bar``: a tqdm-like progress
    bar (``update``, ``set_postfix_str``, ``total``), ``write``: where per-file lines go."""
    from .pipeline import _ingest_parsed, disclosure_files
    from .sources import keep as keep_source

    start = time.perf_counter()
    report = BatchReport(workers=workers)
    files = disclosure_files(paths)
    if bar is not None:
        bar.total = len(files)
        bar.refresh()
    results: dict[str, FileResult] = {}
    todo: list[Path] = []
    for path in files:
        label = already_ingested(home, path)
        if label is not None:
            results[str(path)] = FileResult(path, "skipped", label)
            if bar is not None:
                bar.update(1)
        else:
            todo.append(path)

    indexed = {"n": 0, "queued": 0}
    lock = threading.Lock()

    def index_done(_doc_id):
        with lock:
            indexed["n"] += 1
            if bar is not None:
                bar.set_postfix_str(f"文本索引 {indexed['n']}/{indexed['queued']}")

    indexer = _Indexer(home.path, index_done)
    indexer.start()

    def store_one(path: Path, parsed: ParsedDocument, seconds: float, data: bytes) -> FileResult:
        keep_source(home.path, parsed.document, data)
        say = lambda _stage: None  # noqa: E731
        with home.writing():
            r = _ingest_parsed(parsed, home, say, replace, index=False)
        fr = FileResult(path, r.status, r.document.label, r.tables, r.cells, _pages(parsed), seconds,
                        doc_id=r.document.doc_id)
        if r.status != "unchanged" or not home.store.is_indexed(r.document.doc_id):
            with lock:
                indexed["queued"] += 1
            indexer.todo.put((r.document.doc_id, list(r.replaced)))
        return fr

    pending = list(todo)
    while pending:
        crashed: list[Path] = []
        with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
            futures = {pool.submit(_parse, str(p)): p for p in pending}
            pending = []
            running = set(futures)
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = futures[fut]
                    try:
                        _, parsed, error, seconds, data = fut.result()
                    except BrokenProcessPool:
                        crashed.append(path)
                        continue
                    if parsed is None:
                        fr = FileResult(path, "failed", error=error, seconds=seconds)
                    else:
                        try:
                            fr = store_one(path, parsed, seconds, data)
                        except IngestError as exc:
                            fr = FileResult(path, "failed", error=str(exc), seconds=seconds)
                    results[str(path)] = fr
                    if fr.status == "failed":
                        write(f"错误：{fr.error}")
                    if bar is not None:
                        bar.update(1)
        if crashed:
            # A worker died (out of memory, a crash in a library): its file is retried alone, once; a file
            # that kills its worker again is the one to blame.
            if len(crashed) == 1 or workers == 1:
                for path in crashed:
                    if str(path) in results:
                        continue
                    results[str(path)] = FileResult(path, "failed", error=f"{path}：解析进程异常退出，已跳过。")
                    write(f"错误：{results[str(path)].error}")
                    if bar is not None:
                        bar.update(1)
            else:
                pending = crashed
                workers = 1
    report.tables_ready = time.perf_counter() - start
    indexer.todo.put(None)
    indexer.join()
    report.index_ready = time.perf_counter() - start
    report.vectors = indexer.vectors
    for e in indexer.errors:
        write(f"错误：{e}")
    report.files = [results[str(p)] for p in files if str(p) in results]
    report.wall = time.perf_counter() - start
    return report


STATUS = {"added": "已导入", "unchanged": "未变化", "replaced": "已更新", "version": "新版本", "indexed": "补全索引",
          "merged": "已合并", "half": "半份", "skipped": "已导入过（跳过）", "failed": "失败"}


def summary(report: BatchReport) -> str:
    """The end-of-batch table: one line per file, then the totals."""
    rows = [("文件", "结果", "表", "单元格", "页", "解析秒")]
    for f in report.files:
        rows.append((f.path.name, STATUS.get(f.status, f.status), str(f.tables), str(f.cells), str(f.pages),
                     f"{f.seconds:.1f}" if f.status not in ("skipped",) else "-"))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths)) for r in rows]
    j = report.as_json()
    lines.append(f"共 {j['files']} 个文件：解析 {j['parsed']}，跳过 {j['skipped']}，失败 {j['failed']}；{j['pages']} 页，"
                 f"{j['seconds']} 秒（{report.workers} 个解析进程）："
                 f"{j['files_per_s'] or 0} 文件/秒，{j['pages_per_s'] or 0} 页/秒；表格可问答用时 {j['tables_ready_s']} 秒，"
                 f"文本索引完成用时 {j['index_ready_s']} 秒（新嵌入 {j['vectors']} 条）")
    return "\n".join(lines)


def _width(s: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 2)))
