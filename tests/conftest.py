import json
from decimal import Decimal
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "qinglong-zuzhibu-2023-budget.txt"
BIN = Path(sys.executable).parent

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def budgetqa(*args: str, home: Path, check: bool = True, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """Run the real console script."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([str(BIN / "budgetqa"), "--home", str(home), *args], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, **kw)
    if check and proc.returncode != 0:
        raise AssertionError(f"budgetqa {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def ask_batch(home: Path, questions: list[str], env: dict | None = None) -> dict[str, dict]:
    """Every question asked through the real CLI in one process (`ask --batch --json`): question → answer."""
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "questions.txt"
        batch.write_text("\n".join(questions) + "\n", encoding="utf-8")
        out = jsonl(budgetqa("ask", "--batch", str(batch), "--json", home=home, env=env).stdout)
    assert len(out) == len(questions), f"{len(out)} answers to {len(questions)} questions"
    return dict(zip(questions, out))


# The family modules' questions on the session's corpus of every real PDF (real_home), registered when each module is
# imported (collection comes before any fixture) and asked all in one `ask --batch` process as soon as the corpus is
# ingested (``_RealIngest``): one process, not one per module (each costs seconds to start and to read the corpus).
_ON_REAL_HOME: list[str] = []
_REAL_ANSWERS: dict[str, dict] = {}


def on_real_home(*groups) -> list[str]:
    """Register a module's questions (strings or lists of them) for the session's shared batch; returns them."""
    questions = [q for g in groups for q in ([g] if isinstance(g, str) else g)]
    _ON_REAL_HOME.extend(questions)
    return questions


def shared_answers(real_home: Path, questions: list[str]) -> dict[str, dict]:
    """The answers to ``questions`` from the session's shared batch (every registered question not yet asked is
    asked with them, in one process)."""
    for job in _REAL_INGEST:
        job.batch_done.wait()  # the batch started by the ingest's watcher (below) holds most of them
    if any(q not in _REAL_ANSWERS for q in questions):
        todo = [q for q in dict.fromkeys([*_ON_REAL_HOME, *questions]) if q not in _REAL_ANSWERS]
        _REAL_ANSWERS.update(ask_batch(real_home, todo, env=FAST))
    return {q: _REAL_ANSWERS[q] for q in questions}


def assert_cited_figure(a: dict, value: str, unit: str, page: int | None, shown: str) -> None:
    """An answered figure: its value and unit, the words it shows, and every citation's page (the first one's
    where ``page`` is given) — what the families of narrative and form figures check of each answer."""
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    assert a["citations"] and all(c["page"] for c in a["citations"]), "every figure cites its page"
    if page is not None:
        assert a["citations"][0]["page"] == page, a["citations"]


def assert_figure_on_pages(a: dict, value: str, unit: str, pages: list[int]) -> None:
    """An answered figure: its value and unit, and its citations' pages in order (one per figure read) — what the
    questions across documents check of each answer."""
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert [c["page"] for c in a["citations"]] == pages, a["citations"]


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory) -> Path:
    """A corpus with the bundled sample ingested through the CLI, shared read-only by the tests."""
    home = tmp_path_factory.mktemp("home")
    budgetqa("ingest", home=home)
    return home


@pytest.fixture
def fresh_home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def home_copy(sample_home, tmp_path) -> Path:
    """A private copy of the ingested sample corpus, for tests that change it."""
    dst = tmp_path / "home"
    shutil.copytree(sample_home, dst)
    return dst


REAL = ROOT.parent / "shared" / "disclosures" / "real"
# Tests on real disclosures use the hashing embedder: what they check is reading and answering, and the
# model's 3 s per document times fifteen would cost minutes for nothing they assert.
FAST = {"BUDGETQA_EMBED": "hash"}


def real_pdf(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is not here (shared/disclosures/real holds the real disclosures)")
    return path


# Work a module needs beside the real corpus and that does not depend on it (test_pdf_tables walks every PDF page
# itself): registered at import, started in a second process when the corpus starts to ingest. The ingest runs
# in one process and the machines have two cores: the minute of the walk then costs no time of its own.
_BESIDE_REAL_HOME: list["_Beside"] = []


class _Beside:
    def __init__(self, fn, args, module):
        self.fn, self.args, self.future, self.module = fn, args, None, module

    def start(self, pool) -> None:
        if self.future is None:
            self.future = pool.submit(self.fn, *self.args)

    def result(self):
        # Not started (the real corpus was never asked for, or another session layout): done here and now.
        return self.fn(*self.args) if self.future is None else self.future.result()


def beside_real_home(fn, *args) -> _Beside:
    """``fn(*args)`` run in a second process while ``real_home`` ingests; ``.result()`` waits for it."""
    job = _Beside(fn, args, fn.__module__)
    _BESIDE_REAL_HOME.append(job)
    return job


# Work on the ingested real corpus that only starts other processes (the evaluation reports of test_real_eval, a
# few minutes of `budgetqa eval`): registered at import, started in a thread as soon as the corpus is ingested, so
# it runs on the second core while the session's other tests go on; the module's fixtures wait for its result.
_AFTER_REAL_HOME: list["_After"] = []


class _After:
    def __init__(self, fn):
        self.fn, self.thread, self.out, self.error, self.module = fn, None, None, None, fn.__module__

    def start(self, home: Path, scratch: Path) -> None:
        import threading

        def run():
            try:
                self.out = self.fn(home, scratch)
            except BaseException as exc:  # noqa: BLE001 — re-raised in the test that waits for it
                self.error = exc
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def result(self, home: Path, scratch: Path):
        if self.thread is None:
            self.start(home, scratch)
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.out


# Modules with a test selected in this session (-k, a file named): only their jobs start early.
_SELECTED: set[str] = set()


def _needs_real(item) -> bool:
    return "real_home" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items) -> None:
    # The modules that need the real corpus run after the others (each module kept whole, in its order): the
    # corpus's ingest, two minutes on one core, starts when collection ends (pytest_collection_finish) and runs
    # on the second core beside the sample's tests instead of before the first real test.
    # A test that drives the app on a copy of the corpus (real_copy: the browser) runs last of all, on a quiet
    # machine: beside the ingest and the shared batch, a phone's view waited on a page busy for seconds more. Its
    # module's other tests (the sample's) stay with the sample's.
    real = {item.module.__name__ for item in items if _needs_real(item) and getattr(item, "module", None)}

    def rank(item) -> int:
        if "real_copy" in getattr(item, "fixturenames", ()):
            return 2
        return 1 if getattr(item, "module", None) is not None and item.module.__name__ in real else 0

    items[:] = sorted(items, key=rank)


def pytest_collection_finish(session) -> None:
    _SELECTED.update(item.module.__name__ for item in session.items if getattr(item, "module", None))
    if REAL.is_dir() and any(_needs_real(item) for item in session.items):
        factory = getattr(session.config, "_tmp_path_factory", None)
        _REAL_INGEST.append(_RealIngest(factory.mktemp("real") if factory else Path(tempfile.mkdtemp()), factory))


def after_real_home(fn) -> _After:
    """``fn(real_home, scratch_dir)`` run in a thread once ``real_home`` is ingested; ``.result(...)`` waits."""
    job = _After(fn)
    _AFTER_REAL_HOME.append(job)
    return job


class _RealIngest:
    """Every real disclosure ingested through the CLI into ``home``, in a process of its own from the moment it is
    made; the jobs registered with ``beside_real_home`` start beside it. A watcher thread starts, as soon as the
    corpus is in, the ``after_real_home`` jobs and the shared batch of every registered question: both run beside the
    sample's tests rather than when the first real module asks for them."""

    def __init__(self, home: Path, factory=None):
        import threading
        from concurrent.futures import ProcessPoolExecutor
        self.home, self.log, self.factory = home, home.parent / f"{home.name}-ingest.log", factory
        self.pool = ProcessPoolExecutor(1)
        for job in _BESIDE_REAL_HOME:
            if job.module in _SELECTED:
                job.start(self.pool)
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen([str(BIN / "budgetqa"), "--home", str(home), "ingest", str(REAL)],
                                         stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **FAST}, cwd=ROOT)
        self.jobs_started, self.batch_done = threading.Event(), threading.Event()
        threading.Thread(target=self._then, daemon=True).start()

    def _scratch(self) -> Path:
        return self.factory.mktemp("after") if self.factory else Path(tempfile.mkdtemp())

    def _then(self) -> None:
        try:
            if self.proc.wait() != 0:
                return
            self.pool.shutdown(wait=False)  # the jobs beside it finish in their own time; .result() waits
            for job in _AFTER_REAL_HOME:
                if job.module in _SELECTED and job.thread is None:
                    job.start(self.home, self._scratch())
            self.jobs_started.set()
            todo = [q for q in dict.fromkeys(_ON_REAL_HOME) if q not in _REAL_ANSWERS]
            if todo:
                try:
                    _REAL_ANSWERS.update(ask_batch(self.home, todo, env=FAST))
                except Exception:  # noqa: BLE001 — shared_answers asks again in the test and fails there, in full
                    pass
        finally:
            self.jobs_started.set()
            self.batch_done.set()

    def wait(self) -> Path:
        code = self.proc.wait(timeout=900)
        if code != 0:
            raise AssertionError(f"budgetqa ingest {REAL} failed ({code}):\n{self.log.read_text()}")
        self.jobs_started.wait()
        return self.home


_REAL_INGEST: list[_RealIngest] = []


def pytest_sessionfinish(session, exitstatus) -> None:
    for job in _REAL_INGEST:  # a session stopped early (-x, Ctrl-C) leaves no ingest running behind it
        if job.proc.poll() is None:
            job.proc.kill()
            job.proc.wait()
        job.pool.shutdown(wait=False, cancel_futures=True)


@pytest.fixture(scope="session")
def real_home(tmp_path_factory) -> Path:
    """Every real disclosure in shared/disclosures/real, ingested once through the CLI (a directory)."""
    if not REAL.is_dir():
        pytest.skip("shared/disclosures/real is not here")
    if not _REAL_INGEST:  # a session layout that did not start it at collection
        _REAL_INGEST.append(_RealIngest(tmp_path_factory.mktemp("real"), tmp_path_factory))
    return _REAL_INGEST[0].wait()
