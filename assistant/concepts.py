"""What a column or a row of a budget table measures, the same whatever the template calls it.

The readers give each column a canonical meaning (``Column.meaning``, from ingest/templates.toml): 人员经费
for "基本支出/人员支出", 因公出国（境）费 for "因公出国(境)费用" … This module reads it the way the engine
needs it: a figure's *concept* (with the 预算数/决算数 level of a header taken out, and a table's own total
column named after the table: the 合计 of a 三公 table is the 三公经费), its *stage* (预算 or 决算 column)
and its *side* (收入 or 支出). Row labels that print a canonical figure ("1、因公出国（境）费用",
"一、财政拨款") are recognised through ``synonyms.ROW_FORMS``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest import model, templates
from ingest.model import Row, Table

from . import synonyms

# A header level that only says which stage a figure belongs to: 预算数, 决算数, 2026年预算数, 年初预算数.
STAGE = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:全年|年初|调整后?的?)?(预算|决算)数?$")
# A row that stands for a year or a stage of the whole table ("预算数", "决算数", "2026年").
PERIOD_ROW = re.compile(r"^(?:(?:19|20)\d{2}年度?(?:预算数?|决算数?)?|(?:全年|年初)?(?:预算|决算)数?)$")
_ORDINALS = re.compile(r"^(?:其中[:：]?|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）][、.．]?)\s*")
# Canonical meanings that are not a figure of their own.
_NOT_CONCEPTS = {"合计", "决算数", "增减", "增减率", "结转结余", "经营收支", "附属单位"}
# The total column of these tables is the figure the table is about.
_TABLE_TOTAL = {model.THREE_PUBLIC: "三公经费", model.OPERATING: "机关运行经费", model.BASIC: "基本支出",
                model.GPB_BASIC: "基本支出",
                model.PROJECT: "项目支出"}
_INCOME_KINDS = {model.INCOME}
_EXPENDITURE_KINDS = {model.EXPENDITURE, model.BASIC, model.PROJECT, model.GPB_EXPENDITURE, model.GPB_BASIC,
                      model.GOV_FUND, model.STATE_CAPITAL, model.THREE_PUBLIC, model.OPERATING,
                      model.FISCAL_EXPENDITURE, model.ECONOMIC_TABLE, model.SERVICES, model.PROCUREMENT}
# Tables that hold only part of the department's money (by source): a subject's figure there is a subset.
FUNDING_SUBSETS = {model.FISCAL_SUMMARY, model.FISCAL_EXPENDITURE, model.GPB_EXPENDITURE, model.GPB_BASIC,
                   model.GOV_FUND, model.STATE_CAPITAL}


def stage_of(path: str) -> str | None:
    """预算 or 决算 when a header level of the column says so."""
    for part in path.split("#")[0].split("/"):
        m = STAGE.match(part.replace(" ", ""))
        if m:
            return m.group(1)
    return None


def column_concept(table: Table, path: str, year: int | None = None) -> str | None:
    """The canonical figure a value column holds ("人员经费", "三公经费", "上年/三公经费" …), or None where
    the reader gave the column no meaning."""
    meaning = _meaning(table, path)
    concept = _column_concept(table.kind, path, meaning, year)
    if concept is not None and concept == _TABLE_TOTAL.get(table.kind) and meaning != concept and \
            any(c.meaning == concept for c in table.columns if c.path != path):
        return "合计"  # the figure has its own column (“三公”经费/小计): this total is of more (会议费、培训费 …)
    return concept


def _meaning(table: Table, path: str) -> str | None:
    return next((c.meaning for c in table.columns if c.path == path), None)


@lru_cache(maxsize=4096)
def _column_concept(kind: str, path: str, meaning: str | None, year: int | None) -> str | None:
    if meaning is None or re.search(r"非(?:财政|税)", path):  # "使用非财政拨款结余" is no 财政拨款
        return None
    parts = path.split("#")[0].split("/")
    rest = [p for p in parts if not STAGE.match(p.replace(" ", ""))]
    if len(rest) != len(parts) or meaning == "决算数":
        meaning = (templates.column_meaning("/".join(rest), year) if rest else None) or "合计"
    period, _, base = meaning.rpartition("/")
    if base == "合计" and kind in _TABLE_TOTAL:
        base = _TABLE_TOTAL[kind]
    return f"{period}/{base}" if period else base


def is_figure(concept: str | None) -> bool:
    """A concept a question can ask for on its own (not 合计, not last year's)."""
    return bool(concept) and "/" not in concept and concept not in _NOT_CONCEPTS


def concept_label(label: str) -> str:
    """A row label without its numbering, "其中：" and spaces: "其中：（1）公务用车购置费" → 公务用车购置费."""
    text = label.replace(" ", "").replace("(", "（").replace(")", "）")
    while True:
        stripped = _ORDINALS.sub("", text)
        if stripped == text:
            return text
        text = stripped


@lru_cache(maxsize=1)
def _row_forms() -> dict[str, str]:
    return {form.replace("(", "（").replace(")", "）"): concept
            for concept, forms in synonyms.ROW_FORMS.items() for form in forms}


def row_concept(row: Row) -> str | None:
    """The canonical figure an uncoded row prints ("1、因公出国（境）费用" → 因公出国（境）费)."""
    if row.code and row.code.isdigit():
        return None
    return _row_forms().get(concept_label(row.label))


def side_of(table: Table, row: Row | None, path: str | None) -> str | None:
    """收入 or 支出: the row's side in a side-by-side table, else what the table or the column is about (an
    expenditure table's "财政拨款收入/一般公共预算" column says where the money spent comes from)."""
    if row is not None and row.side in ("收入", "支出"):
        return row.side
    if table.kind in _INCOME_KINDS:
        return "收入"
    if table.kind in _EXPENDITURE_KINDS:
        return "支出"
    head = (path or "").split("/")[0]
    if "收入" in head and "支出" not in head:
        return "收入"
    if "支出" in head and "收入" not in head:
        return "支出"
    if table.kind in _INCOME_KINDS:
        return "收入"
    if table.kind in _EXPENDITURE_KINDS:
        return "支出"
    return None


def under_carryover(table: Table, row: Row) -> bool:
    """Is an uncoded row one of the lines under a 结转/结余 heading ("年初财政拨款结转和结余" → "一、一般公共
    预算拨款")? Such a line is last year's money, not this year's figure of the same name. A numbered
    heading ("二、上年结转结余") covers the lines below it up to the next item of its own numbering."""
    if row.code and row.code.isdigit() or row not in table.rows or re.search(r"合计|总计", row.label):
        return False
    top = re.compile(r"^[一二三四五六七八九十]+、")
    passed_top = bool(top.match(row.label.replace(" ", "")))
    for prev in reversed(table.rows[:table.rows.index(row)]):
        if prev.side != row.side:
            continue
        label = concept_label(prev.label)
        numbered = bool(top.match(prev.label.replace(" ", "")))
        if re.search(r"结转|结余", label):
            return not (numbered and passed_top)
        if re.search(r"合计|总计", label):
            return False
        passed_top = passed_top or numbered
    return False


def period_row(table: Table, year: int, kind: str) -> Row | None:
    """In a table whose rows are stages or years ("预算数" / "决算数", "2025年" / "2026年"), the row of the
    document's own year and kind."""
    rows = [r for r in table.rows if PERIOD_ROW.match(concept_label(r.label))]
    if len(rows) < 2:
        return None
    for r in rows:
        label = concept_label(r.label)
        years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", label)]
        if years and years[0] != year:
            continue
        if ("决算" in label) == (kind == "决算") or years and "预算" not in label and "决算" not in label:
            return r
    return None
