"""Hybrid retrieval: jieba + BM25 for exact wording and figures, vectors for paraphrase,
fused by reciprocal rank (ranks, not scores, because BM25 and cosine scales do not compare)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from rank_bm25 import BM25Okapi

from ingest.index import IndexItem, TextIndex

from .segment import jieba_tokenizer as _jieba  # the one jieba of the process (assistant/segment.py)

RRF_K = 60  # the usual constant: damps the difference between rank 1 and rank 2
# How deep each ranking is read before fusion; past this a hit adds almost nothing.
DEPTH = 50

# Words that appear in questions but never in the passages that answer them; left in, they only
# add noise to BM25's scores.
STOPWORDS = set(
    "的 了 是 在 和 与 及 或 有 吗 呢 吧 啊 么 什么 为什么 为何 怎么 怎样 如何 哪些 哪个 多少 几 "
    "是否 请问 我们 我 你 他 它 这 那 这个 那个 哪 一下 主要".split()
)


def _is_punct_or_space(tok: str) -> bool:
    return all(c.isspace() or unicodedata.category(c)[0] in "PSZ" for c in tok)


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens, lower-cased, punctuation, whitespace and stopwords dropped."""
    toks = (t.strip().lower() for t in _jieba().cut_for_search(text))
    return [t for t in toks if t and not _is_punct_or_space(t) and t not in STOPWORDS]


@dataclass(frozen=True)
class Hit:
    id: str
    text: str
    metadata: dict = field(hash=False)
    score: float  # fused RRF score (BM25 score when BM25 is the only ranking)
    bm25_rank: int | None  # 1-based; None when BM25 did not match the item at all
    vector_rank: int | None  # 1-based; None without an index or beyond DEPTH


class HybridRetriever:
    def __init__(self, items: list[IndexItem], index: TextIndex | None = None):
        self.items = list(items)
        self.index = index
        self._by_id = {it.id: it for it in self.items}
        # item.text only, the very text the vectors saw: passage_items already prefixes the
        # heading, and tokenising the section again double-counted it (bench: MRR 0.852 → 0.877).
        docs = [tokenize(it.text) for it in self.items]
        self._bm25 = BM25Okapi(docs) if self.items else None

    def _bm25_ranking(self, query: str, doc_ids: set[str] | None, kind: str | None = None) -> list[tuple[str, float]]:
        terms = tokenize(query)
        if not self._bm25 or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        ranked = [
            (it.id, float(s))
            for it, s in zip(self.items, scores)
            # A zero score means no query word occurs: ranking those would be arbitrary.
            if s > 0 and (doc_ids is None or it.metadata.get("document") in doc_ids)
            and (kind is None or it.metadata.get("kind") == kind)
        ]
        ranked.sort(key=lambda p: -p[1])
        return ranked[:DEPTH]

    def search(self, query: str, k: int = 5, doc_ids: list[str] | None = None, kind: str | None = None) -> list[Hit]:
        """The best ``k`` items; ``kind`` ("passage") ranks only items of that kind."""
        wanted = None if doc_ids is None else set(doc_ids)
        bm25 = self._bm25_ranking(query, wanted, kind)
        vec = []
        if self.index is not None:
            # Only ids this retriever knows: the index may hold documents it was not given.
            vec = [(i, s) for i, s in self.index.query(query, DEPTH, doc_ids, kind) if i in self._by_id]
        b_rank = {i: r for r, (i, _) in enumerate(bm25, 1)}
        v_rank = {i: r for r, (i, _) in enumerate(vec, 1)}
        if self.index is None:
            fused = {i: s for i, s in bm25}
        else:
            fused = {}
            for ranks in (b_rank, v_rank):
                for i, r in ranks.items():
                    fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + r)
        # Ties (equal RRF) go to the better BM25 rank: exact wording is the safer bet for budgets.
        order = sorted(fused, key=lambda i: (-fused[i], b_rank.get(i, DEPTH + 1), v_rank.get(i, DEPTH + 1)))
        return [
            Hit(i, self._by_id[i].text, dict(self._by_id[i].metadata), fused[i], b_rank.get(i), v_rank.get(i))
            for i in order[:k]
        ]
