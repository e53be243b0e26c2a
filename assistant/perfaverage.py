"""The average score of the projects a department evaluated: 「做绩效自评的那几个项目，平均得分是多少」,
「自评项目平均每个得了几分」, 「绩效自评的平均分」.

A 决算's narrative often states it beside the count (「绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均
得分99.43分」): that sentence is the answer, quoted and cited. Where no sentence states an average but the
document prints the projects' 绩效自评表 each with its 总分, the mean of those totals is computed (Σ ÷ n, with
the formula and each form's total cited) and said to be computed from the forms. The count of the projects
(assistant/projectcounts.py), one project's score (assistant/perfscores.py) or a sentence's first number is no
answer to an average: the question's 「几个项目」 names whose average, not what is asked.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ingest import model

from .answer import AMBIGUOUS, ANSWERED, Answer, Citation

# An average of scores asked: 平均 and, a few words on, a score (得分, 分数, 几分); or 平均分 said whole.
ASKS = re.compile(r"平均分|平均.{0,10}?(?:得分|分数|评分|评了?几分|得了?几分|多少分|几分)")
# An average score the text states: 「平均得分99.43分」, 「平均分为 92 分」, 「平均评分 95.2」.
_STATED = re.compile(r"平均(?:得分|分数|评分|分)?(?:为|是|达到|达|：|:)?\s*(\d+(?:\.\d+)?)\s*分?")
# A sentence about the department's evaluation (a score stated elsewhere, a 满意度 average, is not one).
_ABOUT = re.compile(r"自评|评价|绩效")
# The department-wide form is no project: its 总分 is not averaged with the projects'.
_WHOLE = re.compile(r"整体")
# The forms an answer's text names (every one stays in the formula and the citations).
SHOWN = 10


# An indicator's own average (满意度平均得分, 平均分≥90 as a target): a form's row, not the projects' average.
_INDICATOR = re.compile(r"满意度|指标|目标")


def answer(question: str, q: str, doc) -> Answer | None:
    if not ASKS.search(q) or _INDICATOR.search(q):
        return None
    from .perfforms import forms
    from .perftables import named_forms
    if named_forms(q, forms(doc)):
        return None  # one project named: its own figures (assistant/perftables.py), not the projects' average
    return _stated(question, doc) or _mean(question, q, doc)


def _stated(question: str, doc) -> Answer | None:
    found: list[tuple[Decimal, str, object]] = []
    for p in doc.passages:
        text = re.sub(r"\s+", "", p.text)
        for sentence in re.split(r"[。；;]", text):
            if not _ABOUT.search(sentence + (p.section or "")):
                continue
            for m in _STATED.finditer(sentence):
                if not (m.group(0).endswith("分") or "得分" in m.group(0) or "评分" in m.group(0)):
                    continue  # 「平均每辆 2.71 万元」: an average of something else
                found.append((Decimal(m.group(1)), sentence, p))
    if not found:
        return None
    cites, seen = [], set()
    for v, s, p in found:
        if (v, p.page) not in seen:
            seen.add((v, p.page))
            cites.append(Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, s, section=p.section))
    values = list(dict.fromkeys(v for v, _, _ in found))
    if len(values) > 1:  # two averages stated: both readings, never one chosen
        readings = [next(f"{v} 分（第{p.page}页：“{s}”）" for w, s, p in found if w == v) for v in values]
        return Answer(question, AMBIGUOUS, "文中说明的平均得分不止一个：" + "；".join(readings) + "。请以原文核对。",
                      None, None, None, cites, readings=readings)
    v, s, p = found[0]
    where = f"{p.section}{f'，第{p.page}页' if p.page else ''}"
    return Answer(question, ANSWERED, f"平均得分 {v} 分。文中说明：“{s}”（{where}）", v, "分", None, cites[:1])


def _mean(question: str, q: str, doc) -> Answer | None:
    from .perfforms import forms
    scored = [f for f in forms(doc) if f.total is not None and f.table.kind == model.SELF_EVALUATION
              and not _WHOLE.search(f.project or f.table.title)]
    if len(scored) < 2:
        return None  # one form's total is that project's score (perfscores, perftables), not an average
    values = [f.total[1].value for f in scored]
    total = sum(values, Decimal(0))
    mean = (total / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    formula = f"({' + '.join(format(v, 'f') for v in values)}) ÷ {len(values)} = {format(mean, 'f')}"
    cites = []
    for f in scored:
        row, cell = f.total
        cites.append(Citation(doc.document.label, doc.document.doc_id, f.table.title, row.label, cell.column,
                              row.page or f.table.page, cell.raw, table_ordinal=f.table.ordinal,
                              row_ordinal=row.ordinal, kind=f.table.kind, unit="分"))
    listed = "；".join(f"{f.project} {f.total[1].raw.strip()} 分（第{f.total[0].page or f.table.page}页）"
                      for f in scored[:SHOWN]) + (f"；…共 {len(scored)} 张，每张的总分见来源" if len(scored) > SHOWN else "")
    text = (f"正文没有说明平均得分；按文件印出的 {len(scored)} 张项目绩效自评表的总分计算，平均 {format(mean, 'f')} 分"
            f"（{listed}）")
    return Answer(question, ANSWERED, text, mean, "分", formula, cites)
