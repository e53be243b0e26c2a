"""The operands of one calculation (A和B加起来, A比B多, A是B的几倍), as the question names them.

- Read from one table where one table prints them all: a rule that narrows one name's readings by the
  question's words (「公务用车运行维护费预算」: the “三公” table's figure) yields when the other operand is printed
  only in a table that also prints this one (其他交通费用 in the basic-expenditure economic table, in 元): both
  are then read there, in one unit (``together``).
- A scope said first (「基本支出决算中办公费和邮电费」「财政拨款基本支出中，人员经费是公用经费的几倍」) is no
  operand (``in_context``); nor a line said before its own lines (「法院“案件审判”和“案件执行”」: ``without_parents``).
- A difference or multiple naming no fund reads the department's 支出总表, a figure it prints only by its parts
  summed (``department_whole``).
- A sum of every column under one header whose printed 合计 is not their sum: both readings (``printed_total``).
- 「A、B和C这几项加在一起」: 这几项 points at the items, no count (``listed_sum``).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import ParsedDocument

from .corpus import CellRef
from .tables import Measure, candidates


def _in(options: list[CellRef], table) -> CellRef | None:
    here = [c for c in options if c.table is table]
    return next((c for c in here if not c.cell.blank), None) or (here[0] if here else None)


def shared(options: list[list[CellRef]]) -> list[CellRef] | None:
    """One reading of each operand from the first table (in the first operand's order) holding them all."""
    if not options or any(not o for o in options):
        return None
    for first in options[0]:
        chosen = [_in(o, first.table) for o in options]
        if all(chosen):
            return chosen
    return None


def together(doc: ParsedDocument, measures: list[Measure], options: list[list[CellRef]],
             hint: str | None) -> list[list[CellRef]]:
    """The operands' readings with one table's first where the question's narrowing left them in different
    tables and, read without it, one table prints them all; else the readings as they were."""
    if len(measures) < 2 or any(m.table or m.prefer for m in measures) or shared(options):
        return options
    wide = [candidates(doc, m, hint) for m in measures]
    refs = shared(wide)
    if refs is None:
        # 「基本养老保险缴费支出是职业年金缴费支出的几倍」: 职业年金缴费 is printed whole in the economic table, and
        # inside 机关事业单位职业年金缴费支出 in the functional table that prints the other operand too.
        wide = [o + candidates(doc, m, hint) for o, m in zip(wide, map(_containing(doc), measures))]
        refs = shared(wide)
    if refs is None:
        return options
    return [[r] + [c for c in o if c is not r] for r, o in zip(refs, wide)]


def _containing(doc: ParsedDocument):
    """A measure's reading as any line whose name holds its words (four or more characters)."""
    from .corpus import plain_label
    labels = {plain_label(r.label) for t in doc.tables for r in t.rows if r.label}

    def widen(m: Measure) -> Measure:
        if not m.rows or len(m.text) < 4:
            return replace(m, rows=frozenset())
        return replace(m, rows=frozenset(x for x in labels if m.text in x and x not in m.rows))
    return widen


_JOINED = re.compile(r"^[”」]?[和与及、][“「]?$")
_CONTEXT = re.compile(r"^[”」）)]?(?:的)?(?:支出|收入)?(?:预算|决算)?(?:数)?(?:总表|表)?(?:中|里|中的|里的|当中|之中)[，,]?[“「]?$")


def in_context(q: str, measures: list[Measure]) -> list[Measure]:
    """「基本支出决算中办公费和邮电费一共多少」: the first name, followed by 中/里, only says where the names
    joined after it are read (a preferred table); they are the operands, never it as a third."""
    if len(measures) < 3:
        return measures
    from . import wording as W
    ends = [q.find(m.text, m.position) + len(m.text) for m in measures]
    # 「财政拨款基本支出中，人员经费大约是公用经费的几倍」: two figures compared after the scope, whatever joins them
    paired = len(measures) == 3 and bool(W.MULTIPLE.search(q) or W.DIFF.search(q) or W.COMPARE.search(q))
    if not _CONTEXT.match(q[ends[0]:measures[1].position]) or \
            not (paired or all(_JOINED.match(q[e:b.position]) for e, b in zip(ends[1:], measures[2:]))):
        return measures
    context = measures[0]
    return [replace(m, table=m.table or context.table, prefer=tuple(dict.fromkeys(m.prefer + (context.text,))))
            for m in measures[1:]]


def spoken_sum(q: str, mentions: list) -> list:
    """「普法宣传加上公共法律服务一共多少钱」: 「一共多少钱」 after two named lines asks for their sum; it is no third
    name (the whole budget, 支出总计, it means when nothing else is named)."""
    from . import wording as W
    named = [m for m in mentions if not m.qualifier and (m.rows or m.column) and not W.SUM.search(m.text)]
    return [m for m in mentions if not (W.SUM.search(m.text) and re.search(r"多少|几", m.text) and
                                        sum(x.end <= m.start for x in named) >= 2)]


def _descends(child: CellRef, parent: CellRef) -> bool:
    """Is ``child``'s line under ``parent``'s: a longer subject code starting with the parent's, or (a table
    printed without codes) a line the table nests under it; or, on one line, a column under the parent's header
    (「“三公”经费/小计」 over 「“三公”经费/因公出国（境）费」: the 三公 table's parts printed as columns)."""
    if child.table is parent.table and child.row is parent.row:
        head = re.sub(r"/(?:小计|合计)$", "", parent.cell.column)
        return child.cell.column != parent.cell.column and child.cell.column.startswith(head + "/")
    a, b = (child.row.code or "").strip(), (parent.row.code or "").strip()
    if a.isdigit() and b.isdigit():
        return len(a) > len(b) and a.startswith(b)
    if child.table is not parent.table or a or b:
        return False
    from .nesting import children
    seen, todo = set(), [parent.row]
    while todo:
        for r in children(parent.table, todo.pop()):
            if r is child.row:
                return True
            if id(r) not in seen:
                seen.add(id(r))
                todo.append(r)
    return False


def without_parents(refs: list[CellRef]) -> tuple[list[CellRef], list[CellRef]]:
    """「法院“案件审判”和“案件执行”这两项加起来」: a line said with lines of its own (20405 法院 before 2040504 and
    2040505) only says where they are — the 款 whose word the department's name also holds; summed with them it
    would count them twice. Said first, before two or more of its own lines and nothing else, it is their
    scope: the operands without it, and it (else the operands as they are, nothing dropped)."""
    if len(refs) >= 3 and all(_descends(c, refs[0]) for c in refs[1:]):
        return refs[1:], refs[:1]
    return refs, []


# -- a calculation over the department's whole, naming no fund ---------------------------------------------

# The words that name a source of money (财政拨款, 一般公共预算, 政府性基金 …): said, a fund's table is meant.
_FUND_SAID = re.compile(r"财政|一般公共|基金|国有资本|拨款|专户")


def _whole_figure(doc: ParsedDocument, table, measure: Measure) -> list[CellRef]:
    """A column's figure for the whole table: its own total cell, else (基本支出 printed only as its parts
    人员支出 | 日常公用支出, under one header with no 小计) the total row's cells of the group's columns."""
    from .tables import _candidates
    own = [c for c in _candidates(doc, measure, table.kind, ()) if c.table is table]
    if own:
        return own[:1]
    group = [c.path for c in table.columns if c.path.split("/")[0] == measure.column and c.path.count("/") == 1
             and not re.search(r"小计|合计", c.path.split("/")[1])]
    if len(group) < 2:
        return []
    from .tables import _total
    row = _total(doc, table, group[0])
    cells = [row.cell(p) for p in group] if row is not None else []
    if not cells or any(c is None or c.value is None for c in cells):
        return []
    return [CellRef(doc.document, table, row, c) for c in cells]


def department_whole(question: str, q: str, doc: ParsedDocument, measures: list[Measure],
                     refs: list[CellRef]):
    """「基本支出比项目支出多多少」 naming no fund: the department's whole figures, those of its 支出总表, where the
    operands were read from a table of one source of money (一般公共预算支出表) only because the 支出总表 prints
    one of them as its parts (基本支出 = 人员支出 + 日常公用支出): the parts are summed, the formula shown, and
    the fund's figures said as its part. None: the question names a fund, or the whole table cannot give both."""
    from ingest import model

    from . import arith
    from . import wording as W
    from .answer import ANSWERED, Answer
    from .concepts import FUNDING_SUBSETS
    multiple = bool(W.MULTIPLE.search(q))
    if not (multiple or W.DIFF.search(q)) or len(measures) != 2 or len(refs) != 2 or _FUND_SAID.search(q):
        return None
    if any(m.rows is not None or not m.column or m.table or m.prefer or m.within for m in measures) or \
            not all(r.table.kind in FUNDING_SUBSETS for r in refs):
        return None
    whole = next((t for t in doc.tables if t.kind == model.EXPENDITURE and t.rows), None)
    figures = [_whole_figure(doc, whole, m) for m in measures] if whole is not None else []
    if not figures or not all(figures) or all(len(f) == 1 for f in figures):
        return None  # printed whole in the 支出总表 too: read there as usual
    values, steps = [], []
    for m, cells in zip(measures, figures):
        if len(cells) == 1:
            values.append(cells[0].value)
            continue
        r = arith.total([c.value for c in cells])
        values.append(r.value)
        steps.append(f"{m.text}：{r.formula}")
    unit = figures[0][0].unit or ""
    if any((c.unit or "") != unit for f in figures for c in f):
        return None
    named = [f"{m.text} {arith.with_unit(v, unit)}" + (f"（{' + '.join(c.cell.column.split('/')[-1] for c in f)}）"
                                                   if len(f) > 1 else "") for m, v, f in zip(measures, values, figures)]
    if multiple:
        r = arith.multiple(values[0], values[1])
        said = f"{measures[0].text}是{measures[1].text}的 {arith.fmt(r.value)} 倍"
        value, shown_unit = r.value, "倍"
    else:
        r = arith.difference(values[0], values[1])
        hi, lo = (measures[0], measures[1]) if values[0] >= values[1] else (measures[1], measures[0])
        said = f"{hi.text}比{lo.text}多 {arith.with_unit(r.value, unit)}"
        value, shown_unit = r.value, unit
    part = "、".join(f"{m.text} {arith.with_unit(c.value, c.unit or '')}" for m, c in zip(measures, refs))
    from .tableanswer import _SOURCE  # what a table of one source of money holds, said
    source = _SOURCE.get(refs[0].table.kind, "一种资金")
    text = (f"{said}（按{whole.title}，部门全部资金：{'；'.join(named)}）。{refs[0].table.title}只列{source}"
            f"安排的部分（{part}）；问题未指明资金来源，按部门全部资金计算")
    formula = "；".join(steps + [r.formula])
    cells = [c for f in figures for c in f]
    sources = "；".join(c.where() for c in cells)
    return Answer(question, ANSWERED, f"{text}。计算：{formula}（数据：{sources}）", value, shown_unit, formula,
                  [c.citation() for c in cells] + [c.citation() for c in refs])


# -- a sum whose table prints the total of exactly its parts ---------------------------------------------

_TOTAL_COLUMN = re.compile(r"^(?:合计|总计|小计)$")


def _child_columns(table, prefix: str) -> dict[str, str] | None:
    """The columns right under a header ``prefix`` (2021年: “三公”经费's 小计, 会议费, 培训费), by child name; None
    where a child is a group printed without its own total column (its figure is no one cell)."""
    paths = [c.path for c in table.columns if c.path.startswith(prefix + "/")]
    out: dict[str, str] = {}
    for name in dict.fromkeys(p[len(prefix) + 1:].split("/")[0] for p in paths):
        if _TOTAL_COLUMN.match(name):
            continue
        whole = f"{prefix}/{name}"
        own = [p for p in paths if p == whole or re.fullmatch(re.escape(whole) + r"/(?:小计|合计)", p)]
        if not own:
            return None
        out[name] = own[0]
    return out


def printed_total(question: str, refs: list[CellRef]):
    """「“三公”经费加上会议费、培训费，一共是多少元」: the parts summed are every column under one header whose
    合计 the table prints beside them. Where that 合计 is not their sum (a table's slip: 1,171,100 printed, the
    parts adding to 1,481,100), both readings are named, neither picked; None where it agrees or none is printed."""
    from . import arith
    from .answer import AMBIGUOUS, Answer
    if len(refs) < 2 or len({id(c.row) for c in refs}) != 1 or len({id(c.table) for c in refs}) != 1:
        return None
    table, row = refs[0].table, refs[0].row
    cols = [c.cell.column for c in refs]
    prefixes = {c.rsplit("/", 2)[0] if c.endswith(("/小计", "/合计")) else c.rsplit("/", 1)[0] for c in cols
                if "/" in c}
    if len(prefixes) != 1:
        return None
    prefix = prefixes.pop()
    children = _child_columns(table, prefix)
    if not children or sorted(children.values()) != sorted(cols):
        return None
    total = next((row.cell(f"{prefix}/{w}") for w in ("合计", "总计", "小计") if row.cell(f"{prefix}/{w}") is not None), None)
    if total is None or total.value is None:
        return None
    r = arith.total([c.value for c in refs])
    if r.value == total.value:
        return None
    ref = CellRef(refs[0].doc, table, row, total)
    unit = ref.unit or ""
    readings = [f"按表中印出的合计：{arith.with_unit(total.value, unit)}（{ref.where()}）",
                f"按各项相加：{' + '.join(f'{c.name()} {arith.fmt(c.value)}' for c in refs)} = "
                f"{arith.with_unit(r.value, unit)}（{'；'.join(c.where() for c in refs)}）"]
    text = (f"表中印出的合计与各项之和不一致（相差 {arith.with_unit(abs(r.value - total.value), unit)}）：" +
            "；".join(readings) + "。两种读法都列出，未作取舍，请以原文核对。")
    return Answer(question, AMBIGUOUS, text, None, None, r.formula, [ref.citation()] + [c.citation() for c in refs],
                  readings=readings)


# -- 「A、B和C这几项加在一起」: a demonstrative, no count ----------------------------------------------------

# 这几项 (这几个, 这几类 …) right after the named items points back at them; 几项 read alone asks a count, and the
# counting families answered how many lines a table has. Said before a sum's words, it is taken out.
_POINTING = re.compile(r"(?<=[\u4e00-\u9fff”」）)])这几(?:项|个|类|块|种|笔)(?:的)?")
_LISTED = re.compile(r"[、和及与跟]")


def listed_sum(q: str) -> str:
    """The question without a 这几项 that points back at the items listed before it, where a sum's words
    (加在一起, 一共 …) follow and no other count is asked; else the question as it is."""
    from . import wording as W
    m = _POINTING.search(q)
    if m is None or not _LISTED.search(q[:m.start()]) or not W.SUM.search(q[m.end():]):
        return q
    rest = q[:m.start()] + q[m.end():]
    return q if W.COUNT.search(rest) else rest
