"""Years said relative to the document: 「明年」「后年」「前年」「大前年」 (今年/去年/上年 are read by the families of
this year and last year: yearly.py, lastyear.py). A 2026 预算 asked for 「明年的“三公”经费」 is asked for 2027, which it
does not give: its own 2026 figure answered would be another year's figure stated as the one asked.

``absolute(q, year)``: the question with each such word said as the year it means against the chosen document's
year, or None where it says none — the engine asks the question again with the year written out, so the year
chooses the document (the department's 2024 决算 where the corpus holds one) or finds none.

``other_year(q, doc, mentions)``: a year the question asks that is neither the document's nor the year before it
(which the narrative's stated changes can give) — a 2025 预算 asked for 2023 gives no figure of 2023. A year inside
a name the document prints (「2024年度专项资金」), a quote or a span of years (「2026-2027年度」) is no year asked.
"""
from __future__ import annotations

import re

from . import wording as W
from .scope import _YEAR

# 以前年度 (以前年度结余) and 前年度 are no 前年; 明年度 is.
_RELATIVE = re.compile(r"大前年|(?<![以之])前年(?!度)|明年度?|后年(?!度)")
_SHIFT = {"大前年": -3, "前年": -2, "明年": 1, "明年度": 1, "后年": 2}
_SPAN = re.compile(r"(?<!\d)20\d{2}\s*[-－—~～至到]\s*20\d{2}")


def absolute(q: str, year: int) -> str | None:
    if not _RELATIVE.search(q):
        return None
    quoted = [m.span() for m in W.QUOTED.finditer(q)]
    out, at, changed = [], 0, False
    for m in _RELATIVE.finditer(q):
        if any(a <= m.start() < b for a, b in quoted):
            continue  # a word of a quoted name
        said = f"{year + _SHIFT[m.group()]}年"
        # 「前年（2024年）」: the year said again in brackets is the same year, said once
        rest = q[m.end():]
        again = re.match(r"[（(]\s*(20\d{2})\s*年度?\s*[）)]", rest)
        end = m.end() + (again.end() if again and int(again.group(1)) == year + _SHIFT[m.group()] else 0)
        out += [q[at:m.start()], said]
        at, changed = end, True
    out.append(q[at:])
    return "".join(out) if changed else None


def note(word_q: str, year: int, label: str) -> str:
    """How the relative words were read, said before the answer."""
    said = [f"“{m.group()}”即 {year + _SHIFT[m.group()]} 年" for m in _RELATIVE.finditer(word_q)]
    return f"（按{label}的年份 {year} 年，{'、'.join(dict.fromkeys(said))}。）" if said else ""


def other_year(q: str, doc, mentions=()) -> int | None:
    year = doc.document.year
    covered = [m.span() for m in W.QUOTED.finditer(q)] + [m.span() for m in _SPAN.finditer(q)] + \
        [(m.start, m.end) for m in mentions]
    for m in _YEAR.finditer(q):
        y = int(m.group(1))
        if y in (year, year - 1) or any(a <= m.start() < b for a, b in covered):
            continue
        return y
    return None
