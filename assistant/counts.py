"""Count questions about what a disclosure is made of, before the counts the narrative states (stated.py):

- how many tables it publishes (「一共有几张预算表」): the number a sentence gives (「公开 10 张表」) first, else
  the document's own budget tables counted, each named — never the performance forms or text figures;
- how many items a detail table lists (「政府购买服务明细表列了多少项服务」, 「项目支出预算表里列了多少个项目」):
  its rows without the total and without the group rows that only sum the rows printed under them (a unit's
  line over its projects), each counted row cited.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from . import stated
from .answer import ANSWERED, Answer, Citation
from .corpus import CellRef, default_column, plain_label

_TABLES_ASKED = re.compile(r"(?:几|多少)张[^，。？?]{0,6}表|表[^，。？?]{0,2}(?:几|多少)张")
_TABLES_STATED = re.compile(r"(?:公开|包括|共|含)[^，。；\d]{0,12}?(\d+)\s*张")
# Kinds that are no budget table of the disclosure (performance forms, the text's figures, unread layouts).
_NOT_BUDGET = (model.OTHER, model.NARRATIVE, model.PERFORMANCE, model.OVERALL_PERFORMANCE, model.SELF_EVALUATION)
# A detail table the question names by its words, and what its rows are.
ITEM_TABLES: dict[str, tuple[str, ...]] = {
    model.SERVICES: ("政府购买服务",),
    model.PROJECT: ("项目支出预算表", "项目支出表", "项目支出明细表"),
}
_ITEMS_ASKED = re.compile(r"(?:几|多少)\s*(个|项|条)")
_TOTAL = re.compile(r"^(合计|总计|小计)$")


def answer(question: str, q: str, doc, measures, hint) -> Answer | None:
    if _TABLES_ASKED.search(q) and not re.search(r"绩效|目标", q):
        ans = tables(question, q, doc)
        if ans is not None:
            return ans
    ans = table_items(question, q, doc)
    if ans is not None:
        return ans
    return stated.count(question, q, doc, measures)


def tables(question: str, q: str, doc) -> Answer | None:
    for p, sentence in stated._sentences(doc):
        m = _TABLES_STATED.search(sentence)
        if m and "表" in sentence[m.end():m.end() + 8]:
            cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence.strip(),
                            section=p.section)
            text = f"文中说明：“{sentence.strip()}”，即 {m.group(1)} 张（{p.section}{f'，第{p.page}页' if p.page else ''}）"
            return Answer(question, ANSWERED, text, Decimal(m.group(1)), "张", None, [cite])
    if "报表" in q and (ans := _series(question, doc)) is not None:
        return ans
    budget = [t for t in doc.tables if t.kind not in _NOT_BUDGET]
    if not budget:
        return None
    cites = [Citation(doc.document.label, doc.document.doc_id, t.title, None, None, t.page, t.title,
                      table_ordinal=t.ordinal, kind=t.kind) for t in budget]
    names = "、".join(f"{t.title}（第{t.page}页）" if t.page else t.title for t in budget)
    text = f"{doc.document.label}公开了 {len(budget)} 张预算表（不含绩效目标表）：{names}"
    return Answer(question, ANSWERED, text, Decimal(len(budget)), "张", f"计数 {len(budget)}", cites)


_NUMBERED = re.compile(r"^\s*(?:表|公开|预算|决算)\s*(\d{1,2})\s*表?(?!\d)")


def _series(question: str, doc) -> Answer | None:
    """「公开了几张报表」: every form the disclosure numbers in one series (表1 … 表16), the empty ones and the
    performance forms printed in that series included — the series must run unbroken from 1."""
    numbered: dict[int, object] = {}
    for t in doc.tables:
        m = _NUMBERED.match(t.title or "")
        if m and t.kind != model.NARRATIVE:
            numbered.setdefault(int(m.group(1)), t)
    n = len(numbered)
    if n < 2 or sorted(numbered) != list(range(1, n + 1)) or \
            not any(t.kind in _NOT_BUDGET for t in numbered.values()):
        return None  # no series, or the budget tables alone: counted below, named as such
    forms = [numbered[i] for i in range(1, n + 1)]
    cites = [Citation(doc.document.label, doc.document.doc_id, t.title, None, None, t.page, t.title,
                      table_ordinal=t.ordinal, kind=t.kind) for t in forms]
    names = "、".join(f"{t.title}（第{t.page}页）" if t.page else t.title for t in forms)
    empty = "和空表" if any(not t.rows for t in forms) else ""
    text = f"{doc.document.label}公开了 {n} 张报表（表1至表{n}，含绩效目标表{empty}）：{names}"
    return Answer(question, ANSWERED, text, Decimal(n), "张", f"计数 {n}", cites)


def table_items(question: str, q: str, doc) -> Answer | None:
    asked = _ITEMS_ASKED.search(q)
    if asked is None or "表" not in q:
        return None
    kind = next((k for k, words in ITEM_TABLES.items() if any(w in q for w in words)), None)
    table = next((t for t in doc.tables if t.kind == kind and t.rows), None) if kind else None
    lines = item_lines(table) if table is not None else None
    if lines is None:
        return None
    column, rows = lines
    return lines_listed(question, doc, table, rows, column, asked.group(1))


def item_lines(table) -> tuple[str, list] | None:
    """The column a table is read by and its item lines (``leaf_rows``); None where it has neither."""
    column = default_column(table)
    rows = leaf_rows(table, column) if column is not None else []
    return (column, rows) if rows else None


def lines_listed(question: str, doc, table, rows: list, column: str, unit: str, noun: str = "") -> Answer:
    """A table's item lines (``leaf_rows``) counted and named, each cited at its figure: the answer of a count of
    a table's lines, whether the table is chosen by its kind's words (``table_items``) or by its number and title
    (assistant/tablelines.py)."""
    refs = [CellRef(doc.document, table, r, r.cell(column)) for r in rows if r.cell(column)]
    listed = "、".join(plain_label(r.label) for r in rows)
    page = f"（第{table.page}页起）" if table.page else ""
    text = f"{table.title}共列出 {len(rows)} {unit}{noun}（不计合计行和汇总其下各行的行）：{listed}{page}"
    return Answer(question, ANSWERED, text, Decimal(len(rows)), unit, f"计数 {len(rows)}",
                  [c.citation() for c in refs])


def leaf_rows(table, column: str) -> list:
    """The rows that are items: not a total, not a row whose figure is the sum of two or more items printed
    right under it (a unit's or category's line over its items). Read from the last row up, so that groups
    nest: a line over a line over items (单位 › 专用项目 › 其他履职尽责专项业务费 › projects, each the sum of
    the same items) sums the items, the group lines between them passed over."""
    rows = [r for r in table.rows if not _TOTAL.match(plain_label(r.label))]
    values = [r.cell(column).value if r.cell(column) and r.cell(column).value is not None else None for r in rows]
    group = set()
    for i in range(len(values) - 1, -1, -1):
        v = values[i]
        if v is None or v == 0:
            continue
        total, items, k = Decimal(0), 0, i + 1
        while k < len(values) and values[k] is not None and total < v:
            if k not in group:
                total += values[k]
                items += 1
            k += 1
        if total == v and items >= 2:
            group.add(i)
    return [r for i, r in enumerate(rows) if i not in group]
