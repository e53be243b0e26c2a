"""Two stages of a performance form's funds row compared: 「年初预算比调整后的全年预算多了多少」, 「年初预算是多少、
全年预算调到多少？调增了多少」. A 自评表 prints 年初预算数 | 全年预算数 | 全年执行数 on its 年度资金总额 row; asked about
two of them with a difference word, the answer is their difference (the larger less the smaller, a magnitude), each
cell cited — not one stage's figure, nor a sentence of the narrative that restates one of them."""
from __future__ import annotations

import re

from . import perftables
from .answer import ANSWERED, Answer
from .perfforms import Form, _leaf


def stages_said(q: str) -> int:
    """How many of the funds row's stages the question says (two: a difference between them, no second project)."""
    return sum(1 for _, words, _ in _STAGE_SAID if re.search(words, q))


def asks_between(q: str) -> bool:
    """A difference asked between the funds row's stages (the form's funds, not a sentence about them)."""
    return bool(_BETWEEN.search(q) and re.search(r"年初|全年预算|调整", q))


# The funds row's stages as a question says them: 年初预算数, 全年预算数 (调整后), 全年执行数.
_STAGE_SAID = (("年初预算数", r"年初", "年初"),
               ("全年预算数", r"全年预算|调整后|调整预算|调到|调增|调减|调整了", "全年预算"),
               ("全年执行数", r"执行数|执行了|实际(?:花|支出|用)", "执行数"))
_BETWEEN = re.compile(r"调增|调减|调整了多少|差(?:了|额|距)?多少|相差|差额|多(?:了|出)?多少|少(?:了)?多少|增加了?多少|减少了?多少")


def between(question, q, doc, f: Form, row, cells) -> Answer | None:
    """「年初预算比调整后的全年预算多了多少」「年初预算是多少、全年预算调到多少？调增了多少」: two stages of the
    form's funds row, their difference (the larger less the smaller, as a magnitude), each cell cited."""
    if not _BETWEEN.search(q):
        return None
    said = []
    for name, words, column in _STAGE_SAID:
        m = re.search(words, q)
        cell = next((c for c in cells if column in _leaf(c.column) or column in c.column), None) if m else None
        if cell is not None:
            said.append((m.start(), name, cell))
    if len(said) != 2:
        return None
    (_, name_a, a), (_, name_b, b) = sorted(said, key=lambda s: s[0])
    (big_name, big), (small_name, small) = sorted(((name_a, a), (name_b, b)), key=lambda s: s[1].value, reverse=True)
    diff = big.value - small.value
    unit = perftables._money_unit(f, row, big, False)
    formula = f"{big.raw.strip()} − {small.raw.strip()} = {diff}"
    text = (f"{f.project or f.table.title}的{row.label.rstrip('：:')}：{name_a} {a.raw.strip()}，{name_b} {b.raw.strip()}；"
            f"{big_name}比{small_name}多 {diff} {unit or ''}。计算：{formula}（{f.table.title}，{row.label}行，"
            f"第{row.page or f.table.page}页）")
    return Answer(question, ANSWERED, text, diff, unit, formula,
                  [perftables._cite_cell(doc, f.table, row, a), perftables._cite_cell(doc, f.table, row, b)])
