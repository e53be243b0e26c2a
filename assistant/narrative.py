"""Figures the narrative states about last year: "较 2022 年预算减少 56.06 万元", "基本支出增加 20.64 万元".

Only changes the document states are read; last year's figure is then this year's table value minus the
stated change, computed exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest.model import Passage

_AMOUNT = r"(?P<num>\d+(?:\.\d+)?)\s*万元"
_CHANGE = re.compile(r"(?P<dir>增加|减少|增长|下降|减)\s*" + _AMOUNT)
_NO_CHANGE = re.compile(r"(同比|与上年相比|比上年)?无变化|持平")
_PRIOR = re.compile(r"(较|比|同比)?\s*(上年|去年|上一年|20\d{2}\s*年)?\s*(预算)?")
_LABEL = re.compile(r"([\u4e00-\u9fff“”（）()]{2,24})\s*(\d+(?:\.\d+)?)\s*万元")
_ASIDE = re.compile(r"（其中[^）]*）|\(其中[^)]*\)")
_YEAR_PREFIX = re.compile(r"^(\d{4}\s*年?\s*)")


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
