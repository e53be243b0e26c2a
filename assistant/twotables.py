"""The same line read in two tables named, compared: 「三公经费表里的公务接待费，比基本支出经济科目表里的30217公务接待费
多多少」, 「基本公共卫生服务（2100408），收入决算表的财政拨款收入和一般公共预算财政拨款支出决算表的数差多少」, 「表7里的
因公出国（境）费用和表8“三公”表里的因公出国（境）支出对得上吗」.

Staff check whether a document agrees with itself: they name two tables and the line in each (or the line once,
before the tables or after both), and ask the gap, which is larger, or whether the two agree. Each table is said
as people do — its number (表7, 公开09表), its title said short (收入决算表), or its kind in words (三公经费表,
基本支出经济科目表) — and is matched to the document's tables (assistant/tablesaid.py). In each table the line said
for it is read: a row it prints (by name or code) in the column said for it (「收入决算表的财政拨款收入」) or its
main column; a 三公 table printed as one row of columns answers by the column of that name. Where the name fits
two tables of the document (公开06表 and 公开08表 both 基本支出 by 经济科目) and both print the same figure, either is
the reading and both are cited; where they differ, nothing is answered here. The gap is worked with Decimal, the
formula shown, both cells cited; equal figures are said to agree. A table named that does not print the line makes
the question one this family does not answer (a line of that name in another table is not the one asked).
Sums of lines read in tables named are assistant/titledsum.py's and assistant/pertable.py's.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from . import arith, documents, figures
from .answer import ANSWERED, NOT_FOUND, Answer, AskedFigure
from .corpus import CellRef, default_column, plain_label, total_row, unit_of, value_columns
from .tablesaid import said_tables

# What a comparison of two readings asks: the gap, the larger, or whether they agree.
_GAP = re.compile(r"(?:多|少|高|低|差)(?:出|了)?(?:多少|几)|相差|差额|差距|差值|差多少|差了?多少|差几")
_AGREE = re.compile(r"一致|对得上|对不上|对上|相符|吻合|相同|一样|相等|是否等于|核对|对比|比对")
_LARGER = re.compile(r"哪(?:个|一个|边|张表)?.{0,4}?(?:多|大|高)|谁.{0,3}(?:多|大|高)")
_EACH = re.compile(r"(?:分别|各自?)(?:是|为|有)?(?:多少|几)")
_LEAF = re.compile(r"[“”\"「」]")
_JOINS = re.compile(r"[和与跟及、,，\s的]|以及|还有|各自?|分别")


def answer(question: str, q: str, doc, vocab) -> Answer | None:
    ask = _GAP.search(q) or _AGREE.search(q) or _LARGER.search(q)
    if ask is None:
        return None
    text = q[:ask.start()] if ask.start() > len(q) // 3 else q
    said = [s for s in said_tables(text, doc)]
    if len(said) == 1 and said[0].tables:
        said = _with_part(text, said, doc)
    if len(said) != 2 or any(not s.tables for s in said):
        return None
    if {id(t) for t in said[0].tables} & {id(t) for t in said[1].tables}:
        return None  # both names fit one table: not two tables compared
    shared_before = _without_department(q[:said[0].start], doc)
    own = [q[said[0].end:said[1].start], q[said[1].end:ask.start() if ask.start() >= said[1].end else len(q)]]
    if not _JOINS.sub("", own[0]):
        # 「表6和表7里的X」: the tables listed, the line said once after them
        shared_after = own[1]
        own = ["", ""]
    else:
        shared_after = ""
    readings, missing = [], []
    for s, text in zip(said, own):
        refs = _read(doc, s.tables, text, shared_before + " " + shared_after, vocab)
        if refs is None:
            return None  # two tables of that name print the line with different figures
        if not refs:
            missing.append((s, text))
        readings.append(refs)
    if missing:
        if len(missing) == 2:
            return _neither(question, said, " ".join([shared_before, shared_after, *(t for _, t in missing)]))
        return _unprinted(question, missing, shared_before + " " + shared_after, vocab)
    a, b = readings[0][0], readings[1][0]
    if a.row is b.row and a.cell is b.cell:
        return None
    values, unit, conv = figures.common_unit([a, b])
    return _compared(question, q, ask, a, b, values, unit, conv, [c for refs in readings for c in refs])


# 「经济分类表里的X，比基本支出里的X多多少」: the other side said by the part of spending its table prints alone.
_PART = re.compile(r"(基本支出|项目支出)(?:里面|当中|之中|中|里)(?:的)?")


def _with_part(text: str, said: list, doc) -> list:
    """One table named, the other said as 基本支出/项目支出: the document's economic table of that part (by its
    title, 基本支出 also by kind), when the named table is not one; else ``said`` unchanged."""
    from ingest import model

    from .tables import economic
    from .tablesaid import Said
    named = said[0]
    for m in _PART.finditer(text):
        if named.start <= m.start() < named.end:
            continue
        part = m.group(1)
        if any(part in t.title for t in named.tables):
            return said
        tables = [t for t in doc.tables if economic(t) and t.rows and part in t.title and
                  not any(t is n for n in named.tables)]
        if not tables and part == "基本支出":
            tables = [t for t in doc.tables if economic(t) and t.kind in (model.GPB_BASIC, model.BASIC)]
        if len(tables) > 1:
            tables = [t for t in tables if t.kind == named.tables[0].kind or t.kind == model.GPB_BASIC] or tables
        if tables:
            return sorted([named, Said(m.group(), m.start(), m.end(), tables)], key=lambda s: s.start)
    return said


def _unprinted(question: str, missing, shared: str, vocab) -> Answer | None:
    """The other table read, this one does not print the line said for it: said plainly — the same name in
    another table is not the figure asked (「三公经费表里的会议费」 where the 三公 table prints no 会议费)."""
    said, text = missing[0]
    line = next(iter(_mentions(text, vocab) or _mentions(shared, vocab)), None)
    if line is None:
        return None
    title = "、".join(t.title.strip() for t in said.tables)
    return Answer(question, NOT_FOUND, f"没有找到答案：{title}中没有“{line.text}”这一行，无法比较；其他表里同名的行"
                  f"不是所问的数。", None, None, None, [])


_QUOTED = re.compile(r"[“「\"]([^”」\"]{2,20})[”」\"]")


def _neither(question: str, said: list, shared: str) -> Answer | None:
    """A line said in quotes that neither table prints under that name (「“商务事务”在支出预算总表和一般公共预算支出表里
    差多少」): said plainly — the tables' own totals are not the line asked."""
    m = _QUOTED.search(shared)
    if m is None:
        return None
    name = m.group(1)
    if any(name in plain_label(r.label) for s in said for t in s.tables for r in t.rows):
        return None  # printed, its figure not read here: not this family's to refuse
    titles = "、".join(t.title.strip() for s in said for t in s.tables)
    return Answer(question, NOT_FOUND, f"没有找到答案：{titles}里都没有“{name}”这一行，无法比较；两表的合计不是所问的数。",
                  None, None, None, [])


def _compared(question, q, ask, a: CellRef, b: CellRef, values, unit, conv, cited) -> Answer:
    va, vb = values
    name_a, name_b = _said(a), _said(b)
    sources = "；".join(c.where() for c in cited)
    gap = arith.difference(va, vb)
    formula = "；".join([*conv, gap.formula])
    each = [AskedFigure(name_a, va, unit), AskedFigure(name_b, vb, unit)] if _EACH.search(q) else []
    if va == vb:
        # they agree: the common figure answers 「对得上吗」, the gap 0 answers 「差多少」
        value = gap.value if _GAP.search(q) else va
        text = (f"两表一致：{name_a} {arith.with_unit(va, unit)}，{name_b} {arith.with_unit(vb, unit)}，"
                f"相差 {arith.with_unit(gap.value, unit)}")
    elif (rounded := _rounded(a, b, va, vb)) is not None:
        # 0.83 万元 against 8265.00 元: the same figure, one table printing it rounded to its own unit
        value = gap.value if _GAP.search(q) else rounded
        text = (f"两表按{unit}印出的位数一致：{name_a} {arith.with_unit(va, unit)}，{name_b} "
                f"{arith.with_unit(vb, unit)}，四舍五入后都是 {arith.with_unit(rounded, unit)}；"
                f"相差 {arith.with_unit(gap.value, unit)}，是表中取整造成的")
    else:
        (hi, vhi), (lo, vlo) = sorted([(name_a, va), (name_b, vb)], key=lambda x: x[1], reverse=True)
        larger = _LARGER.search(q) and not _GAP.search(q)
        value = vhi if larger else gap.value
        agree = "两表不一致：" if _AGREE.search(q) else ""
        text = (f"{agree}{hi} {arith.with_unit(vhi, unit)}，比{lo} {arith.with_unit(vlo, unit)}"
                f"多 {arith.with_unit(gap.value, unit)}")
    return Answer(question, ANSWERED, f"{text}。计算：{formula}（数据：{sources}）", value, unit, formula,
                  [c.citation() for c in cited], parts=each)


def _rounded(a: CellRef, b: CellRef, va, vb):
    """Where one figure is converted from a finer unit: the other as printed, when the converted one rounds to it
    at the places the other prints (half up); else None."""
    if unit_of(a) == unit_of(b):
        return None
    coarse, fine = (va, vb) if arith.YUAN_PER.get(unit_of(a), 0) > arith.YUAN_PER.get(unit_of(b), 0) else (vb, va)
    places = Decimal(1).scaleb(min(coarse.as_tuple().exponent, 0))
    return coarse if fine.quantize(places, rounding=ROUND_HALF_UP) == coarse else None


def _said(ref: CellRef) -> str:
    """「表7 …的30212 因公出国（境）费用」, the column named where it is not the table's main one."""
    line = ref.name()
    leaf = ref.cell.column.split("/")[-1]
    if ref.cell.column != default_column(ref.table) and leaf not in line:
        line = f"{line}（{leaf}）"
    return f"{ref.table.title.strip()}的{line}"


def _without_department(text: str, doc) -> str:
    """The words before the first table, the department's own names left out (a unit's row is no line asked)."""
    for name in sorted(documents.department_names(doc.document.department, doc.document.region), key=len,
                       reverse=True):
        text = text.replace(name, " ")
    return text


def _mentions(text: str, vocab) -> list:
    return [m for m in vocab.mentions(text) if m.rows and not m.table] if text.strip() else []


def _read(doc, tables, own: str, shared: str, vocab) -> list[CellRef] | None:
    """The line said for one table, read in each table the name fits that prints it (the first cited as the
    reading, the others beside it); none when no such table prints it, None when they print different figures."""
    refs = [r for t in tables if (r := _cell(doc, t, own, shared, vocab)) is not None and r.cell.value is not None]
    if len({r.value for r in refs}) > 1:
        return None  # two tables of that name print the line with different figures: no one reading
    return refs  # empty: no table of that name prints it


def _cell(doc, table, own: str, shared: str, vocab) -> CellRef | None:
    row, said = _row(table, own, vocab)
    words = own.replace(said, " ") if said else own
    if not _JOINS.sub("", words):
        words = shared  # 「表7和表8的支出总计」: the tables listed, what is read in them said once
    column = _column(doc, table, words)
    if row is None and (column or not _mentions(own, vocab)):
        row, _ = _row(table, shared, vocab)  # the line said once, before the tables (or after both)
    if row is None:
        if column is None:
            return None
        # 「三公经费表里的公务接待费」: a table printed as one row of columns, the column said read on its total
        row = table.rows[0] if len(table.rows) == 1 else total_row(table, column)
        if row is None:
            return None
    rows = row if isinstance(row, list) else [row]
    column = column or _main(table, rows[0])
    if column is None or any(r.cell(column) is None for r in rows) or len({r.cell(column).value for r in rows}) > 1:
        return None  # no figure there, or the table prints the line twice with different figures: no one reading
    return CellRef(doc.document, table, rows[0], rows[0].cell(column))


def _main(table, row) -> str | None:
    """The table's main column, or where the row prints nothing there (a 公用经费 line of a table whose first
    figure column is 人员经费), the one column of the same kind of figure the row fills."""
    column = default_column(table)
    if column is None or row.cell(column) is not None:
        return column
    leaf = column.split("/")[-1]
    filled = [c.column for c in row.cells if c.value is not None and c.column.split("/")[-1] == leaf]
    return filled[0] if len(filled) == 1 else None


def _row(table, text: str, vocab):
    """The first line said in ``text`` that the table prints (by its printed name or its code), and the words
    saying it."""
    for m in _mentions(text, vocab):
        rows = [r for r in table.rows if plain_label(r.label) in m.rows or (r.code and r.code == m.text)]
        if rows:
            return rows, m.text
    return None, ""


def _column(doc, table, text: str) -> str | None:
    """A column of the table whose own name the words say (「收入决算表的财政拨款收入」), the longest said; of
    several of that name (预算数/公务接待费, 决算数/公务接待费), the one whose heading is said too, else the
    document's own stage (a 决算's 决算数), else the main column's."""
    said = _LEAF.sub("", text)
    if not said.strip():
        return None
    found = [c for c in value_columns(table) if len(_leaf(c)) >= 3 and _leaf(c) in said]
    if not found:
        # 「收入决算表里的本年收入」: a column printed 本年收入合计 said without its 合计
        found = [c for c in value_columns(table) if len(_bare(c)) >= 3 and _bare(c) != _leaf(c) and _bare(c) in said]
    if not found:
        return None
    longest = max(len(_leaf(c)) for c in found)
    found = [c for c in found if len(_leaf(c)) == longest]
    if len(found) > 1:
        main = (default_column(table) or "").split("/")[0]
        found.sort(key=lambda c: (-sum(_LEAF.sub("", p) in said for p in c.split("/")[:-1]),
                                  doc.document.kind not in c, c.split("/")[0] != main))
    return found[0]


def _leaf(column: str) -> str:
    return _LEAF.sub("", column.split("/")[-1])


def _bare(column: str) -> str:
    """A column's own name without the 合计/小计/总计 it ends in."""
    return re.sub(r"(?:合计|小计|总计)$", "", _leaf(column))
