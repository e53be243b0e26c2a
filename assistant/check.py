"""Fact check: does a disclosure agree with itself?

A budget disclosure states most figures several times: a 合计 row over its subjects, a parent subject over
its children, a 合计 column over its funding columns, the same subject in 收入总表, 支出总表 and the
financial-allocation tables, and the narrative sections restating the tables in words. ``run_checks``
recomputes every one of those identities the format implies, with exact ``Decimal`` arithmetic, and says
for each whether it holds (pass), does not (fail), cannot be decided from what is printed (unchecked) or
has nothing to apply to because a table is missing (not_applicable).

Checks key on table kinds, column paths, subject codes and row labels — never on one document's numbers —
so that they carry over to other departments and years. Identities that hold for every disclosure are
checked as equalities; relations the format only bounds (a narrative item that is part of a broader
subject, ``三公`` money that may also come from project spending) pass only when the figures are equal,
fail when the bound is broken, and are otherwise left unchecked rather than passed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ingest import model
from ingest.model import Column, ParsedDocument, Passage, Row, Table
from ingest.narrative import Figure, figures_in
from ingest.values import NUMBERED

PASS, FAIL, UNCHECKED, NOT_APPLICABLE = "pass", "fail", "unchecked", "not_applicable"
VERDICTS = (PASS, FAIL, UNCHECKED, NOT_APPLICABLE)
TABLE_SUM, SUBJECT_TREE, COLUMNS, CROSS_TABLE, NARRATIVE, PERFORMANCE = (
    "table_sum", "subject_tree", "columns", "cross_table", "narrative", "performance")
KINDS = (TABLE_SUM, SUBJECT_TREE, COLUMNS, CROSS_TABLE, NARRATIVE, PERFORMANCE)
ZERO = Decimal(0)


@dataclass(frozen=True)
class CellRef:
    table: str  # title as printed
    table_ordinal: int
    row: str  # row label as printed ("（空表）" for a table printed without rows)
    row_ordinal: int  # -1 for a table printed without rows
    column: str  # column path
    value: Decimal | None  # blank = 0; None only when the printed text is not a number (e.g. "涉密")

    def as_json(self) -> dict:
        return {"table": self.table, "table_ordinal": self.table_ordinal, "row": self.row,
                "row_ordinal": self.row_ordinal, "column": self.column,
                "value": None if self.value is None else str(self.value)}

    def __str__(self) -> str:
        return f"{self.table} / {self.row} / {self.column} = {self.value}"


@dataclass
class Check:
    id: str  # stable across runs: kind prefix, table kind, subject code or label, column
    kind: str  # one of KINDS
    description: str  # Chinese, says what should hold
    verdict: str  # one of VERDICTS
    cells: list[CellRef] = field(default_factory=list)  # cells[0] is where ``found`` was read, when a cell
    expected: Decimal | None = None
    found: Decimal | None = None
    difference: Decimal | None = None  # found − expected, exact
    passage: str | None = None  # narrative checks: the sentence quoted

    def as_json(self) -> dict:
        def num(d: Decimal | None) -> str | None:
            return None if d is None else str(d)
        return {"id": self.id, "kind": self.kind, "description": self.description, "verdict": self.verdict,
                "cells": [c.as_json() for c in self.cells], "expected": num(self.expected),
                "found": num(self.found), "difference": num(self.difference), "passage": self.passage}


def run_checks(parsed: ParsedDocument) -> list[Check]:
    doc = _Doc(parsed)
    checks: list[Check] = []
    for step in (_table_sums, _subject_trees, _column_sums, _cross_tables, _narrative, _performance):
        checks.extend(c for c in step(doc) if c is not None)
    return checks


def summarize(checks: list[Check]) -> dict:
    by_kind: dict[str, Counter] = {}
    for c in checks:
        by_kind.setdefault(c.kind, Counter())[c.verdict] += 1
    narrative = [c for c in checks if c.kind == NARRATIVE]
    return {
        "total": len(checks),
        "verdicts": {v: sum(c.verdict == v for c in checks) for v in VERDICTS},
        "kinds": {k: {v: by_kind.get(k, Counter())[v] for v in VERDICTS} for k in KINDS},
        # a narrative figure is "matched" when a table cell was found to compare it with
        "narrative_figures": {"matched": sum(c.verdict in (PASS, FAIL) for c in narrative),
                              "unchecked": sum(c.verdict == UNCHECKED for c in narrative)},
    }


def render_text(parsed_document: model.Document, checks: list[Check]) -> str:
    """The report for a person: every fail in full, then one summary line."""
    d = parsed_document
    lines = [f"{d.label}（{d.doc_id}）"]
    for c in checks:
        if c.verdict != FAIL:
            continue
        lines.append(f"不一致 [{c.id}] {c.description}")
        for ref in c.cells:
            lines.append(f"    单元格：{ref}")
        if c.passage:
            lines.append(f"    原文：{c.passage}")
        if c.expected is not None and c.found is not None:
            lines.append(f"    应为 {c.expected}，实为 {c.found}，差额 {_signed(c.difference)}")
    s = summarize(checks)
    v, n = s["verdicts"], s["narrative_figures"]
    lines.append(f"汇总：共 {s['total']} 项核对：通过 {v[PASS]}，不一致 {v[FAIL]}，无法核对 {v[UNCHECKED]}，"
                 f"不适用 {v[NOT_APPLICABLE]}；叙述数字 已比对 {n['matched']}，无法核对 {n['unchecked']}")
    return "\n".join(lines)


def _signed(d: Decimal | None) -> str:
    if d is None:
        return "—"
    return f"+{d}" if d > 0 else str(d)


# --- reading the document ------------------------------------------------------------------------------

_MONEY_KINDS = (model.SUMMARY, model.INCOME, model.EXPENDITURE, model.FISCAL_SUMMARY, model.GPB_EXPENDITURE,
                model.GPB_BASIC, model.GOV_FUND, model.STATE_CAPITAL, model.THREE_PUBLIC, model.PROCUREMENT)
# Tables listing subjects by code (function or economic) under a 合计 row.
_SUBJECT_KINDS = (model.INCOME, model.EXPENDITURE, model.GPB_EXPENDITURE, model.GPB_BASIC, model.GOV_FUND,
                  model.STATE_CAPITAL)
_FISCAL_SPLIT = (model.GPB_EXPENDITURE, model.GOV_FUND, model.STATE_CAPITAL)
# Funding sources of the financial allocations: the word that names each in labels and column paths.
_SOURCES = (("一般公共预算", model.GPB_EXPENDITURE), ("政府性基金", model.GOV_FUND),
            ("国有资本经营", model.STATE_CAPITAL))
_SUBSET = re.compile(r"^其中\s*[:：]?")


@lru_cache(maxsize=4096)  # called for every label on every lookup; labels repeat
def _norm(text: str) -> str:
    """Compare labels, not typography: no numbering, spaces, quotes or brackets; 运行维护 = 运维;
    a trailing 费用 = 费 (其他交通费 = 其他交通费用)."""
    s = re.sub(r"\s+", "", text or "")
    s = NUMBERED.sub("", s)
    s = _SUBSET.sub("", s)
    s = re.sub(r"[“”‘’\"'《》（）()【】\[\]「」]", "", s)
    s = s.replace("运行维护", "运维")
    return re.sub(r"费用$", "费", s)


class _Doc:
    def __init__(self, parsed: ParsedDocument):
        self.parsed = parsed
        self.tables = parsed.tables
        counts = Counter(t.kind for t in parsed.tables)
        # a kind printed twice (other than performance tables) gets the ordinal in its check ids
        self.key = {t.ordinal: t.kind if counts[t.kind] == 1 or t.kind == model.PERFORMANCE
                    else f"{t.kind}#{t.ordinal}" for t in parsed.tables}

    def first(self, kind: str) -> Table | None:
        return next((t for t in self.tables if t.kind == kind), None)

    def of_kind(self, *kinds: str) -> list[Table]:
        return [t for t in self.tables if t.kind in kinds]


@dataclass
class _V:
    """One term of an identity: a cell (or a line absent from its table, which counts as 0)."""
    ref: CellRef | None
    printed: bool  # something was printed in the cell (a blank money cell is 0 but not printed)

    @property
    def value(self) -> Decimal | None:
        return ZERO if self.ref is None else self.ref.value


_ABSENT = _V(None, False)


def _v(table: Table, row: Row | None, column: str) -> _V:
    if row is None:
        return _ABSENT
    cell = row.cell(column)
    if cell is None:
        return _ABSENT
    value = ZERO if cell.blank else cell.value
    return _V(CellRef(table.title, table.ordinal, row.label, row.ordinal, column, value), not cell.blank)


def _empty_table_v(table: Table, column: str | None = None) -> _V:
    """A table printed without rows ("空表列示"): every amount in it is 0, cited at its total column."""
    column = column or next((c.path for c in table.columns if _leaf(c.path) == "合计"), None)
    column = column or (table.columns[-1].path if table.columns else "合计")
    return _V(CellRef(table.title, table.ordinal, "（空表）", -1, column, ZERO), False)


def _leaf(path: str) -> str:
    return path.split("/")[-1]


def _value_columns(table: Table, rows: list[Row]) -> list[str]:
    """Columns holding numbers in these rows, in table order."""
    present = {c.column for r in rows for c in r.cells if c.value is not None or c.blank}
    return [c.path for c in table.columns if c.path in present]


def _is_total_row(row: Row) -> bool:
    return not row.code and _norm(row.label) == "合计"


def _total_row(table: Table) -> Row | None:
    return next((r for r in table.rows if _is_total_row(r)), None)


def _equation(cid: str, kind: str, description: str, total: _V, parts: list[_V],
              relation: str = "eq") -> Check | None:
    """``total`` should equal (or, by ``relation``, stand so to) the sum of ``parts``. None when nothing at
    all is printed in them: a blank-only identity says nothing, and any later change makes a cell printed
    and the check run."""
    terms = [total, *parts]
    if not any(t.printed for t in terms):
        return None
    cells = [t.ref for t in terms if t.ref is not None]
    if any(t.value is None for t in terms):
        return Check(cid, kind, description + "（有单元格不是数字，无法核对）", UNCHECKED, cells)
    expected = sum((p.value for p in parts), ZERO)
    return _verdict(cid, kind, description, cells, expected, total.value, relation)


def _verdict(cid: str, kind: str, description: str, cells: list[CellRef], expected: Decimal,
             found: Decimal, relation: str, passage: str | None = None) -> Check:
    """relation "eq": found must equal expected. "within": found is part of expected (found > expected
    fails, found < expected cannot be decided). "covers": found includes expected (the mirror image)."""
    diff = found - expected
    if diff == 0:
        verdict = PASS
    elif relation == "eq" or (relation == "within" and diff > 0) or (relation == "covers" and diff < 0):
        verdict = FAIL
    else:
        verdict = UNCHECKED
    return Check(cid, kind, description, verdict, cells, expected, found, diff, passage)


# --- inside a table: 合计 rows, numbered lists, side-by-side lists --------------------------------------

def _table_sums(doc: _Doc):
    for t in doc.tables:
        if t.kind in _SUBJECT_KINDS:
            yield from _total_over_roots(doc, t)
        elif t.kind in (model.SUMMARY, model.FISCAL_SUMMARY):
            yield from _side_lists(doc, t)
            if t.kind == model.FISCAL_SUMMARY:
                yield from _fiscal_balance(doc, t)
        elif t.kind in (model.THREE_PUBLIC, model.FIXED_ASSETS):
            yield from _numbered_list(doc, t)


def _listed_parent(row: Row, codes: set[str]) -> str | None:
    """The row's parent among the codes this table lists: its parent_code, or, when a table skips a level
    (类 then 项, no 款), the longest shorter code it does list that prefixes it."""
    if not row.code:
        return None
    if row.parent_code in codes:
        return row.parent_code
    return next((row.code[:n] for n in (5, 3) if n < len(row.code) and row.code[:n] in codes), None)


def _total_over_roots(doc: _Doc, t: Table):
    """The 合计 row = the sum of the top-level subjects (the 类 rows; whatever has no parent listed)."""
    total = _total_row(t)
    codes = {r.code for r in t.rows if r.code}
    roots = [r for r in t.rows if r.code and _listed_parent(r, codes) is None]
    if total is None or not roots:
        return
    for col in _value_columns(t, [total, *roots]):
        yield _equation(f"sum:{doc.key[t.ordinal]}:合计:{col}", TABLE_SUM,
                        f"{t.title}：合计行“{col}”应等于各类科目之和", _v(t, total, col),
                        [_v(t, r, col) for r in roots])


def _side_lists(doc: _Doc, t: Table):
    """收支总表 / 财政拨款收支总表: per side, 本年…合计 = its numbered items; a carry-over row with numbered
    sub-items = their sum; …总计 = 本年…合计 + the carry-over rows; 收入总计 = 支出总计."""
    totals: dict[str, _V] = {}
    for side in dict.fromkeys(r.side for r in t.rows if r.side):
        rows = [r for r in t.rows if r.side == side]
        for col in _value_columns(t, rows):
            yield from _side_list(doc, t, side, rows, col, totals)
    inc = next((v for k, v in totals.items() if k.startswith("收入")), None)
    out = next((v for k, v in totals.items() if k.startswith("支出")), None)
    if inc and out:
        yield _equation(f"sum:{doc.key[t.ordinal]}:收入总计=支出总计", TABLE_SUM,
                        f"{t.title}：收入总计应等于支出总计", out, [inc])


def _side_list(doc: _Doc, t: Table, side: str, rows: list[Row], col: str, totals: dict[str, _V]):
    key = f"sum:{doc.key[t.ordinal]}:{side}"
    items: list[Row] = []
    year_total: Row | None = None
    carries: list[tuple[Row, list[Row]]] = []  # rows between 本年…合计 and …总计, with their sub-items
    for r in rows:
        label = _norm(r.label)
        if label.endswith("总计"):
            if year_total is not None:
                yield _equation(f"{key}:{label}:{col}", TABLE_SUM,
                                f"{t.title}：{r.label}应等于{year_total.label}加结转结余等各行",
                                _v(t, r, col), [_v(t, year_total, col)] + [_v(t, c, col) for c, _ in carries])
            # only the main column of the side takes part in 收入总计 = 支出总计
            if col == _main_column(t, r):
                totals[label] = _v(t, r, col)
            continue
        if year_total is None:
            if label.endswith("合计"):
                year_total = r
                if not items:
                    continue  # a layout without numbered items: nothing to add up
                yield _equation(f"{key}:{label}:{col}", TABLE_SUM, f"{t.title}：{r.label}应等于各收支项目之和",
                                _v(t, r, col), [_v(t, i, col) for i in items])
            elif NUMBERED.match(r.label):
                items.append(r)
            continue
        if NUMBERED.match(r.label) and carries:
            carries[-1][1].append(r)  # "一、一般公共预算拨款" under 年初财政拨款结转和结余
        else:
            carries.append((r, []))
    for carry, subs in carries:
        if subs:
            yield _equation(f"{key}:{_norm(carry.label)}:{col}", TABLE_SUM,
                            f"{t.title}：{carry.label}应等于其下各项之和", _v(t, carry, col),
                            [_v(t, s, col) for s in subs])


def _fiscal_balance(doc: _Doc, t: Table):
    """财政拨款收支总表, per funding source: this year's allocation + the carry-over from last year =
    支出总计 in that source's column (spending + carry-over to next year)."""
    income = [r for r in t.rows if r.side and r.side.startswith("收入")]
    spend = [r for r in t.rows if r.side and r.side.startswith("支出")]
    grand = next((r for r in spend if _norm(r.label).endswith("总计")), None)
    year_total = next((i for i, r in enumerate(income) if _norm(r.label).endswith("合计")), None)
    if grand is None or year_total is None:
        return
    in_col = _main_column(t, income[year_total]) if income else None
    this_year, carried = income[:year_total], income[year_total + 1:]
    for word, _kind in _SOURCES:
        col = next((c.path for c in t.columns if c.path.startswith("支出") and word in c.path), None)
        now = next((r for r in this_year if word in r.label), None)
        before = next((r for r in carried if word in r.label and NUMBERED.match(r.label)), None)
        if col is None or now is None or before is None or in_col is None:
            continue  # this layout does not split the carry-over by source
        yield _equation(f"sum:{doc.key[t.ordinal]}:资金来源:{word}", TABLE_SUM,
                        f"{t.title}：{word}本年拨款加年初结转应等于支出总计的{word}列",
                        _v(t, grand, col), [_v(t, now, in_col), _v(t, before, in_col)])


def _numbered_list(doc: _Doc, t: Table):
    """三公 / 固定资产: the rows above the first numbered item (合计, “三公”经费, 资产总额) = the sum of the
    numbered items; an item followed by two or more 其中 rows = their sum (一 = 教育科研 + 其他,
    二 = 购置费 + 运行维护费). A single 其中 row is only part of its item: it may not exceed it."""
    first = next((i for i, r in enumerate(t.rows) if NUMBERED.match(r.label)), None)
    if first is None:
        return
    heads = [r for r in t.rows[:first] if not _SUBSET.match(r.label)]
    items: list[tuple[Row, list[Row]]] = []
    for r in t.rows[first:]:
        if NUMBERED.match(r.label):
            items.append((r, []))
        else:
            items[-1][1].append(r)
    for col in _value_columns(t, t.rows):
        area = _area_quantity(t, col, [i for i, _ in items])
        for head in heads:
            check = _equation(f"sum:{doc.key[t.ordinal]}:{_norm(head.label)}:{col}", TABLE_SUM,
                              f"{t.title}：{head.label}“{col}”应等于各分项之和", _v(t, head, col),
                              [_v(t, i, col) for i, _ in items])
            if check is not None and area:
                check.verdict = UNCHECKED
                check.description += "（房屋按平方米计数，是否计入总数无法确定）"
            yield check
        for item, subs in items:
            if not subs or not _SUBSET.match(subs[0].label):
                continue
            if len(subs) >= 2:
                yield _equation(f"sum:{doc.key[t.ordinal]}:{_norm(item.label)}:{col}", TABLE_SUM,
                                f"{t.title}：{item.label}“{col}”应等于其中各项之和", _v(t, item, col),
                                [_v(t, s, col) for s in subs])
            else:
                yield _part_of(f"sum:{doc.key[t.ordinal]}:{_norm(subs[0].label)}:{col}", t, subs[0], item, col)


def _area_quantity(t: Table, col: str, items: list[Row]) -> bool:
    """A 数量 column mixing square metres with counts cannot be summed with confidence."""
    if not col.startswith("数量"):
        return False
    return any("平方米" in r.label and (c := r.cell(col)) is not None and not c.blank for r in items)


def _part_of(cid: str, t: Table, part: Row, whole: Row, col: str) -> Check | None:
    p, w = _v(t, part, col), _v(t, whole, col)
    if not (p.printed or w.printed):
        return None
    cells = [x.ref for x in (p, w) if x.ref]
    if p.value is None or w.value is None:
        return Check(cid, TABLE_SUM, f"{t.title}：{part.label}不应超过{whole.label}（非数字）", UNCHECKED, cells)
    verdict = PASS if p.value <= w.value else FAIL
    return Check(cid, TABLE_SUM, f"{t.title}：{part.label}“{col}”不应超过{whole.label}", verdict, cells,
                 w.value, p.value, p.value - w.value)


# --- subject codes: a parent = the sum of its children ---------------------------------------------------

def _subject_trees(doc: _Doc):
    for t in doc.tables:
        codes = {r.code for r in t.rows if r.code}
        children: dict[str, list[Row]] = {}
        for r in t.rows:
            if parent := _listed_parent(r, codes):
                children.setdefault(parent, []).append(r)
        for parent in t.rows:
            kids = children.get(parent.code or "")
            if not kids:
                continue
            for col in _value_columns(t, [parent, *kids]):
                yield _equation(f"tree:{doc.key[t.ordinal]}:{parent.code}:{col}", SUBJECT_TREE,
                                f"{t.title}：{parent.code} {parent.label}“{col}”应等于其下级科目之和",
                                _v(t, parent, col), [_v(t, k, col) for k in kids])


# --- along a row: a 合计/小计 column = the columns it adds up -------------------------------------------

def _column_groups(table: Table) -> list[tuple[str, list[str]]]:
    """(subtotal column, its member columns). Two-level headers group columns under a top label; a group's
    小计/合计 adds its other columns, and a top-level 合计 adds every group (by its subtotal, or its only
    column). "其中" columns are parts of a neighbour, not addends."""
    values = set(_value_columns(table, table.rows))  # not 序号, 科目编码, 项目 …
    groups: dict[str, list[Column]] = {}
    for c in table.columns:
        if c.path in values:
            groups.setdefault(c.path.split("/")[0] if "/" in c.path else c.path, []).append(c)
    out: list[tuple[str, list[str]]] = []
    representatives: list[str] = []
    overall: str | None = None
    for top, cols in groups.items():
        paths = [c.path for c in cols if not _leaf(c.path).startswith("其中")]
        sub = next((p for p in paths if "/" in p and _leaf(p) in ("小计", "合计")), None)
        if len(cols) == 1 and top.endswith("合计"):  # "合计", or a 决算's "本年支出合计"
            overall = cols[0].path
            continue
        if sub:
            out.append((sub, [p for p in paths if p != sub]))
            representatives.append(sub)
        elif len(paths) == 1:
            representatives.append(paths[0])
    if overall:
        out.insert(0, (overall, representatives))
    return out


def _column_sums(doc: _Doc):
    for t in doc.of_kind(*_MONEY_KINDS):
        groups = _column_groups(t)
        if not groups:
            continue
        for r in t.rows:
            present = {c.column for c in r.cells}
            row_key = r.code or (f"{r.side}:{_norm(r.label)}" if r.side else _norm(r.label)) or f"#{r.ordinal}"
            for total, members in groups:
                members = [m for m in members if m in present]
                if total not in present or not members:
                    continue  # e.g. the 项目 column of a side-by-side table: not a value column here
                yield _equation(f"cols:{doc.key[t.ordinal]}:{row_key}:{total}", COLUMNS,
                                f"{t.title}：{r.code or ''}{r.label}行“{total}”应等于{'、'.join(members)}之和",
                                _v(t, r, total), [_v(t, r, m) for m in members])


# --- across tables ---------------------------------------------------------------------------------------

def _cross_tables(doc: _Doc):
    yield from _income_vs_expenditure(doc)
    yield from _summary_vs_detail(doc)
    yield from _fiscal_vs_split(doc)
    yield from _basic_vs_gpb(doc)
    yield from _all_fiscal(doc)
    yield from _three_public_vs_basic(doc)


def _absent(cid: str, description: str, *kinds: str) -> Check:
    return Check(cid, CROSS_TABLE, f"{description}（文件中没有{'、'.join(kinds)}）", NOT_APPLICABLE)


def _need(doc: _Doc, cid: str, description: str, *kinds: str) -> tuple[list[Table], Check | None]:
    tables = [doc.first(k) for k in kinds]
    missing = [k for k, t in zip(kinds, tables) if t is None]
    return tables, (_absent(cid, description, *missing) if missing else None)


def _unmatched(cid: str, description: str, value: _V) -> Check | None:
    """A line with no same-named line in the other table: a naming variant or an omission. The totals
    checks catch an omission, so this one only reports it."""
    if not value.printed:
        return None
    return Check(cid, CROSS_TABLE, description, UNCHECKED, [value.ref], found=value.value)


def _cross(cid: str, description: str, found: _V, expected: list[_V], relation: str = "eq") -> Check | None:
    """found (one cell) against expected (a cell, or the sum of several)."""
    return _equation(cid, CROSS_TABLE, description, found, expected, relation)


def _income_vs_expenditure(doc: _Doc):
    """The same function subject carries the same 合计 in 收入总表 and 支出总表 (income is raised for
    exactly what is spent), subject by subject and in total."""
    cid = f"cross:{model.INCOME}~{model.EXPENDITURE}"
    (inc, exp), missing = _need(doc, cid, "收入总表与支出总表按科目核对", model.INCOME, model.EXPENDITURE)
    if missing:
        yield missing
        return
    if doc.parsed.document.kind != "预算":
        yield Check(cid, CROSS_TABLE, "决算的收入与支出按科目相差结余，逐科目相等的关系不适用", NOT_APPLICABLE)
        return
    ci, ce = _main_column(inc), _main_column(exp)
    yield _cross(f"{cid}:合计:合计", "支出总表合计应等于收入总表合计",
                 _v(exp, _total_row(exp), ce), [_v(inc, _total_row(inc), ci)])
    for code in _codes(inc, exp):
        row_e, row_i = exp.row_by_code(code), inc.row_by_code(code)
        label = (row_e or row_i).label
        yield _cross(f"{cid}:{code}:合计", f"科目 {code} {label}：支出总表合计应等于收入总表合计",
                     _v(exp, row_e, ce), [_v(inc, row_i, ci)])


def _codes(*tables: Table) -> list[str]:
    return list(dict.fromkeys(r.code for t in tables for r in t.rows if r.code))


def _main_column(t: Table, row: Row | None = None) -> str | None:
    """The column holding a row's (or a table's) overall amount."""
    paths = [c.column for c in row.cells] if row is not None else t.column_paths()
    for leaf in ("合计", "预算数", "金额", "价值"):
        hit = next((p for p in paths if _leaf(p) == leaf), None)
        if hit:
            return hit
    return next((c.column for c in (row.cells if row else []) if c.value is not None or c.blank), None)


def _side_rows(t: Table, side: str) -> list[Row]:
    return [r for r in t.rows if r.side and r.side.startswith(side)]


def _by_name(rows: list[Row]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for r in rows:
        out.setdefault(_norm(r.label), r)
    return out


# 收入总表 columns ← the 收支总表 income items they add up (matched on these words in the labels)
_INCOME_COLUMNS = (("财政拨款", ("一般公共预算", "政府性基金", "国有资本经营")), ("财政专户", ("财政专户",)),
                   ("事业收入", ("事业收入",)), ("经营收入", ("经营收入",)), ("上级补助", ("上级补助",)),
                   ("附属单位", ("附属单位",)), ("其他收入", ("其他收入",)))


def _summary_vs_detail(doc: _Doc):
    """收支总表 restates 收入总表 and 支出总表: its expenditure items are the 类 subjects of 支出总表, its
    totals are theirs, and its income items fill the income columns of 收入总表."""
    cid = f"cross:{model.SUMMARY}"
    (summ, inc, exp), missing = _need(doc, cid, "收支总表与收入总表、支出总表核对",
                                      model.SUMMARY, model.INCOME, model.EXPENDITURE)
    if missing:
        yield missing
        return
    income, spend = _side_rows(summ, "收入"), _side_rows(summ, "支出")
    s_in, s_out = _by_name(income), _by_name(spend)
    col_in = _main_column(summ, income[0]) if income else None
    col_out = _main_column(summ, spend[0]) if spend else None
    inc_total, exp_total = _total_row(inc), _total_row(exp)
    pairs = [  # (收支总表 row, the 收入总表/支出总表 cell it restates)
        (s_in.get("收入总计"), col_in, inc, inc_total, _main_column(inc)),
        (s_in.get("本年收入合计"), col_in, inc, inc_total, _find_column(inc, "小计") or _main_column(inc)),
        (s_in.get("上年结转结余") or _first_with(income, "结转"), col_in, inc, inc_total, _find_column(inc, "结转")),
        (s_out.get("本年支出合计"), col_out, exp, exp_total, _main_column(exp)),
    ]
    for srow, scol, t, trow, tcol in pairs:
        if srow is not None and tcol is not None:
            yield _cross(f"{cid}:{_norm(srow.label)}", f"收支总表“{srow.label}”应等于{t.title}合计行“{tcol}”",
                         _v(summ, srow, scol), [_v(t, trow, tcol)])
    # expenditure items, by 类 name
    classes = _by_name([r for r in exp.rows if r.level == "类"])
    for name, srow in s_out.items():
        if not NUMBERED.match(srow.label):
            continue
        yield _cross(f"{cid}~{model.EXPENDITURE}:{name}", f"收支总表“{srow.label}”应等于支出总表同名类级科目的合计",
                     _v(summ, srow, col_out), [_v(exp, classes.get(name), _main_column(exp))])
    unmatched = [n for n in classes if n not in s_out]
    for name in unmatched:
        yield _unmatched(f"{cid}~{model.EXPENDITURE}:{name}", f"支出总表类级科目“{name}”在收支总表中没有同名支出项目",
                         _v(exp, classes[name], _main_column(exp)))
    # income items → 收入总表 income columns (this year's items only: those above 本年收入合计)
    this_year = income[:next((i for i, r in enumerate(income) if _norm(r.label).endswith("合计")), len(income))]
    for col_word, item_words in _INCOME_COLUMNS:
        col = _find_column(inc, col_word)
        items = [r for r in this_year if any(w in r.label for w in item_words)]
        if col is None or not items:
            continue
        yield _cross(f"{cid}~{model.INCOME}:{col}", f"收入总表合计行“{col}”应等于收支总表"
                     f"{'、'.join(r.label for r in items)}之和", _v(inc, inc_total, col),
                     [_v(summ, r, col_in) for r in items])


def _find_column(t: Table, word: str) -> str | None:
    return next((c.path for c in t.columns if word in _leaf(c.path)), None)


def _first_with(rows: list[Row], word: str) -> Row | None:
    return next((r for r in rows if word in r.label and not NUMBERED.match(r.label)), None)


def _fiscal_vs_split(doc: _Doc):
    """财政拨款收支总表 splits spending by source; each source column must agree with that source's own
    table (一般公共预算 / 政府性基金 / 国有资本经营), 类 by 类 and in total. An empty source table
    ("空表列示") counts as 0. Its income items restate the 收支总表's."""
    fiscal = doc.first(model.FISCAL_SUMMARY)
    if fiscal is None:
        yield _absent(f"cross:{model.FISCAL_SUMMARY}", "财政拨款收支总表与分资金来源支出表核对", model.FISCAL_SUMMARY)
        return
    spend = _side_rows(fiscal, "支出")
    year_total = next((r for r in spend if _norm(r.label).endswith("合计")), None)
    items = {n: r for n, r in _by_name(spend).items() if NUMBERED.match(r.label)}
    for word, kind in _SOURCES:
        col = next((c.path for c in fiscal.columns if c.path.startswith("支出") and word in c.path), None)
        cid = f"cross:{model.FISCAL_SUMMARY}~{kind}"
        table = doc.first(kind)
        if col is None:
            continue
        if table is None:
            yield _absent(cid, f"财政拨款收支总表“{col}”列与{kind}核对", kind)
            continue
        tcol = _main_column(table)
        total = _v(table, _total_row(table), tcol) if table.rows else _empty_table_v(table)
        yield _cross(f"{cid}:合计", f"财政拨款收支总表本年支出合计的“{col}”应等于{table.title}合计",
                     _v(fiscal, year_total, col), [total])
        classes = _by_name([r for r in table.rows if r.level == "类"])
        for name in dict.fromkeys([*items, *classes]):
            if name not in items:
                yield _unmatched(f"{cid}:{name}", f"{table.title}的类级科目“{name}”在财政拨款收支总表中没有同名项目",
                                 _v(table, classes[name], tcol))
                continue
            yield _cross(f"{cid}:{name}", f"财政拨款收支总表“{items[name].label}”的“{col}”应等于{table.title}同名类级科目合计",
                         _v(fiscal, items[name], col), [_v(table, classes.get(name), tcol)])
    yield from _fiscal_income_vs_summary(doc, fiscal)


def _fiscal_income_vs_summary(doc: _Doc, fiscal: Table):
    summ = doc.first(model.SUMMARY)
    if summ is None:
        yield _absent(f"cross:{model.FISCAL_SUMMARY}~{model.SUMMARY}", "财政拨款收支总表收入与收支总表核对",
                      model.SUMMARY)
        return
    f_in, s_in = _side_rows(fiscal, "收入"), _side_rows(summ, "收入")
    for word, _kind in _SOURCES:
        f_row = next((r for r in f_in if word in r.label), None)  # the first: this year's allocation
        s_row = next((r for r in s_in if word in r.label), None)
        if f_row is None or s_row is None:
            continue
        yield _cross(f"cross:{model.FISCAL_SUMMARY}~{model.SUMMARY}:{word}",
                     f"财政拨款收支总表“{f_row.label}”应等于收支总表“{s_row.label}”",
                     _v(fiscal, f_row, _main_column(fiscal, f_row)), [_v(summ, s_row, _main_column(summ, s_row))])


def _basic_vs_gpb(doc: _Doc):
    """The 基本支出 column of the 一般公共预算财政拨款支出表 is what the 基本支出表 breaks down by
    economic subject: their totals agree."""
    cid = f"cross:{model.GPB_EXPENDITURE}~{model.GPB_BASIC}"
    (gpb, basic), missing = _need(doc, cid, "一般公共预算支出表基本支出与基本支出表核对",
                                  model.GPB_EXPENDITURE, model.GPB_BASIC)
    if missing:
        yield missing
        return
    col = _find_column(gpb, "基本支出")
    if col is None:
        return
    yield _cross(f"{cid}:合计", f"{gpb.title}合计行“{col}”应等于{basic.title}合计",
                 _v(gpb, _total_row(gpb), col), [_v(basic, _total_row(basic), _main_column(basic))])


def _all_fiscal(doc: _Doc):
    """支出总表 covers every source of money; the three financial-allocation tables cover the allocations.
    Only when the department has no other money (支出总表 total = the allocation tables' totals) must
    each subject and the 基本/项目 split agree line by line; otherwise the difference is other money."""
    cid = f"cross:{model.EXPENDITURE}~财政拨款"
    exp = doc.first(model.EXPENDITURE)
    split = [t for t in (doc.first(k) for k in _FISCAL_SPLIT) if t is not None]
    if exp is None or not split:
        yield _absent(cid, "支出总表与财政拨款支出表逐科目核对",
                      *([model.EXPENDITURE] if exp is None else list(_FISCAL_SPLIT)))
        return
    exp_total = _v(exp, _total_row(exp), _main_column(exp))
    fiscal_total = sum(((_v(t, _total_row(t), _main_column(t)).value or ZERO) for t in split), ZERO)
    if exp_total.value is None or exp_total.value != fiscal_total:
        yield Check(cid, CROSS_TABLE, "支出总表含财政拨款以外的资金，逐科目与财政拨款支出表相等的关系不适用",
                    NOT_APPLICABLE, [r for r in [exp_total.ref] if r], fiscal_total, exp_total.value,
                    None if exp_total.value is None else exp_total.value - fiscal_total)
        return
    columns = _value_columns(exp, exp.rows)
    for code in _codes(exp, *split):
        row = exp.row_by_code(code)
        label = (row or next(r for t in split for r in t.rows if r.code == code)).label
        for col in columns:
            parts = [_v(t, t.row_by_code(code), col) for t in split if col in t.column_paths()]
            if parts:
                yield _cross(f"{cid}:{code}:{col}",
                             f"支出总表只有财政拨款资金：科目 {code} {label}“{col}”应等于各财政拨款支出表之和",
                             _v(exp, row, col), parts)
    yield from _basic_total(doc, exp, split)


def _basic_total(doc: _Doc, exp: Table, split: list[Table]):
    """With only allocated money, 支出总表's 基本支出 = the 基本支出表 total (the general budget's basic
    spending, by economic subject) + the other allocation tables' 基本支出."""
    basic = doc.first(model.GPB_BASIC)
    col = _find_column(exp, "基本支出")
    if basic is None or col is None:
        return
    parts = [_v(basic, _total_row(basic), _main_column(basic))]
    for t in split:
        if t.kind != model.GPB_EXPENDITURE and (tcol := _find_column(t, "基本支出")):
            parts.append(_v(t, _total_row(t), tcol) if t.rows else _empty_table_v(t, tcol))
    yield _cross(f"cross:{model.EXPENDITURE}~{model.GPB_BASIC}:基本支出",
                 f"支出总表只有财政拨款资金：合计行“{col}”应等于{basic.title}合计加其他财政拨款支出表的基本支出",
                 _v(exp, _total_row(exp), col), parts)


# 三公 items ← the economic subjects that hold the same spending in the 基本支出表
_THREE_PUBLIC_SUBJECTS = (("公务用车运行维护费", "30231"), ("公务接待费", "30217"), ("因公出国（境）费", "30212"),
                          ("公务用车购置费", "31013"))


def _three_public_vs_basic(doc: _Doc):
    """A 三公 item paid from the general budget includes at least what the 基本支出表 books under the
    matching economic subject (project money may add to it, and no table splits projects by subject):
    equal passes, less fails, more cannot be decided."""
    cid = f"cross:{model.THREE_PUBLIC}~{model.GPB_BASIC}"
    (three, basic), missing = _need(doc, cid, "三公经费与基本支出表经济科目核对", model.THREE_PUBLIC, model.GPB_BASIC)
    if missing:
        yield missing
        return
    col = next((c.path for c in three.columns if "一般公共预算" in c.path), None)
    bcol = _main_column(basic)
    if col is None:
        return
    names = _by_name(three.rows)
    for name, code in _THREE_PUBLIC_SUBJECTS:
        row = names.get(_norm(name))
        if row is None:
            continue
        yield _cross(f"{cid}:{code}", f"“三公”经费表“{row.label}”的一般公共预算列应不少于基本支出表 {code} 科目",
                     _v(three, row, col), [_v(basic, basic.row_by_code(code), bcol)], relation="covers")


# --- narrative: every "label 123.45 万元" in the text against its table cell -----------------------------

_LEADING = [re.compile(p) for p in (
    r"^\d{4}\s*年?度?", r"^(本|当|全)年度?", r"^年度", r"^(我|本)(部门|单位|局|委|办|院|部|中心)",
    r"^[（(]含[^）)]*[）)]", r"^(其中|包括|主要用于|主要为|用于|以及|及|和|与|另|共计|共|安排|日常)")]
_TRAILING = ("共计安排", "预算安排", "安排", "共计", "总额为", "金额为", "为", "是", "达", "计", "总额", "金额")
# Narrative wording → the cells that hold it, in order of preference (a figure passes when it equals any:
# "预算收入" means 收入总计 in some disclosures and 本年收入合计 in others). Row "合计" = the total row;
# column None = the row's overall column. Labels are compared after _norm.
_SYNONYMS: dict[str, list[tuple[str, str, str | None]]] = {}


def _synonyms(labels: tuple[str, ...], *targets: tuple[str, str, str | None]) -> None:
    for label in labels:
        _SYNONYMS[_norm(label)] = list(targets)


_synonyms(("预算收入", "收入预算", "部门预算收入", "收入总计", "预算总收入"),
          (model.SUMMARY, "收入总计", None), (model.SUMMARY, "本年收入合计", None), (model.INCOME, "合计", "合计"))
_synonyms(("预算收支", "收支预算", "预算收支总额"), (model.SUMMARY, "收入总计", None), (model.SUMMARY, "支出总计", None))
_synonyms(("支出预算", "预算支出", "部门预算支出", "支出总计"),
          (model.SUMMARY, "本年支出合计", None), (model.SUMMARY, "支出总计", None), (model.EXPENDITURE, "合计", "合计"))
_synonyms(("一般公共预算收入", "一般公共预算拨款收入", "一般公共预算拨款"),
          (model.SUMMARY, "一般公共预算拨款收入", None), (model.FISCAL_SUMMARY, "一般公共预算拨款", None))
_synonyms(("基金预算收入", "政府性基金收入", "政府性基金预算收入", "政府性基金预算拨款收入"),
          (model.SUMMARY, "政府性基金预算拨款收入", None), (model.FISCAL_SUMMARY, "政府性基金预算拨款", None))
_synonyms(("国有资本经营收入", "国有资本经营预算收入", "国有资本经营预算拨款收入"),
          (model.SUMMARY, "国有资本经营预算拨款收入", None), (model.FISCAL_SUMMARY, "国有资本经营预算拨款", None))
_synonyms(("财政专户核拨收入", "财政专户收入", "财政专户管理资金收入"), (model.SUMMARY, "财政专户管理资金收入", None))
_synonyms(("一般公共预算财政拨款支出", "一般公共预算支出", "一般公共预算拨款支出"), (model.GPB_EXPENDITURE, "合计", "合计"))
_synonyms(("政府性基金预算财政拨款支出", "政府性基金预算支出", "政府性基金支出"), (model.GOV_FUND, "合计", "合计"))
_synonyms(("国有资本经营预算财政拨款支出", "国有资本经营预算支出"), (model.STATE_CAPITAL, "合计", "合计"))
# 机关运行经费 is, by its definition in these disclosures (名词解释), the 公用经费 of the basic spending.
_synonyms(("机关运行经费", "机关运行费"), (model.GPB_BASIC, "合计", "公用经费"))
_synonyms(("三公经费", "财政拨款三公经费"), (model.THREE_PUBLIC, "合计", None))
_synonyms(("固定资产", "上年末固定资产", "固定资产总额", "资产总额"), (model.FIXED_ASSETS, "资产总额", "价值"))
_synonyms(("政府采购预算", "政府采购", "政府采购预算总额"), (model.PROCUREMENT, "合计", None))
# Partial matches: the narrative item is one part of a broader economic subject. 30213 维修（护）费 is
# defined to include 网络信息系统运行与维护费用, so a 网络运行维护费 can be at most that line.
_PARTS: dict[str, list[tuple[str, str, str | None]]] = {
    _norm(label): [(model.GPB_BASIC, "30213", None)] for label in ("网络运行维护费", "网络运行费", "网络信息系统运行维护费")}
# Section headings → the tables their figures come from (the same words name cells in several tables:
# 公务用车运行维护费 is a 三公 item and an economic subject).
_SECTION_KINDS = (("机关运行", (model.GPB_BASIC,)), ("三公", (model.THREE_PUBLIC,)), ("资产", (model.FIXED_ASSETS,)),
                  ("采购", (model.PROCUREMENT,)))
_KIND_ORDER = (model.SUMMARY, model.EXPENDITURE, model.INCOME, model.FISCAL_SUMMARY, model.GPB_EXPENDITURE,
               model.GPB_BASIC, model.GOV_FUND, model.STATE_CAPITAL, model.THREE_PUBLIC, model.FIXED_ASSETS,
               model.PROCUREMENT)
# A figure that names one of these tables' totals scopes the clauses after it, up to the sentence end:
# "一般公共预算财政拨款支出 X 万元，其中基本支出 Y 万元" — Y is that table's 基本支出.
_SCOPING = (model.GPB_EXPENDITURE, model.GOV_FUND, model.STATE_CAPITAL)


@dataclass
class _Target:
    value: _V
    relation: str  # eq | within


def _narrative(doc: _Doc):
    seen: Counter = Counter()
    for passage in doc.parsed.passages:
        for check in _passage_checks(doc, passage):
            seen[check.id] += 1
            if seen[check.id] > 1:
                check.id += f"#{seen[check.id]}"
            yield check


def _passage_checks(doc: _Doc, passage: Passage):
    scope: str | None = None
    for figure in figures_in(passage.text):
        if figure.new_sentence:
            scope = None
        check, target_kind = _figure_check(doc, passage, figure, scope)
        if target_kind in _SCOPING:
            scope = target_kind
        yield check


def _figure_check(doc: _Doc, passage: Passage, f: Figure, scope: str | None):
    resolved = _resolve(doc, f.label, passage.section, scope)
    label = resolved[0] if resolved else _norm(f.label.replace(doc.parsed.document.department, ""))
    cid = f"narrative:{passage.ordinal}:{label or '（无标签）'}"
    figure = f"“{f.label} {f.number} {f.unit}”"

    def unchecked(why: str):
        return Check(cid, NARRATIVE, f"叙述数字{figure}：{why}", UNCHECKED, found=f.value, passage=f.sentence), None

    if f.is_change:
        return unchecked("是增减变化或比较数，表中没有对应单元格")
    if resolved is None:
        return unchecked("表中找不到与该说法对应的单元格")
    _label, kind, targets = resolved
    usable = [t for t in targets if t.value.ref is not None]
    if not usable:
        return unchecked(f"{kind}中没有对应的行")
    unit = _unit_of(doc, usable[0].value.ref)
    if unit and unit != f.unit:
        return unchecked(f"金额单位（{f.unit}）与表格（{unit}）不同")
    best = next((t for t in usable if t.value.value == f.value), usable[0])
    if best.value.value is None:
        return unchecked("对应单元格不是数字")
    where = best.value.ref
    relation_words = "不应超过" if best.relation == "within" else "应等于"
    description = f"叙述数字{figure}{relation_words}{where.table}“{where.row}”行“{where.column}”"
    return _verdict(cid, NARRATIVE, description, [where], best.value.value, f.value, best.relation,
                    passage=f.sentence), kind


def _unit_of(doc: _Doc, ref: CellRef) -> str | None:
    table = next(t for t in doc.tables if t.ordinal == ref.table_ordinal)
    if ref.row_ordinal < 0:
        return table.unit
    cell = table.rows[ref.row_ordinal].cell(ref.column) if ref.row_ordinal < len(table.rows) else None
    return (cell.unit if cell is not None else None) or table.unit


def _label_variants(raw: str, department: str) -> list[str]:
    """The label with filler peeled off, least stripped first: "我部门机关运行经费共计安排" →
    …, "机关运行经费". Only known fillers go, so "拟购置固定资产" never becomes "固定资产"."""
    start = raw.replace(department, "").replace(" ", "")
    seen: list[str] = []
    queue = [start]
    while queue:
        t = queue.pop(0)
        if not t or t in seen:
            continue
        seen.append(t)
        for pat in _LEADING:
            if (m := pat.match(t)) and m.end() > 0:
                queue.append(t[m.end():])
        for suffix in _TRAILING:
            if t.endswith(suffix) and len(t) > len(suffix):
                queue.append(t[:-len(suffix)])
    return seen


def _resolve(doc: _Doc, raw_label: str, section: str, scope: str | None):
    """The first label variant that names a cell: (that label, table kind, candidate targets)."""
    order = list(dict.fromkeys([*([scope] if scope else []),
                                *(k for word, kinds in _SECTION_KINDS if word in section for k in kinds),
                                *_KIND_ORDER]))
    for variant in _label_variants(raw_label, doc.parsed.document.department):
        key = _norm(variant)
        if key in _SYNONYMS:
            targets = [_target(doc, *t, relation="eq") for t in _SYNONYMS[key]]
            targets = [t for t in targets if t is not None]
            if targets:
                return key, targets[0].kind, [t.target for t in targets]
        if key in _PARTS:
            targets = [_target(doc, *t, relation="within") for t in _PARTS[key]]
            targets = [t for t in targets if t is not None]
            if targets:
                return key, targets[0].kind, [t.target for t in targets]
        for kind in order:
            hit = _by_label(doc, kind, key)
            if hit is not None:
                return key, kind, [hit]
    return None


@dataclass
class _Hit:
    kind: str
    target: _Target


def _target(doc: _Doc, kind: str, row_key: str, column: str | None, relation: str) -> _Hit | None:
    table = doc.first(kind)
    if table is None:
        return None
    if not table.rows:  # printed empty ("空表列示"): every amount in it is 0
        return _Hit(kind, _Target(_empty_table_v(table), relation))
    if row_key == "合计":
        row = _total_row(table)
    elif row_key.isdigit():
        row = table.row_by_code(row_key)
    else:
        row = next((r for r in table.rows if _norm(r.label) == _norm(row_key)), None)
    if row is None:
        return None
    col = _find_column(table, column) if column else _main_column(table, row)
    if col is None or row.cell(col) is None:
        return None
    return _Hit(kind, _Target(_v(table, row, col), relation))


def _by_label(doc: _Doc, kind: str, key: str) -> _Target | None:
    """A row of that kind's table with this label (its overall column), or a column of its total row
    with this name ("基本支出", "人员经费")."""
    table = doc.first(kind)
    if table is None or not key:
        return None
    row = next((r for r in table.rows if _norm(r.label) == key and not _is_total_row(r)), None)
    if row is not None:
        col = _main_column(table, row)
        return _Target(_v(table, row, col), "eq") if col else None
    total = _total_row(table)
    if total is not None:
        col = next((c.column for c in total.cells if _norm(_leaf(c.column)) == key), None)
        if col is not None:
            return _Target(_v(table, total, col), "eq")
    return None


# --- performance tables ----------------------------------------------------------------------------------

_COUNT_UNITS = ("次", "场", "批", "期", "轮", "回", "趟")
_PERSON_UNITS = ("人", "名", "位", "人次")
_MONEY_UNIT = re.compile(r"元")


def _performance(doc: _Doc):
    budget_total = _department_total(doc)
    for t in doc.of_kind(model.PERFORMANCE):
        for r in t.rows:
            cell = r.cell("指标值")
            if cell is None or cell.value is None or r.indicator is None:
                continue  # dates, prose, "涉密"
            ref = CellRef(t.title, t.ordinal, r.label, r.ordinal, "指标值", cell.value)
            base = f"perf:{t.ordinal}:{r.ordinal}"
            unit_check = _unit_fit(base, t, r, cell.unit, ref)
            if unit_check is not None:
                yield unit_check
            if r.indicator[1] == "成本指标" and cell.unit and cell.unit.startswith("万元") and "/" not in cell.unit:
                yield _cost_vs_budget(doc, base, t, r, ref, budget_total)


def _unit_fit(base: str, t: Table, r: Row, unit: str | None, ref: CellRef) -> Check | None:
    """Does the unit fit what the indicator counts? 次数 in 次 (not 人), 人数 in 人 (not 次), a 率 or 满意度
    in %, a 成本指标 in money."""
    name = r.label
    main = (unit or "").split("/")[0]
    rule = None
    if r.indicator[1] == "成本指标":
        rule = ("成本指标应以金额（元/万元）计", bool(_MONEY_UNIT.search(unit or "")))
    if "次数" in name:
        rule = ("次数应以次（场、批、期）计", any(u in main for u in _COUNT_UNITS) and main not in ("人", "名", "位"))
    elif "人数" in name:
        rule = ("人数应以人（名、人次）计", main in _PERSON_UNITS)
    elif name.endswith("率") or "率（" in name or "率(" in name or name.endswith("满意度"):
        rule = ("比率和满意度应以 % 计", unit == "%")
    if rule is None:
        return None
    what, fits = rule
    description = f"绩效目标“{t.project}”：指标“{name}”（{'/'.join(r.indicator[:2])}）{what}，实为“{ref.value}{unit or ''}”"
    return Check(f"{base}:单位", PERFORMANCE, description, PASS if fits else FAIL, [ref])


def _department_total(doc: _Doc) -> _V | None:
    exp = doc.first(model.EXPENDITURE)
    if exp is None or _total_row(exp) is None:
        return None
    return _v(exp, _total_row(exp), _main_column(exp))


def _cost_vs_budget(doc: _Doc, base: str, t: Table, r: Row, ref: CellRef, budget_total: _V | None) -> Check:
    """A cost indicator should not exceed the project's budget line. The tables here break spending down by
    subject, not by project, so a line is matched only when a money table lists the project by its exact
    name; otherwise the indicator stays unchecked — except that no cost can exceed the department's whole
    expenditure."""
    line = _project_line(doc, t.project or "")
    if line is not None:
        return _verdict(f"{base}:成本", PERFORMANCE, f"绩效目标“{t.project}”：成本指标“{r.label}”不应超过项目预算",
                        [ref, line.ref], line.value, ref.value, "within")
    if budget_total is not None and budget_total.value is not None and ref.value > budget_total.value:
        return Check(f"{base}:成本", PERFORMANCE, f"绩效目标“{t.project}”：成本指标“{r.label}”超过部门支出总额",
                     FAIL, [ref, budget_total.ref], budget_total.value, ref.value, ref.value - budget_total.value)
    return Check(f"{base}:成本", PERFORMANCE,
                 f"绩效目标“{t.project}”：成本指标“{r.label}”{ref.value}万元，表中没有该项目的预算行可比",
                 UNCHECKED, [ref], found=ref.value)


def _project_line(doc: _Doc, project: str) -> _V | None:
    key = _norm(project)
    for t in doc.of_kind(*_MONEY_KINDS, model.OTHER):
        row = next((r for r in t.rows if key and _norm(r.label) == key), None)
        col = _main_column(t, row) if row is not None else None
        if row is not None and col is not None:
            v = _v(t, row, col)
            if v.value is not None:
                return v
    return None
