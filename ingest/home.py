"""Where a corpus lives: ``--home DIR``, else ``$BUDGETQA_HOME``, else ``~/.budgetqa``."""
from __future__ import annotations

import os
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"
HOME_ENV = "BUDGETQA_HOME"


def sample_files() -> list[Path]:
    return sorted(SAMPLE_DIR.glob("*.txt"))


class Home:
    def __init__(self, path: str | Path | None = None):
        chosen = path or os.environ.get(HOME_ENV) or Path.home() / ".budgetqa"
        self.path = Path(chosen).expanduser().resolve()

    @property
    def db_path(self) -> Path:
        return self.path / "budgetqa.sqlite"

    @property
    def chroma_path(self) -> Path:
        return self.path / "chroma"

    @cached_property
    def store(self):
        from .backend import database_url
        from .store import Store
        return Store(database_url() or self.db_path)  # BUDGETQA_DATABASE_URL: a PostgreSQL server

    @cached_property
    def index(self):
        # Imported lazily: chromadb and the embedding model cost seconds that table questions never need.
        from .index import TextIndex
        return TextIndex(self.chroma_path)

    @contextmanager
    def writing(self):
        """Hold the corpus's writer lock: one ingest at a time writes the store and the index (readers never
        wait for it). Without a writable home there is no lock to take; the write itself then fails."""
        try:
            import fcntl
            self.path.mkdir(parents=True, exist_ok=True)
            fh = open(self.path / ".ingest.lock", "a+b")
        except (ImportError, OSError):
            yield
            return
        with fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def __repr__(self) -> str:
        return f"Home({str(self.path)!r})"
