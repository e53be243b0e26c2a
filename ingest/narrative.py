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
from ingest.changes import ChangeFact, change_facts  # noqa: F401  (year-on-year statements: ingest/changes.py)
from ingest.model import Cell, Column, Passage, Row, Table

_YEAR_PREFIX = re.compile(r"^(\d{4}\s*年?\s*度?\s*)")


def _clean_subject(text: str) -> str:
    text = re.sub(r"^(其中[:：]?|我部门|主要)", "", text.strip())
    text = _YEAR_PREFIX.sub("", text).lstrip("年")
    text = re.sub(r"(为|共计)$", "", text)
    text = re.sub(r"(较|比|同比)$", "", text)
    return text.strip("，,：: ")


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
