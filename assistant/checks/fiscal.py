"""Across tables, part 2: the financial-allocation tables (财政拨款收支总表 and the 一般公共预算 /
政府性基金 / 国有资本经营 tables), the 基本支出 tables and the 三公 table — each figure met in the other
tables that state it, by canonical measure and subject code."""
from __future__ import annotations

from ingest import model, templates
from ingest.model import Table

from .core import CROSS_TABLE, NOT_APPLICABLE, ZERO, Check, code_of, factor, norm
from .cross import absent, class_terms, class_unreadable, classes, cross, total_or_note, unmatched
from .doc import Doc
from .sums import Side, code_problem, side_of
from .vocab import FISCAL_SOURCES, THREE_PUBLIC_SUBJECTS, class_code, source_of

_SPLIT_KINDS = {"一般公共预算": model.GPB_EXPENDITURE, "政府性基金预算": model.GOV_FUND,
                "国有资本经营预算": model.STATE_CAPITAL}


def _split_tables(doc: Doc) -> list[Table]:
    return [t for t in (doc.functional(k) for k in _SPLIT_KINDS.values()) if t is not None]


def fiscal_vs_split(doc: Doc):
    """财政拨款收支总表 spends by source; each source column (or, in a layout with one column, their sum)
    must agree with that source's own table, 类 by 类 and in total. An empty source table ("空表列示")
    counts as 0. Its income lines restate the 收支总表's."""
    fiscal = doc.first(model.FISCAL_SUMMARY)
    if fiscal is None:
        yield absent(f"cross:{model.FISCAL_SUMMARY}", "财政拨款收支总表与分资金来源支出表核对", model.FISCAL_SUMMARY)
        return
    spend = side_of(fiscal, "支出")
    items = [(i, class_code(i.label)) for i, _ in spend.items if class_code(i.label)]
    per_source = [(m, w, doc.column_for(fiscal, m, spend.year)) for m, w in FISCAL_SOURCES] if spend.year else []
    if any(col for _, _, col in per_source):
        for measure, word, col in per_source:
            if col is None:
                continue
            kind = _SPLIT_KINDS[measure]
            table = doc.functional(kind)
            cid = f"cross:{model.FISCAL_SUMMARY}~{kind}"
            if table is None:
                yield absent(cid, f"财政拨款收支总表“{col}”列与{kind}核对", kind)
                continue
            yield from _against(doc, cid, fiscal, spend, items, col, [table], col)
    elif spend.year is not None:
        # one spending column for all sources: against 财政拨款支出表 if printed, else the sources' sum
        whole = doc.functional(model.FISCAL_EXPENDITURE)
        tables = [whole] if whole is not None else _split_tables(doc)
        if tables:
            cid = f"cross:{model.FISCAL_SUMMARY}~{tables[0].kind if whole else '财政拨款支出表'}"
            yield from _against(doc, cid, fiscal, spend, items, doc.main_column(fiscal, spend.year), tables,
                                "支出")
    yield from _fiscal_income_vs_summary(doc, fiscal)


def _against(doc: Doc, cid: str, fiscal: Table, spend: Side, items, col: str, tables: list[Table], what: str):
    totals = []
    for t in tables:
        term, note = total_or_note(doc, t, f"{cid}:合计")
        if note is not None:
            yield note
            return
        totals.append(term)
    names = "、".join(t.title for t in tables)
    if spend.year is not None:
        yield cross(f"{cid}:合计", f"财政拨款收支总表本年支出合计的“{what}”应等于{names}合计",
                    doc.term(fiscal, spend.year, col), totals)
    by_class = [classes(t) for t in tables]
    seen = set()
    for item, code in items:
        seen.add(code)
        groups = [class_terms(doc, t, cr.get(code)) for t, cr in zip(tables, by_class)]
        if any(g is None for g in groups):
            yield class_unreadable(f"{cid}:{norm(item.label)}", tables[groups.index(None)], code)
            continue
        parts = [term for g in groups for term in g]
        yield cross(f"{cid}:{norm(item.label)}", f"财政拨款收支总表“{item.label}”的“{what}”应等于{names}同一类级科目（{code}）合计",
                    doc.term(fiscal, item, col), parts)
    for t, cr in zip(tables, by_class):
        for code, rows in cr.items():
            if code not in seen and len(rows) == 1:
                yield unmatched(f"{cid}:{norm(rows[0].label)}", f"{t.title}的类级科目“{rows[0].label}”在财政拨款收支总表中没有对应项目",
                                doc.term(t, rows[0], doc.main_column(t, rows[0])))


def _fiscal_income_vs_summary(doc: Doc, fiscal: Table):
    summ = doc.first(model.SUMMARY)
    if summ is None:
        yield absent(f"cross:{model.FISCAL_SUMMARY}~{model.SUMMARY}", "财政拨款收支总表收入与收支总表核对", model.SUMMARY)
        return
    f_in, s_in = side_of(fiscal, "收入"), side_of(summ, "收入")
    for measure, word in FISCAL_SOURCES:
        # this year's allocation: the first line naming the source above the 本年收入合计
        f_row = next((r for i, subs in f_in.items for r in (i, *subs) if source_of(r.label) == measure), None)
        s_row = next((r for i, subs in s_in.items for r in (i, *subs) if source_of(r.label) == measure), None)
        if f_row is None or s_row is None:
            continue
        yield cross(f"cross:{model.FISCAL_SUMMARY}~{model.SUMMARY}:{word}",
                    f"财政拨款收支总表“{f_row.label}”应等于收支总表“{s_row.label}”",
                    doc.term(fiscal, f_row, doc.main_column(fiscal, f_row)),
                    [doc.term(summ, s_row, doc.main_column(summ, s_row))])


def _basic_total_term(doc: Doc, basic: Table):
    """The 基本支出表's total: its 合计 row, or (决算 layout) 人员经费合计 + 公用经费合计."""
    row = doc.total_row(basic)
    if row is not None:
        return [doc.term(basic, row, doc.main_column(basic, row))]
    parts = [r for r in basic.rows if norm(r.label) in ("人员经费合计", "公用经费合计")]
    return [doc.term(basic, r, doc.main_column(basic, r)) for r in parts] if len(parts) == 2 else None


def basic_vs_gpb(doc: Doc):
    """The 基本支出 column of the 一般公共预算支出表 is what the 基本支出表 breaks down by economic
    subject: their totals agree, and so do 人员经费 and 公用经费 where both tables print them."""
    cid = f"cross:{model.GPB_EXPENDITURE}~{model.GPB_BASIC}"
    gpb, basic = doc.functional(model.GPB_EXPENDITURE), doc.first(model.GPB_BASIC)
    if gpb is None or basic is None:
        yield absent(cid, "一般公共预算支出表基本支出与基本支出表核对",
                     *[k for k, t in ((model.GPB_EXPENDITURE, gpb), (model.GPB_BASIC, basic)) if t is None])
        return
    total = doc.total_row(gpb)
    col = doc.column_for(gpb, "基本支出")
    basic_total = _basic_total_term(doc, basic)
    if total is None or col is None or basic_total is None:
        return
    yield cross(f"{cid}:合计", f"{gpb.title}合计行“{col}”应等于{basic.title}合计", doc.term(gpb, total, col), basic_total)
    b_total = doc.total_row(basic)
    for measure in ("人员经费", "公用经费"):
        g, b = doc.column_for(gpb, measure), doc.column_for(basic, measure)
        if g and b and b_total is not None:
            yield cross(f"{cid}:{measure}", f"{gpb.title}合计行“{g}”应等于{basic.title}合计行“{b}”",
                        doc.term(gpb, total, g), [doc.term(basic, b_total, b)])


def all_fiscal(doc: Doc):
    """支出总表 covers every source of money; the three financial-allocation tables cover the allocations.
    Only when the department has no other money (支出总表 total = the allocation tables' totals) must
    each subject and the 基本/项目 split agree line by line; otherwise the difference is other money."""
    cid = f"cross:{model.EXPENDITURE}~财政拨款"
    exp = doc.functional(model.EXPENDITURE)
    split = _split_tables(doc)
    if exp is None or not split:
        yield absent(cid, "支出总表与财政拨款支出表逐科目核对",
                     *([model.EXPENDITURE] if exp is None else list(_SPLIT_KINDS.values())))
        return
    exp_total = doc.total_term(exp)
    totals = [doc.total_term(t) for t in split]
    if exp_total.value is None or any(t.value is None for t in totals) or doc.total_row(exp) is None or \
            _in_yuan(exp_total) != sum((_in_yuan(t) for t in totals), ZERO):
        yield Check(cid, CROSS_TABLE, "支出总表含财政拨款以外的资金（或没有合计行），逐科目与财政拨款支出表相等的关系不适用",
                    NOT_APPLICABLE, [r for r in [exp_total.ref] if r])
        return
    if not any((code_of(r) or "").startswith("2") for r in exp.rows) or \
            any(_repeats(t) or code_problem(t) for t in (exp, *split)):
        return  # 支出总表 not by function subject, a table in blocks per unit, or codes not to be trusted
    measures = [("合计", doc.main_column(exp)), ("基本支出", doc.column_for(exp, "基本支出")),
                ("项目支出", doc.column_for(exp, "项目支出"))]
    codes = list(dict.fromkeys(c for t in (exp, *split) for r in t.rows if (c := code_of(r))))
    for code in codes:
        row = next((r for r in exp.rows if code_of(r) == code), None)
        label = norm((row or next(r for t in split for r in t.rows if code_of(r) == code)).label)
        for measure, col in measures:
            if col is None:
                continue
            parts = []
            for t in split:
                r = next((x for x in t.rows if code_of(x) == code), None)
                tcol = doc.main_column(t) if measure == "合计" else doc.column_for(t, measure)
                if tcol is not None:
                    parts.append(doc.term(t, r, tcol))
            if parts:
                yield cross(f"{cid}:{code}:{col}", f"支出总表只有财政拨款资金：科目 {code} {label}“{col}”应等于各财政拨款支出表之和",
                            doc.term(exp, row, col), parts)
    yield from _basic_total(doc, exp, split)


def _repeats(t: Table) -> bool:
    codes = [c for r in t.rows if (c := code_of(r))]
    return len(codes) != len(set(codes))


def _in_yuan(t):
    return t.value * factor(t.unit)


def _basic_total(doc: Doc, exp: Table, split: list[Table]):
    """With only allocated money, 支出总表's 基本支出 = the 基本支出表 total (the general budget's basic
    spending, by economic subject) + the other allocation tables' 基本支出."""
    basic = doc.first(model.GPB_BASIC)
    col = doc.column_for(exp, "基本支出")
    parts = _basic_total_term(doc, basic) if basic is not None else None
    if parts is None or col is None:
        return
    for t in split:
        if t.kind != model.GPB_EXPENDITURE and (tcol := doc.column_for(t, "基本支出")):
            parts.append(doc.total_term(t, tcol))
    yield cross(f"cross:{model.EXPENDITURE}~{model.GPB_BASIC}:基本支出",
                f"支出总表只有财政拨款资金：合计行“{col}”应等于{basic.title}合计加其他财政拨款支出表的基本支出",
                doc.total_term(exp, col), parts)


def three_public_vs_basic(doc: Doc):
    """A 三公 item includes at least what the 基本支出表 books under the matching economic subject (project
    money may add to it, and no table splits projects by subject): equal passes, less fails, more cannot
    be decided. The 三公 table lists items as rows or as columns; either is read by canonical meaning."""
    cid = f"cross:{model.THREE_PUBLIC}~{model.GPB_BASIC}"
    three, basic = doc.first(model.THREE_PUBLIC), doc.first(model.GPB_BASIC)
    if three is None or basic is None:
        yield absent(cid, "三公经费与基本支出表经济科目核对",
                     *[k for k, t in ((model.THREE_PUBLIC, three), (model.GPB_BASIC, basic)) if t is None])
        return
    by_row = {}
    for r in three.rows:
        by_row.setdefault(templates.column_meaning(r.label), r)
    row_layout = any(name in by_row for name, _ in THREE_PUBLIC_SUBJECTS)
    if not row_layout:
        wanted = "决算" if doc.document.kind == "决算" else "预算"
        total = doc.total_row(three) or next((r for r in three.rows if wanted in r.label), None)
    for name, code in THREE_PUBLIC_SUBJECTS:
        if row_layout:
            row = by_row.get(name)
            col = (doc.column_for(three, "一般公共预算", row) or doc.main_column(three, row)) if row else None
        else:
            row, col = total, _item_column(doc, three, name)
        if row is None or col is None:
            continue
        brow = next((r for r in basic.rows if code_of(r) == code), None)
        yield cross(f"{cid}:{code}", f"“三公”经费表“{norm(row.label)}”的“{col}”应不少于基本支出表 {code} 科目",
                    doc.term(three, row, col), [doc.term(basic, brow, doc.main_column(basic, brow) if brow else None)],
                    relation="covers")


def _item_column(doc: Doc, three: Table, name: str) -> str | None:
    """The column of a 三公 item; a 决算 table printing 预算数 and 决算数 side by side is read at 决算数."""
    hdr = doc.header(three)
    hits = [p for p in hdr.paths if (hdr.meaning(p) or ("", ""))[1] == name and (hdr.meaning(p) or ("x",))[0] == ""]
    preferred = [p for p in hits if doc.document.kind in p]
    return (preferred or hits or [None])[0]


def other_totals(doc: Doc):
    """A 基本支出表 / 项目支出表 over all money states the 支出总表's 基本支出 / 项目支出 total; one over
    financial allocations only (its title says 财政拨款) is part of it."""
    exp = doc.functional(model.EXPENDITURE)
    if exp is None or doc.total_row(exp) is None:
        return
    for kind, measure in ((model.BASIC, "基本支出"), (model.PROJECT, "项目支出")):
        col = doc.column_for(exp, measure)
        for t in doc.of_kind(kind):
            row = doc.total_row(t)
            if col is None or row is None:
                continue
            relation = "within" if "财政拨款" in t.title else "eq"
            yield cross(f"cross:{doc.key[t.ordinal]}~{model.EXPENDITURE}:{measure}",
                        f"{t.title}合计{'不应超过' if relation == 'within' else '应等于'}支出总表合计行“{col}”",
                        doc.term(t, row, doc.main_column(t, row)), [doc.total_term(exp, col)], relation)
