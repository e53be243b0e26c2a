"""TextIndex (Chroma behind llama-index), the embedders, and HybridRetriever."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # plain `pytest` puts tests/, not the project, on sys.path
    sys.path.insert(0, str(ROOT))

from assistant.retrieve import HybridRetriever, tokenize  # noqa: E402
from bench.retrieval import SAMPLE, split_narrative  # noqa: E402
from ingest.embed import DEFAULT_EMBED, EMBED_ENV, HashEmbedding, make_embedder  # noqa: E402
from ingest.index import IndexItem, TextIndex, passage_items  # noqa: E402

SANGONG = "严格控制公务用车运行维护费用支出"


def _items(doc: str, texts: list[str]) -> list[IndexItem]:
    return [
        IndexItem(f"{doc}:p{i}", t, {"document": doc, "section": "s", "kind": "passage", "row": i})
        for i, t in enumerate(texts)
    ]


A = ["三公经费比上年减少3万元", "机关运行经费安排63.07万元", "政府采购预算0.00万元"]
B = ["上年末固定资产金额为86.66万元"]


@pytest.fixture
def hash_index(tmp_path):
    return TextIndex(tmp_path / "ix", HashEmbedding())


@pytest.fixture(scope="module")
def sample_items():
    # The fallback splitter, not ingest.parse: these tests are about retrieval and must not move
    # when the parser's paragraphing changes.
    return passage_items("sample", split_narrative(SAMPLE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory, sample_items):
    index = TextIndex(tmp_path_factory.mktemp("sample"), make_embedder(DEFAULT_EMBED))
    index.upsert("sample", sample_items)
    return index


def test_upsert_twice_embeds_nothing_and_adds_no_duplicates(hash_index):
    assert hash_index.upsert("a", _items("a", A)) == 3
    assert hash_index.upsert("a", _items("a", A)) == 0
    assert hash_index.count() == hash_index.count("a") == 3


def test_changed_text_is_re_embedded_in_place(hash_index):
    hash_index.upsert("a", _items("a", A))
    changed = _items("a", ["国有资产信息：固定资产86.66万元", *A[1:]])
    assert hash_index.upsert("a", changed) == 1
    assert hash_index.count() == 3
    assert {it.text for it in hash_index.items()} == {it.text for it in changed}


def test_metadata_refresh_without_re_embedding(hash_index):
    hash_index.upsert("a", _items("a", A))
    moved = [IndexItem(it.id, it.text, {**it.metadata, "page": 7}) for it in _items("a", A)]
    assert hash_index.upsert("a", moved) == 0
    assert {it.metadata.get("page") for it in hash_index.items()} == {7}


def test_index_persists_across_instances(tmp_path):
    TextIndex(tmp_path, HashEmbedding()).upsert("a", _items("a", A))
    again = TextIndex(tmp_path, HashEmbedding())
    assert again.count() == 3
    assert again.doc_ids() == ["a"]


def test_delete_document_leaves_the_others(hash_index):
    hash_index.upsert("a", _items("a", A))
    hash_index.upsert("b", _items("b", B))
    assert hash_index.doc_ids() == ["a", "b"]
    hash_index.delete_document("a")
    assert hash_index.count("a") == 0
    assert hash_index.count() == hash_index.count("b") == 1
    assert hash_index.doc_ids() == ["b"]


def test_query_respects_doc_filter(hash_index):
    hash_index.upsert("a", _items("a", A))
    hash_index.upsert("b", _items("b", B))
    assert hash_index.query("三公经费", 1)[0][0] == "a:p0"
    assert [i for i, _ in hash_index.query("三公经费", 5, ["b"])] == ["b:p0"]
    assert hash_index.query("三公经费", 5, []) == []


def test_query_on_empty_index(hash_index):
    assert hash_index.query("三公经费", 5) == []


@pytest.mark.parametrize(
    "question, gold",
    [
        ("机关运行经费主要用于哪些方面？", "网络运行维护费 34.62 万元"),
        ("上年末固定资产金额是多少？", "上年末固定资产金额为86.66万元"),
        ("基本支出是什么意思？", "为保障机构正常运转"),
        ("是否安排了专项资金预算？", "未安排专项资金预算"),
    ],
)
def test_vector_query_finds_the_passage(sample_index, sample_items, question, gold):
    text = {it.id: it.text for it in sample_items}
    top = [text[i] for i, _ in sample_index.query(question, 3)]
    assert any(gold in t for t in top), top


def test_hybrid_finds_the_sangong_reason(sample_index, sample_items):
    hits = HybridRetriever(sample_items, sample_index).search("三公经费为什么减少", k=3)
    assert SANGONG in hits[0].text
    assert hits[0].bm25_rank is not None and hits[0].vector_rank is not None
    assert hits[0].metadata["section"].startswith("四、")


def test_bm25_only_and_doc_filter(sample_items):
    bm25 = HybridRetriever(sample_items, None)
    hits = bm25.search("三公经费为什么减少", k=3)
    assert SANGONG in hits[0].text and hits[0].vector_rank is None
    assert bm25.search("三公经费为什么减少", doc_ids=["other"]) == []


def test_tokenize_drops_punctuation_and_question_words():
    toks = tokenize("“三公”经费为什么减少？")
    assert "三公" in toks and "减少" in toks
    assert not {"“", "”", "？", "为什么"} & set(toks)


def test_make_embedder_choice(monkeypatch):
    monkeypatch.setenv(EMBED_ENV, "hash")
    assert make_embedder().model_name == "hash"
    assert make_embedder("minilm").model_name == "minilm"  # no model load until first use
    with pytest.raises(ValueError):
        make_embedder("gpt")


def test_hash_embedding_is_deterministic_and_normalised():
    e = HashEmbedding()
    v = e.get_text_embedding("三公经费")
    assert v == HashEmbedding().get_text_embedding("三公经费")
    assert abs(sum(x * x for x in v) - 1.0) < 1e-5


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="unshare -n unavailable (needs root or user namespaces)")
@pytest.mark.parametrize("name", [None, "minilm"])
def test_embedder_needs_no_network(tmp_path, name):
    """Load an embedder (None: the default) and embed, in a process with no network at all."""
    code = (
        "from ingest.embed import make_embedder\n"
        f"v = make_embedder({name!r}).get_text_embedding('三公经费为什么减少')\n"
        "print(len(v))\n"
    )
    # The module must switch the HF libraries offline itself, and an empty HF_HOME shows that no
    # cached download is what makes it work.
    drop = {EMBED_ENV, "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "ANONYMIZED_TELEMETRY"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(PYTHONPATH=str(ROOT), HF_HOME=str(tmp_path / "hf"))
    out = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "384"
