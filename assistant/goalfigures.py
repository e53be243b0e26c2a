"""A figure asked from a performance form's goal text: 「菜篮子工程建设专项资金的年度目标里，要储备多少活体生猪」.

A 项目支出绩效目标表 states its 年度目标 (绩效目标, 总体目标) in words with figures inside: 「实现年储备活体生猪
10.8 万头，冻猪肉储备保持在 1000 吨以上，年出栏蛋品 2000 万公斤」. A question asking one of them names what is
counted (活体生猪) and often no measure word (多少活体生猪, not 多少万头), so the readers that need the unit asked
(assistant/perftables.py ``stated``) find none. Here, for a project the question names, each number of its
goal cells is read with the words printed before it in its own clause (from the clause's start or the number
before it) and the measure word printed right after it; the number whose words share most with the question's
is the answer, in the unit the text prints, the cell cited (form, row, page) with the sentence quoted. A
measure word the question does say (多少头) must be the one printed (头, 万头). Nothing shared: no answer.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .vocab import common_run

# Measure words a goal text prints after its figures (data: a new one is a word here); 万/亿 may lead them.
_MEASURES = ("平方米|立方米|公里|千米|公斤|千克|公顷|标箱|人次|户次|小时|分钟|万元|亿元|元|吨|斤|亩|头|只|羽|尾|"
             "米|个|家|人|户|次|场|篇|期|册|条|座|辆|台|套|件|份|所|项|本|株|棵|批|处|天|日|%|％")
_NUMBER = re.compile(rf"(\d+(?:,\d{{3}})*(?:\.\d+)?)\s*((?:万|亿|千)?(?:{_MEASURES}))")
_ASKED = re.compile(r"多少|几")
_ASKED_MEASURE = re.compile(rf"(?:多少|几)\s*((?:万|亿|千)?(?:{_MEASURES}))")
# Words of the question that say nothing about which figure.
_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|预算|决算|年度目标|绩效目标|总体目标|目标|里|中|"
                      r"要|能|将|计划|预计|达到|实现|一共|总共|共|多少|几|是|的|了|吗|呢|[？?，,。（）()“”]")
# The text a goal cell sits in: its row's label or column says 目标.
_GOAL = re.compile(r"目标")


def answer(question: str, q: str, doc) -> Answer | None:
    if not _ASKED.search(q) or not re.search(r"目标", q) and not W.PERF_WORDS.search(q):
        return None
    from .perfforms import forms
    from .perftables import named_forms, named_run
    named = named_forms(q, forms(doc))
    if not named:
        return None
    rest = q
    for name in {f.project for f in named if f.project}:
        run = named_run(q, name)
        rest = rest.replace(run, "|") if run else rest
    from .documents import department_names
    for name in sorted(department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        rest = rest.replace(name, "|")
    keys = [k for k in _GENERIC.sub("|", rest).split("|") if len(k) >= 2]
    if not keys:
        return None
    said = _ASKED_MEASURE.search(q)
    best, best_score = None, 1
    for f in named:
        for row, column, text in _goal_texts(f):
            for sentence in re.split(r"[。；;]", text):
                for n, words in _figures(sentence):
                    unit = n.group(2)
                    if said and not (unit == said.group(1) or unit.endswith(said.group(1))):
                        continue
                    score = sum(r for k in keys if (r := common_run(k, words)) >= 2)
                    if score > best_score:
                        best, best_score = (f, row, column, sentence.strip(), n), score
    if best is None:
        return None
    f, row, column, sentence, n = best
    value, unit = Decimal(n.group(1).replace(",", "")), n.group(2).replace("％", "%")
    page = row.page or f.table.page
    d = doc.document
    cite = Citation(d.label, d.doc_id, f.table.title, row.label, column, page, sentence,
                    table_ordinal=f.table.ordinal, row_ordinal=row.ordinal, kind=f.table.kind, unit=unit)
    text = (f"{f.project or f.table.title}的绩效目标写明：“{sentence}”，即 {n.group(1)} {unit}"
            f"（{f.table.title}，第{page}页）")
    return Answer(question, ANSWERED, text, value, unit, None, [cite])


def _goal_texts(f):
    """(row, column, text) of a form's goal: the goal the form reader found (a long row label, or the cell
    beside 年度目标), and every other long cell of a row or column that says 目标."""
    seen = set()
    if f.goal and f.goal_at:
        row, cell = f.goal_at
        seen.add(f.goal)
        yield row, cell.column if cell else None, f.goal
    for row in f.table.rows:
        for cell in row.cells:
            if len(cell.raw) >= 10 and cell.raw not in seen and _GOAL.search((cell.column or "") + row.label):
                seen.add(cell.raw)
                yield row, cell.column, cell.raw


def _figures(sentence: str):
    """Each number of a sentence with its measure word, and the words printed before it in its clause (from the
    clause's start, or the number before it)."""
    start = 0
    for n in _NUMBER.finditer(sentence):
        clause = max(sentence.rfind(c, start, n.start()) for c in "，,、：:")
        words = sentence[max(start, clause + 1):n.start()]
        start = n.end()
        yield n, re.sub(r"\s+", "", words)
