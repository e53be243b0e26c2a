"""A 类 of the economic classification (301 工资福利支出, 303 对个人和家庭的补助 …) asked of a table by economic
class: its total, its lines ranked, its share of 人员经费 / 公用经费.

Economic codes nest 3/5 (303 → 30301 离休费 … 30399): a table that prints the 款 lines but no row of their 类
(北京 预算06表) gets the class's total as the sum of its lines, each cited, the formula shown; a ranking asked
within the class (「对个人和家庭的补助，哪一个科目的钱最多」) ranks its lines only, never every economic line; 「人员经费
里，X占多大比例」 is X's row (or its lines summed) over the 人员经费 the same table prints (its 人员经费合计 row, else
its 合计 row's 人员经费 column).
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, default_column, plain_label
from .tables import economic

# The 类 of the 部门支出经济分类科目 (general budget vocabulary). 399 其他支出 is also a function 类: by code only.
CLASSES = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "307": "债务利息及费用支出",
           "309": "资本性支出（基本建设）", "310": "资本性支出", "311": "对企业补助（基本建设）", "312": "对企业补助",
           "313": "对社会保障基金补助", "399": "其他支出"}
_BY_NAME = sorted(((n, c) for c, n in CLASSES.items() if c != "399"), key=lambda x: -len(x[0]))
_CODE = re.compile(r"(?<!\d)(3\d\d)(?!\d)(?:类)?")
_KINDS_BASIC = (model.GPB_BASIC, model.BASIC)
_KINDS_WHOLE = (model.ECONOMIC_TABLE, model.GPB_EXPENDITURE)
# 「人员经费里，X占多大比例」「X占公用经费的比重」: the part of 基本支出 the share is taken of.
_PARTS = ("人员经费", "公用经费")
_LOW = re.compile(r"最(少|低|小)")


def said(q: str) -> tuple[str, str] | None:
    """The economic 类 the question names: (code, printed name); its name, or its code said beside it."""
    for name, code in _BY_NAME:
        i = q.find(name)
        if i >= 0 and not q[max(0, i - 2):i].endswith("其他"):  # 30399 其他对个人和家庭的补助 is a line
            return code, name
    for m in _CODE.finditer(q):
        if m.group(1) in CLASSES and re.search(r"[（(]\s*" + m.group(1) + r"|" + m.group(1) + "类", q):
            return m.group(1), CLASSES[m.group(1)]
    return None


def _tables(doc, q: str) -> list:
    tables = [t for t in doc.tables if economic(t) and t.kind in (*_KINDS_BASIC, *_KINDS_WHOLE)]
    if "基本支出" in q or any(p in q for p in _PARTS):
        tables = [t for t in tables if t.kind in _KINDS_BASIC]
    else:
        tables = [t for t in tables if t.kind in _KINDS_WHOLE]
    return sorted(tables, key=lambda t: t.kind not in (model.GPB_BASIC, model.GPB_EXPENDITURE))


def _cell(row, column: str | None):
    c = row.cell(column) if column else None
    if c is not None and c.is_number:
        return c
    numbers = [c for c in row.cells if c.is_number]
    return numbers[0] if len(numbers) == 1 else None


def _lines(t, code: str) -> list:
    """The class's topmost lines: codes under it none of whose own prefixes the table prints."""
    codes = {r.code for r in t.rows if r.code}
    return [r for r in t.rows if r.code and r.code.startswith(code) and len(r.code) > len(code) and
            not any(r.code[:k] in codes for k in range(len(code) + 1, len(r.code)))]


def _printed(t, code: str, name: str):
    return next((r for r in t.rows if r.code == code or (not r.code and plain_label(r.label) == name)), None)


def _refs(doc, t, rows, column) -> list[CellRef]:
    return [CellRef(doc.document, t, r, c) for r in rows if (c := _cell(r, column)) is not None]


def answer(question: str, q: str, doc) -> Answer | None:
    cls = said(q)
    if cls is None or W.CHANGE.search(q):
        return None
    code, name = cls
    for t in _tables(doc, q):
        lines = _lines(t, code)
        if not lines:
            continue
        col = default_column(t)
        printed = _printed(t, code, name)
        if W.SHARE.search(q):
            return _share(question, q, doc, t, code, name, printed, lines)
        rest = q.replace(name, "|")
        if any(n in rest for n, _ in _BY_NAME) or \
                any(len(plain_label(r.label)) >= 2 and plain_label(r.label) in rest for r in t.rows):
            return None  # another class or a line named: read as such elsewhere
        if printed is not None:
            return None  # a printed class row is read where it stands, and ranked under it (groups, topn)
        if W.RANK.search(q) or W.COMPARE.search(q):
            return _rank(question, q, doc, t, name, lines, col)
        if not W.NUMERIC.search(q):
            return None
        refs = _refs(doc, t, lines, col)
        if len(refs) < 2:
            return None
        values, unit, conv = figures.common_unit(refs)
        r = arith.total(values)
        parts = "、".join(f"{c.name()} {arith.with_unit(v, unit)}" for c, v in zip(refs, values))
        return figures.computed(question, f"{code} {name}（{t.title}未列该类小计，按其下的科目相加：{parts}）合计 "
                                          f"{arith.with_unit(r.value, unit)}", r, unit, refs, conversions=conv)
    return None


def _rank(question, q, doc, t, name, lines, col) -> Answer | None:
    refs = [c for c in _refs(doc, t, lines, col) if c.value != 0]
    if len(refs) < 2:
        return None
    values, unit, _ = figures.common_unit(refs)
    by_code: dict[str, list] = {}  # one 科目 printed under two groups of the table (北京 预算06表): its rows summed
    for v, c in zip(values, refs):
        by_code.setdefault(c.row.code, []).append((v, c))
    items = []
    for pairs in by_code.values():
        s = arith.total([v for v, _ in pairs])
        items.append((s.value, pairs[0][1], s.formula if len(pairs) > 1 else "", [c for _, c in pairs]))
    if len(items) < 2:
        return None
    low = bool(_LOW.search(q))
    order = sorted(items, key=lambda x: x[0], reverse=not low)
    top_v, top, top_sum, _ = order[0]
    listing = "；".join(f"{i}. {c.name()} {arith.with_unit(v, unit)}" for i, (v, c, _, _) in enumerate(order, 1))
    formula = (" < " if low else " > ").join(arith.fmt(v) for v, *_ in order)
    sums = "；".join(f"{c.name()}：{f}" for v, c, f, _ in order if f)
    if sums:
        formula = f"{sums}；{formula}"
    word = "最少" if low else "最多"
    text = (f"{name}下的科目中{word}的是{top.name()}：{arith.with_unit(top_v, unit)}（{top.where()}）。"
            f"排序：{listing}")
    return Answer(question, ANSWERED, f"{text}。计算：{formula}", top_v, unit, formula,
                  [c.citation() for *_, cs in order for c in cs])


def _part_whole(doc, t, part: str) -> CellRef | None:
    """The 人员经费 (公用经费) the table prints: its own row, else its 合计 row's column of that name."""
    for r in t.rows:
        if plain_label(r.label) in (part, part + "合计"):
            numbers = [c for c in r.cells if c.is_number]
            if numbers:
                return CellRef(doc.document, t, r, numbers[0])
    for r in t.rows:
        if plain_label(r.label) in ("合计", "总计"):
            cells = [c for c in r.cells if c.is_number and part in c.column.split("/")[-1]]
            if len(cells) == 1:
                return CellRef(doc.document, t, r, cells[0])
    return None


def _part_cell(row, part: str):
    """A line's figure in the part's column where the table splits 人员经费 | 公用经费, else its one figure."""
    cells = [c for c in row.cells if c.is_number and c.column.split("/")[-1] == part]
    return cells[0] if len(cells) == 1 else _cell(row, None)


def _share(question, q, doc, t, code, name, printed, lines) -> Answer | None:
    part = next((p for p in _PARTS if p in q.replace(name, "")), None)
    if part is None:
        return None
    whole = _part_whole(doc, t, part)
    if whole is None:
        return None
    rows = [printed] if printed is not None else lines
    refs = [CellRef(doc.document, t, r, c) for r in rows if (c := _part_cell(r, part)) is not None]
    if not refs:
        return None
    values, unit, conv = figures.common_unit([*refs, whole])
    num = arith.total(values[:-1]) if len(refs) > 1 else arith.Result(values[0], "")
    try:
        r = arith.share(num.value, values[-1])
    except arith.ZeroBase:
        return None
    formula = f"{num.formula}；{r.formula}" if num.formula else r.formula
    said_num = f"{code} {name} {arith.with_unit(num.value, unit)}"
    text = f"{said_num}占{part} {arith.with_unit(values[-1], unit)} 的 {arith.fmt(r.value)}%"
    return figures.computed(question, text, arith.Result(r.value, formula), "%", [*refs, whole],
                            conversions=conv)
