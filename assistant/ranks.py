"""Rankings the row-set ranking does not cover: the projects of a 项目支出表 (「哪个项目的预算最多」), and the
parts of a table's total printed as columns (「“三公”经费中哪一项最多」: 因公出国（境）费 | 公务用车购置及运行费 |
公务接待费). Every amount is a stored cell, the order shown, each cited.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from .answer import ANSWERED, Answer, Chart, ChartBar
from .concepts import column_concept, stage_of
from .corpus import CellRef, default_column, plain_label, total_row, unit_of
from . import wording as W
from .vocab import common_run

_PROJECTS = re.compile(r"(?:哪个|哪一个|哪项|哪一项|什么)项目|项目(?:里|中|之中)?(?:哪个|哪一个|哪项|哪一项)|项目.{0,6}(?:排|最|第[二三四五]大)|最(?:大|多|高|少|小|低)的项目|"
                       # 「排前三的项目」「前几名的项目」「前3个项目」: the first few projects (assistant/topn.py)
                       r"前\s*(?:[两二三四五六七八九十几]|\d{1,2})\s*(?:名|位|大|个|项)?的?(?:项目|个项目)")
_TOTAL = re.compile(r"合计|小计|总计")
# A table whose total is the sum of named parts printed as columns.
_PARTS_OF = {model.THREE_PUBLIC: ("因公出国（境）费", "公务用车购置及运行费", "公务接待费")}
_NAMED = {model.THREE_PUBLIC: "三公"}  # the word that names such a total in a question


def _order(q: str):
    from .topn import asked
    less = bool(re.search(r"最(少|低|小)", q))
    nth = re.search(r"第([二三四五])", q) if not asked(q) else None
    return less, ("一二三四五".index(nth.group(1)) if nth else 0)


def _answer(question, q, items: list[CellRef], what: str, label) -> Answer | None:
    from . import excluding  # 「除了X，哪个最大」: X left out of the ranking, said (assistant/excluding.py)
    items, aside = excluding.split(q, items, lambda c: c.row.label)
    less, k = _order(q)
    items = sorted(items, key=lambda c: c.value, reverse=not less)
    if k >= len(items):
        return None
    top = items[k]
    unit = unit_of(top)
    place = f"第{k + 1}" if k else ("最少" if less else "最多")
    ranking = "；".join(f"{i + 1}. {label(c)} {arith.with_unit(c.value, unit_of(c))}" for i, c in enumerate(items))
    from . import topn  # 「排前三的项目」: the first few in order, each with its figure (assistant/topn.py)
    if (top_n := topn.asked(q)) and not k:
        entries = [f"{label(c)} {arith.with_unit(c.value, unit_of(c))}（{c.where()}）" for c in items]
        text = topn.said(what, top_n, less, entries, ranking) + excluding.note(aside)
    else:
        text = (f"{what}中{place}的是{label(top)}：{arith.with_unit(top.value, unit)}（{top.where()}）"
                f"{excluding.note(aside)}。排序：{ranking}")
    calc = (" < " if less else " > ").join(arith.fmt(c.value) for c in items)
    chart = Chart(what, unit, tuple(ChartBar(label(c), c.value) for c in items))
    return Answer(question, ANSWERED, text, top.value, unit, calc, [top.citation()] + [c.citation() for c in items
                                                                                      if c is not top] +
                  [c.citation() for c in aside], chart=chart)


def projects(question: str, q: str, doc) -> Answer | None:
    """The projects of the department's 项目支出表, ranked by their total (group rows that only add up the
    projects below them are left out)."""
    if not _PROJECTS.search(q) or re.search(r"项级|科目|绩效", q):
        return None
    from .wholeparts import ranked  # 「管养维护项目里哪一块最多」: one project's parts the narrative states
    if (ans := ranked(question, q, doc)) is not None:
        return ans
    table = next((t for t in doc.tables if t.kind == model.PROJECT and t.rows), None)
    if table is None:
        return None
    col = default_column(table)
    rows = [r for r in table.rows if col and r.cell(col) is not None and r.cell(col).value is not None
            and not _TOTAL.search(r.label)]
    rows, unit = _unit_scope(q, rows, doc.document.department)
    values = [r.cell(col).value for r in rows]
    # A group row (a unit, 专用项目 …) adds up the projects below it; read from the bottom, so a group over
    # groups (单位 → 专用项目 → projects) adds up the projects alone.
    # One project equal to the next is no group of it, unless the row is a unit's (it prints a code).
    header = [False] * len(rows)
    for i in range(len(rows) - 1, -1, -1):
        running, parts = 0, 0
        for j in range(i + 1, len(rows)):
            if header[j]:
                continue
            running, parts = running + values[j], parts + 1
            if running == values[i] and (parts >= 2 or rows[i].code):
                header[i] = True
                break
            if running > values[i]:
                break
    leaves = [CellRef(doc.document, table, r, r.cell(col)) for i, r in enumerate(rows) if not header[i] and values[i]]
    if len(leaves) < 2:
        return None
    # A name several units' projects share (专项工作经费 under each unit): said with the group row above it.
    said = [plain_label(c.row.label) for c in leaves]
    group = {}
    for i, r in enumerate(rows):
        above = next((rows[j] for j in range(i - 1, -1, -1) if header[j]), None)
        if above is not None and said.count(plain_label(r.label)) > 1:
            group[id(r)] = f"{plain_label(r.label)}（{plain_label(above.label)}）"
    return _answer(question, q, leaves, f"{table.title}所列{unit + '的' if unit else ''}项目",
                   lambda c: group.get(id(c.row), plain_label(c.row.label)))


def _unit_scope(q: str, rows: list, department: str) -> tuple[list, str]:
    """「讲师团哪个项目最多」: the projects under the unit the question names (the rows after its coded row,
    up to the next unit's), not the whole department's."""
    coded = [r for r in rows if r.code]
    longest = max((len(r.code) for r in coded), default=0)
    units = [r for r in coded if len(r.code) == longest and plain_label(r.label) != department]
    for r in units:
        label = plain_label(r.label)
        k = next((i for i, (a, b) in enumerate(zip(label, department)) if a != b), min(len(label), len(department)))
        distinct = label[k:] if len(label) - k >= 2 else label
        if common_run(q, distinct) >= max(2, 0.6 * len(distinct)):
            at = rows.index(r)
            end = next((j for j in range(at + 1, len(rows)) if rows[j].code and len(rows[j].code) <= longest), len(rows))
            return rows[at:end], label
    return rows, ""


def parts(question: str, q: str, doc, hint: str | None) -> Answer | None:
    """「“三公”经费中哪一项最多」: the parts of the table's total row, read by column meaning."""
    if hint not in _PARTS_OF:
        hint = next((kind for kind, word in _NAMED.items() if word in q), None)
    if hint not in _PARTS_OF or not re.search(r"哪(?:一)?(?:项|个|种)|最(?:多|少|高|低|大|小)", q):
        return None
    table = next((t for t in doc.tables if t.kind == hint and t.rows), None)
    if table is None:
        return None
    total = total_row(table, default_column(table))
    if total is None:
        return None
    # A 决算 prints each part's 预算数 beside its 决算数: the 决算数 is what was spent, unless 预算 is asked.
    stage = "预算" if doc.document.kind != "决算" or re.search(r"预算数|年初预算|全年预算|调整预算", q) else "决算"
    found = {}
    for c in sorted(total.cells, key=lambda c: stage_of(c.column) not in (stage, None)):
        concept = column_concept(table, c.column, doc.document.year)
        if concept in _PARTS_OF[hint] and concept not in found and c.value is not None:
            found[concept] = CellRef(doc.document, table, total, c)
    if len(found) < 2:
        return None
    named = _named(q, doc, table, total, stage)
    if len(named) >= 2:  # 「出国费和接待费哪个多」: the columns named are compared, not every part ranked
        return _compared(question, q, named)
    names = {id(ref): concept for concept, ref in found.items()}
    return _answer(question, q, list(found.values()), table.title, lambda c: names[id(c)])


def _named(q: str, doc, table, total, stage: str) -> list[tuple[str, CellRef]]:
    """The total row's columns the question names by any word of theirs, in the question's order; a word said
    inside a longer name of another column (公务用车 in 公务用车运行维护费) names that column only."""
    from .synonyms import MEANINGS
    from .vocab import normalize
    spans = {}
    for c in sorted(total.cells, key=lambda c: stage_of(c.column) not in (stage, None)):
        concept = column_concept(table, c.column, doc.document.year)
        if concept is None or concept in spans or concept in ("合计", "三公经费") or c.value is None:
            continue
        leaf = c.column.split("/")[-1]  # a header's own words, unless it is a 小计 that names nothing
        words = {normalize(w) for w in (concept, *MEANINGS.get(concept, ()), leaf) if len(w) >= 2 and not _TOTAL.search(w)}
        hits = [(q.find(w), q.find(w) + len(w)) for w in words if w in q]
        if hits:
            spans[concept] = (max(hits, key=lambda h: h[1] - h[0]), CellRef(doc.document, table, total, c))
    inside = {k for k, (span, _) in spans.items()
              if any(x <= span[0] and span[1] <= y and (x, y) != span for (x, y), _ in spans.values())}
    kept = sorted(((span, k, ref) for k, (span, ref) in spans.items() if k not in inside), key=lambda v: v[0])
    return [(k, ref) for _, k, ref in kept]


def _compared(question: str, q: str, named: list[tuple[str, CellRef]]) -> Answer:
    """The columns named, the larger (or smaller, as asked) said first, every figure shown and cited."""
    said = W.COMPARE.search(q) or W.RANK.search(q)
    less = bool(said and re.search(r"少|低|小", said.group(0)))
    name, best = (min if less else max)(named, key=lambda n: n[1].value)
    calc = (" < " if less else " > ").join(arith.fmt(c.value) for _, c in
                                           sorted(named, key=lambda n: n[1].value, reverse=not less))
    shown = "；".join(f"{k} {arith.with_unit(c.value, unit_of(c))}（{c.where()}）" for k, c in named)
    text = f"{name}更{'少' if less else '多'}：{arith.with_unit(best.value, unit_of(best))}（{shown}）"
    return Answer(question, ANSWERED, text, best.value, unit_of(best), calc,
                  [best.citation()] + [c.citation() for _, c in named if c is not best])
