"""「除了X以外，剩下的Y还有多少」: a whole less a named part — Y's total less X's line, both cited.

Users set aside the one large line to ask what the rest of a table comes to: 「除了那2个亿的文化产业发展专项
资金以外，剩下的一般公共预算支出还有多少」. Y names a table by its title's words (一般公共预算支出 →
一般公共预算支出明细表), its 合计 is the whole; X is that table's line whose name X says (its generic ending —
资金, 支出, 经费 — set aside, so 文化产业发展专项资金 is the line 文化产业发展专项支出). The answer is 合计 − X with
the formula. Where no table's title says Y, or no line of it X, nothing is answered here (another family may).
A ranking, count or list of the rest (「除了X，哪个最大」) is assistant/excluding.py's, a sum of named lines with
some set aside assistant/operands.py's.
"""
from __future__ import annotations

import re

from . import arith, excluding
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label, unit_of
from .tables import default_column
from .vocab import normalize

# 「剩下的一般公共预算支出还有多少」: the whole the rest is of, after a word saying "the rest".
_REST = re.compile(r"(?:剩下|剩余|其余|余下|还剩)(?:的)?(?P<w>[\u4e00-\u9fff]{2,16}?)(?:还有|还剩|一共|总共|合计|是|有|为)")
_ENDING = re.compile(r"(?:专项资金|资金|支出|经费|费用|预算)$")
_TOTAL = re.compile(r"^(?:合计|总计)$")


def _stem(label: str) -> str:
    s = normalize(plain_label(label))
    return _ENDING.sub("", s) if len(_ENDING.sub("", s)) >= 4 else s


def answer(question: str, q: str, doc) -> Answer | None:
    names = excluding.names(q)
    if len(names) != 1 or W.RANK.search(q) or W.COUNT.search(q) or W.LIST.search(q) or re.search(r"哪|谁", q):
        return None
    # The whole as the user said it: the engine's rewording (「一般公共预算支出」 → 「一般公共支出预算」) names no title.
    m = _REST.search(normalize(question)) or _REST.search(q)
    if not m:
        return None
    whole, part = normalize(m.group("w")), names[0]
    found = []
    for t in doc.tables:
        if whole not in normalize(t.title or "") or not t.rows:
            continue
        column = default_column(t)
        total = next((r for r in t.rows if _TOTAL.match(plain_label(r.label))), None)
        if column is None or total is None or total.cell(column) is None or total.cell(column).value is None:
            continue
        lines = [r for r in t.rows if r is not total and len(_stem(r.label)) >= 4 and _stem(r.label) in part
                 and r.cell(column) is not None and r.cell(column).value is not None]
        if lines:
            best = max(len(_stem(r.label)) for r in lines)
            lines = [r for r in lines if len(_stem(r.label)) == best]
            found.append((t, column, total, lines[0]))
    if not found:
        return None
    values = {(f[2].cell(f[1]).value, f[3].cell(f[1]).value) for f in found}
    if len(values) != 1:
        return None  # tables of that title disagree: no one remainder
    table, column, total, line = found[0]
    whole_ref, part_ref = CellRef(doc.document, table, total, total.cell(column)), \
        CellRef(doc.document, table, line, line.cell(column))
    if part_ref.value > whole_ref.value:
        return None
    rest = whole_ref.value - part_ref.value
    unit = unit_of(whole_ref)
    formula = f"{arith.fmt(whole_ref.value)} − {arith.fmt(part_ref.value)} = {arith.fmt(rest)}"
    text = (f"{m.group('w')}除{plain_label(line.label)}以外还有 {arith.with_unit(rest, unit)}"
            f"（{table.title}：合计 {arith.with_unit(whole_ref.value, unit)}，{plain_label(line.label)} "
            f"{arith.with_unit(part_ref.value, unit)}，第{table.page}页）")
    return Answer(question, ANSWERED, text, rest, unit, formula, [whole_ref.citation(), part_ref.citation()])
