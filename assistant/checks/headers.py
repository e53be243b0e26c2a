"""The header of a table as a tree, read from the column paths ("预算数/公务用车购置及运行维护费/小计").

A group's subtotal column (小计, 合计, 总计, 总额, 总数 — or a column whose path is itself the group's
path) adds up the group's other children, each counted once: a child group by its own subtotal, or, when it
has none, by its members. So "预算数/合计" is compared with "…/因公出国（境）费" + "…/公务用车…/小计" +
"…/公务接待费", never with the 小计 *and* its children. Columns that are a breakdown of money already
counted elsewhere are not addends: "其中…", "扣除…后…", the 政府采购 / 预留 memo columns — except the
canonical complete splits (基本支出 + 项目支出, 人员经费 + 公用经费), which some templates print under a
"其中：" heading. Rates and percentages never add up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ingest import templates
from ingest.model import Row, Table

_TOTAL_SEGMENT = re.compile(r"(合计|小计|总计|总额|总数)$")
_MEMO_WORDS = ("扣除", "政府采购", "预留给")  # a breakdown of money counted elsewhere (not 单位预留机动经费)
SPLIT_MEANINGS = frozenset({"基本支出", "项目支出", "人员经费", "公用经费"})
# Fallback for tables without any total column: the leaf that holds a row's amount, in preference order.
_AMOUNT_LEAVES = ("合计", "预算数", "金额", "价值", "决算数", "预算")


def segments(path: str) -> tuple[str, ...]:
    """The header levels of a path; a "#2" suffix (a repeated header) belongs to the leaf only."""
    return tuple(path.split("#")[0].split("/"))


def leaf(path: str) -> str:
    return path.split("/")[-1]


def meaning_of(path: str, stored: str | None, year: int | None) -> tuple[str, str] | None:
    """(period, measure) of a column: ("", "基本支出"), ("上年", "合计") … None for a column of names.
    Two readings of the templates' rules are corrected here, where the check needs them right:
    上年结转 is this year's income from last year's carry-over (not a last-year figure), and
    "使用非财政拨款结余" is a carry-over, not a financial allocation."""
    meaning = stored or templates.column_meaning(path, year)
    if meaning is None:
        return None
    period, _, measure = meaning.rpartition("/")
    if "非财政拨款" in path:
        measure = "结转结余"
    if measure == "结转结余":
        period = ""
    return period, measure


@dataclass
class Group:
    total: str  # the subtotal column's path
    addends: list[str]  # the paths it adds up, each counted once


class Header:
    """The value columns of one table (those holding amounts in at least one row) as a tree."""

    def __init__(self, table: Table, year: int | None, value_paths: list[str]):
        self.table = table
        self.year = year
        self.paths = value_paths
        self.keys: dict[tuple[str, ...], str] = {}
        self.ambiguous: set[tuple[str, ...]] = set()
        for p in value_paths:
            k = segments(p)
            if k in self.keys:
                self.ambiguous.add(k)  # the same header twice: which one is a member cannot be told
            else:
                self.keys[k] = p
        self.nodes: list[tuple[str, ...]] = []
        for k in self.keys:
            for n in range(1, len(k) + 1):
                if k[:n] not in self.nodes:
                    self.nodes.append(k[:n])

    def meaning(self, path: str) -> tuple[str, str] | None:
        col = next((c for c in self.table.columns if c.path == path), None)
        return meaning_of(path, col.meaning if col else None, self.year)

    def _children(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        return [n for n in self.nodes if len(n) == len(key) + 1 and n[:len(key)] == key]

    def _leaves(self, key: tuple[str, ...]) -> list[str]:
        return [p for k, p in self.keys.items() if k[:len(key)] == key]

    def _subtotal(self, key: tuple[str, ...]) -> tuple[str, ...] | None:
        """The node that holds the group's total: the group's own column, or a child named as a total."""
        if key and key in self.keys and self._children(key):
            return key
        return next((c for c in self._children(key) if c in self.keys and not self._children(c)
                     and _TOTAL_SEGMENT.search(c[-1])), None)

    def _memo(self, key: tuple[str, ...]) -> bool:
        if any(w in key[-1] for w in _MEMO_WORDS):
            return True
        if "其中" not in key[-1]:
            return False
        meanings = {(self.meaning(p) or ("", ""))[1] for p in self._leaves(key)}
        return not meanings <= SPLIT_MEANINGS  # "其中：基本支出 | 项目支出" is the complete split

    def _additive(self, key: tuple[str, ...]) -> bool:
        m = self.meaning(self.keys[key]) if key in self.keys else None
        return not (m and m[1] == "增减率") and "%" not in key[-1] and "率" not in key[-1]

    def _rep(self, key: tuple[str, ...]) -> list[str] | None:
        """The columns that stand for this node in its parent's sum; None when it cannot be told."""
        if key in self.ambiguous:
            return None
        if key in self.keys and not self._children(key):
            return [self.keys[key]] if self._additive(key) else []
        sub = self._subtotal(key)
        if sub is not None:
            return None if sub in self.ambiguous else [self.keys[sub]]
        out: list[str] = []
        for child in self._children(key):
            if self._memo(child):
                continue
            rep = self._rep(child)
            if rep is None:
                return None
            out.extend(rep)
        return out

    @cached_property
    def groups(self) -> list[Group]:
        out: list[Group] = []
        for key in [(), *self.nodes]:
            sub = self._subtotal(key)
            if sub is None or sub in self.ambiguous:
                continue
            addends: list[str] = []
            for child in self._children(key):
                if child == sub or self._memo(child):
                    continue
                rep = self._rep(child)
                if rep is None:
                    addends = []
                    break
                addends.extend(rep)
            if addends:
                out.append(Group(self.keys[sub], addends))
        return out

    def main(self, present: list[str] | None = None) -> str | None:
        """The column holding the overall amount (of a row, given the paths present in it): the outermost
        total that is no other total's addend; else a column named as an amount; else the only one."""
        present = [p for p in self.paths if present is None or p in present]
        counted = {a for g in self.groups for a in g.addends}
        tops = [g.total for g in self.groups if g.total in present and g.total not in counted]
        if tops:
            return min(tops, key=lambda p: (len(segments(p)), present.index(p)))
        for name in _AMOUNT_LEAVES:
            hit = next((p for p in present if leaf(p).split("#")[0] == name), None)
            if hit:
                return hit
        amounts = [p for p in present if leaf(p) not in ("数量",)]
        return amounts[0] if amounts else None

    def column_for(self, measure: str, present: list[str] | None = None) -> str | None:
        """The (outermost, current-period) column measuring ``measure`` ("基本支出", "一般公共预算" …)."""
        hits = [p for p in self.paths if (present is None or p in present)
                and self.meaning(p) == ("", measure) and not any(self._memo(segments(p)[:n])
                                                                 for n in range(1, len(segments(p)) + 1))]
        return min(hits, key=lambda p: (len(segments(p)), self.paths.index(p))) if hits else None


def value_paths(table: Table, rows: list[Row]) -> list[str]:
    """Columns holding amounts in these rows, in table order (not 序号, 科目编码, 项目, nor % cells)."""
    present = {c.column for r in rows for c in r.cells
               if (c.value is not None and c.unit != "%" and not c.raw.strip().endswith("%")) or c.blank}
    return [c.path for c in table.columns if c.path in present]
