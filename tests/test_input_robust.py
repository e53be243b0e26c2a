"""Issue 12, the input side: what a careless or hostile input does, reproduction by reproduction.

3 a row with a missing cell, money cells that are not plain numbers; 4 bounded work (long questions, long
paragraphs); 6/7 read-only home, full disk, GBK batch, UTF-16, CR-only, a PDF with a leading newline, one
unreadable path among several — one Chinese sentence and an exit code, never a traceback; 8 markdown in
text from documents, file names and visitors is shown as text.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import BIN, FAST, ROOT, SAMPLE, budgetqa, jsonl, real_pdf
from ingest import unread
from ingest.model import IngestError
from ingest.readers import read
from ingest.values import money

TEXT = SAMPLE.read_text(encoding="utf-8")
CJK = re.compile(r"[\u4e00-\u9fff]")


def sample_with(line: int, old: str, new: str) -> str:
    """The sample with one substitution on one line (1-based), like ``sed 'NUMs/old/new/'``."""
    lines = TEXT.split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def table(parsed, word: str):
    return next(t for t in parsed.tables if word in t.title)


def chinese_failure(proc: subprocess.CompletedProcess) -> str:
    """The run failed with one Chinese sentence on stderr and no traceback; returns the message."""
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("错误：")]
    assert errors and all(CJK.search(e) for e in errors), proc.stderr
    return "\n".join(errors)


# --- 3. a row with a missing cell; cells that are not plain numbers ----------------------------------------

def test_a_row_missing_a_cell_is_reported_and_never_shifted_into_another_column():
    # sed '398s/\t3.20\t3.00/\t3.00/' S: the “三公”经费 row loses its 一般公共预算 cell.
    parsed = read(sample_with(398, "\t3.20\t3.00", "\t3.00").encode(), "cut.txt")
    sangong = table(parsed, "三公")
    assert "“三公”经费" not in [r.label for r in sangong.rows]  # not read at all …
    for r in sangong.rows:  # … and no other row or column gained or lost a figure
        for c in r.cells:
            assert c.value == money(c.raw) or (c.blank and c.value == 0)
    whole = table(read(SAMPLE.read_bytes(), "s.txt"), "三公")
    assert [(r.label, [(c.column, c.value) for c in r.cells]) for r in whole.rows if r.label != "“三公”经费"] == \
        [(r.label, [(c.column, c.value) for c in r.cells]) for r in sangong.rows]
    [record] = [unread.parse(s) for s in parsed.skipped]
    assert record["kind"] == unread.MISFIT and record["label"] == "“三公”经费" and record["line"] == 398
    assert record["title"] == sangong.title and record["page"] == 19 and record["row"] == 2


def test_the_missing_cell_is_in_the_ingest_summary_and_in_tables_json(tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_text(sample_with(398, "\t3.20\t3.00", "\t3.00"), encoding="utf-8")
    home = tmp_path / "home"
    proc = budgetqa("ingest", str(cut), home=home, env=FAST)
    assert "未能读取：表#8《部门预算财政拨款“三公”经费支出表》第2行““三公”经费”（第19页，原文第398行）" in proc.stdout
    recs = jsonl(budgetqa("tables", "--json", home=home).stdout)
    sangong = next(r for r in recs if "三公" in r["title"])
    assert [(u["label"], u["page"], u["line"], u["kind"]) for u in sangong["unread"]] == \
        [("“三公”经费", 19, 398, "misfit")]
    assert all(not r["unread"] for r in recs if r is not sangong)
    cells = jsonl(budgetqa("cells", "--table", "三公", "--json", home=home).stdout)
    assert "“三公”经费" not in {c["row_label"] for c in cells}
    assert {c["value"] for c in cells if c["row_label"] == "合计"} == {"6.20", "3.20", "3.00", "0"}


def test_the_app_says_what_it_could_not_read_on_upload(tmp_path, monkeypatch):
    from assistant import ui
    from ingest.home import Home

    monkeypatch.setenv("BUDGETQA_EMBED", "hash")
    ok, message = ui.handle_upload("cut.txt", sample_with(398, "\t3.20\t3.00", "\t3.00").encode(), Home(tmp_path))
    assert ok and "1 处未能读取（表#8《部门预算财政拨款“三公”经费支出表》第2行““三公”经费”（第19页" in message


def test_a_cell_one_too_many_is_reported_too():
    parsed = read(sample_with(398, "\t3.00\t", "\t3.00\t1.00\t").encode(), "long.txt")
    assert "“三公”经费" not in [r.label for r in table(parsed, "三公").rows]
    assert [unread.parse(s)["label"] for s in parsed.skipped] == ["“三公”经费"]


@pytest.mark.parametrize("raw, value", [("（3.00）", "-3.00"), ("(3.00)", "-3.00"), ("６．２０", "6.20"),
                                        ("12,345.00", "12345.00"), ("１２，３４５．００", "12345.00"),
                                        ("－3.00", "-3.00"), ("−3.00", "-3.00"), ("(1,234)", "-1234")])
def test_money_reads_accounting_negatives_full_width_digits_and_separators_exactly(raw, value):
    assert str(money(raw)) == value


@pytest.mark.parametrize("raw", ["12,3a4", "1,23", "1.2.3", "(1)", "3.00)", "((3.00))", "", "合计"])
def test_money_refuses_what_is_not_a_plain_number(raw):
    assert money(raw) is None


def test_the_text_reader_reads_those_forms_exactly_and_reports_a_cell_that_is_no_number():
    # The 三公 合计 row (line 397): 6.20 | 3.20 | 3.00 printed three other ways, and one figure mistyped.
    text = sample_with(397, "6.20\t3.20\t3.00\t", "６．２０\t（3.20）\t3,000.00\t12,3a4")
    parsed = read(text.encode(), "forms.txt")
    row = next(r for r in table(parsed, "三公").rows if r.label == "合计")
    got = [(c.raw, c.value) for c in row.cells]
    assert got == [("６．２０", Decimal("6.20")), ("（3.20）", Decimal("-3.20")), ("3,000.00", Decimal("3000.00")),
                   ("12,3a4", None)]
    [record] = [unread.parse(s) for s in parsed.skipped]
    assert record["kind"] == unread.NOT_A_NUMBER and record["label"] == "合计" and record["page"] == 19
    assert record["column"] == "资金性质/国有资本经营预算财政拨款" and "12,3a4" in record["reason"]


def test_a_figure_cut_at_a_page_break_is_read_from_its_joined_text():
    from ingest.readers.text import _join_cut_row  # the one place a cell's text grows after it was read
    from ingest.model import Cell, Column, Row, Table

    t = Table(ordinal=0, title="t", kind="收入总表", columns=[Column(0, "项目"), Column(1, "金额")])
    t.rows.append(Row(ordinal=0, label="合计", cells=[Cell(column="金额", raw="8,8", value=None)]))
    _join_cut_row(t, ["", "15.77"], {0: "label"}, [(None, [0, 1])])
    assert (t.rows[0].cells[0].raw, t.rows[0].cells[0].value) == ("8,815.77", Decimal("8815.77"))


# --- 4. bounded work --------------------------------------------------------------------------------------

def test_a_question_over_500_characters_gets_a_chinese_message_at_once(sample_home):
    started = time.monotonic()
    proc = budgetqa("ask", "组织部今年一共能花多少钱？" * 800, home=sample_home, check=False)
    assert time.monotonic() - started < 20
    assert "问题太长了（10400 个字）" in chinese_failure(proc) and "500 个字以内" in proc.stderr
    # In a batch, the long one is answered with the same sentence and the others as usual.
    batch = sample_home.parent / "long-batch.txt"
    batch.write_text("钱" * 501 + "\n组织部今年一共能花多少钱？\n", encoding="utf-8")
    answers = jsonl(budgetqa("ask", "--batch", str(batch), "--json", home=sample_home).stdout)
    assert answers[0]["status"] == "not_found" and "问题太长了（501 个字）" in answers[0]["answer"]
    assert answers[1]["value"] == "8815.77"


def test_passages_are_cut_to_the_embedders_window():
    from ingest import embed
    from ingest.readers.passages import chunks

    for text in ("本部门负责全县组织工作和干部管理工作，" * 500, "甲" * 5000, "第一句。" * 900, "a b " * 2000):
        pieces = chunks(text)
        assert "".join(pieces) == text and max(map(len, pieces)) <= 300 < embed.WINDOW
    assert [len(t) for t in embed.clip(["x" * 10_000, "y"])] == [embed.WINDOW, 1]


def _long_paragraph_work(n: int) -> float:
    """Read the sample with one paragraph of n characters (no full stop) and embed everything it indexes."""
    from ingest.embed import make_embedder
    from ingest.model import ParsedDocument  # noqa: F401 - the type index_items takes
    from ingest.pipeline import index_items

    para = ("本部门负责全县组织工作和干部管理工作，" * (n // 19 + 1))[:n]
    i = TEXT.index("部门职责：")
    data = (TEXT[:i] + para + "\n" + TEXT[i:]).encode()
    embedder = make_embedder("hash")
    started = time.perf_counter()
    parsed = read(data, "long.txt")
    items = index_items(parsed)
    assert max(len(p.text) for p in parsed.passages) <= 300
    embedder.get_text_embedding_batch([it.text for it in items])
    return time.perf_counter() - started


def test_ingest_work_grows_linearly_with_one_very_long_paragraph():
    _long_paragraph_work(1000)  # warm up
    small = min(_long_paragraph_work(40_000) for _ in range(2))
    large = min(_long_paragraph_work(160_000) for _ in range(2))
    assert large < 10, large
    assert large / small < 4 * 2.5, (small, large)  # 4 × the text: about 4 × the time, far from 16 ×


# --- 6 and 7. failures said in Chinese, never a traceback ---------------------------------------------------

def test_utf16_text_is_read_not_called_binary():
    ref = read(SAMPLE.read_bytes(), "s.txt")
    for data in (TEXT.encode("utf-16"), TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be"), TEXT.encode("utf-32")):
        parsed = read(data, "u16.txt")
        assert parsed.document.doc_id == ref.document.doc_id
        assert sum(len(r.cells) for t in parsed.tables for r in t.rows) == 1889


def test_cr_only_line_endings_read_the_same():
    parsed = read(TEXT.replace("\n", "\r").encode(), "mac.txt")
    assert parsed.document.doc_id == read(SAMPLE.read_bytes(), "s.txt").document.doc_id
    assert sum(len(r.cells) for t in parsed.tables for r in t.rows) == 1889


def test_a_pdf_with_a_leading_newline_is_read_as_the_pdf():
    data = real_pdf("2026-hz-qxj-yusuan.pdf").read_bytes()
    parsed = read(b"\r\n" + data, "lead.pdf")
    assert parsed.document.department == "杭州市气象局" and len(parsed.tables) >= 10


def test_a_gbk_batch_file_is_read(sample_home, tmp_path):
    batch = tmp_path / "q.txt"
    batch.write_bytes("组织部今年一共能花多少钱？\r\n人员经费占基本支出的比例是多少？\r\n".encode("gbk"))
    answers = jsonl(budgetqa("ask", "--batch", str(batch), "--json", home=sample_home).stdout)
    assert [a["value"] for a in answers] == ["8815.77", "83.59"]


def test_one_unreadable_path_among_several_does_not_stop_the_others(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    home = tmp_path / "home"
    proc = budgetqa("ingest", str(tmp_path / "missing.txt"), str(fifo), str(SAMPLE), home=home, env=FAST,
                    check=False, timeout=120)
    message = chinese_failure(proc)
    assert "missing.txt：无法读取（文件或目录不存在）" in message and "pipe.txt：不是普通文件或目录" in message
    assert "已导入" in proc.stdout and "1 份文件" in proc.stdout


def _unprivileged() -> list[str]:
    """Run as a user the file permissions apply to: root ignores them unless it drops the capability."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only directory cannot be made")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def _run(prefix: list[str], *args: str, home: Path, shell: str | None = None) -> subprocess.CompletedProcess:
    cmd = [*prefix, str(BIN / "budgetqa"), "--home", str(home), *args]
    if shell:
        cmd = ["bash", "-c", f"{shell}; exec \"$@\"", "bash", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **FAST}, cwd=ROOT, timeout=300)


def test_a_read_only_home_is_said_in_chinese_and_debug_shows_the_traceback(tmp_path):
    prefix = _unprivileged()
    home = tmp_path / "ro"
    home.mkdir()
    home.chmod(0o555)
    try:
        message = chinese_failure(_run(prefix, "ingest", home=home))
        assert "没有访问权限" in message and "--home" in message
        debug = _run(prefix, "--debug", "ingest", home=home)
        assert debug.returncode != 0 and "Traceback" in debug.stderr
    finally:
        home.chmod(0o755)


def test_a_full_disk_is_said_in_chinese_and_leaves_the_store_as_it_was(home_copy, tmp_path):
    before = budgetqa("cells", "--json", home=home_copy).stdout
    size_kb = (home_copy / "budgetqa.sqlite").stat().st_size // 1024
    second = ROOT / "tests" / "fixtures" / "juesuan-2022-sample.txt"
    # RLIMIT_FSIZE: no file may grow past the store's present size, as on a disk with no room left.
    proc = _run([], "ingest", str(second), home=home_copy, shell=f"ulimit -f {size_kb}")
    assert "磁盘" in chinese_failure(proc)
    assert budgetqa("cells", "--json", home=home_copy).stdout == before


def test_the_app_says_the_same_sentence(tmp_path):
    from assistant import ui
    from ingest.home import Home

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    ok, message = ui.handle_upload("s.txt", SAMPLE.read_bytes(), Home(blocker / "home"))
    assert not ok and CJK.search(message) and "Error" not in message and "Traceback" not in message
    proc = budgetqa("ingest", str(SAMPLE), home=blocker / "home", env=FAST, check=False)
    assert chinese_failure(proc).removeprefix("错误：") in message


def test_every_kind_of_failure_is_one_chinese_sentence():
    import errno
    import json
    import sqlite3

    from ingest.errors import user_message

    try:
        json.loads("{")
    except ValueError as exc:
        bad_json = exc
    cases = [OSError(errno.ENOSPC, "No space left on device", "/h/budgetqa.sqlite"),
             OSError(errno.EFBIG, "File too large"), OSError(errno.EROFS, "Read-only file system", "/h"),
             PermissionError(errno.EACCES, "Permission denied", "/h"), FileNotFoundError(errno.ENOENT, "x", "/q"),
             OSError(errno.EIO, "Input/output error"), sqlite3.OperationalError("attempt to write a readonly database"),
             sqlite3.OperationalError("database or disk is full"), sqlite3.OperationalError("database is locked"),
             sqlite3.DatabaseError("file is not a database"), UnicodeDecodeError("utf-8", b"\xd7", 0, 1, "bad"),
             MemoryError(), KeyboardInterrupt(), bad_json, RuntimeError("boom"), IngestError("x.txt：文件是空的。")]
    for exc in cases:
        message = user_message(exc)
        assert CJK.search(message) and "\n" not in message and "Traceback" not in message, message
        assert not re.search(r"No space|Permission denied|Read-only|readonly|locked|boom", message), message


def test_mistyped_commands_and_a_home_that_is_a_file_are_said_in_chinese(sample_home):
    proc = budgetqa("frobnicate", home=sample_home, check=False)
    assert proc.returncode == 2 and proc.stderr.startswith("错误：命令用法不对") and "Usage" not in proc.stderr
    message = chinese_failure(budgetqa("tables", home=SAMPLE, check=False))  # --home names a file
    assert "已有同名的文件" in message


# --- 8. markdown from documents, file names and visitors is shown as text -------------------------------

LINK = "[点此领补贴](//evil.example)"


def live_markdown(text: str) -> list[str]:
    """What markdown in ``text`` would turn into a link, an image or HTML on the page."""
    found = re.findall(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text)
    found += re.findall(r"(?i)https?://|www\.|[\w.+-]@[\w-]+\.", text)  # GFM's bare links (no word joiner)
    found += re.findall(r"(?<!\\)<[a-z/]", text)
    return found


def test_md_leaves_nothing_live():
    from assistant.ui import md

    for text in (LINK, "![x](//evil.example/a.png)", "见 https://evil.example 或 www.evil.example，a@evil.cn",
                 "<a href='//evil.example'>x</a>", "**粗体** `代码` $x$ # 标题"):
        assert not live_markdown(md(text)), md(text)
    assert md(LINK).replace("\\", "") == LINK  # shown as printed


def test_the_app_shows_a_hostile_department_and_file_name_as_text(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    text = TEXT.replace("203 中共青龙满族自治县委员会组织部", f"203 {LINK}组织部")
    text = text.replace("部门职责：", "部门职责：详见 https://evil.example/x 。\n", 1)
    doc = tmp_path / "[点此下载](evil.example).txt"  # a file name cannot hold the slashes
    doc.write_text(text, encoding="utf-8")
    home = tmp_path / "home"
    budgetqa("ingest", str(doc), home=home, env=FAST)
    monkeypatch.setenv("BUDGETQA_HOME", str(home))
    monkeypatch.setenv("BUDGETQA_EMBED", "hash")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    for question in ("组织部今年一共能花多少钱？", "部门职责是什么？", "[点此](//evil.example)人员经费是多少？"):
        at.chat_input[0].set_value(question).run()
        assert not at.exception, at.exception
    at.chat_input[0].set_value("钱" * 600).run()  # the app refuses a long question with the CLI's sentence
    assert not at.exception and any("问题太长了（600 个字）" in w.value for w in at.warning)
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]
    shown += [x.value for kind in ("subheader", "header", "info", "warning", "error", "success")
              for x in getattr(at, kind)]
    page = "\n".join(map(str, shown))
    assert "点此领补贴" in page and "点此" in page  # the department and the visitor's words are on the page …
    assert not live_markdown(page), live_markdown(page)  # … as text
