"""A named item and the lines right under it, wherever they are printed: a table's child lines (by code, by
numbering, or — no codes, no numbering — by the figures adding up to it), else the narrative's 「其中，A x 万元，
B y 万元…」 after the item's own sentence (「18.静态交通管理 454.45 万元…。其中，…充电桩安全巡查项目 302.45
万元，…」).

- 「智慧交通管理经费包括几项支出」: the item's parts, counted, each cited.
- 「充电桩安全巡查项目占静态交通管理经费的百分之几」: the part named before 占 (by the longest stretch of its
  name, at least four characters, that only one of them shares) among the parts of the item named after it;
  the share computed with Decimal from the two figures of one table, the formula shown.

Nothing is guessed: no item named, no parts printed under it, or no part that the words name: not this
family's question (None), and the engine reads it as before.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import ParsedDocument, Row, Table

from . import arith
from .answer import ANSWERED, Answer
from .corpus import CellRef, default_column, plain_label, unit_of
from .vocab import common_run

_COUNT = re.compile(r"(?:包括|包含|分为|分成|含有|有|共|列了?)\s*(?:几|多少)\s*(?P<w>项|个|笔|部分|方面)")
# A count of a table's lines by level (类级科目, 几个款, 明细科目) or of a table: the subject tree's, not this.
_TREE = re.compile(r"科目|类|款|明细|表")
_SHARE = re.compile(r"占(?P<whole>.+?)的?(?:百分之几|百分比|比例|比重|份额|多少|几成|%)")
_SAY = re.compile(r"说明|备注")


def _tables(doc: ParsedDocument) -> list[Table]:
    """The tables first, the narrative's stated figures last."""
    rows = [t for t in doc.tables if t.rows]
    return [t for t in rows if t.kind != model.NARRATIVE] + [t for t in rows if t.kind == model.NARRATIVE]


def _stated_parts(table: Table, parent: Row) -> list[Row]:
    """The narrative's lines stated in the 「其中，…」 sentence right after the item's own sentence."""
    idx = table.rows.index(parent)
    said = lambda r: next((c.raw for c in r.cells if _SAY.search(c.column) and c.raw), "")  # noqa: E731
    if idx + 1 >= len(table.rows) or not said(table.rows[idx + 1]).lstrip().startswith("其中"):
        return []
    sentence = said(table.rows[idx + 1])
    out = []
    for r in table.rows[idx + 1:]:
        if said(r) != sentence:
            break
        out.append(r)
    return out


def parts_of(doc: ParsedDocument, labels: set[str]) -> tuple[Table, Row, list[Row]] | None:
    """The first table (tables before the narrative) printing a line of that name with two or more lines
    under it: (table, the line, its parts)."""
    from .nesting import children
    for t in _tables(doc):
        for r in t.rows:
            if plain_label(r.label) not in labels:
                continue
            kids = children(t, r)
            if len(kids) < 2 and t.kind == model.NARRATIVE:
                kids = _stated_parts(t, r)
            if len(kids) >= 2:
                return t, r, kids
    return None


def _ref(doc, t: Table, r: Row) -> CellRef | None:
    col = default_column(t, r.side)
    cell = r.cell(col) if col else None
    return CellRef(doc.document, t, r, cell) if cell is not None and cell.value is not None else None


def _named_before(mentions, end: int):
    """The last name of a line the question says before ``end``."""
    return next((m for m in reversed(mentions) if m.rows and m.end <= end), None)


def answer(question: str, q: str, doc: ParsedDocument, mentions) -> Answer | None:
    if (m := _COUNT.search(q)) and not re.search(r"数量|人数|编制|车辆|[辆台人]", q) and not _TREE.search(q):
        return _count(question, q, doc, mentions, m)
    if (m := _SHARE.search(q)) is not None:
        return _share(question, q, doc, mentions, m)
    return None


def _count(question, q, doc, mentions, m) -> Answer | None:
    item = _named_before(mentions, m.start())
    if item is None or re.search(r"[和与及、]", q[item.end:m.start()]):
        return None
    found = parts_of(doc, set(item.rows))
    if found is None:
        return None
    t, parent, kids = found
    if t.kind != model.NARRATIVE:
        return None  # a table's lines under it: counted where the engine counts a table's lines (sets.py)
    refs = [x for x in (_ref(doc, t, k) for k in kids) if x is not None]
    whole = _ref(doc, t, parent)
    n = len(kids)
    listed = "；".join(f"{i + 1}. {plain_label(k.label)}" + (f" {arith.with_unit(x.value, unit_of(x))}" if x else "")
                      for i, (k, x) in enumerate(zip(kids, [_ref(doc, t, k) for k in kids])))
    where = whole.where() if whole is not None else t.title
    word = m.group("w")
    text = f"{plain_label(parent.label)}下列有 {n} {word}：{listed}（{where}）"
    cites = ([whole.citation()] if whole is not None else []) + [x.citation() for x in refs]
    return Answer(question, ANSWERED, text, Decimal(n), word, f"计数 {n}", cites)


_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|今年|的|[？?，,。“”]")


def _share(question, q, doc, mentions, m) -> Answer | None:
    zhan = m.start()
    if any(x.rows or x.column for x in mentions if x.end <= zhan):
        return None  # the part is a line the question names: the engine's own share reads it
    whole = next((x for x in mentions if x.rows and x.start > zhan), None)
    if whole is None:
        return None
    found = parts_of(doc, set(whole.rows))
    if found is None:
        return None
    t, parent, kids = found
    said = _GENERIC.sub("", q[:zhan])
    runs = [(common_run(said, plain_label(k.label)), k) for k in kids]
    best = max((n for n, _ in runs), default=0)
    hits = [k for n, k in runs if n == best]
    if best < 4 or len(hits) != 1:
        return None
    part, total = _ref(doc, t, hits[0]), _ref(doc, t, parent)
    if part is None or total is None or not total.value:
        return None
    from .figures import computed
    r = arith.share(part.value, total.value)
    return computed(question, f"{part.name()}占{total.name()}的 {arith.fmt(r.value)}%", r, "%", [part, total])
