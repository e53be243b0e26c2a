"""Ingest time and peak memory for the bundled sample, through the real CLI, on a fresh corpus.

    .venv/bin/python bench/ingest.py [--runs 3]

Prints wall time per run (parse + tables + embeddings + Chroma), the peak resident memory of the
`budgetqa ingest` process, and a breakdown of the stages measured in-process. Target: < 15 s on 2 cores.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent / "budgetqa"


def cli_run() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        proc = subprocess.run([str(BIN), "--home", home, "ingest"], capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(proc.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak_mb


def stages() -> dict[str, float]:
    from ingest.home import Home, sample_files
    from ingest.readers.text import parse_file
    from ingest.pipeline import PARSER_VERSION, index_items

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        home = Home(tmp)
        t = time.perf_counter()
        parsed = parse_file(sample_files()[0])
        out["parse"] = time.perf_counter() - t
        t = time.perf_counter()
        home.store.write(parsed, PARSER_VERSION)
        home.store.publish(parsed.document.doc_id)
        out["store (tables visible)"] = time.perf_counter() - t
        t = time.perf_counter()
        index = home.index
        out["load embedder + Chroma"] = time.perf_counter() - t
        items = index_items(parsed)
        t = time.perf_counter()
        index.upsert(parsed.document.doc_id, items)
        out[f"embed + upsert {len(items)} items"] = time.perf_counter() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"embedder: {os.environ.get('BUDGETQA_EMBED') or 'default'}; cores: {os.cpu_count()}")
    walls = []
    peak = 0.0
    for k in range(args.runs):
        wall, peak = cli_run()
        walls.append(wall)
        print(f"run {k + 1}: budgetqa ingest {wall:.2f} s")
    print(f"ingest wall: median {statistics.median(walls):.2f} s, max {max(walls):.2f} s (target < 15 s)")
    print(f"peak memory (largest child): {peak:.0f} MB")
    for name, secs in stages().items():
        print(f"  {name:<28} {secs:7.2f} s")


if __name__ == "__main__":
    main()
