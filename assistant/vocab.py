"""Finding what a question names: rows (by label, code or synonym), columns and tables.

The vocabulary is built from the ingested tables plus the maintained synonym list; the longest name
wins where two overlap ("其他国有土地使用权出让收入安排的支出" over "土地出让").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import model

from . import synonyms
from .corpus import LoadedDocument, plain_label, value_columns

_NOT_NAMES = {"合计", "小计", "总计", "预算数", "金额", "项目", "其他", "其他支出", "其他收入"}
_CODE = re.compile(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?!\d)")
_NUMERIC_TABLES = {model.SUMMARY, model.INCOME, model.EXPENDITURE, model.FISCAL_SUMMARY, model.GPB_EXPENDITURE,
                   model.GPB_BASIC, model.GOV_FUND, model.STATE_CAPITAL, model.THREE_PUBLIC, model.FIXED_ASSETS}


def normalize(question: str) -> str:
    q = question.strip().replace(" ", "").replace("\u3000", "")
    q = q.translate(str.maketrans("０１２３４５６７８９？！，（）", "0123456789?!,（）"))
    return q.replace("(", "（").replace(")", "）")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    rows: set[str] = field(default_factory=set)  # plain row labels it may mean
    column: str | None = None  # a column leaf it may mean
    table: str | None = None  # a table kind it names

    @property
    def is_row(self) -> bool:
        return bool(self.rows)


class Vocabulary:
    def __init__(self, docs: list[LoadedDocument]):
        self.rows: dict[str, set[str]] = {}
        self.columns: dict[str, str] = {}
        self.tables: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        labels: set[str] = set()
        leaves: set[str] = set()
        for d in docs:
            for t in d.tables:
                if t.kind not in _NUMERIC_TABLES:
                    continue
                for r in t.rows:
                    label = plain_label(r.label)
                    if not label or label in _NOT_NAMES:
                        continue
                    labels.add(label)
                    self._add_row(label, label)
                    if r.code:
                        self.codes[r.code] = label
                    if label.endswith("支出") and len(label) >= 6:
                        self._add_row(label[:-2], label)
                leaves.update(c.split("/")[-1] for c in value_columns(t))
        for leaf in leaves - _NOT_NAMES:
            self.columns[leaf] = leaf
        for key, aliases in synonyms.ROWS.items():
            label = plain_label(key)
            if label in labels:
                for a in aliases:
                    self._add_row(normalize(a), label)
        for leaf, aliases in synonyms.COLUMNS.items():
            if leaf in leaves:
                for a in aliases:
                    self.columns.setdefault(normalize(a), leaf)
        present = {t.kind for d in docs for t in d.tables}
        for kind, aliases in synonyms.TABLES.items():
            if kind in present:
                for a in aliases:
                    self.tables[normalize(a)] = kind
        self._longest = max((len(k) for k in (*self.rows, *self.columns, *self.tables)), default=1)

    def _add_row(self, alias: str, label: str) -> None:
        if len(alias) >= 2:
            self.rows.setdefault(alias, set()).add(label)

    def mentions(self, q: str) -> list[Mention]:
        spans: list[Mention] = []
        for i in range(len(q)):
            for j in range(min(len(q), i + self._longest), i + 1, -1):
                s = q[i:j]
                if s in self.rows or s in self.columns or s in self.tables:
                    spans.append(Mention(i, j, s, set(self.rows.get(s, ())), self.columns.get(s),
                                         self.tables.get(s)))
        for m in _CODE.finditer(q):
            code = m.group(1)
            if code in self.codes:
                spans.append(Mention(m.start(), m.end(), code, {self.codes[code]}))
        spans.sort(key=lambda m: (-(m.end - m.start), m.start))
        chosen: list[Mention] = []
        for m in spans:
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        # A code followed by its own name ("2080505机关事业单位…") names one row, not two.
        chosen.sort(key=lambda m: m.start)
        merged: list[Mention] = []
        for m in chosen:
            if merged and merged[-1].rows and m.rows == merged[-1].rows and m.start - merged[-1].end <= 1:
                continue
            merged.append(m)
        return merged
