"""The fact check's shared vocabulary: verdicts, the ``Check`` record, the terms of an identity, and the one
function that compares figures (``compare``): exact ``Decimal`` arithmetic, units converted explicitly, and
the rounding policy.

Rounding policy (stated once, applied everywhere)
-------------------------------------------------
Every printed figure is known only to half a unit of its last printed decimal (its *quantum*: 0.01 for
"285.32" in a 万元 table is 100 元). A blank cell and a printed zero are exact. For an identity
``found = Σ expected`` let D be the exact difference.

* D = 0: **pass**.
* The figures are printed at different precisions (元 tables restated in 万元, a narrative in 万元 with two
  decimals against a table to six): they are compared at the coarser precision — both sides rounded half-up
  to the coarsest quantum Q. Equal there: **pass** (it is the same figure printed more coarsely). Otherwise,
  if |D| ≤ ½·Q × (number of non-zero figures printed at Q) the gap is what rounding those figures
  separately can produce: **rounding** (the coarse figures are rounded by construction). A single figure
  restated with its extra digits cut off instead of rounded (87.708 万元 written 87.70) — both sides equal
  once truncated to Q — is also **rounding**, noted as such. Else **fail**.
* The figures share one precision: |D| ≤ ½·q × (number of non-zero printed figures in the comparison) is a
  *near miss* — one unit for a figure restated once, one unit for a total of two parts, two for a total of
  three or four parts... A near miss is **rounding** only when the document shows that its figures are
  rounded at all: at least two near misses elsewhere in it that share no cell (see ``finalize``).
  Otherwise it is a **fail**: a document whose sums all close exactly (like the sample) has no rounding to
  blame, so a single figure off by 0.01 is a slip — and every identity it breaks contains that one cell,
  so it can never supply its own evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import combinations

from assistant.corpus import CellRef  # the engine's and the check's one way to name a cell
from ingest.values import NUMBERED

PASS, ROUNDING, FAIL, UNCHECKED, NOT_APPLICABLE = "pass", "rounding", "fail", "unchecked", "not_applicable"
VERDICTS = (PASS, ROUNDING, FAIL, UNCHECKED, NOT_APPLICABLE)
TABLE_SUM, SUBJECT_TREE, COLUMNS, CROSS_TABLE, NARRATIVE, PERFORMANCE = (
    "table_sum", "subject_tree", "columns", "cross_table", "narrative", "performance")
KINDS = (TABLE_SUM, SUBJECT_TREE, COLUMNS, CROSS_TABLE, NARRATIVE, PERFORMANCE)
ZERO = Decimal(0)
# Money units and their size in 元: the only conversions the check makes, exact.
UNIT_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "百万元": Decimal(10) ** 6,
                "亿元": Decimal(10) ** 8}


@dataclass
class Check:
    id: str  # stable across runs: kind prefix, table kind, subject code or label, column
    kind: str  # one of KINDS
    description: str  # Chinese, says what should hold
    verdict: str  # one of VERDICTS
    cells: list[CellRef] = field(default_factory=list)  # cells[0] is where ``found`` was read, when a cell
    expected: Decimal | None = None
    found: Decimal | None = None
    difference: Decimal | None = None  # found − expected, exact, in ``unit``
    passage: str | None = None  # narrative checks: the sentence quoted
    unit: str | None = None  # the unit expected/found/difference are stated in (found's own unit)
    tolerance: Decimal | None = None  # the rounding slack the figures allow, in ``unit`` (when one applies)
    near: bool = field(default=False, repr=False, compare=False)  # a same-precision near miss (see finalize)
    passage_page: int | None = None  # narrative checks: the page the sentence is printed on
    # how found relates to the cells (compare's eq / within / covers / le): a narrative figure that restates
    # its cell ("eq") is the cell's figure said again, one "within" a broader line is only a part of it
    relation: str = field(default="eq", repr=False, compare=False)

    def as_json(self) -> dict:
        def num(d: Decimal | None) -> str | None:
            return None if d is None else str(d)
        return {"id": self.id, "kind": self.kind, "description": self.description, "verdict": self.verdict,
                "cells": [c.as_json() for c in self.cells], "expected": num(self.expected),
                "found": num(self.found), "difference": num(self.difference), "passage": self.passage,
                "unit": self.unit, "tolerance": num(self.tolerance), "passage_page": self.passage_page}


@dataclass(frozen=True)
class Term:
    """One figure of an identity: a cell (or a line absent from its table, which counts as 0), or a figure
    the narrative states. ``places`` is its printed precision (decimals); None when nothing is printed."""
    value: Decimal | None
    ref: CellRef | None = None
    printed: bool = False  # something was printed (a blank money cell is 0 but not printed)
    unit: str | None = None
    places: int | None = None


ABSENT = Term(ZERO)


# --- labels --------------------------------------------------------------------------------------------

_SUBSET = re.compile(r"^其中\s*[:：]?")
# How disclosures enumerate, outermost first: 一、 > （一） > 1. / 1、 > （1）
_ENUM_LEVELS = ((1, re.compile(r"^[一二三四五六七八九十]+\s*、")), (2, re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
                (3, re.compile(r"^\d+\s*[、.．](?!\d)")), (4, re.compile(r"^[（(]\d+[)）]")))


@lru_cache(maxsize=8192)  # called for every label on every lookup; labels repeat
def norm(text: str) -> str:
    """Compare labels, not typography: no numbering, spaces, quotes or brackets, no "[201]" code prefix;
    运行维护 = 运维; a trailing 费用 = 费 (其他交通费 = 其他交通费用)."""
    s = re.sub(r"\s+", "", text or "")
    s = _SUBSET.sub("", s)
    s = NUMBERED.sub("", s)
    s = re.sub(r"^[\[［【]\d{3,7}[\]］】]", "", s)
    s = re.sub(r"[“”‘’\"'《》（）()【】\[\]「」]", "", s)
    s = s.replace("运行维护", "运维")
    return re.sub(r"费用$", "费", s)


def enum_level(label: str) -> int | None:
    """1 for "一、…", 2 for "（一）…", 3 for "1.…", 4 for "（1）…"; None for an unnumbered line. A leading
    "其中：" does not hide the numbering ("其中：（一）因公出国（境）支出")."""
    s = _SUBSET.sub("", re.sub(r"\s+", "", label or ""))
    return next((level for level, pattern in _ENUM_LEVELS if pattern.match(s)), None)


def is_subset(label: str) -> bool:
    return bool(_SUBSET.match(re.sub(r"\s+", "", label or "")))


# Subject codes: 3/5/7 digits (function: 2xx, economic: 3xx/5xx). A code the reader stored in another form
# (a "[201]" prefix left in the label) is read from there; anything else ("合计", "类", two codes run
# together) is not a code.
_LABEL_CODE = re.compile(r"^\s*[\[［【](\d{3}|\d{5}|\d{7})[\]］】]")


def code_of(row) -> str | None:
    code = (row.code or "").strip()
    if code.isdigit() and len(code) in (3, 5, 7):
        return code
    m = _LABEL_CODE.match(row.label or "")
    return m.group(1) if m else None


# --- comparing figures -----------------------------------------------------------------------------------

def factor(unit: str | None) -> Decimal:
    return UNIT_FACTORS.get(unit or "", Decimal(1))


def _in_unit(t: Term, unit: str | None) -> Decimal:
    """The term's value expressed in ``unit``, exactly (unchanged when the units agree, so that printed
    figures keep their printed form)."""
    if t.unit == unit or t.unit not in UNIT_FACTORS or unit not in UNIT_FACTORS:
        return t.value
    return t.value * factor(t.unit) / factor(unit)


def _quantum(t: Term, unit: str | None) -> Decimal:
    q = Decimal(1).scaleb(-(t.places or 0))
    return q if t.unit == unit or t.unit not in UNIT_FACTORS or unit not in UNIT_FACTORS else \
        q * factor(t.unit) / factor(unit)


def _round(x: Decimal, q: Decimal) -> Decimal:
    return (x / q).to_integral_value(rounding=ROUND_HALF_UP) * q


def compare(cid: str, kind: str, description: str, found: Term, parts: list[Term], relation: str = "eq",
            passage: str | None = None) -> Check | None:
    """``found`` should equal (relation "eq") the sum of ``parts``; "within": found is part of it (found
    greater fails, smaller cannot be decided); "covers": found includes it (the mirror image); "le": found
    may not exceed it (a 其中 line under its item: smaller passes). None when
    nothing at all is printed in the terms: a blank-only identity says nothing, and any later change makes
    a cell printed and the check run."""
    terms = [found, *parts]
    if not any(t.printed for t in terms):
        return None
    cells = [t.ref for t in terms if t.ref is not None]
    if any(t.value is None for t in terms):
        return Check(cid, kind, description + "（有单元格不是数字，无法核对）", UNCHECKED, cells)
    return judge(cid, kind, description, cells, found, parts, relation, passage)


def judge(cid: str, kind: str, description: str, cells: list[CellRef], found: Term, parts: list[Term],
          relation: str = "eq", passage: str | None = None) -> Check:
    unit = found.unit or next((p.unit for p in parts if p.unit), None)
    f = _in_unit(found, unit)
    e = sum((_in_unit(p, unit) for p in parts), ZERO)
    diff = f - e
    check = Check(cid, kind, description, PASS, cells, e, f, diff, passage, unit)
    check.relation = relation
    if diff == 0:
        return check
    rounded = [t for t in (found, *parts) if t.printed and t.value and t.places is not None]
    quanta = [_quantum(t, unit) for t in rounded]
    coarse = max(quanta, default=ZERO)
    mixed = bool(quanta) and min(quanta) < coarse
    if mixed:  # compare at the coarser precision; only the coarse figures are known to be rounded
        d = _round(f, coarse) - _round(e, coarse)
        slack = sum((q for q in quanta if q == coarse), ZERO) / 2
    else:
        d = diff
        slack = sum(quanta, ZERO) / 2
    violated = ((relation == "eq" and d != 0) or (relation in ("within", "le") and d > 0)
                or (relation == "covers" and d < 0))
    if not violated:
        check.verdict = PASS if d == 0 or relation == "le" else UNCHECKED
        if d == 0 and mixed:
            check.description += f"（精度不同，按较粗的 {_plain(coarse)}{unit or ''} 精度比较相等）"
        return check
    check.verdict = FAIL
    if slack and abs(diff) <= slack:
        check.tolerance = slack
        if mixed:
            check.verdict = ROUNDING
            check.description += _rounding_note(diff, slack, unit)
        else:
            check.near = True  # rounding only if the document shows rounding elsewhere (finalize)
    elif mixed and relation == "eq" and sum(q == coarse for q in quanta) == 1 and _trunc(f, coarse) == _trunc(e, coarse):
        # one figure restated more coarsely by cutting digits off (87.708 万元 written 87.70): less than one
        # unit of its last decimal, the same figure
        check.verdict, check.tolerance = ROUNDING, coarse
        check.description += (f"（差额 {_plain(abs(diff))}{unit or ''} 小于较粗一方末位的一个单位：该数按截尾而非四舍五入写出，"
                              f"按舍入差异处理）")
    return check


def _trunc(x: Decimal, q: Decimal) -> Decimal:
    return (x / q).to_integral_value(rounding=ROUND_DOWN) * q


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _rounding_note(diff: Decimal, slack: Decimal, unit: str | None) -> str:
    return f"（差额 {_plain(abs(diff))}{unit or ''} 不超过各数分别四舍五入可能造成的 {_plain(slack)}{unit or ''}，按舍入差异处理）"


def finalize(checks: list[Check]) -> list[Check]:
    """Near misses become "rounding" when the document shows rounding: two near misses sharing no cell.
    One wrong figure cannot supply this evidence for itself — every identity it breaks contains it."""
    near = [c for c in checks if c.near and c.verdict == FAIL]
    keys = [{(r.table_ordinal, r.row_ordinal, r.column) for r in c.cells} for c in near]
    evidence = any(not (a & b) for a, b in combinations(keys, 2))
    if evidence:
        for c in near:
            c.verdict = ROUNDING
            c.description += _rounding_note(c.difference, c.tolerance, c.unit)
    return checks
