"""Lines of a named group picked by a word their names share, summed: 「管养维护项目中，几个收费站的运营管理费用
加起来是多少」 (under 2.管养维护项目: 秀峰、横岗、塘背收费站运营管理费用 1,487.40, 盐坝高速公路坝光收费站物业运营
维护管理费用 910.00, 大件运输主通道沿线桥涵结构验算支出 176.00).

The question names the group (a line, said before 中/里/下) and then the lines it wants not by their names but by
a word some of them share (收费站): no line's name is said, so read as a table question the words name nothing
(几个 reads as a count of something else). The group's lines are the lines under it (assistant/nesting.py:
by code, numbering, or the figures adding up to it); the word is the longest run of the question's words after
the group that some of them hold but not all (a run all of them hold picks nothing out: the group's own figure
answers). Those lines are added, each cited, the formula shown. Two runs of that length picking different lines
leave the question to the general reading.
"""
from __future__ import annotations

import re

from . import arith, figures
from .corpus import CellRef, default_column, plain_label
from .nesting import _adds_up, children

_SCOPE = re.compile(r"^(?:的)?(?:里面|当中|之中|中|里|下面|下|项下)(?:的)?[，,]?")
_SUM = re.compile(r"加起来|加在一起|加一起|一共|总共|合计|合起来|之和|共计|总和|加总")
# What a question says of the lines besides their shared word: how many, which, what they are.
_FILLER = re.compile(r"^(?:其中)?(?:的)?(?:这|那)?(?:几|两|三|四|五|各|所有|全部|有关|相关)?(?:个|项|笔|条|类)?(?:的)?")


def answer(question: str, q: str, doc, mentions, vocab) -> object | None:
    sum_at = _SUM.search(q)
    if sum_at is None:
        return None
    for g in mentions:
        if not g.rows or g.column or g.table or g.qualifier:
            continue
        scope = _SCOPE.match(q[g.end:])
        if scope is None or not scope.group():
            continue
        start = g.end + scope.end()
        if start >= sum_at.start():
            continue
        said = _FILLER.sub("", q[start:sum_at.start()])
        if len(said) < 3 or any(m.rows or m.column for m in vocab.mentions(said)):
            continue  # a line named by its name: the tables' reading
        ans = _picked(question, doc, g.rows, said)
        if ans is not None:
            return ans
    return None


def _picked(question: str, doc, group: set[str], said: str):
    for t in doc.tables:
        col = default_column(t)
        for parent in t.rows:
            if plain_label(parent.label) not in group or col is None:
                continue
            kids = [k for k in _under(t, parent, col) if k.cell(col) is not None and k.cell(col).value is not None]
            if len(kids) < 3:
                continue  # two lines, one picked: its own name asks it
            chosen = _shared(said, [plain_label(k.label) for k in kids])
            if chosen is None:
                continue
            word, picked = chosen
            refs = [CellRef(doc.document, t, kids[i], kids[i].cell(col)) for i in picked]
            values, unit, conv = figures.common_unit(refs)
            r = arith.total(values)
            parts = "；".join(f"{c.name()} {arith.with_unit(v, unit)}" for c, v in zip(refs, values))
            text = (f"{plain_label(parent.label)}下名称含“{word}”的 {len(refs)} 项合计 "
                    f"{arith.with_unit(r.value, unit)}（{parts}）")
            return figures.computed(question, text, r, unit, refs, conversions=conv)
    return None


# A line's own numbering: 「2.管养维护项目」「（二）…」「3、…」 — the next line numbered so closes its block.
_NUMBERED = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")


def _under(t, parent, col) -> list:
    """The lines under ``parent``: as the table nests them (assistant/nesting.py), else — a numbered line of a long
    list (the narrative's figures: 「2.管养维护项目」 then its parts, then 「3.智慧交通管理」) — the lines up to the next
    line numbered the same way, where their figures add up to the parent's."""
    kids = children(t, parent)
    if kids:
        return kids
    own = _NUMBERED.match(parent.label)
    if own is None or parent.cell(col) is None or parent.cell(col).value is None:
        return []
    style = re.sub(r"[\d一二三四五六七八九十]+", "N", own.group())
    block = []
    for r in t.rows[t.rows.index(parent) + 1:]:
        m = _NUMBERED.match(r.label)
        if m is not None and re.sub(r"[\d一二三四五六七八九十]+", "N", m.group()) == style:
            break
        block.append(r)
    values = [r.cell(col).value if r.cell(col) is not None else None for r in block]
    if len(block) < 2 or None in values or not _adds_up(values, parent.cell(col).value):
        return []
    return block


def _shared(said: str, names: list[str]) -> tuple[str, list[int]] | None:
    """The longest run of ``said`` (3 characters at least) that two or more of ``names`` hold but not all, and the
    names holding it; None where none does, or two such runs pick different names."""
    runs = {said[i:j] for i in range(len(said)) for j in range(i + 3, len(said) + 1)
            if re.fullmatch(r"[\u4e00-\u9fff]+", said[i:j])}
    best: list[tuple[str, tuple[int, ...]]] = []
    for run in sorted(runs, key=len, reverse=True):
        if best and len(run) < len(best[0][0]):
            break
        held = tuple(i for i, n in enumerate(names) if run in n)
        if 2 <= len(held) < len(names):
            best.append((run, held))
    if not best or len({h for _, h in best}) > 1:
        return None
    return best[0][0], list(best[0][1])
