"""Items of the 政府采购预算表 named by the question, summed over every line that prints them.

「江苏高院2019年政府采购预算里，会议服务一共安排了多少？」: the table prints 会议服务 once under each expense it is
bought for (会议费 of 案件审判经费, of 审判专项业务费 …), so the item asked is all those lines together, not one of
them nor the class (服务C) above them. 「政府采购里买台式电脑和笔记本电脑一共预算了多少钱」: items said in everyday
words are read as the procurement catalogue prints them (台式电脑 → 台式计算机, 笔记本电脑 → 便携式计算机), each
item's lines found by the item's name in the row's label (A02010104台式计算机) or in a column naming the item
bought (采购物品名称, 品目). The sum keeps the table's unit; every line is cited and the formula shown.
Only where the lines found are more than one (one line is the table's ordinary answer).
"""
from __future__ import annotations

import re

from ingest import model

from . import arith
from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label, unit_of

_ASKS = re.compile(r"政府采购|采购预算|采购里|采购中")
_SUM = re.compile(r"一共|合计|加起来|加在一起|总共|共计|总计|合起来|之和|总和")
# Everyday names of catalogue items (政府采购品目): general vocabulary, longest first.
_EVERYDAY = [("台式电脑", "台式计算机"), ("台式机", "台式计算机"), ("笔记本电脑", "便携式计算机"),
             ("笔记本", "便携式计算机"), ("手提电脑", "便携式计算机"), ("平板电脑", "平板式计算机"),
             ("复印机", "复印机"), ("打印机", "打印设备"), ("空调", "空调机")]
# The words around the items: where the stretch starts (after 采购 …) and where it ends (the sum, the verb).
_LEAD = re.compile(r"^(?:预算|支出预算|项目)?(?:表)?(?:里面|里|中|当中|方面)?的?[，,]?(?:买|购买|购置|采购|用于)?的?")
_END = re.compile(r"(?:一共|合计|加起来|加在一起|总共|共计|总计|合起来|之和|总和|分别|共|的?预算|安排|花|是|有|多少|[，,。？?])")
_ITEM_COLUMN = re.compile(r"采购物品|品目|采购项目名称|物品名称|采购内容")
_AMOUNT_COLUMN = re.compile(r"^(?:总计|合计|预算金额|金额|预算数|采购预算|小计)$")
_CODE = re.compile(r"^[A-CＡ-Ｃ]\d{2,10}\s*")


def _items(q: str) -> list[str]:
    m = None
    for m in re.finditer(r"采购", q):
        pass
    if m is None:
        return []
    rest = _LEAD.sub("", q[m.end():])
    end = _END.search(rest)
    stretch = rest[:end.start()] if end else rest
    words = [w.strip() for w in re.split(r"和|与|及|、|跟|以及|还有", stretch) if w.strip()]
    out = []
    for w in words:
        for said, printed in _EVERYDAY:
            if said in w:
                w = w.replace(said, printed)
                break
        if len(w) >= 2:
            out.append(w)
    return out


def _name(text: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]", "", _CODE.sub("", plain_label(text or ""))).replace(" ", "")


def _lines(doc, item: str) -> list[CellRef]:
    out = []
    for t in doc.tables:
        if t.kind != model.PROCUREMENT:
            continue
        for r in t.rows:
            names = [r.label] + [c.raw for c in r.cells if _ITEM_COLUMN.search(c.column.split("/")[-1] or "")]
            if not any(_name(n) == item for n in names if n):
                continue
            amount = next((c for c in r.cells if _AMOUNT_COLUMN.match(c.column.split("/")[-1]) and c.value is not None),
                          None)
            if amount is not None:
                out.append(CellRef(doc.document, t, r, amount))
    return out


def answer(question: str, q: str, doc) -> Answer | None:
    if not _ASKS.search(q) or not _SUM.search(q):
        return None
    items = _items(q)
    if not items:
        return None
    found = [(item, _lines(doc, item)) for item in items]
    if any(not refs for _, refs in found):
        return None  # an item no line prints: left to the tables' own answer (its not-found)
    refs = [c for _, refs in found for c in refs]
    units = {unit_of(c) for c in refs}
    if len(refs) < 2 or len(units) != 1:
        return None
    unit = units.pop()
    result = arith.total([c.value for c in refs])
    listed = "；".join(f"{item}（{c.where()}）：{arith.with_unit(c.value, unit)}"
                      for item, rs in found for c in rs)
    said = "、".join(items)
    text = (f"政府采购预算中{said}共 {len(refs)} 行，合计 {arith.with_unit(result.value, unit)}："
            f"{listed}")
    return Answer(question, ANSWERED, text, result.value, unit, result.formula, [c.citation() for c in refs])
