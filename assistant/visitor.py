"""One visitor's own uploads: private to their session, never part of the public corpus.

The public corpus is changed only by whoever runs the server (``budgetqa ingest``, or the app with its
admin switch ``BUDGETQA_ADMIN=1``). A visitor's upload is ingested into a home of its own in a temporary
directory, answered by an engine of its own, labelled as theirs on every answer that uses it, and removed
when the session ends (or the process exits). Nobody else is ever told anything from it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from dataclasses import replace

from ingest.home import Home

from . import documents
from .answer import Answer
from .vocab import normalize, simplified

ADMIN_ENV = "BUDGETQA_ADMIN"
MARK = "（您上传的文件，仅您可见）"


def admin() -> bool:
    """The app's admin switch: off unless the server was started with BUDGETQA_ADMIN=1."""
    return os.environ.get(ADMIN_ENV, "") == "1"


class Visitor:
    """A session's uploads beside the public engine. ``ask`` answers from the upload when the question is
    about it (it names the uploaded department, or names no department of the public corpus), else from
    the public corpus exactly as every other visitor is answered."""

    def __init__(self, public):
        self.public = public
        self.engine = None
        self._dir: str | None = None
        self._cleanup = None

    def _home(self) -> Home:
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="budgetqa-visitor-")
            # Runs when the session's state is dropped, or at exit: the upload goes with the session.
            self._cleanup = weakref.finalize(self, shutil.rmtree, self._dir, True)
        return Home(self._dir)

    def upload(self, name: str, data: bytes, progress=None) -> tuple[bool, str]:
        """Ingest one file into this visitor's private home. (ok, message for them)."""
        from .engine import Engine
        from .ui import handle_upload

        home = self._home()
        ok, message = handle_upload(name, data, home, progress)
        if ok:
            self.engine = Engine(home)
            message = f"{message}这份文件只在您这次访问中可用，其他访问者看不到，也不会改变公开的语料库。"
        return ok, message

    @property
    def documents(self) -> list:
        return [d.document for d in self.engine.corpus.docs] if self.engine is not None else []

    def ask(self, question: str, doc_ids: list[str] | None = None) -> Answer:
        if self.engine is None or not self.engine.corpus.docs or doc_ids:
            return self.public.ask(question, doc_ids)  # a public document picked: the public corpus answers
        if not self._about_upload(question):
            return self.public.ask(question)
        answer = self.engine.ask(question)
        return _labelled(answer)

    def engine_for(self, answer: Answer):
        """The engine whose documents an answer cites (to show their pages and tables)."""
        if self.engine is not None:
            own = {d.document.doc_id for d in self.engine.corpus.docs}
            if any(c.doc_id in own for c in answer.citations):
                return self.engine
        return self.public

    def _about_upload(self, question: str) -> bool:
        from .scope import full_years
        q = full_years(normalize(simplified(question)))
        own = documents.choose(q, self.engine.corpus.docs)
        if own.named:  # the question names the uploaded department
            return True
        public = self.public.corpus
        if not public.docs:
            return True
        return not documents.choose(q, public.naming(q, public.docs)).named

    def close(self) -> None:
        if self._cleanup is not None:
            self._cleanup()
        self.engine = None


def _labelled(answer: Answer) -> Answer:
    """Every answer drawn from an upload says so, in its text and in each citation's document name."""
    cites = [replace(c, document=f"{c.document}{MARK}") for c in answer.citations]
    return replace(answer, answer=f"〔来自您上传的文件〕{answer.answer}", citations=cites)
