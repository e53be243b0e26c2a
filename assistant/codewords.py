"""Words that say as what or where a line is read, never lines themselves.

- A code said with its kind: 「功能科目2070607“电影”」, 「经济分类科目30229“福利费”」, 「支出经济分类30229」,
  「科目编码为30229的」. The kind (功能/经济, 分类, 科目, 编码) only says which classification the code is of; read
  as a name, 经济分类 is a table (the basic spending by economic class) whose total would be added to the line.
- A part of spending said before the code's kind: 「基本支出经济科目30239」 — where the line is read (the
  基本支出 table first), no figure of its own (the 基本支出 total) beside the line.
- The document's own name for itself before 中/里: 「2021年部门预算中，功能科目2070607…」, 「决算里，30229…」,
  「预算表中，…」. The document is chosen already; where its 收支总表 prints a line 一、部门预算, the words would
  be read as that line, and the line asked as a part of it (found nowhere).

Either is dropped from the question's mentions only where a line is named besides it (the code, a line's
name): said alone (「部门预算收入是多少」) the words are read as they are.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .vocab import Mention

# The kind said before a code: 功能科目, 功能分类科目, 经济分类科目, 支出经济分类, 经济科目编码, 科目编码, 科目代码 …
_KIND = re.compile(r"(?:(?:部门|政府)?(?:支出)?(?:功能|经济)(?:分类)?(?:科目)?|科目)(?:编码|代码|编号)?(?:为|是)?"
                   r"\s*[“”\"「『（(]?\s*(?=\d{3,7}(?!\d))")
# The document's own name before 中/里, said first (after its year) or after a clause's break.
_SELF = re.compile(r"(?:(?<=年)|(?<=年度)|(?<=[，,])|^)(?:本)?(?P<w>(?:部门)?(?:综合)?(?P<k>预算|决算))"
                   r"(?:公开)?(?:表|报表|文件|报告)?(?:的)?(?:里面|当中|之中|中|里)(?=[，,]|\s|[^\u4e00-\u9fff]|功能|经济|科目)")


def mentions(q: str, found: list[Mention], doc) -> list[Mention]:
    spans = [(m.start(), m.end()) for m in _KIND.finditer(q)]
    spans += [(m.start(), m.end()) for m in _SELF.finditer(q) if m.group("k") == doc.document.kind]
    if not spans:
        return found
    found = _part_before_kind(q, found, doc)
    inside = [m for m in found if any(a <= m.start and m.end <= b for a, b in spans)]
    rest = [m for m in found if m not in inside]
    named = [m for m in rest if not m.qualifier and (m.rows or m.column)]
    if not inside or not named:
        return found
    from .scopewords import _operands_besides
    return rest if _operands_besides(q, rest) else found


# 「基本支出经济科目30239」「项目支出的经济分类科目30201」: a part of spending said before the code's kind.
_PART_KIND = re.compile(r"^(?:的)?(?:支出)?(?:经济|功能)(?:分类)?(?:科目)?(?:编码|代码|编号)?(?:为|是)?\s*[“”\"「『（(]?\s*$")


def _part_before_kind(q: str, found: list[Mention], doc) -> list[Mention]:
    """A column's name (基本支出) said just before a code's kind, the code after it: where the line is read (a
    context word), not a figure of its own beside the line — where a table of that part (its title saying it)
    prints the code; else the words are left as they are (no other part's line answers 「项目支出经济科目30201」)."""
    out = list(found)
    for i, m in enumerate(found[:-1]):
        nxt = found[i + 1]
        if m.column and not m.rows and not m.table and not m.qualifier and nxt.rows and \
                re.fullmatch(r"\d{3,7}", nxt.text) and _PART_KIND.match(q[m.end:nxt.start]) and \
                any(m.text in t.title and t.row_by_code(nxt.text) is not None for t in doc.tables):
            out[i] = replace(m, qualifier=True)
    return out
