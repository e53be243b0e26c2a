"""A ranking of changes across departments: 「哪个部门的机关运行经费比上年减少得最多？」「各部门三公经费较上年
降幅最大的是谁」.

What is ranked is each department's change over its own last year — as its own document states it (the
narrative's 「比上年减少5,553.36万元」, or its table's two columns), read exactly as a question about that
department alone reads it — never the amounts themselves. The direction asked (减少, 增加) picks the
departments that changed that way; those that changed the other way are named beside the ranking, and a
department stating no change is named as missing, never counted as 0.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith, keyfigures
from .answer import ANSWERED, NOT_FOUND, Answer
from .yearasked import RATE

# The change said after the figure's name: 「比上年」「较2025年」「与上年相比」「同比」.
_AGAINST = r"(?:(?:比|较|与|同|跟)(?:上年|去年|上一年|前一年|(?:19|20)\d{2}\s*年)(?:预算|决算|年初预算)?数?(?:相比)?|同比)"
_DOWN = r"减少|下降|降低|压减|缩减|减|降|少了"
_UP = r"增加|增长|上升|提高|增|涨|多了"
# The ranking of the change: 「减少得最多」「降幅最大」「增加最多的」「谁增长得多」, or 「变化最大」 (either way).
_RANKED = re.compile(rf"(?:{_DOWN}|{_UP}|变化|变动|增减)(?:幅度|得|的|了)?(?:幅度)?(?:最|更)(?:多|大|少|小|高|低)|"
                     rf"(?:降幅|减幅|增幅|跌幅|涨幅|变化幅度)(?:最|更)?(?:大|小|高|低)|"
                     rf"(?:最|更)(?:多|大)的?(?:{_DOWN}|{_UP})")
# What the question says after the figure that is no part of its name: the comparison and what follows it.
_TAIL = re.compile(rf"的?(?:{_AGAINST}|降幅|减幅|增幅|跌幅|涨幅|变化幅度|增减幅度).*$")


def asks(q: str) -> bool:
    """A ranking whose figure is a change over last year (its own document's), not an amount."""
    return bool(_RANKED.search(q)) and bool(re.search(_AGAINST + "|上年|去年|同比|降幅|增幅|减幅", q))


def unchanged(q: str) -> str:
    """The question without the change it ranks (「比上年减少得最多」「降幅最大」), so what is left names the figure."""
    # 最多 in their place, as a ranking of amounts is said: 「支出预算最多」 keeps 预算 a part of the name (across._KIND)
    return _RANKED.sub("最多", re.sub(_AGAINST, "", q))


def measure(words: str) -> str:
    """「机关运行经费比上年」「三公经费较上年降幅」 → 「机关运行经费」「三公经费」."""
    return _TAIL.sub("", words) or words


def direction(said: str) -> int:
    """The way the words ranking a change say: -1 a fall (减少得最多, 降幅最大), +1 a rise, 0 either (变化最大)."""
    if re.search(rf"{_DOWN}|降幅|减幅|跌幅", said):
        return -1
    if re.search(rf"{_UP}|增幅|涨幅", said):
        return 1
    return 0


def _way(q: str) -> int:
    m = _RANKED.search(q)
    return direction(m.group(0) if m else "")


def _signed(a: Answer, rate: bool) -> Decimal | None:
    """The change the department's own answer states, with its sign: 「比上年减少 5553.36 万元」 → −5553.36.
    The answer states the change as a magnitude and says its direction just before it (yearly.py)."""
    shown = arith.fmt(a.value)
    for m in re.finditer(r"(增加|减少|持平|增长|下降)\s*([\d,]+(?:\.\d+)?)\s*(%|万元|元|亿元)?", a.answer):
        if m.group(2).replace(",", "") == shown and (m.group(3) == "%") == rate:
            return -a.value if m.group(1) in ("减少", "下降") else a.value
    return None


def answer(engine, question: str, q: str, chosen: list, missing_docs: list[str], words: str) -> Answer | None:
    from .across import Figure, _cite_line, _few, _why  # the across answer's own parts (assistant/across.py)
    name = measure(words)
    rate = bool(RATE.search(q))
    sub = f"{name}比上年增长了百分之几" if rate else f"{name}比上年变化了多少"
    asked = keyfigures.answers(engine, [(d, sub) for d in chosen])
    have, missing = [], list(missing_docs)
    for d, a in zip(chosen, asked):
        f = Figure(d, a)
        v = _signed(a, rate) if a is not None and a.status == ANSWERED and a.value is not None else None
        if v is None:
            missing.append(f"{f.who}：{_why(a) if a is None or a.status != ANSWERED else '文件没有说明它与上年相比的增减'}")
            continue
        f.value = v
        have.append(f)
    units = {f.answer.unit for f in have}
    if len(units) > 1:  # 元 beside 万元: each change converted, shown
        for f in have:
            if f.answer.unit != "万元" and arith.is_money(f.answer.unit):
                c = arith.convert(f.value, f.answer.unit, "万元")
                f.value, f.conversion = c.value, c.formula
        units = {"万元"} if all(arith.is_money(f.answer.unit) for f in have) else units
    if len(units) > 1:
        return Answer(question, NOT_FOUND, f"“{name}”的增减在各文件中的单位不同，不能放在一起比较。")
    unit = next(iter(units), "%" if rate else "万元")
    absent = ("。没有说明增减的：" + _few(missing, word="个") + "（未计入，不按 0 计）") if missing else ""
    if not have:
        return Answer(question, NOT_FOUND, f"没有找到答案：各文件都没有说明“{name}”与上年相比的增减{absent}。")
    way = _way(q)
    least = bool(re.search(r"(?:最|更)(?:少|小|低)", _RANKED.search(q).group(0)))
    pool = [f for f in have if (f.value * way > 0 if way else True)]
    other = [f for f in have if f not in pool]
    word = {-1: "减少", 1: "增加", 0: "变化"}[way]

    def line(f) -> str:
        return _cite_line(f, unit).replace(arith.with_unit(f.value, unit), _said(f.value, unit), 1)
    cites = [c for f in have for c in f.answer.citations[:1]]
    calcs = [f"{f.who}：{f.answer.calculation}" for f in have if f.answer.calculation]
    data = "；".join(line(f) for f in have)
    if not pool:
        text = f"没有一个部门的{name}比上年{word}：" + "；".join(line(f) for f in have) + absent
        return Answer(question, ANSWERED, text, None, None, "；".join(calcs) or None, cites)
    order = sorted(pool, key=lambda f: abs(f.value), reverse=not least)
    pick = order[0]
    rel = " < " if least else " > "
    formula = rel.join(arith.fmt(abs(f.value)) for f in order)
    ranking = _few([f"{i + 1}. {f.who} {word} {arith.with_unit(abs(f.value), unit)}" for i, f in enumerate(order)])
    top = f"{name}比上年{word}{'最少' if least else '最多'}的是{pick.who}：{word} {arith.with_unit(abs(pick.value), unit)}"
    against = ("。没有" + word + "的：" + "、".join(f"{f.who} {_said(f.value, unit)}" for f in other)) if other else ""
    calc = "；".join([*calcs, f"按{word}的数排序 {formula}"])
    text = f"{top}。排序：{ranking}{against}。计算：{calc}（数据：{data}）{absent}"
    return Answer(question, ANSWERED, text, abs(pick.value), unit, calc, cites)


def _said(v: Decimal, unit: str) -> str:
    """A signed change said in words: 减少 5553.36 万元, 增加 222.33 万元, 持平."""
    if not v:
        return "持平"
    return f"{'增加' if v > 0 else '减少'} {arith.with_unit(abs(v), unit)}"
