"""A department's own units (单位) as the rows of a table: 收入总表 / 支出总表 / “三公”经费表 listed by
单位名称 (合计 | the department | 本级 | each 二级预算单位). A question naming a unit (「讲师团的收入」,
「宣传部本级的支出」, 「局本级比服务中心多多少」) reads that unit's row; 「包括几个预算单位」 counts the unit rows.

Which rows are units is read from the table itself: the 合计 row and a row adding up the others (the
department as a whole, printed with the same name as its 本级 or with a code the units' codes extend) are
not units; the unit printed under the department's own name (or 本级/机关) is its 本级.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import ANSWERED, NOT_FOUND, Answer
from .concepts import column_concept
from .corpus import CellRef, default_column, plain_label, unit_of
from .vocab import common_run

_KINDS = (model.INCOME, model.EXPENDITURE, model.THREE_PUBLIC)
_TOTALS = re.compile(r"^(合计|总计|小计)$")
_OWN = re.compile(r"本级|机关")
_COUNT = re.compile(r"(?:几|多少)个(?:下属|直属|所属|二级)?(?:预算)?单位")
_SUBORDINATE = re.compile(r"下属|直属|所属")
# The units other than the 本级 said together: 「两个下属单位」「2家二级单位」.
_SUBORDINATES = re.compile(r"(两|二|2)?\s*(?:个|家)?(?:下属|直属|所属|二级)(?:预算)?单位")
# The words naming the whole of a unit table's figure (收入预算 of the 收入总表), no line of it.
_TABLE_WORD = re.compile(r"(?:本年)?(?:收入|支出)(?:预算|总额|合计|总计)?(?:数)?")
_NOT_MONEY = re.compile(r"(?:多少|几)(?:个人|人|名|辆|台|张|次|间)|人数|编制")


@dataclass
class Units:
    table: object
    rows: list  # the unit rows, in printed order
    own: object | None  # the 本级 row
    full: dict  # a unit's code → its name where printed whole (a narrow cell cuts 中共西安市委理论讲师团 short)

    def label(self, row) -> str:
        name = plain_label(row.label)
        whole = self.full.get(row.code) if row.code else None
        return whole if whole and whole.startswith(name) else name


def _unit_table(table) -> bool:
    return table.kind in _KINDS and table.rows and any(c.path.split("/")[-1] == "单位名称" for c in table.columns)


def _full_names(tables) -> dict:
    full: dict = {}
    for t in tables:
        for r in t.rows:
            if r.code and len(plain_label(r.label)) > len(full.get(r.code, "")):
                full[r.code] = plain_label(r.label)
    return full


def units_of(table, department: str, full: dict | None = None) -> Units | None:
    col = default_column(table)
    if col is None:
        return None
    rows = [r for r in table.rows if not _TOTALS.match(plain_label(r.label)) and r.cell(col) is not None
            and r.cell(col).value is not None]
    if len(rows) < 2:
        return None
    codes = [r.code for r in rows if r.code]
    total = next((r for r in table.rows if _TOTALS.match(plain_label(r.label))), None)
    whole = total.cell(col).value if total is not None and total.cell(col) is not None else None
    units = []
    for r in rows:
        extended = r.code and any(c != r.code and c.startswith(r.code) for c in codes)
        others = sum((o.cell(col).value for o in rows if o is not r), start=0)
        adds_up = whole is not None and r.cell(col).value == whole and others == whole and len(rows) > 2
        if extended or adds_up:
            continue  # the department as a whole, not one of its units
        units.append(r)
    if not units:
        return None
    us = Units(table, units, None, full or {})
    named = [r for r in units if _OWN.search(r.label)] or [r for r in units if us.label(r) == department]
    us.own = named[-1] if named else None
    return us


def _named_units(q: str, us: Units, department: str) -> list:
    """The units the question names, in the order it names them."""
    found = []
    if us.own is not None and (m := re.search("本级", q)):
        found.append((m.start(), m.end(), us.own))
    for r in us.rows:
        if r is us.own:
            continue
        label = re.sub(r"（[^）]*）$", "", us.label(r))
        k = 0
        while k < min(len(label), len(department)) and label[k] == department[k]:
            k += 1
        distinct = label[k:] if len(label) - k >= 2 else label
        n = common_run(q, label)
        if n < 3 or n < 0.6 * len(distinct):
            continue
        run = next(label[i:i + n] for i in range(len(label) - n + 1) if label[i:i + n] in q)
        if run in department or common_run(run, distinct) < 0.6 * len(distinct):
            continue
        found.append((q.find(run), q.find(run) + len(run), r))
    found.sort(key=lambda x: x[0])
    return found


def _column_named(table, m, year: int | None) -> str | None:
    """The column a question's word names in a unit table: a leaf, a group's 小计/合计 ("本年收入",
    "一般公共预算拨款"), or the figure the column holds ("三公经费"); this year's, never last year's or the
    change (2020年 | 2021年 | 增减变化情况)."""
    cols = [c for c in table.columns if c.meaning is not None and not c.meaning.startswith("上年/")
            and c.meaning not in ("增减", "增减率")]
    paths = [c.path for c in cols]
    leaf = [p for p in paths if p.split("/")[-1] == m.text]
    group = [p for p in paths if m.text in p.split("/")[:-1] and p.split("/")[-1] in ("小计", "合计")]
    held = [p for p in paths if m.column and column_concept(table, p, year) == m.column]
    held.sort(key=lambda p: (p.split("/")[-1] not in ("小计", "合计"), p.count("/")))
    return next(iter(leaf + group + held), None)


def _choose_table(q: str, tables: list, hint: str | None):
    if hint is not None:
        return next((t for t in tables if t.kind == hint), None)
    if "三公" in q:
        return next((t for t in tables if t.kind == model.THREE_PUBLIC), None)
    want = model.EXPENDITURE if "支出" in q and "收入" not in q else model.INCOME
    return next((t for t in tables if t.kind == want), None) or \
        next((t for t in tables if t.kind != model.THREE_PUBLIC), None) or (tables[0] if tables else None)


def listed(question: str, q: str, doc, keep) -> Answer | None:
    """「包括哪些单位」 where no passage names them: the unit rows of the 收入总表 (else another unit table),
    each cited; ``keep(rows, name)``: the ones asked (assistant/lists.py leaves out the 本级 when told to)."""
    tables = [t for t in doc.tables if _unit_table(t)]
    table = _choose_table(q, tables, None) if tables else None
    us = units_of(table, doc.document.department, _full_names(tables)) if table is not None else None
    if us is None:
        return None
    rows = keep(us.rows, lambda r: us.label(r) + ("（本级）" if r is us.own and not _OWN.search(r.label) else ""))
    col = default_column(table)
    names = "、".join(max(re.sub(r"\s+", "", r.label), us.label(r), key=len) for r in rows)  # as printed, in full
    text = f"共 {len(rows)} 个单位：{names}（{table.title}，按单位名称列示，第{table.page}页）"
    return Answer(question, ANSWERED, text, None, None, None,
                  [CellRef(doc.document, table, r, r.cell(col)).citation() for r in rows])


def answer(question: str, q: str, doc, mentions, hint: str | None) -> Answer | None:
    tables = [t for t in doc.tables if _unit_table(t)]
    if not tables:
        return None
    department = doc.document.department
    full = _full_names(tables)
    if _COUNT.search(q):
        table = _choose_table(q, tables, hint if hint in _KINDS else None)
        us = units_of(table, department, full) if table is not None else None
        if us is None:
            return None
        rows = [r for r in us.rows if r is not us.own] if _SUBORDINATE.search(q) else us.rows
        names = "、".join(us.label(r) + ("（本级）" if r is us.own and not _OWN.search(r.label) else "")
                         for r in rows)
        col = default_column(table)
        cites = [CellRef(doc.document, table, r, r.cell(col)).citation() for r in rows]
        text = f"共 {len(rows)} 个：{names}（{table.title}，按单位列示，第{table.page}页）"
        return Answer(question, ANSWERED, text, Decimal(len(rows)), "个", None, cites)
    from .lists import own_units
    if own_units(q) and not W.NUMERIC.search(q):
        return None  # 「除了本级，还包括哪些下属单位」 asks their names, no unit's figure (assistant/lists.py)
    if hint is not None and hint not in _KINDS or _NOT_MONEY.search(q):
        return None  # "讲师团有多少人": no figure of these tables
    # The unit table holding a column the question names ("本级的培训费": the “三公” table's 培训费).
    holding = [t for t in tables if any(_column_named(t, m, doc.document.year) for m in mentions)]
    table = _choose_table(q, holding or tables, hint)
    us = units_of(table, department, full) if table is not None else None
    if us is None:
        return None
    found = _named_units(q, us, department)
    named = []
    for _, _, r in found:
        if all(r is not n for n in named):
            named.append(r)
    if not named and (m := _SUBORDINATES.search(q)) and us.own is not None and W.SUM.search(q):
        # 「两个下属单位的收入加起来」: every unit but the 本级, as many as the question says (if it says)
        others = [r for r in us.rows if r is not us.own]
        said = m.group(1) or ""
        if len(others) == 2 and said in ("", "两", "二", "2"):
            named = others
            found = [(m.start(), m.end(), r) for r in others]
    if not named:
        return None
    if "支出" in q and "收入" not in q and table.kind == model.INCOME:
        # 「本级的支出」 where only the income is listed by unit: the unit's income is no answer to it
        listed_by_unit = "、".join(t.title for t in tables)
        return Answer(question, NOT_FOUND, f"没有找到答案：文件没有按单位列出支出（按单位列示的只有{listed_by_unit}），"
                                           f"{'、'.join(us.label(r) for r in named)}的支出无法单独读出。")
    col = default_column(table)
    for m in mentions:
        if any(a < m.end and m.start < b for a, b, _ in found):
            continue  # the unit's own name
        if _TABLE_WORD.fullmatch(W.SUM.sub("", m.text)) and ("收入" in m.text) == (table.kind == model.INCOME):
            continue  # 「…的收入预算」: the unit's row of the 收入总表 itself, its total
        group = _column_named(table, m, doc.document.year)
        if group is not None:
            col = group  # "本级的本年收入": that column of the unit's row
        elif m.rows and not (m.rows & {plain_label(r.label) for r in table.rows}):
            return None  # the question names some other line too ("本级的两个运维项目"): not a unit's total
    refs = [CellRef(doc.document, table, r, r.cell(col)) for r in named[:2]]
    if len(named) == 1 and W.SHARE.search(q) and col == default_column(table) and \
            (ans := _share_of_total(question, doc, table, refs[0], col, us)) is not None:
        return ans  # 「三公经费里，本级占百分之多少」: the unit's row over the table's 合计, same column

    def name(c: CellRef) -> str:
        return us.label(c.row) + ("（本级）" if c.row is us.own and not _OWN.search(c.row.label) else "")
    if len(named) == 1 and named[0] is us.own and (m := _SUBORDINATES.search(q)) and W.SUM.search(q) and \
            (W.DIFF.search(q) or W.MULTIPLE.search(q) or W.COMPARE.search(q)):
        # 「本级比两个下属单位加起来多多少」: one operand is the 本级, the other the other units' rows summed
        others = [r for r in us.rows if r is not us.own]
        said = {"两": 2, "二": 2, "2": 2}.get(m.group(1) or "", len(others))
        if said != len(others) or not others:
            return None  # the question counts other units than the table lists: no sum of the ones asked
        return _against_others(question, q, refs[0], [CellRef(doc.document, table, r, r.cell(col)) for r in others],
                               name)
    if len(refs) == 2 and (W.DIFF.search(q) or W.COMPARE.search(q) or W.SUM.search(q) or W.MULTIPLE.search(q)):
        a, b = refs
        (va, vb), unit, conv = figures.common_unit([a, b])
        if W.SUM.search(q):
            r = arith.total([va, vb])
            return figures.computed(question, f"{name(a)}、{name(b)}合计 {arith.with_unit(r.value, unit)}", r, unit,
                                    refs, conversions=conv)
        if W.MULTIPLE.search(q):
            r = arith.multiple(va, vb)
            return figures.computed(question, f"{name(a)}是{name(b)}的 {arith.fmt(r.value)} 倍", r, "倍", refs,
                                    conversions=conv)
        if W.DIFF.search(q):
            hi, lo = (a, b) if va >= vb else (b, a)
            r = arith.difference(max(va, vb), min(va, vb))
            return figures.computed(question, f"{name(hi)}比{name(lo)}多 {arith.with_unit(r.value, unit)}", r,
                                    unit, [hi, lo], conversions=conv)
        less = bool(re.search(r"少|低|小", W.COMPARE.search(q).group(0)))
        best = min(refs, key=lambda c: c.value) if less else max(refs, key=lambda c: c.value)
        text = f"{name(best)}更{'少' if less else '多'}：" + "；".join(
            f"{name(c)} {arith.with_unit(c.value, unit_of(c))}（{c.where()}）" for c in refs)
        calc = f"{arith.fmt(best.value)} {'<' if less else '>'} {arith.fmt(next(c for c in refs if c is not best).value)}"
        return Answer(question, ANSWERED, text, best.value, unit_of(best), calc, [c.citation() for c in refs])
    ref = refs[0]
    value, unit, shown, calc = figures.amount(ref, q)
    return Answer(question, ANSWERED, f"{name(ref)}：{shown}（{ref.where()}）", value, unit, calc, [ref.citation()])


def whole_budget(q: str, measure, reads: list) -> list:
    """A unit named alone (「本级2026年的预算多少」) reads its row in every table printed unit by unit — the
    支出总表, the 基本支出 and 项目支出 tables, each source's — with no column said: the unit's whole budget is
    its 支出总表 row's total, as a department's 「一共能花多少钱」 is (dispatch._about_the_whole_budget). Any other
    reading set is returned as it is."""
    if len(reads) < 2 or not measure.rows or measure.column or "收入" in q or \
            len({plain_label(c.row.label) for c in reads}) != 1 or any(c.row.code for c in reads):
        return reads
    spent = [c for c in reads if c.table.kind == model.EXPENDITURE]
    return spent if len(spent) == 1 and spent[0].cell.column == default_column(spent[0].table) else reads


def _share_of_total(question: str, doc, table, one: CellRef, col: str, us: Units) -> Answer | None:
    """A unit's share of the table it is printed in: its figure over the table's own 合计 row (the same column),
    both read and cited; a table printing no 合计 (or a zero one) gives no share."""
    totals = [r for r in table.rows if _TOTALS.match(plain_label(r.label)) and r.cell(col) is not None]
    if len(totals) != 1 or one.value is None or not totals[0].cell(col).value:
        return None
    whole = CellRef(doc.document, table, totals[0], totals[0].cell(col))
    (v, w), unit, conv = figures.common_unit([one, whole])
    r = arith.share(v, w)
    own = "（本级）" if one.row is us.own and not _OWN.search(one.row.label) else ""
    return figures.computed(question, f"{us.label(one.row)}{own}占{plain_label(totals[0].label)}的 {arith.fmt(r.value)}%",
                            r, "%", [one, whole], conversions=conv)


def _against_others(question: str, q: str, one: CellRef, others: list, name) -> Answer:
    """One unit's figure against the others' summed (each row of the same column, cited): the gap, the
    multiple (the one over the sum, as asked of it), or which is more."""
    (v, *vs), unit, conv = figures.common_unit([one, *others])
    whole = arith.total(vs)
    group = "、".join(name(c) for c in others)
    if len(others) > 1:
        group += f"合计（{arith.with_unit(whole.value, unit)}）"
    summed = [whole.formula] if len(others) > 1 else []  # one other unit: its figure, nothing added
    refs = [one, *others]
    if W.MULTIPLE.search(q):
        r = arith.multiple(v, whole.value)
        return figures.computed(question, f"{name(one)}是{group}的 {arith.fmt(r.value)} 倍",
                                arith.Result(r.value, "；".join([*summed, r.formula])), "倍", refs, conversions=conv)
    r = arith.difference(v, whole.value)
    text = (f"{name(one)}比{group}" if v >= whole.value else f"{group}比{name(one)}") + \
        f"多 {arith.with_unit(r.value, unit)}"
    return figures.computed(question, text, arith.Result(r.value, "；".join([*summed, r.formula])), unit, refs,
                            conversions=conv)
