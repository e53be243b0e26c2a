"""Lines of a 决算 ranked by how they were carried out against their 年初预算: 「哪一项决算完成年初预算的比例最低」
(the rate 决算 ÷ 年初预算), 「哪一项支出比年初预算少花得最多」 (the amount 年初预算 − 决算), 「哪一项超支最多」
(决算 − 年初预算), 「哪一项决算和年初预算相差最大」 (the gap either way).

The figures are the narrative's numbered items (一般公共预算财政拨款支出决算具体情况): each states a 项's 年初预算 and
支出决算 (read by assistant/kuanexec.py ``items``). Every item is ranked, the figure asked computed with Decimal for
each; the answer names the item at the top, its value the figure asked, its formula shown, and the whole ordering
cited item by item. An item whose 年初预算 is 0 has no rate: it is left out of a ranking by rate and said so. A 类
or 款 named (「卫生健康支出（类）中哪一项…」) narrows the items to its own (the same reading as its execution).
Asked of 款 or 类 (「哪一款」), or where the narrative states no such items, this reading gives way to others.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from . import arith
from .answer import ANSWERED, NOT_FOUND, Answer, Citation
from .kuan import function_tables, named, read
from .kuanexec import Item, _mine, items

# Which item is asked: 「哪一项」「哪个科目」「哪项支出」 (a 款 or 类 asked is not this reading; nor a project's form).
_WHICH = re.compile(r"哪(?:一|个|一个)?(?:项|个|科目|条|笔)(?!目)")
_LEVEL = re.compile(r"哪(?:一|个|一个)?(?:款|类)")
_HIGH, _LOW = r"最(?:高|多|大)", r"最(?:低|少|小)"
_PLAN = r"(?:年初)?预算数?"
# The rate: 「完成年初预算的比例」「预算执行率」 (a bare 执行率 is a project form's unless 年初预算 or 决算 is said).
_RATE = re.compile(rf"完成(?:了)?{_PLAN}的?(?:比例|比率|百分比|程度|率)?|(?:执行|完成)率|决算数?(?:是|为|占){_PLAN}的?(?:比例|比率|百分比)")
# The amount, by its direction: under the 年初预算 (少花, 节约), over it (超支, 多花), or either way (相差).
_UNDER = re.compile(rf"(?:比|较){_PLAN}(?:少花|少支出|少用|少开支|节约|节省|结余|少|低)|低于{_PLAN}|节约|节省")
_OVER = re.compile(rf"(?:比|较){_PLAN}(?:多花|多支出|多用|多开支|超支|超出|多|高)|超(?:出|过)?了?{_PLAN}|超支")
_GAP = re.compile(rf"{_PLAN}(?:和|与|跟|同)(?:支出)?决算数?.{{0,4}}(?:相差|差距|差额|差别|偏差)|"
                  rf"决算数?(?:和|与|跟|同){_PLAN}.{{0,4}}(?:相差|差距|差额|差别|偏差)|偏离{_PLAN}")


def _asked(q: str) -> tuple[str, bool] | None:
    """(what is ranked — rate, under, over or gap —, whether the highest is asked) or None."""
    hi, lo = re.search(_HIGH, q), re.search(_LOW, q)
    if (hi is None) == (lo is None):
        return None
    top = hi is not None
    if _RATE.search(q) and ("年初预算" in q or "决算" in q or "完成" in q):
        return "rate", top
    for what, pattern in (("gap", _GAP), ("under", _UNDER), ("over", _OVER)):
        if pattern.search(q):
            return (what, True) if top else None  # 「少花得最少」 is no ranking anyone asks of a gap: left alone
    return None


def answer(question: str, q: str, doc, corpus) -> Answer | None:
    if doc.document.kind != "决算" or "项目" in q:
        return None
    level = _LEVEL.search(q)
    if level is None and not _WHICH.search(q):
        return None
    asked = _asked(q)
    if asked is None:
        return None
    what, top = asked
    if level is not None:  # 「哪一款」「哪一类」: each 款/类 of the table, its 年初预算 summed over its stated items
        got = _levels(doc, 5 if "款" in level.group() else 3)
        return None if got is None or len(got[0]) < 2 else _ranked(question, doc, got[0], what, top, "", got[1])
    found = _scope(q, doc, corpus)
    if found is None:
        return None
    scope, mine = found
    if len(mine) < 2:
        return None
    return _ranked(question, doc, mine, what, top, scope)


def _scope(q: str, doc, corpus) -> tuple[str, list[Item]] | None:
    """("" and every item) or (the 类/款 named, its items)."""
    for length in (5, 3):
        got = named(q, doc, corpus, length)
        if got is None:
            continue
        name, code = got
        for t in function_tables(doc, model.GPB_EXPENDITURE):
            lines = read(doc, t, name, code)
            if lines is not None:
                refs, printed = lines
                mine = [it for it in _mine(doc, t, name, code, refs, printed, length) if it.xiang]
                return (f"{name}（{'款' if length == 5 else '类'}）", mine) if mine else None
        return None
    return "", [it for it in items(doc) if it.xiang or it.kuan]


def _levels(doc, length: int) -> tuple[list[Item], tuple] | None:
    """Each 款 (``length`` 5) or 类 (3) row of the 一般公共预算 支出 table as one Item: its printed 决算 against the
    年初预算 summed over the items the narrative states under it (kuanexec._mine), kept only when their 决算 make the
    row's; the rows left out named. With the rows' citations, the sums' steps and each row's page."""
    from .corpus import CellRef, default_column, plain_label, unit_of
    for t in function_tables(doc, model.GPB_EXPENDITURE):
        col = default_column(t)
        rows = [r for r in t.rows if r.code and r.code_kind == model.FUNCTION and len(r.code) == length]
        if col is None or not rows:
            continue
        out, left, cites, steps, pages = [], [], [], [], {}
        for r in rows:
            c = r.cell(col)
            if c is None or c.value is None:
                continue
            ref = CellRef(doc.document, t, r, c)
            if unit_of(ref) != "万元":
                return None
            name = plain_label(r.label)
            mine = _mine(doc, t, name, r.code, [ref], True, length)
            stated = arith.total([it.final for it in mine]) if mine else None
            if stated is None or abs(stated.value - c.value) > Decimal("0.01") * len(mine):
                left.append(f"{r.code} {name}")
                continue
            budget = arith.total([it.budget for it in mine])
            if len(mine) > 1:
                steps.append(budget.formula)
            cites += [ref.citation()] + [_cite(doc, it) for it in mine]
            it = Item(name if length == 3 else None, name if length == 5 else None, None, budget.value, c.value,
                      mine[0].passage, mine[0].text)
            pages[id(it)] = f"表列决算第{ref.page}页，年初预算按文中其下 {len(mine)} 项相加"
            out.append(it)
        return out, (cites, steps, left, pages, "款" if length == 5 else "类")
    return None


def _cite(doc, it: Item) -> Citation:
    return Citation(doc.document.label, doc.document.doc_id, None, None, None, it.passage.page, it.text,
                    section=it.passage.section)


def _ranked(question, doc, mine: list[Item], what: str, top: bool, scope: str, level=None) -> Answer:
    names = [it.name for it in mine]
    shown = {id(it): (f"{it.name}（{it.kuan}）" if it.kuan and names.count(it.name) > 1 else it.name) for it in mine}
    left: list[Item] = []
    scored: list[tuple[Decimal, Item, str]] = []
    for it in mine:
        if what == "rate":
            if it.budget == 0:
                left.append(it)
                continue
            r = arith.share(it.final, it.budget)
        elif what == "under":
            if it.final >= it.budget:
                left.append(it)
                continue
            r = arith.difference(it.budget, it.final)
        elif what == "over":
            if it.final <= it.budget:
                left.append(it)
                continue
            r = arith.difference(it.final, it.budget)
        else:
            r = arith.difference(it.final, it.budget)
        scored.append((r.value, it, r.formula))
    within = f"{scope}下" if scope else ""
    measure = {"rate": "决算完成年初预算的比例", "under": "决算比年初预算少花的金额", "over": "决算超出年初预算的金额",
               "gap": "决算与年初预算相差的金额"}[what]
    unit = "%" if what == "rate" else "万元"
    cites = [_cite(doc, it) for _, it, _ in scored]
    pages = {}
    if level is not None:
        cites, pages = level[0], level[3]
    if not scored:
        why = {"rate": "年初预算都为 0", "under": "决算都不低于年初预算", "over": "决算都不高于年初预算"}.get(what, "")
        return Answer(question, NOT_FOUND, f"没有找到答案：{doc.document.label}文中逐项说明的{within}各项{why}，"
                      f"没有可比的{measure}", None, None, None,
                      [Citation(doc.document.label, doc.document.doc_id, None, None, None, it.passage.page, it.text,
                                section=it.passage.section) for it in mine])
    # By the exact figure (two rates that round alike keep their order); ties keep the narrative's order.
    exact = {id(it): (it.final / it.budget if what == "rate" else v) for v, it, _ in scored}
    scored.sort(key=lambda s: exact[id(s[1])], reverse=top)
    best = scored[0][0]
    firsts = [s for s in scored if exact[id(s[1])] == exact[id(scored[0][1])]]
    order = "；".join(f"{i}. {shown[id(it)]} {arith.fmt(v)}{unit}（年初预算 {arith.fmt(it.budget)} 万元，决算 "
                     f"{arith.fmt(it.final)} 万元，{pages.get(id(it)) or f'第{it.passage.page}页'}）"
                     for i, (v, it, _) in enumerate(scored, 1))
    # Every item's figure is computed: the whole ordering's steps, the top first.
    formula = "；".join([*(f for _, _, f in scored), *(level[1] if level else ())])
    extreme = ("最高" if top else "最低") if what == "rate" else ("最多" if top else "最少")
    who = "、".join(shown[id(it)] for _, it, _ in firsts)
    text = (f"{'一般公共预算财政拨款支出表的各' + level[4] if level else f'文中逐项说明的{within}各项'}里，{measure}{extreme}的是{who}：{arith.fmt(best)}{unit}"
            f"（{'；'.join(f for _, _, f in firsts)}）。")
    if len(firsts) > 1:
        text += f"这 {len(firsts)} 项并列。"
    text += f"排序：{order}"
    if left:
        why = {"rate": "年初预算为 0，没有完成比例", "under": "决算不低于年初预算，没有少花",
               "over": "决算不高于年初预算，没有超出"}[what]
        text += "。未计入（" + why + "）：" + "、".join(
            f"{shown[id(it)]}（年初预算 {arith.fmt(it.budget)} 万元，决算 {arith.fmt(it.final)} 万元）" for it in left)
    if level and level[2]:
        text += f"。未计入（文中没有列全其下各项的年初预算）：{'、'.join(level[2])}"
    text += "。数据来自文中各项“年初预算为…，支出决算为…”的说明" + ("，各" + level[4] + "决算为表列数" if level else "")
    return Answer(question, ANSWERED, text, best, unit, formula, cites)
