"""A “三公”/会议费/培训费 item asked by its printed name, where the 基本支出 table prints it too with another figure.

The “三公”经费 table (三公经费、会议费、培训费支出表) gives the item's whole — all the money for it, basic and
project spending alike; the 基本支出 table (经济分类) prints the same item on its economic line (30212 因公出国
（境）费用, 30215 会议费, 30216 培训费) for the basic part alone. A question saying the item's name and neither
table (「培训费预算是多少」) has two readings when the figures differ: both are named with their tables and the
question is asked back. A question naming the table (三公, 基本支出, 经济分类 …) reads that one; a colloquial
word (「搞培训」「出国出境」) or equal figures give one reading; a 决算's 预算数 has no basic-table counterpart.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from .answer import AMBIGUOUS, Answer
from .corpus import CellRef, default_column, plain_label, same_amount, unit_of

# The item's printed name as the question says it → its economic code on the 基本支出 table.
_ITEMS = ((re.compile(r"培训费"), "30216"), (re.compile(r"会议费"), "30215"),
          (re.compile(r"因公出国[（(]?境?[）)]?费"), "30212"))
# Words naming one of the two tables (or a part of spending) — one reading, left to the tables.
_TABLE_SAID = re.compile(r"三公|基本支出|经济分类|项目支出|公用经费|商品和服务|日常|运转|全部|一共|总共|合计|总计|"
                         r"表[0-9一二三四五六七八九十]|[0-9]+表")
_BASIC_KINDS = (model.GPB_BASIC, model.BASIC, model.ECONOMIC_TABLE)


def _item_code(ref: CellRef) -> str | None:
    name = ref.cell.column.split("/")[-1] if ref.cell.column else ""
    label = plain_label(ref.row.label or "")
    for pat, code in _ITEMS:
        if pat.search(name) or pat.search(label):
            return code
    return None


def _basic_line(doc, code: str) -> CellRef | None:
    """The item's line on the basic-expenditure tables: one figure, the same on every such table, else none."""
    found: list[CellRef] = []
    for t in doc.tables:
        if t.kind not in _BASIC_KINDS:
            continue
        rows = [r for r in t.rows if r.code == code]
        if len(rows) != 1:  # printed once per unit (or not at all): no single basic figure here
            if rows:
                return None
            continue
        col = default_column(t)
        r = rows[0]
        c = (r.cell(col) if col else None) or next(
            (x for x in r.cells if x.value is not None and re.search(r"合计|决算数|预算数|金额|总计", x.column.split("/")[-1])),
            None)
        if c is None or c.value is None:
            continue
        found.append(CellRef(doc.document, t, r, c))
    if not found or any(not same_amount(found[0], f) for f in found[1:]):
        return None
    return found[0]


def readings(question: str, q: str, doc, measure, ref: CellRef) -> Answer | None:
    if ref.table.kind != model.THREE_PUBLIC or _TABLE_SAID.search(q):
        return None
    code = _item_code(ref)
    if code is None or not any(pat.search(q) and code == c for pat, c in _ITEMS):
        return None  # the item's printed name is said, not a colloquial word for it
    if re.search(r"预算数", f"{ref.row.label}/{ref.cell.column}") and re.search(r"决算", doc.document.label):
        return None  # a 决算's 预算数: the basic table prints the 决算数 only
    basic = _basic_line(doc, code)
    if basic is None or not basic.value or same_amount(ref, basic):  # 0: no basic part, one reading
        return None
    lines = [f"“三公”经费表（全部资金，基本支出和项目支出）：{ref.name()} {arith.with_unit(ref.value, unit_of(ref))}"
             f"（{ref.where()}）",
             f"基本支出表（仅基本支出）：{basic.name()} {arith.with_unit(basic.value, unit_of(basic))}"
             f"（{basic.where()}）"]
    return Answer(question, AMBIGUOUS, f"“{measure.text}”有 2 种口径，数值不同：" + "；".join(lines) +
                  "。请说明指“三公”经费表的全部数还是基本支出表的基本支出部分。", None, None, None,
                  [ref.citation(), basic.citation()], readings=lines)
