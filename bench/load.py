"""Load test: concurrent sessions asking table questions of the app's engine over loopback HTTP, bounded.

    .venv/bin/python bench/load.py [--home DIR] [--sessions 50] [--seconds 60] [--json]

The engine is built the way app.py builds it (one ``Engine`` per process over a ``ui.SessionSafeHome``,
shared by every session's thread) and served by a small threaded HTTP server on 127.0.0.1 (a free port:
GET /ask?q=… → the answer as JSON). Each session is a thread that asks table questions in a loop, one at a
time, until the time is up. Reported: requests, errors (HTTP or answer status "error"), p50/p95/max latency.
Default corpus: a fresh one with the sample ingested (hash embedder; table questions never embed).
Target: 0 errors.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent / "budgetqa"

QUESTIONS = ["人员经费是多少？", "基本支出是多少？", "项目支出是多少？", "三公经费是多少？", "公务接待费是多少？",
             "人员经费占基本支出的比例是多少？", "一般公共服务支出是多少？", "收入总计是多少？",
             "办公费比印刷费多多少？", "哪一项基本支出最多？"]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def serve(home: str) -> tuple[ThreadingHTTPServer, str]:
    from assistant import ui
    from assistant.engine import Engine
    engine = Engine(ui.SessionSafeHome(home))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("q", [""])[0]
            try:
                a = engine.ask(q)
                body, code = json.dumps({"status": a.status, "value": str(a.value)}, ensure_ascii=False), 200
            except Exception as exc:  # noqa: BLE001
                body, code = json.dumps({"status": "error", "error": f"{type(exc).__name__}: {exc}"}), 500
            data = body.encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 256  # the default backlog (5) drops connections of 50 sessions at once

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home")
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = None
    home = args.home
    if home is None:
        tmp = tempfile.TemporaryDirectory()
        home = tmp.name
        subprocess.run([str(BIN), "--home", home, "ingest"], check=True, capture_output=True,
                       env={**os.environ, "BUDGETQA_EMBED": "hash"})
    server, url = serve(home)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + args.seconds

    def session(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            q = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(f"{url}/ask?q={urllib.parse.quote(q)}", timeout=60) as r:
                    status = json.loads(r.read())["status"]
                ok = status != "error"
                why = status
            except Exception as exc:  # noqa: BLE001
                ok, why = False, f"{type(exc).__name__}: {exc}"
            ms = (time.perf_counter() - t) * 1000
            with lock:
                latencies.append(ms)
                if not ok:
                    errors.append(why)

    threads = [threading.Thread(target=session, args=(k,)) for k in range(args.sessions)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    server.shutdown()
    result = {"sessions": args.sessions, "seconds": round(wall, 1), "requests": len(latencies),
              "per_s": round(len(latencies) / wall, 1), "errors": len(errors), "error_kinds": sorted(set(errors))[:5],
              "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
              "p95_ms": round(pct(latencies, 95), 1), "max_ms": round(max(latencies, default=0), 1),
              "load_average": round(os.getloadavg()[0], 1)}
    if tmp:
        tmp.cleanup()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['sessions']} sessions for {result['seconds']} s: {result['requests']} answers "
              f"({result['per_s']}/s), {result['errors']} errors; p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
              f"max {result['max_ms']} ms (load average {result['load_average']})")


if __name__ == "__main__":
    main()
