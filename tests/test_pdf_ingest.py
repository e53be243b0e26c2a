"""Reading published PDFs through the real CLI and store: every real disclosure ingests, the layouts the
templates use are read as printed (continuation pages, side-by-side lists, split codes, units per table,
empty tables with their note, the page and box of each cell), a disclosure in two files becomes one
document, and a bad PDF is refused in Chinese with the store left as it was.

The figures asserted here were read off the PDF pages by hand (page numbers as the PDF counts them).
"""
from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import FAST, REAL, budgetqa, jsonl, real_pdf


def _doc(home: Path, source: str) -> str:
    with sqlite3.connect(home / "budgetqa.sqlite") as db:
        row = db.execute("SELECT doc_id FROM documents WHERE instr(source, ?) > 0", (source,)).fetchone()
    assert row, f"{source} is not in the store"
    return row[0]


def _tables(home: Path, source: str) -> list[dict]:
    doc = _doc(home, source)
    return [t for t in jsonl(budgetqa("tables", "--json", home=home).stdout) if t["document"] == doc]


def _cells(home: Path, source: str, table: str | None = None) -> list[dict]:
    args = ["cells", "--json", "--document", _doc(home, source)] + (["--table", table] if table else [])
    return jsonl(budgetqa(*args, home=home).stdout)


def _dump(home: Path) -> str:
    db = home / "budgetqa.sqlite"
    if not db.exists():
        return ""
    with sqlite3.connect(db) as con:
        return "\n".join(con.iterdump())


def test_every_real_disclosure_ingests_with_its_own_metadata(real_home):
    docs = {}
    with sqlite3.connect(real_home / "budgetqa.sqlite") as db:
        for source, dept, year, kind, part in db.execute(
                "SELECT source, department, year, kind, part FROM documents WHERE status = 'ready'"):
            docs[source] = (dept, year, kind, part)
    pdfs = sorted(p.name for p in REAL.glob("*.pdf"))
    covered = {name for s in docs for name in s.split(" + ")}
    assert covered == set(pdfs), f"not ingested: {set(pdfs) - covered}"
    # The Beijing disclosure was published as two files: one document, whole.
    bj = [v for s, v in docs.items() if "bj-czj" in s]
    assert bj == [("北京市财政局", 2026, "预算", "")]
    assert docs["2024-gjxfj-juesuan.pdf"] == ("国家信访局", 2024, "决算", "")
    assert docs["2021-xa-xcb-yusuan.pdf"][:3] == ("中共西安市委宣传部", 2021, "预算")
    for source in docs:
        kinds = {t["kind"] for t in _tables(real_home, source)}
        # The core every template carries, under whatever title and number it uses.
        assert {"收支总表", "财政拨款收支总表", "三公经费支出表"} <= kinds, (source, kinds)


def test_a_table_continued_over_pages_is_one_table_with_each_row_on_its_page(real_home):
    # 万里街道 2024: 收入预算总表 runs from page 11 to page 15 with no title of its own on pages 12–15.
    income = [t for t in _tables(real_home, "2024-ptq-wanlijiedao-yusuan.pdf") if t["kind"] == "收入总表"]
    assert len(income) == 1 and income[0]["rows"] == 67
    cells = _cells(real_home, "2024-ptq-wanlijiedao-yusuan.pdf", "收入预算总表")
    total = [c for c in cells if c["row_label"] == "合计" and c["column"] == "收入预算/合计"]
    assert [(c["raw"], c["value"], c["unit"], c["page"]) for c in total] == [("156,211,123", "156211123", "元", 15)]
    assert {c["page"] for c in cells} == {11, 12, 13, 14, 15}


def test_side_by_side_lists_with_row_numbers(real_home):
    # 国家信访局 2024 决算, 公开01表: 收入 | 行次 | 金额 || 支出 | 行次 | 金额, page 7.
    cells = [c for c in _cells(real_home, "2024-gjxfj-juesuan.pdf") if c["kind"] == "收支总表"]
    rows = {(c["side"], c["row_label"]): c for c in cells}
    income = rows[("收入", "一、一般公共预算财政拨款收入")]
    spend = rows[("支出", "一、一般公共服务支出")]
    assert (income["value"], income["page"], income["column"]) == ("19572.91", 7, "收入/金额")
    assert (spend["value"], spend["page"], spend["column"]) == ("10685.56", 7, "支出/金额")


def test_codes_split_into_columns_are_read_whole_with_level_and_parent(real_home):
    # 普陀区财政局 2025, 收入预算总表 (page 10): 类 201 | 款 06 | 项 01 | 行政运行 | 16,231,840.80 元.
    cells = _cells(real_home, "2025-ptq-czj-yusuan.pdf", "收入预算总表")
    run = [c for c in cells if c["code"] == "2010601" and c["column"] == "收入预算/合计"]
    assert [(c["row_label"], c["value"], c["unit"], c["page"]) for c in run] == [
        ("行政运行", "16231840.80", "元", 10)]


def test_units_are_the_tables_own_and_the_text_keeps_its_unit(real_home):
    tables = {t["kind"]: t for t in _tables(real_home, "2025-ptq-czj-yusuan.pdf")}
    assert tables["收支总表"]["unit"] == "元"  # 单位：元
    assert tables["三公经费支出表"]["unit"] == "万元"  # 单位:万元, on the same document
    with sqlite3.connect(real_home / "budgetqa.sqlite") as db:
        (text_unit,) = db.execute("SELECT text_unit FROM documents WHERE source = '2025-ptq-czj-yusuan.pdf'").fetchone()
    assert text_unit == "万元"  # the narrative says 3,121.42万元 for the table's 31,214,205.80 元


def test_empty_tables_are_kept_with_their_note(real_home):
    tables = {t["kind"]: t for t in _tables(real_home, "2026-hz-qxj-yusuan.pdf")}
    fund = tables["国有资本经营预算财政拨款支出表"]
    cells = _cells(real_home, "2026-hz-qxj-yusuan.pdf", "国有资本经营预算支出预算表")
    assert all(c["blank"] for c in cells)
    assert "本表无数据" in fund["note"]


def test_every_pdf_cell_has_its_page_and_box(real_home):
    cells = _cells(real_home, "2026-sz-jtysj-yusuan.pdf")
    table_cells = [c for c in cells if c["kind"] != "正文数字"]
    assert table_cells and all(c["page"] and c["bbox"] for c in table_cells)
    import pdfplumber
    with pdfplumber.open(real_pdf("2026-sz-jtysj-yusuan.pdf")) as pdf:
        sizes = {n: (p.width, p.height) for n, p in enumerate(pdf.pages, start=1)}
    for c in table_cells:  # each box lies on its page
        x0, top, x1, bottom = c["bbox"]
        width, height = sizes[c["page"]]
        assert 0 <= x0 < x1 <= width + 1 and 0 <= top < bottom <= height + 1, c
    # 杭州: the page the PDF counts as 15 prints 14 at its foot.
    hz = [c for c in _cells(real_home, "2026-hz-qxj-yusuan.pdf") if c["kind"] == "收支总表"]
    assert {(c["page"], c["printed_page"]) for c in hz} == {(15, "14")}


def test_columns_carry_what_they_measure(real_home):
    tables = {t["kind"]: t for t in _tables(real_home, "2025-ptq-czj-yusuan.pdf")}
    cells = _cells(real_home, "2025-ptq-czj-yusuan.pdf", "部门支出预算总表")
    assert tables["支出总表"]["columns"][-2:] == ["支出预算/基本支出", "支出预算/项目支出"]
    row = [c for c in cells if c["code"] == "201"]
    assert sum(Decimal(c["value"]) for c in row[1:]) == Decimal(row[0]["value"])  # 合计 = 基本 + 项目


def test_a_disclosure_in_two_files_becomes_one_document(tmp_path):
    text, tables = real_pdf("2026-bj-czj-yusuan-shuoming.pdf"), real_pdf("2026-bj-czj-yusuan-baobiao.pdf")
    home = tmp_path / "home"
    first = budgetqa("ingest", str(text), home=home, env=FAST)
    assert "尚未导入" in first.stdout + first.stderr  # says the other half is missing
    second = budgetqa("ingest", str(tables), home=home, env=FAST)
    assert "合并" in second.stdout + second.stderr
    with sqlite3.connect(home / "budgetqa.sqlite") as db:
        docs = db.execute("SELECT department, year, part, source FROM documents").fetchall()
        passages = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    assert docs == [("北京市财政局", 2026, "", f"{text.name} + {tables.name}")]
    assert passages > 10
    kinds = {t["kind"] for t in jsonl(budgetqa("tables", "--json", home=home).stdout)}
    assert {"收支总表", "正文数字"} <= kinds
    before = _dump(home)
    again = budgetqa("ingest", str(tables), str(text), home=home, env=FAST)
    assert again.stdout.count("未变化") == 2 and _dump(home) == before


def _encrypted(src: Path, dst: Path) -> Path:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.encrypt(user_password="secret", owner_password="owner")
    with dst.open("wb") as fh:
        writer.write(fh)
    return dst


def _scanned(dst: Path) -> Path:
    from PIL import Image, ImageDraw
    page = Image.new("RGB", (800, 1100), "white")
    ImageDraw.Draw(page).rectangle((80, 80, 720, 400), outline="black")
    page.save(dst)  # a picture of a page, no text layer: what a scanner makes
    return dst


@pytest.mark.parametrize("make, reason", [
    (lambda src, tmp: _truncated(src, tmp / "cut.pdf"), "损坏"),
    (lambda src, tmp: _scanned(tmp / "scan.pdf"), "没有文字层"),
    (lambda src, tmp: _encrypted(src, tmp / "locked.pdf"), "加密"),
])
def test_a_bad_pdf_is_refused_in_chinese_and_the_store_is_untouched(home_copy, tmp_path, make, reason):
    bad = make(real_pdf("2025-ptq-czj-yusuan.pdf"), tmp_path)
    before = _dump(home_copy)
    proc = budgetqa("ingest", str(bad), home=home_copy, check=False, env=FAST)
    assert proc.returncode == 1
    assert f"错误：{bad.name}" in proc.stderr and reason in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _dump(home_copy) == before


def _truncated(src: Path, dst: Path) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: len(data) // 2])
    return dst


def test_one_bad_file_among_good_ones_is_reported_and_the_others_ingest(tmp_path):
    good = real_pdf("2026-ptq-sfj-yusuan.pdf")
    bad = _truncated(good, tmp_path / "half.pdf")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(good, folder / good.name)
    shutil.copy(bad, folder / bad.name)
    proc = budgetqa("ingest", str(folder), home=tmp_path / "home", check=False, env=FAST)
    assert proc.returncode == 1 and "错误：half.pdf" in proc.stderr
    assert "上海市普陀区司法局" in proc.stdout + proc.stderr
    assert "1 份文件" in proc.stdout
