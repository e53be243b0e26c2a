"""How users say which figure they mean, where the names the vocabulary finds would read it otherwise.

- A named figure before a colloquial whole word: 「三公经费一共多少钱」, 「项目支出总共花了多少」. The whole word
  (一共多少钱, 总共花 …: synonyms of the department's 支出总计) only asks that figure's total; the named
  subject wins, never the whole budget.
- A whole named after a list of its parts: 「出国、公车、招待这些三公经费花了多少」. The list says what the whole
  is made of; where it names every part of it (synonyms.PARTS) the whole is asked, the parts are no operands;
  where it names some parts only (「出国和招待这些三公经费」), those parts are asked, the whole only says what they are.
- A scope phrase before the operands: 「支出预算总计中，项目支出是基本支出的多少倍」. A grand-total row said
  before 中/里 only says the operands are the department's whole figures (each column's total row), it is no
  row of theirs; 「一般公共预算财政拨款基本支出中，公用经费占多少」: a table's own title said before 中/里 names
  that table (the words would otherwise be read as a row and a column no table crosses).
- 「三公经费加人员经费是多少」: a bare 加 (or +) between two named figures asks for their sum.

Each rule rewrites the question's mentions (``mentions``) or reads its operation (``plus``); the answering
families then read the figures as usual, so every figure stays a cited cell.
"""
from __future__ import annotations

import re

from . import synonyms
from . import wording as W
from .vocab import Mention, normalize

# A grand total of the department, however a template prints it: 支出总计, 支出预算总计, 本年支出合计, 合计.
_GRAND = re.compile(r"^(?:本年)?(?:收入|支出)?(?:预算|决算)?(?:总计|合计)$")
_SCOPE = re.compile(r"^[”」]?(?:的)?(?:中|里|里面|当中|之中)[，,]?$")


def mentions(q: str, found: list[Mention], doc=None) -> list[Mention]:
    """The question's mentions with the rules above applied (the order matters: a table's title is found
    first, a scope row is then dropped, a list's parts and a whole word after a subject last)."""
    out = _titled_scope(q, found, doc) if doc is not None else found
    out = _scope_total(q, out)
    out = _listed_whole(q, out)
    return _named_total(q, out)


# -- a named figure before a colloquial whole word ---------------------------------------------------------

def _whole_word(m: Mention) -> bool:
    """一共多少钱, 总共能花 …: a colloquial word (no printed label) for the department's grand total."""
    return bool(m.rows) and W.SUM.search(m.text) is not None and m.text not in m.rows and \
        all(_GRAND.match(r) for r in m.rows)


def _named_total(q: str, found: list[Mention]) -> list[Mention]:
    named = [m for m in found if not m.qualifier and (m.rows or m.column or m.table) and not _whole_word(m)]
    return [m for m in found if not (_whole_word(m) and any(x.end <= m.start for x in named))]


# -- a whole named after a list of its parts ---------------------------------------------------------------

_DEMO = re.compile(r"(?:这些|这几项|这几类|这几块|这几个|这几种|这[两三四]项|这[两三四]块|这[两三四]类|这[两三四]个|"
                   r"等等|等|之类的?|这类)(?:的)?$")
_LIST = re.compile(r"(?:[\u4e00-\u9fff“”（）]+(?:、|和|及|与|跟|以及))+[\u4e00-\u9fff“”（）]+$")
_ITEM_LEAD = re.compile(r"^.*(?:年度?|的|中|里|在|像|比如|例如|包括|其中)")


def _said_part(item: str, part: str) -> bool:
    """Does a listed item name this part (its name, a word for it, or the start of one: 公车 of 公车费用)?"""
    words = (part, *synonyms.MEANINGS.get(part, ()), *(w for sub in synonyms.PARTS.get(part, ())
                                                       for w in (sub, *synonyms.MEANINGS.get(sub, ()))))
    return any(item == w or (len(item) >= 2 and w.startswith(item)) or (len(w) >= 2 and item.startswith(w))
               for w in map(normalize, words))


def _listed_whole(q: str, found: list[Mention]) -> list[Mention]:
    for w in found:
        concept = synonyms.concept_of(w.text)
        parts = synonyms.PARTS.get(concept or "")
        demo = _DEMO.search(q[:w.start])
        if not parts or demo is None:
            continue
        listed = _LIST.search(q[:demo.start()])
        if listed is None:
            continue
        items = [i for i in re.split(r"、|以及|和|及|与|跟", listed.group()) if i]
        if items and not any(_said_part(items[0], p) for p in parts):
            items[0] = _ITEM_LEAD.sub("", items[0])  # 「2024年决算中出国、…」: the words before the list
        if not all(any(_said_part(i, p) for p in parts) for i in items):
            continue  # an item that is no part of it: the list is no name of the whole
        start, end = listed.start(), demo.start()
        if all(any(_said_part(i, p) for i in items) for p in parts):
            return [m for m in found if not (start <= m.start and m.end <= end)]  # every part: the whole
        # 「出国和招待这些三公经费」: some of its parts, each named: those parts are asked, the whole only says
        # what they are
        at = start
        for i in items:
            at = q.find(i, at)
            if not any(at <= m.start and m.end <= at + len(i) for m in found):
                return found  # a part no name was found for: it could not be read, nor the rest without it
            at += len(i)
        return [m for m in found if m is not w]
    return found


# -- a scope phrase before the operands --------------------------------------------------------------------

def _scope_total(q: str, found: list[Mention]) -> list[Mention]:
    """「支出预算总计中，A是B的几倍」: the grand total only scopes the columns said after it."""
    for i, m in enumerate(found[:-1]):
        nxt = found[i + 1]
        if m.rows and not m.table and all(_GRAND.match(r) for r in m.rows) and not (m.column and not _GRAND.match(m.column)) and \
                _GRAND.match(m.text) and _SCOPE.match(q[m.end:nxt.start]) and nxt.column and not nxt.rows:
            return found[:i] + found[i + 1:]
    return found


_SEPARATOR = re.compile(r"[、和及与跟,，]")
_TITLE_END = re.compile(r"(?:预算|决算)?(?:情况|明细)?总?表$")


def _titled_scope(q: str, found: list[Mention], doc) -> list[Mention]:
    """「一般公共预算财政拨款基本支出中，…」: the words of a table's title (without 预算表/决算表) said before
    中/里 name that table, over the row and the column its words would be read as."""
    from .vocab import _title_names
    for t in doc.tables:
        for name in _title_names(t.title):
            stem = _TITLE_END.sub("", name)
            if len(stem) < 6:
                continue
            at = q.find(stem)
            while at >= 0:
                end = at + len(stem)
                after = re.match(r"(?:的)?(?:中|里|里面|当中|之中)[，,]?", q[end:])
                inside = [m for m in found if at <= m.start and m.end <= end]
                crossing = [m for m in found if m.start < end < m.end or m.start < at < m.end]
                # 「三公经费和机关运行经费中，哪个多」 lists two figures, though a table's title says the same words
                listed = any(_SEPARATOR.search(q[a.end:b.start]) for a, b in zip(inside, inside[1:]))
                later = any(m.start >= end for m in found)
                if after and len(inside) >= 2 and not crossing and not listed and later:
                    table = Mention(at, end, stem, table=t.kind)
                    return sorted([m for m in found if m not in inside] + [table], key=lambda m: m.start)
                at = q.find(stem, at + 1)
    return found


# -- a bare 加 between two figures -------------------------------------------------------------------------

_PLUS = re.compile(r"^[”」]?(?:的)?(?:再)?(?:加|\+|＋)(?:上)?[“「]?$")


def plus(q: str, measures) -> bool:
    """「A加B是多少」: 加 (or +) alone joins each pair of the named figures."""
    if len(measures) < 2:
        return False
    ends = [q.find(m.text, m.position) + len(m.text) for m in measures]
    return all(_PLUS.match(q[e:b.position]) for e, b in zip(ends, measures[1:]))
