"""The Streamlit app, driven in-process by streamlit.testing (no browser): chat, refusals, uploads, pages."""
from decimal import Decimal

import pytest
from streamlit.testing.v1 import AppTest

from assistant import ui
from conftest import ROOT, SAMPLE
from ingest.home import Home

APP = str(ROOT / "app.py")
BROWSE, CHECK = ("文件", "核对")


@pytest.fixture
def app(home_copy, monkeypatch):
    monkeypatch.setenv("BUDGETQA_HOME", str(home_copy))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [e.label for e in at.expander] + [f"{m.label} {m.value}" for m in at.metric]
    parts += [w.value for w in at.warning] + [i.value for i in at.info] + [e.value for e in at.error]
    parts += [b.label for b in at.button] + [t.label for t in at.toggle]
    parts += [d.proto.label for d in at.get("download_button")]
    return "\n".join(parts)


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def stored_tables(home) -> list:
    store = Home(home).store
    return store.tables(store.documents()[0].doc_id)


def test_first_page_lists_the_corpus_and_example_questions(app, home_copy):
    text = page_text(app)
    assert "中共青龙满族自治县委员会组织部" in text and "2023年 · 部门预算" in text
    main_buttons = [b.label for b in app.main.button]  # the examples sit in the main column, not the sidebar
    for q in ("组织部今年一共能花多少钱？", "人员经费占基本支出的比例是多少？", "村书记主任一肩挑的补贴标准是多少？"):
        assert q in main_buttons
    assert [s.label for s in app.main.selectbox][:3] == ["地区", "部门", "年度（预算/决算）"]  # the document picker


def test_picking_a_document_scopes_the_chat(app):
    app.selectbox(key="pick_dept").select("中共青龙满族自治县委员会组织部").run()
    app.selectbox(key="pick_doc").select("2023年 部门预算").run()
    assert not app.exception
    assert "在 中共青龙满族自治县委员会组织部 2023年部门预算 中查找" in "\n".join(e.label for e in app.expander)
    ask(app, "一共能花多少钱？")
    assert app.metric[0].value == "8,815.77 万元"


def test_share_question_shows_value_calculation_and_cited_cells(app):
    ask(app, "人员经费占基本支出的比例是多少？")
    assert [(m.label, m.value) for m in app.metric] == [("答案", "83.59%")]
    text = page_text(app)
    assert "321.34 ÷ 384.41 = 83.59%" in text  # the calculation
    # the sources, visible without opening anything: table, page, row × column = printed value
    assert "《部门预算一般公共预算财政拨款基本支出表》第15页 · 第1行 合计 × 一般公共预算基本支出/人员经费 ＝ 321.34" in text
    assert "第1行 合计 × 一般公共预算基本支出/合计 ＝ 384.41" in text  # the whole, from the same table
    # the cited row and columns first (narrow enough for a phone), the full table on demand
    assert "出处：《部门预算一般公共预算财政拨款基本支出表》（第15页）" in text
    cited = app.table[0].value
    assert cited.columns.tolist() == ["项目", "一般公共预算基本支出 / 人员经费", "一般公共预算基本支出 / 合计"]
    assert cited.iloc[0].tolist() == ["合计", "321.34", "384.41"]
    assert "完整表格：部门预算一般公共预算财政拨款基本支出表" in text
    frame = app.dataframe[0].value
    hit = frame[frame["支出部门经济分类科目/科目名称"] == "合计"]
    assert hit["一般公共预算基本支出/人员经费"].tolist() == ["321.34"]
    # the share's whole broken down: 人员经费 | 公用经费 with shares, and its exact figures with sources
    assert len(app.get("vega_lite_chart")) >= 1 and "数据（精确数值与出处）" in text
    assert "导出本答案的数据 CSV" in text


def test_total_question_formats_the_value_with_thousands_separators(app):
    ask(app, "组织部今年一共能花多少钱？")
    assert app.metric[0].value == "8,815.77 万元"
    assert "支出总计" in page_text(app)


def test_example_button_asks_its_question(app):
    app.button(key="example-3").click().run()  # 哪一类支出最多？
    assert not app.exception
    assert app.metric[0].value == "8,230.62 万元"
    assert "农林水支出" in page_text(app)
    assert len(app.get("vega_lite_chart")) >= 1  # the ranking is drawn


def test_history_is_kept_within_the_session(app):
    ask(app, "组织部今年一共能花多少钱？")
    ask(app, "人员经费占基本支出的比例是多少？")
    assert [m.value for m in app.metric] == ["8,815.77 万元", "83.59%"]
    assert len(app.chat_message) == 4  # two questions, two answers


def test_refusal_says_what_the_corpus_covers(app):
    ask(app, "2021年的预算是多少？")
    assert not app.metric
    warning = "\n".join(w.value for w in app.warning)
    assert "2021" in warning and "语料库目前收录" in warning and "2023年部门预算" in warning


def test_bad_upload_shows_the_error_and_leaves_the_corpus_alone(app, home_copy):
    before = Home(home_copy).store.counts()
    app.session_state["view"] = BROWSE  # the uploader sits on the documents page, in the main column
    app.run()
    assert app.file_uploader[0].label == "预算/决算公开文件（PDF 或文本，可多选）"
    app.file_uploader[0].set_value([("bad.txt", "这不是预算公开文件。\n".encode(), "text/plain")]).run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith("无法导入：bad.txt：") and "不是部门预算/决算公开文件" in errors[0]
    assert Home(home_copy).store.counts() == before
    app.session_state["view"] = "问答"
    app.run()
    ask(app, "组织部今年一共能花多少钱？")  # still answering from the same corpus
    assert app.metric[0].value == "8,815.77 万元"


def test_an_upload_answers_only_the_visitor_who_made_it(app, home_copy, monkeypatch):
    """Issue 12: a tampered copy uploaded by one visitor is theirs alone, labelled; the next visitor (a new
    session of the same server) and the store are told what the public corpus holds."""
    monkeypatch.setenv("BUDGETQA_EMBED", "hash")
    before = Home(home_copy).store.counts()
    tampered = SAMPLE.read_text(encoding="utf-8").replace("8815.77", "9999.99").encode("utf-8")
    app.session_state["view"] = BROWSE
    app.run()
    app.file_uploader[0].set_value([("组织部.txt", tampered, "text/plain")]).run()
    assert not app.exception, app.exception
    assert any("其他访问者看不到" in s.value for s in app.success)
    app.session_state["view"] = "问答"
    app.run()
    ask(app, "组织部今年一共能花多少钱？")
    assert app.metric[0].value == "9,999.99 万元"
    assert "来自您上传的文件" in page_text(app)
    other = AppTest.from_file(APP, default_timeout=60).run()  # another visitor
    ask(other, "组织部今年一共能花多少钱？")
    assert other.metric[0].value == "8,815.77 万元" and "您上传" not in page_text(other)
    assert Home(home_copy).store.counts() == before


def test_handle_upload_reports_ok_and_errors(home_copy):
    home = Home(home_copy)
    before = home.store.counts()
    stages = []
    ok, message = ui.handle_upload("empty.txt", b"", home, stages.append)
    assert not ok and "文件是空的" in message
    ok, message = ui.handle_upload("binary.txt", b"\x00\x01\x02garbage\x00", home)
    assert not ok and "二进制" in message
    ok, message = ui.handle_upload(SAMPLE.name, SAMPLE.read_bytes(), home, stages.append)
    assert ok and "已经导入过" in message  # same file: nothing to do
    assert home.store.counts() == before
    assert stages[0] == "解析"


def test_browse_page_shows_every_table_with_its_columns(app, home_copy):
    app.session_state["view"] = BROWSE
    app.run()
    assert not app.exception
    tables = app.selectbox(key=[s.key for s in app.selectbox if s.label == "选择表格"][0])
    assert len(tables.options) == len(stored_tables(home_copy))

    stored = stored_tables(home_copy)

    def pick(title: str):
        table = next(t for t in stored if t.title == title)
        tables.select(ui.table_choice_label(table)).run()
        assert not app.exception
        return table

    pick("部门预算财政拨款“三公”经费支出表")
    text = page_text(app)
    assert "类型：三公经费支出表 · 单位：万元 · 页码：19" in text
    assert "资金性质/一般公共预算财政拨款（3）" in text  # column paths with their 栏次
    assert app.dataframe[-1].value.iloc[0].tolist()[:3] == ["1", "合计", "6.20"]
    perf = pick("选调生到村任职补助资金绩效目标表")  # a 绩效目标表: project, year, goal
    text = page_text(app)
    assert f"**项目**：{perf.project}" in text and f"**年度**：{perf.target_year}" in text
    assert perf.goal and f"**绩效目标**：{perf.goal[:10]}" in text
    assert app.dataframe[-1].value.columns.tolist()[:3] == ["一级指标", "二级指标", "三级指标"]
    assert "导出这张表 CSV" in page_text(app)
    assert tables.options[0].startswith("1. ")  # numbered from 1, as people count

def test_check_page_lists_fails_first(app):
    app.session_state["view"] = CHECK
    app.run()
    assert not app.exception
    counts = {m.label.split(" ")[-1]: int(m.value) for m in app.metric}
    order = ["不一致", "无法核对", "通过", "不适用"]
    assert set(counts) == set(order)
    assert counts["通过"] > 0
    results = app.dataframe[0].value["结果"].tolist()
    assert [order.index(r) for r in results] == sorted(order.index(r) for r in results)
    assert results.count("不一致") == counts["不一致"] == len(app.expander) - 1  # each fail also spelled out
    assert "编号" not in app.dataframe[0].value.columns  # no internal check ids where a person looks


def test_side_by_side_tables_are_laid_out_as_printed(home_copy):
    home = Home(home_copy)
    doc = home.store.documents()[0]
    summary = home.store.tables(doc.doc_id)[0]  # 收支总表: 收入 | 支出 on one printed line
    frame, where = ui.table_frame(summary)
    last = frame.iloc[-1]
    assert (last["收入/项目"], last["收入/预算数"], last["支出/项目"], last["支出/预算数"]) == \
        ("收入总计", "8815.77", "支出总计", "8815.77")
    income_total = next(r for r in summary.rows if r.label == "收入总计")
    spending_total = next(r for r in summary.rows if r.label == "支出总计")
    assert where[income_total.ordinal] == where[spending_total.ordinal] == len(frame) - 1


def test_number_formatting():
    assert ui.fmt_value(Decimal("8815.77"), "万元") == "8,815.77 万元"
    assert ui.fmt_value(Decimal("83.59"), "%") == "83.59%"
    assert ui.fmt_value(Decimal("36000"), "元") == "36,000 元"
    assert ui.fmt_value(Decimal("0.50"), None) == "0.50"
    assert ui.fmt_value(Decimal("-1234567.8"), "万元") == "-1,234,567.8 万元"


def _render_ambiguous_answer():
    from assistant.answer import AMBIGUOUS, Answer
    from assistant.ui import render_answer

    render_answer(Answer("项目支出是多少？", AMBIGUOUS,
                         "“项目支出”有 2 种读法，数值不同：项目支出（支出总表）：8431.36 万元；"
                         "项目支出（一般公共预算财政拨款支出表）：8283.96 万元。请说明指哪一个。",
                         readings=["项目支出（支出总表）：8431.36 万元", "项目支出（一般公共预算财政拨款支出表）：8283.96 万元"]),
                  engine=None)


def test_ambiguous_answer_lists_its_readings():
    at = AppTest.from_function(_render_ambiguous_answer, default_timeout=30).run()
    assert not at.exception, at.exception
    assert not at.metric  # no single value is put forward
    assert at.info[0].value == "“项目支出”有 2 种读法，数值不同："
    assert at.markdown[0].value == ("- 项目支出（支出总表）：8431.36 万元\n"
                                    "- 项目支出（一般公共预算财政拨款支出表）：8283.96 万元")
    assert at.markdown[1].value == "请说明指哪一个。"


def test_split_readings():
    text = "“X”有 2 种读法，数值不同：甲：1 万元；乙：2 万元。请说明指哪一个。"
    assert ui.split_readings(text, ["甲：1 万元", "乙：2 万元"]) == \
        ("“X”有 2 种读法，数值不同", ["甲：1 万元", "乙：2 万元"], "请说明指哪一个。")
    assert ui.split_readings("请说明是哪个部门。", ["文件甲", "文件乙"]) == ("请说明是哪个部门。", ["文件甲", "文件乙"], "")


def test_ranking_chart_keeps_the_top_and_sums_the_rest_exactly():
    from assistant import ui_charts
    from assistant.answer import Answer, Chart, ChartBar

    bars = tuple(ChartBar(f"第{k}类", Decimal(v)) for k, v in enumerate(["8198.64", "300.10", "2.5", "9", "8", "7", "6",
                                                                      "5", "4", "3.25", "1", "0.5", "0.01"]))
    answer = Answer("哪一类最多？", "answered", "…", Decimal("8198.64"), "万元", chart=Chart("功能分类", "万元", bars))
    data = ui_charts.from_answer(answer, [])
    assert data.kind == ui_charts.RANKING and data.items[0].label == "第0类"
    shown = ui_charts.ranked(data)
    assert len(shown) == ui_charts.TOP_N + 1 and shown[-1].label == "其他（5 项）"
    assert sum(i.value for i in shown) == sum(b.value for b in bars)  # nothing lost, nothing rounded
    share = Answer("占比？", "answered", "…", Decimal("83.59"), "%", chart=Chart("基本支出", "万元", bars[:2]))
    frame = ui_charts.from_answer(share, []).frame()
    assert ui_charts.from_answer(share, []).kind == ui_charts.COMPOSITION
    assert frame["占比"].tolist() == ["96.47%", "3.53%"] and frame["数值（万元）"].tolist() == ["8198.64", "300.10"]


def test_cited_cell_outline_lands_on_the_printed_figure(real_home, monkeypatch):
    """The page image and the outline, without a browser: the kept source PDF, the page rendered into the
    home, and the box the app outlines holds the cited figure when read back from the PDF."""
    import pdfplumber

    from assistant import pageimage
    from assistant.engine import Engine
    from assistant.ui_source import page_marks, source_pdf
    from conftest import FAST

    for k, v in FAST.items():  # the real corpus was embedded with these (and the next test must not inherit them)
        monkeypatch.setenv(k, v)
    engine = Engine(Home(real_home))
    answer = engine.ask("杭州市气象局2026年一般公共预算基本支出中人员经费占多少？")
    assert answer.value == Decimal("77.62")
    table = ui.find_table(engine, answer.citations[0].doc_id, answer.citations[0].table_ordinal)
    src = source_pdf(engine, answer.citations[0].doc_id)
    assert src is not None and src.name == "2026-hz-qxj-yusuan.pdf"
    marks = page_marks(table, answer.citations)
    assert list(marks) == [20]
    png = pageimage.page_png(real_home, src.path, src.path.stem, 20)
    assert png.parent == real_home / "pages" and png.exists()
    view = pageimage.view(png, pageimage.SCALE, marks[20])
    x0, top, x1, bottom = view.region
    with pdfplumber.open(src.path) as pdf:
        words = pdf.pages[19].extract_words()
    read = []
    for fx, fy, fw, fh in view.marks:
        assert 0 <= fx and fx + fw <= 1 and 0 <= fy and fy + fh <= 1  # inside the image shown
        box = (x0 + fx * (x1 - x0), top + fy * (bottom - top), x0 + (fx + fw) * (x1 - x0), top + (fy + fh) * (bottom - top))
        read.append("".join(w["text"] for w in words if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]
                            and box[1] <= (w["top"] + w["bottom"]) / 2 <= box[3]))
    assert sorted(read) == sorted(c.text for c in answer.citations) == ["2,906.80", "3,745.07"]
    assert view.width <= pageimage.SCALE * 420  # a band a phone can read, not the whole page
