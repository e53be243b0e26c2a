"""From what a question names to the cells that hold it: measures, candidates, readings (sets of rows for
rankings, counts and lists: assistant/rowsets.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest import model
from ingest.model import ParsedDocument, Row, Table

from .concepts import FUNDING_SUBSETS, column_concept, period_row, side_of, stage_of, under_carryover
from .corpus import TABLE_PRIORITY, CellRef, default_column, plain_label, same_amount, total_row, value_columns
from .nesting import children
from .vocab import Mention


@dataclass(frozen=True)
class Measure:
    """One figure a question asks about: a row (None: the table's total) and a column (None: the default)."""
    rows: frozenset[str] | None
    column: str | None
    text: str
    position: int
    dual: bool = False  # the name is both a row and a column ("上年结转"): try both readings
    within: frozenset[str] | None = None  # "年初财政拨款结转和结余中的…": a child of these rows
    table: str | None = None  # "支出总表的项目支出": only in this table
    alt: "Measure | None" = None  # the reading to try when this one finds nothing
    prefer: tuple[str, ...] = ()  # context words ("基本支出里的…"): tables whose title holds them come first


_JOIN = re.compile(r"^(?:19|20)\d{2}年度?的?$|^[”」]*(?:[（(]\d{3,7}[）)])?[）)”」]*(这一?项|这一?类|这[两三四几]项|这?[两三四几]行|这些|各自|分别|这个项目|项目)?(的|中|里|中的|里的|下|下的|项下|之中|当中|有多少是|里有|中有|安排的)?[，,]?$")
_SUM = re.compile(r"加起来|一共|总共|合计|之和|共计|总和|加在一起|加上|加一起|加到一起|加一块|加总|合起来")  # wording.SUM
# 「会议费（30215）和培训费」: the code said after a line's name, before the separator, is still that line's.
# 「A、B、C三个X」「A和B两个的X」: X of each listed line, as many as the number says.
_EACH = re.compile(r"^(?:这|这些|各)?([两二三四五六七八九十])(?:个|项|类|款)(?:的|里的|下的|中的|里|下|中)?$")
_LIST_SEP = re.compile(r"^(?:[（(]\d{3,7}[）)])?(?:[、，,和与及跟]|以及|还有)$")
# 「《…预算表》中“会议费”（30215）」: the marks around a title or a name are no words between two names. After a
# table's name only its title marks are (「按经济分类的“302…”」 does not say that 302 is read in that table).
_MARKS = re.compile(r"[《》“”「」『』\"]")
_TITLE_MARKS = re.compile(r"[《》]")


def measures_from(q: str, mentions: list[Mention]) -> list[Measure]:
    """The measures a question names; context words that only narrow them ("基本支出里的公用经费": 基本支出)
    ride on every measure as ``prefer``.

    "A和B这两项的C" applies C to both rows; "X表的Y" looks for Y in X only; "A中B" (both rows) looks
    for B among A's children.
    """
    from .stageword import drop  # 「预算里说的固定资产金额」: 预算 is the stage, not a column (assistant/stageword.py)
    out, mentions = [], drop(q, mentions)
    context = [m.text for m in mentions if m.qualifier]
    ms = [m for m in mentions if not m.qualifier]
    group: list[Mention] = []  # consecutive rows named as a list
    table: str | None = None
    i = 0
    while i < len(ms):
        m = ms[i]
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        marks = _TITLE_MARKS if m.table and not m.rows and not m.column else _MARKS
        gap = marks.sub("", q[m.end:nxt.start]) if nxt else ""
        joined = nxt is not None and _JOIN.match(gap) is not None
        # 「水费电费加一起」: two lines said back to back before a sum's words are a list, not B inside A.
        listed = nxt is not None and gap == "" and bool(m.rows) and bool(nxt.rows) and not m.column \
            and not nxt.column and _SUM.search(q[nxt.end:]) is not None
        joined = joined and not listed
        if m.table and not m.rows and not m.column:
            if joined and nxt is not None and not nxt.table:
                table = m.table  # "支出总表的项目支出"
            elif not joined or nxt is None:
                out.append(Measure(None, None, m.text, m.start, table=m.table))  # the table's own total
            i += 1
            continue
        if m.rows and not (joined and nxt is not None and (nxt.column or nxt.rows)):
            group.append(m)
            if nxt is not None and (_LIST_SEP.match(gap) or listed) and nxt.rows:
                i += 1
                continue
        each = _EACH.match(marks.sub("", q[m.end:nxt.start])) if nxt is not None and m.rows and nxt.rows else None
        from .wording import small_count
        if each and small_count(each.group(1)) == len(group) + (m not in group) and not m.column and not nxt.column \
                and not _SUM.search(nxt.text) and not re.search(r"合计|总计|小计|总额", nxt.text) \
                and nxt.text in nxt.rows:  # 「两项合计」: their sum; 「三项社保缴费」: a word for the lines listed
            # 「组织事务、宣传事务、统战事务三个“一般行政管理事务”」: the line of that name under each one listed
            for r in group + [m] if m not in group else group:
                out.append(Measure(frozenset(nxt.rows), None, r.text + nxt.text, r.start, within=frozenset(r.rows),
                                   table=table))
            group, table = [], None
            i += 2
            continue
        after = ms[i + 2] if i + 2 < len(ms) else None
        if m.rows and m.column and joined and nxt is not None and nxt.column and not nxt.rows and not group \
                and after is not None and after.column and not after.rows and re.search(r"[中里]", gap):
            # 「本年支出里，基本支出比项目支出多多少」: a whole printed both as a total line and as a column
            # (本年支出合计) said before 里 only says where its parts, the columns named after it, are read.
            context.append(m.text)
            i += 1
            continue
        if m.rows and joined and nxt is not None and nxt.column:
            rows = group + [m] if m not in group else group
            for r in rows:
                within = Measure(frozenset(nxt.rows), None, nxt.text, nxt.start, within=frozenset(r.rows),
                                 table=table) if nxt.rows else None
                out.append(Measure(frozenset(r.rows), nxt.column, r.text + nxt.text, r.start, table=table, alt=within))
            group, table = [], None
            i += 2
            continue
        if m.rows and joined and nxt is not None and nxt.rows:  # "年初财政拨款结转和结余中，一般公共预算拨款"
            # 「302商品和服务支出下会议费（30215）和培训费（30216）两行的公用经费」: every line listed is A's child
            kids = [nxt]
            while i + len(kids) + 1 < len(ms) and ms[i + len(kids) + 1].rows and not ms[i + len(kids) + 1].column \
                    and _LIST_SEP.match(_MARKS.sub("", q[kids[-1].end:ms[i + len(kids) + 1].start])):
                kids.append(ms[i + len(kids) + 1])
            after = ms[i + len(kids) + 1] if i + len(kids) + 1 < len(ms) else None  # "城乡社区管理事务行政运行（2120101）的基本支出"
            col = after.column if after is not None and after.column and not after.rows and not after.table \
                and _JOIN.match(_MARKS.sub("", q[kids[-1].end:after.start])) else None
            for kid in kids:
                out.append(Measure(frozenset(kid.rows), col, kid.text + (after.text if col else ""), kid.start,
                                   within=frozenset(m.rows), table=table))
            group, table = [], None
            i += 1 + len(kids) + (1 if col else 0)
            continue
        if m.column and not m.rows and joined and nxt is not None and (nxt.column or nxt.rows):
            context.append(m.text)  # "基本支出里的公用经费": 基本支出 only says where to look
            i += 1
            continue
        if group:
            for r in group:
                out.append(Measure(frozenset(r.rows), r.column, r.text, r.start, dual=bool(r.column), table=table))
            group = []
        elif m.column:
            out.append(Measure(None, m.column, m.text, m.start, table=table))
        table = None if not joined else table
        i += 1
    for r in group:
        out.append(Measure(frozenset(r.rows), r.column, r.text, r.start, dual=bool(r.column), table=table))
    out = _in_scope(q, ms, out)
    return sorted((replace(m, prefer=tuple(context)) for m in out), key=lambda m: m.position)


# 「表5（一般公共预算支出表）里，」: a table said before 里/中 and a clause break scopes the clause after it.
_SCOPE_GAP = re.compile(r"^[）)]?(?:的)?(?:里面|当中|之中|中|里)[，,]")


def _in_scope(q: str, ms: list[Mention], out: list[Measure]) -> list[Measure]:
    """「…表里，A比B多多少」: the table scopes every figure of the clause after it, not the first alone (each
    measure keeps its fallback: a line the table does not print is looked for where it is)."""
    for m in ms:
        if m.table and not m.rows and not m.column and _SCOPE_GAP.match(q[m.end:]):
            later = [x for x in ms if x.start > m.end and x.table and not x.rows and not x.column]
            stop = later[0].start if later else len(q)
            out = [replace(x, table=m.table) if x.table is None and m.end < x.position < stop else x for x in out]
    return out


def ordered_tables(doc: ParsedDocument, hint: str | None, prefer: tuple[str, ...] = ()) -> list[Table]:
    rank = {k: i for i, k in enumerate(TABLE_PRIORITY)}
    tables = [t for t in doc.tables if t.kind in rank]
    if hint:
        tables = [t for t in tables if t.kind == hint] or tables

    def key(t: Table):
        preferred = any(p in t.title for p in prefer)
        # An 一般公共预算支出 table by economic class (basic and project spending) is the whole of which the
        # 基本支出 table by economic class is a part: read before it.
        whole_econ = t.kind == model.GPB_EXPENDITURE and economic(t)
        return (not preferred, rank[model.GPB_BASIC] - 0.5 if whole_econ else rank[t.kind])
    return sorted(tables, key=key)


def economic(table: Table) -> bool:
    """Are the table's coded rows economic classes (301 工资福利支出 …)?"""
    kinds = [r.code_kind for r in table.rows if r.code and r.code.isdigit()]
    return bool(kinds) and sum(k == model.ECONOMIC for k in kinds) > len(kinds) / 2


def _names(table: Table, path: str, leaf: str) -> bool:
    """Does column ``path`` hold ``leaf``? "一般公共预算基本支出/合计" holds 基本支出: a group's total column;
    "基本支出/人员支出" holds 人员经费: its canonical meaning."""
    parts = path.split("/")
    meaning = next((c.meaning for c in table.columns if c.path == path), None) or ""
    if (meaning.startswith("上年/") or meaning in ("增减", "增减率")) and not re.search(r"上年|增减|变化", leaf):
        return False  # "2020年/…/公务接待费", "增减变化情况/…/公务接待费": last year's figure, the change
    return path == leaf or parts[-1] == leaf or (len(parts) > 1 and parts[-1] == "合计" and parts[0].endswith(leaf)) or \
        (len(parts) == 2 and parts[-1] == "小计" and parts[0].endswith(leaf)) or \
        column_concept(table, path) == leaf


def _column_for(table: Table, row: Row, leaf: str | None) -> str | None:
    if leaf is None:
        col = default_column(table, row.side)
        if col is not None and row.cell(col) is None:
            # A list printed twice side by side under one header (科目 | 决算数 | 科目 | 决算数#2): the row's
            # figure is in its own half's copy of the column.
            twins = [c.column for c in row.cells if _unnumbered(c.column) == _unnumbered(col)]
            if len(twins) == 1:
                return twins[0]
        return col
    cols = [c for c in value_columns(table) if _names(table, c, leaf)]
    if row.side:
        cols = [c for c in cols if c.startswith(row.side + "/")] or ([] if len(cols) > 1 else cols)
    if cols and row.cell(cols[0]) is None:
        # 「培训费（30216）决算数」 in a list printed twice side by side: the named column's copy in the row's half
        twins = [c.column for c in row.cells if _unnumbered(c.column) in {_unnumbered(x) for x in cols}]
        if len(twins) == 1:
            return twins[0]
    return cols[0] if cols else None


def _unnumbered(path: str) -> str:
    return re.sub(r"#\d+$", "", path)


_STAGE_WORDS = ("预算", "预算数", "金额")


def candidates(doc: ParsedDocument, measure: Measure, hint: str | None, q: str = "") -> list[CellRef]:
    out = _candidates(doc, measure, measure.table or hint, measure.prefer)
    if not out and measure.alt is not None:
        out = _candidates(doc, measure.alt, measure.alt.table or hint, measure.prefer)
    if not out and measure.rows and measure.column in _STAGE_WORDS:
        # "“三公”经费预算": 预算 only says the stage of a budget; the line's own figure, not a 预算 column.
        out = _candidates(doc, replace(measure, column=None), measure.table or hint, measure.prefer)
    if not out and measure.rows and measure.column and all(measure.column in r for r in measure.rows):
        # "机关运行经费财政拨款预算": the column's word is part of the line's own name.
        out = _candidates(doc, replace(measure, column=None), measure.table or hint, measure.prefer)
    if measure.within and measure.rows and measure.column is None and \
            all(c.table.kind == model.NARRATIVE for c in out):
        # "政府性基金预算中通用航空发展": the source of money names the table to read the line in, not a parent
        # (a narrative sentence after one naming the source, nested by order only, is no such table's line:
        # 「一般公共预算的社会保障和就业支出」 is the 类 row of the 一般公共预算支出表).
        sources = tuple(re.sub(r"(?:拨款|收入|资金)+$", "", w) for w in measure.within)
        tabled = _candidates(doc, replace(measure, within=None), measure.table or hint, measure.prefer + sources)
        tabled = [c for c in tabled if any(s and s in c.table.title for s in sources)]
        out = tabled if tabled and (not out or _money_source(sources)) else out
    if not out and measure.within and measure.rows and measure.column is None:
        # "信息化建设的维修（护）费": a table crossing functional and economic lines prints the parent in a cell
        # of the row ("2010607-信息化建设 | 30213 维修（护）费").
        out = [c for c in _candidates(doc, replace(measure, within=None), measure.table or hint, measure.prefer)
               if any(x.value is None and re.sub(r"^\d+\s*[-－]\s*|[（(][^）)]*[）)]$", "", x.raw.strip())
                      in measure.within for x in c.row.cells)]  # a unit's name, its other name bracketed
    if not out and measure.table and measure.rows is not None and \
            any(t.rows for t in doc.tables if t.kind == measure.table):
        # "基本支出决算表中的公用经费合计": the table named by a shorter name holds no such line; where it is.
        out = _candidates(doc, replace(measure, table=None), None, measure.prefer)
    if not out and measure.within and measure.column is None:
        out = _within_fallback(doc, measure, measure.table or hint)
    if not out and measure.within and measure.rows and measure.column is None and \
            any(re.fullmatch(r"(?:财政|预算)拨款(?:收入)?", w) for w in measure.within):
        # "财政拨款安排的行政经费": 财政拨款 pays for every line its tables print; the line itself.
        out = _candidates(doc, replace(measure, within=None), measure.table or hint, measure.prefer)
    if not out and measure.rows and measure.column:
        # "一般公共预算拨款“三公”经费": the line's words qualify the column ("一般公共预算拨款安排的“三公”经费").
        out = [c for c in _candidates(doc, replace(measure, rows=None, dual=False), measure.table or hint,
                                      measure.prefer) if any(r in c.cell.column for r in measure.rows)]
    if not out and measure.alt is not None and measure.alt.within and measure.alt.rows and measure.alt.column is None:
        # 「基本支出中的培训费」 read first as a line 基本支出 crossing a column 培训费, then as 培训费 under a line
        # 基本支出, found neither way: 基本支出 names the table the line is read in (一般公共预算基本支出表).
        alt = measure.alt
        out = [c for c in _candidates(doc, replace(alt, within=None), alt.table or hint, alt.prefer)
               if any(w in c.table.title.replace(" ", "") for w in alt.within)]
    from . import paidfrom  # 「财政拨款“三公”经费」: the “三公” are paid from 财政拨款 by definition
    out = out or paidfrom.read(doc, measure, hint, _candidates)
    # A figure only the narrative states counts when no table has the thing asked for.
    tabled = [c for c in out if c.table.kind != model.NARRATIVE]
    return narrow(tabled or out, measure, q)


def _money_source(words) -> bool:
    """Are these words a source of money (一般公共预算, 政府性基金预算, 财政拨款 …), not a line's name?"""
    return bool(words) and all(re.search(r"一般公共预算|政府性基金|国有资本经营|财政拨款|财政专户", w) for w in words)


def _within_fallback(doc: ParsedDocument, measure: Measure, hint: str | None) -> list[CellRef]:
    """"A的B" where B is no child line of A: B a column of line A ("机关服务（2014003）的其他收入"), A's own
    total ("…促进中心的收入合计"), or A a source of money paying for line B ("一般公共预算拨款的其他涉外发展
    服务支出": B in the tables of that source). Table lines only, never a narrative sentence."""
    def tabled(m: Measure) -> list[CellRef]:
        return [c for c in _candidates(doc, m, hint, measure.prefer) if c.table.kind != model.NARRATIVE]
    out = tabled(Measure(measure.within, measure.text, measure.text, measure.position))
    if not out and re.search(r"(合计|总计)$", measure.text):
        out = tabled(Measure(measure.within, None, measure.text, measure.position))
    stems = {re.sub(r"(拨款)?(收入|资金)$", "", w) for w in measure.within
             if re.search(r"拨款|财政专户|一般公共预算|政府性基金|国有资本经营", w)}
    if not out and stems:
        out = [c for c in tabled(replace(measure, within=None))
               if any(len(s) >= 4 and s in c.table.title.replace(" ", "") for s in stems)]
    return out


def _keep(cands: list[CellRef], test) -> list[CellRef]:
    kept = [c for c in cands if test(c)]
    return kept or cands


def measure_side(measure: Measure, q: str) -> str | None:
    """收入 or 支出 when the question's words say which ("一般公共预算拨款" is money received; "…支出" spent)."""
    text = measure.text
    if "收入" in text or (text.endswith(("拨款", "资金")) and "支出" not in text):
        return "收入"
    if "支出" in text or re.search(r"经费|费$|费用", text):
        return "支出"
    after = q[q.find(text) + len(text):] if text in q else ""
    if after.startswith("支出") or ("支出" in q and "收入" not in q):
        return "支出"
    if after.startswith("收入") or ("收入" in q and "支出" not in q):
        return "收入"
    return None


def narrow(cands: list[CellRef], measure: Measure, q: str) -> list[CellRef]:
    """Readings the question rules out, taken away where others remain: the other side (收入 for a 支出
    question), the other stage (a 决算 document's 预算数 columns, unless 预算 is asked), and last year's
    money carried over (lines under a 结转 heading), unless the question is about it."""
    if len(cands) < 2:
        return cands
    codes = set(re.findall(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?!\d)", q))
    if codes:  # a subject code said in the question keeps the rows printed with it (行政运行 under many 款)
        cands = _keep(cands, lambda c: c.row.code in codes)
    if not re.search(r"基本支出|经济分类|经济科目|公用经费|商品和服务", q) and re.search(r"预算|决算|实际|花", q) \
            and any(c.table.kind == model.THREE_PUBLIC for c in cands):
        # "会议费预算", "培训费决算", "接待实际花了": the table of those figures gives the department's whole
        # figure; the economic line of a 基本支出 table (30215 会议费) is only its basic-expenditure part.
        # Said bare ("培训费是多少"), both readings stand.
        cands = _keep(cands, lambda c: not (c.row.code_kind == model.ECONOMIC and c.table.kind in
                                            (model.GPB_BASIC, model.BASIC, model.ECONOMIC_TABLE, model.OPERATING)))
    if re.search(r"(合计|总计)$", measure.text) and \
            not re.search(r"财政拨款|财政|一般公共预算|政府性基金|国有资本|拨款", q) and \
            any(c.table.kind in (model.SUMMARY, model.INCOME, model.EXPENDITURE) for c in cands):
        # "本年收入合计": the department's own total, not the part of it from one source of money
        # (财政拨款收入支出决算总表) unless that source is asked for.
        cands = _keep(cands, lambda c: c.table.kind not in FUNDING_SUBSETS)
    if "本级" in measure.text:
        # A table by unit that prints the department twice: first as the whole (= the total), then its own
        # 本级 line. "本级" is the latter.
        def whole(c: CellRef) -> bool:
            tot = total_row(c.table, c.cell.column)
            cell = tot.cell(c.cell.column) if tot is not None and tot is not c.row else None
            twice = sum(plain_label(r.label) == plain_label(c.row.label) for r in c.table.rows) > 1
            return twice and cell is not None and cell.value == c.value
        cands = _keep(cands, lambda c: not whole(c))
    side = measure_side(measure, q)
    if side is None and "收入" not in q and any(c.row.code_kind == model.FUNCTION for c in cands):
        side = "支出"  # a function subject (行政运行 …) is what is spent on it, unless 收入 is asked
    if side:
        cands = _keep(cands, lambda c: side_of(c.table, c.row, c.cell.column) in (side, None))
    wants_budget = bool(re.search(r"预算数|年初预算|全年预算|调整预算", q))
    if cands[0].doc.kind == "决算" and not wants_budget:
        cands = _keep(cands, lambda c: stage_of(c.cell.column) != "预算")
    elif wants_budget:
        cands = _keep(cands, lambda c: stage_of(c.cell.column) != "决算")
    if not re.search(r"结转|结余|上年|去年", f"{measure.text}{q}") and not measure.within:
        cands = _keep(cands, lambda c: not under_carryover(c.table, c.row))
    return cands


def whole_department(cands: list[CellRef]) -> list[CellRef]:
    """For a subject line (一般公共服务支出, 行政运行 …): the department's own expenditure table gives its
    figure; the tables of one source of money (财政拨款, 一般公共预算 …) give a part of it. Returns the
    whole-department readings first, or nothing when the readings are not of that kind."""
    subject = [c for c in cands if c.row.code or plain_label(c.row.label).endswith("支出")]
    one_line = len({plain_label(c.row.label) for c in cands}) == 1  # the same line printed in several tables
    if len(subject) != len(cands) and not one_line:
        return []
    whole = [c for c in cands if c.table.kind in (model.EXPENDITURE, model.SUMMARY, model.INCOME)]
    part = [c for c in cands if c.table.kind in FUNDING_SUBSETS]
    if not whole or not part or len(whole) + len(part) != len(cands):
        return []
    first = readings(whole)
    return first if len(first) == 1 else []


def _candidates(doc: ParsedDocument, measure: Measure, hint: str | None, prefer: tuple[str, ...]) -> list[CellRef]:
    out = []
    if measure.rows is None and measure.column is None:  # a table named on its own: its grand total
        for t in ordered_tables(doc, hint, prefer):
            if t.kind == hint:
                col = default_column(t)
                row = _total(doc, t, col)
                if row is not None and col and row.cell(col) is not None:
                    out.append(CellRef(doc.document, t, row, row.cell(col)))
        return out
    for t in ordered_tables(doc, hint, prefer):
        pairs: list[tuple[Row | None, str | None]] = []
        if measure.rows is None or measure.dual:
            leaf = measure.column
            pairs += [(_total(doc, t, c), c) for c in value_columns(t) if _names(t, c, leaf)]
        if measure.rows is not None:
            rows = [r for r in t.rows if plain_label(r.label) in measure.rows]
            if measure.within:
                allowed = {id(k) for p in t.rows if plain_label(p.label) in measure.within for k in children(t, p)}
                if not allowed:  # a table printed without codes nests by order (assistant/nesting.py)
                    from .nesting import under
                    allowed = under(t, measure.within, measure.rows)
                rows = [r for r in rows if id(r) in allowed]
            pairs += [(r, _column_for(t, r, None if measure.dual else measure.column)) for r in rows]
        for r, col in pairs:
            if r is None or col is None:
                continue
            cell = r.cell(col)
            if cell is not None and cell.value is not None:
                out.append(CellRef(doc.document, t, r, cell))
    return out


def _total(doc: ParsedDocument, t: Table, column: str | None) -> Row | None:
    """The row a column's figure for the whole table is read from: the total row, else (a table whose rows
    are stages or years: 预算数 / 决算数, 2025年 / 2026年) the row of the document's year and kind."""
    row = total_row(t, column)
    if row is None and t.kind not in (model.SUMMARY, model.FISCAL_SUMMARY):
        row = period_row(t, doc.document.year, doc.document.kind)
    if row is None and t.rows and doc.document.department in t.rows[0].label and not t.rows[0].code:
        row = t.rows[0]  # a one-unit table whose first line, the department itself, is the total
    return row


def readings(cands: list[CellRef]) -> list[CellRef]:
    """One candidate per distinct amount, in table priority; a blank cell is no reading where a printed one
    exists. Amounts in 元 and 万元 are the same reading when they agree to the precision printed."""
    printed = [c for c in cands if not c.cell.blank]
    # A printed 0 in a table of one source of money (政府性基金 …) says that source pays none of it: no
    # rival of the figure printed elsewhere.
    printed = [c for c in printed if c.value or c.table.kind not in FUNDING_SUBSETS] or printed
    pool = printed or cands
    out: list[CellRef] = []
    for c in pool:
        if not any(same_amount(c, o) for o in out):
            out.append(c)
    return out


def pick_together(options: list[list[CellRef]]) -> list[CellRef]:
    """For a calculation over several figures, read them from the same table where one holds them all."""
    if not options or any(not o for o in options):
        return []
    # The first candidate's table leads: candidates come in preference order.
    kinds = list(dict.fromkeys([options[0][0].table.kind] + TABLE_PRIORITY))
    # 「因公出国（境）费是公务接待费的几倍」: a table where an operand is blank or 0 while another printing of it
    # gives a figure (the basic-expenditure table's part; the “三公” table's whole) leads no more: a table
    # printing every operand as a figure first.
    printed = [any(c.value for c in o) for o in options]
    for strict in (True, False):
        for kind in kinds:
            chosen = []
            for o in options:
                hit = next((c for c in o if c.table.kind == kind and not c.cell.blank), None) or \
                    next((c for c in o if c.table.kind == kind), None)
                if hit is None:
                    break
                chosen.append(hit)
            if len(chosen) == len(options) and \
                    (not strict or all(c.value or not p for c, p in zip(chosen, printed))):
                return chosen
    return [readings(o)[0] for o in options]
