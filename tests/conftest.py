import json
import os
import shutil
import subprocess
import sys
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
