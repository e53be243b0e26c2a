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

_AMOUNT = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元"
_CHANGE = re.compile(r"(?P<dir>增加|减少|增长|下降|减)\s*" + _AMOUNT)
_NO_CHANGE = re.compile(r"(同比|与上年相比|比上年)?无变化|持平")
# What the change is measured against: 上年, 2025年, 上年预算执行数, 2025年年初预算 … (not a subject).
_PRIOR = re.compile(r"(较|比|同比)?\s*(上年|去年|上一年|20\d{2}\s*年度?)?\s*(?:年初)?(预算)?\s*(?:执行数|决算数|预算数|数)?")
_LABEL = re.compile(r"([\u4e00-\u9fff“”（）()]{2,30})\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元")
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
                    against = re.match(r"^\s*(较|比|同比|与)", head)  # "比2025年年初预算数44021.20万元增加…"
                    head = _PRIOR.sub("", head) if not _LABEL.search(head) else head
                    subject = _clean_subject(re.sub(r"(较|比|同比)\s*(上年|去年|20\d{2}\s*年度?)?\s*(?:年初)?(预算)?"
                                                    r"\s*(?:执行数|决算数|预算数)?$", "", head))
                    subject = re.sub(r"各$", "", subject).replace("收、支", "收支")  # "收、支总计各增加…"
                    if against and prev_label:
                        subject = ""  # the clause names what it is compared with: the subject came before
                    current = None
                    if not subject or len(subject) < 2:
                        subject, current = prev_label or "", prev_value
                    if not subject:
                        continue
                    if m:
                        sign = -1 if m.group("dir") in ("减少", "下降", "减") else 1
                        change = Decimal(m.group("num").replace(",", "")) * sign
                    else:
                        change = Decimal(0)
                    facts.append(ChangeFact(subject, change, current, sentence.strip(), p))
                    continue
                lab = None
                for lab in _LABEL.finditer(clause):
                    pass
                if lab:
                    prev_label = _clean_subject(lab.group(1))
                    prev_value = Decimal(lab.group(2).replace(",", ""))
    return facts


# A figure whose label speaks of a change or a comparison is not an amount of this year.
CHANGE_WORDS = ("增加", "减少", "增长", "下降", "上升", "持平", "增减", "较", "比上年", "同比", "节约", "压减", "增幅",
                "减幅", "变化", "降低", "提高")
FIGURE = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|亿元|千元|元)")
_CLAUSE_BREAKS = "，,。；;：:、！？!?\n"
_SENTENCE_BREAKS = "。；;！？!?"


@dataclass(frozen=True)
class Figure:
    """An amount the text states, with the words before it in its clause (its label, as printed)."""
    label: str
    number: str  # as printed ("8,815.77")
    value: Decimal
    unit: str
    start: int
    end: int
    new_sentence: bool  # a sentence ended since the previous figure
    sentence: str

    @property
    def is_change(self) -> bool:
        return any(w in self.label for w in CHANGE_WORDS)


def sentence_at(text: str, start: int, end: int) -> str:
    left = text.rfind("。", 0, start) + 1
    right = text.find("。", end)
    return text[left:(right + 1 if right >= 0 else len(text))].strip()


def figures_in(text: str):
    """Every "label N 万元" of a text, in reading order: the one reading the fact check and the stored
    正文数字 table share."""
    prev_end = 0
    for m in FIGURE.finditer(text):
        start = max(prev_end, max(text.rfind(ch, 0, m.start()) for ch in _CLAUSE_BREAKS) + 1)
        yield Figure(label=text[start:m.start()].strip(), number=m.group("num"),
                     value=Decimal(m.group("num").replace(",", "")), unit=m.group("unit"), start=m.start(),
                     end=m.end(), new_sentence=any(ch in text[prev_end:m.start()] for ch in _SENTENCE_BREAKS),
                     sentence=sentence_at(text, m.start(), m.end()))
        prev_end = m.end()


def _figure_label(text: str, department: str) -> str:
    text = text.replace(department, "")
    text = re.sub(r"^.*?[）)](?=[^（）()]*$)", "", text) if "含所属" in text else text
    text = _clean_subject(text)
    text = re.sub(r"^(和|及|与|包括|其中|主要用于|用于|主要为|安排|共计)+", "", text)
    text = re.sub(r"(共计安排|预算安排|安排|共计|金额为|总额为|为)$", "", text)
    return text.strip()


def figures_table(passages: list[Passage], ordinal: int, unit: str, department: str = "") -> Table | None:
    """Every amount the narrative states that is not a change: one row each, in reading order."""
    table = Table(ordinal=ordinal, title="正文中的数字", kind=model.NARRATIVE, unit=unit,
                  columns=[Column(0, "说明"), Column(1, "金额")])
    for p in passages:
        for f in figures_in(p.text):
            label = _figure_label(f.label, department)
            if f.is_change or len(label) < 2:
                continue
            row = Row(ordinal=len(table.rows), label=label, page=p.page)
            row.cells = [Cell("说明", f.sentence[:200]), Cell("金额", f.number, value=f.value, unit=f.unit)]
            table.rows.append(row)
            table.section = table.section or p.section
    return table if table.rows else None
