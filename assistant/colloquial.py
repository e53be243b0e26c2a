"""A colloquial word that fits several lines with different figures: 「养老方面花了多少钱」, 「运行费是多少」.

The word the question says is not a line's printed name but a piece of it (养老 in 行政事业单位养老支出, 运行费
under 公务用车购置及运行费): where other lines print that piece too — in the other classification (30108 机关事
业单位基本养老保险缴费 beside 20805 行政事业单位养老支出) or as another thing altogether (机关运行经费, 2040601 行政
运行 beside the vehicles' 运行费) — with other figures, the question has several readings: each is named with its
figure and the question is asked back. A line under one read already (2080505 under 20805) is no reading of
its own, nor is a figure equal to one read. Names a question says in full, or words a synonym maps to a line
whose name does not hold them (养公车), are left to the tables.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from .answer import AMBIGUOUS, Answer
from .corpus import TABLE_PRIORITY, CellRef, default_column, plain_label, same_amount, total_row, unit_of

# What a question adds to the piece of a name it says: 「养老方面」, 「养老这块」, 「运行的钱」.
_TAIL = re.compile(r"(?:方面|这块|这一块|一块|领域|相关|类|上)?(?:的)?(?:钱|费用|开支|花销|支出|经费|费)?$")
_MONEY_NAME = re.compile(r"费|经费|支出|缴费|运行")
_MAX = 4
# The word said with nothing before it but the department and the year (「普陀区司法局2026年的运行费」).
_UNQUALIFIED = re.compile(r"(?:(?:19|20)\d{2}\s*年度?|\d{2}年|今年|去年|本年度?|明年)\s*(?:部门)?(?:预算|决算)?$")
# Tables whose lines are no reading of a spending word: the text's figures, purchases, forms, unread layouts.
_SKIP = (model.NARRATIVE, model.PROCUREMENT, model.PERFORMANCE, model.SELF_EVALUATION,
         model.OVERALL_PERFORMANCE, model.OTHER, model.INSTITUTIONS, model.FIXED_ASSETS, model.SERVICES)


def _stem(text: str) -> str:
    return _TAIL.sub("", text)


def _under(a, b, t_a, t_b) -> bool:
    """Is row a printed under row b (same classification, its code extends b's)?"""
    return bool(a.code and b.code and a.code != b.code and a.code.startswith(b.code) and
                a.code_kind == b.code_kind)


def _lines(doc, stem: str) -> list[CellRef]:
    """Every line (a row, or a column's total) whose printed name holds the stem, once per name."""
    out, seen = [], set()
    rank = {k: i for i, k in enumerate(TABLE_PRIORITY)}
    for t in sorted(doc.tables, key=lambda t: rank.get(t.kind, len(rank))):  # the expenditure tables first
        if t.kind in _SKIP:
            continue
        col = default_column(t, None)
        for r in t.rows:
            label = plain_label(r.label or "")
            if stem not in label or not _MONEY_NAME.search(label) or label in seen or not col:
                continue
            c = r.cell(col) or next((x for x in r.cells if x.value is not None), None)
            if c is None or c.value is None or c.blank:
                continue
            seen.add(label)
            out.append(CellRef(doc.document, t, r, c))
        tot = total_row(t, col) if col else None
        if tot is None:
            continue
        for c in tot.cells:
            last = c.column.split("/")[-1]
            if stem in last and last not in seen and c.value is not None and not c.blank and _MONEY_NAME.search(last):
                seen.add(last)
                out.append(CellRef(doc.document, t, tot, c))
    return out


def readings(question: str, q: str, doc, measure, ref: CellRef) -> Answer | None:
    """The one line a colloquial word was read as, and the others it fits: ambiguous, each named."""
    said = measure.text
    stem = _stem(said)
    before = re.sub(r"(?:的|里的?|中的?|方面的?)$", "", q[:measure.position]) if 0 <= measure.position <= len(q) else q
    if before and not _UNQUALIFIED.search(before) and not before.endswith(doc.document.department):
        return None  # 「给单位车子加油修车这些的运行费用」: the question says what it means the word of
    if len(stem) < 2 or re.search(r"\d", stem):
        return None
    column_only = measure.rows is None and measure.column is not None
    if column_only:
        parts = ref.cell.column.split("/")
        # 「运行费」 of 「公务用车购置及运行费/运行费」: the word is the sub-column's, its parent names what it is of
        if len(parts) < 2 or parts[-1] != said or said not in parts[-2] or \
                any(w in q for w in re.findall(r"[\u4e00-\u9fff]{2}", parts[-2].replace(said, ""))):
            return None
        stem = re.sub(r"(?:经费|费用|费)$", "", said)
        if len(stem) < 2:
            return None
    else:
        label = plain_label(ref.row.label or "")
        if said == label or said in label and len(said) >= len(label) - 1 or stem not in label or stem == label:
            return None  # the line's own name, said in full
    others = [c for c in _lines(doc, stem) if c.row is not ref.row or c.cell.column != ref.cell.column]
    kept: list[CellRef] = [ref]
    for c in others:
        if any(same_amount(c, k) or _under(c.row, k.row, c.table, k.table) or _under(k.row, c.row, k.table, c.table)
               for k in kept):
            continue
        kept.append(c)
    if len(kept) < 2:
        return None
    kept = kept[:_MAX]
    lines = [f"{c.name()}（{c.table.title}，{c.cell.column}列）：{arith.with_unit(c.value, unit_of(c))}" for c in kept]
    text = f"“{said}”可以指 {len(kept)} 项，数值不同：" + "；".join(lines) + "。请说明指哪一项。"
    return Answer(question, AMBIGUOUS, text, None, None, None, [c.citation() for c in kept], readings=lines)
