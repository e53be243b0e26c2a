"""Words that say where to read the operands, never operands themselves.

- A table named by its number: 「预算表5（一般公共预算支出明细表，按功能分类）中，2070607电影这一行…」,
  「预算05表里」, 「公开09表中」. The number says which table; the title words after it (一般公共预算 …) would
  otherwise be read as a row or column of their own and added to the line asked. Where the document prints a
  table of that number, the words become that table's name (its kind: the table hint).
- A basis: 「按本年支出合计口径，基本支出是项目支出的几倍」, or in brackets after the figure: 「项目支出（支出总表
  口径）」. 按X口径 says which figures (the whole department's,
  one source's …) the operands are; X only narrows where they are read (a context word), it is no operand.
- A table named before 中/里 or after the operands: 「政府采购预算中，服务类是货物类的几倍」, 「…总共安排了
  多少？一般公共预算支出表里好像分成了两行」, 「一般公共预算支出表（按功能分类）中，2140112…」 (its title's
  bracketed classification said with it), 「一般公共预算项目支出情况表（表7）中，哪个款级经济科目…」 (its number
  said after it). Said so, the table is where the figures are read (the hint), not a figure of its own (its
  grand total) to add or divide; a ranking over its lines needs no operand after it.
- A basis said with a verb: 「按一般公共预算财政拨款支出决算算，A和B哪个花得多」, 「以财政拨款为准」. As 按X口径,
  where X is a table or a source of money, X says where A and B are read (the table of that source).
- A source of money before 里/中: 「一般公共预算财政拨款里，公立医院下面哪一类最多」, 「政府性基金里，…」. The
  source names the table of its spending (the document's 一般公共预算财政拨款支出表 …), where one is printed.
- 「（本级）」 after the department's name: 「深圳市交通运输局（本级）2026年…中，2140112…」 names the department's
  own unit, as its tables' 部门名称 print it; with figures named besides, it is no operand (a unit's own rows, in
  a document listing several units, are read by assistant/units.py and unitblocks.py from the words kept).

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
# What may follow the number before the scope word: the table's title, bracketed (in 《》 or “” too) or said on.
_AFTER_REF = re.compile(r"(?:《[^《》]{0,40}》|“[^“”]{1,40}”|[（(][^（）()]{0,40}[）)]|[\u4e00-\u9fff“”]{0,30}?表(?:[（(][^（）()]{0,30}[）)])?)?"
                        r"(?=(?:的)?(?:里面|当中|之中|中|里)(?![央国]))")
_TITLE_NUM = re.compile(rf"(?:表\s*(?P<a>{_NUM})(?!\d)|(?P<b>\d{{1,2}})表)")
_SCOPE = re.compile(r"^(?:预算|决算)?(?:表)?(?:的)?(?:中|里|里面|当中|之中)(?![央国])")
_BASIS = re.compile(r"(?:按照?|依照?|以|从)(?P<x>[^，,。？?；;]{2,24}?)(?:的)?口径|"
                    # 「项目支出（支出总表口径）」: the basis said in brackets after the figure
                    r"[（(](?P<y>[^（）()，,。？?；;]{2,24}?)(?:的)?口径[）)]")
# 「按X算，」「按照X来看」「以X为准」: a basis said with a verb; only a table or a source of money is such an X.
_BASIS_VERB = re.compile(r"(?:按照?|依照?|根据)(?P<x>[^，,。？?；;]{2,30}?)(?:来|去)?(?:算|计算|统计|看|口径算)"
                         r"(?=[，,]|的话)|以(?P<y>[^，,。？?；;]{2,30}?)为准")
_SOURCE = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营")
# A title's bracketed classification or its number, said between the table's name and 中/里.
_TITLE_TAIL = r"(?:[（(](?:按|表\s*\d)[^（）()]{0,16}[）)])?"


def mentions(q: str, found: list[Mention], doc) -> list[Mention]:
    from . import codewords  # 「功能科目2070607」「部门预算中，」: a code's kind, the document's own name (assistant/codewords.py)
    out = codewords.mentions(q, found, doc)
    out = _numbered_table(q, out, doc)
    out = _numbered_after(q, out, doc)
    out = _basis(q, out, doc)
    out = _basis_verb(q, out, doc)
    out = _source_scope(q, out, doc)
    out = _source_of_line(q, out)
    out = _classified_source(q, out)
    out = _own_unit(q, out)
    from . import excluding  # 「除了X，哪个最大」: X is set aside, no operand (assistant/excluding.py)
    out = excluding.mentions(q, out)
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
        if not later and not _SET_ASKED.search(q, end):
            continue  # nothing asked after the table: the words may be what is asked
        kept = [m for m in found if not (start <= m.start and m.end <= end)]
        named = Mention(start, end, q[start:end], table=table.kind)
        return sorted(kept + [named], key=lambda m: m.start)
    return found


# 「…中，哪个款级经济科目最高」「…里有哪些项目」: a ranking, list or count over the table's lines.
_SET_ASKED = re.compile(r"哪(?:一)?(?:个|项|类|款|些|几)|(?:几|多少)(?:个|项|类|款)")
_NUMBER_AFTER = re.compile(r"[（(](?:部门)?(?:预算|决算|公开)?表\s*(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})[）)]"
                           r"(?=(?:的)?(?:里面|当中|之中|中|里)(?![央国]))")


def _numbered_after(q: str, found: list[Mention], doc) -> list[Mention]:
    """「一般公共预算项目支出情况表（表7）中」: the title said first, its number after it in brackets. The words
    from where the title starts (the mentions its words were read as) are that table's name."""
    for ref in _NUMBER_AFTER.finditer(q):
        n = cn_number(ref.group("a"))
        table = next((t for t in doc.tables if (m := _TITLE_NUM.search(t.title)) and
                      cn_number(m.group("a") or m.group("b")) == n), None)
        if table is None:
            continue
        end = ref.end()
        before = q[:ref.start()]
        if not before.endswith("表"):
            continue  # 「项目支出（表7）」 names no table by its title
        # The title's words run back over Chinese characters, up to a word that starts no title (年, 在, 的 …).
        lead = re.search(r"[\u4e00-\u9fff“”]*$", before)
        start = lead.start()
        stop = re.search(r".*(?:年度?|在|，|,|中|里)", q[start:ref.start()])
        if stop is not None:
            start += stop.end()
        if ref.start() - start < 3 or any(m.start < start < m.end or m.start < end < m.end for m in found):
            continue
        later = [m for m in found if m.start >= end]
        if not later and not _SET_ASKED.search(q, end):
            continue
        kept = [m for m in found if not (start <= m.start and m.end <= end)]
        named = Mention(start, end, q[start:end], table=table.kind)
        return sorted(kept + [named], key=lambda m: m.start)
    return found


def _basis(q: str, found: list[Mention], doc) -> list[Mention]:
    """「按X口径，」: the mentions of X narrow where the operands are read (a source of money: the table of its
    spending); they are no operands."""
    for b in _BASIS.finditer(q):
        x = "x" if b.group("x") else "y"
        inside = [m for m in found if b.start(x) <= m.start and m.end <= b.end(x)]
        rest = [m for m in found if m.start >= b.end() or m.end <= b.start()]
        if not inside or not _operands_besides(q, rest):
            continue
        found = [_source_table(m, doc, q, found) if m in inside else m for m in found]
    return found


def _basis_verb(q: str, found: list[Mention], doc) -> list[Mention]:
    """「按X算，」「以X为准」 where X is a table or a source of money: X's mentions are where to read, no operand."""
    for b in _BASIS_VERB.finditer(q):
        x0, x1 = (b.start("x"), b.end("x")) if b.group("x") else (b.start("y"), b.end("y"))
        inside = [m for m in found if x0 <= m.start and m.end <= x1]
        rest = [m for m in found if m.start >= b.end() or m.end <= b.start()]
        if not inside or not all(m.table or _SOURCE.search(m.text) for m in inside) or \
                not _operands_besides(q, rest):
            continue
        found = [_source_table(m, doc, q, found) if m in inside else m for m in found]
    return found


_SOURCE_SCOPE = re.compile(r"^(?:拨款|资金|预算)?(?:支出)?(?:的)?(?:里面|当中|之中|中|里)[，,]")
_TITLE_STEM = re.compile(r"(?:预算|决算)?(?:情况|明细)?总?表(?:[（(][^（）()]*[）)])?$")


def _source_scope(q: str, found: list[Mention], doc) -> list[Mention]:
    """「一般公共预算财政拨款里，A…」: a source of money before 里/中 names the table of that source's spending
    (its title the source's words and 支出); where the document prints none, the source only narrows (a context
    word), as 「按财政拨款口径」 does."""
    if not _set_asked(q, found):
        return found  # 「…中，A是B的几倍」: A and B are read inside the source's table already (tables.candidates)
    for i, m in enumerate(found):
        if m.table or m.qualifier or not (m.rows or m.column) or not _SOURCE.search(m.text) or \
                not _SOURCE_SCOPE.match(q[m.end:]) or \
                not (_operands_besides(q, found[i + 1:]) or _SET_ASKED.search(q, m.end)):
            continue  # 「…里，哪个项级科目最多」: the set asked is of the table's lines, no operand named
        return found[:i] + [_source_table(m, doc, q, found)] + found[i + 1:]
    return found


def _set_asked(q: str, found: list[Mention]) -> bool:
    """A ranking or list over a set of lines (「公立医院下面哪一类最多」), one line at most named (the parent):
    the set is read from one table, which the scope must name (a line's own figure is found by its name)."""
    named = [m for m in found if not m.qualifier and m.rows and not _SOURCE.search(m.text)]
    return bool(re.search(r"哪(?:一)?(?:个|项|类|款|些|几|种)|最(?:多|少|高|低|大|小)|第[二三四五]", q)) and len(named) <= 1


def _source_table(m: Mention, doc, q: str, found: list[Mention]) -> Mention:
    """A source of money said as where to read: for a set asked, the table of its spending (「一般公共预算财政拨款」
    → the 一般公共预算财政拨款支出(决算)表); else the words as a context word only."""
    if m.table or not _SOURCE.search(m.text) or not _set_asked(q, found):
        return replace(m, qualifier=True)
    from .vocab import _title_names
    said = re.sub(r"(?:拨款|资金)$", "", m.text)
    if len(said) < 2:
        return replace(m, qualifier=True)
    title = re.compile(re.escape(said) + r"(?:预算)?(?:财政)?(?:拨款)?支出")
    kinds = [t.kind for t in doc.tables if t.rows and
             any(title.fullmatch(_TITLE_STEM.sub("", n)) for n in _title_names(t.title))]
    return replace(m, rows=set(), column=None, table=kinds[0], qualifier=True) if kinds else replace(m, qualifier=True)


# After a line: 「“案件执行”这一项的财政拨款预算」, 「培训费里一般公共预算安排的是多少」 — the source, its stage or
# 安排, then the asking words or the clause's end.
_SOURCE_NAME = re.compile(r"(?=.*(?:财政|拨款|一般公共预算|政府性基金|国有资本))(?:一般公共预算|政府性基金(?:预算)?|"
                          r"国有资本经营(?:预算)?)?(?:财政)?(?:拨款)?(?:资金)?")
_SOURCE_TAIL = re.compile(r"^(?:拨款|资金)?(?:预算|决算)?(?:数|安排)?(?:的)?(?:部分|那部分)?(?:是|为|有)?"
                          r"(?:多少|几|[，,。？?]|$)")


def _source_of_line(q: str, found: list[Mention]) -> list[Mention]:
    """「“案件执行”这一项的财政拨款预算」: a source of money said after a named line, as a row name only (the
    收支总表's 财政拨款 income line, no column crossing the line), says which source's table the line is read in
    (a context word: the tables whose titles hold it first); it is no line under the one named."""
    from .tables import _JOIN
    for i, m in enumerate(found[1:], start=1):
        prev = found[i - 1]
        if m.table or m.qualifier or m.column or not m.rows or not _SOURCE_NAME.fullmatch(m.text) or \
                prev.qualifier or not prev.rows or _SOURCE.search(prev.text) or \
                not _JOIN.match(q[prev.end:m.start]) or not _SOURCE_TAIL.match(q[m.end:]):
            continue
        return found[:i] + [replace(m, qualifier=True)] + found[i + 1:]
    return found


# 「一般公共预算支出按经济分类的“302 商品和服务支出”」: the source and its classification say where the line is read.
_CLASSIFIED = re.compile(r"(?:拨款|资金|预算)?(?:支出)?(?:按照?|以)(?:政府)?(?:经济|功能)(?:科目)?分类(?:来看|看)?")


def _classified_source(q: str, found: list[Mention]) -> list[Mention]:
    """A source of money said with a classification before the lines asked (「一般公共预算支出按经济分类的X」):
    where X is read (a context word: the tables whose titles hold it first), no operand of its own."""
    for i, m in enumerate(found):
        if m.table or m.qualifier or not (m.rows or m.column) or not _SOURCE.search(m.text) or \
                not _CLASSIFIED.match(q, m.end) or not _operands_besides(q, found[i + 1:]):
            continue
        return found[:i] + [replace(m, qualifier=True)] + found[i + 1:]
    return found


_OWN = re.compile(r"[（(]本级[）)]")


def _own_unit(q: str, found: list[Mention]) -> list[Mention]:
    """「X局（本级）…中，2140112…是多少」: the bracketed 本级 says whose figures (the department's own unit), with
    figures named besides it; it is no operand."""
    for b in _OWN.finditer(q):
        inside = [m for m in found if b.start() <= m.start and m.end <= b.end()]
        rest = [m for m in found if m not in inside]
        if inside and _operands_besides(q, rest):
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
        after = q[m.end:]
        if q[:m.start].endswith(("（", "(")) and after.startswith(("）", ")")):
            after = after[1:]  # 「部门公开表5（一般公共预算支出表）里」: the title said in brackets after its number
        if m.table and not m.rows and not m.column and not m.qualifier and \
                (_SCOPE.match(after) or _SCOPE.match(re.sub("^" + _TITLE_TAIL, "", after))):
            nxt = next((x for x in found[i + 1:] if not x.qualifier), None)
            # 「支出总表中，项目支出…」 already reads the next figure in that table (tables.measures_from)
            joined = nxt is not None and _JOIN.match(q[m.end:nxt.start]) is not None
            if not joined:
                m = replace(m, qualifier=True)
        out.append(m)
    return out
