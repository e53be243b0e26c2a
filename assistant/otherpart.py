"""「年末结转和结余里，不属于财政拨款的那部分有多少」「年初结转和结余里，财政拨款以外的部分」: a whole less its part from one source, each printed in its
own table — the department's 年末结转和结余 (收入支出决算总表) less its 财政拨款 part (财政拨款收入支出决算总表's
年末财政拨款结转和结余).

A disclosure prints a figure for all the department's money in one table and the same figure for one source of
money (财政拨款, 一般公共预算 …) in another: the line's name with the source's words inside it (年末「财政拨款」结转
和结余), or the same name in a table whose title is the source's (财政拨款收入支出决算总表 printing 年末结转和结余).
What is not from that source is the first less the second, worked with Decimal, both cells cited, the formula
shown. The whole is the line printed under its own name in a table whose title does not say the source; the part
is found as above. Where either is printed twice with different figures, or the part exceeds the whole, nothing
is answered here.
"""
from __future__ import annotations

import re

from . import arith, figures
from .answer import Answer
from .corpus import CellRef, default_column, plain_label
from .vocab import normalize

_SOURCE = r"财政拨款|一般公共预算(?:财政)?拨款|一般公共预算|政府性基金(?:预算)?(?:财政)?拨款|政府性基金|国有资本经营预算"
# 「Y里，不属于X的那部分」「Y中非X的部分」「Y当中不是X安排的钱」
_NOT = re.compile(rf"(?:里|中|当中|里面|之中)(?:的)?[,，]?(?:不属于|不是|并非|非)(?:由|来自|从)?(?P<src>{_SOURCE})"
                  r"(?:安排|资金)?(?:的)?(?:那|这)?(?:一)?(?:部分|块|些|资金|钱)")
# 「Y里，财政拨款以外的部分」「Y中除财政拨款之外的钱」: the source said first, 以外/之外 after it
_BESIDES = re.compile(rf"(?:里|中|当中|里面|之中)(?:的)?[,，]?(?:除了?|除去)?(?P<src>{_SOURCE})(?:安排|资金)?(?:以外|之外|外)"
                      r"(?:的)?(?:那|这)?(?:一)?(?:部分|块|些|资金|钱)")
_ANY_SOURCE = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本")


def answer(question: str, q: str, doc, vocab) -> Answer | None:
    m = _NOT.search(q) or _BESIDES.search(q)
    if m is None:
        return None
    before = [x for x in vocab.mentions(q[:m.start()]) if x.rows and not x.table and x.end == m.start()]
    if not before:
        return None
    names = {normalize(r) for r in before[-1].rows}
    said = re.match(r"收入|支出", before[-1].text)  # 「支出总计」: the 总计 of the 支出 side, not the 收入 one
    side = said.group() if said else None
    src = m.group("src")
    # the whole: printed in a table of all the department's money (no source in its title)
    whole = _one(doc, lambda t, r: plain_label(r.label) in names and not _ANY_SOURCE.search(normalize(t.title)), side)
    # the part: the name with the source put inside it, else the name in the table of that source alone
    part = _one(doc, lambda t, r: any(_inserted(plain_label(r.label), n, src) for n in names), side) or \
        _one(doc, lambda t, r: plain_label(r.label) in names and _only(normalize(t.title), src), side)
    if whole is None or part is None or whole.table is part.table:
        return None
    values, unit, conv = figures.common_unit([whole, part])
    if values[1] > values[0]:
        return None
    rest = values[0] - values[1]
    r = arith.Result(rest, f"{arith.fmt(values[0])} − {arith.fmt(values[1])} = {arith.fmt(rest)}")
    text = (f"{whole.name()}中不属于{src}的部分为 {arith.with_unit(rest, unit)}（{whole.table.title.strip()}"
            f" {whole.name()} {arith.with_unit(values[0], unit)}，其中{src} {arith.with_unit(values[1], unit)}："
            f"{part.table.title.strip()} {part.name()}）")
    return figures.computed(question, text, r, unit, [whole, part], conversions=conv)


def _only(title: str, src: str) -> bool:
    """The title says the source and no other (财政拨款收入支出决算总表, not 政府性基金预算财政拨款…表)."""
    return src in title and not _ANY_SOURCE.search(title.replace(src, ""))


def _inserted(label: str, name: str, src: str) -> bool:
    """年末财政拨款结转和结余 is 年末结转和结余 with 财政拨款 put inside it."""
    i = label.find(src)
    return i > 0 and label[:i] + label[i + len(src):] == name


def _one(doc, fits, side: str | None) -> CellRef | None:
    """The one figure of the lines that fit, in each table's main column (or its side's): None when none, or
    when they print different figures."""
    refs = []
    for t in doc.tables:
        for r in t.rows:
            if fits(t, r) and not (side and r.side and r.side != side):
                col = default_column(t, r.side)
                cell = r.cell(col) if col else None
                if cell is None or cell.value is None:
                    cells = [c for c in r.cells if c.value is not None]
                    cell = cells[0] if len(cells) == 1 else None
                if cell is not None:
                    refs.append(CellRef(doc.document, t, r, cell))
    return refs[0] if refs and len({c.value for c in refs}) == 1 else None
