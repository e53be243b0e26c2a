"""A project (专项) of the 政府采购预算表 named by the question: its procurement lines summed, or their share of a
class (货物/工程/服务) or of the table's 合计.

Two layouts print which project a line is bought for:
- one line a row, the project in a column of every row (西安 表12 「采购项目」: 城市宣传经费 three times — 台式计算机
  100,000 + 便携式计算机 140,000 + 广播、电视、电影和音像服务 15,000,000);
- lines grouped under the project, its name printed once on the group's first row (江苏 公开12表 「专项名称」): the
  group's rows are its expense lines (维修（护）费 607.10, 租赁费 370.00), each followed by the items it buys
  (运行维护服务 607.10 …), which add up to it. The group runs to the next project named, a class row or the 合计.
  Its top lines are read by their sums: a line, then the rows after it adding up to it exactly, then the next
  line; a first row no rows add up to is a line of its own (the project printed on every row).

「城市宣传经费里，政府采购一共安排了多少」 is the project's procurement lines, not the project's whole budget
(表10 17,000,000.00); 「网络通讯维护及专用线路租赁费这个专项一共多少」 its two expense lines (977.10); 「政府采购货物里，
信息网络建设费占货物采购的百分之几」 its lines in the class said over that class's row (966.50 ÷ 1,637.72). Every
line is cited, the formula shown. A question naming one of the project's items as well (台式计算机) is the items'
(buyitems, the tables); a count, a list or a comparison is not this family's.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer
from .buyitems import _AMOUNT_COLUMN, _EVERYDAY, _ITEM_COLUMN, _name
from .corpus import CellRef, plain_label, unit_of

_ASKS = re.compile(r"采购")
_PROJECT_COLUMN = re.compile(r"^(?:专项名称|采购项目|项目名称|采购项目名称|专项)$")
_CLASS = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]?)?\s*(?:[A-CＡ-Ｃ][-－、.]?)?(货物|工程|服务)类?\s*[A-CＡ-Ｃ]?$")
_TOTAL = re.compile(r"^(?:合计|总计)$")
_NOT_OURS = re.compile(r"哪些|哪几|哪个|哪一|几项|几个|几类|多少项|多少个|多少类|多少台|几台|什么|数量|比上年|上年|增长|减少|增加|"
                       r"变化|为什么|原因")
_CLASS_SAID = re.compile(r"货物|工程|服务")


class _Table:
    """One procurement table's projects: name → [(class, top line CellRef)], its classes' and 合计's cells."""

    def __init__(self, doc, t):
        self.table = t
        cols = [c.path for c in t.columns]
        self.project = next((c for c in cols if _PROJECT_COLUMN.match(c.split("/")[-1])), None)
        self.amount = next((c for c in cols if _AMOUNT_COLUMN.match(c.split("/")[-1])), None)
        self.items = [c for c in cols if _ITEM_COLUMN.search(c.split("/")[-1]) and c != self.project]
        self.classes: dict[str, CellRef] = {}
        self.total: CellRef | None = None
        self.lines: dict[str, list[tuple[str | None, CellRef]]] = {}
        self.rows: dict[str, list[tuple[str | None, CellRef]]] = {}  # every row of the project's groups
        if self.project is None or self.amount is None:
            return
        klass, group = None, None
        groups = []
        for r in t.rows:
            label = plain_label(r.label).replace(" ", "")
            cell = r.cell(self.amount)
            if _TOTAL.match(label) or (m := _CLASS.match(label)):
                if cell is not None and cell.value is not None:
                    if _TOTAL.match(label):
                        self.total = self.total or CellRef(doc.document, t, r, cell)
                    else:
                        klass = m.group(1)
                        self.classes.setdefault(klass, CellRef(doc.document, t, r, cell))
                group = None
                continue
            named = r.cell(self.project)
            if named is not None and named.raw.strip():
                group = (named.raw.replace(" ", "").strip(), klass, [])
                groups.append(group)
            if group is not None and cell is not None and cell.value is not None:
                group[2].append(CellRef(doc.document, t, r, cell))
        for name, k, refs in groups:
            for ref in _top(refs):
                self.lines.setdefault(name, []).append((k, ref))
            self.rows.setdefault(name, []).extend((k, ref) for ref in refs)
        self.labels = {_name(r.label) for r in t.rows}

    def names(self, ref: CellRef) -> set[str]:
        """What a row prints besides its amount: the line's label, the item bought."""
        out = {_name(ref.row.label)} | {_name(c.raw) for c in ref.row.cells if c.column in self.items and c.raw}
        return {n for n in out if len(n) >= 2}


def _top(refs: list[CellRef]) -> list[CellRef]:
    """The group's own lines: each followed by the rows adding up to it exactly (its items), the next line after
    them; a first row nothing adds up to is the line alone."""
    out, i = [], 0
    while i < len(refs):
        total, j = Decimal(0), i + 1
        while j < len(refs) and total < refs[i].value:
            total += refs[j].value
            j += 1
        if j > i + 1 and total == refs[i].value:
            out.append(refs[i])
            i = j
        elif i == 0:
            return [refs[0]]
        else:
            break  # a row that is no line of the group's kind: the group ends before it
    return out


def answer(question: str, q: str, doc) -> Answer | None:
    if not _ASKS.search(q) or _NOT_OURS.search(q) or W.DIFF.search(q) or W.MULTIPLE.search(q) or W.COMPARE.search(q):
        return None
    tables = [_Table(doc, t) for t in doc.tables if t.kind == model.PROCUREMENT]
    found = [(name, tb) for tb in tables for name in tb.lines if len(name) >= 4 and name in q]
    if not found:
        return None
    name = max((n for n, _ in found), key=len)
    tb = next(tb for n, tb in found if n == name)
    rest = q.replace(name, "|")
    for said_as, printed in _EVERYDAY:  # 台式电脑 → 台式计算机, as the catalogue prints it
        rest = rest.replace(said_as, printed) if printed not in rest else rest
    if name in tb.labels and not re.search(r"专项|项目", rest):
        return None  # 「办公设备购置」 printed as a project and as another project's line: the tables' two readings
    items = {n for _, ref in tb.rows[name] for n in tb.names(ref) if n not in name and n in rest}
    share = W.SHARE.search(rest)
    zhan = rest.find("占")
    bare = rest[:zhan] if share and zhan >= 0 else rest
    for item in sorted(items, key=len, reverse=True):
        bare = bare.replace(item, "|")  # 运行维护服务 names no class 服务
    said = [m.group(0) for m in _CLASS_SAID.finditer(bare)]
    klass = said[0] if len(set(said)) == 1 else None
    if len(set(said)) > 1:
        return None
    # 「城市宣传经费的台式计算机」: the project's rows printing the item named, else its own lines
    pool = [(k, ref) for k, ref in tb.rows[name] if tb.names(ref) & items] if items else tb.lines[name]
    lines = [(k, ref) for k, ref in pool if klass is None or k == klass]
    units = {unit_of(ref) for _, ref in lines}
    if not lines or len(units) != 1:
        return None
    unit = units.pop()
    refs = [ref for _, ref in lines]
    total = arith.total([r.value for r in refs])
    listed = "；".join(f"{plain_label(r.row.label)}（{r.where()}）：{arith.with_unit(r.value, unit)}" for r in refs)
    scope = f"政府采购{klass or ''}预算中{tb.project.split('/')[-1]}“{name}”" + (f"的{'、'.join(sorted(items))}" if items else "")
    if share:
        after = rest[zhan + 1:] if zhan >= 0 else ""
        whole_class = [m.group(0) for m in _CLASS_SAID.finditer(after)]
        if whole_class and klass and whole_class[0] != klass or len(set(whole_class)) > 1:
            return None
        wk = whole_class[0] if whole_class else None
        whole = tb.classes.get(wk) if wk else tb.total if re.search(r"政府采购|采购(?:预算|总额|合计)|合计|总额", after) \
            else tb.classes.get(klass) if klass else None
        if whole is None or not whole.value or unit_of(whole) != unit:
            return None
        r = arith.share(total.value, whole.value)
        formula = f"({total.formula}) ÷ {arith.fmt(whole.value)} = {arith.fmt(r.value)}%" if len(refs) > 1 else r.formula
        wname = f"{wk or klass}类采购" if (wk or klass) else "政府采购合计"
        text = (f"{scope}共 {arith.with_unit(total.value, unit)}，占{wname}（{whole.where()}：{arith.with_unit(whole.value, unit)}）"
                f"的 {arith.fmt(r.value)}%：{listed}。计算：{formula}")
        return Answer(question, ANSWERED, text, r.value, "%", formula,
                      [ref.citation() for ref in refs] + [whole.citation()])
    if not re.search(r"多少|几|金额|预算|安排", rest):
        return None
    formula = total.formula if len(refs) > 1 else None
    text = f"{scope}共 {len(refs)} 行，合计 {arith.with_unit(total.value, unit)}：{listed}" if len(refs) > 1 else \
        f"{scope}：{arith.with_unit(total.value, unit)}（{refs[0].where()}）"
    return Answer(question, ANSWERED, text, total.value, unit, formula, [ref.citation() for ref in refs])
