"""Words that say where to read the operands, never operands themselves.

- A table named by its number: 「预算表5（一般公共预算支出明细表，按功能分类）中，2070607电影这一行…」,
  「预算05表里」, 「公开09表中」. The number says which table; the title words after it (一般公共预算 …) would
  otherwise be read as a row or column of their own and added to the line asked. Where the document prints a
  table of that number, the words become that table's name (its kind: the table hint).
- A basis: 「按本年支出合计口径，基本支出是项目支出的几倍」. 按X口径 says which figures (the whole department's,
  one source's …) the operands are; X only narrows where they are read (a context word), it is no operand.
- A table named before 中/里 or after the operands: 「政府采购预算中，服务类是货物类的几倍」, 「…总共安排了
  多少？一般公共预算支出表里好像分成了两行」. Said so, the table is where the figures are read (the hint),
  not a figure of its own (its grand total) to add or divide.

Each rule rewrites the question's mentions; the answering families then read the figures as usual.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import wording as W
from .numbered import cn_number
from .vocab import Mention

_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# 「表5」「预算表5」「部门公开表9」 (number after 表) or 「预算05表」「公开09表」 (number before 表).
# A Chinese numeral only where the number ends there (「表一般公共预算…」 says no number).
_REF = re.compile(r"(?:(?:部门)?(?:预算|决算|公开)?表\s*(?P<a>\d{1,2}(?!\d)|[一二三四五六七八九十]{1,3}(?=[（(\s:：的中里]))|"
                  r"(?:预算|决算|公开)\s*(?P<b>\d{1,2})\s*表)")
# What may follow the number before the scope word: the table's title, bracketed or said on.
_AFTER_REF = re.compile(r"(?:[（(][^（）()]{0,40}[）)]|[\u4e00-\u9fff“”]{0,30}?表(?:[（(][^（）()]{0,30}[）)])?)?"
                        r"(?=(?:的)?(?:里面|当中|之中|中|里)(?![央国]))")
_TITLE_NUM = re.compile(rf"(?:表\s*(?P<a>{_NUM})(?!\d)|(?P<b>\d{{1,2}})表)")
_SCOPE = re.compile(r"^(?:预算|决算)?(?:表)?(?:的)?(?:中|里|里面|当中|之中)(?![央国])")
_BASIS = re.compile(r"(?:按照?|依照?|以|从)(?P<x>[^，,。？?；;]{2,24}?)(?:的)?口径")


def mentions(q: str, found: list[Mention], doc) -> list[Mention]:
    out = _numbered_table(q, found, doc)
    out = _basis(q, out)
    out = _staged_scope(q, out)
    return _table_scope(q, out)


def _numbered_table(q: str, found: list[Mention], doc) -> list[Mention]:
    """「表5（…）中」: the title words inside are the table's name, where the document numbers a table so."""
    for ref in _REF.finditer(q):
        n = cn_number(ref.group("a") or ref.group("b"))
        tail = _AFTER_REF.match(q, ref.end())
        if n is None or tail is None:
            continue
        table = next((t for t in doc.tables if (m := _TITLE_NUM.search(t.title)) and
                      cn_number(m.group("a") or m.group("b")) == n), None)
        if table is None:
            continue  # no table of that number: the words are read as they are
        start, end = ref.start(), tail.end()
        if any(m.start < start < m.end or m.start < end < m.end for m in found):
            continue
        later = [m for m in found if m.start >= end]
        if not later:
            continue  # nothing asked after the table: the words may be what is asked
        kept = [m for m in found if not (start <= m.start and m.end <= end)]
        named = Mention(start, end, q[start:end], table=table.kind)
        return sorted(kept + [named], key=lambda m: m.start)
    return found


def _basis(q: str, found: list[Mention]) -> list[Mention]:
    """「按X口径，」: the mentions of X narrow where the operands are read; they are no operands."""
    for b in _BASIS.finditer(q):
        inside = [m for m in found if b.start("x") <= m.start and m.end <= b.end("x")]
        rest = [m for m in found if m.start >= b.end() or m.end <= b.start()]
        if not inside or not _operands_besides(q, rest):
            continue
        found = [replace(m, qualifier=True) if m in inside else m for m in found]
    return found


_STAGED = re.compile(r"^[”」]?(?:经费)?(?:预算|决算)数?(?:的)?(?:里面|当中|之中|中|里)[，,]")


def _staged_scope(q: str, found: list[Mention]) -> list[Mention]:
    """「“三公”预算里，A和B哪个多」: a figure said with its stage before 里/中 is where A and B are read (a
    context word, as 「三公经费里，」 is), not a third operand."""
    for i, m in enumerate(found):
        if (m.rows or m.column) and not m.table and not m.qualifier and _STAGED.match(q[m.end:]) and \
                _operands_besides(q, found[i + 1:]):
            return found[:i] + [replace(m, qualifier=True)] + found[i + 1:]
    return found


def _operands_besides(q: str, found: list[Mention]) -> bool:
    """Figures named besides the scope: one at least; for a share two (「政府采购预算中，货物类占多少」: the
    table's total is the whole the one figure is a share of)."""
    operands = [m for m in found if not m.qualifier and (m.rows or m.column)]
    return len(operands) >= (2 if W.SHARE.search(q) else 1)


def _table_scope(q: str, found: list[Mention]) -> list[Mention]:
    """A table said before 中/里, with figures named besides it: where they are read, not its total."""
    from .tables import _JOIN
    if not _operands_besides(q, found):
        return found
    out = []
    for i, m in enumerate(found):
        if m.table and not m.rows and not m.column and not m.qualifier and _SCOPE.match(q[m.end:]):
            nxt = next((x for x in found[i + 1:] if not x.qualifier), None)
            # 「支出总表中，项目支出…」 already reads the next figure in that table (tables.measures_from)
            joined = nxt is not None and _JOIN.match(q[m.end:nxt.start]) is not None
            if not joined:
                m = replace(m, qualifier=True)
        out.append(m)
    return out
