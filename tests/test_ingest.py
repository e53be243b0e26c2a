"""Ingestion on the real sample: every printed number lands once, at its row and column."""
import hashlib
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import FAST, SAMPLE, budgetqa, jsonl
from ingest.home import Home
from ingest.model import IngestError
from ingest.readers.text import parse_file

NUMBER = re.compile(r"^\d+(\.\d+)?$")


def source_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def independent_grid_numbers():
    """Walk the source by hand: every numeric field of every tab-separated data row of the grid tables,
    with the header leaf above it (from the 栏次 row's header lines) and the label to its left."""
    lines = source_lines()
    first_table = next(i for i, ln in enumerate(lines) if re.match(r"^\d{3} \S+部$", ln.strip()))
    header: list[list[str]] = []
    pending: list[list[str]] = []
    out = []
    for i, ln in enumerate(lines[first_table:], start=first_table + 1):
        if "\t" not in ln:
            continue
        f = [x.strip() for x in ln.split("\t")]
        if f[0] in ("栏次", "档次"):
            header = pending[-2:]
            pending = []
            continue
        if f[0] in ("序号", "") and not any(NUMBER.match(x) for x in f[1:]) or f[0] in ("项 目", "单位名称"):
            pending.append(f)
            if f[0] in ("项 目",):  # the fixed-asset table has one header row and no 栏次 row
                header = [f]
                pending = []
            continue
        if f[0] in ("一级指标", "绩效目标", "产出指标", "效益指标", "满意度指标", "成本指标") or f[0].startswith("绩效目标"):
            header = []
            continue
        if not header:
            continue
        for p, x in enumerate(f):
            if p == 0 and header[0][0] == "序号":
                continue  # the row number
            if NUMBER.match(x):
                leaf = ""
                for h in reversed(header):
                    if p < len(h) and h[p]:
                        leaf = h[p]
                        break
                leaf = re.sub(r"（金额单位：万元）", "", leaf)  # the store keeps that as the cell's unit
                if leaf == "科目编码":
                    continue  # a subject code, stored on the row
                label = next((y for y in reversed(f[:p]) if y and not NUMBER.match(y)), "")
                label = re.sub(r"（金额单位：万元）", "", label)
                out.append((i, p, Decimal(x), flat(leaf), flat(label)))
    return out


@pytest.fixture(scope="module")
def parsed(sample_home):
    home = Home(sample_home)
    doc = home.store.documents()[0]
    return home.store.load(doc.doc_id)


def test_every_printed_number_is_stored_once_at_its_row_and_column(parsed):
    where: dict[tuple[int, int], list] = {}
    for t in parsed.tables:
        order = {c.path: c.ordinal for c in t.columns}
        for r in t.rows:
            for c in r.cells:
                if c.value is not None and not c.blank and t.kind not in ("绩效目标表", "正文数字"):
                    where.setdefault((r.line, order[c.column]), []).append((t, r, c))
    expected = independent_grid_numbers()
    assert len(expected) > 300  # the sample prints 317 figures in its grids
    for line, pos, value, leaf, label in expected:
        found = where.pop((line, pos), [])
        assert len(found) == 1, f"line {line} field {pos} ({value}) stored {len(found)} times"
        t, r, c = found[0]
        assert c.value == value and str(c.value) == str(value), (line, pos)
        assert flat(c.column).endswith(leaf) or flat(c.column).split("/")[0] == leaf, (line, c.column, leaf)
        assert flat(r.label) == label or (r.code == label), (line, r.label, label)
    assert not where, f"cells with no printed number behind them: {list(where)[:5]}"


def test_blank_money_cells_are_zero_but_marked_blank(parsed):
    income = next(t for t in parsed.tables if t.kind == "收入总表")
    total = income.rows[0]
    assert total.label == "合计"
    assert total.cell("本年收入/事业收入").value == 0 and total.cell("本年收入/事业收入").blank
    assert total.cell("上年结转").value == Decimal("525.75") and not total.cell("上年结转").blank


def test_headers_flatten_and_column_numbers_come_from_the_lanci_row(parsed):
    income = next(t for t in parsed.tables if t.kind == "收入总表")
    assert [c.path for c in income.columns][3:6] == ["合计", "本年收入/小计", "本年收入/财政拨款收入"]
    assert [c.number for c in income.columns][:4] == ["栏次", "1", "2", "3"]
    fund = next(t for t in parsed.tables if t.kind == "政府性基金预算财政拨款支出表")
    assert fund.columns[3].number == "3"  # this table misspells 栏次 as 档次
    assert all(r.label != "档次" for r in fund.rows)


def test_continued_tables_drop_repeated_headers_and_keep_counting(parsed):
    summary = next(t for t in parsed.tables if t.kind == "收支总表")
    numbers = sorted({int(r.number) for r in summary.rows})
    assert numbers == list(range(1, 35))  # 19 rows on page 3, the rest on page 4; no header rows as data
    assert {r.page for r in summary.rows} == {3, 4}
    assert [r.label for r in summary.rows if r.number == "34"] == ["收入总计", "支出总计"]
    assert {r.side for r in summary.rows} == {"收入", "支出"}


def test_subject_codes_know_their_level_and_parent(parsed):
    spend = next(t for t in parsed.tables if t.kind == "支出总表")
    row = spend.row_by_code("2080505")
    assert (row.level, row.parent_code, row.code_kind) == ("项", "20805", "function")
    basic = next(t for t in parsed.tables if t.kind == "一般公共预算财政拨款基本支出表")
    row = basic.row_by_code("30231")
    assert (row.label, row.level, row.parent_code, row.code_kind) == ("公务用车运行维护费", "款", "302", "economic")


def test_a_parent_subject_equals_the_sum_of_its_children(parsed):
    checked = 0
    for t in parsed.tables:
        children: dict[str, list] = {}
        for r in t.rows:
            if r.parent_code:
                children.setdefault(r.parent_code, []).append(r)
        for r in t.rows:
            if r.code in children:
                for c in r.cells:
                    if c.value is None:
                        continue
                    total = sum((k.cell(c.column).value for k in children[r.code]), Decimal(0))
                    assert total == c.value, (t.title, r.code, c.column)
                    checked += 1
    assert checked > 100


def test_totals_agree(parsed):
    summary = next(t for t in parsed.tables if t.kind == "收支总表")
    by_label = {r.label: r for r in summary.rows}
    assert by_label["收入总计"].cell("收入/预算数").value == by_label["支出总计"].cell("支出/预算数").value
    income_items = [r for r in summary.rows if r.side == "收入" and re.match(r"^[一二三四五六七八九]、", r.label)]
    assert sum(r.cell("收入/预算数").value for r in income_items) == by_label["本年收入合计"].cell("收入/预算数").value
    spend_items = [r for r in summary.rows if r.side == "支出" and re.match(r"^[一二三四五六七八九十]+、", r.label)]
    assert sum(r.cell("支出/预算数").value for r in spend_items) == by_label["本年支出合计"].cell("支出/预算数").value
    for kind in ("收入总表", "支出总表", "一般公共预算财政拨款支出表"):
        t = next(t for t in parsed.tables if t.kind == kind)
        total = t.rows[0]
        for c in total.cells:
            assert c.value == sum(r.cell(c.column).value for r in t.rows if r.level == "类"), (kind, c.column)
    basic = next(t for t in parsed.tables if t.kind == "一般公共预算财政拨款基本支出表").rows[0]
    assert basic.cell("一般公共预算基本支出/人员经费").value + basic.cell("一般公共预算基本支出/公用经费").value \
        == basic.cell("一般公共预算基本支出/合计").value


def test_performance_tables(parsed):
    perf = [t for t in parsed.tables if t.kind == "绩效目标表"]
    assert len(perf) == 31
    stipend = next(t for t in perf if "村干部基础职务补贴" in t.title)
    assert stipend.target_year == 2023
    row = next(r for r in stipend.rows if r.label == "村书记主任补贴标准")
    value = row.cell("指标值")
    assert (value.raw, value.value, value.unit, value.comparator) == ("36000元", Decimal("36000"), "元", None)
    assert row.indicator == ("产出指标", "成本指标", "村书记主任补贴标准")  # 一级指标 filled down
    nonpublic = next(t for t in perf if t.project == "非公经济和社会组织党建工作经费")
    v = nonpublic.rows[0].cell("指标值")
    assert (v.comparator, v.value, v.unit) == ("≥", Decimal("7"), "个")
    # the description cut at the page break is joined back together
    cut = next(r for r in nonpublic.rows if r.label == "提升党建工作水平")
    assert cut.cell("绩效指标描述").raw == "通过培训党组织书记和党建指导员，全面提升非公经济和社会组织党建工作水平"
    years = {}
    for t in perf:
        years.setdefault(t.project, []).append(t.target_year)
    assert sorted(years["关心下一代工作经费"]) == [2022, 2023]
    team = [t for t in perf if t.project == "贫困村驻村工作队经费"]
    v = next(r for r in team[0].rows if r.label == "驻村干部体检标准").cell("指标值")
    assert (v.value, v.unit) == (Decimal("0.06"), "万元/人")
    deadline = next(r for t in perf for r in t.rows if r.cell("指标值").raw == "12 月底前").cell("指标值")
    assert deadline.value is None and deadline.comparator is None  # a date stays text
    talent = next(t for t in perf if t.project == "人才管理工作经费")
    shifted = next(r for r in talent.rows if r.label == "人才下乡")  # printed one cell short in the source
    assert shifted.indicator == ("产出指标", "成本指标", "人才下乡") and shifted.cell("指标值").value == 4


def test_every_indicator_value_is_stored(parsed):
    stored = {(r.line, r.cell("指标值").raw) for t in parsed.tables if t.kind == "绩效目标表" for r in t.rows}
    lines = source_lines()
    count = 0
    for i, ln in enumerate(lines, start=1):
        f = [x.strip() for x in ln.split("\t")]
        if len(f) >= 6 and f[1].endswith("指标") and f[2] and f[0] != "一级指标":
            count += 1
            value = f[4] if f[0] in ("", "产出指标", "效益指标", "满意度指标") else f[3]
            assert (i, re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", value)) in stored, (i, value)
    assert count > 250


def test_metadata_and_other_tables(parsed):
    d = parsed.document
    assert (d.department_code, d.department, d.year, d.kind, d.unit) == ("203", "中共青龙满族自治县委员会组织部", 2023, "预算", "万元")
    kinds = [t.kind for t in parsed.tables]
    for kind in ("收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算财政拨款支出表",
                 "一般公共预算财政拨款基本支出表", "政府性基金预算财政拨款支出表", "国有资本经营预算财政拨款支出表",
                 "三公经费支出表", "机构设置表", "政府采购预算表", "固定资产占用情况表"):
        assert kinds.count(kind) == 1, kind
    capital = next(t for t in parsed.tables if t.kind == "国有资本经营预算财政拨款支出表")
    assert capital.rows == [] and "空表列示" in capital.note
    assets = next(t for t in parsed.tables if t.kind == "固定资产占用情况表")
    car = next(r for r in assets.rows if r.label.startswith("2、车辆"))
    assert car.cell("价值").value == Decimal("14.40") and car.cell("价值").unit == "万元"
    assert car.cell("数量").value == 1
    orgs = next(t for t in parsed.tables if t.kind == "机构设置表")
    assert [r.cell("单位性质").raw for r in orgs.rows] == ["行政", "事业"]


def test_narrative_figures_are_stored_with_their_sentence(parsed):
    figures = next(t for t in parsed.tables if t.kind == "正文数字")
    by_label = {r.label: r for r in figures.rows}
    row = by_label["本年度拟购置固定资产总额"]
    assert row.cell("金额").value == Decimal("14.00") and row.page == 68
    assert "拟购置固定资产总额为14.00万元" in row.cell("说明").raw
    assert by_label["人员经费"].cell("金额").value == Decimal("321.34")
    # changes against last year are not amounts of this year
    assert all(r.cell("金额").value != Decimal("56.06") for r in figures.rows)


def test_passages_keep_their_sections(parsed):
    sections = {p.section.split(" / ")[0] for p in parsed.passages}
    for heading in ("一、部门职责及机构设置情况", "二、部门预算安排的总体情况", "三、机关运行经费安排情况",
                    "四、财政拨款“三公”经费预算情况及增减变化原因", "五、预算绩效信息", "六、政府采购预算情况",
                    "七、国有资产信息", "八、名词解释"):
        assert heading in sections, heading
    joined = next(p for p in parsed.passages if "基本支出" in p.text and "384.41" in p.text)
    assert "其中基本支出384.41 万元" in joined.text.replace(" 384", "384")  # a paragraph cut at a page break


def test_cli_tables_and_cells(sample_home):
    tables = jsonl(budgetqa("tables", "--json", home=sample_home).stdout)
    assert len(tables) == 44 and sum(t["kind"] == "绩效目标表" for t in tables) == 31
    assert sum(t["kind"] == "正文数字" for t in tables) == 1
    cells = jsonl(budgetqa("cells", "--table", "基本支出表", "--json", home=sample_home).stdout)
    hit = [c for c in cells if c["code"] == "30101" and c["column"].endswith("人员经费")]
    assert hit == [{**hit[0], "value": "126.75", "unit": "万元", "row_label": "基本工资", "page": 15}]
    assert set(hit[0]) >= {"document", "table", "row_label", "code", "column", "value", "unit", "page"}


def _snapshot(home: Path) -> str:
    db = home / "budgetqa.sqlite"
    out = subprocess.run(["sqlite3", str(db), ".dump"], capture_output=True, text=True) if shutil.which("sqlite3") \
        else None
    if out is not None and out.returncode == 0:
        return hashlib.sha256(out.stdout.encode()).hexdigest()
    import sqlite3
    con = sqlite3.connect(db)
    dump = "\n".join(con.iterdump())
    con.close()
    return hashlib.sha256(dump.encode()).hexdigest()


def test_reingest_changes_nothing_and_a_second_disclosure_adds(tmp_path, monkeypatch):
    # The store and the index are what is checked: the hashing embedder (here and in the CLI) spares the model.
    monkeypatch.setenv("BUDGETQA_EMBED", "hash")
    home_copy = tmp_path / "home"
    budgetqa("ingest", str(SAMPLE), home=home_copy, env=FAST)
    home = Home(home_copy)
    before = (home.store.counts(), home.index.count())
    out = budgetqa("ingest", str(SAMPLE), home=home_copy, env=FAST)
    assert "未变化" in out.stdout
    home2 = Home(home_copy)
    assert (home2.store.counts(), home2.index.count()) == before
    other = tmp_path / "other.txt"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace("203 中共青龙满族自治县委员会组织部", "204 青龙满族自治县财政局"),
                     encoding="utf-8")
    budgetqa("ingest", str(other), home=home_copy, env=FAST)
    home3 = Home(home_copy)
    counts = home3.store.counts()
    assert counts["documents"] == 2 and counts["cells"] == 2 * before[0]["cells"]
    assert home3.index.count() == 2 * before[1]
    assert {d.department for d in home3.store.documents()} == {"中共青龙满族自治县委员会组织部", "青龙满族自治县财政局"}


@pytest.mark.parametrize("content, message", [
    (b"", "空"),
    ("这只是一封普通的信，没有任何表格。\n第二行。\n".encode("utf-8"), "不是"),
    (b"%PDF-1.7\n\x00\x01binary", "PDF"),
    (b"\x00\x01\x02\x03" * 100, "二进制"),
])
def test_bad_files_get_a_clear_message_and_leave_the_store_untouched(home_copy, tmp_path, content, message):
    before = _snapshot(home_copy)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = budgetqa("ingest", str(bad), home=home_copy, check=False)
    assert out.returncode == 1
    assert "错误" in out.stderr and message in out.stderr
    assert "Traceback" not in out.stderr
    assert _snapshot(home_copy) == before


def test_gbk_copy_reads_the_same(home_copy, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gbk"))
    a = parse_file(SAMPLE)
    b = parse_file(gbk)
    assert a.document.doc_id == b.document.doc_id  # same text, same document
    assert [(t.title, [(r.label, [(c.column, c.raw) for c in r.cells]) for r in t.rows]) for t in a.tables] == \
           [(t.title, [(r.label, [(c.column, c.raw) for c in r.cells]) for r in t.rows]) for t in b.tables]
    before = _snapshot(home_copy)
    out = budgetqa("ingest", str(gbk), home=home_copy)
    assert "未变化" in out.stdout
    assert _snapshot(home_copy) == before


def test_a_crash_while_writing_tables_leaves_nothing(fresh_home, monkeypatch):
    from ingest import pipeline
    from ingest.store import Store

    home = Home(fresh_home)
    calls = {"n": 0}
    real = Store._write_table

    def flaky(self, doc_id, table):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("power cut")
        return real(self, doc_id, table)

    monkeypatch.setattr(Store, "_write_table", flaky)
    with pytest.raises(RuntimeError):
        pipeline.ingest_file(SAMPLE, home)
    assert home.store.counts() == {"documents": 0, "tables": 0, "rows": 0, "cells": 0, "passages": 0}


def test_a_crash_while_indexing_is_completed_by_the_next_ingest(fresh_home, monkeypatch):
    from ingest import pipeline
    from ingest.index import TextIndex

    def boom(self, doc_id, items):
        raise RuntimeError("power cut")

    monkeypatch.setenv("BUDGETQA_EMBED", "hash")  # what is checked is the store and the index, not the model
    real_upsert = TextIndex.upsert
    monkeypatch.setattr(TextIndex, "upsert", boom)
    with pytest.raises(RuntimeError):
        pipeline.ingest_file(SAMPLE, Home(fresh_home))
    store = Home(fresh_home).store
    doc = store.documents()[0]  # the tables are whole and answerable; the text index is marked incomplete
    assert not store.is_indexed(doc.doc_id)
    cells = store.counts()["cells"]
    monkeypatch.setattr(TextIndex, "upsert", real_upsert)
    result = pipeline.ingest_file(SAMPLE, Home(fresh_home))
    assert result.status == "indexed" and result.vectors > 0
    home = Home(fresh_home)
    assert home.store.is_indexed(doc.doc_id) and home.store.counts()["cells"] == cells
    assert home.index.count(doc.doc_id) == len(pipeline.index_items(home.store.load(doc.doc_id)))
    assert pipeline.ingest_file(SAMPLE, Home(fresh_home)).status == "unchanged"


def test_ingest_error_is_raised_for_a_missing_file(fresh_home):
    from ingest.pipeline import ingest_file
    with pytest.raises(IngestError):
        ingest_file(fresh_home / "nope.txt", Home(fresh_home))


@pytest.mark.skipif(not shutil.which("unshare"), reason="unshare is not available")
def _no_network_here() -> bool:
    """Is this process already in a namespace with loopback only (scripts/test.sh runs the suite so)?"""
    import socket
    return {name for _, name in socket.if_nameindex()} <= {"lo"}


def test_ingest_needs_no_network(fresh_home, request):
    import sys
    if _no_network_here():
        # The whole run has no network: the session's ingest of the sample with the default model already
        # ran here; that it completed, tables and text index, is the proof (no second embedding of it).
        home = Home(request.getfixturevalue("sample_home"))
        assert home.store.counts()["cells"] > 0 and home.index.count() > 0
        doc = home.store.documents()[0]
        assert home.store.is_indexed(doc.doc_id)
        return
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare -n is not permitted here")
    bq = str(Path(sys.executable).parent / "budgetqa")
    out = subprocess.run(["unshare", "-n", bq, "--home", str(fresh_home), "ingest"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "1 份文件" in out.stdout
