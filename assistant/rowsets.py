"""Sets of rows a ranking, a count or a list ranges over: the level asked (类/款/项), the parent named, the
table and column to read. ``tables.py`` finds one line's cells; this finds the many lines a question compares."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import model
from ingest.model import ParsedDocument, Row, Table

from .corpus import default_column, plain_label
from .nesting import ECONOMIC_CLASSES, TOP_ITEM, children, uncoded_rows
from .tables import Measure, _column_for, ordered_tables


_LEVEL_WORDS = {"项": ("项级", "项科目", "7位", "七位", "哪个项"), "款": ("款", "明细"), "类": ("类", "大类")}


# A level said in quotes or brackets names it outright: 「按功能科目的“项”来看」 (before any other level word).
_QUOTED_LEVEL = re.compile(r"[“「‘\"'](项|款|类)(?:级(?:科目)?)?[”」’\"']")
# 款 of money, not the level: 财政拨款, 存款, 款项 …
_MONEY_KUAN = re.compile(r"[拨存贷借罚捐欠汇赔]款|款项")


def asked_level(q: str) -> str | None:
    """The level of subjects (类/款/项) a ranking, count or list asks about, else None."""
    quoted = _QUOTED_LEVEL.search(q)
    if quoted:
        return quoted.group(1)
    said = _MONEY_KUAN.sub("", q.replace("分类", ""))  # 按经济分类 names the classification, not its 类
    return next((lv for lv, words in _LEVEL_WORDS.items() if any(w in said for w in words)), None)


@dataclass
class RowSet:
    table: Table
    rows: list[Row]
    column: str
    description: str

    def cell(self, row: Row):
        """The row's figure in the set's column; in a list printed twice side by side (科目 | 决算数 | 科目 |
        决算数#2, 302's lines in the second half) the row's own half's copy of that column."""
        cell = row.cell(self.column)
        if cell is None:
            plain = re.sub(r"#\d+$", "", self.column)
            twins = [c for c in row.cells if re.sub(r"#\d+$", "", c.column) == plain]
            cell = twins[0] if len(twins) == 1 else None
        return cell


_CLASSED = re.compile(r"经济分类|功能分类|科目|[类款项]级")


def row_set(doc: ParsedDocument, q: str, parent: Measure | list[Measure] | None, column: str | None,
            hint: str | None) -> RowSet | None:
    """The rows a ranking/count/list question ranges over. ``parent``: the line (or the lines the question names,
    in its order) whose parts are asked; the first that has parts in the tables the question reads is taken."""
    from .scoped import tables as scoped  # a part (基本支出/项目支出) or a table named by its title
    tables = scoped(doc, q, ordered_tables(doc, hint), ordered_tables(doc, None))
    level = asked_level(q)
    if level is None and re.search(r"哪些科目|哪几个科目|科目有哪些", q):
        level = "项"  # subjects with no level named: the most detailed ones
    # 「财政拨款基本支出的经济科目明细（30101这类款级科目）里」: where subjects are asked (科目, a classification,
    # a level said as 款级), a line printed with no code — a source of funds, a part — only says where to read,
    # and is no parent of subjects (an economic class printed without codes, 杭州's 商品和服务支出, is one).
    # 「三公经费包括几类」 asks no subjects: its 类 are the table's parts.
    classed = bool(_CLASSED.search(q))
    if isinstance(parent, list) and (rs := _named_lines(tables, parent, column)) is not None:
        return rs  # 「分货物、工程、服务三类，哪一类最大」: the lines named are the set, not the first one's parts
    for p in ([parent] if isinstance(parent, Measure) else parent or []):
        rs = _under(tables, p, level, column, classed) if p.rows else None
        if rs is not None:
            return rs
    return _of_level(doc, q, tables, level, column, hint)


def _named_lines(tables: list[Table], named: list[Measure], column: str | None) -> RowSet | None:
    """Three lines or more named and ranked (「货物、工程、服务哪类最多」) are the set themselves when one table
    prints each of them once and none lies under another named: the parts compared are the ones said, never the
    lines under the first. Two lines named stay a parent's (「基本支出和项目支出里哪一项最多」 is read under them)."""
    if len(named) < 3:
        return None
    for t in tables:
        rows = []
        for m in named:
            found = [r for r in t.rows if plain_label(r.label) in m.rows]
            if len(found) != 1 or found[0] in rows:
                break
            rows.append(found[0])
        else:
            if any(r in children(t, o) for r in rows for o in rows if o is not r):
                continue
            col = _column_for(t, rows[0], column) or _column_for(t, rows[0], None)
            if col and all(r.cell(col) is not None for r in rows):
                return RowSet(t, rows, col, "、".join(plain_label(r.label) for r in rows))
    return None


def _under(tables: list[Table], parent: Measure, level: str | None, column: str | None, classed: bool) -> RowSet | None:
    """The lines right under the line ``parent`` names (down to the level asked), in the first table that has them."""
    for t in tables:
        for r in t.rows:
            if plain_label(r.label) not in parent.rows:
                continue
            if classed and not r.code and plain_label(r.label) not in ECONOMIC_CLASSES:
                continue
            kids = children(t, r)
            if level and r.code and kids and kids[0].level != level:
                # "一般公共服务支出下面哪一项": descend to the level asked for
                kids = [k for k in t.rows if k.code and k.code.startswith(r.code) and k.level == level] or kids
            while len(kids) == 1 and children(t, kids[0]):
                kids = children(t, kids[0])  # one child is no choice: look one level down
            if not kids:
                continue
            col = _column_for(t, kids[0], column) or _column_for(t, kids[0], None)
            if col:
                # the parent as printed, code and name: 「“20405 法院”这一款下面」 is found in the answer
                said = f"{r.code} {plain_label(r.label)}" if r.code else plain_label(r.label)
                kinds = f"{kids[0].level}级科目" if level and level == kids[0].level else "明细"
                return RowSet(t, kids, col, f"{said}下的{kinds}" if kinds != "明细" else f"{said}的明细")
    return None


def _of_level(doc: ParsedDocument, q: str, tables: list[Table], level: str | None, column: str | None,
              hint: str | None) -> RowSet | None:
    """The lines of a kind the question names with no parent line: 收入来源, a detail table's items, the 类/款/项
    of a classification."""
    if any(w in q for w in ("收入来源", "从哪", "钱从", "收入中", "收入里", "收入渠道", "渠道")):
        for t in tables:
            if t.kind == model.SUMMARY:
                rows = [r for r in t.rows if r.side == "收入" and (TOP_ITEM.match(r.label) or "结转" in r.label)]
                col = default_column(t, "收入")
                return RowSet(t, rows, col, "收入来源")
    if hint in (model.FIXED_ASSETS, model.THREE_PUBLIC):
        t = next((t for t in tables if t.kind == hint), None)
        if t is not None:
            rows = [r for r in t.rows if TOP_ITEM.match(r.label)]
            col = _column_for(t, rows[0], column) or _column_for(t, rows[0], None) if rows else None
            if col:
                return RowSet(t, rows, col, t.title.replace("部门", ""))
    if hint in (model.SERVICES, model.PROCUREMENT):  # a list of items (会计服务 …, A-货物 …): every item
        t = next((t for t in tables if t.kind == hint), None)
        rows = [r for r in t.rows if plain_label(r.label) not in ("合计", "小计", "总计")] if t is not None else []
        from .groups import in_group  # 「政府履职辅助性服务哪一项」: the items of the group a cell names
        rows, group = in_group(rows, q)
        col = (_column_for(t, rows[0], column) or _column_for(t, rows[0], None)) if rows else None
        if col:
            return RowSet(t, rows, col, f"{t.title}中{group}" if group else t.title)
    # 「款级经济科目」 names the economic classification as 「经济分类」 does (款: its 5-digit lines)
    economic = bool(re.search(r"经济分类|经济科目", q)) or hint == model.GPB_BASIC
    kind = model.ECONOMIC if economic else model.FUNCTION
    coded = [t for t in tables if t.kind not in (model.SUMMARY, model.FISCAL_SUMMARY, model.THREE_PUBLIC,
                                                  model.FIXED_ASSETS)]
    # A table that has the column asked for comes first ("哪一类的上年结转最多": 收入总表).
    from .groups import leaves, wants_leaves  # 「哪一项」: the lines with no line under them
    leafy = level is None and wants_leaves(q)
    for strict in (True, False):
        for t in coded:
            rows = leaves(t, kind) if leafy else [r for r in t.rows if r.code_kind == kind and r.level == (level or "类")]
            if not rows:
                rows = uncoded_rows(t, kind, level or "类", leafy)  # 杭州: subjects by name alone, indented
            if not rows:
                continue
            col = _column_for(t, rows[0], column) if strict else _column_for(t, rows[0], None)
            if col:
                return RowSet(t, rows, col, f"{'经济' if economic else '功能'}分类" +
                              ("明细科目" if leafy else f"{level or '类'}级科目"))
    if not economic and level in (None, "类"):
        # No table prints the 类 with their codes: the 收支总表's spending side lists them ("一、一般公共服务支出").
        for t in tables:
            if t.kind in (model.SUMMARY, model.FISCAL_SUMMARY):
                rows = [r for r in t.rows if r.side == "支出" and TOP_ITEM.match(r.label)
                        and plain_label(r.label).endswith("支出")]
                col = default_column(t, "支出")
                if len(rows) >= 2 and col:
                    return RowSet(t, rows, col, "功能分类类级科目")
    return None
