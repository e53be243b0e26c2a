"""Across tables, part 1: the same figure in 收支总表, 收入总表 and 支出总表. Lines are matched by canonical
measure (what a column or an income line measures, templates' [[meaning]]) and by subject code (a 收支总表
line "一、一般公共服务支出" is function class 201 whatever its numbering), never by one template's wording.
Figures in different units are converted exactly and compared at the coarser precision (core.judge)."""
from __future__ import annotations

import re

from ingest import model
from ingest.model import Row, Table

from .core import CROSS_TABLE, NOT_APPLICABLE, UNCHECKED, ZERO, Check, Term, code_of, compare, norm
from .doc import Doc
from .headers import segments
from .sums import Side, code_problem, side_of
from .vocab import class_code, is_carry, measure_of

_FISCAL = "财政拨款"
_FUNCTION_TEXT = re.compile(r"^\s*(2\d{2}(?:\d{2}){0,2})(?!\d)")
_SOURCES = ("一般公共预算", "政府性基金预算", "国有资本经营预算")


def absent(cid: str, description: str, *kinds: str) -> Check:
    return Check(cid, CROSS_TABLE, f"{description}（文件中没有{'、'.join(kinds)}）", NOT_APPLICABLE)


def unmatched(cid: str, description: str, value: Term) -> Check | None:
    """A line with no counterpart in the other table: a naming variant or an omission. The totals checks
    catch an omission, so this one only reports it."""
    if not value.printed:
        return None
    return Check(cid, CROSS_TABLE, description, UNCHECKED, [value.ref], found=value.value, unit=value.unit)


def cross(cid: str, description: str, found: Term, expected: list[Term], relation: str = "eq") -> Check | None:
    return compare(cid, CROSS_TABLE, description, found, expected, relation)


def total_or_note(doc: Doc, t: Table, cid: str) -> tuple[Term | None, Check | None]:
    """The table's total; a table with rows but no 合计 row (one line per unit, say) cannot be compared."""
    if t.rows and doc.total_row(t) is None:
        return None, Check(cid, CROSS_TABLE, f"{t.title}没有合计行，无法与其他表核对总数", UNCHECKED)
    return doc.total_term(t), None


def function_code(row: Row) -> str | None:
    """The function subject of a row: its own code, or — in a table crossing function and economic
    subjects (北京 预算03表) — the code printed in its 支出功能分类科目 column ("2010601-行政运行")."""
    code = code_of(row)
    if code and code.startswith("2"):
        return code
    for c in row.cells:
        if "功能" in c.column and (m := _FUNCTION_TEXT.match(c.raw)):
            return m.group(1)
    # a table printing subject names without codes: its 类 lines are known by name
    return None if code else class_code(row.label)


def classes(t: Table) -> dict[str, list[Row]]:
    """The rows that make up each function class (类) of a table: its 类 row where printed (one per block
    where the table repeats a block per unit), else its top-level rows under that class (a table printing
    only 项 lines, or lines crossed with economic subjects)."""
    coded = [(fc, r) for r in t.rows if (fc := function_code(r))]
    codes = {fc for fc, _ in coded}
    out: dict[str, list[Row]] = {}
    for fc, r in coded:
        cls = fc[:3]
        if cls in codes:
            if fc == cls:
                out.setdefault(cls, []).append(r)
        elif not any(fc[:n] in codes for n in (5,) if n < len(fc)):
            out.setdefault(cls, []).append(r)
    return out


def class_terms(doc: Doc, t: Table, rows: list[Row] | None) -> list[Term] | None:
    """The figures that make up a class total; None when the same class code sits on differently named
    rows (codes derived wrongly: no sum of them means anything)."""
    if not rows:
        return [Term(ZERO)]
    exact = [r for r in rows if len(code_of(r) or "") == 3 or len(function_code(r) or "") == 3]
    if len(exact) > 1 and len({norm(r.label) for r in exact}) > 1:
        return None
    return [doc.term(t, r, doc.main_column(t, r)) for r in rows]


def class_unreadable(cid: str, t: Table, code: str) -> Check:
    return Check(cid, CROSS_TABLE, f"{t.title}中类级编码 {code} 出现在名称不同的多行上，该类合计无法确定", UNCHECKED)


def _function_codes(t: Table) -> list[str]:
    return list(dict.fromkeys(c for r in t.rows if (c := code_of(r)) and c.startswith("2")))


# --- 收入总表 ~ 支出总表 -------------------------------------------------------------------------------------

def income_vs_expenditure(doc: Doc):
    """A budget raises income for exactly what it spends: the same function subject carries the same total
    in 收入总表 and 支出总表, subject by subject and in total."""
    cid = f"cross:{model.INCOME}~{model.EXPENDITURE}"
    inc, exp = doc.first(model.INCOME), doc.functional(model.EXPENDITURE)
    if inc is None or exp is None:
        yield absent(cid, "收入总表与支出总表按科目核对", *[k for k, t in ((model.INCOME, inc), (model.EXPENDITURE, exp))
                                                 if t is None])
        return
    if doc.document.kind != "预算":
        yield Check(cid, CROSS_TABLE, "决算的收入与支出按科目相差结余，逐科目相等的关系不适用", NOT_APPLICABLE)
        return
    inc_total, note_i = total_or_note(doc, inc, f"{cid}:合计:收入总表")
    exp_total, note_e = total_or_note(doc, exp, f"{cid}:合计:支出总表")
    yield note_i or note_e or cross(f"{cid}:合计:合计", "支出总表合计应等于收入总表合计", exp_total, [inc_total])
    if not _function_codes(inc) or not _function_codes(exp) or code_problem(inc) or code_problem(exp):
        return  # one of them is not by subject (收入总表 by unit), or its codes cannot be trusted
    for code in dict.fromkeys(_function_codes(inc) + _function_codes(exp)):
        row_e = next((r for r in exp.rows if code_of(r) == code), None)
        row_i = next((r for r in inc.rows if code_of(r) == code), None)
        yield cross(f"{cid}:{code}:合计", f"科目 {code} {norm((row_e or row_i).label)}：支出总表合计应等于收入总表合计",
                    doc.term(exp, row_e, doc.main_column(exp, row_e) if row_e else None),
                    [doc.term(inc, row_i, doc.main_column(inc, row_i) if row_i else None)])


# --- 收支总表 ~ 收入总表, 支出总表 ------------------------------------------------------------------------------

def summary_vs_detail(doc: Doc):
    """收支总表 restates 收入总表 and 支出总表: its totals are theirs, its income lines fill the 收入总表
    columns of the same measure, its expenditure lines are the 支出总表's function classes."""
    cid = f"cross:{model.SUMMARY}"
    summ = doc.first(model.SUMMARY)
    inc, exp = doc.first(model.INCOME), doc.functional(model.EXPENDITURE)
    if summ is None or inc is None or exp is None:
        yield absent(cid, "收支总表与收入总表、支出总表核对",
                     *[k for k, t in ((model.SUMMARY, summ), (model.INCOME, inc), (model.EXPENDITURE, exp)) if t is None])
        if summ is None:
            return
    income, spend = side_of(summ, "收入"), side_of(summ, "支出")
    line = lambda r: doc.term(summ, r, doc.main_column(summ, r))  # noqa: E731
    if inc is not None:
        yield from _summary_vs_income(doc, cid, summ, income, inc, line)
    if exp is not None:
        yield from _summary_vs_expenditure(doc, cid, summ, spend, exp, line)


def _summary_vs_income(doc: Doc, cid: str, summ: Table, income: Side, inc: Table, line):
    total = doc.total_row(inc)
    if total is None:
        if inc.rows:
            yield Check(f"{cid}~{model.INCOME}:合计", CROSS_TABLE, f"{inc.title}没有合计行，无法与收支总表核对", UNCHECKED)
        return
    hdr = doc.header(inc)
    main = doc.main_column(inc, total)
    carry = hdr.column_for("结转结余")
    this_year = next((g.total for g in hdr.groups if "本年" in "".join(segments(g.total))), None)
    pairs = []  # (收支总表 line, 收入总表 column on its 合计 row)
    if carry is not None:
        pairs.append((income.grand, main))
        pairs.append((income.year, this_year))
        carries = [c for c, _ in income.carries if is_carry(c.label)]
        if len(carries) == 1:
            pairs.append((carries[0], carry))
    else:
        pairs.append((income.year, main))
    for srow, col in pairs:
        if srow is not None and col is not None:
            yield cross(f"{cid}:{norm(srow.label)}", f"收支总表“{srow.label}”应等于{inc.title}合计行“{col}”",
                        line(srow), [doc.term(inc, total, col)])
    # income lines → the 收入总表 columns measuring the same (a source line into a 财政拨款 column)
    by_measure: dict[str, list[Row]] = {}
    for item, subs in income.items:
        m = measure_of(item.label)
        if m and _columns_for(doc, inc, m):
            by_measure.setdefault(m, []).append(item)
            continue
        for r in (subs if subs else [item]):
            ms = measure_of(r.label)
            if ms in _SOURCES and not _columns_for(doc, inc, ms):
                ms = _FISCAL
            if ms and _columns_for(doc, inc, ms):
                by_measure.setdefault(ms, []).append(r)
    for m, rows in by_measure.items():
        cols = _columns_for(doc, inc, m)
        cells = [doc.term(inc, total, c) for c in cols]
        if len(cols) == 1:
            yield cross(f"{cid}~{model.INCOME}:{cols[0]}", f"收入总表合计行“{cols[0]}”应等于收支总表"
                        f"{'、'.join(r.label for r in rows)}之和", cells[0], [line(r) for r in rows])
        elif len(rows) == 1:
            yield cross(f"{cid}~{model.INCOME}:{m}", f"收支总表“{rows[0].label}”应等于收入总表合计行"
                        f"{'、'.join(cols)}之和", line(rows[0]), cells)


def _columns_for(doc: Doc, t: Table, measure: str) -> list[str]:
    """The current-period columns measuring ``measure``, each counted once (a group's subtotal stands for
    its members)."""
    hdr = doc.header(t)
    hits = [p for p in hdr.paths if hdr.meaning(p) == ("", measure) and hdr.column_for(measure, [p]) == p]
    counted = {a for g in hdr.groups if g.total in hits for a in g.addends}
    return [p for p in hits if p not in counted]


def _summary_vs_expenditure(doc: Doc, cid: str, summ: Table, spend: Side, exp: Table, line):
    exp_total, note = total_or_note(doc, exp, f"{cid}:本年支出合计")
    if spend.year is not None:
        yield note or cross(f"{cid}:{norm(spend.year.label)}",
                            f"收支总表“{spend.year.label}”应等于{exp.title}合计", line(spend.year), [exp_total])
    by_class = classes(exp)
    seen: set[str] = set()
    total = doc.total_row(exp)
    for item, _ in spend.items:
        name = norm(item.label)
        code = class_code(item.label)
        if code is not None and by_class:
            seen.add(code)
            parts = class_terms(doc, exp, by_class.get(code))
            yield class_unreadable(f"{cid}~{model.EXPENDITURE}:{name}", exp, code) if parts is None else \
                cross(f"{cid}~{model.EXPENDITURE}:{name}", f"收支总表“{item.label}”应等于支出总表同一类级科目（{code}）的合计",
                      line(item), parts)
        elif (m := measure_of(item.label)) in ("基本支出", "项目支出") and total is not None:
            col = doc.column_for(exp, m)
            if col is not None:
                yield cross(f"{cid}~{model.EXPENDITURE}:{name}", f"收支总表“{item.label}”应等于支出总表合计行“{col}”",
                            line(item), [doc.term(exp, total, col)])
    if not any(class_code(i.label) for i, _ in spend.items):
        return  # the 收支总表 lists spending by nature (基本/项目), not by class
    for code, rows in by_class.items():
        if code not in seen and len(rows) == 1:
            yield unmatched(f"{cid}~{model.EXPENDITURE}:{norm(rows[0].label)}",
                            f"支出总表类级科目“{rows[0].label}”（{code}）在收支总表中没有对应的支出项目",
                            doc.term(exp, rows[0], doc.main_column(exp, rows[0])))
