"""Replicas answer identically: two processes with different string-hash seeds (Python randomises the
order sets iterate in per process) give the same answers, readings and citations, byte for byte. The
questions are the sample suite's near-miss and ambiguous ones, where ties between names are decided."""
from __future__ import annotations

import json
import os
import subprocess

from conftest import BIN, ROOT, jsonl

from assistant.evaluate import DEFAULT_QUESTIONS


def _ask(home, questions, seed: str) -> list[dict]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([str(BIN / "budgetqa"), "--home", str(home), "ask", "--batch", str(questions), "--json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return jsonl(proc.stdout)


def test_two_processes_with_different_hash_seeds_answer_byte_for_byte_alike(sample_home, tmp_path):
    rows = [json.loads(line) for line in DEFAULT_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = [r["question"] for r in rows if r.get("category") in ("ambiguous", "colloquial", "refusal")]
    assert len(picked) >= 20
    questions = tmp_path / "q.txt"
    questions.write_text("\n".join(picked) + "\n", encoding="utf-8")
    first, second = _ask(sample_home, questions, "1"), _ask(sample_home, questions, "2")
    assert len(first) == len(picked)
    differ = [(a["question"], a["answer"], b["answer"]) for a, b in zip(first, second) if a != b]
    assert not differ, differ[:3]
