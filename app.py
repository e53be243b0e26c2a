"""BudgetQA: ask a government budget disclosure a question in plain Chinese, get the exact figure and where
it is printed. Started by ``scripts/run.sh``; a thin page over ``assistant.engine`` and ``assistant.ui``."""
from __future__ import annotations

import os
import time

import streamlit as st

from assistant import limits, ui, ui_docs, ui_layout
from assistant.visitor import Visitor, admin
from ingest.home import HOME_ENV, Home, sample_files

EXAMPLES = ["组织部今年一共能花多少钱？", "人员经费占基本支出的比例是多少？", "三公经费为什么减少？",
            "哪一类支出最多？", "村书记主任一肩挑的补贴标准是多少？"]
TABS = ["问答", "文件", "核对"]

st.set_page_config(page_title="预算问答 BudgetQA", page_icon=":material/account_balance:", layout="wide",
                   initial_sidebar_state="collapsed")  # nothing essential lives there: phones never see it


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
    """One document's checks, each finding once (the same check on the same cells, printed twice, is one)."""
    from assistant.check import run_checks
    from assistant.checks.report import unique

    return unique([c.as_json() for c in run_checks(get_home(path).store.load(doc_id))])


def check_report_html(path: str, doc_ids: list[str]) -> bytes:
    """The fact-check report of these documents as one self-contained HTML page (the command line's
    ``check --all --out``). Called when the button is clicked, maybe on another thread: the home's store is
    per thread."""
    from assistant.checks.report import check_corpus, render_html

    return render_html(check_corpus(get_home(path).store, doc_ids)).encode("utf-8")


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
            status.update(label="表格已可查询；文字说明还在准备中，这期间文字类问题的回答可能不全", state="complete",
                          expanded=False)
            return
        bar.progress(*job.progress())
        for message in job.messages:
            st.markdown(ui.md(message))
        if job.error:
            status.update(label="示例文件导入失败", state="error")
            st.error(ui.md(job.error))
            sample_ingest.clear()  # a reload of the page tries again
            st.stop()
        status.update(label="示例文件已导入，可以提问了", state="complete", expanded=False)


# --- sidebar (a summary only: everything essential is in the main column) ----------------------------

def queue_question(question: str) -> None:
    st.session_state.queued = question
    st.session_state.view = TABS[0]


def sidebar(engine) -> None:
    """Counts by region, year and kind, and a handful of names: never one line per document."""
    with st.sidebar:
        st.header("已收录的文件", icon=":material/library_books:")
        docs = [d.document for d in engine.corpus.docs]  # metadata only: no document's tables are loaded
        if not docs:
            st.info("语料库是空的。")
            return
        st.markdown(ui.md(ui_docs.corpus_summary(docs)))
        for d in ui_docs.latest(docs):
            st.markdown(f"**{ui.md(d.department)}**  \n{ui.md(d.region or '')} {d.year}年 · 部门{d.kind}")
        if len(docs) > ui_docs.SIDEBAR_NAMES:
            st.caption(f"以上为最新的 {ui_docs.SIDEBAR_NAMES} 份。其他文件请在页面上方的“选择地区、部门、年度”中查找。")


def visitor(engine) -> Visitor:
    """This session's own uploads (assistant/visitor.py): private to it, gone with it."""
    v = st.session_state.get("visitor")
    if v is None or v.public is not engine:
        v = st.session_state["visitor"] = Visitor(engine)
    return v


def upload(path: str, engine) -> None:
    public = admin()  # BUDGETQA_ADMIN=1: the server's operator adds to the public corpus from the app
    st.markdown("#### 导入公开文件" if public else "#### 上传文件（仅您可见）")
    if not public:
        st.caption("上传的文件只在您这次访问中使用，回答会注明来自您的上传；其他访问者看不到，公开语料库不变。")
    files = st.file_uploader("预算/决算公开文件（PDF 或文本，可多选）", key="upload",
                             accept_multiple_files=True)  # any type: the reader says why not
    results = st.session_state.setdefault("uploads", {})
    for file in files or []:
        if file.file_id not in results:
            bar = st.progress(0.0, text=f"正在导入 {file.name}…")
            report = ui.stage_reporter(bar, 0, 1, file.name)
            if public:
                ok, message = ui.handle_upload(file.name, file.getvalue(), get_home(path), report)
                if ok:
                    engine.reload()
                    check_results.clear()
            else:
                ok, message = visitor(engine).upload(file.name, file.getvalue(), report)
            bar.empty()
            results[file.file_id] = (ok, message)
        ok, message = results[file.file_id]
        (st.success if ok else st.error)(ui.md(message))


# --- pages ---------------------------------------------------------------------------------------------

def chat_page(engine, doc_ids: list[str] | None, prompt: str | None) -> None:
    messages = st.session_state.setdefault("messages", [])
    question = prompt or st.session_state.pop("queued", None)
    welcome = st.empty()  # cleared at once when a question comes, not left greyed out while it is answered
    if messages or question:
        welcome.empty()
    else:
        with welcome.container(), st.chat_message("assistant"):
            docs = [d.document for d in engine.corpus.docs]
            names = "；".join(d.label for d in docs) if len(docs) <= 3 else \
                f"{len({d.department for d in docs})} 个部门，{min(d.year for d in docs)}–{max(d.year for d in docs)} 年，可在上方按地区、部门、年度选择"
            names = names or "（还没有文件）"
            st.markdown(f"你好！我根据政府部门公开的预算文件回答问题，每个数字都注明出自哪张表、哪一行、哪一列，"
                        f"并给出原文那一页。\n\n目前收录 {len(engine.corpus.docs)} 份文件：{ui.md(names)}。")
            st.markdown("**试试这些问题**：")
            for k, q in enumerate(EXAMPLES):
                st.button(q, key=f"example-{k}", on_click=queue_question, args=(q,), icon=":material/lightbulb:")
    for n, (q, a) in enumerate(messages):
        show_turn(q, a, engine, n)
    if question:
        with st.chat_message("user"):
            st.markdown(ui.md(question))
        ui_layout.scroll_to_latest(len(messages) + 1)  # sent before the answer: it holds the view while that grows
        with st.chat_message("assistant"):
            with st.spinner("正在查找…"):
                # Over 500 characters: the sentence the command line says, and the engine never sees it.
                answer = limits.refusal(question) or visitor(engine).ask(question, doc_ids or None)
            ui.render_answer(answer, visitor(engine).engine_for(answer), key=f"a{len(messages)}")
        messages.append((question, answer))


def show_turn(question: str, answer, engine, n: int) -> None:
    with st.chat_message("user"):
        st.markdown(ui.md(question))
    with st.chat_message("assistant"):
        ui.render_answer(answer, visitor(engine).engine_for(answer), key=f"a{n}")


def documents_page(path: str, engine, doc_ids: list[str] | None) -> None:
    checks = (lambda doc_id: check_results(path, doc_id)) if ui.checks_available() else None
    ui_docs.document_page(engine, doc_ids, checks)
    upload(path, engine)


CHECK_AT_ONCE = 5  # documents the 核对 page checks in one view: with none chosen, only a corpus this small


def check_page(path: str, engine, doc_ids: list[str] | None) -> None:
    """The fact check of the chosen documents (the picker), each finding once, and the report to download.
    With none chosen it checks the whole corpus only when that is a handful of documents."""
    if not ui.checks_available():
        st.info("核对模块（assistant/check.py）尚未安装。")
        return
    st.caption("逐项核对文件的自洽性：表内合计、科目层级、列合计、不同表之间、文字说明与表格、绩效目标。不一致的排在最前。")
    if doc_ids is None and len(engine.corpus.docs) > CHECK_AT_ONCE:
        st.info(f"共 {len(engine.corpus.docs)} 份文件。请先在页面上方的“选择地区、部门、年度”中选择要核对的文件"
                f"（选到部门和年度即为一份），这里就会列出它的核对结果。", icon=":material/filter_list:")
        return
    docs = engine.corpus.select(doc_ids) if doc_ids is not None else engine.corpus.docs
    if not docs:
        st.info("没有符合所选条件的文件，请在上方重新选择。")
        return
    if len(docs) > CHECK_AT_ONCE:
        st.info(f"所选范围内有 {len(docs)} 份文件；一次最多核对 {CHECK_AT_ONCE} 份，请在上方再选择部门或年度。",
                icon=":material/filter_list:")
        return
    ids = [d.document.doc_id for d in docs]
    st.download_button("下载核对报告（HTML，可打印、可转发）", lambda: check_report_html(path, ids),
                       file_name=f"核对报告-{ui_docs.report_name(docs)}.html", mime="text/html",
                       key="check-report", icon=":material/download:", on_click="ignore")
    for d in docs:
        st.subheader(ui.md(d.document.label))
        ui.render_checks(check_results(path, d.document.doc_id))


def main() -> None:
    path = home_path()
    ui_layout.inject_css()
    st.title("预算问答", icon=":material/account_balance:")
    st.caption("用大白话问部门预算：每个数字都来自公开文件的表格，并标明出处。")
    ensure_corpus(path)
    engine = get_engine(path)
    sidebar(engine)
    doc_ids = ui_docs.picker(engine.corpus.docs)
    chat, docs, check = st.tabs(TABS, key="view", on_change="rerun")
    prompt = st.chat_input("输入你的问题") if chat.open is not False else None
    if chat.open is not False:
        with chat:
            chat_page(engine, doc_ids, prompt)
    if docs.open:
        with docs:
            documents_page(path, engine, doc_ids)
    if check.open:
        with check:
            check_page(path, engine, doc_ids)


main()
