"""绩效目标表: one per project, indicator rows with 一级/二级指标 filled down and values parsed."""
from __future__ import annotations

import re

from . import model
from .model import Cell, Column, Row, Table
from .values import clean, indicator

HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
_VALUE = HEADER.index("指标值")
_PLAN_YEAR = re.compile(r"(20\d{2})\s*年?\s*(度)?\s*工作计划")
_TITLE_YEAR = re.compile(r"(20\d{2})\s*年")


def _fields(raw: str) -> list[str]:
    return [clean(f) for f in raw.split("\t")]


def build_performance_table(title: str, ordinal: int, lines: list[tuple[int, str]]) -> Table:
    project = re.sub(r"\s*绩效目标表$", "", clean(title)).strip() or clean(title)
    table = Table(ordinal=ordinal, title=clean(title), kind=model.PERFORMANCE, project=project,
                  columns=[Column(ordinal=k, path=h) for k, h in enumerate(HEADER)])
    goal_parts: list[str] = []
    level1_seen: set[str] = set()
    level2_seen: set[str] = set()
    last = ["", "", ""]
    after_header_repeat = False
    seen_header = False
    for line_no, raw in lines:
        f = _fields(raw)
        if f[0].startswith("绩效目标"):
            goal_parts.append(" ".join([f[0][len("绩效目标"):].strip()] + [x for x in f[1:] if x]).strip())
            continue
        if f[:2] == HEADER[:2]:
            after_header_repeat = seen_header
            seen_header = True
            continue
        f = (f + [""] * len(HEADER))[:len(HEADER)]
        # A row printed one cell short ("成本指标\t人才下乡\t…"): its first cell is a 二级指标.
        if f[0] in level2_seen and f[0] not in level1_seen and not f[-1]:
            f = [""] + f[:-1]
        if after_header_repeat and table.rows and not any(f[:3]) and not f[_VALUE]:
            _continue_row(table.rows[-1], f)  # text cut at the page break
            after_header_repeat = False
            continue
        after_header_repeat = False
        if not any(f):
            continue
        level1 = f[0] or last[0]
        level2 = f[1] or last[1]
        level3 = f[2]
        level1_seen.add(level1)
        level2_seen.add(level2)
        last = [level1, level2, level3]
        row = Row(ordinal=len(table.rows), label=level3 or f[3], indicator=(level1, level2, level3),
                  line=line_no)
        for k in (3, 4, 5):
            row.cells.append(_cell(HEADER[k], f[k]))
        table.rows.append(row)
    table.goal = re.sub(r"。{2,}", "。", " ".join(p for p in goal_parts if p)) or None
    table.target_year = _year(table, title)
    return table


def _cell(column: str, raw: str) -> Cell:
    if column != "指标值":
        return Cell(column=column, raw=raw, blank=not raw)
    cmp, number, unit = indicator(raw)
    return Cell(column=column, raw=raw, value=number, blank=not raw, unit=unit, comparator=cmp)


def _continue_row(prev: Row, f: list[str]) -> None:
    for k in (3, 4, 5):
        if f[k]:
            c = prev.cell(HEADER[k])
            c.raw += f[k]
            c.blank = False
            if k == _VALUE:
                c.comparator, c.value, c.unit = indicator(c.raw)
    if f[2]:
        prev.label += f[2]


def _year(table: Table, title: str) -> int | None:
    """The year a table belongs to: the 依据 column names the work plan it follows (2022 or 2023 工作计划).

    When a table cites plans of two years, the later one wins: a new table may copy last year's
    citation, an old table cannot cite next year's plan.
    """
    years = [int(m.group(1)) for r in table.rows
             for c in r.cells if c.column == "指标值确定依据" and (m := _PLAN_YEAR.search(c.raw))]
    if years:
        return max(years)
    m = _TITLE_YEAR.search(title)
    return int(m.group(1)) if m else None
