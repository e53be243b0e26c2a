"""The app over a corpus of several documents (every real disclosure and the sample): the 核对 page works on
the chosen document only, each finding once, with its report to download as one escaped HTML page; the
sidebar stays a summary; a ranking over many departments keeps its text short and every figure in its data."""
import html
import shutil
from decimal import Decimal

import pytest
import streamlit
from streamlit.testing.v1 import AppTest

from assistant import across, ui
from assistant.answer import Answer, Citation
from conftest import FAST, ROOT, SAMPLE, budgetqa

APP = str(ROOT / "app.py")
MARKUP = "<b>帮扶</b>"  # put into the sample's words: every place showing it must show it as printed
QINGLONG = ("中共青龙满族自治县委员会组织部", "2023年 部门预算")


@pytest.fixture(scope="module")
def corpus_home(real_home, tmp_path_factory):
    """The real disclosures plus the sample, one of its 绩效 indicators renamed to carry markup."""
    home = tmp_path_factory.mktemp("appcorpus") / "home"
    shutil.copytree(real_home, home)
    text = SAMPLE.read_text(encoding="utf-8").replace("离休干部帮扶资金", f"离休干部{MARKUP}资金")
    sample = home.parent / SAMPLE.name
    sample.write_text(text, encoding="utf-8")
    budgetqa("ingest", str(sample), home=home, env=FAST, timeout=600)
    return home


@pytest.fixture
def downloads(monkeypatch):
    """Every download button the app draws: label → (data, file name); deferred data is generated here."""
    seen = {}
    real = streamlit.download_button

    def spy(label, data, *args, **kw):
        seen[label] = (data() if callable(data) else data, kw.get("file_name"))
        return real(label, data, *args, **kw)

    monkeypatch.setattr(streamlit, "download_button", spy)
    return seen


@pytest.fixture
def checks_run(monkeypatch):
    """The documents the fact check is run on (cached results aside)."""
    import assistant.check

    ran = []
    real = assistant.check.run_checks

    def spy(parsed, *args, **kw):
        ran.append(parsed.document.doc_id)
        return real(parsed, *args, **kw)

    monkeypatch.setattr(assistant.check, "run_checks", spy)
    return ran


@pytest.fixture
def app(corpus_home, monkeypatch):
    monkeypatch.setenv("BUDGETQA_HOME", str(corpus_home))
    monkeypatch.setenv("BUDGETQA_EMBED", "hash")
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, at.exception
    return at


def open_check(at: AppTest) -> AppTest:
    at.session_state["view"] = "核对"
    at.run()
    assert not at.exception, at.exception
    return at


def choose(at: AppTest, dept: str, doc: str) -> AppTest:
    at.selectbox(key="pick_dept").select(dept).run()
    at.selectbox(key="pick_doc").select(doc).run()
    assert not at.exception, at.exception
    return at


def test_check_page_with_no_choice_says_how_to_choose_and_checks_nothing(app, checks_run, downloads):
    open_check(app)
    hints = [i.value for i in app.main.info]
    assert any("请先在页面上方" in h and "选择地区、部门、年度" in h for h in hints), hints
    assert checks_run == []
    assert not app.main.metric and not app.main.dataframe and not app.main.subheader
    assert not downloads


def test_check_page_shows_the_chosen_document_findings_once_each(app, checks_run, downloads, corpus_home):
    from ingest.home import Home
    chosen = {d.doc_id for d in Home(corpus_home).store.documents() if d.department == QINGLONG[0]}
    choose(app, *QINGLONG)
    open_check(app)
    assert set(checks_run) <= chosen  # only the chosen document is checked (none again when cached)
    assert [s.value for s in app.main.subheader] == ["中共青龙满族自治县委员会组织部 2023年部门预算"]
    frame = app.main.dataframe[0].value
    assert not frame.duplicated().any()  # the same finding (check, cells, figures) once
    counts = {m.label.split(" ")[-1]: int(m.value) for m in app.main.metric}
    fails = [e.label for e in app.main.expander if e.label != app.main.expander[0].label]
    assert counts["不一致"] == len(fails) == len(set(fails)) == (frame["结果"] == "不一致").sum() > 0
    # the 绩效 form printed for the department and again for its unit: one finding, not two
    assert sum("离休干部" in f for f in fails) == 1
    assert any("\\<b\\>帮扶\\</b\\>" in f for f in fails)  # shown as printed (markdown escaped)
    assert "id" not in frame.columns and "编号" not in frame.columns
    assert not any(c in " ".join(frame["说明"]) for c in ("perf:", "cols:", "sum:"))  # no internal ids


def test_check_report_downloads_as_one_escaped_html_page(app, downloads, corpus_home):
    choose(app, *QINGLONG)
    open_check(app)
    label = next(k for k in downloads if "核对报告" in k)
    data, name = downloads[label]
    page = data.decode("utf-8")
    assert name.endswith(".html") and "中共青龙满族自治县委员会组织部" in name
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "src=\"http" not in page
    assert "中共青龙满族自治县委员会组织部 2023年部门预算" in page
    assert "<b>帮扶</b>" not in page and html.escape(f"离休干部{MARKUP}资金") in page
    assert page.count("<h2 ") == 1  # the chosen document only, not the corpus
    from ingest.home import Home
    doc_id = next(d.doc_id for d in Home(corpus_home).store.documents() if d.department == QINGLONG[0])
    assert doc_id not in page and "编号" not in page  # no internal ids
    rows = [r for r in page.split("<tr>") if "离休干部" in r]
    assert len(rows) == 1  # each finding once


def test_sidebar_is_a_summary_with_a_handful_of_names(app, corpus_home):
    from ingest.home import Home
    n = len(Home(corpus_home).store.documents())
    side = app.sidebar
    text = "\n".join(m.value for m in side.markdown) + "\n".join(c.value for c in side.caption)
    assert n > 5 and f"共 {n} 份文件" in text and "按年度" in text and "按地区" in text and "按类型" in text
    names = [m.value for m in side.markdown if m.value.startswith("**")]
    assert 1 <= len(names) <= 5
    assert "选择地区、部门、年度" in text
    assert len(text) < 1200


def test_long_ranking_keeps_its_text_short_and_every_figure_in_its_data(app, downloads):
    app.chat_input[0].set_value("哪个部门的支出总计最多？").run()
    assert not app.exception, app.exception
    answer = app.session_state["messages"][-1][1]
    n = len(answer.citations)
    assert n > across.SHOWN and f"…共 {n} 个部门" in answer.answer
    assert answer.answer.count("万元（") <= across.SHOWN + 1  # the data line names the shown ten only
    # every figure in the answer's data: the calculation, the 全部来源 table, the chart's 数据 view, the CSV
    assert len(answer.calculation.split(" > ")) == n
    assert any(e.label == f"全部 {n} 处来源" for e in app.main.expander)
    frames = [d.value for d in app.main.dataframe]
    sources = next(f for f in frames if "原文数值" in f.columns and len(f) == n)
    chart = next(f for f in frames if "出处" in f.columns)
    assert len(chart) == n and chart["出处"].str.startswith("《").all()  # each bar's figure with its source
    csv = downloads["导出本答案的数据 CSV"][0].decode("utf-8-sig")
    assert len(csv.strip().splitlines()) == n + 1
    assert set(sources["文件"]) == {c.document for c in answer.citations}


def _figures(n: int) -> list:
    class Doc:
        def __init__(self, k):
            self.document = type("D", (), {"department": f"部门{k:03d}", "year": 2026, "kind": "预算",
                                           "label": f"部门{k:03d} 2026年部门预算"})()
    out = []
    for k in range(n):
        value = Decimal(1000 + k) + Decimal("0.25")
        cite = Citation(f"部门{k:03d} 2026年部门预算", f"{k:016x}", "三公经费支出表", "合计", "合计", 3, str(value),
                        table_ordinal=1, row_ordinal=1, unit="万元")
        out.append(across.Figure(Doc(k), Answer("q", "answered", "x", value, "万元", None, [cite]), value))
    return out


def test_a_ranking_of_hundreds_names_ten_and_cites_all():
    figures = _figures(300)
    most = across._combine("哪个部门三公经费最多？", "哪个部门三公经费最多？", "三公经费", figures, [], "万元")
    assert most.value == Decimal("1299.25")
    assert len(most.answer) < 2500 and "…共 300 个部门" in most.answer
    assert "1. 部门299" in most.answer and "部门289" not in most.answer.split("计算")[0]
    assert len(most.citations) == 300 and len(most.chart.bars) == 300
    assert most.calculation == " > ".join(f"{Decimal(1299 - k) + Decimal('0.25')}" for k in range(300))
    least = across._combine("哪个部门三公经费最少？", "哪个部门三公经费最少？", "三公经费", figures, [], "万元")
    assert least.value == Decimal("1000.25") and "1. 部门000" in least.answer and "部门299" not in least.answer
    assert len(least.answer) < 2500 and len(least.citations) == 300
    few = across._combine("哪个部门三公经费最多？", "哪个部门三公经费最多？", "三公经费", figures[:10], [], "万元")
    assert "…" not in few.answer and few.answer.count("万元（") == 10  # ten or fewer: every one, as before
    assert ui.answer_csv(most).decode("utf-8-sig").count("\n") == 301
