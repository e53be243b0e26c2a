"""Real servers on loopback for the tests (and bench/scale.py): PostgreSQL from Debian's ``postgresql``
package (initdb + pg_ctl in a temporary directory) and ``chroma run``. Each start returns None with the
reason when its binary is missing; nothing listens anywhere but 127.0.0.1."""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / name).exists():
            return str(d / name)
    return None


class Postgres:
    """A throwaway cluster: ``url`` to a database owned by the superuser ``budgetqa`` (trust, loopback)."""

    def __init__(self):
        self.initdb, self.pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        self.why = None if self.initdb and self.pg_ctl else "PostgreSQL is not installed (Debian: apt-get install postgresql)"
        try:
            import psycopg  # noqa: F401
        except ImportError:
            self.why = self.why or "psycopg is not installed (pip install -e .[server])"
        self.dir = None
        self.url = None

    def _as_user(self, cmd: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return cmd
        # initdb refuses to run as root: the cluster belongs to an unprivileged user.
        user = "postgres" if _has_user("postgres") else "nobody"
        return ["runuser", "-u", user, "--", *cmd]

    def start(self) -> "Postgres":
        if self.why:
            return self
        self.dir = Path(tempfile.mkdtemp(prefix="budgetqa-pg-"))
        data = self.dir / "data"
        if os.geteuid() == 0:
            user = "postgres" if _has_user("postgres") else "nobody"
            pw = pwd.getpwnam(user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        port = free_port()
        run = lambda cmd: subprocess.run(self._as_user(cmd), capture_output=True, text=True, timeout=120)  # noqa: E731
        r = run([self.initdb, "-D", str(data), "-U", "budgetqa", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        if r.returncode != 0:
            r = run([self.initdb, "-D", str(data), "-U", "budgetqa", "--auth=trust", "-E", "UTF8", "--locale=C"])
        if r.returncode != 0:
            self.why = f"initdb failed: {r.stderr.strip()[-300:]}"
            return self
        opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {self.dir} -c fsync=off -c full_page_writes=off"
        r = run([self.pg_ctl, "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "-t", "60", "start"])
        if r.returncode != 0:
            log = (self.dir / "log").read_text(errors="replace")[-500:] if (self.dir / "log").exists() else ""
            self.why = f"pg_ctl start failed: {r.stderr.strip()[-300:]} {log}"
            return self
        import psycopg
        with psycopg.connect(f"postgresql://budgetqa@127.0.0.1:{port}/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE budgetqa")
        self.url = f"postgresql://budgetqa@127.0.0.1:{port}/budgetqa"
        self._port = port
        return self

    def database(self, name: str) -> str:
        """Another empty database on the same server."""
        import psycopg
        with psycopg.connect(f"postgresql://budgetqa@127.0.0.1:{self._port}/postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        return f"postgresql://budgetqa@127.0.0.1:{self._port}/{name}"

    def stop(self) -> None:
        if self.dir is None:
            return
        if self.url:
            subprocess.run(self._as_user([self.pg_ctl, "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop"]),
                           capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


class Chroma:
    """``chroma run`` on a free loopback port with its data in a temporary directory."""

    def __init__(self):
        exe = BIN / "chroma"
        self.exe = str(exe) if exe.exists() else shutil.which("chroma")
        self.why = None if self.exe else "the chroma command is not installed (pip install chromadb)"
        self.proc = None
        self.url = None
        self.dir = None

    def start(self) -> "Chroma":
        if self.why:
            return self
        self.dir = Path(tempfile.mkdtemp(prefix="budgetqa-chroma-"))
        port = free_port()
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        self.proc = subprocess.Popen([self.exe, "run", "--path", str(self.dir), "--host", "127.0.0.1", "--port", str(port)],
                                     stdout=subprocess.DEVNULL, stderr=open(self.dir / "log", "w"), env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.why = f"chroma run exited: {(self.dir / 'log').read_text(errors='replace')[-300:]}"
                return self
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    self.url = f"http://127.0.0.1:{port}"
                    break
            except OSError:
                time.sleep(0.3)
        if self.url is None:
            self.why = "chroma run did not listen within 60 s"
        else:
            import urllib.request
            for _ in range(100):  # the port opens before the API answers
                try:
                    urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1)
                    break
                except Exception:  # noqa: BLE001
                    time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False
