"""Fact check on the real disclosures (shared/disclosures/real, ingested once per session by ``real_home``):
files that reconcile raise no false alarm, the one real slip is named where it is printed, a single
changed figure in a table of each regional template is caught at its cell, and the corpus report
(``budgetqa check --all``) lists every document and finding."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from assistant.check import FAIL, ROUNDING, Check, run_checks
from assistant.checks.report import corpus_report, render_html
from conftest import budgetqa
from ingest.home import Home
from ingest.model import Document

# Files whose checks close without a single fail (rounding differences are not fails: README, the policy).
RECONCILE = ["2019-js-gaoyuan-yusuan.pdf", "2022-xa-wjw-juesuan.pdf",
             "2026-bj-czj-yusuan-shuoming.pdf + 2026-bj-czj-yusuan-baobiao.pdf", "2026-fz-swj-yusuan.pdf",
             "2026-gz-zfbgt-yusuan.pdf", "2026-hz-qxj-yusuan.pdf", "2026-sz-jtysj-yusuan.pdf"]
SLIP = "2021-xa-xcb-yusuan.pdf"  # 表13 p.41: the 2021 合计 column is not 三公 + 会议费 + 培训费 (docs/findings.md)
# Real slips in the text, each read off its page (docs/findings.md): a subject's amount the narrative states
# against the figure its table prints — (file, subject code or row, stated, printed, text page, table page) …
TEXT_SLIPS = [
    ("2024-ptq-wanlijiedao-yusuan.pdf", "2210201", "352.67", "3503499", 9, 19),  # 住房公积金 350.35 then 352.67
    ("2025-ptq-czj-yusuan.pdf", "2080506", "887.36", "873617.00", 7, 12),  # 职业年金 87.36 printed 887.36
    ("2026-ptq-sfj-yusuan.pdf", "2210201", "201.50", "2087959.00", 9, 13),  # 住房公积金 208.8 then 201.50
    ("2024-ptq-czj-juesuan.pdf", "总计", "0.3", "2961.68", 21, 13),  # 财政拨款收入支出总计 0.3万元
    ("2026-gjxfj-yusuan.pdf", "收入总计", "18728.91", "18728.94", 18, 9),  # 财政拨款收支总预算, table 18,728.94
]
# … and growth rates that the figures of their own sentence do not give — (file, rate as stated, page)
RATE_SLIPS = [
    ("2024-ptq-wanlijiedao-yusuan.pdf", "0.53", 9),  # 348.52 → 352.67 is 1.19 % (350.35 gives 0.53 %)
    ("2024-gjxfj-juesuan.pdf", "35.74", 17),  # 5834.37 ÷ (22066.59 − 5834.37) = 35.94 %
    ("2026-ptq-sfj-yusuan.pdf", "17.62", 9),  # 执行数 printed 43269.3 (3269.3 gives 17.62 %)
    ("2026-ptq-sfj-yusuan.pdf", "17.66", 9),  # 77.99 → 91.97 is 17.93 %
    ("2026-ptq-sfj-yusuan.pdf", "5.27", 9),  # 198.34 → 201.50 is 1.59 % (208.8 gives 5.27 %)
    ("2026-gjxfj-yusuan.pdf", "31.35", 25),  # 333.83 ÷ (1,391.68 − 333.83) = 31.56 %
]

# One printed figure per regional template, read off the page with pdftotext -layout:
# (file, table title, subject code, column, page, printed text)
TAMPER = [
    ("2026-ptq-sfj-yusuan.pdf", "2026年部门支出预算总表", "2040604", "支出预算/合计", 12, "21703947.00"),  # 上海普陀, 元
    ("2026-bj-czj-yusuan-baobiao.pdf", "预算06表一般公共预算基本支出表", "30101", "预算数/合计", 10,
     "1,721.982000"),  # 北京, six decimals, two files
    ("2026-gz-zfbgt-yusuan.pdf", "表5 一般公共预算支出情况表（按功能分类科目）", "2010302", "一般公共预算支出/小计", 12,
     "1,394.83"),  # 广州
    ("2026-sz-jtysj-yusuan.pdf", "表3 支出总表", "2080505", "支出总计", 27, "611.41"),  # 深圳, per unit blocks
    ("2024-gjxfj-juesuan.pdf", "一般公共预算财政拨款支出决算表公开05表", "2014004", "本年支出/小计", 11,
     "2,066.84"),  # 中央 决算
]


@pytest.fixture(scope="module")
def real_store(real_home):
    return Home(real_home).store


def _doc(store, source: str):
    doc = next((d for d in store.documents() if source in d.source), None)
    if doc is None:
        pytest.skip(f"{source} is not in the real corpus")
    return doc


def _fails(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.verdict == FAIL]


@pytest.mark.parametrize("source", RECONCILE)
def test_files_that_reconcile_raise_no_false_alarm(real_store, source):
    checks = run_checks(real_store.load(_doc(real_store, source).doc_id))
    assert len(checks) > 100
    assert not [(c.id, c.description) for c in _fails(checks)]


def test_the_real_slip_is_named_at_its_cells(real_store):
    """西安宣传部 表13 (p.41): the 2021 合计 column prints 1,171,100.00 where 三公 65,100 + 会议费 320,000 +
    培训费 1,096,000 make 1,481,100.00 (and its 增减 column follows the printed total)."""
    fails = _fails(run_checks(real_store.load(_doc(real_store, SLIP).doc_id)))
    assert fails and all(c.cells[0].table.title.startswith("表13") and c.cells[0].page == 41 for c in fails)
    top = next(c for c in fails if c.cells[0].row.label == "合计" and c.cells[0].column == "2021年/合计")
    assert (top.found, top.expected, top.difference) == (Decimal("1171100.00"), Decimal("1481100.00"),
                                                         Decimal("-310000.00"))


@pytest.mark.parametrize("source", sorted({t[0] for t in TEXT_SLIPS + RATE_SLIPS}))
def test_the_text_slips_are_the_only_fails(real_store, source):
    fails = _fails(run_checks(real_store.load(_doc(real_store, source).doc_id)))
    amounts = [t for t in TEXT_SLIPS if t[0] == source]
    rates = [t for t in RATE_SLIPS if t[0] == source]
    assert len(fails) == len(amounts) + len(rates) and all(c.kind == "narrative" for c in fails)
    for _, code, stated, printed, text_page, table_page in amounts:
        c = next(c for c in fails if c.found == Decimal(stated))
        ref = c.cells[0]
        assert c.passage_page == text_page
        assert (ref.row.code or ref.row.label, ref.cell.raw.replace(",", ""), ref.page) == (code, printed, table_page)
    for _, stated, page in rates:
        c = next(c for c in fails if c.id.startswith("rate:") and abs(c.found) == Decimal(stated))
        assert c.passage_page == page and stated + "%" in c.passage and c.unit == "%"


@pytest.mark.parametrize("source,title,code,column,page,printed", TAMPER, ids=[t[0][:16] for t in TAMPER])
def test_a_changed_figure_is_caught_at_its_cell(real_store, source, title, code, column, page, printed):
    parsed = real_store.load(_doc(real_store, source).doc_id)
    table = next(t for t in parsed.tables if t.title == title)
    row = next(r for r in table.rows if r.code == code)
    cell = row.cell(column)
    assert cell.raw == printed and row.page == page
    before = {c.id for c in _fails(run_checks(parsed))}  # the file's own slips, if any (TEXT_SLIPS)
    delta = Decimal("1.00")
    cell.value += delta  # as if the PDF printed this one figure 1.00 higher
    fails = [c for c in _fails(run_checks(parsed)) if c.id not in before]
    assert fails, f"changing {title} / {code} / {column} goes unnoticed"
    spot = (title, row.label, column, page)
    named = [c for c in fails if any((r.table.title, r.row.label, r.column, r.page) == spot for r in c.cells)]
    assert named == fails  # every fail involves the changed cell, nothing else is blamed
    assert any(c.cells[0].column == column and c.cells[0].row is row and c.difference == delta for c in named) or \
        any(c.difference == -delta for c in named)
    for c in named:  # each names the cell with its page and box, as the report prints it
        ref = next(r for r in c.cells if r.row is row and r.column == column)
        assert ref.as_json()["page"] == page and ref.as_json()["bbox"] and ref.as_json()["value"] == str(cell.value)


def test_corpus_report_lists_every_document_and_finding(real_home, tmp_path):
    out = tmp_path / "report.html"
    report = json.loads(budgetqa("check", "--all", "--json", "--out", str(out), home=real_home).stdout)
    sources = [d["source"] for d in report["documents"]]
    assert set(RECONCILE + [SLIP] + [t[0] for t in TEXT_SLIPS + RATE_SLIPS]) <= set(sources)
    assert report["total"] == sum(report["totals"].values()) == sum(d["total"] for d in report["documents"])
    for d in report["documents"]:
        assert sum(d["counts"].values()) == d["total"]
        assert len(d["findings"]) == d["counts"][FAIL] + d["counts"][ROUNDING]
        for f in d["findings"]:
            assert f["passage_page"] if f["id"].startswith("rate:") else f["cells"]
            assert all(c["page"] and c["table"] and c["column"] for c in f["cells"])
            assert f["expected"] is not None and f["printed"] is not None and f["difference"] is not None
    slip = next(d for d in report["documents"] if d["source"] == SLIP)
    assert slip["counts"][FAIL] and slip["findings"][0]["cells"][0]["bbox"]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "src=\"http" not in page
    assert all(d["label"] in page for d in report["documents"]) and "1171100.00" in page
    text = budgetqa("check", "--all", home=real_home).stdout
    assert text.startswith("核对报告：") and "不一致：" in text and "第41页" in text


def test_report_html_escapes_document_text():
    doc = Document("0" * 16, "<b>题</b>", "1", "部门<script>alert(1)</script>", 2026, "预算", "万元", "a&b.pdf", "x")
    check = Check("x", "columns", "“<i>合计</i>”应等于 & 之和", FAIL, [], Decimal("2"), Decimal("3"), Decimal("1"),
                  passage="<img src=x>", unit="万元")
    page = render_html(corpus_report([(doc, [check])]))
    assert "<script>" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "a&amp;b.pdf" in page and "&lt;img src=x&gt;" in page
