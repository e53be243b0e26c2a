"""An item of spending asked by its printed name, printed as the department's whole in one place and as its
basic-expenditure part on its economic line in another, with different figures: both readings named.

The “三公”经费 table (三公经费、会议费、培训费支出表) gives the item's whole — all the money for it, basic and
project spending alike; the 基本支出 table (经济分类) prints the same item on its economic line (30212 因公出国
（境）费用, 30215 会议费, 30216 培训费, 30217 公务接待费, 30231 公务用车运行维护费 …) for the basic part alone.
Where no “三公” line holds it, the whole is what the narrative states as the department's figure for it
(「委托业务费财政拨款预算 1,391.68 万元」 beside 30227 委托业务费 220.00 in the 基本支出 table), or the
department's expenditure table printing the economic line for all its money (北京 预算03表: 30216 培训费
152.341 + 10.000 in its 合计 column, the 基本支出表's 100.821 + 10.000) — a line printed in several rows is
read as the sum of its rows, the formula shown.

A question saying the item's name and neither table (「培训费预算是多少」「培训费实际花了多少」) has two
readings when the figures differ: both are named with their tables and the question is asked back. A question
naming the table or the part (三公, 基本支出, 经济分类, 项目支出 …) reads that one; a colloquial word (「搞培训」
「出国出境」「请客」) or figures equal at their printed precision (the fact check's comparison,
checks/core.judge) give one reading; a 决算's 预算数 has no basic-table counterpart.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from .answer import AMBIGUOUS, ANSWERED, Answer
from .checks.core import FAIL, Term, judge
from .checks.doc import decimals
from .corpus import CellRef, default_column, plain_label, unit_of

# The item's printed name as the question says it → its economic code on the 基本支出 table.
_ITEMS = ((re.compile(r"培训费"), "30216"), (re.compile(r"会议费"), "30215"),
          (re.compile(r"因公出国[（(]?境?[）)]?费"), "30212"), (re.compile(r"公务接待费"), "30217"),
          (re.compile(r"公务用车运行(?:维护)?费"), "30231"), (re.compile(r"委托业务费"), "30227"))
# The item's line in the functional classification, where it has one (2050803 培训支出: the money for training
# whatever it was spent on, 信访干部培训专项 included): the department's whole for the item where neither a “三公”
# line nor the narrative states one.
_FUNCTION_LINES = {"30216": "2050803"}
# Words naming one of the two tables (or a part of spending) — one reading, left to the tables.
_TABLE_SAID = re.compile(r"三公|基本支出|经济分类|项目支出|公用经费|商品和服务|日常|运转|"
                         r"表[0-9一二三四五六七八九十]|[0-9]+表")
_WHOLE_SAID = re.compile(r"全部|一共|总共|合计|总计")  # the whole asked: the narrative's figure, not the basic line
_BASIC_KINDS = (model.GPB_BASIC, model.BASIC, model.ECONOMIC_TABLE)
# Tables of all the department's money printing economic lines beside functional ones (基本 + 项目 columns).
_WHOLE_KINDS = (model.EXPENDITURE, model.GPB_EXPENDITURE)
# What a narrative label may say beside the item's name and still state the department's whole figure for it
# (「本部门一般公共预算安排委托业务费」「委托业务费财政拨款预算总额」「（三）公务接待费」).
_WHOLE_WORDS = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、．.]\s*)?|本部门|本单位|部门|单位|一般公共预算|"
                          r"财政拨款|拨款|安排的?|全年|年度|预算|支出|总额|合计|\d{4}\s*年度?|\s+")
# A narrative label of a change, a part or another year: never the item's figure.
_NOT_WHOLE = re.compile(r"增|减|上年|同比|其中|较|比|人均|平均|每")


def _item_code(ref: CellRef) -> str | None:
    name = ref.cell.column.split("/")[-1] if ref.cell.column else ""
    label = plain_label(ref.row.label or "")
    for pat, code in _ITEMS:
        if pat.search(name) or pat.search(label):
            return code
    return None


def _said(q: str, code: str) -> bool:
    """The item's printed name is said, not a colloquial word for it."""
    return any(pat.search(q) and code == c for pat, c in _ITEMS)


def _line(doc, code: str, kinds) -> list[CellRef] | None:
    """The item's line on the tables of these kinds: its rows (a line printed once per functional line or unit
    is their sum), the same sum on every such table; None where none prints it or the tables disagree."""
    found: list[list[CellRef]] = []
    for t in doc.tables:
        if t.kind not in kinds or (kinds == _WHOLE_KINDS and re.search(r"基本支出|项目支出", t.title)):
            continue  # a table of one part of the spending (表7 一般公共预算项目支出情况表) is no whole
        refs = []
        for r in t.rows:
            if r.code != code:
                continue
            col = default_column(t)
            c = (r.cell(col) if col else None) or next(
                (x for x in r.cells if x.value is not None and
                 re.search(r"合计|决算数|预算数|金额|总计", x.column.split("/")[-1])), None)
            if c is not None and c.value is not None:
                refs.append(CellRef(doc.document, t, r, c))
        if refs:
            found.append(refs)
    if not found or any(not _agree(found[0], f) for f in found[1:]):
        return None
    return found[0]


def _term(refs: list[CellRef]) -> Term:
    """One figure (or the sum of a line's rows) as the fact check states it: value, unit, printed precision."""
    total = arith.total([c.value for c in refs]).value
    places = max((decimals(c.cell.raw or "") for c in refs), default=0)
    return Term(total, refs[0] if len(refs) == 1 else None, True, unit_of(refs[0]) or None, places)


def _agree(a: list[CellRef], b: list[CellRef]) -> bool:
    """The same figure at the coarser printed precision after an exact unit conversion (checks/core.judge):
    0.83 万元 and 8,265.00 元 agree; 86.95 and 41.95 do not."""
    if not all(arith.is_money(unit_of(c)) for c in (*a, *b)):
        return False
    return judge("", "", "", [], _term(a), [_term(b)]).verdict != FAIL


def _shown(refs: list[CellRef]) -> tuple[str, str | None]:
    """The figure as said in a reading, and the formula where it is a sum of rows."""
    unit = unit_of(refs[0])
    if len(refs) == 1:
        return arith.with_unit(refs[0].value, unit), None
    r = arith.total([c.value for c in refs])
    return f"{r.formula} {unit}".rstrip(), r.formula


def _where(refs: list[CellRef]) -> str:
    return "；".join(c.where() for c in refs)


def _stated_whole(doc, ref: CellRef) -> CellRef | None:
    """The narrative's own figure for the item (its 正文数字 row): the label names the item and nothing else
    but the department, the source of money and the stage — no change, no part, no other year. In a 决算 a
    label of the 预算 stage is the budget, not what was spent."""
    item = plain_label(ref.row.label or "")
    if len(item) < 3:
        return None
    spent = doc.document.kind == "决算"
    hits = []
    for t in doc.tables:
        if t.kind != model.NARRATIVE:
            continue
        for r in t.rows:
            label = r.label or ""
            if item not in label or _NOT_WHOLE.search(label.replace(item, "")):
                continue
            if _WHOLE_WORDS.sub("", label.replace(item, "")):
                continue
            if spent and "预算" in label and "决算" not in label:
                continue
            c = r.cell("金额") or next((x for x in r.cells if x.value is not None), None)
            if c is not None and c.value is not None:
                hits.append(CellRef(doc.document, t, r, c))
    if not hits or any(not _agree([hits[0]], [h]) for h in hits[1:]):
        return None  # stated with two figures: not one whole (restates.py names a narrative that disagrees)
    return hits[0]


def _ambiguous(question: str, measure_text: str, whole: list[CellRef], whole_name: str,
               basic: list[CellRef]) -> Answer:
    w_said, w_calc = _shown(whole)
    b_said, b_calc = _shown(basic)
    if whole[0].table.kind == model.NARRATIVE:
        w_line = f"{whole_name}：{whole[0].name()} {w_said}（第{whole[0].page}页：“{whole[0].citation().text}”）"
    else:
        w_line = f"{whole_name}：{whole[0].name()} {w_said}（{_where(whole)}）"
    lines = [w_line, f"基本支出表（仅基本支出）：{basic[0].name()} {b_said}（{_where(basic)}）"]
    calc = "；".join(c for c in (w_calc, b_calc) if c) or None
    return Answer(question, AMBIGUOUS, f"“{measure_text}”有 2 种口径，数值不同：" + "；".join(lines) +
                  f"。请说明指{whole_name.split('（')[0]}的全部数还是基本支出表的基本支出部分。", None, None, calc,
                  [c.citation() for c in (*whole, *basic)], readings=lines)


# Words of a narrative label that say its basis (「委托业务费财政拨款预算」「…预算总额」): said by the question, the
# narrative's figure is the one asked (「委托业务费，财政拨款安排了多少」).
_STATED_BASIS = re.compile(r"财政拨款|总额")
_BASIC_SAID = re.compile(r"基本支出|基本经费")
_THREE_SAID = re.compile(r"三公")


def placed(q: str, reads: list[CellRef]) -> list[CellRef]:
    """Readings of one item in the “三公” table and on its line of the 基本支出 table: the one the question
    names (「基本支出里的会议费」: the basic line; 「“三公”经费表里的培训费」: the “三公” line), else all."""
    three = [c for c in reads if c.table.kind == model.THREE_PUBLIC]
    basic = [c for c in reads if c.table.kind in _BASIC_KINDS and c.row.code]
    if not three or not basic or len(three) + len(basic) != len(reads):
        return reads
    codes = {_item_code(c) for c in three} | {c.row.code for c in basic}
    if len(codes) != 1 or None in codes:
        return reads  # not one item printed in both
    if _BASIC_SAID.search(q) and not _THREE_SAID.search(q):
        return basic
    if _THREE_SAID.search(q) and not _BASIC_SAID.search(q):
        return three
    return reads


def readings(question: str, q: str, doc, measure, ref: CellRef) -> Answer | None:
    """One reading found (``ref``): the item's other printing, where its figure differs."""
    whole_said = bool(_WHOLE_SAID.search(q))
    if _TABLE_SAID.search(q):
        return None  # a table or a part named: that one
    if re.search(r"预算数", f"{ref.row.label}/{ref.cell.column}") and re.search(r"决算", doc.document.label):
        return None  # a 决算's 预算数: the basic table prints the 决算数 only
    if ref.table.kind == model.THREE_PUBLIC:
        code = _item_code(ref)
        if whole_said or code is None or not _said(q, code):
            return None  # the whole asked (the “三公” line is it), or the item said in other words
        basic = _line(doc, code, _BASIC_KINDS)
        if basic is None or not any(c.value for c in basic) or _agree([ref], basic):  # 0: no basic part, one reading
            return None
        return _ambiguous(question, measure.text, [ref], "“三公”经费表（全部资金，基本支出和项目支出）", basic)
    if ref.table.kind in _BASIC_KINDS and ref.row.code and _said(q, ref.row.code) and \
            plain_label(ref.row.label or "") in q:
        basic = _line(doc, ref.row.code, _BASIC_KINDS)
        stated = _stated_whole(doc, ref)
        if stated is None and basic is not None and any(c.value for c in basic) and \
                (code := _FUNCTION_LINES.get(ref.row.code)) and (function := _line(doc, code, _WHOLE_KINDS)) and \
                not _agree(function, basic) and not whole_said:
            return _ambiguous(question, measure.text, function,
                              f"{function[0].table.title}（功能分类，全部资金，基本支出和项目支出）", basic)
        if basic is None or stated is None or not any(c.value for c in basic) or _agree([stated], basic):
            return None
        basis = {w for w in _STATED_BASIS.findall(stated.row.label or "") if w in q and w not in ref.table.title}
        if basis or whole_said:  # the question says the narrative's own basis, or the whole: its figure
            cite = stated.citation()
            return Answer(question, ANSWERED, f"正文所述：{stated.name()} {arith.with_unit(stated.value, unit_of(stated))}"
                          f"（第{stated.page}页：“{cite.text}”）；基本支出表另列 {basic[0].name()} "
                          f"{_shown(basic)[0]}，仅基本支出（{_where(basic)}）", stated.value,
                          unit_of(stated), None, [cite, *(c.citation() for c in basic)])
        return _ambiguous(question, measure.text, [stated], "正文所述（部门全年数）", basic)
    return None


def split(question: str, q: str, doc, measure, cands: list[CellRef]) -> Answer | None:
    """Several readings of one economic line: the department's expenditure table (all its money) and the
    基本支出 table, each printing it in several rows. Each table's rows summed are its reading; two sums
    that differ are the two readings, each with its formula."""
    if _TABLE_SAID.search(q) or _WHOLE_SAID.search(q) or not measure.rows or measure.column:
        return None
    printed = [c for c in cands if not c.cell.blank]
    codes = {c.row.code for c in printed}
    if len(codes) != 1 or not (code := codes.pop()) or not code.startswith("3") or not _said(q, code):
        return None
    if any(c.table.kind not in (*_WHOLE_KINDS, *_BASIC_KINDS) for c in printed):
        return None
    whole, basic = _line(doc, code, _WHOLE_KINDS), _line(doc, code, _BASIC_KINDS)
    if whole is None or basic is None or _agree(whole, basic):
        return None
    return _ambiguous(question, measure.text, whole, f"{whole[0].table.title}（全部资金，基本支出和项目支出）", basic)
