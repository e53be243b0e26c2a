"""Two columns of one named line: 「行政运行（2010601）这一项，基本支出比项目支出多多少」「“司法”（20406）这一款，
项目支出比基本支出多多少」「培训支出（2050803）里，项目支出是基本支出的几倍」「行政运行的人员经费比公用经费多多少」.

The line said governs both columns: both operands are read on that line's row, of one table — the table the
question names (「…的一般公共预算支出里」: the table of that source of money), else the first that prints the
row with both columns (支出总表 / 支出预算总表 / 一般公共预算支出表, in the tables' usual order). Read without it,
the column said after the comparison was the table's 合计 row (行政运行's 基本支出 − the department's 项目支出).
A column the row leaves blank is 0, cited as printed (blank).

A line printed in several rows of that table (北京 预算05表: 2050803 培训支出 once per unit) is summed only where
the question says so (「两组加起来」); otherwise each row's result is a reading of its own (ambiguous), never one
picked. Rows of one name under different codes (行政运行 of two 款, no code said) are readings too.

Also a line's own column asked alone: 「“静态交通管理”项目里，用了多少上年结余结转」 — the 项目支出表 row's
上年结余、结转 column, not the row's 总计 (``lookup``).

A question naming no line (「基本支出比项目支出多多少」) is left as it was: the table's whole.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer
from .corpus import CellRef, plain_label
from .tables import Measure, _column_for, candidates, ordered_tables

# Words comparing two operands: said between the line and the first column, the line is an operand itself.
_OPERATOR = re.compile(r"比|是|和|与|及|跟|、|占|减|除以|加上|还是|相差|差")
# What may stand between the line said and the columns it governs: 这一项/这一款, the stage, 两组加起来, 里/中.
_LINE_GAP = re.compile(r"^(?:这一?[项款类行个]|这个(?:科目|项目)|科目|项目|功能科目)?(?:的)?(?:预算|决算)?(?:数)?"
                       r"(?:[两二三四几各]?[组行处个块])?(?:都)?(?:加起来|合起来|加在一起|合在一起|一起算|合计|相加)?"
                       r"(?:里面|当中|之中|中|里|下|这块)?(?:的)?[，,]?$")
# A code or quotes said with the line (「“事业运行”（2011350）」) are part of its name, not of the gap.
_MARKS = re.compile(r"[“”「」『』\"]|[（(]\s*\d{3,7}\s*(?:类|款|项)?[）)]")
# Said before the second column, the whole is meant (「全部项目支出」「部门的项目支出」): not the line's.
_WHOLE_SAID = re.compile(r"(?:全部|总的?|整体|整个|部门|单位|全年|所有|合计)(?:的)?$")
# The question sums the rows a line is printed in: 「两组加起来」「两行合计」「一共」.
_ROWS_SUMMED = re.compile(r"加起来|合起来|加在一起|合在一起|一共|总共|合计|相加|[两二三四几各]\s*[组行处]")
# A source of money said as where the line is read: 「…的一般公共预算支出里」.
_SOURCE = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款")
_IN = re.compile(r"(?:里面|当中|之中|中|里)[，,]?$")


def _end(q: str, m: Measure) -> int:
    at = q.find(m.text, m.position)
    return (at if at >= 0 else m.position) + len(m.text)


def _row_text(q: str, m: Measure) -> str:
    """The words naming the line of a measure read as 「line + column」 (its text joins the two names said)."""
    text = m.text
    for k in range(len(text) - 1, 0, -1):
        if q.startswith(text[:k], m.position) and q.find(text[k:], m.position + k) >= 0:
            return text[:k]
    return text


def _change(q: str, measures: list[Measure]) -> bool:
    """Is a change over last year asked (上年 said outside the names: 上年结余结转 is a column of this year's)?"""
    for m in measures:
        q = q.replace(m.text, "|")
    return bool(W.CHANGE.search(q))


def _plain_gap(q: str, start: int, end: int) -> str:
    return _MARKS.sub("", q[start:end])


def _shape(q: str, measures: list[Measure]):
    """(the line's measure, its name said, the two columns in the order said, a source of money said) when the
    question names one line and two of its columns; else None."""
    if len(measures) == 2:
        a, b = measures
        if not (a.rows and a.column and not a.dual) or not b.column or (b.rows is not None and not b.dual) or b.within:
            return None
        if b.table and b.table != a.table:
            return None
        gap = q[_end(q, a):b.position]
        if not _OPERATOR.search(gap) or _WHOLE_SAID.search(q[:b.position]):
            return None
        name = _row_text(q, a)
        if name == a.text:
            return None
        col_a = a.text[len(name):]
        return a, name, [(a.column, col_a), (b.column, b.text)], None
    if len(measures) == 3:
        r, x, y = measures
        if not r.rows or any((m.rows is not None and not m.dual) or not m.column or m.within for m in (x, y)):
            return None
        if any(m.table and m.table != r.table for m in (x, y)):
            return None
        if _OPERATOR.search(_plain_gap(q, _end(q, x), y.position)) is None or _WHOLE_SAID.search(q[:y.position]):
            return None
        gap = _plain_gap(q, _end(q, r), x.position)
        if r.column is None and not r.dual and _LINE_GAP.match(gap):
            return r, r.text, [(x.column, x.text), (y.column, y.text)], None
        name = _row_text(q, r) if r.column else r.text
        said = r.text[len(name):]
        source = _SOURCE.search(said) if r.column and name != r.text else None
        if source is not None and _IN.search(gap) and not _OPERATOR.search(gap):
            # 「突发公共卫生事件应急处理（2100410）的一般公共预算支出里」: the source says the table, the line the row
            return replace(r, column=None, alt=None), name, [(x.column, x.text), (y.column, y.text)], source.group(0)
    return None


def _parts(doc, table, row, leaf: str) -> list[CellRef] | None:
    """A column's figure on one row: its cell (blank: 0), else — a column printed only as its parts under one
    header with no 小计 (支出总表: 基本支出 = 人员支出 | 日常公用支出) — the parts' cells."""
    path = _column_for(table, row, leaf)
    if path is None:
        group = [c.path for c in table.columns if c.path.split("/")[0] == leaf and c.path.count("/") == 1
                 and not re.search(r"小计|合计", c.path.split("/")[1])]
        cells = [row.cell(p) for p in group] if len(group) >= 2 else []
    else:
        cells = [row.cell(path)]
    if not cells or any(x is None or (x.value is None and not x.blank) for x in cells):
        return None
    return [CellRef(doc.document, table, row, x) for x in cells]


def _rows(doc, line: Measure, columns: list[str], hint, q: str, source: str | None):
    """The tables printing the line with both columns, in the tables' reading order: [(table, [(row, [parts of
    each column])])]."""
    found: dict[int, tuple] = {}
    for col in columns:
        for c in candidates(doc, replace(line, column=col, dual=False, alt=None), hint, q):
            if c.table.kind == model.NARRATIVE or plain_label(c.row.label) not in line.rows:
                continue
            if source and source not in c.table.title.replace(" ", ""):
                continue
            figures_ = [_parts(doc, c.table, c.row, x) for x in columns]
            if any(f is None for f in figures_) or \
                    len({x.cell.column for f in figures_ for x in f}) < sum(len(f) for f in figures_):
                continue
            table, rows = found.setdefault(id(c.table), (c.table, []))
            if all(r is not c.row for r, _ in rows):
                rows.append((c.row, figures_))
    order = {id(t): i for i, t in enumerate(ordered_tables(doc, hint, line.prefer))}
    return sorted(found.values(), key=lambda v: order.get(id(v[0]), len(order)))


def answer(eng, question: str, q: str, doc, measures: list[Measure], hint) -> Answer | None:
    """A difference or multiple of two columns of the one line named, both read on its row; not found where
    tables print the line but none with both columns (the table's whole is no figure of the line); None where
    the question is not so shaped or the line is printed nowhere."""
    multiple = bool(W.MULTIPLE.search(q))
    if not (multiple or W.DIFF.search(q)) or W.SHARE.search(q) or _change(q, measures):
        return None
    shape = _shape(q, measures)
    if shape is None:
        return None
    line, name, cols, source = shape
    tables = _rows(doc, line, [c for c, _ in cols], line.table or hint, q, source)
    if not tables:
        printed = [c for c in candidates(doc, replace(line, column=None, dual=False, alt=None), line.table or hint, q)
                   if c.table.kind != model.NARRATIVE and plain_label(c.row.label) in line.rows]
        if not printed:
            return None
        return eng.not_found(question, f"表格没有在“{printed[0].name()}”这一行列出{'和'.join(w for _, w in cols)}")
    table, rows = tables[0]
    said = [w for _, w in cols]
    if len({r.unit or "" for _, fs in rows for f in fs for r in f}) != 1:
        return None
    codes = {(r.code or "", plain_label(r.label)) for r, _ in rows}
    if len(rows) == 1 or (len(codes) == 1 and _ROWS_SUMMED.search(q)):
        return _computed(question, multiple, said, rows)
    return _readings(question, multiple, said, rows, split=len(codes) == 1)


def _result(multiple: bool, va, vb):
    return arith.multiple(va, vb) if multiple else arith.difference(va, vb)


def _operand(word: str, parts: list[CellRef]) -> tuple:
    """(the value, the step adding its parts or None) of one column's figure."""
    if len(parts) == 1:
        return parts[0].value, None
    r = arith.total([c.value for c in parts])
    return r.value, f"{word}：{r.formula}"


def _computed(question: str, multiple: bool, said: list[str], rows) -> Answer:
    """The result on the line's row; a line printed in several rows, summed because the question says so, with
    each column added over the rows."""
    ops = [_operand(w, [c for _, fs in rows for c in fs[i]]) for i, w in enumerate(said)]
    (va, step_a), (vb, step_b) = ops
    refs = [c for _, fs in rows for f in fs for c in f]
    unit = refs[0].unit or ""
    r = _result(multiple, va, vb)
    line = refs[0].name() + (f"（表中分 {len(rows)} 行列示，按问题所说相加）" if len(rows) > 1 else "")
    steps = [x for x in (step_a, step_b) if x]
    if multiple:
        text = f"{line}的{said[0]}是{said[1]}的 {arith.fmt(r.value)} 倍"
        value, shown = r.value, "倍"
    else:
        hi, lo = (said[0], said[1]) if va >= vb else (said[1], said[0])
        text = f"{line}的{hi}比{lo}多 {arith.with_unit(r.value, unit)}"
        value, shown = r.value, unit
    if unit == "元" and figures.ASKS_WAN.search(question) and not multiple:
        c = arith.convert(r.value, "元", "万元")
        steps.append(r.formula)
        r, value, shown = arith.Result(c.value, c.formula), c.value, "万元"
        text += f"，即 {arith.fmt(c.value)} 万元"
    formula = "；".join(steps + [r.formula])
    sources = "；".join(c.where() for c in refs)
    return Answer(question, ANSWERED, f"{text}。计算：{formula}（数据：{sources}）", value, shown, formula,
                  [c.citation() for c in refs])


def _readings(question: str, multiple: bool, said: list[str], rows, split: bool) -> Answer:
    """Several rows of the line: each row's result a reading, none picked."""
    lines, cites = [], []
    for row, fs in rows:
        (va, _), (vb, _) = [_operand(w, f) for w, f in zip(said, fs)]
        r = _result(multiple, va, vb)
        first = fs[0][0]
        shown = f"{arith.fmt(r.value)} 倍" if multiple else arith.with_unit(r.value, first.unit or "")
        page = f"，第{row.page}页" if row.page else ""
        lines.append(f"{first.name()}（{first.table.title}第{row.ordinal + 1}行{page}）："
                     f"{said[0]} {arith.fmt(va)}、{said[1]} {arith.fmt(vb)}，{r.formula}，即 {shown}")
        cites += [c.citation() for f in fs for c in f]
    first = rows[0][1][0][0]
    why = (f"{first.name()}在{first.table.title}中分 {len(rows)} 行列示" if split else
           f"表中有 {len(rows)} 行名为“{plain_label(rows[0][0].label)}”")
    return Answer(question, AMBIGUOUS, f"{why}，问题未说明指哪一行或是否相加：" + "；".join(lines) +
                  "。请说明指哪一行，或说“加起来”。", None, None, None, cites, readings=lines)


# -- a line's own column asked alone ---------------------------------------------------------------------

_LOOKUP_GAP = re.compile(r"^(?:这个|这一?)?(?:项目|科目|这一?项)?(?:的)?(?:里面|当中|之中|中|里)[，,]?(?:[^，,比是和与及、占]{0,6})$")


def lookup(question: str, q: str, doc, measures: list[Measure], hint) -> Answer | None:
    """「“静态交通管理”项目里，用了多少上年结余结转」: a line said first, then a name its table prints as a column
    (上年结余、结转, read as a row of the 收支总表 too): that column of the line's row."""
    if len(measures) != 2 or W.MULTIPLE.search(q) or W.DIFF.search(q) or W.SUM.search(q) or W.SHARE.search(q) \
            or W.COMPARE.search(q) or _change(q, measures):
        return None
    line, part = measures
    if not line.rows or line.column or line.dual or not (part.rows or part.column) or part.within:
        return None
    if not _LOOKUP_GAP.match(_plain_gap(q, _end(q, line), part.position)):
        return None
    names = sorted({*(part.rows or ()), *([part.column] if part.column else [])})
    found = []
    for c in candidates(doc, replace(line, alt=None), line.table or hint, q):
        if c.table.kind == model.NARRATIVE or plain_label(c.row.label) not in line.rows:
            continue
        if any(plain_label(r.label) in names for r in c.table.rows):
            continue  # the part is a line of the same table: 「A里B」 asks B among A's lines, read as usual
        for name in names:
            path = _column_for(c.table, c.row, name)
            cell = c.row.cell(path) if path else None
            if cell is not None and (cell.value is not None or cell.blank) and \
                    all(f.cell is not cell for f in found):
                found.append(CellRef(doc.document, c.table, c.row, cell))
    if not found:
        return None
    from .tableanswer import lookup as read
    return read(question, q, replace(part, rows=line.rows, column=found[0].cell.column), found, doc)
