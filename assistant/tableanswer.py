"""Answers read from the tables: a lookup, and the arithmetic over the figures a question names (sum,
difference, multiple, share, comparison), the grand total of a table asked by name, the parts of a figure the
document does not print on its own, and the nearest names when nothing matched. Every figure is a cell of the
store, every result computed with Decimal and shown with its formula. ``Engine._answer`` decides when."""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import ParsedDocument

from . import arith, figures, synonyms
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer, AskedFigure, Citation
from .corpus import CellRef, plain_label, same_amount, unit_of
from .tables import Measure, candidates, pick_together, readings, whole_department
from .vocab import common_run, normalize

_INSTITUTION_WORDS = {"单位性质": ("性质", "行政还是事业"), "单位规格": ("级别", "规格", "什么级"),
                      "经费保障形式": ("经费", "保障")}

# What a table of one source of money holds, said in an answer that names its figure as a part.
_SOURCE = {model.FISCAL_SUMMARY: "财政拨款", model.FISCAL_EXPENDITURE: "财政拨款",
           model.GPB_EXPENDITURE: "一般公共预算财政拨款", model.GPB_BASIC: "一般公共预算财政拨款",
           model.GOV_FUND: "政府性基金预算财政拨款", model.STATE_CAPITAL: "国有资本经营预算财政拨款"}
# A question that says which money it means: the whole (一共 …) or one source's part.
_SOURCE_SAID = re.compile(r"一共|总共|全部|合计|总计|所有|各项|财政拨款|一般公共|基金|国有资本|本级|拨款")
_TOTAL_ROW = re.compile(r"合计|总计|小计|结转|结余")  # a total or balance: the whole is what is asked
_ECONOMIC_KINDS = (model.GPB_BASIC, model.ECONOMIC_TABLE, model.BASIC)


def composite(eng, question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """A figure the document does not print on its own but as its parts (财政拨款收入 = 一般公共预算 +
    政府性基金预算 + 国有资本经营预算 拨款收入): their sum, each part cited."""
    found = composite_parts(eng, q, doc)
    if found is None:
        return None
    said, refs = found
    values, unit, conv = figures.common_unit(refs)
    r = arith.total(values)
    named = "、".join(f"{p.name()} {arith.with_unit(v, unit)}" for p, v in zip(refs, values))
    return figures.computed(question, f"{said}（表中未单列，按其组成相加）：{named}，合计 "
                                    f"{arith.with_unit(r.value, unit)}", r, unit, refs, conversions=conv)


def composite_parts(eng, q: str, doc: ParsedDocument, table=None) -> tuple[str, list[CellRef]] | None:
    """(the words said, the printed parts) of a composite figure ``q`` names and the document prints only as its
    parts; with ``table`` (the whole of a share: 「财政拨款收入占收入总计的比重」), the parts that table prints first."""
    vocab = eng.vocab_for(doc)
    for concept, parts in synonyms.COMPOSITES.items():
        words = (concept, *synonyms.MEANINGS.get(concept, ()))
        said = [w for w in words if len(w) >= 4 and w in q]
        if not said or concept in vocab.concepts or concept in vocab.row_concepts or \
                any(normalize(w) in vocab.columns or normalize(w) in vocab.rows for w in words):
            continue  # printed under some name: read there (or said to be ambiguous), never summed
        refs = []
        for part in parts:
            rows = frozenset(vocab.row_concepts.get(part, ())) or None
            column = part if part in vocab.concepts else None
            m = Measure(rows, column, part + "收入", 0, dual=bool(rows and column))
            if m.rows is None and m.column is None:
                continue
            cands = candidates(doc, m, None, q)
            there = [c for c in cands if c.table is table]
            reads = readings(there or cands)
            if reads:
                refs.append(reads[0])
        return (max(said, key=len), refs) if refs else None
    return None


def partial(eng, question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """No name matched: rows and columns sharing four or more characters with the question ("医疗保险",
    "财政拨款") are the readings; more than one value is named as ambiguous, never picked."""
    vocab = eng.vocab_for(doc)
    words = re.sub(r"(?:19|20)\d{2}年度?|\d+", "|", q)  # a shared year ("2026年") names nothing
    # Sorted: the vocabulary's sets iterate in an order that changes per process, and every replica
    # must name the same readings in the same order.
    runs = {n: common_run(words, n) for n in sorted({*vocab.labels, *vocab.columns})}
    longest = max(runs.values(), default=0)
    if longest < 4:
        return None
    names = [n for n, run in runs.items() if run == longest]
    from .columns import whole_first  # a group's total column, not its 其中 parts (assistant/columns.py)
    names = whole_first(names, q)
    cands = []
    for n in names:
        m = Measure(frozenset({n}), None, n, 0) if n in vocab.labels else Measure(None, n, n, 0)
        cands += candidates(doc, m, None)
    if not cands:
        return None
    cands.sort(key=lambda c: (c.table.ordinal, c.row.ordinal))  # document order, the first printing first
    reads = readings(cands)
    if len(reads) == 1:
        ref = reads[0]
        text = (f"按名称最接近的科目回答：{ref.name()}：{arith.with_unit(ref.value, unit_of(ref))}（{ref.where()}）。"
                f"问题中的说法与表中名称不完全一致，请核对是否所指。")
        return Answer(question, ANSWERED, text, ref.value, unit_of(ref), None, [ref.citation()])
    lines = [f"{c.name()}（{c.table.title}，{c.cell.column}列）：{arith.with_unit(c.value, unit_of(c))}" for c in reads[:6]]
    return Answer(question, AMBIGUOUS, "表中有多个名称相近的数：" + "；".join(lines) + "。请说明指哪一个。",
                  None, None, None, [c.citation() for c in reads[:6]], readings=lines)


def table(eng, question: str, q: str, doc: ParsedDocument, measures: list[Measure], hint) -> Answer:
    said = re.search(r"([两二三四五六七八九])项", q)
    if said and len(measures) > W.small_count(said.group(1)):
        # "三项社保缴费合计" names three items; a colloquial word beside them ("社保") is no fourth one.
        n = W.small_count(said.group(1))
        named = [m for m in measures if m.text in eng.vocab_for(doc).labels or m.text.isdigit()]
        if len(named) == n:
            measures = named
    from . import rowcols  # 「行政运行这一项，基本支出比项目支出多多少」: both columns of the line's row (assistant/rowcols.py)
    if (ans := rowcols.answer(eng, question, q, doc, measures, hint) or rowcols.lookup(question, q, doc, measures, hint)):
        return ans
    from . import operands  # 「A中B和C一共」: A says where B and C are read (assistant/operands.py)
    measures = operands.in_context(q, measures)
    if any(m.table for m in measures):
        hint = None  # each measure knows its own table
    if W.DIFF.search(q) or W.COMPARE.search(q):
        from . import focus  # "年末结转和结余比年初多了多少": 年初 names 年初结转和结余
        other = focus.counterpart(q, measures, eng.vocab_for(doc).labels)
        measures = measures + [other] if other is not None else measures
    options = [candidates(doc, m, hint, q) for m in measures]
    from . import splits  # a line printed in several rows of a table (one per unit or functional line)
    ans = splits.answer(question, q, doc, measures, options) if not W.MULTIPLE.search(q) and \
        not W.SHARE.search(q) else None
    if ans is not None:
        return ans
    from .wholeparts import asked_first  # 「X一共多少？其中Y多少？」: the whole asked in a clause of its own, then Y
    lead = asked_first(q, measures[1].position) if len(measures) >= 2 else ""
    # …and the later clauses ask its parts (其中, 里, 各): 「行政运行多少？机关服务多少？」 asks two lines, no 其中
    whole_first = bool(lead) and bool(re.search(r"其中|里面?|当中|之中|中的?|各|分别", q[len(lead):]))
    from . import focus  # "财政拨款支出中的案件审判": the last name, looked up where the others say
    inner = focus.focus(q, measures) if not (W.MULTIPLE.search(q) or W.SHARE.search(q) or W.DIFF.search(q)
                                             or W.COMPARE.search(q) or whole_first) else None  # 「A里B一共」: B's, never A + B
    cands = focus.in_context(doc, inner, hint, q) if inner is not None else []
    if cands:
        return lookup(question, q, inner.measure, cands)
    if W.SHARE.search(q) and not all(options):
        from . import basewhole  # 「占财政拨款基本支出的百分之几」: that table's total (assistant/basewhole.py)
        options = basewhole.fill(doc, measures, options)
    missing = [m.text for m, o in zip(measures, options) if not o]
    if missing and len(measures) == 1 and measures[0].table:
        ans = table_total(question, doc, measures[0].table)  # an empty table (空表列示) holds 0
        if ans is not None:
            return ans
    if missing:
        return eng.not_found(question, f"表格里没有“{'、'.join(missing)}”对应的数")
    from . import operands  # the operands of one calculation from one table where one prints them all
    options = operands.together(doc, measures, options, hint) if not W.SHARE.search(q) else options
    if (W.MULTIPLE.search(q) or W.DIFF.search(q)) and len(measures) == 2:
        # 「基本支出比项目支出多多少」, no fund named: the 支出总表's whole, a group printed by its parts summed
        ans = operands.department_whole(question, q, doc, measures, together(measures, options))
        if ans is not None:
            return ans
    if W.MULTIPLE.search(q) and len(measures) >= 2:
        a, b = together(measures[:2], options[:2])
        (va, vb), _, conv = figures.common_unit([a, b])
        r = arith.multiple(va, vb)
        return figures.computed(question, f"{a.name()}是{b.name()}的 {arith.fmt(r.value)} 倍", r, "倍", [a, b],
                              conversions=conv)
    if W.SHARE.search(q):
        return figures.share(eng, question, q, doc, measures, options, hint)
    if W.DIFF.search(q) and len(measures) >= 2:
        a, b = together(measures[:2], options[:2])
        (va, vb), unit, conv = figures.common_unit([a, b])
        r = arith.difference(va, vb)
        hi, lo = (a, b) if va >= vb else (b, a)
        return figures.computed(question, f"{hi.name()}比{lo.name()}多 {arith.with_unit(r.value, unit)}", r,
                              unit, [a, b], conversions=conv)
    if W.COMPARE.search(q) and len(measures) >= 2:
        refs = together(measures, options)
        vals, _, conv = figures.common_unit(refs)
        amount = {id(c): v for c, v in zip(refs, vals)}
        want_less = bool(re.search(r"(少|低|小)", W.COMPARE.search(q).group(0)))
        best = min(refs, key=lambda c: amount[id(c)]) if want_less else max(refs, key=lambda c: amount[id(c)])
        rel = "<" if want_less else ">"
        calc = "；".join(conv + [f" {rel} ".join(arith.fmt(amount[id(c)]) for c in
                                               sorted(refs, key=lambda c: amount[id(c)], reverse=not want_less))])
        word = "少" if want_less else "多"
        # 「哪一块预算更多？按万元说」: the figure that wins in the unit asked, its conversion shown
        value, unit, shown, converted = figures.amount(best, q)
        if unit == unit_of(best):  # no other unit asked: the figure as printed
            value, shown, converted = best.value, arith.with_unit(best.value, unit), None
        text = f"{best.name()}更{word}：{shown}（" + "；".join(
            f"{c.name()} {arith.with_unit(c.value, unit_of(c))}" for c in refs) + "）"
        calc = "；".join([calc, converted]) if converted else calc
        return Answer(question, ANSWERED, text, value, unit, calc, [c.citation() for c in refs])
    from .spoken import plus  # 「三公经费加人员经费是多少」: a bare 加 between the figures asks their sum
    summed = bool(W.SUM.search(q)) or plus(q, measures)
    if W.EACH.search(q):  # 「三公经费合计、公务接待费…分别是多少」: 合计 ends a name, each figure is asked
        summed = bool(W.SUM.search(re.sub(r"合计(?=[、，,和及与])", "", q))) or plus(q, measures)
    summed = summed and not whole_first  # the whole's 一共 asks the whole, not the parts added
    if len(measures) >= 2 and (summed or whole_first or "和" in q or "、" in q):
        refs = together(measures, options)
        if summed:
            from .operands import without_parents  # a parent line said with its own lines only places them
            refs, parents = without_parents(refs)
            from .operands import printed_total  # the table's own 合计 of exactly these parts, where it differs
            if not parents and (ans := printed_total(question, refs)) is not None:
                return ans
            vals, unit, conv = figures.common_unit(refs)
            r = arith.total(vals)
            placed = f"（{'、'.join(p.name() for p in parents)}是它们的上级科目，只说明范围，不另计入）" if parents else ""
            return figures.computed(question, f"{'、'.join(c.name() for c in refs)}合计 {arith.with_unit(r.value, unit)}"
                                    f"{placed}", r, unit, refs, conversions=conv)
        # Each figure asked, in the order asked; the first is the answer's value (the whole before its 其中 parts).
        said = [f"{c.name()}：{arith.with_unit(c.value, unit_of(c))}（{c.where()}）" for c in refs]
        text = f"{said[0]}；其中" + "；".join(said[1:]) if whole_first else "；".join(said)
        asked = [AskedFigure(c.name(), c.value, unit_of(c)) for c in refs] if whole_first or W.EACH.search(q) else []
        return Answer(question, ANSWERED, text, refs[0].value, unit_of(refs[0]), None, [c.citation() for c in refs],
                      parts=asked)
    return lookup(question, q, measures[0], options[0], doc)


def table_total(question: str, doc: ParsedDocument, kind: str) -> Answer | None:
    """A question that names only a table: its grand total; an empty table (空表列示) holds 0."""
    table = next((t for t in doc.tables if t.kind == kind), None)
    if table is None:
        return None
    if not table.rows:
        if not table.note:
            return None
        cite = Citation(doc.document.label, doc.document.doc_id, table.title, None, None, table.page,
                        table.note, table_ordinal=table.ordinal)
        text = f"{table.title}是空表：{table.note}。即金额为 0 {table.unit or ''}。"
        return Answer(question, ANSWERED, text, Decimal(0), table.unit, None, [cite])
    totals = candidates(doc, Measure(None, None, table.title, 0, table=kind), None)
    if not totals:
        return None
    ref = totals[0]
    return Answer(question, ANSWERED, f"{ref.name()}：{arith.with_unit(ref.value, unit_of(ref))}（{ref.where()}）",
                  ref.value, unit_of(ref), None, [ref.citation()])


def institutions(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    table = next((t for t in doc.tables if t.kind == model.INSTITUTIONS), None)
    if table is None or not table.rows:
        return None
    dept = doc.document.department
    rows = [r for r in table.rows if r.label.replace(dept, "") and r.label.replace(dept, "") in q] or table.rows
    cols = [c.path for c in table.columns if c.path in q] or \
           [c.path for c in table.columns if any(w in q for w in _INSTITUTION_WORDS.get(c.path, ()))] or \
           [c.path for c in table.columns[1:]]
    parts, cites = [], []
    for r in rows:
        vals = "，".join(f"{c}：{r.cell(c).raw}" for c in cols if r.cell(c))
        parts.append(f"{r.label}（{vals}）")
        cites += [Citation(doc.document.label, doc.document.doc_id, table.title, r.label, c, table.page,
                           r.cell(c).raw, table_ordinal=table.ordinal, row_ordinal=r.ordinal) for c in cols if r.cell(c)]
    return Answer(question, ANSWERED, "；".join(parts) + f"（{table.title}）", None, None, None, cites)


def together(measures: list[Measure], options: list[list[CellRef]]) -> list[CellRef]:
    """Figures for one calculation: from one table where possible, unless the question placed them."""
    if any(m.table or m.prefer for m in measures):
        return [readings(o)[0] for o in options]
    return pick_together(options)


def lookup(question: str, q: str, measure: Measure, cands: list[CellRef], doc=None) -> Answer:
    from . import partlines  # 「差旅费一共多少」 printed only in the 基本支出 and 项目支出 tables: their sum (assistant/partlines.py)
    if measure.rows and not measure.column and (ans := partlines.summed(question, q, cands)) is not None:
        return ans
    reads = readings(cands)
    parts: list[CellRef] = []
    by_source = False  # parts are the same line in tables of one source of money (not 其中 parts of a total)
    econ = [c for c in reads if c.row.code and c.row.code[:1] == "3" and c.table.kind in _ECONOMIC_KINDS]
    gpb = [c for c in reads if c.table.kind == model.GPB_EXPENDITURE]
    if len(reads) > 1 and measure.rows and (not measure.column or measure.dual) and len(readings(gpb)) == 1 \
            and "基本" not in q \
            and {c.table.kind for c in reads} <= {model.GPB_EXPENDITURE, model.GPB_BASIC}:
        reads = readings(gpb)  # 一般公共预算支出 (basic and project) is the whole; its 基本支出 a part
    from . import threebasic  # 「培训费预算」: the expenditure table's rows summed vs the 基本支出 table's (assistant/threebasic.py)
    if len(reads) > 1 and doc is not None and (ans := threebasic.split(question, q, doc, measure, cands)) is not None:
        return ans
    reads = threebasic.placed(q, reads)  # 「基本支出里的会议费」: of its two printings, the one named
    if len(reads) > 1 and measure.rows and not measure.column and econ and len(readings(econ)) == 1 and \
            all(c.row.code and c.row.code[:1] == "3" for c in reads):
        # An economic-class line (30302 退休费) printed under several functional lines of an expenditure
        # table: the economic-classification table gives it once.
        reads = readings(econ)
    if len(reads) > 1 and measure.rows and not measure.column:
        # A subject line: the department's expenditure table gives it; a table of one source of money
        # (财政拨款 …) gives the part of it paid from that source: said, not a second reading.
        # One name for a functional subject and an economic item (2210201 住房公积金 | 30113 住房公积金):
        # two different figures, both named — never one taken as the other's part.
        kinds = {c.row.code_kind for c in reads if c.row.code and c.row.code.isdigit()}
        whole = whole_department(reads) if len(kinds) <= 1 else []
        if whole:
            parts = [c for c in reads if not same_amount(c, whole[0])]
            reads = whole
            by_source = bool(parts)
    bought = [c for c in reads if c.table.kind != model.PROCUREMENT]
    if len(reads) > 1 and len(bought) == 1 and not re.search(r"采购", q) and (
            len({c.table.title for c in cands if c.table.kind != model.PROCUREMENT and same_amount(c, bought[0])}) > 1
            or bought[0].table.kind == model.THREE_PUBLIC and re.search(r"公务用车|公务接待|因公出国", bought[0].name())):
        # 「公务用车运行维护费」: the 政府采购表's line is what is bought for it through procurement, a part of
        # it; the item's own figure — a “三公” item of its own table, or printed alike by several other tables —
        # is the answer (asked with 采购, the purchase is meant; 会议费 printed by one table beside purchases
        # stays one reading of several).
        reads = bought
    from .wholes import whole_of  # 「年初结转和结余」: the 收支总表's, its 财政拨款 part said beside it
    if len(reads) > 1 and measure.rows and (split := whole_of(reads, q)):
        reads, parts = split
    if len(reads) > 1 and (ans := units_summed(question, q, reads)) is not None:
        return ans
    from .units import whole_budget  # 「本级的预算多少」: a unit's row in every table; its 支出总表 total is its budget
    reads = whole_budget(q, measure, reads)
    if len(reads) > 1:
        lines = [f"{c.name()}（{c.table.title}，{c.cell.column}列）：{arith.with_unit(c.value, unit_of(c))}" for c in reads]
        text = f"“{measure.text}”有 {len(reads)} 种读法，数值不同：" + "；".join(lines) + "。请说明指哪一个。"
        return Answer(question, AMBIGUOUS, text, None, None, None, [c.citation() for c in reads], readings=lines)
    ref = reads[0]
    # 「培训费预算」: the “三公” table's whole (or the narrative's) vs the 基本支出 table's line (threebasic, above)
    if doc is not None and not parts and (ans := threebasic.readings(question, q, doc, measure, ref)) is not None:
        return ans
    from . import colloquial  # 「养老方面花了多少」: a piece of a name several lines print (assistant/colloquial.py)
    if doc is not None and not parts and (ans := colloquial.readings(question, q, doc, measure, ref)) is not None:
        return ans
    value, unit, shown, calc = figures.amount(ref, q)
    text = f"{ref.name()}：{shown}（{ref.where()}）"
    if ref.cell.blank:
        text += "。表中此格空白，即没有安排（0）"
    if parts:
        text += "。其中" + "；".join(f"{_SOURCE.get(c.table.kind, c.table.title)}安排的为 "
                                   f"{arith.with_unit(c.value, unit_of(c))}（{c.where()}）" for c in parts)
    others = [c for c in cands if c is not ref and c.table is not ref.table and not c.cell.blank
              and c not in parts][:2]
    cites = [ref.citation()] + [c.citation() for c in parts] + [c.citation() for c in others]
    if by_source and not _TOTAL_ROW.search(ref.row.label) and not _SOURCE_SAID.search(q):
        # A budget subject printed for all the department's money and again for one source of it (214 交通运输
        # 支出 357,233.33 | its 一般公共预算 part 353,068.33): a question naming neither has two readings, both
        # named — the whole is not silently chosen over the part a reader of the 财政拨款 tables means.
        lines = [f"全部资金：{ref.name()} {arith.with_unit(ref.value, unit_of(ref))}（{ref.where()}）"] + \
                [f"{_SOURCE.get(c.table.kind, c.table.title)}安排的：{arith.with_unit(c.value, unit_of(c))}（{c.where()}）"
                 for c in parts]
        return Answer(question, AMBIGUOUS, f"“{measure.text}”有 {len(lines)} 种口径，数值不同：" + "；".join(lines) +
                      "。请说明指全部资金还是财政拨款安排的部分。", None, None, None, cites, readings=lines)
    return Answer(question, ANSWERED, text, value, unit, calc, cites)


def units_summed(question: str, q: str, reads: list[CellRef]) -> Answer | None:
    """「三个单位的购置经费加一起」: one line printed once per unit (the same name, table and column), asked
    as a sum: their total, each cited — the number of units said, if any, must be the number printed."""
    if not W.SUM.search(q) or len({(id(c.table), plain_label(c.row.label), c.cell.column) for c in reads}) != 1:
        return None
    said = re.search(r"([两二三四五六七八九十\d]+)个(?:单位|部门|下属单位)", q)
    if said and W.small_count(said.group(1)) != len(reads):
        return None
    vals, unit, conv = figures.common_unit(reads)
    r = arith.total(vals)
    return figures.computed(question, f"{len(reads)} 处“{plain_label(reads[0].row.label)}”合计 "
                            f"{arith.with_unit(r.value, unit)}", r, unit, reads, conversions=conv)
