"""A 款 of the function classification (5-digit code: 20133 宣传事务, 20106 财政事务, 21401 公路水路运输) asked by
name — 「“宣传事务”这个款」「财政事务这一款」「公共卫生（款）」, or its printed name alone — and asked as a share of
一般公共预算支出: 「X这一款占一般公共预算支出的比例」.

The share is read in ONE table, the 一般公共预算 支出 table by function class (一般公共预算支出表 / 一般公共预算财政拨款
支出决算表): the 款's row where printed (several rows of the code — a table printed unit by unit — added), else the
sum of its 项 rows (北京's 预算05表 prints 项 lines only), over that table's 合计 row, the same column. Never a
基本支出 table's line over the whole budget, never another scope's total: the part and the whole share a scope
because they share a table. 「占一般公共预算基本支出的比例」 reads the 基本支出 table the same way.

``named`` (which 款 the question names) and ``read`` (its figure in a table) serve the 决算-vs-年初预算 family
too (assistant/kuanexec.py).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from . import arith, figures
from .answer import Answer
from .corpus import CellRef, default_column, plain_label, total_row, unit_of
from .nesting import uncoded_levels

# 「占（全部）一般公共预算（财政拨款）（基本）支出的比例」: the whole is the 一般公共预算 支出 table's total.
_SHARE_OF = re.compile(r"占(?:了|到)?(?P<whole>[^，,。？?；]{0,24}?)(?:的)?(?:比例|比重|百分比|百分之|份额|占比|多少|几成|%)")
_GPB = re.compile(r"^(?:全部|全年|整个|部门|本部门|单位|所有|总的|当年|本年)?的?一般公共预算(?:财政)?(?:拨款)?"
                  r"(?P<basic>基本)?(?:支出)?(?:预算|决算)?(?:数)?(?:总额|总数|合计|总计|总支出|总量)?$")
# A part of the 款 said before 占 (「宣传事务这个款的项目支出占…」): another column, not this family's reading.
_PART_COLUMN = re.compile(r"基本支出|项目支出|人员经费|公用经费")


def named(q: str, doc, corpus, length: int = 5) -> tuple[str, str | None] | None:
    """(the 款's name, its function code — None in a table printed without codes) the question names:
    said with its level (「这一款」「（款）」) — its code the one the document, else the corpus's documents, print
    beside the name — or by a name the document prints beside a 5-digit code and at no other level.
    ``length`` 3 reads a 类 the same way (「社会保障和就业支出（类）」「X这一类」); a 类 is always printed with its code."""
    from .documents import department_names
    from .subjectparts import _code, _named
    for name in sorted(department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        q = q.replace(name, "|")  # 「交通运输局」 holds no line's name
    levels: dict[str, set[int]] = {}
    for t in doc.tables:
        for r in t.rows:
            if r.code and r.code_kind == model.FUNCTION and r.code.isdigit():
                levels.setdefault(plain_label(r.label), set()).add(len(r.code))
    said = [n for n in levels if len(n) >= 2 and n in q]
    for name, lengths in _named(q):
        if lengths != (length,):  # said with its level (「这一款」「（款）」); a bare quoted name is read below
            continue
        name = plain_label(name)
        code = _code(name, doc, corpus, (length,))
        if code is not None or (length == 5 and _uncoded(doc, name)):
            return None if _asks_a_line(q, name, said, levels, length) else (name, code)
    # The printed name alone: the longest function line's name in the question, a 款 only if every line of
    # that name is a 款 (「其他支出」 is a 类, a 款 and a 项 at once: not this reading).
    if not said:
        return None
    longest = max(said, key=len)
    if any(longest in n and n != longest for n in said) or levels[longest] != {length}:
        return None
    if _asks_a_line(q, longest, said, levels, length):
        return None
    code = next(r.code for t in doc.tables for r in t.rows
                if r.code and r.code_kind == model.FUNCTION and plain_label(r.label) == longest and len(r.code) == length)
    return longest, code


def _asks_a_line(q: str, name: str, said: list[str], levels: dict[str, set[int]], length: int = 5) -> bool:
    """「财政事务（款）行政运行（项）」「财政事务这一款里的行政运行」: a 项 of the 款 is asked, not the 款 (of a 类, a
    款 or a 项 of it)."""
    finer = (7,) if length == 5 else (5, 7)
    marks = r"[（(]项[）)]|(?<!\d)\d{7}(?!\d)" if length == 5 else r"[（(][项款][）)]|这一?个?款|(?<!\d)\d{5}(?:\d{2})?(?!\d)"
    return bool(re.search(marks, q)) or \
        any(levels[n] & set(finer) and n not in name and name not in n for n in said)


def _uncoded(doc, name: str) -> bool:
    """Does a table printed without codes hold ``name`` as a 款 (read from its sums, assistant/nesting.py)?"""
    return any(_uncoded_row(t, name) is not None for t in doc.tables if t.kind == model.GPB_EXPENDITURE)


def _uncoded_row(table, name: str):
    if any(r.code for r in table.rows):
        return None
    found = uncoded_levels(table)
    return next((r for r in table.rows if plain_label(r.label) == name and
                 found.get(id(r)) == (model.FUNCTION, "款")), None)


def read(doc, table, name: str, code: str | None) -> tuple[list[CellRef], bool] | None:
    """The 款's figure in ``table``'s default column: ([its row(s)], True) where printed, ([its 项 rows], False)
    where only they are; None where the table prints neither."""
    col = default_column(table)
    if col is None:
        return None

    def ref(r):
        c = r.cell(col)
        return CellRef(doc.document, table, r, c) if c is not None and c.value is not None else None

    if code is None:
        r = _uncoded_row(table, name)
        return ([ref(r)], True) if r is not None and ref(r) is not None else None
    own = [x for r in table.rows if r.code == code and r.code_kind == model.FUNCTION and (x := ref(r))]
    if own:
        return own, True
    lines = [x for r in table.rows if r.code and r.code_kind == model.FUNCTION and r.code.startswith(code)
             and len(r.code) == 7 and (x := ref(r))]
    return (lines, False) if lines else None


def function_tables(doc, kind: str) -> list:
    """The document's tables of ``kind`` that list function classes (not the economic one beside it)."""
    from .tables import economic
    return [t for t in doc.tables if t.kind == kind and not economic(t) and t.rows]


def share(question: str, q: str, doc, corpus) -> Answer | None:
    m = _SHARE_OF.search(q)
    if m is None:
        return None
    whole_said = _GPB.match(m.group("whole").strip())
    if whole_said is None or _PART_COLUMN.search(q[:m.start()]):
        return None
    found = named(q[:m.start()], doc, corpus)
    if found is None:
        return None
    name, code = found
    kind = model.GPB_BASIC if whole_said.group("basic") else model.GPB_EXPENDITURE
    for t in function_tables(doc, kind):
        got = read(doc, t, name, code)
        if got is None:
            continue
        refs, printed = got
        col = refs[0].cell.column
        tot = whole_row(t, col)
        if tot is None or any(r.row is tot for r in refs):
            continue
        whole = CellRef(doc.document, t, tot, tot.cell(col))
        if not whole.value:
            continue
        label = f"{name}（{code}）" if code else name
        if len(refs) == 1:
            part, formula, how = refs[0].value, "", ""
        else:
            s = arith.total([r.value for r in refs])
            part, formula = s.value, s.formula + "；"
            how = ("（表中按单位分列，各行相加）" if printed else "（表中未单列这一款，按其下各项相加："
                   + "；".join(f"{r.row.code} {plain_label(r.row.label)} {arith.fmt(r.value)}" for r in refs) + "）")
        r = arith.share(part, whole.value)
        unit = unit_of(refs[0])
        total = plain_label(tot.label)
        text = (f"{label}这一款{how}占{t.title}{'' if total in ('合计', '总计') else '全表（'}{total}"
                f"{'' if total in ('合计', '总计') else '行）'}的 {arith.fmt(r.value)}%："
                f"{name} {arith.with_unit(part, unit)} ÷ {total} {arith.with_unit(whole.value, unit)}")
        return figures.computed(question, text, arith.Result(r.value, formula + r.formula), "%", [*refs, whole])
    return None


def whole_row(table, col: str):
    """The table's whole in ``col``: its 合计/总计 row, else (a table printed for one unit, 深圳's 表7: the unit's
    row heads it, no 合计) the one uncoded row whose figure is the sum of the table's 类 rows."""
    def value(r):
        c = r.cell(col)
        return c.value if c is not None else None

    tot = total_row(table, col)
    if tot is not None:
        return tot if value(tot) is not None else None
    classes = [value(r) for r in table.rows if r.code and r.code_kind == model.FUNCTION and len(r.code) == 3]
    if not classes or None in classes:
        return None
    whole = arith.total(classes).value
    tolerance = Decimal("0.01") * len(classes)
    heads = [r for r in table.rows if not r.code and value(r) is not None and abs(value(r) - whole) <= tolerance]
    return heads[0] if len(heads) == 1 else None
