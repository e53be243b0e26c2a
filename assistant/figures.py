"""Figures as an answer gives them: in one unit (元 converted to 万元 exactly, the conversion shown), a
computed result with its formula and sources, and a share with its natural denominator and chart."""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import ANSWERED, Answer, Chart, ChartBar
from .corpus import CellRef, plain_label, unit_of
from .nesting import TOP_ITEM
from .tables import readings

# 「多少万元」, and 「多了多少万？」 said short: an amount in 万元 (never 「多少万人次」, a count).
ASKS_WAN = re.compile(r"万元|(?:多少|几)万(?=$|[？?。，,！!吗呢啊呀])")
ASKS_YUAN = re.compile(r"(?<![万亿])元")
# 「多少亿元」「几亿」「大概多少亿」: an amount in 亿元 (never 「亿人次」).
ASKS_YI = re.compile(r"亿元|(?:多少|几)亿(?=$|[？?。，,！!吗呢啊呀])")


def amount(ref: CellRef, q: str) -> tuple[Decimal, str, str, str | None]:
    """(value, unit, text, calculation) of one figure as the answer gives it: in the unit its table prints,
    with the 万元 equivalent of an amount in 元 shown exactly; in the other unit when the question asks for it."""
    unit = unit_of(ref)
    if arith.is_money(unit) and unit != "亿元" and ASKS_YI.search(q) and ref.value and not ref.cell.blank:
        # asked in 亿: the figure as printed, and in 亿元 converted exactly (the conversion shown)
        r = arith.convert(ref.value, unit, "亿元")
        return r.value, "亿元", f"{arith.with_unit(ref.value, unit)}（= {arith.fmt(r.value)} 亿元）", r.formula
    if unit == "元" and ref.value and not ref.cell.blank:
        r = arith.convert(ref.value, "元", "万元")
        if ASKS_WAN.search(q):
            return r.value, "万元", f"{arith.fmt(r.value)} 万元（{r.formula}）", r.formula
        return ref.value, unit, f"{arith.with_unit(ref.value, unit)}（= {arith.fmt(r.value)} 万元）", r.formula
    if unit == "万元" and ASKS_YUAN.search(q) and not ASKS_WAN.search(q) and ref.value:
        r = arith.convert(ref.value, "万元", "元")
        return r.value, "元", f"{arith.fmt(r.value)} 元（{r.formula}）", r.formula
    return ref.value, unit, arith.with_unit(ref.value, unit), None


def common_unit(refs: list[CellRef]) -> tuple[list[Decimal], str, list[str]]:
    """The figures of one calculation in one unit: where they are printed in 元 and 万元, the 元 amounts are
    converted to 万元, exactly, and each conversion is shown."""
    units = {unit_of(c) for c in refs}
    if len(units) <= 1 or not all(arith.is_money(u) for u in units):
        return [c.value for c in refs], unit_of(refs[0]) if refs else "", []
    values, shown = [], []
    for c in refs:
        if unit_of(c) == "万元":
            values.append(c.value)
        else:
            r = arith.convert(c.value, unit_of(c), "万元")
            values.append(r.value)
            shown.append(r.formula)
    return values, "万元", shown


def computed(question, text, result: arith.Result, unit, refs: list[CellRef], chart=None,
              conversions: list[str] | None = None) -> Answer:
    if unit == "元" and ASKS_WAN.search(question):  # "…一共多少万元": the amount converted, exactly, shown
        c = arith.convert(result.value, "元", "万元")
        result, unit = arith.Result(c.value, f"{result.formula}；{c.formula}"), "万元"
        text += f"，即 {arith.fmt(c.value)} 万元"
    sources = "；".join(c.where() for c in refs)
    formula = "；".join([*(conversions or []), result.formula])
    return Answer(question, ANSWERED, f"{text}。计算：{formula}（数据：{sources}）",
                  result.value, unit, formula, [c.citation() for c in refs], chart=chart)


_INSIDE = re.compile(r"^[”」]?(?:的)?(?:支出|收入)?(?:预算|决算)?(?:总额|总数)?(?:中|里|当中|之中|中的|里的|里面)[，,]?[“「]?$")


def share(eng, question, q, doc, measures, options, hint) -> Answer:
    if len(measures) >= 2:
        # "A占B的比例": the part is named before 占, the whole after it.
        zhan = q.find("占")
        order = sorted(range(len(measures)), key=lambda i: measures[i].position)
        if zhan >= 0:
            before = [i for i in order if measures[i].position < zhan]
            after = [i for i in order if measures[i].position > zhan]
            if before and after:
                order = [before[-1], after[0]]
            elif len(before) >= 2 and not after and _INSIDE.match(
                    q[q.find(measures[before[-2]].text, measures[before[-2]].position) + len(measures[before[-2]].text):
                      measures[before[-1]].position]):
                order = [before[-1], before[-2]]  # 「A里B占多大比例」: B of A, A the whole
        from .tableanswer import together  # (tableanswer imports this module)
        part, whole = together([measures[order[0]], measures[order[1]]], [options[order[0]], options[order[1]]])
        if measures[order[1]].table and part.table is not whole.table:
            # "A占一般公共预算基本支出的比例": the whole names a table; its part is read from that table too
            inside = [c for c in options[order[0]] if c.table is whole.table]
            if inside:
                part = readings(inside)[0]
    else:
        part = readings(options[0])[0]
        zhan = q.find("占")
        if 0 <= zhan < measures[0].position:  # 「财政拨款收入占收入总计的比重」: a part printed only as its parts
            if (ans := _composite_share(eng, question, q[:zhan], doc, part)) is not None:
                return ans
        whole = whole_of(doc, part)
        if whole is None and measures[0].table == part.table.kind and (ans := _of_sides(question, doc, part)):
            return ans
        if whole is None:
            return eng.not_found(question, f"不知道“{measures[0].text}”占什么的比例，请说明分母")
    (vp, vw), _, conv = common_unit([part, whole])
    r = arith.share(vp, vw)
    chart = chart_for(doc, part)
    ans = computed(question, f"{part.name()}占{whole.name()}的 {arith.fmt(r.value)}%", r, "%",
                   [part, whole], chart, conversions=conv)
    from . import statedshare  # the narrative's own statement of the share, quoted (assistant/statedshare.py)
    return statedshare.beside(question, q, doc, part, whole, r, ans)

def _composite_share(eng, question, said: str, doc, whole: CellRef) -> Answer | None:
    """The share of a figure the document prints only as its parts (财政拨款收入 = 一般公共预算 + 政府性基金预算
    + 国有资本经营预算 拨款收入, said before 占) in the whole named after 占: the parts summed, read from the
    whole's own table where it prints them, then divided; every part cited."""
    from .tableanswer import composite_parts  # (tableanswer imports this module)
    found = composite_parts(eng, said, doc, whole.table)
    if found is None:
        return None
    name, parts = found
    values, unit, conv = common_unit([*parts, whole])
    summed = arith.total(values[:-1])
    r = arith.share(summed.value, values[-1])
    named = " + ".join(p.name() for p in parts)
    return computed(question, f"{name}（表中未单列，按其组成相加：{named}）占{whole.name()}的 {arith.fmt(r.value)}%",
                    arith.Result(r.value, f"{summed.formula}；{r.formula}"), "%", [*parts, whole], conversions=conv)


def _of_sides(question, doc, part: CellRef) -> Answer | None:
    """「一般公共预算基本支出中，公用经费占多大比例」 where the table the question names prints no total row, only
    each side's own (人员经费合计 | 公用经费合计, a 决算's basic-expenditure table): the whole is their sum."""
    from .corpus import default_column
    t = part.table
    if any(plain_label(r.label or "") in ("合计", "总计") for r in t.rows):
        return None
    sides = []
    for r in t.rows:
        label = plain_label(r.label or "")
        if not label.endswith("合计") or len(label) <= 2:
            continue
        col = default_column(t, r.side)
        valued = [c for c in r.cells if c.value is not None]
        # a side printed in columns of its own (决算数 | 决算数#2) while the rows share one side name
        c = (r.cell(col) if col else None) or (valued[0] if len(valued) == 1 else None)
        if c is not None and c.value is not None:
            sides.append(CellRef(doc.document, t, r, c))
    if len(sides) < 2 or not any(c.row is part.row and c.cell.column == part.cell.column for c in sides) or \
            len({unit_of(c) for c in sides}) != 1:
        return None
    whole = arith.total([c.value for c in sides])
    r = arith.share(part.value, whole.value)
    names = " + ".join(c.name() for c in sides)
    return computed(question, f"{part.name()}占{t.title}（{names}）的 {arith.fmt(r.value)}%",
                    arith.Result(r.value, f"{whole.formula}；{r.formula}"), "%", sides)


def whole_of(doc, part: CellRef) -> CellRef | None:
    """The natural denominator: the parent subject, else the table's total row, same column."""
    t = part.table
    if part.row.parent_code:
        parent = t.row_by_code(part.row.parent_code)
        if parent and parent.cell(part.cell.column):
            return CellRef(doc.document, t, parent, parent.cell(part.cell.column))
    from .corpus import default_column, total_row
    tot = total_row(t, part.cell.column)
    if tot is not None and tot is not part.row and tot.cell(part.cell.column):
        return CellRef(doc.document, t, tot, tot.cell(part.cell.column))
    if tot is part.row:  # a column of the total row: share of the row's total column
        col = default_column(t, part.row.side)
        if col and col != part.cell.column:
            return CellRef(doc.document, t, tot, tot.cell(col))
    return None

def chart_for(doc, ref: CellRef) -> Chart | None:
    """The breakdown a share belongs to: a total's sibling columns (人员经费 | 公用经费), else the
    row's siblings in its column, else the table's top level."""
    from .nesting import children
    t = ref.table
    parts = ref.cell.column.split("/")
    if plain_label(ref.row.label) in ("合计",) and len(parts) > 1:
        group = [c for c in ref.row.cells if c.column.startswith(parts[0] + "/")
                 and c.column.split("/")[-1] != "合计" and c.value]
        if len(group) > 1:
            return Chart(f"{t.title}：{parts[0]}", unit_of(ref),
                         tuple(ChartBar(c.column.split("/")[-1], c.value) for c in group))
    parent = t.row_by_code(ref.row.parent_code) if ref.row.parent_code else None
    rows = children(t, parent) if parent else [r for r in t.rows if r.level == ref.row.level and r.code]
    if not rows:  # a share of the total: the top level of the table, never two levels mixed
        rows = [r for r in t.rows if r.level == "类"] or \
               [r for r in t.rows if r.side == ref.row.side and TOP_ITEM.match(r.label)]
    bars = tuple(ChartBar(plain_label(r.label), r.cell(ref.cell.column).value) for r in rows
                 if r.cell(ref.cell.column) and r.cell(ref.cell.column).value)
    return Chart(f"{t.title}：{ref.cell.column}", unit_of(ref), bars) if len(bars) > 1 else None
