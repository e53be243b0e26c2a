"""BudgetQA: ask a government budget disclosure a question in plain Chinese, get the exact figure and where
it is printed. Started by ``scripts/run.sh``; a thin page over ``assistant.engine`` and ``assistant.ui``."""
from __future__ import annotations

import os
import time

import streamlit as st

from assistant import ui
from ingest.home import HOME_ENV, Home, sample_files

EXAMPLES = ["组织部今年一共能花多少钱？", "人员经费占基本支出的比例是多少？", "三公经费为什么减少？",
            "哪一类支出最多？", "村书记主任一肩挑的补贴标准是多少？"]
TABS = ["问答", "浏览表格", "核对"]

st.set_page_config(page_title="预算问答 BudgetQA", page_icon=":material/account_balance:", layout="wide")


# --- loaded once per process (keyed by the corpus directory, so tests with different homes do not mix) ---

@st.cache_resource(show_spinner=False)
def get_home(path: str) -> ui.SessionSafeHome:
    return ui.SessionSafeHome(path)


@st.cache_resource(show_spinner=False)
def sample_ingest(path: str) -> ui.SampleIngest:
    return ui.SampleIngest(get_home(path), sample_files())


@st.cache_resource(show_spinner="正在加载问答引擎…")
def get_engine(path: str):
    from assistant.engine import Engine  # the embedding model stays unloaded until a text question needs it

    return Engine(get_home(path))


@st.cache_data(show_spinner="正在核对…", max_entries=32)
def check_results(path: str, doc_id: str) -> list[dict]:
    from assistant.check import run_checks

    return [c.as_json() for c in run_checks(get_home(path).store.load(doc_id))]


def home_path() -> str:
    return str(Home(os.environ.get(HOME_ENV) or None).path)


def ensure_corpus(path: str) -> None:
    """First start with an empty corpus: ingest the bundled sample (once per process, in the background)
    while this page shows its progress."""
    home = get_home(path)
    if home.store.documents():
        return
    job = sample_ingest(path)
    with st.status("首次启动：正在导入示例预算公开文件…", expanded=True) as status:
        bar = st.progress(0.0, text="准备导入…")
        # The tables are visible as soon as they are written; the text index goes on in the background.
        while job.running and not home.store.documents():
            bar.progress(*job.progress())
            time.sleep(0.2)
        if job.running:
            status.update(label="表格已可查询；正文索引仍在后台建立，期间文字类问题只用关键词检索", state="complete",
                          expanded=False)
            return
        bar.progress(*job.progress())
        for message in job.messages:
            st.write(message)
        if job.error:
            status.update(label="示例文件导入失败", state="error")
            st.error(job.error)
            sample_ingest.clear()  # a reload of the page tries again
            st.stop()
        status.update(label="示例文件已导入，可以提问了", state="complete", expanded=False)


# --- sidebar -------------------------------------------------------------------------------------------

def queue_question(question: str) -> None:
    st.session_state.queued = question
    st.session_state.view = TABS[0]


def sidebar(path: str, engine) -> list[str]:
    """Documents, the document filter, example questions and the uploader; returns the chosen doc_ids."""
    with st.sidebar:
        st.header("已收录的文件", icon=":material/library_books:")
        docs_box = st.container()
        st.subheader("试试这些问题", icon=":material/lightbulb:")
        for k, q in enumerate(EXAMPLES):
            st.button(q, key=f"example-{k}", on_click=queue_question, args=(q,), width="stretch")
        st.subheader("导入新的公开文件", icon=":material/upload_file:")
        upload(path, engine)
    with docs_box:
        docs = [d.document for d in engine.corpus.docs]
        for d in docs:
            n = len(engine.corpus.find_doc(d.doc_id).tables)
            st.markdown(f"**{ui.md(d.department)}**  \n{d.year}年 · 部门{d.kind} · {n} 张表")
        if not docs:
            st.info("语料库是空的。")
        labels = {d.doc_id: d.label for d in docs}
        return st.multiselect("只在这些文件中查找", list(labels), format_func=labels.get,
                              placeholder="全部文件", key="doc_filter")


def upload(path: str, engine) -> None:
    file = st.file_uploader("预算/决算公开文件（.txt 文本）", type=["txt"], key="upload")
    if file is None:
        return
    results = st.session_state.setdefault("uploads", {})
    if file.file_id not in results:
        bar = st.progress(0.0, text="正在导入…")
        ok, message = ui.handle_upload(file.name, file.getvalue(), get_home(path),
                                       ui.stage_reporter(bar, 0, 1, file.name))
        bar.empty()
        if ok:
            engine.reload()
            check_results.clear()
        results[file.file_id] = (ok, message)
    ok, message = results[file.file_id]
    (st.success if ok else st.error)(message)


# --- pages ---------------------------------------------------------------------------------------------

def chat_page(engine, doc_ids: list[str], prompt: str | None) -> None:
    messages = st.session_state.setdefault("messages", [])
    question = prompt or st.session_state.pop("queued", None)
    if not messages and not question:
        with st.chat_message("assistant"):
            names = "；".join(d.document.label for d in engine.corpus.docs) or "（还没有文件）"
            st.markdown(f"你好！我根据政府部门公开的预算文件回答问题，每个数字都注明出自哪张表、哪一行、哪一列。\n\n"
                        f"目前收录：{ui.md(names)}。可以在下方输入问题，或点击左侧的示例问题。")
    for q, a in messages:
        show_turn(q, a, engine)
    if question:
        with st.chat_message("user"):
            st.markdown(ui.md(question))
        with st.chat_message("assistant"):
            with st.spinner("正在查找…"):
                answer = engine.ask(question, doc_ids or None)
            ui.render_answer(answer, engine)
        messages.append((question, answer))


def show_turn(question: str, answer, engine) -> None:
    with st.chat_message("user"):
        st.markdown(ui.md(question))
    with st.chat_message("assistant"):
        ui.render_answer(answer, engine)


def browse_page(engine) -> None:
    docs = engine.corpus.docs
    if not docs:
        st.info("语料库是空的。")
        return
    doc = docs[0] if len(docs) == 1 else st.selectbox(
        "文件", docs, format_func=lambda d: d.document.label, key="browse_doc")
    st.caption(f"{doc.document.label} · 共 {len(doc.tables)} 张表 · 来源文件 {doc.document.source}")
    if not doc.tables:
        st.info("这份文件没有解析出表格。")
        return
    table = st.selectbox("选择表格", doc.tables, format_func=ui.table_choice_label, key=f"browse_table_{doc.document.doc_id}")
    st.subheader(table.title)
    ui.render_table_details(table)


def check_page(path: str, engine) -> None:
    if not ui.checks_available():
        st.info("核对模块（assistant/check.py）尚未安装。")
        return
    st.caption("逐项核对文件的自洽性：表内合计、科目层级、列合计、不同表之间、文字说明与表格、绩效目标。不一致的排在最前。")
    for d in engine.corpus.docs:
        st.subheader(d.document.label)
        ui.render_checks(check_results(path, d.document.doc_id))


def main() -> None:
    path = home_path()
    st.title("预算问答", icon=":material/account_balance:")
    st.caption("用大白话问部门预算：每个数字都来自公开文件的表格，并标明出处。")
    ensure_corpus(path)
    engine = get_engine(path)
    doc_ids = sidebar(path, engine)
    chat, browse, check = st.tabs(TABS, key="view", on_change="rerun")
    prompt = st.chat_input("输入你的问题，例如：组织部今年一共能花多少钱？") if chat.open is not False else None
    if chat.open is not False:
        with chat:
            chat_page(engine, doc_ids, prompt)
    if browse.open:
        with browse:
            browse_page(engine)
    if check.open:
        with check:
            check_page(path, engine)


main()
