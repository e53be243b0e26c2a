"""Answer latency over the evaluation set, and the cold start of `budgetqa ask`.

    .venv/bin/python bench/answer.py [--home DIR] [--corpus DIR]

With ``--corpus DIR`` (a home holding every real disclosure and the sample), the warm figures are also
measured there, over the real suite (eval/real): table questions p95 with one document and with sixteen.

Warm: every question asked once to warm up (loads the text retriever), then timed on a second pass;
median and p95 for table questions and for text questions separately. Cold: wall time of a fresh
`budgetqa ask` process for a table question and for a text question. Targets: table p95 < 50 ms warm,
cold start < 5 s.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent / "budgetqa"
TEXT_CATEGORIES = {"text"}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def warm(engine, questions, label: str) -> None:
    """Every question asked once to warm up, then timed on a second pass."""
    for q in questions:
        engine.ask(q.question)
    table, text = [], []
    for q in questions:
        t = time.perf_counter()
        engine.ask(q.question)
        ms = (time.perf_counter() - t) * 1000
        (text if q.category in TEXT_CATEGORIES else table).append(ms)
    print(f"{label}:")
    for name, xs in (("table questions", table), ("text questions", text)):
        if xs:
            print(f"  warm {name:<16} n={len(xs):<4} median {statistics.median(xs):6.1f} ms   "
                  f"p95 {pct(xs, 95):6.1f} ms   max {max(xs):6.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", help="an ingested corpus (default: a fresh one with the sample)")
    ap.add_argument("--corpus", help="a home with every real disclosure and the sample: warm figures over eval/real")
    args = ap.parse_args()
    tmp = None
    home = args.home
    if home is None:
        tmp = tempfile.TemporaryDirectory()
        home = tmp.name
        subprocess.run([str(BIN), "--home", home, "ingest"], check=True, capture_output=True)

    from assistant.engine import Engine
    from assistant.evaluate import load_questions
    from ingest.home import Home

    warm(Engine(Home(home)), load_questions(), "1 document, eval/questions.jsonl")
    if args.corpus:
        warm(Engine(Home(args.corpus)), load_questions(ROOT / "eval" / "real"), "16 documents, eval/real")
    for label, question in (("table", "人员经费占基本支出的比例是多少？"), ("text", "三公经费为什么减少？")):
        walls = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([str(BIN), "--home", home, "ask", question, "--json"], check=True, capture_output=True)
            walls.append(time.perf_counter() - t)
        print(f"cold start `budgetqa ask` ({label} question): median {statistics.median(walls):.2f} s, "
              f"max {max(walls):.2f} s (target < 5 s)")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
