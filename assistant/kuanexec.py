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
from typing import NamedTuple

from ingest import model
from ingest.values import money

from . import arith, execution
from .answer import ANSWERED, NOT_FOUND, Answer, Citation
from .corpus import CellRef, plain_label, unit_of
from .kuan import function_tables, named, read

# An item's heading: 「一般公共服务支出（类）财政事务（款）行政运行（项）」, the 项 absent for a 款's own item; the 项's
# name may hold brackets of its own (「中医（民族）医院（项）」).
_HEAD = re.compile(r"[（(]类[）)]\s*(?P<kuan>[^（()）。；，,]{2,30}?)\s*[（(]款[）)]\s*"
                   r"(?:(?P<xiang>[^。；，,]{2,40}?)\s*[（(]项[）)])?")
# The 类 an item opens with: 「7.社会保障和就业（类）…」 (the narrative may drop the printed name's 支出).
_LEI = re.compile(r"^\s*(?P<lei>[^（()）。；，,\d]{2,30}?)\s*[（(]类[）)]")
_WORD = {3: "类", 5: "款"}


class Item(NamedTuple):
    """One numbered item of the narrative stating a line's 年初预算 and 决算 (万元)."""
    lei: str | None
    kuan: str | None
    xiang: str | None
    budget: Decimal
    final: Decimal
    passage: object
    text: str

    @property
    def name(self) -> str:
        return self.xiang or self.kuan or self.lei or ""


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
    length, found = 5, named(q, doc, corpus)
    if found is None:
        length, found = 3, named(q, doc, corpus, 3)
    if found is None:
        return None
    name, code = found
    for t in function_tables(doc, model.GPB_EXPENDITURE):
        got = read(doc, t, name, code)
        if got is None:
            continue
        refs, printed = got
        if printed and len(refs) == 1 and execution._budget_of(doc, refs[0]) is not None:
            return None  # the table prints both stages of the line: assistant/execution.py reads them
        return _from_items(question, doc, t, name, code, refs, printed, op, length)
    return None


def items(doc) -> list[Item]:
    """Each numbered item of the narrative stating both figures, once (the narrative's own order)."""
    out, seen = [], set()
    for p in doc.passages:
        for seg in execution._ITEM_START.split(p.text):
            m = execution._SENTENCE.search(seg)
            if m is None:
                continue
            head, lei = _HEAD.search(seg[:m.start("budget")]), _LEI.search(seg[:m.start("budget")])
            if head is None and lei is None:
                continue
            budget, final = money(m.group("budget")), money(m.group("final"))
            if budget is None or final is None:
                continue
            key = (plain_label(lei.group("lei")) if lei else None,
                   plain_label(head.group("kuan")) if head else None,
                   plain_label(head.group("xiang")) if head and head.group("xiang") else None, budget, final)
            if key not in seen:
                seen.add(key)
                out.append(Item(*key, p, seg.strip()))
    return out


def _same_class(said: str | None, names: set[str]) -> bool:
    """A 类 named in an item as printed or without its closing 支出 (社会保障和就业 for 社会保障和就业支出)."""
    return said is not None and any(said == n or said + "支出" == n or said == n + "支出" for n in names)


def _mine(doc, table, name, code, refs, printed, length) -> list[Item]:
    found = items(doc)
    names = {name} | {plain_label(r.row.label) for r in refs if printed}
    if length == 3:
        own = [it for it in found if _same_class(it.lei, names) and it.kuan is None and it.xiang is None]
        if own:
            return own[:1]  # the 类's own item
        kuans = {plain_label(r.label) for r in table.rows if code and r.code and r.code_kind == model.FUNCTION
                 and len(r.code) == 5 and r.code.startswith(code)}
        mine = [it for it in found if it.kuan is not None and (_same_class(it.lei, names) or it.kuan in kuans)]
    else:
        mine = [it for it in found if it.kuan in names]
        own = [it for it in mine if it.xiang is None]
        if own:
            return own[:1]  # the 款's own item
        mine = [it for it in mine if it.xiang is not None]
    if not mine and code is not None:
        mine = _by_lines(doc, table, code, found)
    return mine


def _from_items(question, doc, table, name, code, refs, printed, op, length=5) -> Answer | None:
    mine = _mine(doc, table, name, code, refs, printed, length)
    word = _WORD[length]
    if not mine:
        return None  # the narrative states no 年初预算 of the line: not this family's reading
    # The line's 决算 as its table prints it, in the narrative's unit (万元).
    if any(unit_of(r) not in ("万元", "元") for r in refs):
        return None
    values = [r.value if unit_of(r) == "万元" else arith.convert(r.value, unit_of(r), "万元").value for r in refs]
    conv = [arith.convert(r.value, unit_of(r), "万元").formula for r in refs if unit_of(r) == "元"]
    printed_final = arith.total(values)
    stated_final = arith.total([it.final for it in mine])
    budget = arith.total([it.budget for it in mine])
    label = f"{name}（{code}）" if code else name
    listed = "；".join(f"{it.name} 年初预算 {arith.fmt(it.budget)} 万元、决算 {arith.fmt(it.final)} 万元" for it in mine)
    cites = [r.citation() for r in refs] + [
        Citation(doc.document.label, doc.document.doc_id, None, None, None, it.passage.page, it.text,
                 section=it.passage.section) for it in mine]
    tolerance = Decimal("0.01") * len(mine)
    if abs(stated_final.value - printed_final.value) > tolerance:
        missing = _unstated(doc, table, code, mine)
        lacking = f"表中其下没有文中说明的项：{'、'.join(missing)}；" if missing else ""
        return Answer(question, NOT_FOUND,
                      f"没有找到答案：{doc.document.label}没有说明{label}这一{word}的年初预算。文中逐项说明的只有：{listed}；"
                      f"这些项的决算相加 {arith.fmt(stated_final.value)} 万元，不等于表列该{word}决算 "
                      f"{arith.fmt(printed_final.value)} 万元（{refs[0].where()}），{lacking}即文中没有列出这一{word}"
                      f"全部项的年初预算，不能相加得出。计算：{stated_final.formula}；{printed_final.formula}",
                      None, None, None, cites)
    final = printed_final.value
    where = "；".join(r.where() for r in refs)
    pages = sorted({it.passage.page for it in mine if it.passage.page})
    at = f"，第{pages[0]}页" if len(pages) == 1 else (f"，第{pages[0]}–{pages[-1]}页" if pages else "")
    alone = len(mine) == 1 and mine[0].xiang is None and (length == 5 or mine[0].kuan is None)
    how = "" if alone else f"按文中其下各项相加（{listed}）"
    shown = (f"{label}这一{word}：决算数 {arith.fmt(final)} 万元（{where}"
             f"{'' if printed else f'，表中未单列这一{word}，按其下各项相加'}）；年初预算数 {arith.fmt(budget.value)} 万元"
             f"（{how}{at}）")
    if len(mine) > 1:
        same = "相等" if stated_final.value == final else "只差尾数"
        shown += f"；文中各项决算相加 {arith.fmt(stated_final.value)} 万元，与表列决算{same}，即文中列全了这一{word}的各项"
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
        more = "少" if final < budget.value else "多"
        value, unit, text = r.value, "万元", f"决算比年初预算{more} {arith.fmt(r.value)} 万元"
    elif op == "which":
        hi = max(final, budget.value)
        return Answer(question, ANSWERED, f"{'年初预算' if budget.value >= final else '决算'}更大：{shown}",
                      hi, "万元", None, cites)
    else:
        formula = "；".join(steps) or None
        return Answer(question, ANSWERED, f"{label}这一{word}的年初预算为 {arith.fmt(budget.value)} 万元：{shown}"
                      + (f"。计算：{formula}" if formula else ""), budget.value, "万元", formula, cites)
    formula = "；".join([*steps, r.formula])
    return Answer(question, ANSWERED, f"{label}这一{word}{text}：{shown}。计算：{formula}", value, unit, formula, cites)


def _lines_under(table, code: str) -> list:
    return [r for r in table.rows if r.code and r.code_kind == model.FUNCTION and r.code.startswith(code)
            and len(r.code) == 7]


def _unstated(doc, table, code: str | None, mine: list[Item]) -> list[str]:
    """The 项 rows under ``code`` with a figure that no item of ``mine`` states (by name and 决算)."""
    if code is None:
        return []
    from .corpus import default_column
    col = default_column(table)
    out = []
    for r in _lines_under(table, code):
        c = r.cell(col)
        if c is None or c.value is None:
            continue
        line = plain_label(r.label)
        if not any(it.xiang and (line in it.xiang or it.xiang in line) and it.final == c.value for it in mine):
            out.append(f"{r.code} {line}（决算 {arith.fmt(c.value)}）")
    return out


def _by_lines(doc, table, code: str, items) -> list:
    """The items of the 款's 项 rows matched by the 项's name and its 决算 (the narrative naming the 款 otherwise);
    [] unless every 项 row with a figure has exactly one."""
    rows = read(doc, table, "", code)
    lines = _lines_under(table, code)
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
        hits = [it for it in items if it.xiang and (line in it.xiang or it.xiang in line) and it.final == c.value]
        if len(hits) != 1:
            return []
        out.append(hits[0])
    return out
