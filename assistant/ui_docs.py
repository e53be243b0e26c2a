"""Finding a document (region → department → year and 预算/决算) and the page of one document: what it
is, the source file, where the money goes (charts), its fact-check summary and its tables."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import streamlit as st

from ingest.model import Document, ParsedDocument
from ingest.sources import files_of

from . import ui_charts
from .ui import md, render_checks_summary, render_table_details, table_choice_label

ALL_REGIONS, ALL_DEPTS, ALL_YEARS = "全部地区", "全部部门", "全部年度"
NO_REGION = "未注明地区"


def region_of(d: Document) -> str:
    return d.region or NO_REGION


def doc_choice(d: Document) -> str:
    return f"{d.year}年 部门{d.kind}"


SIDEBAR_NAMES = 5  # documents named in the sidebar; the rest are counted
SUMMARY_GROUPS = 6  # regions (and years) counted one by one in the summary; the rest as 其他


def _counted(counts: Counter, what: str, order=None) -> str:
    """"上海市 120 份、北京市 80 份、其他 37 个地区 300 份"."""
    items = sorted(counts.items(), key=order or (lambda kv: (-kv[1], kv[0])))
    cut = SUMMARY_GROUPS if len(items) > SUMMARY_GROUPS + 1 else len(items)  # "其他 1 个" says no less
    shown = "、".join(f"{k} {n} 份" for k, n in items[:cut])
    rest = items[cut:]
    return shown + (f"、其他 {len(rest)} 个{what} {sum(n for _, n in rest)} 份" if rest else "")


def corpus_summary(docs: list[Document]) -> str:
    """Counts from the documents' metadata: how many, by year, by kind, by region (the largest first)."""
    depts = len({(d.region, d.department) for d in docs})
    years = _counted(Counter(f"{d.year}年" for d in docs), "年度", order=lambda kv: -int(kv[0][:-1]))
    kinds = "、".join(f"{k} {n} 份" for k, n in sorted(Counter(f"部门{d.kind}" for d in docs).items()))
    regions = _counted(Counter(region_of(d) for d in docs), "地区")
    return f"共 {len(docs)} 份文件、{depts} 个部门\n\n按年度：{years}\n\n按类型：{kinds}\n\n按地区：{regions}"


def latest(docs: list[Document], n: int = SIDEBAR_NAMES) -> list[Document]:
    """The ``n`` newest documents (latest year first), for a short list of names."""
    return sorted(docs, key=lambda d: (-d.year, d.department))[:n]


def report_name(docs: list[ParsedDocument]) -> str:
    """A file name for the chosen documents' report: the one document's label, else how many."""
    name = docs[0].document.label if len(docs) == 1 else f"{len(docs)}份文件"
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name)[:60]


def picker(docs: list[ParsedDocument]) -> list[str] | None:
    """Three selects in the main column; returns the chosen doc_ids, or None for the whole corpus."""
    all_docs = [p.document for p in docs]
    chosen = scope(all_docs)
    label = "在全部文件中查找" if chosen is None else f"在 {scope_label(all_docs, chosen)} 中查找"
    with st.expander(f"{md(label)}（点此选择地区、部门、年度）", icon=":material/filter_list:", key="picker"):
        regions = [ALL_REGIONS] + sorted({region_of(d) for d in all_docs})
        region = st.selectbox("地区", regions, key="pick_region", on_change=_reset, args=("pick_dept", "pick_doc"))
        in_region = [d for d in all_docs if region == ALL_REGIONS or region_of(d) == region]
        depts = [ALL_DEPTS] + sorted({d.department for d in in_region})
        dept = st.selectbox("部门", depts, key="pick_dept", on_change=_reset, args=("pick_doc",))
        of_dept = [d for d in in_region if dept == ALL_DEPTS or d.department == dept]
        years = {doc_choice(d): d.doc_id for d in sorted(of_dept, key=lambda d: (-d.year, d.kind))}
        st.selectbox("年度（预算/决算）", [ALL_YEARS, *years], key="pick_doc")
        st.caption(f"共 {len(all_docs)} 份文件；未选择时在全部文件中查找，问题里点名的部门和年度优先。")
    return scope(all_docs)


def _reset(*keys: str) -> None:
    for k in keys:
        st.session_state.pop(k, None)


def scope(all_docs: list[Document]) -> list[str] | None:
    region = st.session_state.get("pick_region", ALL_REGIONS)
    dept = st.session_state.get("pick_dept", ALL_DEPTS)
    year = st.session_state.get("pick_doc", ALL_YEARS)
    docs = [d for d in all_docs if (region == ALL_REGIONS or region_of(d) == region)
            and (dept == ALL_DEPTS or d.department == dept)
            and (year == ALL_YEARS or doc_choice(d) == year)]
    if region == ALL_REGIONS and dept == ALL_DEPTS and year == ALL_YEARS:
        return None
    return [d.doc_id for d in docs]


def scope_label(all_docs: list[Document], doc_ids: list[str]) -> str:
    if len(doc_ids) == 1:
        return next(d.label for d in all_docs if d.doc_id == doc_ids[0])
    parts = [st.session_state.get(k) for k in ("pick_region", "pick_dept")]
    parts = [p for p in parts if p and p not in (ALL_REGIONS, ALL_DEPTS)]
    return f"{' · '.join(parts)}（{len(doc_ids)} 份文件）"


def document_page(engine, doc_ids: list[str] | None, checks: Callable[[str], list[dict]] | None) -> None:
    docs = engine.corpus.select(doc_ids) if doc_ids else engine.corpus.docs
    if not docs:
        st.info("语料库是空的。")
        return
    doc = docs[0] if len(docs) == 1 else st.selectbox(
        "文件", docs, format_func=lambda d: d.document.label, key="browse_doc")
    d = doc.document
    st.subheader(md(d.label))
    facts = [f"地区：{region_of(d)}", f"年度：{d.year}", f"类型：部门{d.kind}", f"{len(doc.tables)} 张表",
             f"来源文件：{d.source}"]
    st.markdown(" · ".join(md(f) for f in facts))
    source_downloads(engine, d)
    charts = ui_charts.overview(doc.tables)
    if charts:
        st.markdown("#### 钱花在哪里")
        for k, c in enumerate(charts):
            ui_charts.render(c, key=f"overview-{d.doc_id}-{k}")
    if checks is not None:
        st.markdown("#### 核对摘要")
        render_checks_summary(checks(d.doc_id), compact=True)
    st.markdown("#### 表格")
    if not doc.tables:
        st.info("这份文件没有解析出表格。")
        return
    table = st.selectbox("选择表格", doc.tables, format_func=table_choice_label, key=f"browse_table_{d.doc_id}")
    st.markdown(f"**{md(table.title)}**")
    render_table_details(table, key=f"table-{d.doc_id}-{table.ordinal}")


def source_downloads(engine, d: Document) -> None:
    files = files_of(engine.home.path, d, engine.home.store.members(d.doc_id))
    if not files:
        st.caption("原始文件未保存在语料库中（重新导入后可下载并查看原页）。")
        return
    cols = st.columns(len(files))
    for col, f in zip(cols, files):
        mime = "application/pdf" if f.is_pdf else "text/plain"
        col.download_button(f"下载原文件 {f.name}", f.path.read_bytes, file_name=f.name, mime=mime,
                            key=f"source-{f.path.stem}", icon=":material/download:", on_click="ignore")
