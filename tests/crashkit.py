"""Kill ``budgetqa ingest`` with SIGKILL at random moments and check that a re-ingest restores exactly the
state of a clean ingest (tests/test_store_crash.py runs this as a subprocess).

    python tests/crashkit.py WORKDIR NEW_FILE KILLS SEED

The sample is ingested into WORKDIR/base, then NEW_FILE (a second version of it) once cleanly (as a new
version, and with --replace) for the reference states. Each run copies base, starts the same ingest,
kills it at a moment drawn uniformly over the clean ingest's duration, runs the ingest again (two runs at a
time, alternately a new version and a --replace, until KILLS ingests were killed), and
compares a dump of the store (every row of every table but the ingest time) and the index (every vector's
id, document and text) with the reference. One JSON object per run on stdout.

Every ingest runs in a child forked from this process once the modules are imported (an ingest costs
about a second; the imports would cost more than that), and this process never opens the index itself.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["BUDGETQA_EMBED"] = "hash"

from assistant.cli import main  # noqa: E402
from ingest import health, index, pipeline  # noqa: E402, F401  (imported here, before any fork)
from ingest.home import Home  # noqa: E402

TABLES = ("documents", "tables", "columns", "rows", "cells", "passages")


def fork(run) -> int:
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            run()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # noqa: BLE001
            import traceback
            traceback.print_exc()
            code = 1
        os._exit(code)
    return pid


def ingest(home: Path, new: Path, replace: bool) -> int:
    args = ["--home", str(home), "ingest", *(["--replace"] if replace else []), str(new)]
    return fork(lambda: main(args, standalone_mode=False))


def wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def dump(home: Path) -> int:
    """Start a child that writes the store and the index as comparable data to ``HOME.dump.json`` (in a
    child: this process opens no index); ``read_dump`` reads it once the child is done."""
    out = home.parent / f"{home.name}.dump.json"

    def run():
        db = sqlite3.connect(home / "budgetqa.sqlite")
        store = {}
        for table in TABLES:
            cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            rows = [tuple(None if c == "ingested_at" else v for c, v in zip(cols, r))
                    for r in db.execute(f"SELECT * FROM {table}")]
            store[table] = sorted(rows, key=repr)
        vectors = sorted((i, doc, hashlib.sha256(text.encode()).hexdigest()[:12])
                         for i, (doc, text) in Home(home).index.records().items())
        docs = sorted({doc for _, doc, _ in vectors})
        out.write_text(json.dumps({
            "store": hashlib.sha256(repr(store).encode()).hexdigest(),
            "counts": {t: len(r) for t, r in store.items()},
            "documents": [(r[0], r[-1], r[9]) for r in sorted(store["documents"])],  # id, version, status
            "vectors": len(vectors), "vector_documents": docs,
            "vector_ids": hashlib.sha256(repr(vectors).encode()).hexdigest()}))

    return fork(run)


def read_dump(home: Path) -> dict:
    return json.loads((home.parent / f"{home.name}.dump.json").read_text())


def main_(work: Path, new: Path, runs: int, seed: int, lanes: int = 2) -> None:
    rng = random.Random(seed)
    base = work / "base"
    assert wait(fork(lambda: main(["--home", str(base), "ingest"], standalone_mode=False))) == 0
    reference, duration = {}, {}
    for replace in (False, True):
        home = work / f"ref-{int(replace)}"
        shutil.copytree(base, home)
        start = time.monotonic()
        assert wait(ingest(home, new, replace)) == 0
        duration[replace] = time.monotonic() - start
        assert wait(dump(home)) == 0
        reference[replace] = read_dump(home)
        shutil.rmtree(home)
    print(json.dumps({"reference": {str(k): v for k, v in reference.items()}, "duration": list(duration.values())}),
          flush=True)
    # ``lanes`` runs at a time, each in its own home: each is killed at its own moment. A run whose ingest
    # was over before its moment came is checked too, but does not count: ``runs`` kills are made.
    killed, k = 0, 0
    while killed < runs and k < runs + 10:
        batch = []
        for k in range(k, k + min(lanes, runs - killed)):
            replace = k % 2 == 1
            home = work / f"run-{k}"
            shutil.copytree(base, home)
            batch.append({"run": k, "replace": replace, "home": home, "kill_at": rng.uniform(0, duration[replace])})
        start = time.monotonic()
        for b in batch:
            b["pid"] = ingest(b["home"], new, b["replace"])
        for b in sorted(batch, key=lambda b: b["kill_at"]):
            time.sleep(max(0.0, start + b["kill_at"] - time.monotonic()))
            b["killed"] = os.waitpid(b["pid"], os.WNOHANG)[0] == 0
            if b["killed"]:
                os.kill(b["pid"], signal.SIGKILL)
                wait(b["pid"])
        for b in batch:
            b["pid"] = ingest(b["home"], new, b["replace"])
        for b in batch:
            b["reingest_exit"] = wait(b["pid"])
            b["pid"] = dump(b["home"])
        for b in batch:
            assert wait(b["pid"]) == 0
            got = read_dump(b["home"])
            print(json.dumps({"run": b["run"], "replace": b["replace"], "kill_at": round(b["kill_at"], 3),
                              "killed": b["killed"], "reingest_exit": b["reingest_exit"],
                              "equal": got == reference[b["replace"]],
                              "got": got if got != reference[b["replace"]] else None}), flush=True)
            shutil.rmtree(b["home"])
            killed += b["killed"]
        k += 1


if __name__ == "__main__":
    main_(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
