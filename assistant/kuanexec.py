"""A 款 asked by name (assistant/kuan.py) against its 年初预算 in a 决算: 「“公共卫生”这一款，决算是年初预算的百分之
多少」「“财政事务”这一款，决算比年初预算少了多少」.

No table of a 决算 prints a 款's 年初预算; the narrative (一般公共预算财政拨款支出决算具体情况) states it 项 by 项:
「卫生健康支出（类）公共卫生（款）疾病预防控制机构（项）。年初预算10423.69万元，支出决算31,342.45万元…」. The
款's 年初预算 is the sum of its 项's, and only when the narrative states every 项 of it: the 项's 决算 it states,
added, must make the 款's 决算 the 一般公共预算财政拨款支出 table prints (to the rounding of the figures) — the same
scope, read on both sides. A 项 matches by the 款 named in its heading (the question's name or the table's), else
by its own name and 决算 equal to a 项 row under the 款's code (the narrative may name the 款 otherwise: 行政事业单位
离退休 for 20805 行政事业单位养老支出). Where the items do not make the 款's 决算, the document does not state the
款's 年初预算: said so, the items it does state listed — never one 项's figures for the 款's.

A 款 item of its own (「…财政事务（款）。年初预算…」) is read as it stands; a table printing the 款's 预算数 beside
its 决算数 is read there (assistant/execution.py ``_budget_of``).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.values import money

from . import arith, execution
from .answer import ANSWERED, NOT_FOUND, Answer, Citation
from .corpus import CellRef, plain_label, unit_of
from .kuan import function_tables, named, read

# An item's heading: 「一般公共服务支出（类）财政事务（款）行政运行（项）」, the 项 absent for a 款's own item.
_HEAD = re.compile(r"[（(]类[）)]\s*(?P<kuan>[^（()）。；，,]{2,30}?)\s*[（(]款[）)]\s*"
                   r"(?:(?P<xiang>[^（()）。；，,]{2,40}?)\s*[（(]项[）)])?")


def _op(q: str) -> str | None:
    return "rate" if execution.ASKS.search(q) else "times" if execution._TIMES.search(q) else \
        "diff" if execution._DIFF.search(q) else "which" if execution._WHICH.search(q) else \
        "budget" if execution._BUDGET.search(q) else None


def answer(question: str, q: str, doc, corpus) -> Answer | None:
    if doc.document.kind != "决算" or execution._WHY.search(q):
        return None
    op = _op(q)
    if op is None:
        return None
    found = named(q, doc, corpus)
    if found is None:
        return None
    name, code = found
    for t in function_tables(doc, model.GPB_EXPENDITURE):
        got = read(doc, t, name, code)
        if got is None:
            continue
        refs, printed = got
        if printed and len(refs) == 1 and execution._budget_of(doc, refs[0]) is not None:
            return None  # the table prints both stages of the 款's line: assistant/execution.py reads them
        return _from_items(question, doc, t, name, code, refs, printed, op)
    return None


def _items(doc) -> list[tuple[str, str | None, Decimal, Decimal, object, str]]:
    """(款, 项 or None, 年初预算, 决算, passage, the item's text) of each numbered item stating both figures."""
    out, seen = [], set()
    for p in doc.passages:
        for seg in execution._ITEM_START.split(p.text):
            head = _HEAD.search(seg)
            m = execution._SENTENCE.search(seg)
            if head is None or m is None or head.start() > m.start("budget"):
                continue
            budget, final = money(m.group("budget")), money(m.group("final"))
            if budget is None or final is None:
                continue
            xiang = plain_label(head.group("xiang")) if head.group("xiang") else None
            key = (plain_label(head.group("kuan")), xiang, budget, final)
            if key not in seen:
                seen.add(key)
                out.append((*key, p, seg.strip()))
    return out


def _from_items(question, doc, table, name, code, refs, printed, op) -> Answer | None:
    items = _items(doc)
    names = {name} | {plain_label(r.row.label) for r in refs if printed}
    mine = [it for it in items if it[0] in names]
    own = [it for it in mine if it[1] is None]
    if own:
        mine = own[:1]  # the 款's own item
    else:
        mine = [it for it in mine if it[1] is not None]
        if not mine and code is not None:
            mine = _by_lines(doc, table, code, items)
    if not mine:
        return None  # the narrative states no 年初预算 of the 款: not this family's reading
    # The 款's 决算 as its table prints it, in the narrative's unit (万元).
    values = [r.value if unit_of(r) == "万元" else arith.convert(r.value, unit_of(r), "万元").value for r in refs]
    if any(unit_of(r) not in ("万元", "元") for r in refs):
        return None
    conv = [arith.convert(r.value, unit_of(r), "万元").formula for r in refs if unit_of(r) == "元"]
    printed_final = arith.total(values)
    stated_final = arith.total([it[3] for it in mine])
    budget = arith.total([it[2] for it in mine])
    label = f"{name}（{code}）" if code else name
    listed = "；".join(f"{it[1] or it[0]} 年初预算 {arith.fmt(it[2])} 万元、决算 {arith.fmt(it[3])} 万元" for it in mine)
    cites = [r.citation() for r in refs] + [
        Citation(doc.document.label, doc.document.doc_id, None, None, None, it[4].page, it[5], section=it[4].section)
        for it in mine]
    tolerance = Decimal("0.01") * len(mine)
    if abs(stated_final.value - printed_final.value) > tolerance:
        return Answer(question, NOT_FOUND,
                      f"没有找到答案：{doc.document.label}没有说明{label}这一款的年初预算。文中逐项说明的只有：{listed}；"
                      f"这些项的决算相加 {arith.fmt(stated_final.value)} 万元，不等于表列该款决算 "
                      f"{arith.fmt(printed_final.value)} 万元（{refs[0].where()}），即文中没有列出这一款全部项的年初预算，"
                      f"不能相加得出。计算：{stated_final.formula}；{printed_final.formula}", None, None, None, cites)
    final = printed_final.value
    where = "；".join(r.where() for r in refs)
    pages = sorted({it[4].page for it in mine if it[4].page})
    at = f"，第{pages[0]}页" if len(pages) == 1 else (f"，第{pages[0]}–{pages[-1]}页" if pages else "")
    how = "" if len(mine) == 1 and mine[0][1] is None else f"按文中其下各项相加（{listed}）"
    shown = (f"{label}这一款：决算数 {arith.fmt(final)} 万元（{where}"
             f"{'' if printed else '，表中未单列这一款，按其下各项相加'}）；年初预算数 {arith.fmt(budget.value)} 万元"
             f"（{how}{at}）")
    if len(mine) > 1:
        same = "相等" if stated_final.value == final else "只差尾数"
        shown += f"；文中各项决算相加 {arith.fmt(stated_final.value)} 万元，与表列决算{same}，即文中列全了这一款的各项"
    steps = [*conv] + ([printed_final.formula] if len(refs) > 1 else []) + \
        ([budget.formula, stated_final.formula] if len(mine) > 1 else [])
    if op in ("rate", "times") and budget.value == 0:
        return Answer(question, NOT_FOUND, f"无法计算：年初预算数为 0，不能用 0 作除数：{shown}", None, None, None, cites)
    if op == "rate":
        r = arith.share(final, budget.value)
        value, unit, text = r.value, "%", f"决算是年初预算的 {arith.fmt(r.value)}%"
    elif op == "times":
        r = arith.multiple(final, budget.value)
        value, unit, text = r.value, "倍", f"决算是年初预算的 {arith.fmt(r.value)} 倍"
    elif op == "diff":
        r = arith.difference(final, budget.value)
        word = "少" if final < budget.value else "多"
        value, unit, text = r.value, "万元", f"决算比年初预算{word} {arith.fmt(r.value)} 万元"
    elif op == "which":
        hi = max(final, budget.value)
        return Answer(question, ANSWERED, f"{'年初预算' if budget.value >= final else '决算'}更大：{shown}",
                      hi, "万元", None, cites)
    else:
        formula = "；".join(steps) or None
        return Answer(question, ANSWERED, f"{label}这一款的年初预算为 {arith.fmt(budget.value)} 万元：{shown}"
                      + (f"。计算：{formula}" if formula else ""), budget.value, "万元", formula, cites)
    formula = "；".join([*steps, r.formula])
    return Answer(question, ANSWERED, f"{label}这一款{text}：{shown}。计算：{formula}", value, unit, formula, cites)


def _by_lines(doc, table, code: str, items) -> list:
    """The items of the 款's 项 rows matched by the 项's name and its 决算 (the narrative naming the 款 otherwise);
    [] unless every 项 row with a figure has exactly one."""
    rows = read(doc, table, "", code)
    lines = [r for r in table.rows if r.code and r.code_kind == model.FUNCTION and r.code.startswith(code)
             and len(r.code) == 7]
    if rows is None or not lines:
        return []
    from .corpus import default_column
    col = default_column(table)
    out = []
    for r in lines:
        c = r.cell(col)
        if c is None or c.value is None or unit_of(CellRef(doc.document, table, r, c)) != "万元":
            return []
        line = plain_label(r.label)  # 「归口管理的行政单位离退休」 for 2080501 行政单位离退休: the name held, 决算 equal
        hits = [it for it in items if it[1] and (line in it[1] or it[1] in line) and it[3] == c.value]
        if len(hits) != 1:
            return []
        out.append(hits[0])
    return out
