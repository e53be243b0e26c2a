"""A figure asked, then the asker's own arithmetic said after it: 「表6一般公共预算基本支出的合计数是多少？我把工资
福利、商品和服务、对个人和家庭补助三类加起来只有14,913.64。」, 「…合计是多少？我自己加了一下A和B，是1,234.56」.

The second sentence is what the asker did, not what is asked: its lines are no operands to add to the figure
asked, and its number is no line's name. The figure is asked without it (the clause before), answered as any
lookup — the printed figure, cited. The lines the asker added are then read in the table the answer is read in
(each cited) and their sum computed: where it differs from the printed figure the answer says so beside it
(a printed total rounds its own figure, its parts each round theirs: 尾数差), and whether the asker's number is
that sum. The answer's figure stays the printed one.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import ANSWERED
from .corpus import CellRef, default_column, plain_label

# 「我把A、B、C三类加起来只有N」「我自己加了一下…是N」「可我算出来是N」: the asker's own sum, in a sentence after the question.
_OWN = re.compile(r"[？?。！!，,]\s*(?P<own>(?:可|但|不过)?(?:我|自己|本人)[^？?。！!]*?(?:加起来|加了|加一下|加总|相加|合计|"
                  r"算了|算出|算下来|算的|加在一起|一加)[^？?。！!]*?(?P<n>\d[\d,，]*(?:\.\d+)?)[^？?。！!\d]*)[？?。！!]*$")


def answer(engine, question: str, q: str, doc):
    m = _OWN.search(q)
    if m is None:
        return None
    asked_q = q[:m.start() + 1]
    if len(re.sub(r"[^\u4e00-\u9fff]", "", asked_q)) < 4:
        return None
    asked = engine.checked(question, asked_q, doc)
    if asked.status != ANSWERED or asked.value is None or not asked.citations or \
            asked.citations[0].table_ordinal is None:
        return asked
    cite = asked.citations[0]
    table = next((t for t in doc.tables if t.ordinal == cite.table_ordinal), None)
    if table is None:
        return asked
    col = cite.column or default_column(table)
    refs = []
    for part in engine.vocab_for(doc).mentions(m.group("own")):
        if not part.rows:
            continue
        row = next((r for r in table.rows if plain_label(r.label) in part.rows and r.cell(col) is not None and
                    r.cell(col).value is not None), None)
        if row is None:
            return asked  # a part the table does not print: no sum of the table's to set beside the total
        if not any(x.row is row for x in refs):
            refs.append(CellRef(doc.document, table, row, row.cell(col)))
    if len(refs) < 2:
        return asked
    total = arith.total([c.value for c in refs])
    stated = Decimal(m.group("n").replace(",", "").replace("，", ""))
    names = "、".join(c.name() for c in refs)
    if total.value == asked.value:
        note = f"表中{names}之和也是 {arith.with_unit(total.value, asked.unit)}，与合计一致"
        formula = total.formula
    else:
        diff = arith.difference(asked.value, total.value)
        # Within half the last place printed for each figure: the total and its parts were each rounded.
        places = min([asked.value.as_tuple().exponent] + [c.value.as_tuple().exponent for c in refs])
        rounding = abs(diff.value) <= Decimal(1).scaleb(places) / 2 * (len(refs) + 1)
        why = "合计与各行分别四舍五入，尾数误差所致，" if rounding else ""
        note = (f"表中{names}各行之和为 {arith.with_unit(total.value, asked.unit)}，比印出的合计"
                f"{'少' if diff.value > 0 else '多'} {arith.fmt(abs(diff.value))}：{why}"
                f"表中印出的合计是 {arith.with_unit(asked.value, asked.unit)}")
        formula = f"{total.formula}；{diff.formula}"
    if stated == total.value:
        note += "（您加出的数正是各行之和）"
    asked.answer = f"{asked.answer}\n核对您的加法：{note}。"
    asked.calculation = f"{asked.calculation}；{formula}" if asked.calculation else formula
    asked.citations = asked.citations + [c.citation() for c in refs]
    return asked
