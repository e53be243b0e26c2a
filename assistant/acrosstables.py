"""Words of a question across documents that a plain split would cut wrong (assistant/across.py reads the figure).

A 类 whose name joins two words with 和/与/及 (社会保障和就业支出) is one figure's name, not two figures joined; a
table said beside each year (「2026年部门支出总表里的项目支出，是2024年支出决算表里项目支出的几倍」) is where that
year's document reads the line, the stretch of the question from the year to the next year said.
"""
from __future__ import annotations

import re

from .synonyms import FUNCTION_CLASSES

YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")

# A 类 of the function classification whose name joins two words (社会保障和就业支出, 文化旅游体育与传媒支出,
# 灾害防治及应急管理支出) is one figure's name: its 和/与/及 joins no two figures.
_JOINED_CLASSES = [re.sub(r"支出$", "", n) for n in FUNCTION_CLASSES if re.search(r"[和与及]", n)]
_JOIN_KEPT = "\x00"


def joined_names_kept(text: str) -> str:
    for stem in _JOINED_CLASSES:
        text = text.replace(stem, re.sub(r"[和与及]", _JOIN_KEPT, stem))
    return text


def joined_names_back(text: str) -> str:
    for stem in _JOINED_CLASSES:
        text = text.replace(re.sub(r"[和与及]", _JOIN_KEPT, stem), stem)
    return text


# A table said in a year's own words, and the line read in it (「2024年支出决算表里项目支出」).
_TABLE_LINE = re.compile(r"^\d{4}\s*年度?(?:部门)?(?:预算|决算)?(?:的|里的?|中的?)?"
                         r"(?P<table>[\u4e00-\u9fff（）()]{2,30}?表)(?:里面|当中|之中|中|里|上)的?(?P<line>.+)$")


def table_of_year(q: str, year: str, measure) -> str:
    """The table and line a year's stretch of the question names, where the question names a table for each of
    its years — the stretch runs from the year to the next year said. Said 「X表里的Y」 for that year's document
    alone, so each document reads its own table (the other year's table is no table of it)."""
    at = [m.start() for m in YEAR.finditer(q)]
    if len(at) < 2:
        return ""
    said = []
    for i, start in enumerate(at):
        m = _TABLE_LINE.match(q[start:at[i + 1] if i + 1 < len(at) else len(q)])
        if m is None:
            return ""
        said.append((q[start:start + 4], m))
    mine = [m for y, m in said if y == year]
    if len(mine) != 1:
        return ""
    line = measure(mine[0].group("line"))
    return f"{mine[0].group('table')}里的{line}" if line else ""
