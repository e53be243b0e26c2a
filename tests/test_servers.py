"""Servers by configuration alone: PostgreSQL as the side-store (BUDGETQA_DATABASE_URL) and a Chroma server
(BUDGETQA_CHROMA_URL), both started here on loopback (tests/servers.py). The sample and two real PDFs ingest;
table questions of the sample eval answer as on the embedded store; two processes give the same answers;
an engine already running sees what another process ingested."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import FAST, ROOT, budgetqa, jsonl, real_pdf  # noqa: E402
from servers import Chroma, Postgres  # noqa: E402

REAL_FILES = ("2026-hz-qxj-yusuan.pdf", "2026-ptq-sfj-yusuan.pdf")
# Table questions of every category (text answers depend on the embedder, which differs here: hash).
SUBSET = 40


@pytest.fixture(scope="module")
def servers():
    pg = Postgres().start()
    if pg.url is None:
        pg.stop()
        pytest.skip(f"no PostgreSQL: {pg.why}")
    chroma = Chroma().start()
    if chroma.url is None:
        chroma.stop()
        pg.stop()
        pytest.skip(f"no Chroma server: {chroma.why}")
    yield {"BUDGETQA_DATABASE_URL": pg.url, "BUDGETQA_CHROMA_URL": chroma.url, **FAST}
    chroma.stop()
    pg.stop()


@pytest.fixture(scope="module")
def served_home(servers, tmp_path_factory):
    """The sample and two real PDFs ingested into the servers (the home directory holds no store)."""
    home = tmp_path_factory.mktemp("served")
    budgetqa("ingest", home=home, env=servers, timeout=600)
    # The two PDFs through the batch path (two worker processes parse, one writer stores on the server).
    budgetqa("ingest", *(str(real_pdf(n)) for n in REAL_FILES), "--workers", "2", home=home, env=servers, timeout=600)
    return home


def _questions() -> list[str]:
    qs = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines() if line.strip()]
    table = [q for q in qs if q["category"] != "text"]
    return [q["question"] for q in table[:: max(1, len(table) // SUBSET)]][:SUBSET]


def _shape(answer: dict) -> tuple:
    """What an answer says, apart from which other documents the corpus holds (its refusals list them)."""
    cites = tuple((c.get("table"), c.get("row"), c.get("column"), c.get("page")) for c in answer.get("citations", []))
    return answer["status"], answer.get("value"), answer.get("unit"), answer.get("calculation"), cites


def test_the_servers_hold_the_store_and_the_index(served_home, servers):
    assert not (served_home / "budgetqa.sqlite").exists()
    import psycopg
    with psycopg.connect(servers["BUDGETQA_DATABASE_URL"]) as c:
        docs = c.execute("SELECT department FROM documents WHERE status = 'ready' ORDER BY department").fetchall()
        cells = c.execute("SELECT count(*) FROM cells").fetchone()[0]
        exact = c.execute("SELECT value FROM cells WHERE value LIKE '%.%' LIMIT 1").fetchone()[0]
        passages = {f"{d}:p{o}" for d, o in c.execute("SELECT doc_id, ordinal FROM passages").fetchall()}
        doc_ids = {d for (d,) in c.execute("SELECT doc_id FROM documents WHERE status = 'ready'").fetchall()}
    assert len(docs) == 3 and cells > 2500
    assert "." in exact and "e" not in exact.lower()  # exact decimal text, never a float
    listed = budgetqa("tables", "--json", home=served_home, env=servers).stdout
    assert "杭州市气象局" in listed or len(jsonl(listed)) > 50
    import chromadb
    port = int(servers["BUDGETQA_CHROMA_URL"].rsplit(":", 1)[1])
    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    # The index holds the text a reader asks about — every passage, table notes, prose printed in cells — and
    # no table row (figures are read from the side-store): every passage of the three documents is on the
    # Chroma server, and nothing of any other document.
    ids = {i for col in client.list_collections() for i in col.get(include=[])["ids"]}
    assert len(passages) > 150 and passages <= ids, sorted(passages - ids)[:5]
    assert {i.rsplit(":", 1)[0] for i in ids} == doc_ids
    # passages (p), table notes (n), prose cells (x): never a table row (its id was doc:tN:rM)
    assert all(i.rsplit(":", 1)[1][:1] in "pnx" for i in ids), sorted(ids)[:5]


def test_sample_questions_answer_as_on_the_embedded_store(served_home, servers, sample_home, tmp_path):
    batch = tmp_path / "q.txt"
    batch.write_text("\n".join(_questions()) + "\n")
    sample_id = json.loads(budgetqa("documents", "--json", home=sample_home).stdout.splitlines()[0])["document"]
    served = jsonl(budgetqa("ask", "--batch", str(batch), "--document", sample_id, "--json",
                            home=served_home, env=servers).stdout)
    embedded = jsonl(budgetqa("ask", "--batch", str(batch), "--json", home=sample_home).stdout)
    assert len(served) == len(embedded) == len(_questions())
    differ = [(e["question"], _shape(e), _shape(s)) for e, s in zip(embedded, served) if _shape(e) != _shape(s)]
    assert not differ, differ[:3]


def test_two_processes_answer_the_same(served_home, servers, tmp_path):
    questions = ["杭州市气象局2026年的人员经费是多少？", "普陀区司法局2026年基本支出是多少？",
                 "青龙县委组织部2023年三公经费是多少？", "杭州气象局的项目支出有哪些？", "2026年哪个部门的人员经费最多？"]
    batch = tmp_path / "q.txt"
    batch.write_text("\n".join(questions) + "\n")

    def run(_):
        return jsonl(budgetqa("ask", "--batch", str(batch), "--json", home=served_home, env=servers).stdout)

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(run, range(2))
    assert a == b
    assert sum(x["status"] == "answered" for x in a) >= 4


def test_a_running_engine_sees_another_process_ingest(servers, tmp_path):
    """Replicas share the servers: an engine started before an ingest answers about the new document."""
    pg = servers["BUDGETQA_DATABASE_URL"]
    import psycopg
    with psycopg.connect(pg.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute("CREATE DATABASE replicas")
    env = {**servers, "BUDGETQA_DATABASE_URL": pg.rsplit("/", 1)[0] + "/replicas"}
    code = ("import sys, time\n"
            "from assistant.engine import Engine\n"
            "e = Engine(sys.argv[1])\n"
            "print(e.ask('组织部2023年的人员经费是多少？').status, flush=True)\n"
            "sys.stdin.readline()\n"
            "time.sleep(1.1)\n"
            "print(e.ask('组织部2023年的人员经费是多少？').value, flush=True)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "a")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, **env}, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "not_found"  # the shared store is empty
        budgetqa("ingest", home=tmp_path / "b", env=env, timeout=600)  # another process, another home
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "321.34"
    finally:
        proc.kill()
        proc.wait()
