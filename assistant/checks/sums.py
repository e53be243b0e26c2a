"""Down a table: a 合计 row over its top-level subjects, a parent subject over its children, the 收入 and 支出
sides of a 收支 table (本年合计 = its items, 总计 = 本年合计 + the carry-over lines), and numbered lists
(三公, 固定资产) — all read from subject codes, enumeration levels and canonical measures, not from one
template's labels."""
from __future__ import annotations

from collections import Counter

from ingest import model, templates
from ingest.model import Row, Table

from .core import SUBJECT_TREE, TABLE_SUM, UNCHECKED, Check, code_of, compare, enum_level, is_subset, norm
from .doc import Doc
from .vocab import FISCAL_SOURCES, class_code, is_carry, source_of

_HEAD_WORDS = ("合计", "总计", "总额", "小计", "三公")


def table_sums(doc: Doc):
    for t in doc.tables:
        if t.kind in (model.SUMMARY, model.FISCAL_SUMMARY) or panels(t):
            yield from _side_lists(doc, t)
            if t.kind == model.FISCAL_SUMMARY:
                yield from _fiscal_balance(doc, t)
        elif any(code_of(r) for r in t.rows):
            if t.kind in templates.money_kinds():
                yield from _total_over_roots(doc, t)
        elif t.kind in (model.THREE_PUBLIC, model.FIXED_ASSETS):
            yield from _numbered_list(doc, t)


# --- subject codes -----------------------------------------------------------------------------------------

def parents(t: Table) -> dict[int, Row]:
    """Each coded row's parent: the nearest row above it whose code is its 款 or 类 (the longest listed
    prefix), so that a table skipping a level (类 then 项) sums from the nearest listed parent, and a table
    printed in blocks per unit (the same codes again under each unit) keeps each block to itself."""
    last: dict[str, Row] = {}
    out: dict[int, Row] = {}
    for r in t.rows:
        code = code_of(r)
        if not code:
            continue
        parent = next((last[code[:n]] for n in (5, 3) if n < len(code) and code[:n] in last), None)
        if parent is not None:
            out[r.ordinal] = parent
        last[code] = r
    return out


def code_problem(t: Table) -> str | None:
    """Why a table's codes cannot be trusted, if they cannot: one code on rows with different names (codes
    derived wrongly), or a code that is no subject code ("3012", a unit's "201001": 3, 5 or 7 digits).
    (The same code under the same name again is a table in blocks per unit: fine.)"""
    names: dict[str, set[str]] = {}
    for r in t.rows:
        if code := code_of(r):
            names.setdefault(code, set()).add(norm(r.label))
    clashing = [c for c, n in names.items() if len(n) > 1]
    invalid = [r.code for r in t.rows if (r.code or "").isdigit() and code_of(r) is None]
    if not clashing and not invalid:
        return None
    return (f"科目编码 {'、'.join(clashing[:5])} 出现在名称不同的行上" if clashing else "") + \
        ("；" if clashing and invalid else "") + (f"编码 {'、'.join(invalid[:5])} 不是有效的科目编码" if invalid else "")


def _unreadable_codes(doc: Doc, t: Table, prefix: str, kind: str) -> Check | None:
    """Untrustworthy codes make every parent/child sum meaningless: say so once instead of adding up the
    wrong rows."""
    why = code_problem(t)
    if why is None:
        return None
    return Check(f"{prefix}:{doc.key[t.ordinal]}:编码", kind, f"{t.title}：{why}，按科目层级的核对无法进行", UNCHECKED)


def _total_over_roots(doc: Doc, t: Table):
    """The 合计 row = the sum of the top-level subjects (the 类 rows; whatever has no parent listed)."""
    if (note := _unreadable_codes(doc, t, "sum", TABLE_SUM)) is not None:
        yield note
        return
    total = doc.total_row(t)
    up = parents(t)
    roots = [r for r in t.rows if code_of(r) and r.ordinal not in up]
    if total is None or not roots:
        return
    for col in doc.header(t, [total, *roots]).paths:
        yield compare(f"sum:{doc.key[t.ordinal]}:合计:{col}", TABLE_SUM,
                      f"{t.title}：合计行“{col}”应等于各类科目之和", doc.term(t, total, col),
                      [doc.term(t, r, col) for r in roots])


def subject_trees(doc: Doc):
    for t in doc.of_kind(*templates.money_kinds()):
        if not any(code_of(r) for r in t.rows):
            continue
        if (note := _unreadable_codes(doc, t, "tree", SUBJECT_TREE)) is not None:
            yield note
            continue
        children: dict[int, list[Row]] = {}
        up = parents(t)
        for r in t.rows:
            if r.ordinal in up:
                children.setdefault(up[r.ordinal].ordinal, []).append(r)
        for parent in t.rows:
            kids = children.get(parent.ordinal)
            if not kids:
                continue
            for col in doc.header(t, [parent, *kids]).paths:
                yield compare(f"tree:{doc.key[t.ordinal]}:{code_of(parent)}:{col}", SUBJECT_TREE,
                              f"{t.title}：{code_of(parent)} {norm(parent.label)}“{col}”应等于其下级科目之和",
                              doc.term(t, parent, col), [doc.term(t, k, col) for k in kids])


# --- the sides of a 收支 table ------------------------------------------------------------------------------

class Side:
    """One side of a 收支总表 / 财政拨款收支总表, read by position and enumeration:
    items … 本年…合计 … carry-over lines (each with its sub-lines) … 总计."""

    def __init__(self, rows: list[Row]):
        self.rows = rows
        labels = [norm(r.label) for r in rows]
        self.year = next((r for r, s in zip(rows, labels) if s.endswith(("合计", "小计"))), None)
        after_year = rows.index(self.year) + 1 if self.year is not None else 0
        self.grand = next((r for r, s in zip(rows[after_year:], labels[after_year:])
                           if s.endswith("总计") or (self.year is not None and s.endswith("合计"))), None)
        end = rows.index(self.grand) if self.grand is not None else len(rows)
        before = rows[:rows.index(self.year)] if self.year is not None else rows[:end]
        self.carries: list[tuple[Row, list[Row]]] = []
        listed_after: list[Row] = []  # a breakdown printed after its 本年合计 ("一、本年支出合计" first)
        for r in (rows[after_year:end] if self.year is not None else []):
            # a line numbered unlike its carry-over line is one of its sub-lines, whatever it is called
            # ("上年结余、结转" over "1.财政拨款结余、结转"); a carry-over line numbered alike starts a new one
            if self.carries and enum_level(r.label) != enum_level(self.carries[-1][0].label):
                self.carries[-1][1].append(r)
            elif is_carry(r.label):
                self.carries.append((r, []))
            elif self.carries:
                self.carries[-1][1].append(r)
            else:
                listed_after.append(r)
        self.items, self.tiered = _items(before or listed_after)

    @property
    def last(self) -> Row | None:
        return self.grand or self.year


def _items(rows: list[Row]) -> tuple[list[tuple[Row, list[Row]]], bool]:
    """The top-level items of a list with their sub-lines, and whether the sub-lines are one level (so
    that an item is their sum). Top level: the numbering of the first line ("一、" — or none, when an
    unnumbered "财政拨款" heads "1.一般公共预算拨款", "2.…"); without numbering, the function classes (类)
    among subject names printed without codes; else every line."""
    levels = [enum_level(r.label) for r in rows]
    if any(lv is not None for lv in levels):
        top = levels[0]
        items: list[tuple[Row, list[Row]]] = []
        for r, lv in zip(rows, levels):
            if lv == top or not items:
                items.append((r, []))
            else:
                items[-1][1].append(r)
        return items, True
    if any(class_code(r.label) for r in rows):
        items = []
        for r in rows:
            if class_code(r.label) or not items:
                items.append((r, []))
            else:
                items[-1][1].append(r)  # 款 and 项 names mixed, levels unknown: not summed
        return items, False
    return [(r, []) for r in rows], True


def _one_level(subs: list[Row]) -> bool:
    """Sub-lines that are one level below their item: all enumerated alike, or all funding sources / 其中."""
    levels = {enum_level(s.label) for s in subs}
    if len(levels) == 1 and None not in levels:
        return True
    return all(enum_level(s.label) is None and (source_of(s.label) or is_subset(s.label)) for s in subs)


def panels(t: Table) -> list[tuple[str, list[Row]]]:
    out = _panels(t)
    if t.kind in (model.SUMMARY, model.FISCAL_SUMMARY):
        return out
    # other tables only when laid out as 收入 | 支出 (a 政府性基金收支表), not a lone "支出项目" header
    sides = {k[:2] for k, _ in out}
    return out if sides == {"收入", "支出"} else []


def _panels(t: Table) -> list[tuple[str, list[Row]]]:
    """The 收入 and 支出 sides of a 收支 table, each split into its panels: a side printed as several
    lists side by side (功能分类 | 部门经济分类 | 政府经济分类) is several lists, told apart by the columns
    their rows fill. Keys: "收入", "支出" — "支出2", "支出3" for further panels."""
    groups: dict[tuple[str, tuple[str, ...]], list[Row]] = {}
    for r in t.rows:
        if r.side and r.side.startswith(("收入", "支出")):
            groups.setdefault((r.side, tuple(c.column for c in r.cells)), []).append(r)
    out: list[tuple[str, list[Row]]] = []
    count: Counter = Counter()
    for (side, _cols), rows in groups.items():
        count[side] += 1
        out.append((side if count[side] == 1 else f"{side}{count[side]}", rows))
    return out


def side_of(t: Table, side: str) -> Side:
    """The first panel of a side ("收入" / "支出") as a ``Side``."""
    return Side(next((rows for key, rows in panels(t) if key.startswith(side) and not key[-1].isdigit()), []))


def _side_lists(doc: Doc, t: Table):
    finals = {}
    for side, rows in panels(t):
        s = Side(rows)
        for col in doc.header(t, rows).paths:
            yield from _side_list(doc, t, side, s, col)
        if s.last is not None and not side[-1].isdigit():
            finals[side] = s.last
    inc = next((r for k, r in finals.items() if k.startswith("收入")), None)
    out = next((r for k, r in finals.items() if k.startswith("支出")), None)
    if inc is not None and out is not None:
        yield compare(f"sum:{doc.key[t.ordinal]}:收入总计=支出总计", TABLE_SUM, f"{t.title}：收入总计应等于支出总计",
                      doc.term(t, out, doc.main_column(t, out)), [doc.term(t, inc, doc.main_column(t, inc))])


def _side_list(doc: Doc, t: Table, side: str, s: Side, col: str):
    key = f"sum:{doc.key[t.ordinal]}:{side}"
    term = lambda r: doc.term(t, r, col)  # noqa: E731
    if s.year is not None and s.items:
        yield compare(f"{key}:{norm(s.year.label)}:{col}", TABLE_SUM, f"{t.title}：{s.year.label}应等于各收支项目之和",
                      term(s.year), [term(i) for i, _ in s.items])
    if s.tiered:
        for item, subs in s.items:
            if len(subs) >= 2 and _one_level(subs):
                yield compare(f"{key}:{norm(item.label)}:{col}", TABLE_SUM, f"{t.title}：{item.label}应等于其下各项之和",
                              term(item), [term(x) for x in subs])
    if s.grand is not None and s.year is not None:
        yield compare(f"{key}:{norm(s.grand.label)}:{col}", TABLE_SUM,
                      f"{t.title}：{s.grand.label}应等于{s.year.label}加结转结余等各行",
                      term(s.grand), [term(s.year)] + [term(c) for c, _ in s.carries])
    for carry, subs in s.carries:
        if len(subs) >= 2:
            yield compare(f"{key}:{norm(carry.label)}:{col}", TABLE_SUM, f"{t.title}：{carry.label}应等于其下各项之和",
                          term(carry), [term(x) for x in subs])


def _fiscal_balance(doc: Doc, t: Table):
    """财政拨款收支总表, per funding source: this year's allocation + the carry-over from last year =
    支出总计 in that source's column (spending + carry-over to next year)."""
    income, spend = side_of(t, "收入"), side_of(t, "支出")
    if spend.grand is None or income.year is None:
        return
    in_col = doc.main_column(t, income.year)
    for measure, word in FISCAL_SOURCES:
        col = doc.column_for(t, measure, spend.grand)
        now = next((r for item, subs in income.items for r in (item, *subs) if source_of(r.label) == measure), None)
        before = next((r for _, subs in income.carries for r in subs if source_of(r.label) == measure), None)
        if col is None or now is None or before is None or in_col is None:
            continue  # this layout does not split the carry-over by source
        yield compare(f"sum:{doc.key[t.ordinal]}:资金来源:{word}", TABLE_SUM,
                      f"{t.title}：{word}本年拨款加年初结转应等于支出总计的{word}列",
                      doc.term(t, spend.grand, col), [doc.term(t, now, in_col), doc.term(t, before, in_col)])


# --- numbered lists: 三公, 固定资产 ----------------------------------------------------------------------------

def _numbered_list(doc: Doc, t: Table):
    """The total lines above the first numbered item (合计, “三公”经费, 资产总额) = the sum of the items at
    the outermost enumeration; an item followed by two or more one-level sub-lines (其中…, or deeper
    numbering) = their sum. A single 其中 line is only part of its item: it may not exceed it."""
    first = next((i for i, r in enumerate(t.rows) if enum_level(r.label) is not None), None)
    if first is None:
        return
    heads = [r for r in t.rows[:first] if not is_subset(r.label) and any(w in norm(r.label) for w in _HEAD_WORDS)]
    items, _ = _items(t.rows[first:])
    for col in doc.header(t).paths:
        area = _area_quantity(t, col, [i for i, _ in items])
        for head in heads:
            check = compare(f"sum:{doc.key[t.ordinal]}:{norm(head.label)}:{col}", TABLE_SUM,
                            f"{t.title}：{head.label}“{col}”应等于各分项之和", doc.term(t, head, col),
                            [doc.term(t, i, col) for i, _ in items])
            if check is not None and area:
                check.verdict = UNCHECKED
                check.description += "（房屋按平方米计数，是否计入总数无法确定）"
            yield check
        for item, subs in items:
            if not subs or not (is_subset(subs[0].label) or _one_level(subs)):
                continue
            if len(subs) >= 2:
                yield compare(f"sum:{doc.key[t.ordinal]}:{norm(item.label)}:{col}", TABLE_SUM,
                              f"{t.title}：{item.label}“{col}”应等于其中各项之和", doc.term(t, item, col),
                              [doc.term(t, s, col) for s in subs])
            else:
                yield compare(f"sum:{doc.key[t.ordinal]}:{norm(subs[0].label)}:{col}", TABLE_SUM,
                              f"{t.title}：{subs[0].label}“{col}”不应超过{item.label}", doc.term(t, subs[0], col),
                              [doc.term(t, item, col)], relation="le")


def _area_quantity(t: Table, col: str, items: list[Row]) -> bool:
    """A 数量 column mixing square metres with counts cannot be summed with confidence."""
    if not col.startswith("数量"):
        return False
    return any("平方米" in r.label and (c := r.cell(col)) is not None and not c.blank for r in items)
