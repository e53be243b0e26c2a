"""Rendering and upload helpers for the Streamlit app (``app.py`` stays a thin page over these).

Everything shown comes from the engine's ``Answer`` and the ingested tables; nothing here computes a
figure. Functions that do not draw (formatting, table layout, upload handling) take no Streamlit state,
so tests can call them directly.
"""
from __future__ import annotations

import importlib.util
import re
import threading
import time
from collections.abc import Callable
from decimal import Decimal

import pandas as pd
import streamlit as st

from ingest import model
from ingest.home import Home
from ingest.errors import user_message
from ingest.model import IngestError, Table

from .answer import AMBIGUOUS, NOT_FOUND, Answer, Citation

# How far the progress bar is when the pipeline reports a stage (the index stage is the long one).
STAGE_PROGRESS = {"解析": 0.05, "写入表格": 0.15, "建立文本索引": 0.25}
STAGE_TEXT = {"建立文本索引": "建立文本索引（为全文检索计算向量，需要一些时间）"}

VERDICT_LABELS = {"fail": "不一致", "rounding": "舍入差异", "unchecked": "无法核对", "pass": "通过",
                  "not_applicable": "不适用"}
VERDICT_ICONS = {"fail": ":material/error:", "rounding": ":material/info:", "unchecked": ":material/help:",
                 "pass": ":material/check_circle:", "not_applicable": ":material/remove:"}
VERDICT_ORDER = ["fail", "rounding", "unchecked", "pass", "not_applicable"]
CHECK_KINDS = {"table_sum": "表内合计", "subject_tree": "科目层级", "columns": "列合计", "cross_table": "跨表一致",
               "narrative": "文字与表格", "performance": "绩效目标"}

# An answer over many documents (a ranking of every department) shows this much on the page: the first
# tables it cites with their pages, the first sources listed, the calculation's start; every citation stays
# in the 全部来源 table, the chart's 数据 view and the CSV.
LONG_CALCULATION = 600
SHOWN_TABLES = 10
SHOWN_SOURCES = 10

CITED_CELL = "background-color: #ffd54f; font-weight: 700; color: #000"
CITED_ROW = "background-color: #fff8e1"


class SessionSafeHome(Home):
    """A corpus home whose SQLite connection is per thread.

    Streamlit runs every rerun in a new thread and ``sqlite3`` connections refuse to cross threads, so a
    store shared through ``st.cache_resource`` would fail on the second interaction. The text index
    (Chroma) is shared as usual.
    """

    def __init__(self, path=None):
        super().__init__(path)
        self._local = threading.local()

    @property
    def store(self):  # overrides Home.store (a cached_property, which would pin one connection)
        from ingest.store import Store

        store = getattr(self._local, "store", None)
        if store is None:
            from ingest.backend import database_url  # BUDGETQA_DATABASE_URL: PostgreSQL (docs/deploy.md)
            store = self._local.store = Store(database_url() or self.db_path)
        return store


# --- numbers -------------------------------------------------------------------------------------------

def fmt_number(value: Decimal, unit: str | None = None) -> str:
    """Thousands separators, the printed decimals kept: Decimal("8815.77") → "8,815.77"."""
    if unit == "年":
        return f"{value:f}"
    return f"{value:,f}"


def fmt_value(value: Decimal, unit: str | None) -> str:
    """"8,815.77 万元", "83.59%", "27 人"."""
    number = fmt_number(value, unit)
    if not unit:
        return number
    return f"{number}{unit}" if unit in ("%", "‰") else f"{number} {unit}"


# The page's markdown also turns bare addresses into links (https://…, www.…, a@b.c) after escapes are
# read, so a word joiner (U+2060, invisible) goes where those patterns need two characters side by side.
_BARE_LINK = re.compile(r"(?i)(?<=http)(?=:)|(?<=https)(?=:)|(?<=www)(?=\.)|(?=@)")


def md(text: str) -> str:
    """Text safe to pass to st.markdown, st.caption, st.subheader, expander labels and alerts: no
    emphasis, links (``[点此领补贴](//evil.example)``, bare ``https://…``), images, HTML, LaTeX or tables
    made of a document's, a file name's or a visitor's text; it reads as printed."""
    text = str(text)
    for ch in "\\`*_[]<>#|~$!":
        text = text.replace(ch, "\\" + ch)
    return _BARE_LINK.sub("\u2060", text)


# --- uploads -------------------------------------------------------------------------------------------

def handle_upload(name: str, data: bytes, home: Home,
                  progress: Callable[[str], None] | None = None) -> tuple[bool, str]:
    """Ingest one uploaded disclosure. Returns (ok, message for the person who uploaded it).

    A file the pipeline rejects raises ``IngestError`` before anything is written, so on (False, …) the
    corpus is as it was.
    """
    from ingest.pipeline import ingest_bytes

    try:
        r = ingest_bytes(data, name, home, progress)
    except IngestError as exc:
        return False, f"无法导入：{exc}"
    except Exception as exc:  # noqa: BLE001 - the person uploading should see something, not a traceback
        return False, f"无法导入 {name}：{user_message(exc)}"  # the sentence the command line says
    label = r.document.label
    sizes = f"{r.tables} 张表，{r.cells} 个单元格，{r.passages} 段文字"
    if r.skipped:  # rows that did not fit their columns, cells that are no number: said, as the CLI says them
        sizes += f"；{len(r.skipped)} 处未能读取（{r.skipped[0]}{' 等' if len(r.skipped) > 1 else ''}）"
    if r.status == "unchanged":
        return True, f"这份文件已经导入过：{label}（{name}），语料库没有变化。"
    if r.status == "replaced":
        return True, f"已更新：{label}（{name}，替换了旧版本）：{sizes}。"
    return True, f"已导入：{label}（{name}）：{sizes}。"


class SampleIngest:
    """Ingest files in a background thread, so a page can show live progress (and a closed tab does not
    abort it). Shared by every session of the process (app.py keeps one per corpus)."""

    def __init__(self, home: Home, files: list):
        self.home, self.files = home, list(files)
        self.started = time.monotonic()
        self.done = 0
        self.stage = ""
        self.current = ""
        self.messages: list[str] = []
        self.error: str | None = None
        self.thread = threading.Thread(target=self._run, name="budgetqa-sample-ingest", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from ingest.pipeline import ingest_file

        try:
            for f in self.files:
                self.current, self.stage = f.name, ""
                r = ingest_file(f, self.home, self._say)
                self.messages.append(f"已导入：{r.document.label}（{r.tables} 张表，{r.cells} 个单元格，{r.passages} 段文字）")
                self.done += 1
        except IngestError as exc:
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown on the page instead of dying silently in a thread
            self.error = user_message(exc)

    def _say(self, stage: str) -> None:
        self.stage = stage

    @property
    def running(self) -> bool:
        return self.thread.is_alive()

    def progress(self) -> tuple[float, str]:
        share = (self.done + (STAGE_PROGRESS.get(self.stage, 0.0) if self.running else 0.0)) / max(len(self.files), 1)
        if not self.running:
            return 1.0, "导入完成" if self.error is None else "导入失败"
        elapsed = time.monotonic() - self.started
        return min(share, 1.0), f"{self.current}：{STAGE_TEXT.get(self.stage, self.stage or '开始')}… 已用 {elapsed:.0f} 秒"


def stage_reporter(bar, done: int, total: int, name: str) -> Callable[[str], None]:
    """A pipeline progress callback that moves ``bar`` (an st.progress) through file ``done`` of ``total``."""
    def say(stage: str) -> None:
        share = (done + STAGE_PROGRESS.get(stage, 0.5)) / max(total, 1)
        bar.progress(min(share, 1.0), text=f"{name}：{STAGE_TEXT.get(stage, stage)}…")
    return say


# --- tables as the page printed them -------------------------------------------------------------------

def _leaf(path: str) -> str:
    return path.split("/")[-1].replace(" ", "")


def table_frame(table: Table) -> tuple[pd.DataFrame, dict[int, int]]:
    """The table laid out as printed (cells as printed), and where each stored row landed.

    Columns are the table's column paths. Label columns (序号, 科目编码, 科目名称/项目, 指标 levels) are
    filled from the row; side-by-side tables (收入 | 支出 on one printed line) are put back on one line.
    Returns (frame, {row_ordinal: frame row}).
    """
    paths = [c.path for c in table.columns]
    valued = {c.column for r in table.rows for c in r.cells}
    label_cols = [p for p in paths if p not in valued]
    extra = [c.column for r in table.rows for c in r.cells if c.column not in paths]
    name_col = None
    if not any(_is_name(p) for p in label_cols) and not any(r.indicator for r in table.rows):
        name_col = "项目"
    sided = any(r.side for r in table.rows)
    has_code_col = any(_leaf(p).endswith("编码") for p in label_cols)

    records: list[dict[str, str]] = []
    keys: dict[object, int] = {}
    where: dict[int, int] = {}
    for row in table.rows:
        key = ((row.line, row.number) if row.line is not None or row.number else ("#", row.ordinal)) \
            if sided else row.ordinal
        if key not in keys:
            keys[key] = len(records)
            records.append({})
        rec = records[keys[key]]
        where[row.ordinal] = keys[key]
        label = row.label if has_code_col or not row.code else f"{row.code} {row.label}"
        named = False
        for p in label_cols:
            if row.side and "/" in p and not p.startswith(row.side + "/"):
                continue
            leaf = _leaf(p)
            if leaf in ("序号", "栏次"):
                rec.setdefault(p, row.number or "")
            elif leaf.endswith("编码"):
                rec[p] = row.code or ""
            elif row.indicator and leaf in ("一级指标", "二级指标", "三级指标"):
                rec[p] = row.indicator[("一级指标", "二级指标", "三级指标").index(leaf)] or ""
            elif not named and not row.indicator:
                rec[p] = label
                named = True
        if name_col and not named:
            rec[name_col] = label
        for c in row.cells:
            rec[c.column] = c.raw
    columns = ([name_col] if name_col else []) + paths + list(dict.fromkeys(extra))
    frame = pd.DataFrame(records, columns=columns).fillna("")
    return frame, where


def _is_name(path: str) -> bool:
    leaf = _leaf(path)
    return not (leaf in ("序号", "栏次") or leaf.endswith("编码"))


def highlighted(frame: pd.DataFrame, cells: list[tuple[int, str | None]]):
    """A Styler marking the cited cells (row index, column) strongly and their rows lightly."""
    rows = {r for r, _ in cells}
    marked = {(r, c) for r, c in cells}

    def css(df: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame("", index=df.index, columns=df.columns)
        for i in rows:
            if i in out.index:
                out.loc[i, :] = CITED_ROW
        for i, c in marked:
            if i in out.index and c in out.columns:
                out.loc[i, c] = CITED_CELL
        return out

    return frame.style.apply(css, axis=None)


def find_table(engine, doc_id: str, ordinal: int | None) -> Table | None:
    if ordinal is None:
        return None
    doc = engine.corpus.find_doc(doc_id)
    if doc is None:
        return None
    return next((t for t in doc.tables if t.ordinal == ordinal), None)


# --- answers -------------------------------------------------------------------------------------------

def lead_sentence(text: str) -> str:
    """The engine's answer without what the page shows on its own (计算, 排序, the 数据 sources)."""
    for cut in ("。计算：", "。排序：", "（数据："):
        if cut in text:
            text = text[:text.index(cut)] + ("。" if cut.startswith("。") else "")
    return text.strip()


def render_answer(answer: Answer, engine, key: str = "a") -> None:
    """One assistant turn: the figure, one sentence of what it is, the formula, the cited page with the
    cells outlined, the sources, the chart; the rest (whole page, full table, data) on demand."""
    if answer.status == NOT_FOUND:
        st.warning(md(answer.answer), icon=":material/block:")
        return
    if answer.status == AMBIGUOUS:
        render_ambiguous(answer)
        render_citations(answer, engine, key)
        return
    if answer.value is not None:
        st.metric("答案", fmt_value(answer.value, answer.unit))
    st.markdown(md(lead_sentence(answer.answer)))
    if answer.calculation:
        calc = answer.calculation
        if len(calc) <= LONG_CALCULATION:
            st.markdown(f"**计算过程**：{md(calc)}")
        else:  # a ranking of hundreds of departments: its start, the whole on demand
            st.markdown(f"**计算过程**：{md(calc[:LONG_CALCULATION])}…")
            with st.expander("完整计算过程", icon=":material/functions:"):
                st.markdown(md(calc))
    render_citations(answer, engine, key)


def citation_line(c: Citation) -> str:
    page = f"第{c.page}页" if c.page else "页码未标注"
    if c.table:
        where = " × ".join(x for x in (c.row, c.column) if x)  # a performance target may have no column
        return f"《{c.table}》{page}" + (f" · {where}" if where else "") + (f" ＝ {c.text}" if c.text else "")
    return f"{c.section or '正文'}，{page}"


def render_citations(answer: Answer, engine, key: str = "a") -> None:
    """The first cited table right away (its cited row and column, then the page image outlined); the
    other tables, whole pages, full tables and passages on demand; the chart with its data; CSV export."""
    from . import ui_charts, ui_source

    citations = answer.citations
    if not citations:
        return
    groups: dict[tuple[str, int], list[Citation]] = {}
    passages = []
    for c in citations:
        if c.table is not None and c.table_ordinal is not None:
            groups.setdefault((c.doc_id, c.table_ordinal), []).append(c)
        else:
            passages.append(c)
    tables = {}
    for k, ((doc_id, ordinal), cites) in enumerate(list(groups.items())[:SHOWN_TABLES]):
        table = tables[(doc_id, ordinal)] = find_table(engine, doc_id, ordinal)
        page = f"（第{cites[0].page}页）" if cites[0].page else ""
        if table is None:
            st.info(f"《{md(cites[0].table)}》已不在当前语料库中。")
            continue
        box = st.container() if k == 0 else st.expander(f"原表：{md(cites[0].table)}{page}", icon=":material/table_chart:")
        with box:
            if k == 0:
                st.markdown(f"**出处：《{md(cites[0].table)}》{page}**")
            shown = ui_source.render_page(engine, table, cites, key=f"{key}-{k}")  # the page first, as printed
            ui_source.render_cited(table, cites)
            if shown and st.toggle("显示整页原图（可放大、可下载）", key=f"{key}-{k}-whole"):
                ui_source.render_whole_pages(engine, table, cites, key=f"{key}-{k}")
            with st.expander(f"完整表格：{md(cites[0].table)}", icon=":material/table_chart:"):
                st.caption(f"{md(cites[0].document)} · 黄色为答案用到的单元格")
                render_table(table, [(c.row_ordinal, c.column) for c in cites])
    if len(groups) > SHOWN_TABLES:
        st.caption(f"另有 {len(groups) - SHOWN_TABLES} 张表的出处见下方来源。")
    st.markdown("**来源**：\n" + "\n".join(f"{k}. {md(citation_line(c))}"
                                           for k, c in enumerate(citations[:SHOWN_SOURCES], 1)))
    if len(citations) > SHOWN_SOURCES:
        with st.expander(f"全部 {len(citations)} 处来源", icon=":material/list:"):
            st.dataframe(citations_frame(citations), hide_index=True, width="stretch")
    for n, c in enumerate(passages[:SHOWN_SOURCES]):  # the rest in 全部来源
        with st.expander(f"原文：{md(c.section or '正文')}" + (f"（第{c.page}页）" if c.page else ""), icon=":material/article:"):
            st.caption(md(c.document))
            st.markdown("\n".join(f"> {md(line)}" for line in (c.text or "").splitlines() if line.strip()))
            if c.page and ui_source.source_pdf(engine, c.doc_id, narrative=True) is not None \
                    and st.toggle(f"显示原文第{c.page}页", key=f"{key}-passage-{n}"):
                ui_source.render_passage_page(engine, c, key=f"{key}-passage-{n}")
    cited_tables = [t for t in tables.values() if t is not None]
    charts = [ui_charts.from_answer(answer, cited_tables)] + [ui_charts.for_answer_table(answer, t) for t in cited_tables]
    for n, chart in enumerate(c for c in charts if c):
        ui_charts.render(chart, key=f"{key}-chart-{n}")
    st.download_button("导出本答案的数据 CSV", answer_csv(answer), file_name="budgetqa-answer.csv", mime="text/csv",
                       key=f"{key}-answer-csv", icon=":material/download:", on_click="ignore")


def citations_frame(citations: list[Citation]) -> pd.DataFrame:
    """Every source of an answer, one row each: the document, table (or section), row, column, page and
    the figure as printed."""
    return pd.DataFrame([{"文件": c.document, "表": c.table or c.section or "正文", "行": c.row or "",
                          "列": c.column or "", "页": c.page or "", "原文数值": c.text or ""} for c in citations])


def answer_csv(answer: Answer) -> bytes:
    rows = [{"问题": answer.question, "答案": "" if answer.value is None else f"{answer.value:f}",
             "单位": answer.unit or "", "计算": answer.calculation or "", "文件": c.document, "表": c.table or "",
             "行": c.row or "", "列": c.column or "", "页": c.page or "", "原文数值": c.text or ""}
            for c in answer.citations]
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig")


def split_readings(text: str, readings: list[str]) -> tuple[str, list[str], str]:
    """The engine's text around its readings: ("“项目支出”有 3 种读法，数值不同", [readings], "请说明指哪一个。").
    When the readings are not spelled out in the text, the whole text is the lead and the readings follow."""
    if not readings or any(r not in text for r in readings):
        return text, list(readings), ""
    lead = text[:text.index(readings[0])].rstrip("：:；; ")
    tail = text[text.index(readings[-1]) + len(readings[-1]):].lstrip("。；;，, ")
    return lead, list(readings), tail


def render_ambiguous(answer: Answer) -> None:
    lead, readings, tail = split_readings(answer.answer, answer.readings)
    if readings and not lead.endswith(("：", "。", "？", ":")):
        lead += "："
    st.info(md(lead), icon=":material/help:")
    if readings:
        st.markdown("\n".join(f"- {md(r)}" for r in readings))
    if tail:
        st.markdown(md(tail))


def render_table(table: Table, cited: list[tuple[int | None, str | None]] = ()) -> None:
    frame, where = table_frame(table)
    if frame.empty:
        st.info("这张表是空表（原文只列了表头，没有数据行）。")
        return
    cells = [(where[r], c) for r, c in cited if r in where]
    data = highlighted(frame, cells) if cells else frame
    narrow = {c: st.column_config.TextColumn(width="small") for c in frame.columns
              if _leaf(c) in ("序号", "栏次") or _leaf(c).endswith("编码")}
    st.dataframe(data, hide_index=True, width="stretch", height=min(38 + 35 * len(frame), 560), column_config=narrow)


# --- the browse and check pages ------------------------------------------------------------------------

def table_choice_label(t: Table) -> str:
    return f"{t.ordinal + 1}. {t.title}（{t.kind}，{len(t.rows)} 行）"  # numbered from 1, as people count


def render_table_details(table: Table, key: str = "table") -> None:
    facts = [f"类型：{table.kind}", f"单位：{table.unit or '—'}", f"页码：{table.page or '—'}"]
    if table.section:
        facts.append(f"所在章节：{table.section}")
    st.markdown(" · ".join(md(f) for f in facts))
    if table.kind == model.PERFORMANCE:
        st.markdown(f"**项目**：{md(table.project or '—')}  \n**年度**：{table.target_year or '—'}  \n"
                    f"**绩效目标**：{md(table.goal or '—')}")
    cols = "｜".join(f"{c.path}（{c.number}）" if c.number else c.path for c in table.columns)
    st.caption(f"列（含栏次）：{md(cols)}")
    render_table(table)
    if table.note:
        st.caption(md(table.note))
    st.download_button("导出这张表 CSV", table_frame(table)[0].to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"{table.title[:40]}.csv", mime="text/csv", key=f"{key}-csv",
                       icon=":material/download:", on_click="ignore")


def checks_available() -> bool:
    return importlib.util.find_spec("assistant.check") is not None


def check_frame(checks: list[dict]) -> pd.DataFrame:
    ordered = sorted(checks, key=lambda c: VERDICT_ORDER.index(c["verdict"]) if c["verdict"] in VERDICT_ORDER else 9)
    return pd.DataFrame([{
        "结果": VERDICT_LABELS.get(c["verdict"], c["verdict"]),
        "类别": CHECK_KINDS.get(c["kind"], c["kind"]),
        "说明": c["description"],
        "应为": c["expected"] or "",
        "实为": c["found"] or "",
        "差额": c["difference"] or "",
    } for c in ordered])  # no internal check ids where a person looks


def render_checks(checks: list[dict]) -> None:
    render_checks_summary(checks)
    st.markdown("**全部核对项**（不一致在前）：")
    st.dataframe(check_frame(checks), hide_index=True, width="stretch", height=420)


def render_checks_summary(checks: list[dict], compact: bool = False) -> None:
    """The counts by verdict (one line when ``compact``: a phone's screen) and each failure spelled out."""
    counts = {v: sum(c["verdict"] == v for c in checks) for v in VERDICT_ORDER}
    shown = [v for v in VERDICT_ORDER if v != "rounding" or counts[v]]  # rounding only where there is some
    if compact:
        st.markdown(" · ".join(f"{VERDICT_ICONS[v]} {VERDICT_LABELS[v]} **{counts[v]}**" for v in shown))
    else:
        for col, v in zip(st.columns(len(shown)), shown):
            col.metric(f"{VERDICT_ICONS[v]} {VERDICT_LABELS[v]}", counts[v])
    fails = [c for c in checks if c["verdict"] == "fail"]
    if fails:
        st.markdown(f"**不一致的 {len(fails)} 项**（请对照原文复核）：")
    else:
        st.success("没有发现不一致。")
    for c in fails:
        with st.expander(md(c["description"]), icon=":material/error:"):
            for ref in c["cells"]:
                st.markdown(f"- 《{md(ref['table'])}》{md(ref['row'])} × {md(ref['column'])} ＝ {md(ref['value'])}")
            if c["passage"]:
                st.markdown(f"> {md(c['passage'])}")
            if c["expected"] is not None or c["found"] is not None:
                st.markdown(md(f"应为 {c['expected'] or '—'}，实为 {c['found'] or '—'}，差额 {c['difference'] or '—'}"))
