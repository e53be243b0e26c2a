"""Groups a table prints beside its lines but never totals, compared or summed: 「政府购买服务里，“公共服务”和“政府履职
辅助性服务”这两大类哪个钱多」.

A 政府购买服务 table prints each line with the categories it falls under in cells of their own
(指导性目录 一级 「01-公共服务」, 二级 「0115-公共信息与宣传服务」) and no subtotal row for a category. A category the
question names is then the sum of the lines printed under it, each cited, the formula shown: two or more named are
compared (the larger, or the smaller where asked, or the gap), one named alone is summed. A category that is
also a line's own name is that line's (the table answers), and one the question names while asking which of its
lines is largest is groups.in_group's ranking.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, default_column, plain_label, unit_of
from .groups import _group_names

_GAP = re.compile(r"(?:多|少|高|低|差)(?:出|了)?(?:多少|几)|相差|差额|差距|差多少")
_LOW = re.compile(r"哪(?:个|一个|类|一类|种|项)?.{0,4}?(?:少|低|小)|最(?:少|低|小)")
_MONEY = re.compile(r"多少|金额|钱|合计|一共|总共|总计|共计|总额|之和|加起来")


def _said(q: str, t, labels: set[str]) -> list[tuple[str, list]]:
    """The groups of ``t`` the question names (longest names first, none inside another's words), each with
    its lines; a group of every line, one the document prints as a line of its own, or one said only inside a
    line's name (「公共服务」 in 一般公共服务支出) is none."""
    col = default_column(t)
    if col is None:
        return []
    members: dict[str, list] = {}
    for r in t.rows:
        c = r.cell(col)
        if c is None or c.value is None or c.blank:
            continue
        for n in dict.fromkeys(_group_names(r)):
            if len(n) >= 4:
                members.setdefault(n, []).append(r)
    taken = [(m.start(), m.end()) for n in labels if len(n) >= 4 for m in re.finditer(re.escape(n), q)]
    out = []
    for name in sorted(members, key=len, reverse=True):
        i = q.find(name)
        if i < 0 or name in labels or any(a < i + len(name) and i < b and b - a > len(name) for a, b in taken):
            continue
        if len(members[name]) == len([r for r in t.rows if r.code or plain_label(r.label) not in ("合计", "总计")]):
            continue
        taken.append((i, i + len(name)))
        out.append((i, name, members[name]))
    return [(n, rows) for _, n, rows in sorted(out)]


def answer(question: str, q: str, doc) -> Answer | None:
    if W.CHANGE.search(q) or W.SHARE.search(q):
        return None
    compare = bool(W.COMPARE.search(q) or W.RANK.search(q) or _GAP.search(q))
    tables = [t for t in doc.tables if t.rows and t.kind == model.SERVICES]
    if not tables:
        return None
    labels = {plain_label(r.label) for x in doc.tables for r in x.rows}
    for t in tables:
        said = _said(q, t, labels)
        if not said:
            continue
        if compare and len(said) < 2:
            return None  # 「公共服务里哪一项最多」: the group's lines ranked (groups.in_group)
        if not compare and (len(said) != 1 or not _MONEY.search(q)):
            return None
        col = default_column(t)
        sums, refs = [], []
        for name, rows in said:
            cells = [CellRef(doc.document, t, r, r.cell(col)) for r in rows]
            units = {unit_of(c) for c in cells}
            if len(units) != 1:
                return None
            s = arith.total([c.value for c in cells])
            sums.append((name, s, units.pop(), cells))
            refs += cells
        if len(sums) == 1:
            name, s, unit, cells = sums[0]
            return _answer(question, f"{name}（{t.title}未列该类合计，按其下各行相加：{_lines(cells, unit)}）合计 "
                                     f"{arith.with_unit(s.value, unit)}", s.value, unit, s.formula, refs)
        if len({u for _, _, u, _ in sums}) != 1:
            return None
        unit = sums[0][2]
        shown = "；".join(f"{n} {arith.with_unit(s.value, unit)}（{_lines(c, unit)}）" for n, s, _, c in sums)
        formulas = "；".join(f"{n}：{s.formula}" for n, s, _, _ in sums)
        order = sorted(sums, key=lambda x: x[1].value, reverse=True)
        (hi, shi, _, _), (lo, slo, _, _) = order[0], order[-1]
        if _GAP.search(q) and len(sums) == 2:
            gap = arith.difference(shi.value, slo.value)
            return _answer(question, f"{t.title}未列各类合计，按各行相加：{shown}。{hi}比{lo}多 "
                                     f"{arith.with_unit(gap.value, unit)}", gap.value, unit,
                           f"{formulas}；{gap.formula}", refs)
        low = bool(_LOW.search(q))
        pick, ps = (lo, slo) if low else (hi, shi)
        sign = " < " if low else " > "
        ranked = sign.join(arith.fmt(s.value) for _, s, _, _ in (reversed(order) if low else order))
        return _answer(question, f"{t.title}未列各类合计，按各行相加：{shown}。{pick}{'最少' if low else '最多'}"
                                 f"，{arith.with_unit(ps.value, unit)}", ps.value, unit, f"{formulas}；{ranked}", refs)
    return None


def _lines(cells, unit) -> str:
    return " + ".join(f"{plain_label(c.row.label)} {arith.fmt(c.value)}" for c in cells)


def _answer(question, text, value, unit, formula, refs) -> Answer:
    sources = "；".join(c.where() for c in refs)
    return Answer(question, ANSWERED, f"{text}。计算：{formula}（数据：{sources}）", value, unit, formula,
                  [c.citation() for c in refs])
