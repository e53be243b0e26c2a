"""Ingest speed and peak memory over real disclosures, with and without embeddings.

    .venv/bin/python bench/ingest.py [--dir ../shared/disclosures/real] [--no-embed] [--json]

Without embeddings: each file is read (PDF or text) and written to a fresh store in a child process of its
own, so its wall time, pages/s and peak resident memory are its own (os.wait4 gives each child's rusage).
With embeddings: one `budgetqa ingest DIR` through the real CLI on a fresh corpus, default embedder
(the text index is the slow part). Targets: the 171-page 决算 read in < 60 s on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "budgetqa"
DEFAULT_DIR = ROOT.parent / "shared" / "disclosures" / "real"

_CHILD = """
import json, sys, time
from pathlib import Path
from ingest.home import Home
from ingest.pipeline import PARSER_VERSION, parse_bytes
path, home = Path(sys.argv[1]), Home(sys.argv[2])
data = path.read_bytes()
t = time.perf_counter()
parsed = parse_bytes(data, path.name)
read = time.perf_counter() - t
t = time.perf_counter()
home.store.write(parsed, PARSER_VERSION)
home.store.publish(parsed.document.doc_id)
write = time.perf_counter() - t
pages = max([r.page or 0 for tb in parsed.tables for r in tb.rows] + [p.page or 0 for p in parsed.passages] + [0])
cells = sum(len(r.cells) for tb in parsed.tables for r in tb.rows)
print(json.dumps({"read_s": read, "write_s": write, "tables": len(parsed.tables), "cells": cells,
                  "passages": len(parsed.passages), "last_page": pages}))
"""


def _pages(path: Path) -> int:
    if path.suffix.lower() != ".pdf":
        return 0
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def _child(cmd: list[str], env: dict | None = None) -> tuple[str, float, float, int]:
    """Like _run, but reaps the child with wait4 itself so its peak memory is known."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return out, time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def without_embeddings(files: list[Path]) -> list[dict]:
    rows = []
    for f in files:
        with tempfile.TemporaryDirectory() as home:
            out, wall, rss, code = _child([sys.executable, "-c", _CHILD, str(f), home])
        rec = {"file": f.name, "pages": _pages(f), "wall_s": round(wall, 2), "rss_mb": round(rss)}
        if code == 0:
            rec.update({k: (round(v, 2) if isinstance(v, float) else v) for k, v in json.loads(out).items()})
            rec["pages_per_s"] = round(rec["pages"] / rec["read_s"], 1) if rec["pages"] else None
        else:
            rec["error"] = f"exit {code}"
        rows.append(rec)
    return rows


def with_embeddings(directory: Path) -> dict:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        out, wall, rss, code = _child([str(BIN), "--home", home, "ingest", str(directory)], env=env)
    return {"embedder": os.environ.get("BUDGETQA_EMBED") or "default", "wall_s": round(wall, 1),
            "rss_mb": round(rss), "exit": code, "summary": out.strip().splitlines()[-1] if out.strip() else ""}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--no-embed", action="store_true", help="Skip the run with embeddings.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    files = sorted(p for p in args.dir.iterdir() if p.suffix.lower() in (".pdf", ".txt"))
    rows = without_embeddings(files)
    total_pages = sum(r["pages"] for r in rows)
    total_read = sum(r.get("read_s", 0) for r in rows)
    report = {"cores": os.cpu_count(), "files": rows, "total_pages": total_pages,
              "total_read_s": round(total_read, 1),
              "pages_per_s": round(total_pages / total_read, 1) if total_read else None,
              "peak_rss_mb": max(r["rss_mb"] for r in rows)}
    if not args.no_embed:
        report["with_embeddings"] = with_embeddings(args.dir)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"cores: {report['cores']}; without embeddings (read + store, one child process per file):")
    print(f"{'file':<36} {'pages':>5} {'read s':>7} {'pages/s':>8} {'tables':>6} {'cells':>6} {'RSS MB':>7}")
    for r in rows:
        print(f"{r['file']:<36} {r['pages']:>5} {r.get('read_s', float('nan')):>7.2f} "
              f"{r.get('pages_per_s') or 0:>8.1f} {r.get('tables', 0):>6} {r.get('cells', 0):>6} {r['rss_mb']:>7}"
              + (f"  {r['error']}" if "error" in r else ""))
    print(f"total: {total_pages} pages read in {total_read:.1f} s = {report['pages_per_s']} pages/s; "
          f"peak RSS {report['peak_rss_mb']} MB")
    if "with_embeddings" in report:
        w = report["with_embeddings"]
        print(f"with embeddings ({w['embedder']}): budgetqa ingest DIR {w['wall_s']} s, peak RSS {w['rss_mb']} MB, "
              f"exit {w['exit']}; {w['summary']}")


if __name__ == "__main__":
    main()
