"""Performance targets (绩效目标表): does an indicator's unit fit what it counts, and can a cost indicator
be as large as it says."""
from __future__ import annotations

import re

from ingest import model, templates
from ingest.model import Row, Table

from .core import FAIL, PASS, PERFORMANCE, UNCHECKED, CellRef, Check, Term, judge, norm
from .doc import Doc

_COUNT_UNITS = ("次", "场", "批", "期", "轮", "回", "趟")
_PERSON_UNITS = ("人", "名", "位", "人次")
_MONEY_UNIT = re.compile(r"元")


def performance(doc: Doc):
    budget_total = _department_total(doc)
    for t in doc.of_kind(model.PERFORMANCE):
        for r in t.rows:
            cell = r.cell("指标值")
            if cell is None or cell.value is None or r.indicator is None:
                continue  # dates, prose, "涉密"
            ref = CellRef(doc.document, t, r, cell, cell.unit)
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


def _department_total(doc: Doc) -> Term | None:
    exp = doc.functional(model.EXPENDITURE)
    if exp is None or doc.total_row(exp) is None:
        return None
    return doc.total_term(exp)


def _cost_vs_budget(doc: Doc, base: str, t: Table, r: Row, ref: CellRef, budget_total: Term | None) -> Check:
    """A cost indicator should not exceed the project's budget line. The tables here break spending down by
    subject, not by project, so a line is matched only when a money table lists the project by its exact
    name; otherwise the indicator stays unchecked — except that no cost can exceed the department's whole
    expenditure."""
    stated = Term(ref.value, ref, True, "万元", None)
    line = _project_line(doc, t.project or "")
    if line is not None:
        return judge(f"{base}:成本", PERFORMANCE, f"绩效目标“{t.project}”：成本指标“{r.label}”不应超过项目预算",
                     [ref, line.ref], stated, [line], "within")
    if budget_total is not None and budget_total.value is not None:
        check = judge(f"{base}:成本", PERFORMANCE, f"绩效目标“{t.project}”：成本指标“{r.label}”超过部门支出总额",
                      [ref, budget_total.ref], stated, [budget_total], "within")
        if check.verdict == FAIL:
            return check
    return Check(f"{base}:成本", PERFORMANCE,
                 f"绩效目标“{t.project}”：成本指标“{r.label}”{ref.value}万元，表中没有该项目的预算行可比",
                 UNCHECKED, [ref], found=ref.value, unit="万元")


def _project_line(doc: Doc, project: str) -> Term | None:
    key = norm(project)
    for t in doc.of_kind(*templates.money_kinds(), model.OTHER):
        row = next((r for r in t.rows if key and norm(r.label) == key), None)
        col = doc.main_column(t, row) if row is not None else None
        if row is not None and col is not None:
            v = doc.term(t, row, col)
            if v.value is not None:
                return v
    return None
