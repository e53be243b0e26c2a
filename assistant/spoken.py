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
- A thing said before a spending verb: 「公车上要花多少钱」, 「公车还要花钱吗」. A bare thing (公车) names no money
  (alone it is the vehicles a 固定资产 table counts); followed by 上/方面/这块 and 花/开支 it names the money spent
  on it, the figure synonyms.SPENT_ON gives (公务用车购置及运行费), where the vocabulary read no longer name there.
- An asking word after a named figure: 「公务接待能花多少」. 能花多少, 实际花了多少钱 ask how much; after a named
  figure they ask that figure, not the department's whole budget they mean when nothing is named.
- The money column named after a line: 「2140112公路运输管理的预算数」. 预算数 (金额, 数额; 决算数 of a 决算) says
  the figure of the line is asked, whatever the table calls its money column; a sentence the narrative labels
  预算数 is no line of its own.

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


def mentions(q: str, found: list[Mention], doc=None, vocab=None) -> list[Mention]:
    """The question's mentions with the rules above applied (the order matters: a table's title is found
    first, a scope row is then dropped, a list's parts and a whole word after a subject last)."""
    out = _spent_on(q, found, vocab) if vocab is not None else found
    out = _titled_scope(q, out, doc) if doc is not None else out
    out = _scope_total(q, out)
    out = _listed_whole(q, out)
    out = _stage_of_line(out, doc)
    return _named_total(q, out)


# -- a named figure before a colloquial whole word ---------------------------------------------------------

# An asking word for the whole (能花多少, 实际花了多少钱): a question's verb, not a noun that names the total as an
# operand (总支出, 预算总额: 「项目支出占总支出的比例」 asks both).
_ASKING = re.compile(r"多少|花")


def _whole_word(m: Mention) -> bool:
    """一共多少钱, 总共能花, 能花多少 …: a colloquial word (no printed label) for the department's grand total."""
    return bool(m.rows) and (W.SUM.search(m.text) is not None or _ASKING.search(m.text) is not None) and \
        m.text not in m.rows and all(_GRAND.match(r) for r in m.rows)


def _named_total(q: str, found: list[Mention]) -> list[Mention]:
    named = [m for m in found if not m.qualifier and (m.rows or m.column or m.table) and not _whole_word(m)]
    return [m for m in found if not (_whole_word(m) and any(x.end <= m.start for x in named))]


# -- a whole named after a list of its parts ---------------------------------------------------------------

_DEMO = re.compile(r"(?:这些|这几项|这几类|这几块|这几个|这几种|这[两三四]项|这[两三四]块|这[两三四]类|这[两三四]个|"
                   r"等等|等|之类的?|这类)(?:的)?[“「\"]?$")  # 「这些“三公”钱」: the whole quoted
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


# -- a thing said before a spending verb -------------------------------------------------------------------

# 「公车上要花」, 「公车还要花钱」, 「公车这块开支」, 「公车一年要花」: where, then an adverb or two, then the
# spending verb.
_SPEND = r"(?:上|方面|这块|这一块|这方面|这一项)?(?:还|也|都|总共|一共|全年|一年|每年|今年|大概|大约){0,2}" \
         r"(?:要|能|得|会|准备|打算|计划|需要|可以)?(?:花|开支|开销|花费|用钱)"


def _spent_on(q: str, found: list[Mention], vocab) -> list[Mention]:
    for concept, things in synonyms.SPENT_ON.items():
        key = next((w for w in map(normalize, (concept, *synonyms.MEANINGS.get(concept, ())))
                    if w in vocab.columns or w in vocab.rows), None)
        if key is None:
            continue  # the document prints no such figure: nothing to read
        for thing in sorted(map(normalize, things), key=len, reverse=True):
            for hit in re.finditer(re.escape(thing) + _SPEND, q):
                a, b = hit.span()
                inside = [m for m in found if m.start < b and a < m.end]
                # a longer name the vocabulary read over these words (买公车, 公车要花) stands
                if any(m.start < a or m.end > b or len(m.text) > len(thing) for m in inside):
                    continue
                said = Mention(a, b, hit.group(), set(vocab.rows.get(key, ())), vocab.columns.get(key))
                return sorted([m for m in found if m not in inside] + [said], key=lambda m: m.start)
    return found


# -- the money column named after a line ----------------------------------------------------------------

# 「职业年金缴费支出预算是多少」: 支出预算 after a line is its stage (the line's spending as budgeted), no line of
# its own, though a narrative sentence is labelled so.
_STAGE_WORDS = {"预算": re.compile(r"^(?:预算数|预算额|预算金额|预算安排数|支出预算|支出预算数|金额|数额)$"),
                "决算": re.compile(r"^(?:决算数|决算额|决算金额|支出决算数|支出决算|金额|数额)$")}


def _stage_of_line(found: list[Mention], doc) -> list[Mention]:
    """「2140112公路运输管理的预算数」: a line (rows only, no column crosses it) then a word for the figure of the
    document's own stage (预算数 of a 预算) that only a narrative sentence's label holds: the line's figure is
    asked. 预算数 of a 决算 asks another column (the 预算数 its tables print beside the 决算数): left as read."""
    stage = _STAGE_WORDS.get(getattr(getattr(doc, "document", None), "kind", None) or "")
    if stage is None:
        return found
    out = []
    for i, m in enumerate(found):
        prev = out[-1] if out else None
        if i and stage.match(m.text) and m.rows and not m.column and not m.table and \
                prev is not None and prev.rows and not prev.column and m.start - prev.end <= 1:
            continue
        out.append(m)
    return out


# -- a bare 加 between two figures -------------------------------------------------------------------------

_PLUS = re.compile(r"^[”」]?(?:的)?(?:再)?(?:加|\+|＋)(?:上)?[“「]?$")


def plus(q: str, measures) -> bool:
    """「A加B是多少」: 加 (or +) alone joins each pair of the named figures."""
    if len(measures) < 2:
        return False
    ends = [q.find(m.text, m.position) + len(m.text) for m in measures]
    return all(_PLUS.match(q[e:b.position]) for e, b in zip(ends, measures[1:]))
