"""Which documents a question across documents compares: the departments it names (by any name they
answer to, the longest first), each one's document of the year and kind asked, or every department's
when it asks about all of them (「哪个部门」「这几家单位」).

Split from ``across.py`` (which reads and combines each document's figure); this part only chooses.
"""
from __future__ import annotations

import re

from . import execution
from .documents import department_names
from .scope import years_in

# The question is about every department the corpus holds (of a year, of a kind).
ALL = re.compile(r"哪个部门|哪些部门|哪一个部门|哪家单位|哪个单位|哪些单位|各部门|各个部门|所有部门|全部部门|几个部门|"
                 r"部门之间|各单位|哪个局|各家|谁家|[这那]几家|几家单位|公开(?:了)?(?:预算|决算)的部门|部门里|部门中")


def _named(q: str, docs: list) -> list:
    """The documents whose department the question may name, through the corpus's index of names when the
    documents are the corpus's (a question never tests a thousand departments' names one by one)."""
    corpus = getattr(docs[0], "_corpus", None) if len(docs) > 8 else None
    return corpus.named_in(q, docs) if corpus is not None else docs


def named_departments(q: str, docs: list) -> dict[str, list]:
    """Department → its documents, for each department the question names (longest names first, so
    普陀区财政局 does not also name 北京市财政局 through 财政局)."""
    docs = _named(q, docs)
    spans: list[tuple[int, int, str]] = []
    for d in docs:
        for n in department_names(d.document.department, d.document.region):
            start = q.find(n)
            while start >= 0:
                spans.append((start, start + len(n), d.document.department))
                start = q.find(n, start + 1)
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int, set]] = []
    for a, b, dept in spans:
        inside = next((t for t in taken if t[0] <= a and b <= t[1]), None)
        if inside is not None:
            if (inside[0], inside[1]) == (a, b):
                inside[2].add(dept)  # the same words name two departments: both, left to the year to settle
            continue
        if any(a < t[1] and t[0] < b for t in taken):
            continue
        taken.append((a, b, {dept}))
    out: dict[str, list] = {}
    for _, _, depts in sorted(taken):
        if len(depts) == 1:
            dept = next(iter(depts))
            out.setdefault(dept, [d for d in docs if d.document.department == dept])
    return out


def names_said(q: str, docs: list) -> list[str]:
    return sorted({n for d in _named(q, docs) for n in department_names(d.document.department, d.document.region) if n in q},
                  key=len, reverse=True)


def _kind_near(q: str, year: int) -> str | None:
    """预算 or 决算 said right after a year ("2024年决算和2025年预算")."""
    m = re.search(rf"{year}\s*年度?(?:部门)?(预算|决算)", q)
    return m.group(1) if m else None


def pick(docs: list, q: str) -> tuple[list, list[str]]:
    """The documents to compare and, for years asked of a department that has no document for them, what
    is missing. Several departments: each one's document of the year (and kind) asked, else its latest.
    One department: its documents of the years asked."""
    years = sorted(set(years_in(q)))
    kind = "决算" if "决算" in q or execution.ASKS.search(q) else ("预算" if "预算" in q else None)
    named = named_departments(q, docs)
    missing: list[str] = []
    if ALL.search(q) and not named:
        pool = [d for d in docs if not years or d.document.year in years]
        if kind and not (len(years) > 1):
            pool = [d for d in pool if d.document.kind == kind] or pool
        by_dept: dict[str, list] = {}
        for d in pool:
            by_dept.setdefault(d.document.department, []).append(d)
        return [max(ds, key=lambda d: (d.document.year, d.document.kind == (kind or "预算"))) for ds in by_dept.values()], []
    if len(named) >= 2:
        chosen = []
        for dept, ds in named.items():
            fit = [d for d in ds if not years or d.document.year in years]
            if kind:
                fit = [d for d in fit if d.document.kind == kind] or fit
            if not fit:
                missing.append(f"{dept} {'、'.join(map(str, years))} 年的文件（语料库没有）")
                continue
            chosen.append(max(fit, key=lambda d: d.document.year))
        return chosen, missing
    if len(named) == 1 and len(years) >= 2:
        dept, ds = next(iter(named.items()))
        chosen = []
        for y in years:
            k = _kind_near(q, y)
            fit = [d for d in ds if d.document.year == y and (k is None or d.document.kind == k)]
            if not fit:
                missing.append(f"{dept} {y} 年{k or ''}的文件（语料库没有）")
                continue
            chosen.append(fit[0])
        return chosen, missing
    return [], []
