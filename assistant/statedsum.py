"""A sum of the figures the narrative states after one clause it repeats, the clause said by the question.

「普陀区财政局2024年政府采购中，由中小企业供应商中标或成交的金额一共有多少？」: the 决算 说明 states
「在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元；…在其他政府采购项目
中，由中小企业供应商中标或成交的，采购金额4.79万元」 — the clause the question says (由中小企业供应商中标或成交)
stands before a figure twice, and 一共 asks them together. Read only where no table line answers (the question
names no line), the clause said is long (ten characters or more, not the department's or a year's words), it
occurs at least twice on one page of the narrative, and each occurrence has its amount in the same clause
(before the next 。 or ；). Each figure is cited with its passage; the formula is shown.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import ANSWERED, Answer, Citation

_SUM = re.compile(r"一共|合计|加起来|加在一起|总共|共计|合起来|之和|总和")
_AMOUNT = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)")
_MIN = 10
_NEAR = 30  # the amount follows the clause within this many characters, in the same clause


def _pages(doc):
    pages: dict[int, list] = {}
    for p in doc.passages:
        pages.setdefault(p.page, []).append(p)
    for page, ps in pages.items():
        yield page, ps, "".join(re.sub(r"\s+", "", p.text or "") for p in ps)


def _said(q: str, text: str, department: str) -> str | None:
    """The longest stretch of the question (Chinese words only) the page states twice or more."""
    for n in range(min(len(q), 40), _MIN - 1, -1):
        for i in range(len(q) - n + 1):
            s = q[i:i + n]
            if not re.fullmatch(r"[\u4e00-\u9fff，、]+", s) or s in department or _SUM.search(s):
                continue
            if text.count(s) >= 2:
                return s
    return None


def answer(question: str, q: str, doc) -> Answer | None:
    if not _SUM.search(q):
        return None
    department = doc.document.department
    for page, passages, text in _pages(doc):
        said = _said(q, text, department)
        if said is None:
            continue
        figures: list[tuple[Decimal, str, str]] = []
        for m in re.finditer(re.escape(said), text):
            after = re.split(r"[。；;]", text[m.end():m.end() + _NEAR])[0]
            amount = _AMOUNT.search(after)
            if amount is None:
                return None  # the clause said once without its figure: no sum of it
            figures.append((Decimal(amount.group(1).replace(",", "")), amount.group(2), after[:amount.end()]))
        units = {u for _, u, _ in figures}
        if len(figures) < 2 or len(units) != 1:
            return None
        unit = units.pop()
        result = arith.total([v for v, _, _ in figures])
        cites = []
        for _, _, clause in figures:
            p = next((p for p in passages if clause[-12:] in re.sub(r"\s+", "", p.text or "")), passages[0])
            cites.append(Citation(doc.document.label, doc.document.doc_id, None, None, None, page,
                                  f"{said}{clause}", section=p.section))
        listed = "；".join(f"“{said}{clause}”" for _, _, clause in figures)
        text_out = (f"文件说明（第{page}页）{len(figures)} 处说到“{said}”的金额，合计 "
                    f"{arith.with_unit(result.value, unit)}：{listed}")
        return Answer(question, ANSWERED, text_out, result.value, unit, result.formula, cites)
    return None
