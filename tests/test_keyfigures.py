"""Each department's figure for questions across departments is worked out at ingest and kept in the store
(assistant/keyfigures.py, ingest/derived.py): a corpus question reads one row per department, never the
departments' documents, and answers exactly as working each figure out again would."""
import json
import shutil
import sqlite3

import pytest

from assistant import keyfigures
from assistant.answer import ANSWERED
from assistant.engine import Engine
from ingest.home import Home

QUESTION = "2026年哪个部门的人员经费最多？"


@pytest.fixture
def corpus(real_home, tmp_path):
    dst = tmp_path / "home"
    shutil.copytree(real_home, dst)
    return dst


def _rows(home, sql, args=()):
    with sqlite3.connect(home / "budgetqa.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_ingest_keeps_the_common_figures_of_every_document(real_home):
    docs = [d.doc_id for d in Home(real_home).store.documents()]
    kept = _rows(real_home, "SELECT doc_id, key FROM derived WHERE kind = 'figure' AND version = ?", (keyfigures.VERSION,))
    assert len(docs) >= 10
    assert {(d, keyfigures.key(m)) for d in docs for m in keyfigures.COMMON} <= set(kept)


def test_a_corpus_question_reads_kept_figures_not_documents(corpus):
    engine = Engine(Home(corpus))
    a = engine.ask(QUESTION)
    assert a.status == ANSWERED and a.value is not None and len(a.citations) >= 3
    assert not engine.corpus._cache._items, "a corpus question loaded departments' documents"


def test_kept_figures_answer_as_working_them_out_again_would(corpus):
    kept = Engine(Home(corpus)).ask(QUESTION)
    _rows(corpus, "DELETE FROM derived")
    engine = Engine(Home(corpus))
    again = engine.ask(QUESTION)
    assert again.answer == kept.answer and again.value == kept.value
    assert engine.corpus._cache._items, "the figures were worked out from the documents"
    # ...and kept again for the next question
    assert _rows(corpus, "SELECT count(*) FROM derived WHERE version = ?", (keyfigures.VERSION,))[0][0] > 0


def test_a_figure_kept_by_other_code_is_not_used(corpus):
    kept = Engine(Home(corpus)).ask(QUESTION)
    top = kept.citations[0].doc_id
    # A figure kept by an older version of the code, and tampered: never read, worked out again.
    for key, payload in _rows(corpus, "SELECT key, payload FROM derived WHERE doc_id = ? AND kind = ?",
                              (top, keyfigures.KIND)):
        d = json.loads(payload)
        if d and d["value"] is not None:
            d["value"] = "999999.99"
        _rows(corpus, "UPDATE derived SET version = 'older', payload = ? WHERE doc_id = ? AND kind = ? AND key = ?",
              (json.dumps(d, ensure_ascii=False), top, keyfigures.KIND, key))
    again = Engine(Home(corpus)).ask(QUESTION)
    assert again.answer == kept.answer
    assert "999999.99" not in again.answer


def test_a_deleted_document_takes_its_kept_figures_with_it(corpus):
    store = Home(corpus).store
    doc = store.documents()[0].doc_id
    assert _rows(corpus, "SELECT count(*) FROM derived WHERE doc_id = ?", (doc,))[0][0] > 0
    store.delete(doc)
    assert _rows(corpus, "SELECT count(*) FROM derived WHERE doc_id = ?", (doc,))[0][0] == 0
