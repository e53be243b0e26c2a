"""The tables a question names, each matched to the document's tables: by number (表7, 公开09表, 预算05表), by its
title said short (收入决算表 → 收入决算表公开02表), or by its kind in words (三公经费表, 基本支出经济科目表).

People name a table the way they remember it: the number printed before its title, the title with the year,
部门 and number left off, or what kind of table it is, in their own order (「基本支出经济科目表」 for
「财政拨款基本支出预算表（经济科目）」). Each said name is matched in steps, the first that fits any table wins:
its number; its words unbroken in a title; a kind's usual name (synonyms.TABLES, the stage words 预算/决算 and 总
said or not); its words in a title in order; its words anywhere in a title, each run two characters or more. Among
the tables one step fits, a table whose title only adds words to another fitting title is not the one meant
(「支出决算表」 is 支出决算表, not 一般公共预算财政拨款支出决算表); the rest are all kept — the caller decides (two tables
printing the same line with one figure are one reading).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import model

from . import synonyms
from .numbered import cn_number
from .vocab import normalize

_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# A table said: the words ending in 表 (its number after 表, a bracket after it), before 里/中/的 or a joining word.
_TABLE = re.compile(rf"表(?:\s*(?:{_NUM})(?!\d))?(?:[（(][^（）()]{{0,30}}[）)])?"
                    r"(?=里面|当中|之中|中|里|上|的|[，,：:；;]|和|与|跟|及|、|比|同|对比|相比|数|"
                    # 「支出总表比一般公共预算支出表（按功能分类）多多少」: the second table, the gap asked after it
                    r"[多少高低差](?:出|了)?(?:多少|几)|$)")
# Where a said name starts: after punctuation, the year, a joining or comparing word.
_START = re.compile(r".*(?:[：:，,、；;。？?！!\s]|\d{4}\s*年度?|年度?(?:预算|决算)(?:里|中)?|加上|以及|还有|和|跟|与|及|"
                    r"把|的|比|同|在|拿)")
_NUMBER = re.compile(rf"表\s*(?P<a>{_NUM})(?!\d)|(?P<b>\d{{1,2}})\s*表")
# 「这两张表」「该表」「各表」: no table named.
_POINTER = re.compile(r"^(?:这|那|该|此|各|两|本|每|哪)")
_QUOTES = re.compile(r"[“”\"「」‘’'\s]")
_NOISE = re.compile(r"^\d{4}年度?|部门|^(?:市级|省级|区级|县级)")
_NUMBERED = re.compile(rf"^(?:公开|预算|决算)?(?:表\s*(?:{_NUM})|\d{{1,2}}\s*表)[：:、.]?|(?:公开|预算|决算)\d{{1,2}}表$")
# A table's number said in brackets after its words: 「支出预算总表（表3）」「收入决算表（公开02表）」.
_ASIDE = re.compile(rf"[（(]\s*((?:公开|预算|决算|部门)?(?:表\s*(?:{_NUM})|\d{{1,2}}\s*表))\s*[）)]$")
# Words a said name may leave out or add: the stage, 总, 情况, 明细.
_OPTIONAL = re.compile(r"预算|决算|情况|明细|总")


@dataclass
class Said:
    name: str  # as the question says it
    start: int
    end: int  # where the words after it begin (its 里/的 passed over)
    tables: list = field(default_factory=list)  # the document's tables it fits


def said_tables(q: str, doc) -> list[Said]:
    out = []
    for m in _TABLE.finditer(q):
        lead = _START.match(q[:m.start()])
        start = lead.end() if lead else 0
        name = q[start:m.end()]
        plain = _QUOTES.sub("", name)
        if _POINTER.match(plain) or re.search(r"(?:代|图|列|发|报|年)表$", plain):
            continue
        if len(plain) < 3 and not _NUMBER.search(plain):
            continue
        rest = re.match(r"(?:里面|当中|之中|中|里|上)?(?:的)?", q[m.end():])
        out.append(Said(name, start, m.end() + rest.end(), tables(doc, name)))
    return out


def tables(doc, name: str) -> list:
    """The document's tables the said name fits (see the module's note)."""
    plain = _QUOTES.sub("", name)
    candidates = [t for t in doc.tables if t.rows and t.kind != model.NARRATIVE]
    aside = _ASIDE.search(plain)
    if aside is not None:
        # 「支出预算总表（表3）」: the number said in brackets after the words names the table
        found = tables(doc, aside.group(1))
        if found:
            return found
    num = _NUMBER.search(plain)
    if num is not None and re.match(r"^(?:表|预算|决算|公开|部门)", plain):
        n = cn_number(num.group("a") or num.group("b"))
        found = [t for t in candidates if (m := _NUMBER.search(_QUOTES.sub("", t.title))) and
                 cn_number(m.group("a") or m.group("b")) == n]
        return found if len(found) == 1 else []
    said = _core(plain)
    if len(said) < 3:
        return []
    loose = _OPTIONAL.sub("", said)
    kinds = {k for k, aliases in synonyms.TABLES.items() for a in (k, *aliases)
             if a.endswith("表") and _OPTIONAL.sub("", normalize(_QUOTES.sub("", a))) == loose}
    for fits in (lambda t: said in _core(t.title),
                 lambda t: t.kind in kinds,
                 lambda t: in_order(said, _core(t.title)),
                 lambda t: _anywhere(said, _core(t.title))):
        found = [t for t in candidates if fits(t)]
        if found:
            return _least_qualified(found)
    return []


def _core(title: str) -> str:
    """A title as people say it: no quotes, spaces, year, 部门 or number."""
    t = _QUOTES.sub("", title)
    t = _NUMBERED.sub("", t)
    return _NOISE.sub("", _NOISE.sub("", t))


def _least_qualified(found: list) -> list:
    """The fitting tables less those whose title is another's with words added."""
    cores = [(t, _core(t.title)) for t in found]
    return [t for t, c in cores if not any(o != c and len(o) < len(c) and _subsequence(o, c) for _, o in cores)]


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def in_order(said: str, title: str) -> bool:
    """The said words in the title, in order, each run two characters or more (the last 表 alone allowed)."""
    i, pos = 0, 0
    while i < len(said):
        best = 0
        for j in range(len(said), i, -1):
            k = title.find(said[i:j], pos)
            if k >= 0:
                best, at = j - i, k
                break
        if best == 0 or (best < 2 and said[i:] != "表"):
            return False
        pos, i = at + best, i + best
    return True


def _anywhere(said: str, title: str) -> bool:
    """The said words in the title in any order, each run two characters or more; the stage, 总, 情况 and 明细
    said or not, a last 表 alone allowed."""
    i = 0
    while i < len(said):
        j = next((j for j in range(len(said), i + 1, -1) if said[i:j] in title), None)
        if j is not None:
            i = j
            continue
        opt = _OPTIONAL.match(said, i)
        if opt:
            i = opt.end()
        elif said[i:] == "表" and "表" in title:
            i += 1
        else:
            return False
    return True
