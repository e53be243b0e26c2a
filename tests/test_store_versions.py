"""Issue 12, the store side: versions instead of silent replacement, fragments refused, the text index
checked against the store and repaired, damaged stores and indexes reported (never read as empty).

Every command runs the real console script with the hashing embedder (what is checked is the store and
the index, not retrieval quality)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FAST, SAMPLE, budgetqa, jsonl

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.cli import main  # noqa: E402
from ingest.health import forget_index  # noqa: E402
from ingest.home import Home  # noqa: E402
from ingest import pipeline  # noqa: E402

QUESTION = "收入总计是多少？"


@pytest.fixture(scope="module", autouse=True)
def hash_embedder():
    """In-process commands (CliRunner: imports paid once) with the hashing embedder."""
    before = os.environ.get("BUDGETQA_EMBED")
    os.environ.update(FAST)
    yield
    if before is None:
        os.environ.pop("BUDGETQA_EMBED", None)
    else:
        os.environ["BUDGETQA_EMBED"] = before


@pytest.fixture(scope="module")
def fast_home(tmp_path_factory, hash_embedder) -> Path:
    home = tmp_path_factory.mktemp("fast") / "home"
    run("ingest", home=home)
    return home


@pytest.fixture(scope="module")
def clean(fast_home) -> int:
    """Vectors a clean ingest of the sample makes (its passages and table prose): what every repair restores."""
    (count,) = vector_ids(fast_home).values()
    assert count > 0
    return count


@pytest.fixture
def home(fast_home, tmp_path) -> Path:
    dst = tmp_path / "home"
    shutil.copytree(fast_home, dst)
    return dst


class Ran:
    def __init__(self, result):
        self.returncode = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.exception = result.exception


def run(*args, home: Path, check: bool = True) -> Ran:
    """The command line, in this process."""
    out = Ran(CliRunner().invoke(main, ["--home", str(home), *args]))
    if check and out.returncode != 0:
        raise AssertionError(f"budgetqa {' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return out


def store_rows(home: Path) -> dict:
    with sqlite3.connect(home / "budgetqa.sqlite") as db:
        return {
            "documents": db.execute("SELECT doc_id, version, source FROM documents ORDER BY version").fetchall(),
            "cells": db.execute("SELECT count(*) FROM cells").fetchone()[0],
        }


def vector_ids(home: Path) -> dict[str, int]:
    """Vectors per document, read through the project's own index class."""
    return dict(Counter(doc for doc, _ in Home(home).index.records().values()))


def ask(home: Path, question: str = QUESTION) -> dict:
    return jsonl(run("ask", question, "--json", home=home).stdout)[0]


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    assert getattr(proc, "exception", None) is None or isinstance(proc.exception, SystemExit), proc.exception


# --- reproduction 1: a partial file replaced the complete disclosure --------------------------------------

def test_a_fragment_of_a_stored_disclosure_is_refused(home, tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    cuts = []
    for n in (98, 42):  # 98: two tables of 44; 42: a title and a header, no rows
        cuts.append(tmp_path / f"cut{n}.txt")
        cuts[-1].write_text("".join(lines[:n]), encoding="utf-8")
    before = store_rows(home)
    out = run("ingest", *map(str, cuts), home=home, check=False)
    no_traceback(out)
    assert out.returncode == 1
    assert [line for line in out.stderr.splitlines() if "一部分" in line and "--replace" in line] == [
        line for line in out.stderr.splitlines() if line.startswith("错误")] and out.stderr.count("错误") == 2
    assert store_rows(home) == before and before["cells"] == 1889
    assert "8815.77" in ask(home)["answer"]
    # Asked for explicitly, the fragment replaces the disclosure (and its vectors go with it).
    out = run("ingest", "--replace", str(cuts[0]), home=home)
    assert "已更新" in out.stdout
    after = store_rows(home)
    assert [d[2] for d in after["documents"]] == ["cut98.txt"] and after["cells"] < 100
    # the retired version's vectors went with it: the index holds the fragment's own items, no more (its two
    # tables print no prose or note, so it has none)
    doc = after["documents"][0][0]
    want = len(pipeline.index_items(Home(home).store.load(doc)))
    assert vector_ids(home) == ({doc: want} if want else {})


def test_a_different_file_is_a_new_version_that_answers_and_says_so(home, tmp_path, clean):
    v2 = tmp_path / "v2.txt"
    v2.write_text(SAMPLE.read_text(encoding="utf-8").replace("8815.77", "9999.99"), encoding="utf-8")
    out = run("ingest", str(v2), home=home)
    assert "新版本" in out.stdout
    listed = jsonl(run("documents", "--json", home=home).stdout)
    assert [(v["version"], v["current"], v["source"]) for v in listed] == [
        (1, False, SAMPLE.name), (2, True, "v2.txt")]
    assert all(v["cells"] == 1889 and v["indexed"] for v in listed)
    answer = ask(home)
    assert "9999.99" in answer["answer"].replace(",", "")
    assert {c["document"] for c in answer["citations"]} == {listed[1]["label"]}
    assert "（第2版）" in listed[1]["label"]
    text = run("documents", home=home).stdout
    assert "第1版（旧版）" in text and "第2版（当前）" in text
    # Both versions keep their vectors; the sample again changes nothing (v2 still answers).
    assert vector_ids(home) == {listed[0]["document"]: clean, listed[1]["document"]: clean}
    assert "未变化" in run("ingest", str(SAMPLE), home=home).stdout
    assert "9999.99" in ask(home)["answer"].replace(",", "")
    # --replace retires the other versions: the sample alone answers, without a version in its name.
    out = run("ingest", "--replace", str(SAMPLE), home=home)
    assert "已更新" in out.stdout
    listed = jsonl(run("documents", "--json", home=home).stdout)
    assert [(v["version"], v["source"], v["versions"]) for v in listed] == [(1, SAMPLE.name, 1)]
    answer = ask(home)
    assert "8815.77" in answer["answer"].replace(",", "")
    assert all("版）" not in c["document"] for c in answer["citations"])
    assert vector_ids(home) == {listed[0]["document"]: clean}


# --- reproduction 5: ingest trusted its "indexed" flag ------------------------------------------------------

def test_the_index_is_checked_against_the_store_and_rebuilt(home, clean):
    shutil.rmtree(home / "chroma")
    forget_index(Home(home))  # (this process only: a new process opens what is on disk)
    out = run("ingest", home=home)
    assert f"补上缺失的向量 {clean} 条" in out.stdout
    assert sum(vector_ids(home).values()) == clean
    assert run("doctor", home=home).returncode == 0
    # Vectors missing for some items, and one no stored document owns: both repaired by a plain ingest.
    from ingest.index import IndexItem
    index = Home(home).index
    index.delete_ids(sorted(index.records())[:10])
    index.upsert("0000000000000000", [IndexItem("0000000000000000:p0", "x", {})])
    doctor = run("doctor", "--json", home=home, check=False)
    assert doctor.returncode == 1
    report = json.loads(doctor.stdout)
    assert report["index"]["missing"] == 10 and report["index"]["orphaned"] == 1
    out = run("ingest", home=home)
    assert "补上缺失的向量 10 条" in out.stdout and "删除不属于任何已存文件的向量 1 条" in out.stdout
    assert list(vector_ids(home).values()) == [clean]
    assert json.loads(run("doctor", "--json", home=home).stdout)["ok"]


# --- reproduction 6 (store side): a zero-byte store read as an empty corpus ---------------------------------

@pytest.mark.parametrize("damage", ["zero", "truncated", "overwritten"])
def test_a_damaged_store_is_reported_never_read_as_empty(home, damage):
    db = home / "budgetqa.sqlite"
    if damage == "zero":
        db.write_bytes(b"")
    elif damage == "truncated":
        db.write_bytes(db.read_bytes()[:50000])
    else:
        db.write_bytes(b"not a database at all " * 500)
    before = db.read_bytes()
    for args in (("ask", QUESTION), ("tables",), ("documents",), ("ingest",)):
        out = run(*args, home=home, check=False)
        no_traceback(out)
        assert out.returncode != 0, args
        said = out.stderr.strip().splitlines()
        assert len(said) == 1 and "语料库存储" in said[0] and "doctor" in said[0], (args, out.stderr)
        assert out.stdout.strip() == "", (args, out.stdout)
    assert db.read_bytes() == before  # nothing wrote over it
    if damage == "zero":  # the reproduction as a user meets it: the console script, exit code and one sentence
        proc = budgetqa("ask", QUESTION, home=home, env=FAST, check=False)
        assert proc.returncode == 1 and proc.stdout == "" and "Traceback" not in proc.stderr
        assert proc.stderr.startswith("错误：语料库存储") and "0 字节" in proc.stderr
    doctor = run("doctor", home=home, check=False)
    no_traceback(doctor)
    assert doctor.returncode == 1
    assert "无法读取" in doctor.stdout and "从备份恢复" in doctor.stdout


def test_a_damaged_index_is_reported_and_ingest_rebuilds_it(home, clean):
    (home / "chroma" / "chroma.sqlite3").write_bytes(b"\x00garbage" * 4000)
    forget_index(Home(home))
    doctor = run("doctor", home=home, check=False)
    no_traceback(doctor)
    assert doctor.returncode == 1 and "文本索引" in doctor.stdout and "已损坏" in doctor.stdout
    # A question only retrieval answers (a why-question is now read from the stored passages: reasons.py)
    text = run("ask", "部门预算实行什么样的编制管理？", home=home, check=False)
    no_traceback(text)
    assert text.returncode != 0 and "文本索引" in text.stderr
    out = run("ingest", home=home)
    assert "已损坏，已移到" in out.stdout
    assert sum(vector_ids(home).values()) == clean
    assert list(home.glob("chroma.damaged-*"))
    assert run("doctor", home=home).returncode == 0
