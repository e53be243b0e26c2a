"""The text index checked against the store (never trusted), repaired, and ``budgetqa doctor``.

The store is the source of truth; the text index is derived from it. ``sync_index`` compares, for every
stored document, the ids (and texts) the index should hold with what it holds, embeds what is missing,
deletes what no stored document owns (a crash between a replacement's commit and its vector delete leaves
such orphans), and moves a Chroma directory that cannot be opened aside before rebuilding it.
``diagnose`` reports the health of both in Chinese without changing anything.
"""
from __future__ import annotations

import shutil
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .home import Home
from .store import Store, StoreError, check_file


@dataclass
class SyncReport:
    documents: int = 0
    expected: int = 0  # vectors the stored documents call for
    added: int = 0  # missing ones embedded
    changed: int = 0  # stored with other text: embedded again
    orphaned: int = 0  # deleted: no stored document owns them
    pending: int = 0  # unfinished writes removed from the store
    moved: str | None = None  # where a damaged index was moved before the rebuild

    @property
    def repaired(self) -> bool:
        return bool(self.added or self.changed or self.orphaned or self.pending or self.moved)

    def summary(self) -> str:
        parts = []
        if self.moved:
            parts.append(f"文本索引已损坏，已移到 {self.moved} 并从存储重建")
        if self.added:
            parts.append(f"补上缺失的向量 {self.added} 条")
        if self.changed:
            parts.append(f"重新嵌入内容不符的向量 {self.changed} 条")
        if self.orphaned:
            parts.append(f"删除不属于任何已存文件的向量 {self.orphaned} 条")
        if self.pending:
            parts.append(f"清除未写完的文件 {self.pending} 份")
        return "；".join(parts) if parts else f"文本索引与存储一致（{self.documents} 份文件，{self.expected} 条向量）"


def expected_items(store: Store) -> dict[str, tuple[str, object]]:
    """Every index item the stored (ready) documents call for: id → (document, item)."""
    from .pipeline import index_items
    want: dict[str, tuple[str, object]] = {}
    for d in store.documents(versions=True):
        for it in index_items(store.load(d.doc_id)):
            want[it.id] = (d.doc_id, it)
    return want


def move_aside(path: Path) -> Path:
    target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
    shutil.move(str(path), str(target))
    return target


def forget_index(home: Home) -> None:
    """Drop this process's handle on the index (and Chroma's cached client for its path), so the next use
    opens what is on disk now."""
    home.__dict__.pop("index", None)
    from chromadb.api.shared_system_client import SharedSystemClient
    SharedSystemClient._identifier_to_system.pop(str(home.chroma_path), None)


def sync_index(home: Home) -> SyncReport:
    """Make the text index hold exactly the vectors of the stored documents (hold ``home.writing()``)."""
    store = home.store
    report = SyncReport()
    pending = [d.doc_id for d in store.documents(include_pending=True) if store.status(d.doc_id) != "ready"]
    if pending:
        store.delete(*pending)
        report.pending = len(pending)
    try:
        index = home.index
    except StoreError:
        if not home.chroma_path.exists():
            raise
        report.moved = str(move_aside(home.chroma_path))
        forget_index(home)
        index = home.index
    want = expected_items(store)
    docs = {doc for doc, _ in want.values()}
    report.documents = len(store.documents(versions=True))
    report.expected = len(want)
    have = index.records()
    orphans = [i for i, (doc, _) in have.items() if i not in want or want[i][0] != doc]
    if orphans:
        index.delete_ids(orphans)
        report.orphaned = len(orphans)
    fix: dict[str, list] = defaultdict(list)
    for i, (doc, item) in want.items():
        if i not in have or have[i][0] != doc:
            report.added += 1
            fix[doc].append(item)
        elif have[i][1] != item.text:
            report.changed += 1
            fix[doc].append(item)
    for doc, items in fix.items():
        index.upsert(doc, items)
    for doc in docs:
        if not store.is_indexed(doc):
            store.mark_indexed(doc)
    return report


# --- doctor -----------------------------------------------------------------------------------------------

@dataclass
class Diagnosis:
    ok: bool = True
    store: dict = field(default_factory=dict)
    index: dict = field(default_factory=dict)
    advice: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        s, i = self.store, self.index
        lines = [f"存储 {s['path']}：{s['message']}"]
        if s.get("counts"):
            c = s["counts"]
            lines.append(f"  {s['documents']} 份文件（共 {s['versions']} 个版本），{c['tables']} 张表，"
                         f"{c['cells']} 个单元格，{c['passages']} 段文字")
        lines.append(f"文本索引 {i['path']}：{i['message']}")
        for d in i.get("per_document", []):
            if d["present"] != d["expected"]:
                lines.append(f"  {d['label']}（{d['document']}）：应有 {d['expected']} 条，实有 {d['present']} 条")
        lines += [f"建议：{a}" for a in self.advice] or ["一切正常。"]
        return "\n".join(lines)


def diagnose(home: Home) -> Diagnosis:
    """The health of the store and of the index, without changing either (nothing is created)."""
    out = Diagnosis()
    out.store = {"path": str(home.db_path), "state": "ok"}
    out.index = {"path": str(home.chroma_path), "state": "ok"}
    recover = (f"从备份恢复 {home.db_path}；没有备份时删除它和 {home.chroma_path} 目录，再用 budgetqa ingest "
               "重新导入原文件")
    store = None
    if not home.db_path.exists():
        out.store.update(state="missing", message="尚未建立（还没有导入任何文件）")
        out.advice.append("运行 budgetqa ingest 导入文件（不给路径时导入自带的样例）。")
    else:
        why = check_file(home.db_path)
        if why:
            out.store.update(state="damaged", message=f"{why}，无法读取")
        else:
            try:
                store = Store(home.db_path)
                problems = store.integrity()
            except StoreError as exc:
                out.store.update(state="damaged", message=f"{getattr(exc, 'reason', None) or exc}，无法读取")
                store = None
            except Exception as exc:  # noqa: BLE001 - any failure to read is damage to report, not a traceback
                out.store.update(state="damaged", message=f"已损坏（{exc}）")
                store = None
            else:
                out.store["integrity"] = problems or ["ok"]
                if problems:
                    out.store.update(state="damaged", message=f"SQLite integrity_check 报告 {len(problems)} 处损坏："
                                                              f"{problems[0]}")
                    store = None
        if store is None:
            out.advice.append(recover + "。")
    if store is not None:
        versions = store.documents(versions=True)
        current = store.documents()
        pending = [d for d in store.documents(include_pending=True) if store.status(d.doc_id) != "ready"]
        out.store.update(counts=store.counts(), documents=len(current), versions=len(versions),
                         pending=len(pending),
                         message=f"完好（SQLite integrity_check：ok）" + (
                             f"；另有 {len(pending)} 份未写完的文件（下次 budgetqa ingest 时清除）" if pending else ""))
    _diagnose_index(home, store, out)
    out.ok = out.store["state"] in ("ok", "missing") and out.index["state"] in ("ok", "missing") and not (
        out.index["state"] == "missing" and out.store.get("documents"))
    if store is not None:
        store.close()
    return out


def _diagnose_index(home: Home, store: Store | None, out: Diagnosis) -> None:
    if not home.chroma_path.exists():
        has_docs = bool(store is not None and out.store.get("versions"))
        out.index.update(state="missing" if not has_docs else "incomplete", message="不存在" + (
            "，已导入的文件没有文本索引" if has_docs else ""), vectors=0)
        if has_docs:
            out.advice.append("运行 budgetqa ingest，从存储重建文本索引。")
        return
    from .index import TextIndex
    try:
        index = TextIndex(home.chroma_path)
        have = index.records()
    except StoreError as exc:
        out.index.update(state="damaged", message=str(exc).split("；")[0])
        out.advice.append(f"运行 budgetqa ingest：损坏的 {home.chroma_path} 会被移到一旁，并从存储重建文本索引。")
        return
    except Exception as exc:  # noqa: BLE001
        out.index.update(state="damaged", message=f"已损坏，无法读取（{exc}）")
        out.advice.append(f"运行 budgetqa ingest：损坏的 {home.chroma_path} 会被移到一旁，并从存储重建文本索引。")
        return
    out.index["vectors"] = len(have)
    if store is None:
        out.index.update(state="unknown", message=f"{len(have)} 条向量（存储无法读取，无法核对）")
        return
    want = expected_items(store)
    labels = {d.doc_id: d.label for d in store.documents(versions=True)}
    missing = sum(1 for i, (doc, it) in want.items() if i not in have or have[i][0] != doc)
    changed = sum(1 for i, (doc, it) in want.items() if i in have and have[i][0] == doc and have[i][1] != it.text)
    orphaned = sum(1 for i, (doc, _) in have.items() if i not in want or want[i][0] != doc)
    per_doc = defaultdict(lambda: [0, 0])
    for i, (doc, _) in want.items():
        per_doc[doc][0] += 1
        if i in have and have[i][0] == doc:
            per_doc[doc][1] += 1
    out.index.update(expected=len(want), missing=missing, changed=changed, orphaned=orphaned,
                     per_document=[{"document": d, "label": labels.get(d, d), "expected": e, "present": p}
                                   for d, (e, p) in per_doc.items()])
    if missing or changed or orphaned:
        out.index.update(state="incomplete", message=f"{len(have)} 条向量，应有 {len(want)} 条：缺 {missing} 条，"
                                                     f"内容不符 {changed} 条，多余 {orphaned} 条")
        out.advice.append("运行 budgetqa ingest，它会核对并修复文本索引（补上缺的，删除多余的）。")
    else:
        out.index["message"] = f"完好，{len(have)} 条向量与存储中的 {len(labels)} 份文件一一对应"
