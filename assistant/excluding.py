"""「除了X，哪个最大」: a ranking (or list, count) over a set with the lines the question sets aside left out.

Users set aside the line everyone knows is largest to ask about the rest — 「除了2亿元的文化产业发展专项资金，
哪个专项业务经费项目金额最大」, 「除了工资福利支出，哪类最多」, 「人员经费以外，哪一项最多」, 「不算X的话，…」.
X is no operand (read as one, it becomes the parent whose lines are ranked, or the answer itself); it is the
item left out of the set. The rankers (assistant/ranks.py, sets.py) drop the items X names and say so in the
answer, with X's own figure and citation, so the reader sees what was set aside.
"""
from __future__ import annotations

import re

from . import arith
from . import wording as W
from .corpus import plain_label, unit_of
from .vocab import normalize

# The clause: 「除了X(以外|之外)，」「除X外，」「X以外，」「不算X(的话)，」「不计X，」「不包括X，」「去掉X，」.
# 除了 may follow the year or the department's name (「2021年除了X，」); a bare 除 or X以外 opens a clause.
_CLAUSE = re.compile(r"(?:(?:除了|除去|除开|(?:^|(?<=[，,。；;年]))除(?!以))(?P<a>[^，,。？?；;]{2,40}?)(?:以外|之外|外)?(?:的话)?"
                     r"|(?:^|(?<=[，,。；;]))(?P<b>[^，,。？?；;除]{2,40}?)(?:以外|之外)"
                     r"|(?:不算|不计|不包括|去掉|排除|刨去|刨除)(?P<c>[^，,。？?；;]{2,40}?)(?:的话)?)(?=[，,])"
                     # 「…加起来是多少？会议费和培训费不算。」: the names before 不算, a clause of its own.
                     r"|(?:^|(?<=[，,。；;？?]))(?P<d>[^，,。？?；;]{2,40}?)(?:都|也)?不(?:算|计|包括|含)(?:在内)?(?=[，,。；;？?]|$)")
# Words around the name that are no part of it: 「2亿元的」「那个」「这一项」 ….
_LEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?的?)?(?:[\d.,，]+\s*(?:亿|万|千)?元的?)?(?:那个|这个|那笔|这笔|那项|这项|那一项|这一项)?"
                   r"[“「\"]?")
_TAIL = re.compile(r"[”」\"]?(?:这一?项|这个项目|这笔|这块|项目)?$")


def names(q: str) -> list[str]:
    """The names the question sets aside (normalised, at least two characters)."""
    out = []
    for m in _CLAUSE.finditer(q):
        said = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g)
        name = _TAIL.sub("", _LEAD.sub("", normalize(said)))
        if len(name) >= 2:
            out.append(name)
    return out


def spans(q: str) -> list[tuple[int, int]]:
    """Where the set-aside names stand in the question (their mentions are no operands)."""
    out = []
    for m in _CLAUSE.finditer(q):
        g = next(k for k in ("a", "b", "c", "d") if m.group(k))
        out.append((m.start(g), m.end(g)))
    return out


def mentions(q: str, found: list) -> list:
    """The question's mentions without those of a set-aside name, where something else is asked besides."""
    cut = spans(q)
    if not cut:
        return found
    if not (W.RANK.search(q) or W.COUNT.search(q) or W.LIST.search(q) or re.search(r"哪|谁", q) or W.SUM.search(q)):
        return found  # 「除了财政拨款，还有别的收入吗」: the rest of a whole, not a set ranked or listed
    # A sum (「A、B、C加起来…，D不算」): the names set aside are no operands either.
    return [m for m in found if not any(a <= m.start and m.end <= b for a, b in cut)]


def _text(label: str) -> str:
    return normalize(plain_label(label))


def split(q: str, items: list, label) -> tuple[list, list]:
    """(the items kept, the items set aside): those whose label (``label(item)``) a set-aside name names — the
    line of that very name where one is printed (工资福利支出, not 其他工资福利支出 too), else the lines whose
    name holds it or that it holds (「除了A和B」 holds both names)."""
    out = []
    for name in names(q):
        exact = [i for i in items if _text(label(i)) == name]
        out += exact or [i for i in items if name in _text(label(i)) or
                         (len(_text(label(i))) >= 4 and _text(label(i)) in name)]
    return [i for i in items if i not in out], [i for i in items if i in out]


# 「其他几类加起来是多少」「剩下的一共多少」: the rest asked as one amount, not counted or listed.
_REST_SUMMED = re.compile(r"(?:加起来|加在一起|合起来|加总|之和|总和|合计|一共|总共|共计)(?:是|有|为)?(?:多少|几)"
                          r"(?!个|项|类|张|条|所|辆|台|家|种|款)")


# The lines left said as such: 「其余各项」「其他几类」「剩下的」 — without it, 「…三项加起来是多少？培训费不算」 sums the
# lines named, and the set aside only says what is not among them.
_REST = re.compile(r"其余|其他|其它|剩下|剩余|余下")


def rest_summed(q: str) -> bool:
    """The lines left after those set aside are asked as one sum (「除了X以外，其他几类加起来是多少」)."""
    return bool(names(q)) and bool(_REST_SUMMED.search(q)) and bool(_REST.search(q))


def summed(question: str, title: str, description: str, refs: list, gone: list):
    """The lines kept, summed: each line's figure, the formula over those with an amount, every line cited."""
    from .answer import ANSWERED, Answer
    valued = [c for c in refs if c.cell is not None and c.value is not None]
    units = {unit_of(c) for c in valued}
    if not valued or len(units) != 1:
        return None
    unit = units.pop()
    result = arith.total([c.value for c in valued if c.value] or [valued[0].value])
    listed = "、".join(f"{c.name()}（{arith.with_unit(c.value, unit)}）" for c in valued if c.value)
    zero = "；其余各项为 0" if any(not c.value for c in valued) else ""
    text = (f"{description}除所不计的以外合计 {arith.with_unit(result.value, unit)}{note(gone)}："
            f"{listed}{zero}（{title}）")
    return Answer(question, ANSWERED, text, result.value, unit, result.formula,
                  [c.citation() for c in valued if c.value] + [c.citation() for c in gone])


def note(refs: list) -> str:
    """「（已按问题不计：X 200000000.00 元）」: what was set aside, with its figure."""
    if not refs:
        return ""
    return "（已按问题不计：" + "；".join(f"{plain_label(c.row.label)} {arith.with_unit(c.value, unit_of(c))}"
                                    for c in refs) + "）"
