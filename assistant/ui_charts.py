"""Charts people expect, each with a 数据 view of the exact figures and where they are printed.

- composition (a share's whole broken down): bars labelled with value and share;
- ranking: the top N, the rest summed as 其他, values labelled;
- paired bars: this year against last year (上年 columns), 预算 against 决算 (a 决算's 预算数 | 决算数).

``ChartData`` is built without Streamlit (tests call the builders); ``render`` draws it. Values are the
store's Decimals; the chart scale uses floats, the labels and the 数据 view the exact figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
import streamlit as st

from ingest import model
from ingest.model import Row, Table

from .answer import Answer, Chart
from .corpus import plain_label, total_row

TOP_N = 8
COMPOSITION, RANKING, PAIRED = "composition", "ranking", "paired"
BAR, PAIR = "#c62828", "#90a4ae"  # 4.5:1 and above against white for labels drawn in them


@dataclass
class Item:
    label: str
    value: Decimal
    group: str = ""  # paired bars: 上年 | 本年, 预算 | 决算
    source: str = ""  # 《表》第N页 · 行 × 列


@dataclass
class ChartData:
    title: str
    unit: str
    kind: str
    items: list[Item] = field(default_factory=list)
    note: str = ""

    def frame(self) -> pd.DataFrame:
        """The 数据 view: exact figures as printed precision, shares where they mean something, sources."""
        total = sum((i.value for i in self.items if i.group == ""), Decimal(0))
        rows = []
        for i in self.items:
            row = {"项目": i.label}
            if self.kind == PAIRED:
                row["口径"] = i.group
            row[f"数值（{self.unit}）" if self.unit else "数值"] = f"{i.value:f}"
            if self.kind != PAIRED and total:
                row["占比"] = f"{(i.value / total * 100).quantize(Decimal('0.01'))}%"
            row["出处"] = i.source
            rows.append(row)
        return pd.DataFrame(rows)


def _fmt(value: Decimal) -> str:
    from .ui import fmt_number

    return fmt_number(value)


def _source(table: Table, row: Row, column: str) -> str:
    page = row.page or table.page
    return f"《{table.title}》" + (f"第{page}页" if page else "") + f" · {plain_label(row.label)} × {column}"


def _find(tables: list[Table], label: str, value: Decimal) -> str:
    """Where a chart bar's figure is printed, found among the cited tables by its label and value."""
    for t in tables:
        for r in t.rows:
            for c in r.cells:
                if c.value == value and (plain_label(r.label) == label or c.column.split("/")[-1] == label
                                         or label in r.label):
                    return _source(t, r, c.column)
    return ""


_WHO = re.compile(r"^(?P<dept>.+)（(?P<year>\d{4})年(?P<kind>预算|决算)）$")


def _cited(by_document: dict, label: str) -> str:
    """A bar of a cross-department answer ("北京市财政局（2026年预算）"): where its figure is printed, from
    the answer's citation of that document (no table need be loaded)."""
    m = _WHO.match(label)
    if m is None:
        return ""
    c = by_document.get(f"{m['dept']} {m['year']}年部门{m['kind']}")
    if c is None or not c.table:
        return ""
    where = " × ".join(x for x in (c.row, c.column) if x)
    return f"《{c.table}》" + (f"第{c.page}页" if c.page else "") + (f" · {where}" if where else "")


def from_answer(answer: Answer, tables: list[Table]) -> ChartData | None:
    """The engine's breakdown as a composition (for a share) or a ranking (top N with 其他)."""
    chart: Chart | None = answer.chart
    if chart is None or len(chart.bars) < 2:
        return None
    by_document: dict = {}
    for c in answer.citations:
        by_document.setdefault(c.document, c)
    items = [Item(b.label, b.value, source=_find(tables, b.label, b.value) or _cited(by_document, b.label))
             for b in chart.bars]
    kind = COMPOSITION if answer.unit == "%" else RANKING
    items.sort(key=lambda i: i.value, reverse=True)
    return ChartData(chart.title, chart.unit or "", kind, items)


def paired_columns(table: Table) -> list[tuple[str, str, str, str]]:
    """(earlier column, later column, earlier name, later name): 上年 against 本年, 预算 against 决算."""
    by_meaning = {c.meaning: c.path for c in table.columns if c.meaning}
    pairs = []
    for c in table.columns:
        if c.meaning and c.meaning.startswith("上年/") and c.meaning[3:] in by_meaning:
            pairs.append((c.path, by_meaning[c.meaning[3:]], "上年", "本年"))
    final = by_meaning.get("决算数")
    if final:
        parent = final.rsplit("/", 1)[0] if "/" in final else ""
        budget = next((c.path for c in table.columns if c.path != final and re.search(r"预算", c.path.split("/")[-1])
                       and (c.path.rsplit("/", 1)[0] if "/" in c.path else "") == parent), None)
        if budget:
            pairs.append((budget, final, "预算", "决算"))
    return pairs


def top_rows(table: Table) -> list[Row]:
    rows = [r for r in table.rows if r.level == "类"]
    return rows or [r for r in table.rows if r.code and len(r.code) == 3]


def paired(table: Table, rows: list[Row] | None = None) -> ChartData | None:
    """Paired bars for the table's first comparable pair of columns, over ``rows`` (else the total and
    the top-level subjects)."""
    pairs = paired_columns(table)
    if not pairs:
        return None
    early, late, a, b = pairs[0]
    if rows is None:
        total = total_row(table, late)
        rows = ([total] if total else []) + top_rows(table)[:TOP_N]
    items = []
    for r in rows:
        x, y = r.cell(early), r.cell(late)
        if x is None or y is None or x.value is None or y.value is None:
            continue
        items += [Item(plain_label(r.label), x.value, a, _source(table, r, early)),
                  Item(plain_label(r.label), y.value, b, _source(table, r, late))]
    if len(items) < 2:
        return None
    return ChartData(f"{table.title}：{a}与{b}", table.unit or "", PAIRED, items)


def for_answer_table(answer: Answer, table: Table) -> ChartData | None:
    """A year-on-year or 预算/决算 pair for the cited rows when the cited table prints both."""
    pairs = paired_columns(table)
    cited_cols = {c.column for c in answer.citations}
    if not pairs or not any(p[0] in cited_cols or p[1] in cited_cols for p in pairs):
        return None
    ords = [c.row_ordinal for c in answer.citations if c.table_ordinal == table.ordinal]
    rows = [r for r in table.rows if r.ordinal in ords]
    return paired(table, rows)


def composition(table: Table, title: str | None = None) -> ChartData | None:
    """Where a table's money goes: the top-level subjects of its total column, with shares."""
    from .corpus import default_column

    column = default_column(table)
    rows = top_rows(table)
    if not column or len(rows) < 2:
        return None
    items = [Item(plain_label(r.label), r.cell(column).value, source=_source(table, r, column))
             for r in rows if r.cell(column) is not None and r.cell(column).value]
    items.sort(key=lambda i: i.value, reverse=True)
    return ChartData(title or f"{table.title}：{column}", table.unit or "", COMPOSITION, items) if len(items) > 1 else None


def basic_project(table: Table) -> ChartData | None:
    """The total row by kind of spending (composition with shares): 基本支出 | 项目支出, or, where the
    table prints 基本支出 only as its parts, 人员经费 | 公用经费 | 项目支出 — printed figures, never summed."""
    total = total_row(table)
    if total is None:
        return None
    for kinds in (("基本支出", "项目支出"), ("人员经费", "公用经费", "项目支出")):
        items = []
        for want in kinds:
            col = next((c.path for c in table.columns if c.meaning == want), None)
            cell = total.cell(col) if col else None
            if cell is not None and cell.value:
                items.append(Item(want, cell.value, source=_source(table, total, col)))
        if len(items) == len(kinds):
            return ChartData(f"{table.title}：{'、'.join(kinds)}", table.unit or "", COMPOSITION, items)
    return None


def overview(tables: list[Table]) -> list[ChartData]:
    """A document's overview: basic vs project, the functional breakdown, and a pair where one is printed."""
    out = []
    spend = next((t for t in tables if t.kind == model.EXPENDITURE), None) or \
        next((t for t in tables if t.kind == model.GPB_EXPENDITURE), None)
    if spend is not None:
        out += [c for c in (basic_project(spend), composition(spend, f"{spend.title}：按功能分类")) if c]
    for t in tables:
        if t.kind in (model.GPB_EXPENDITURE, model.EXPENDITURE, model.THREE_PUBLIC, model.FISCAL_EXPENDITURE):
            pair = paired(t)
            if pair:
                out.append(pair)
                break
    return out


def ranked(data: ChartData, n: int = TOP_N) -> list[Item]:
    """The top ``n`` and the rest as one 其他 bar, so a long ranking stays readable."""
    if data.kind != RANKING or len(data.items) <= n + 1:
        return list(data.items)
    rest = data.items[n:]
    return data.items[:n] + [Item(f"其他（{len(rest)} 项）", sum((i.value for i in rest), Decimal(0)))]


def render(data: ChartData, key: str) -> None:
    import altair as alt

    items = ranked(data)
    total = sum((i.value for i in items if not i.group), Decimal(0))
    labels = []
    for i in items:
        text = _fmt(i.value)
        if data.kind == COMPOSITION and total:
            text += f"（{(i.value / total * 100).quantize(Decimal('0.1'))}%）"
        labels.append(text)
    frame = pd.DataFrame({"项目": [i.label for i in items], "口径": [i.group for i in items],
                          "金额": [float(i.value) for i in items], "标注": labels})
    order = list(dict.fromkeys(frame["项目"]))
    unit = f"（{data.unit}）" if data.unit else ""
    base = alt.Chart(frame).encode(
        y=alt.Y("项目:N", sort=order, title=None, axis=alt.Axis(labelLimit=140)),
        x=alt.X("金额:Q", title=None, axis=alt.Axis(format="~s", tickCount=4),
                scale=alt.Scale(domain=[0, float(max(i.value for i in items)) * 1.45 or 1])),
        tooltip=["项目", "标注"] + (["口径"] if data.kind == PAIRED else []))
    if data.kind == PAIRED:
        color = alt.Color("口径:N", scale=alt.Scale(range=[PAIR, BAR]), legend=alt.Legend(orient="top", title=None))
        bars = base.mark_bar().encode(color=color, yOffset="口径:N")
        text = base.mark_text(align="left", dx=3, fontSize=11, color="#212121").encode(text="标注:N", yOffset="口径:N")
    else:
        bars = base.mark_bar(color=BAR)
        text = base.mark_text(align="left", dx=3, fontSize=11, color="#212121").encode(text="标注:N")
    rows = len(order) * (2 if data.kind == PAIRED else 1)
    st.markdown(f"**{_md(data.title)}**{_md(unit)}")
    st.altair_chart((bars + text).properties(height=max(120, 26 * rows + 30)), width="stretch")
    with st.expander("数据（精确数值与出处）", icon=":material/table_rows:"):
        frame = data.frame()
        st.dataframe(frame, hide_index=True, width="stretch")
        st.download_button("导出 CSV", frame.to_csv(index=False).encode("utf-8-sig"),
                           file_name=f"{_slug(data.title)}.csv", mime="text/csv", key=f"{key}-csv",
                           icon=":material/download:", on_click="ignore")


def _md(text: str) -> str:
    from .ui import md

    return md(text)


def _slug(text: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", text)[:60] or "data"
