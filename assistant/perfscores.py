"""A project's self-evaluation score where the narrative states it otherwise than the project's form.

A 决算 prints each project's 绩效自评表 with its 总分 row, and its narrative sums the same evaluation up in a
sentence naming the project: 「3.信息化运行维护项目绩效自评综述：…项目自评得分为 88.5 分」. Most agree (98.0 on
the page, 98 in the form); when they do not (88.5 in the text, 90.5 in the form), whichever the engine reads
first would be answered alone and the other silently dropped. Here a question asking a named project's score
(得分, 评分, 总分, 多少分) is read against both: the form's 总分 (the form chosen as assistant/perftables.py
chooses it) and every narrative sentence that names that project whole, speaks of its evaluation (自评 in the
sentence or its section, for a 自评表) and states a score in 分. Any disagreeing figure makes the answer
ambiguous, each reading named with its figure and cited (the form's row and page, each sentence and its page).
Where they agree, or either side is missing, nothing is added and the answering families read as before.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import ParsedDocument

from . import wording as W
from .answer import AMBIGUOUS, Answer, Citation

# A score stated in words: 「项目自评得分为 88.5 分」, 「综合得分 83.06 分」, 「总分94.5分」.
_STATED = re.compile(r"(?:得分|评分|总分)(?:为|是|：|:)?(\d+(?:\.\d+)?)分")
# A question about one indicator's score (满意度得了几分) asks that row, not the form's total.
_INDICATOR = re.compile(r"指标|满意度|率")


def answer(question: str, q: str, doc: ParsedDocument, index=None) -> Answer | None:
    from .perftables import _SCORE, _cjk, _cite_cell, named_forms, named_run
    if not _SCORE.search(q) or W.RANK.search(q) or W.COMPARE.search(q) or W.COUNT.search(q) or re.search(r"哪|谁", q):
        return None  # which project scored higher, how many scored: no one project's score looked up
    if index is not None and not index.content:
        return None  # no form prints a total
    from .perfforms import forms
    named = [f for f in named_forms(q, forms(doc)) if f.total is not None]
    if not named or len({f.total[1].value for f in named}) != 1:
        return None  # no form's total, or several forms' totals: the forms' reader says what it can
    f = named[0]
    name = _cjk(f.project)
    run = named_run(q, f.project)  # the project's words said: what is left must not name an indicator
    rest = q.replace(run, "|") if run else q
    if _INDICATOR.search(rest):
        return None
    row, cell = f.total
    longer = {_cjk(g.project) for g in forms(doc) if name in _cjk(g.project) and len(_cjk(g.project)) > len(name)}
    said = list(_stated(doc, name, longer, f.table.kind == model.SELF_EVALUATION))
    differ = [s for s in said if s[0] != cell.value]
    if not differ:
        return None
    agree = [s for s in said if s[0] == cell.value]
    page = row.page or f.table.page
    form = f"按绩效自评表：{f.project}{row.label} {cell.raw.strip()} 分（{f.table.title}，{row.label}行，第{page}页）"
    if agree:
        form += "，正文" + "、".join(dict.fromkeys(f"第{p}页" for _, _, p, _, _ in agree if p)) + "亦写作 " + \
            "、".join(dict.fromkeys(f"{n} 分" for _, n, _, _, _ in agree))
    readings = [form] + [f"按正文所写：{n} 分（第{p}页：“{s}”）" for _, n, p, s, _ in differ]
    text = (f"“{f.project}”的绩效自评得分，表格与正文印出的数不一致：" + "；".join(readings) +
            "。两种读法都列出，未作取舍，请以原文核对。")
    d = doc.document
    cites = [_cite_cell(doc, f.table, row, cell)] + \
        [Citation(d.label, d.doc_id, None, None, None, p, s, section, unit="分") for _, _, p, s, section in differ]
    return Answer(question, AMBIGUOUS, text, None, None, None, cites, readings=readings)


def _stated(doc: ParsedDocument, name: str, longer: set[str], self_evaluation: bool):
    """(value, number as printed, page, sentence, section) of each narrative sentence naming the project whole and
    stating its score; of a 自评表's project, only sentences about 自评 (the sentence or its section says so) —
    an outside evaluation's 综合得分 is another score. ``longer``: other projects' names holding this one
    (运行维护 in 信息化运行维护): a sentence naming one of them is about that project."""
    for p in doc.passages:
        text = re.sub(r"(?<=[\u4e00-\u9fff\d.])\s+(?=[\u4e00-\u9fff\d.])", "", p.text)
        for sentence in re.split(r"[。；;！!]", text):
            words = re.sub(r"[^\u4e00-\u9fff]", "", sentence)
            if name not in words or any(x in words for x in longer):
                continue
            if self_evaluation and "自评" not in sentence and "自评" not in (p.section or ""):
                continue
            for m in _STATED.finditer(re.sub(r"\s+", "", sentence)):
                yield Decimal(m.group(1)), m.group(1), p.page, sentence.strip(), p.section
