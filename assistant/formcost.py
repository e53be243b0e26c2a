"""A project's money where its own performance form prints two amounts for it: the 资金总额 of its funds rows
and a 成本指标 that restates the whole project's money otherwise (「菜篮子工程建设专项资金」: 资金总额 1800.00,
成本指标 财政投入控制数 =1849.5万元). Asked in plain words (「…专项资金是多少钱」), either figure is a fair
reading of the form: the answer names both, each cited, as ambiguous — never one picked silently. A question
naming one of them (「资金总额是多少」, 「安排了多少钱」 — the allocation —, 「财政投入控制数」) is no such question
and is left as it was answered.

Only an amount the indicator states (「=1849.5万元」, 「1849.5万元」), not a ceiling or floor (「≤6557万元」 bounds
the cost, it does not say what the project has), and only a cost indicator whose name says it is the project's whole money counts (财政投入, 项目总成本, 项目成本控制,
预算控制数 …: data in ``_WHOLE``); a part's cost (培训住宿费, 物资成本, 单价) is not another reading of the total.
The amounts are compared in 元, so one printed in 万元 and the same in 元 are one reading.
"""
from __future__ import annotations

import re

from . import arith
from .answer import AMBIGUOUS, ANSWERED, Answer
from .perfforms import Form

# A cost indicator naming the project's money as a whole (the forms' own wordings).
_WHOLE = re.compile(r"^(?:项目|财政)?(?:总|实施|耗用|完成)?(?:成本|投入)(?:控制数?|总数|总额)?$|^财政(?:资金)?投入|"
                    r"^项目(?:总)?(?:成本|投入)|^预算控制数|^(?:项目)?总成本$|^(?:项目)?总投入$")
# The question names which figure it means: the funds row (「安排了多少钱」 asks what the budget arranges, the
# 资金总额 the disclosure's tables print too) or the indicator itself.
_NAMES_ONE = re.compile(r"资金总额|总额|财政拨款|拨款|上年结转|其他资金|执行|年初|全年预算|预算数|安排|"
                        r"成本|投入|控制数|指标")
_SCALE = {"元": 1, "万元": 10000, "亿元": 100000000}


def _in_yuan(value, unit: str | None):
    unit = (unit or "").strip()
    tail = next((u for u in ("亿元", "万元", "元") if unit.endswith(u)), None)
    return None if value is None or tail is None else value * _SCALE[tail]


def readings(question: str, q: str, f: Form, ans: Answer | None) -> Answer | None:
    """``ans``, the form's 资金总额 as answered, or both readings where a whole-cost indicator differs."""
    if ans is None or ans.status != ANSWERED or ans.value is None or not ans.citations or _NAMES_ONE.search(q):
        return ans
    total = _in_yuan(ans.value, ans.unit)
    if total is None:
        return ans
    others = []
    for t in f.targets:
        v = t.target
        if v is None or v.number is None or v.comparator not in (None, "=") or "成本" not in f"{t.level1 or ''}{t.level2 or ''}" or \
                not _WHOLE.search(re.sub(r"\s", "", t.name)):
            continue
        amount = _in_yuan(v.number, v.unit)
        if amount is not None and amount != total and (t, v) not in others:
            others.append((t, v))
    if not others:
        return ans
    from .perftables import _cite_value
    first = ans.citations[0]
    lines = [f"资金总额 {arith.with_unit(ans.value, ans.unit)}（{first.table}，{first.row}行，第{first.page}页）"]
    lines += [f"{t.level2 or t.level1}“{t.name}” {v.raw.strip()}（{t.table.title}，{t.name}行，第{t.row.page or t.table.page}页）"
              for t, v in others]
    text = (f"{f.project or f.table.title}的{f.table.kind or '绩效表'}对项目的钱印了不同的数：" + "；".join(lines)
            + "。问的是哪一个，请说明（资金总额是项目安排的资金，成本指标是绩效目标里控制的投入）。")
    cites = ans.citations[:1] + [_cite_value(t, v, "指标值") for t, v in others]
    return Answer(question, AMBIGUOUS, text, None, None, None, cites, readings=lines)
