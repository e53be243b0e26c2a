"""A document's tables kept as one compact record (ingest/snapshot.py) read back equal to its rows and
cells, on every real disclosure; a store without records (or with stale ones) still reads its rows."""
import shutil
import sqlite3

from conftest import FAST, budgetqa

from ingest import snapshot
from ingest.home import Home


def test_the_record_equals_the_rows_on_every_real_disclosure(real_home):
    store = Home(real_home).store
    docs = store.documents()
    assert len(docs) >= 10
    for d in docs:
        kept = snapshot.read(store, d.doc_id)
        assert kept is not None, f"{d.label}: no record written at ingest"
        rows = store.rows_tables(d.doc_id)
        assert kept == rows, d.label
        assert sum(len(r.cells) for t in kept for r in t.rows) > 0


def test_without_records_the_rows_answer_and_ingest_makes_them_again(real_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(real_home, home)
    store = Home(home).store
    doc = store.documents()[0]
    before = store.tables(doc.doc_id)
    with sqlite3.connect(home / "budgetqa.sqlite") as db:
        db.execute("UPDATE derived SET version = 'stale' WHERE kind = ?", (snapshot.KIND,))
    store = Home(home).store
    assert snapshot.read(store, doc.doc_id) is None  # a stale record is never read
    assert store.tables(doc.doc_id) == before
    budgetqa("ingest", home=home, env=FAST)  # the sample; then every document's record is made again
    store = Home(home).store
    assert all(snapshot.read(store, d.doc_id) is not None for d in store.documents())
