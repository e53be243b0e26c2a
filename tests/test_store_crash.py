"""Issue 12, the store side under stress: ``kill -9`` during ingest (a re-ingest restores exactly a clean
ingest's store and index), and questions asked while a new version is being ingested (each answer is
wholly the old version's or wholly the new one's)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import BIN, FAST, ROOT, SAMPLE, budgetqa, jsonl

# Kill moments per run: drawn anew each run (the seed is printed), so the runs together cover the ingest.
KILLS = 12
OLD, NEW = "8815.77", "9999.99"  # 收入总计 (and the narrative's total) in the sample and in its second version


def second_version(tmp_path: Path) -> Path:
    v2 = tmp_path / "v2.txt"
    v2.write_text(SAMPLE.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    return v2


def test_kill_9_during_ingest_then_a_reingest_equals_a_clean_ingest(tmp_path):
    seed = int(os.environ.get("BUDGETQA_CRASH_SEED", time.time()))
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "crashkit.py"), str(work),
                           str(second_version(tmp_path)), str(KILLS), str(seed)],
                          capture_output=True, text=True, timeout=600, env={**os.environ, **FAST})
    assert proc.returncode == 0, f"seed {seed}:\n{proc.stdout}\n{proc.stderr}"
    lines = jsonl(proc.stdout)
    reference, runs = lines[0]["reference"], lines[1:]
    # The clean states: a new version beside the old (two documents, both indexed), or --replace (one).
    assert sorted(tuple(d[1:]) for d in reference["False"]["documents"]) == [(1, "ready"), (2, "ready")]
    assert reference["False"]["vectors"] == 2 * reference["True"]["vectors"] > 0
    assert len(reference["True"]["documents"]) == 1 and len(reference["True"]["vector_documents"]) == 1
    assert sum(r["killed"] for r in runs) >= KILLS, f"seed {seed}: {runs}"
    assert {r["replace"] for r in runs if r["killed"]} == {False, True}
    print(f"seed {seed}: {len(runs)} runs, {sum(r['killed'] for r in runs)} killed at "
          f"{sorted(r['kill_at'] for r in runs if r['killed'])} s; clean ingest {lines[0]['duration']} s")
    bad = [r for r in runs if not r["equal"] or r["reingest_exit"] != 0]
    assert not bad, f"seed {seed}: {json.dumps(bad, ensure_ascii=False)}"


def _version_of(answer: dict) -> str:
    """old | new | mixed: the figure stated and the document every citation names must agree."""
    text = answer["answer"].replace(",", "")
    labels = {c["document"] for c in answer["citations"]}
    if OLD in text and NEW not in text and labels and not any("第2版" in x for x in labels):
        return "old"
    if NEW in text and OLD not in text and labels and all("第2版" in x for x in labels):
        return "new"
    return "mixed"


def test_questions_during_the_ingest_of_a_new_version_get_the_old_or_the_new_never_a_mix(tmp_path):
    home = tmp_path / "home"
    budgetqa("ingest", home=home, env=FAST)
    questions = tmp_path / "questions.txt"
    questions.write_text("收入总计是多少？\n2023年部门预算收入总计多少万元？\n", encoding="utf-8")
    env = {**os.environ, **FAST}
    results: list[tuple[float, list[dict]]] = []
    errors: list[str] = []
    done = threading.Event()
    lock = threading.Lock()

    def asker():
        after = 0  # keep asking until the ingest is over and one answer was started after it
        while after < 1:
            ended = done.is_set()
            proc = subprocess.run([str(BIN / "budgetqa"), "--home", str(home), "ask", "--batch", str(questions),
                                   "--json"], capture_output=True, text=True, env=env, cwd=ROOT)
            with lock:
                if proc.returncode != 0:
                    errors.append(proc.stderr)
                else:
                    results.append((time.monotonic(), jsonl(proc.stdout)))
            after += ended

    threads = [threading.Thread(target=asker) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    ingest = budgetqa("ingest", str(second_version(tmp_path)), home=home, env=FAST)
    done.set()
    for t in threads:
        t.join(timeout=120)
    assert "新版本" in ingest.stdout
    assert not errors, errors[:3]
    per_process = [{_version_of(a) for a in answers} for _, answers in results]
    assert all(len(v) == 1 and v != {"mixed"} for v in per_process), per_process
    seen = [v.pop() for v in per_process]
    print(f"{len(seen)} ask processes, {2 * len(seen)} answers: {seen.count('old')} old, {seen.count('new')} new")
    assert "old" in seen and "new" in seen and len(seen) >= 6
