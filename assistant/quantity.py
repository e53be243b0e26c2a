"""「农村电影放映工程政府采购数量是多少场」: a quantity is read from a quantity column (数量) of the line the
question names, never its money. A 政府采购 table prints, for each purchase, its 采购项目, 规格型号 or 计量单位,
数量 and 预算金额: the line is the one whose printed words (its name and its text cells) the question repeats
longest (four characters at least); the unit is the one its row prints (场次, 台) or the question's own.
Several lines sharing those words with different quantities are named, never one picked.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .answer import AMBIGUOUS, ANSWERED, Answer
from .corpus import CellRef, plain_label
from .vocab import common_run

_COUNT_UNIT = r"场次|场|台套|台|辆|套|件|张|部|批|架|艘|个|次|人次"
_ASKED = re.compile(rf"数量|(?:几|多少)({_COUNT_UNIT})")
# A 数量 column lists what is bought (政府采购, 购置): a count of anything else (文化产业项目, 固定资产) is no line of it.
_BOUGHT = re.compile(r"采购|购置|购买|采买")
_QTY_COLUMN = re.compile(r"数量$")
_UNIT_COLUMN = re.compile(r"计量单位|^单位$|规格")
_NOISE = re.compile(rf"(?:19|20)\d{{2}}年度?|政府采购|采购|预算|数量|(?:是|有)?(?:多少|几)(?:{_COUNT_UNIT})?|[？?，,。的]")


def answer(question: str, q: str, doc) -> Answer | None:
    asked = _ASKED.search(q)
    if not asked or not _BOUGHT.search(q):
        return None
    subject = _NOISE.sub("|", q)
    best, found = 3, []
    for t in doc.tables:
        qty = [c.path for c in t.columns if _QTY_COLUMN.search(c.path.split("/")[-1])]
        if not qty:
            continue
        for r in t.rows:
            cell = r.cell(qty[0])
            if cell is None or cell.value is None or cell.blank:
                continue
            words = [plain_label(r.label)] + [c.raw for c in r.cells if c.value is None and c.raw]
            run = max(common_run(subject, w) for w in words)
            if run > best:
                best, found = run, []
            if run == best:
                found.append(CellRef(doc.document, t, r, cell))
    if not found:
        return None
    distinct = {c.value for c in found}
    if len(distinct) > 1:
        lines = [f"{c.name()}（{c.table.title}）：{c.cell.raw}" for c in found[:6]]
        return Answer(question, AMBIGUOUS, "表中有多行的数量都可能是所问的：" + "；".join(lines) + "。请说明指哪一个。",
                      None, None, None, [c.citation() for c in found[:6]], readings=lines)
    ref = found[0]
    said = re.search(rf"(?:几|多少)({_COUNT_UNIT})", q)
    unit = (said and said.group(1)) or _unit(ref) or "个"  # 「多少场」: the question's unit (the row may print 场次)
    item = next((c.raw for c in ref.row.cells if c.value is None and c.raw and common_run(subject, c.raw) == best),
                plain_label(ref.row.label))
    text = f"{item}的数量：{ref.cell.raw.strip()} {unit}（{ref.where()}）"
    cite = replace(ref.citation(), unit=unit)
    return Answer(question, ANSWERED, text, ref.value, unit, None, [cite])


def _unit(ref: CellRef) -> str | None:
    """The unit the row prints beside its quantity (计量单位, or a 规格 cell that is only a unit: 场次)."""
    for c in ref.row.cells:
        if c.value is None and c.raw and _UNIT_COLUMN.search(c.column.split("/")[-1]) and \
                re.fullmatch(rf"(?:{_COUNT_UNIT}|[\u4e00-\u9fff]{{1,2}})", c.raw.strip()):
            return c.raw.strip()
    return None
