"""Answer time and memory as the corpus grows: N documents cloned from the real files' parsed tables.

    .venv/bin/python bench/scale.py --docs 1000 [--json] [--home DIR] [--questions 200]
    BUDGETQA_DATABASE_URL=postgresql://… .venv/bin/python bench/scale.py --docs 1000   # the same on PostgreSQL

The real PDFs (../shared/disclosures/real) and the sample are ingested once, with the hashing embedder, into a
cache home (``--cache``, default ~/.cache/budgetqa/bench-real). The corpus is then built directly in the store,
no PDF parsing: each clone copies one source document's tables, columns, rows, cells and passages under another
department name (another city: 安平市气象局, 安平市财政局 …, the source's own year and kind) with its figures
perturbed (each value times a factor within ±10 %, kept at its printed precision, exact Decimal).

Timed in a fresh process holding only the engine (so peak RSS is the engine's, not the builder's):
- table questions: a department named in full, its year, one figure ("安平市气象局2026年的人员经费是多少？"), on
  documents drawn at random (most are not in the engine's small LRU: the store is read per question);
- corpus questions: one canonical measure over every department of a year, ranked and summed, exact, with
  ``Store.measure_sum`` (the SQL side of corpus questions); and, on a few questions, the engine's own
  cross-document answer (assistant/across.py), reported apart (``engine_corpus_*``).
Targets (2 cores, SQLite): 1,000 documents p95 ≤ 50 ms table, ≤ 300 ms corpus, RSS ≤ 1 GB.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent / "budgetqa"
REAL = ROOT.parent / "shared" / "disclosures" / "real"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "budgetqa" / "bench-real"

# Two characters from here make a city name no source uses (40 × 39 = 1,560 cities × 15 sources).
_CHARS = "安宁平康泰和丰顺永昌嘉兴华阳江河山海青云金玉长明清新德信文武福瑞祥龙凤林松柏桂兰"
FIGURES = ("人员经费", "基本支出", "项目支出", "支出总计", "收入总计", "三公经费", "公用经费", "财政拨款收入")
CORPUS = (("三公经费", "rank"), ("人员经费", "sum"), ("基本支出", "rank"), ("项目支出", "sum"), ("公用经费", "rank"))


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def cities() -> list[str]:
    return [a + b for a in _CHARS for b in _CHARS if a != b]


# --- building ------------------------------------------------------------------------------------------

def source_home(cache: Path) -> Path:
    """The real files and the sample ingested once (hash embedder: the text index is not what is timed)."""
    db = cache / "budgetqa.sqlite"
    if not db.exists():
        cache.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "BUDGETQA_EMBED": "hash"}
        env.pop("BUDGETQA_DATABASE_URL", None)
        env.pop("BUDGETQA_CHROMA_URL", None)
        paths = [str(REAL)] if REAL.is_dir() else []
        subprocess.run([str(BIN), "--home", str(cache), "ingest", *paths, str(ROOT / "data" / "sample")],
                       check=True, capture_output=True, env=env)
    return cache


def clone_name(department: str, region: str, city: str) -> tuple[str, str]:
    """The source department under another city's name: 杭州市气象局 → 安平市气象局, 中共西安市委宣传部 →
    中共安平市委宣传部, 国家信访局 → 安平市信访局, 上海市普陀区财政局 → 安平市财政局."""
    new_region = f"{city}市"
    if region and region != "中央" and region in department:
        return department.replace(region, new_region, 1), new_region
    for outer in ("上海市", "北京市", "西安市", "杭州市", "广州市", "深圳市", "福州市", "江苏省"):
        if department.startswith(outer):
            return new_region + department[len(outer):], new_region
    core = department.removeprefix("国家").removeprefix("中共")
    return new_region + core, new_region


def _perturb(value: str | None, factor: Decimal) -> str | None:
    if value is None:
        return None
    v = Decimal(value)
    if not v:
        return value
    return str((v * factor).quantize(Decimal(1).scaleb(v.as_tuple().exponent)))


def build(db, src, n: int, log=print) -> int:
    """Clone ``src``'s documents into ``db`` (both DB-API connections of the one schema) until it holds ``n``
    ready documents. Returns the number of cells."""
    q = "?"  # the PostgreSQL adapter (ingest/backend.py) reads SQLite's parameters

    def rows(conn, sql, args=()):
        cur = conn.cursor()
        cur.execute(sql, args)
        return [tuple(r) for r in cur.fetchall()], [d[0] for d in cur.description]

    docs, doc_cols = rows(src, "SELECT * FROM documents WHERE status = 'ready' ORDER BY doc_id")
    have = rows(db, "SELECT count(*) FROM documents WHERE status = 'ready'")[0][0][0]
    if have >= n:
        return rows(db, "SELECT count(*) FROM cells")[0][0][0]
    parts = {}
    for name in ("tables", "columns", "rows", "cells", "passages"):
        data, cols = rows(src, f"SELECT * FROM {name}")
        k = cols.index("doc_id")
        by_doc: dict[str, list] = {}
        for r in data:
            by_doc.setdefault(r[k], []).append(r)
        parts[name] = (by_doc, cols)
    ix = {c: doc_cols.index(c) for c in ("doc_id", "sha256", "department", "region", "title", "source", "members")}
    names = cities()
    cur = db.cursor()
    t0, made = time.perf_counter(), 0
    for i in range(n - have):
        s = docs[i % len(docs)]
        city = names[(have + i) // len(docs)]
        dept, region = clone_name(s[ix["department"]], s[ix["region"]], city)
        serial = f"{have + i:08d}"
        doc_id = "c" + serial + s[ix["doc_id"]][:7]
        new = list(s)
        new[ix["doc_id"]] = doc_id
        new[ix["sha256"]] = doc_id + "0" * (64 - len(doc_id))
        new[ix["department"]] = dept
        new[ix["region"]] = region
        new[ix["title"]] = (s[ix["title"]] or "").replace(s[ix["department"]], dept)
        new[ix["source"]] = f"clone-{serial}-{s[ix['source']]}"
        new[ix["members"]] = new[ix["sha256"]]
        cur.execute(f"INSERT INTO documents ({', '.join(doc_cols)}) VALUES ({', '.join([q] * len(doc_cols))})", new)
        factor = Decimal(1) + Decimal(((have + i) * 37) % 201 - 100) / 1000
        for name in ("tables", "columns", "rows", "cells", "passages"):
            by_doc, cols = parts[name]
            k = cols.index("doc_id")
            vk = cols.index("value") if name == "cells" else -1
            batch = []
            for r in by_doc.get(s[ix["doc_id"]], ()):
                r = list(r)
                r[k] = doc_id
                if vk >= 0:
                    r[vk] = _perturb(r[vk], factor)
                batch.append(r)
            if batch:
                cur.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join([q] * len(cols))})", batch)
        made += 1
        if made % 250 == 0:
            db.commit()
            log(f"  {have + made} documents ({made / (time.perf_counter() - t0):.0f}/s)")
    db.commit()
    return rows(db, "SELECT count(*) FROM cells")[0][0][0]


def build_home(home: Path, n: int, cache: Path) -> None:
    """A home whose store holds ``n`` documents: the SQLite file in the home (starting from a copy of the
    sources themselves), or the server of BUDGETQA_DATABASE_URL (clones only)."""
    import sqlite3

    from ingest.home import Home
    src = sqlite3.connect(source_home(cache) / "budgetqa.sqlite")
    if os.environ.get("BUDGETQA_DATABASE_URL"):
        raw = Home(home).store.db  # the PostgreSQL adapter (ingest/backend.py), schema created
    else:
        db_path = home / "budgetqa.sqlite"
        if not db_path.exists():
            shutil.copy(cache / "budgetqa.sqlite", db_path)
        Home(home).store.close()  # the schema and indexes of this version
        raw = sqlite3.connect(db_path)
        raw.execute("PRAGMA synchronous = OFF")
    t = time.perf_counter()
    cells = build(raw, src, n, log=lambda s: print(s, file=sys.stderr))
    print(f"built {n} documents, {cells} cells in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    raw.commit()
    # What `budgetqa ingest` does after storing documents: each department's common figures worked out once
    # and kept (assistant/keyfigures.py), so a corpus question reads one row per department.
    from assistant import keyfigures
    from assistant.engine import Engine
    from ingest import snapshot
    t = time.perf_counter()
    store = Home(home).store
    made = snapshot.keep(store, [d.doc_id for d in store.documents()])
    print(f"kept {made} tables records in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    t = time.perf_counter()
    made = keyfigures.fill(Engine(Home(home)))
    print(f"kept {made} figures in {time.perf_counter() - t:.1f} s ({(time.perf_counter() - t) / max(n, 1) * 1000:.0f} ms "
          f"per document)", file=sys.stderr)


# --- timing --------------------------------------------------------------------------------------------

def time_questions(home: Path, n_questions: int, seed: int = 14) -> dict:
    from assistant import keyfigures
    from assistant.answer import ANSWERED
    from assistant.engine import Engine
    from ingest.home import Home

    t = time.perf_counter()
    engine = Engine(Home(home))
    load_s = time.perf_counter() - t
    docs = [d.document for d in engine.corpus.docs]
    store = engine.home.store
    rng = random.Random(seed)
    table, table_cpu, answered = [], [], 0
    for k in range(n_questions):
        d = rng.choice(docs)
        q = f"{d.department}{d.year}年的{FIGURES[k % len(FIGURES)]}是多少？"
        t, c = time.perf_counter(), time.process_time()
        a = engine.ask(q)
        table.append((time.perf_counter() - t) * 1000)
        table_cpu.append((time.process_time() - c) * 1000)
        answered += a.status == ANSWERED
    years = sorted({d.year for d in docs})
    corpus = []
    for k in range(max(10, n_questions // 10)):
        meaning, op = CORPUS[k % len(CORPUS)]
        year = years[k % len(years)]
        t = time.perf_counter()
        groups = store.measure_sum(meaning, by="doc", year=year, totals=True)
        if op == "rank":
            top = groups[0] if groups else None
            _ = top and (top[0], top[1], [(c.table, c.row, c.column, c.page) for c in top[2]])
        else:
            _ = sum((g[1] for g in groups), Decimal(0))
        corpus.append((time.perf_counter() - t) * 1000)
    # The engine's own cross-document answers (assistant/across.py): each department's figure read from the
    # figures kept at ingest (assistant/keyfigures.py), ranked, summed and cited.
    engine_corpus = []
    wording = ("{y}年哪个部门的{m}最多？", "{y}年各部门的{m}一共多少？", "{y}年哪个部门的{m}最少？")
    for k in range(max(10, n_questions // 10)):
        m = keyfigures.COMMON[k % 6]
        y = years[k % len(years)]
        t = time.perf_counter()
        engine.ask(wording[k % len(wording)].format(y=y, m=m))
        engine_corpus.append((time.perf_counter() - t) * 1000)
    cells = store.counts()["cells"]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"docs": len(docs), "cells": cells, "backend": type(store).__module__ if False else
            ("postgresql" if os.environ.get("BUDGETQA_DATABASE_URL") else "sqlite"),
            "engine_load_s": round(load_s, 3), "questions": len(table), "answered": answered,
            "p50_ms": round(statistics.median(table), 1), "p95_ms": round(pct(table, 95), 1),
            "max_ms": round(max(table), 1), "cpu_p95_ms": round(pct(table_cpu, 95), 1),
            "load_average": round(os.getloadavg()[0], 1),
            "corpus_questions": len(corpus), "corpus_p50_ms": round(statistics.median(corpus), 1),
            "corpus_p95_ms": round(pct(corpus, 95), 1),
            "engine_corpus_p50_ms": round(statistics.median(engine_corpus), 1),
            "engine_corpus_p95_ms": round(pct(engine_corpus, 95), 1),
            "rss_mb": round(rss, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--home", help="where to build (kept; default: a temporary directory)")
    ap.add_argument("--cache", type=Path, default=CACHE, help="the ingested real files (built once)")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--time-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.time_only:
        print(json.dumps(time_questions(Path(args.home), args.questions), ensure_ascii=False))
        return
    tmp = None
    home = Path(args.home) if args.home else Path(tmp := tempfile.mkdtemp(prefix="budgetqa-scale-"))
    home.mkdir(parents=True, exist_ok=True)
    try:
        build_home(home, args.docs, args.cache)
        out = subprocess.run([sys.executable, __file__, "--time-only", "--home", str(home),
                              "--questions", str(args.questions)], check=True, capture_output=True, text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"{result['docs']} documents, {result['cells']:,} cells ({result['backend']}); engine start "
          f"{result['engine_load_s']} s")
    print(f"table questions  n={result['questions']} answered {result['answered']}  p50 {result['p50_ms']} ms  "
          f"p95 {result['p95_ms']} ms  max {result['max_ms']} ms  (CPU p95 {result['cpu_p95_ms']} ms; "
          f"load average {result['load_average']})")
    print(f"corpus questions n={result['corpus_questions']} (SQL, Store.measure_sum)  p50 {result['corpus_p50_ms']} ms"
          f"  p95 {result['corpus_p95_ms']} ms;  engine answers (across.py, kept figures): p50 "
          f"{result['engine_corpus_p50_ms']} ms  p95 {result['engine_corpus_p95_ms']} ms")
    print(f"peak RSS {result['rss_mb']} MB")


if __name__ == "__main__":
    main()
