"""A visitor's upload lives in their session only (issue 12): it answers them, labelled as theirs, and
never changes what the public corpus tells anyone else. Driven through the library the app calls."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.visitor import MARK, Visitor
from conftest import FAST, SAMPLE, budgetqa, real_pdf
from ingest.home import Home

QUESTION = "组织部今年一共能花多少钱？"


@pytest.fixture
def public(home_copy, monkeypatch):
    for k, v in FAST.items():
        monkeypatch.setenv(k, v)
    return Engine(Home(home_copy))


def dump(home: Path) -> str:
    return budgetqa("cells", "--json", home=home, env=FAST).stdout


def test_a_tampered_upload_answers_its_visitor_only(public, home_copy):
    before = dump(home_copy)
    truth = public.ask(QUESTION)
    assert truth.value == Decimal("8815.77")

    tampered = SAMPLE.read_text(encoding="utf-8").replace("8815.77", "9999.99").encode("utf-8")
    visitor = Visitor(public)
    ok, message = visitor.upload("组织部（改）.txt", tampered)
    assert ok, message
    assert "其他访问者看不到" in message

    mine = visitor.ask(QUESTION)
    assert mine.value == Decimal("9999.99")
    assert mine.answer.startswith("〔来自您上传的文件〕")
    assert mine.citations and all(c.document.endswith(MARK) for c in mine.citations)

    # Everyone else — a new visitor, or the public engine itself — is told what the corpus holds.
    assert Visitor(public).ask(QUESTION).value == Decimal("8815.77")
    assert public.ask(QUESTION).value == Decimal("8815.77")
    assert dump(home_copy) == before  # the public store is byte for byte the same

    private = Path(visitor._dir)
    assert private.is_dir() and not private.is_relative_to(home_copy)
    visitor.close()  # the session ends: the upload goes with it
    assert not private.exists()


def test_a_question_naming_a_public_department_is_answered_from_the_public_corpus(public):
    visitor = Visitor(public)
    ok, message = visitor.upload("hz.pdf", real_pdf("2026-hz-qxj-yusuan.pdf").read_bytes())
    assert ok, message
    # About the upload (it names 杭州气象局): labelled as the visitor's.
    hz = visitor.ask("杭州气象局三公经费是多少")
    assert hz.value == Decimal("24.02") and hz.answer.startswith("〔来自您上传的文件〕")
    # Naming the public corpus's department: the public answer, unlabelled.
    zzb = visitor.ask("青龙县委组织部2023年收入总计是多少？")
    assert zzb.value == Decimal("8815.77") and "您上传" not in zzb.answer
    visitor.close()


def test_a_bad_upload_changes_nothing(public, home_copy):
    before = dump(home_copy)
    visitor = Visitor(public)
    ok, message = visitor.upload("坏文件.pdf", b"%PDF-1.4\n" + os.urandom(2000))
    assert not ok and message.startswith("无法导入")
    assert visitor.engine is None
    assert visitor.ask(QUESTION).value == Decimal("8815.77")
    assert dump(home_copy) == before
    visitor.close()
