"""Figures the narrative states: amounts with their labels ("拟购置固定资产总额为14.00万元") and changes
against last year ("较 2022 年预算减少 56.06 万元", "基本支出增加 20.64 万元").

Labelled amounts are stored as a table of their own (kind 正文数字), so an answer that needs one reads it
from the store like any cell; changes are read as stated, and last year's figure is then this year's
table value minus the stated change, computed exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest import model
from ingest.model import Cell, Column, Passage, Row, Table

_AMOUNT = r"(?P<num>\d+(?:\.\d+)?)\s*万元"
_CHANGE = re.compile(r"(?P<dir>增加|减少|增长|下降|减)\s*" + _AMOUNT)
_NO_CHANGE = re.compile(r"(同比|与上年相比|比上年)?无变化|持平")
_PRIOR = re.compile(r"(较|比|同比)?\s*(上年|去年|上一年|20\d{2}\s*年)?\s*(预算)?")
_LABEL = re.compile(r"([\u4e00-\u9fff“”（）()]{2,30})\s*(\d+(?:\.\d+)?)\s*万元")
_ASIDE = re.compile(r"（其中[^）]*）|\(其中[^)]*\)")
_YEAR_PREFIX = re.compile(r"^(\d{4}\s*年?\s*度?\s*)")


@dataclass(frozen=True)
class ChangeFact:
    subject: str  # what changed, as the narrative names it
    change: Decimal  # signed: > 0 an increase
    current: Decimal | None  # this year's figure where the narrative states it beside the change
    sentence: str
    passage: Passage


def _clean_subject(text: str) -> str:
    text = re.sub(r"^(其中[:：]?|我部门|主要)", "", text.strip())
    text = _YEAR_PREFIX.sub("", text).lstrip("年")
    text = re.sub(r"(为|共计)$", "", text)
    text = re.sub(r"(较|比|同比)$", "", text)
    return text.strip("，,：: ")


def change_facts(passages: list[Passage]) -> list[ChangeFact]:
    facts: list[ChangeFact] = []
    for p in passages:
        text = _ASIDE.sub("", p.text)
        for sentence in re.split(r"[。；]", text):
            prev_label, prev_value = None, None
            for clause in re.split(r"[，,]", sentence):
                clause = clause.strip()
                m = _CHANGE.search(clause)
                no_change = _NO_CHANGE.search(clause)
                if m or no_change:
                    head = clause[: (m or no_change).start()]
                    head = _PRIOR.sub("", head) if not _LABEL.search(head) else head
                    subject = _clean_subject(re.sub(r"(较|比|同比)\s*(上年|去年|20\d{2}\s*年)?\s*(预算)?$", "", head))
                    current = None
                    if not subject or len(subject) < 2:
                        subject, current = prev_label or "", prev_value
                    if not subject:
                        continue
                    if m:
                        sign = -1 if m.group("dir") in ("减少", "下降", "减") else 1
                        change = Decimal(m.group("num")) * sign
                    else:
                        change = Decimal(0)
                    facts.append(ChangeFact(subject, change, current, sentence.strip(), p))
                    continue
                lab = None
                for lab in _LABEL.finditer(clause):
                    pass
                if lab:
                    prev_label = _clean_subject(lab.group(1))
                    prev_value = Decimal(lab.group(2))
    return facts


_CHANGE_WORDS = ("增加", "减少", "增长", "下降", "较", "比上年", "同比", "变化")


def _figure_label(text: str, department: str) -> str:
    text = text.replace(department, "")
    text = re.sub(r"^.*?[）)](?=[^（）()]*$)", "", text) if "含所属" in text else text
    text = _clean_subject(text)
    text = re.sub(r"^(和|及|与|包括|其中|主要用于|用于|主要为|安排|共计)+", "", text)
    text = re.sub(r"(共计安排|预算安排|安排|共计|金额为|总额为|为)$", "", text)
    return text.strip()


def figures_table(passages: list[Passage], ordinal: int, unit: str, department: str = "") -> Table | None:
    """Every "label N 万元" the narrative states that is not a change: one row each, in reading order."""
    table = Table(ordinal=ordinal, title="正文中的数字", kind=model.NARRATIVE, unit=unit,
                  columns=[Column(0, "说明"), Column(1, "金额")])
    for p in passages:
        for sentence in re.split(r"[。；]", _ASIDE.sub("", p.text)):
            for clause in re.split(r"[，,：:、]", sentence):
                if any(w in clause for w in _CHANGE_WORDS):
                    continue
                for m in _LABEL.finditer(clause):
                    label = _figure_label(m.group(1), department)
                    if len(label) < 2:
                        continue
                    row = Row(ordinal=len(table.rows), label=label, page=p.page)
                    row.cells = [Cell("说明", sentence.strip()[:200]),
                                 Cell("金额", m.group(2), value=Decimal(m.group(2)), unit="万元")]
                    table.rows.append(row)
                    table.section = table.section or p.section
    return table if table.rows else None
