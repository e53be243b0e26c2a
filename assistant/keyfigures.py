"""Each department's figure for a question across departments, worked out once and kept in the store.

「哪个部门2026年“三公”经费最多？」 reads one figure per department, exactly as a question about that
department alone reads it (the engine's own answer: canonical table kinds, column meanings, a 决算's
决算数), so every figure keeps its citation. Working that out loads the document (tables, vocabulary): tens
of milliseconds each, which over a city's hundred departments, or a province's thousands, is what a
question must never cost (issue 14). So the answer for each (document, figure) is kept in the store
(``ingest/derived.py``), stamped with a hash of the code that derived it:

- ``budgetqa ingest`` works out the figures people compare (``COMMON``) for every document it adds;
- a question reads them with one query per 500 documents, and works out (and keeps) only the ones missing —
  a figure no ingest foresaw, or a document ingested by an older version of the code.

A new version of the code makes every kept figure stale; each is worked out again when first needed, so
an answer never comes from code that no longer runs.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal

from ingest import derived

from .answer import Answer, Citation

KIND = "figure"
# The figures questions across departments ask for most (the corpus suite, the scale bench): worked out at
# ingest. The words are the ones ``across.measure_words`` leaves of a question.
COMMON = ("支出总计", "收入总计", "三公经费", "人员经费", "公用经费", "基本支出", "项目支出", "财政拨款收入",
          "机关运行经费", "一般公共预算财政拨款支出")


VERSION = derived.code_version()


def key(measure: str) -> str:
    return f"{measure}是多少"


def _dump(a: Answer | None) -> str:
    if a is None:
        return "null"
    return json.dumps({"status": a.status, "answer": a.answer, "value": None if a.value is None else str(a.value),
                       "unit": a.unit, "calculation": a.calculation,
                       "citations": [asdict(c) for c in a.citations]}, ensure_ascii=False)


def _load(question: str, payload: str) -> Answer | None:
    d = json.loads(payload)
    if d is None:
        return None
    return Answer(question, d["status"], d["answer"], None if d["value"] is None else Decimal(d["value"]), d["unit"],
                  d["calculation"], [Citation(**c) for c in d["citations"]])


def _work_out(engine, doc, sub: str) -> Answer | None:
    from . import wholewords  # 「支出预算」 no line prints: the department's printed total (assistant/wholewords.py)
    try:
        a = engine._answer(sub, sub, doc, engine.vocab_for(doc).mentions(sub))
        return wholewords.reread(engine, sub, sub, doc, a) or a
    except Exception:  # noqa: BLE001 — a document that cannot be read is missing from the comparison, not its end
        return None


def answers(engine, asks: list[tuple[object, str]]) -> list[Answer | None]:
    """The engine's answer to ``sub`` on each ``(doc, sub)``: kept ones read from the store, the others
    worked out and kept."""
    store = engine.home.store
    out: list[Answer | None] = [None] * len(asks)
    by_sub: dict[str, list[int]] = {}
    for i, (_, sub) in enumerate(asks):
        by_sub.setdefault(sub, []).append(i)
    fresh: list[tuple[str, str, str]] = []
    for sub, idx in by_sub.items():
        with engine.corpus._lock:  # one connection, one reader at a time
            kept = derived.read(store, KIND, sub, VERSION, [asks[i][0].document.doc_id for i in idx])
        for i in idx:
            doc = asks[i][0]
            payload = kept.get(doc.document.doc_id)
            if payload is None:
                a = _work_out(engine, doc, sub)
                payload = _dump(a)
                fresh.append((doc.document.doc_id, sub, payload))
            out[i] = _load(sub, payload)
    if fresh:
        with engine.corpus._lock:
            derived.write(store, KIND, VERSION, fresh)
    return out


def fill(engine, doc_ids: list[str] | None = None, measures: tuple[str, ...] = COMMON) -> int:
    """Work out and keep the common figures of the answering documents (or of ``doc_ids``) that are not
    kept yet; returns how many were worked out. Run by ``budgetqa ingest`` after it stores documents."""
    docs = engine.corpus.select(doc_ids) if doc_ids else engine.corpus.docs
    before = derived.count(engine.home.store, KIND, VERSION)
    for doc in docs:  # one document at a time: its tables are read once for all its figures
        engine.vocab_for(doc)  # and the records a question about it reads first (engine._kept)
        engine.form_index(doc)
        answers(engine, [(doc, key(m)) for m in measures])
    return derived.count(engine.home.store, KIND, VERSION) - before
