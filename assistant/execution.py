"""A 决算's 决算数 against its 预算数, where the document prints both: the execution rate (决算 ÷ 预算), the
预算数 itself (年初预算是多少), their difference and which is larger.

Two places print both figures of one thing: a table whose columns are the stages of the same figure
(预算数 | 决算数 of the “三公”经费, headers read by ``concepts.stage_of``), and the narrative's sentences
"…年初预算 2,993.92 万元，支出决算 2,940.05 万元，完成年初预算的 98.20%". The rate is computed with
Decimal from the two printed figures, the formula shown, both cited; a rate the sentence states is quoted
beside it. A document that prints only one of the two gets no rate.
"""
from __future__ import annotations

import re

from ingest import model
from ingest.values import money

from . import arith
from .answer import ANSWERED, NOT_FOUND, Answer, Citation
from .concepts import PERIOD_ROW, column_concept, concept_label, stage_of
from .corpus import CellRef, plain_label, unit_of
from .tables import Measure, candidates
from .vocab import common_run

# 「…的多少倍」 is a multiple (below), not a rate: 多少 followed by 倍 is left to it.
ASKS = re.compile(r"执行率|执行进度|完成(?:了)?(?:年初)?预算数?的?(?:百分之几|百分之多少(?!倍)|多少(?!倍)|比例|比率|几成|%)|完成率|"
                  r"决算数?.{0,6}占.{0,6}(?:年初)?预算数?.{0,4}(?:比例|百分|多少(?!倍)|%)|决算数?(?:与|和)预算数?之比|"
                  r"(?:决算数?|实际(?:花|支出|用)\w{0,2})(?:是|为|达到|相当于)(?:了)?(?:年初)?预算数?的(?:百分之几|百分之多少(?!倍)|多少(?!倍)|几成|%)|"
                  # 「实际花的占预算多少」「实际花的占年初预算几成」: what was spent over its 预算数
                  r"实际(?:花费?|支出|使用|用|开支)(?:了|的|掉)?.{0,4}占(?:了)?(?:年初)?预算数?.{0,4}(?:比例|百分|多少(?!倍)|几成|%)")
# The 预算数 of a 决算, asked for itself or against the 决算数.
_BUDGET = re.compile(r"年初预算数?(?:是|为|有)?多少|预算数(?:是|为|有)?多少|年初预算是|的年初预算")
# What was spent, as people say it: the 决算数 ("实际花的", "实际支出").
SPENT = r"(?:决算数?|实际(?:花费?|支出|使用|用|开支)(?:了|的|掉)?)"
_DIFF = re.compile(rf"{SPENT}.{{0,3}}(?:比|较).{{0,3}}(?:年初)?预算数?.{{0,2}}(?:多|少|高|低)(?:出|花|用)?了?多少|"
                   rf"(?:年初)?预算数?.{{0,3}}(?:比|较).{{0,3}}{SPENT}.{{0,2}}(?:多|少|高|低)(?:出|花|用)?了?多少|"
                   rf"{SPENT}.{{0,6}}预算.{{0,4}}(?:相差|差了?多少|差额|差距)|"
                   # 「年初预算数和支出决算数差了多少」: the 决算 said as the narrative prints it (支出决算)
                   # 「年初预算和最后的决算数差了多少」: 最后/最终 says which stage, no other figure
                   rf"(?:年初)?预算数?(?:和|与|跟|同)(?:最后|最终|年终)?的?(?:实际|支出)?{SPENT}.{{0,4}}(?:相差|差了?多少|差额|差距)")
# 「超出年初预算多少」「比年初预算节约了多少」: the gap asked one way — over (决算 − 预算) or under (预算 − 决算); a
# gap the other way is said as such, its value below 0 (the difference asked, computed as asked).
_OVERW, _UNDERW = r"超出|超过|超支|超了", r"节约|节省|结余|省下|省了|结省"
_WAY = re.compile(rf"(?:比|较|相比|对比)(?:年初)?预算数?.{{0,4}}(?P<a>{_OVERW}|{_UNDERW})了?(?:的部分)?(?:是|有)?多少|"
                  rf"(?P<b>{_OVERW}|{_UNDERW})了?(?:年初)?预算数?.{{0,4}}多少|"
                  rf"(?:年初预算|预算数).{{0,4}}(?P<c>{_UNDERW})(?:了|下来|下)?(?:的部分)?(?:是|有)?多少")
# 「决算数是年初预算的几倍」: the 决算数 over the 预算数 said as a multiple (a line spent many times its budget).
_TIMES = re.compile(rf"{SPENT}.{{0,4}}(?:是|为|相当于|达到)(?:了)?(?:年初)?预算数?的?(?:几|多少)倍|"
                    rf"(?:年初)?预算数?的(?:几|多少)倍")
# Why the 决算 differs from the 预算: the narrative's reason ("决算数大于年初预算数的主要原因是：…").
_WHY = re.compile(r"为啥|为什么|为何|什么原因|原因是什么|原因是?啥|怎么回事")
_WHICH = re.compile(r"(?:年初)?预算数?(?:和|与)决算数?.{0,4}哪个|决算数?(?:和|与)(?:年初)?预算数?.{0,4}哪个")
_SENTENCE = re.compile(r"(?P<subject>[^。；]*?)年初预算(?:数)?(?:为)?\s*(?P<budget>[\d,]+(?:\.\d+)?)\s*万元[^。；]*?"
                       r"(?:支出)?决算(?:数)?(?:为)?\s*(?P<final>[\d,]+(?:\.\d+)?)\s*万元(?P<rest>[^。]*)")
_STATED = re.compile(r"完成(?:年初)?预算的\s*(\d+(?:\.\d+)?)\s*%")
_GENERIC = re.compile(r"(?:19|20)\d{2}年度?|预算执行率|执行率|执行进度|完成|年初预算|预算|决算|的|百分之几|是多少|多少|比例|"
                      r"占|[？?，,。]")


def answer(question: str, q: str, doc, measures: list[Measure], hint: str | None) -> Answer | None:
    if doc.document.kind != "决算":
        return None
    if _WHY.search(q) and re.search(SPENT, q) and "预算" in re.sub(SPENT, "", q):
        return _why(question, q, doc)
    way = _WAY.search(q)
    op = "rate" if ASKS.search(q) else "times" if _TIMES.search(q) else "way" if way else "diff" if _DIFF.search(q) else \
        "which" if _WHICH.search(q) else "budget" if _BUDGET.search(q) else None
    if op is None:
        return None
    pair = _from_table(q, doc, measures, hint) or _from_narrative(q, doc, measures)
    if pair is None:
        return None
    final, budget, unit, cites, shown, said = pair
    f, b = arith.with_unit(final, unit), arith.with_unit(budget, unit)
    if op in ("rate", "times") and budget == 0:  # 「年初预算0万元，支出决算56万元」: no rate, said as such
        what = "完成率" if op == "rate" else "倍数"
        return Answer(question, NOT_FOUND, f"无法计算{what}：预算数为 0（{b}），决算数 {f}，不能用 0 作除数：{shown}",
                      None, None, None, cites)
    if op == "rate":
        r = arith.share(final, budget)
        text = f"预算执行率（决算数 ÷ 预算数）为 {arith.fmt(r.value)}%{said}：{shown}。计算：{r.formula}"
        return Answer(question, ANSWERED, text, r.value, "%", r.formula, cites)
    if op == "times":
        r = arith.multiple(final, budget)
        text = f"决算数是预算数的 {arith.fmt(r.value)} 倍{said}：{shown}。计算：{r.formula}"
        return Answer(question, ANSWERED, text, r.value, "倍", r.formula, cites)
    if op == "diff":
        r = arith.difference(final, budget)
        word = "少" if final < budget else "多"
        text = f"决算数比预算数{word} {arith.with_unit(r.value, unit)}：{shown}。计算：{r.formula}"
        return Answer(question, ANSWERED, text, r.value, unit, r.formula, cites)
    if op == "way":
        over = re.fullmatch(_OVERW, way.group("a") or way.group("b") or way.group("c")) is not None
        return _way(question, over, final, budget, unit, cites, shown, said)
    if op == "which":
        hi = max(final, budget)
        text = f"{'预算数' if budget >= final else '决算数'}更大：{shown}"
        return Answer(question, ANSWERED, text, hi, unit, None, cites)
    return Answer(question, ANSWERED, f"预算数 {b}（决算数 {f}）：{shown}", budget, unit, None, cites)


def _way(question, over, final, budget, unit, cites, shown, said) -> Answer:
    """The gap asked one way: 超出 is 决算 − 预算, 节约 is 预算 − 决算, each computed as asked; equal figures
    are a gap of 0 (neither over nor under), a gap the other way is said so and its value is below 0."""
    a, b = (final, budget) if over else (budget, final)
    d = a - b
    formula = f"{arith.fmt(a)} − {arith.fmt(b)} = {arith.fmt(d)}"
    asked, other = ("超出预算", "节约") if over else ("比预算节约", "超出")
    if d > 0:
        head = f"决算数{asked} {arith.with_unit(d, unit)}"
    elif d == 0:
        head = f"决算数与预算数相等，{asked} 0（{arith.with_unit(d, unit)}）"
    else:
        head = f"决算数没有{asked}，而是{other}了 {arith.with_unit(-d, unit)}（按所问计算为 {arith.fmt(d)}）"
    return Answer(question, ANSWERED, f"{head}{said}：{shown}。计算：{formula}", d, unit, formula, cites)


def _from_table(q, doc, measures, hint):
    """(决算数, 预算数, unit, citations, where, "") from a table that prints both stages of one figure."""
    # "一般行政管理事务的年初预算和决算数": the table line named, not the total of a stage column it also names.
    lines = [m for m in measures if m.rows and any(c.table.kind != model.NARRATIVE for c in candidates(doc, m, hint, q))]
    measures = lines or measures
    for m in measures:
        for ref in candidates(doc, m, hint, q):
            planned = _budget_of(doc, ref)
            if planned is None and (spent := _final_of(doc, ref)) is not None:
                ref, planned = spent, ref  # the 预算数 cell was named first (「X的预算数和决算数差了多少」)
            if planned is None or unit_of(planned) != unit_of(ref):
                continue
            shown = (f"{ref.name()}决算数 {arith.with_unit(ref.value, unit_of(ref))}（{ref.where()}），预算数 "
                     f"{arith.with_unit(planned.value, unit_of(planned))}（{planned.where()}）")
            return ref.value, planned.value, unit_of(ref), [ref.citation(), planned.citation()], shown, ""
    return None


def _budget_of(doc, ref: CellRef) -> CellRef | None:
    """The 预算数 printed beside a 决算数: the same row's column of the same figure at the 预算 stage, or
    (a table whose rows are the stages: 预算数 / 决算数) the same column of the 预算数 row."""
    if stage_of(ref.cell.column) == "决算":
        concept = column_concept(ref.table, ref.cell.column, doc.document.year)
        cell = next((c for c in ref.row.cells if c.column != ref.cell.column and stage_of(c.column) == "预算"
                     and column_concept(ref.table, c.column, doc.document.year) == concept), None)
        if cell is not None and cell.value:
            return CellRef(doc.document, ref.table, ref.row, cell)
    label = concept_label(ref.row.label)
    if PERIOD_ROW.match(label) and "决算" in label:
        row = next((r for r in ref.table.rows if PERIOD_ROW.match(concept_label(r.label))
                    and "预算" in concept_label(r.label)), None)
        cell = row.cell(ref.cell.column) if row is not None else None
        if cell is not None and cell.value:
            return CellRef(doc.document, ref.table, row, cell)
    return None


def _final_of(doc, ref: CellRef) -> CellRef | None:
    """The 决算数 printed beside a 预算数 (the mirror of ``_budget_of``): the same row's column of the same
    figure at the 决算 stage, or the same column of the 决算数 row of a table whose rows are the stages."""
    if stage_of(ref.cell.column) == "预算":
        concept = column_concept(ref.table, ref.cell.column, doc.document.year)
        cell = next((c for c in ref.row.cells if c.column != ref.cell.column and stage_of(c.column) == "决算"
                     and column_concept(ref.table, c.column, doc.document.year) == concept), None)
        if cell is not None and cell.value is not None:
            return CellRef(doc.document, ref.table, ref.row, cell)
    label = concept_label(ref.row.label)
    if PERIOD_ROW.match(label) and "预算" in label and "决算" not in label:
        row = next((r for r in ref.table.rows if PERIOD_ROW.match(concept_label(r.label))
                    and "决算" in concept_label(r.label)), None)
        cell = row.cell(ref.cell.column) if row is not None else None
        if cell is not None and cell.value is not None:
            return CellRef(doc.document, ref.table, row, cell)
    return None


def _why(question, q, doc) -> Answer | None:
    """The narrative's item about what the question names, quoted with the reason it gives."""
    found = _from_narrative(q, doc)
    if found is None or "原因" not in found[3][0].text:
        return None
    cite = found[3][0]
    return Answer(question, ANSWERED, f"文中说明：“{cite.text}”", None, None, None, [cite])


# A stage word, a whole or a word of two characters, which every item of the section may hold: no line of its own.
_NO_ITEM = re.compile(r"(?:年初|初)?(?:预算|决算)数?|.*(?:合计|总计)|(?:本年)?(?:支出|收入)|.{0,2}")
# Where a numbered item of the narrative begins (「30.卫生健康支出（类）…」「1、一般公共服务支出…」), not a decimal.
_USED_FOR = re.compile(r"(?:主要)?用于[:：][^。；]*[。；]?")
_ITEM_START = re.compile(r"(?:^|(?<=[。；;\s]))(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．](?!\d)")


def _lines_named(q: str, doc, measures) -> set[str]:
    """The table lines the question names: a code's lines as the tables print them (「行政运行（2010601）」),
    and the rows a measure reads that the tables print with a code — a 科目's line, the kind of thing the
    narrative's numbered items are about; a scope (一般公共预算财政拨款), a stage word or a whole is none."""
    coded = {plain_label(r.label): r.code for t in doc.tables for r in t.rows if r.label and r.code}
    code = re.search(r"(?<!\d)(\d{5}|\d{7})(?!\d)", q)
    names = {n for n, c in coded.items() if code and c == code.group(1)}
    for m in measures or ():
        names |= {r for r in (m.rows or ()) if r in coded}
    return {n for n in names if n and not _NO_ITEM.fullmatch(n)}


def _from_narrative(q, doc, measures=()):
    """(决算数, 预算数, 万元, citation, the sentence, the rate it states) from the narrative's sentence about
    what the question names. A line the question names (行政运行, by its name or code) governs: the section's
    whole (「一般公共预算财政拨款支出年初预算为…」) shares more words with the question's scope, but the line's own
    numbered item answers it."""
    asked = _GENERIC.sub("|", q.replace(doc.document.department, "|"))
    lines = _lines_named(q, doc, measures)
    best, score = None, (False, 3)
    for p in doc.passages:
        for m in _SENTENCE.finditer(p.text):
            # What the sentence is about: its own words, or the passage's up to it (a numbered item names its
            # subject in a sentence of its own: "3、…信息化建设（项）。主要用于：…。年初预算为…").
            subject = re.sub(r"^\d+[.、．]", "", p.text[max(0, m.start() - 80):m.start()] + m.group("subject"))
            # what the item's money is for (「主要用于：局本部人员经费及公用经费」) names no subject of its own
            subject = _USED_FOR.sub("", subject)
            n = max((common_run(part, subject) for part in asked.split("|") if part), default=0)
            own = _ITEM_START.split(subject)[-1]  # this item's own words, not the one before it
            named = bool(lines) and any(line in own for line in lines)
            if (named, n) > score and (named or n > 3):
                best, score = (p, m), (named, n)
    if best is None:
        return None
    p, m = best
    budget, final = money(m.group("budget")), money(m.group("final"))
    if budget is None or final is None:
        return None
    stated = _STATED.search(m.group("rest"))
    said = f"（文中写明：完成年初预算的 {stated.group(1)}%）" if stated else ""
    sentence = p.text if len(p.text) <= 300 else m.group(0).strip()
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence, section=p.section)
    shown = f"决算数 {arith.fmt(final)} 万元，年初预算数 {arith.fmt(budget)} 万元，文中说明：“{sentence}”"
    return final, budget, "万元", [cite], shown, said
