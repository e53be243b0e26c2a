"""A figure the narrative restates otherwise: one line, two printed figures, both readings named.

A disclosure states most table lines again in words (「住房公积金（项）208.8万元」 under 收支总表's 2087959.00 元).
Real documents slip: a typo (887.36 万元 for 87.36), a stale figure, a second figure in the same paragraph
(「…208.8万元。…2026年预算安排201.50万元」). A lookup answered from one of them silently drops the other, and
a narrative figure answered where the table prints the same line prefers the words over the table unsaid.

The comparison is the fact check's (assistant/checks/narrative.py: each narrative figure matched with the
cell that holds it — same line by name, code or 类/款/项 path, same scope; changes and other years' figures
never match — and judged by checks/core.judge at the coarser printed precision after an exact unit
conversion). Its verdicts are kept per document (a derived record, so a question never re-reads the text);
this module only applies them to an answer:

* the answer reads a table cell, or a narrative figure whose cell is known; every figure the narrative
  states of that cell agrees (pass, rounding): the answer stands as it is;
* one disagrees (fail): status "ambiguous", the table's reading (its cell, with the narrative figures that
  agree with it) and each disagreeing narrative figure (its sentence and page) named, neither picked.

Only lookups are read so: a ranking, comparison, share or sum answers something else than the line's figure.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal

from ingest import model

from . import arith
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .corpus import CellRef

KIND = "restates"  # the derived record: a document's narrative figures with their cells and verdicts
_AGREE = ("pass", "rounding")  # the fact check's verdicts of a figure equal to its cell at its precision
_DISAGREE = "fail"
# 「3503499 元 = 350.3499 万元」: a lookup shown in another unit is still the cell's figure
_CONVERSION = re.compile(r"[\d.,]+\s*\S+\s*=\s*[\d.,]+\s*\S+")
# What asks for something else than one line's figure, though its answer may be a cell's value.
_OTHER_ASK = (W.RANK, W.COMPARE, W.DIFF, W.SHARE, W.MULTIPLE, W.CHANGE, W.COUNT, W.LIST)
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


@dataclass(frozen=True)
class Statement:
    """A figure the narrative states of one cell: as printed, where, and whether it agrees."""
    value: Decimal
    number: str  # as printed, for the answer's text
    unit: str
    page: int | None
    sentence: str
    verdict: str  # the fact check's: pass, rounding or fail
    cell: tuple[int, int, str]  # table ordinal, row ordinal, column

    def said(self) -> str:
        return f"{self.number} {self.unit}"


class Statements:
    def __init__(self, items: list[Statement]):
        self.items = items

    def dump(self) -> str:
        return json.dumps([[str(s.value), s.number, s.unit, s.page, s.sentence, s.verdict, list(s.cell)]
                           for s in self.items], ensure_ascii=False)

    @classmethod
    def load(cls, payload: str) -> "Statements":
        return cls([Statement(Decimal(v), n, u, p, s, verdict, (c[0], c[1], c[2]))
                    for v, n, u, p, s, verdict, c in json.loads(payload)])


def build(doc) -> Statements:
    """The fact check's narrative family over the document: each figure judged equal to one cell."""
    from .checks.core import NARRATIVE
    from .checks.doc import Doc
    from .checks.narrative import narrative
    items = []
    for c in narrative(Doc(doc)):
        if c.kind != NARRATIVE or c.relation != "eq" or len(c.cells) != 1 or c.found is None or \
                c.verdict not in (*_AGREE, _DISAGREE):
            continue  # unmatched, a part of a broader line, or a sum of several lines: no restatement
        ref = c.cells[0]
        items.append(Statement(c.found, format(c.found, "f"), c.unit or "", c.passage_page, c.passage or "",
                               c.verdict, (ref.table_ordinal, ref.row_ordinal, ref.column)))
    return Statements(items)


def statements(eng, doc) -> list[Statement]:
    key = ("restates", doc.document.doc_id)
    return eng._vocabs.get(key, lambda: eng._kept(doc, KIND, lambda: build(doc), Statements.load)).items


def check(eng, q: str, answer: Answer, doc) -> Answer | None:
    """The lookup's figure against what the narrative states of the same line; None: nothing to add."""
    if answer.status != ANSWERED or answer.value is None or not answer.citations:
        return None
    if answer.calculation and not _CONVERSION.fullmatch(answer.calculation.strip()):
        return None  # computed from several figures: not one line's figure
    if any(p.search(q) for p in _OTHER_ASK):
        return None
    said = statements(eng, doc)
    if not any(s.verdict == _DISAGREE for s in said):
        return None  # the narrative agrees with the tables throughout (most documents): nothing to read
    first = answer.citations[0]
    if first.table_ordinal is not None and first.kind != model.NARRATIVE:
        ref = _cell(doc, first)
        if ref is None or not _same_figure(answer, ref):
            return None
        cited = [c for c in map(lambda c: _cell(doc, c), _tabled(answer.citations)) if c is not None
                 and c.value == ref.value and (c.unit or "") == (ref.unit or "")]
        on = _about(doc, said, ref, cited)
    else:  # a figure the narrative states, answered from its 正文数字 row or its sentence
        own = _stated(said, first, answer)
        ref = _cell(doc, own.cell) if own is not None else None
        if ref is None:
            return None
        cited = [ref]
        on = [s for s in said if s.cell == own.cell]
    differ = [s for s in on if s.verdict == _DISAGREE]
    if not differ:
        return None
    return _ambiguous(answer.question, doc, cited, [s for s in on if s.verdict in _AGREE], differ)


def _tabled(citations: list[Citation]) -> list[Citation]:
    return [c for c in citations if c.table_ordinal is not None and c.kind != model.NARRATIVE]


def _same_figure(answer: Answer, ref) -> bool:
    """The answer is the cell's figure, in its unit or converted exactly to another money unit."""
    unit = ref.unit or ""
    if (answer.unit or "") == unit:
        return answer.value == ref.value
    return arith.is_money(answer.unit) and arith.is_money(unit) and \
        arith.convert(ref.value, unit, answer.unit).value == answer.value


def _cell(doc, where):
    """The table cell a citation (or a statement's (table, row, column)) names, when it holds a number."""
    t_ord, r_ord, col = (where.table_ordinal, where.row_ordinal, where.column) if isinstance(where, Citation) \
        else where
    table = next((t for t in doc.tables if t.ordinal == t_ord), None)
    row = next((r for r in table.rows if r.ordinal == r_ord), None) if table is not None else None
    cell = row.cell(col) if row is not None else None
    return CellRef(doc.document, table, row, cell) if cell is not None and cell.value is not None else None


def _key(ref) -> tuple[int, int, str]:
    return ref.table_ordinal, ref.row_ordinal, ref.column


def _about(doc, said: list[Statement], ref, cited: list) -> list[Statement]:
    """The statements of the answered line: of a cell the answer cites with its figure, or of the same
    subject code printed with the same figure in another table (the check matched the narrative with the
    first table printing it; the answer may cite another)."""
    keys = {_key(c) for c in cited}
    code = (ref.row.code or "").strip()
    out = []
    for s in said:
        if s.cell in keys:
            out.append(s)
            continue
        other = _cell(doc, s.cell)
        if other is None or other.value != ref.value or (other.unit or "") != (ref.unit or ""):
            continue
        if _CODE.match(code) and (other.row.code or "").strip() == code:
            out.append(s)
        elif _named_within(ref, other):
            out.append(s)
    return out


def _named_within(ref, other) -> bool:
    """The same spending printed in the other classification with the same figure: 30109 职业年金缴费 (economic)
    and 2080506 机关事业单位职业年金缴费支出 (functional), one name holding the other (four characters or more)."""
    from .corpus import plain_label
    a, b = plain_label(ref.row.label or ""), plain_label(other.row.label or "")
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and short != long_ and short in long_


def _stated(said: list[Statement], cite: Citation, answer: Answer) -> Statement | None:
    """The statement the answer quotes: its page, figure and unit, and its sentence where several fit."""
    fits = [s for s in said if s.page == cite.page and s.value == answer.value and s.unit == (answer.unit or "")]
    if len(fits) > 1:
        quoted = _squash(cite.text or "")
        fits = [s for s in fits if quoted and (_squash(s.sentence) in quoted or quoted in _squash(s.sentence))] or fits
    return fits[0] if len({s.cell for s in fits}) == 1 and fits else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _ambiguous(question: str, doc, cited: list, agree: list[Statement], differ: list[Statement]) -> Answer:
    """``cited``: the table's cell first, then the answer's other tables printing the same figure (the same
    line in 支出总表 and the 一般公共预算 table), all cited for the table's reading."""
    ref, unit = cited[0], cited[0].unit or ""
    table = f"按表中所列：{ref.name()} {arith.with_unit(ref.value, unit)}（{ref.where()}）"
    if agree:
        table += "，正文" + "、".join(dict.fromkeys(f"第{s.page}页" for s in agree if s.page)) + "亦写作 " + \
                 "、".join(dict.fromkeys(s.said() for s in agree))
    readings = [table] + [f"按正文所写：{s.said()}（第{s.page}页：“{s.sentence.strip()}”）" for s in differ]
    conversions = [f"{arith.fmt(ref.value)} {unit} = {arith.fmt(arith.convert(ref.value, unit, s.unit).value)} {s.unit}"
                   for s in differ if s.unit != unit and arith.is_money(s.unit) and arith.is_money(unit)]
    text = (f"表格与正文对“{ref.name()}”印出的数不一致（正文的数按其印出的精度、单位换算后与表中的数比较）：" +
            "；".join(readings) + "。两种读法都列出，未作取舍，请以原文核对。")
    passages = [Citation(doc.document.label, doc.document.doc_id, None, None, None, s.page, s.sentence.strip(),
                         unit=s.unit) for s in differ]
    cites = list(dict.fromkeys(c.citation() for c in cited)) + passages
    return Answer(question, AMBIGUOUS, text, None, None, "；".join(dict.fromkeys(conversions)) or None, cites,
                  readings=readings)
