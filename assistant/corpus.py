"""The ingested corpus: every document's metadata in memory, a document's tables and passages read from
the store when a question is about it (a small LRU keeps the last few), so memory and answer time stay
flat as the corpus grows. Answering works on the shared model objects; the store is their one source.
"""
from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

from ingest import model
from ingest.model import Cell, Document, ParsedDocument, Row, Table

from . import arith
from .answer import Citation

_ORDINAL = re.compile(r"^(其中[:：]|[一二三四五六七八九十]+、|\d+[、.．]|（[一二三四五六七八九十\d]+）)\s*")
_UNIT_SUFFIX = re.compile(r"[（(][^）)]*[）)]$")

# Where a subject is looked up first: the whole department's tables before the appropriation subsets.
TABLE_PRIORITY = [model.EXPENDITURE, model.INCOME, model.SUMMARY, model.BASIC, model.PROJECT, model.GPB_BASIC,
                  model.THREE_PUBLIC, model.OPERATING, model.FIXED_ASSETS, model.FISCAL_SUMMARY,
                  model.FISCAL_EXPENDITURE, model.GPB_EXPENDITURE, model.ECONOMIC_TABLE, model.GOV_FUND,
                  model.STATE_CAPITAL, model.INSTITUTIONS, model.PROCUREMENT, model.SERVICES, model.NARRATIVE]
TOTAL_LABELS = ("合计", "总计", "资产总额")


@lru_cache(maxsize=1 << 16)  # pure, and read for every row of every table a question's names are looked up in
def plain_label(label: str) -> str:
    """"一、一般公共服务支出" → "一般公共服务支出"; "2、车辆（台、辆）" → "车辆"."""
    text = _ORDINAL.sub("", label.strip())
    text = _UNIT_SUFFIX.sub("", text) if _UNIT_SUFFIX.search(text) and not text.startswith("（") else text
    # Questions are normalised to full-width brackets; labels must compare equal ("维修(护)费").
    return text.replace(" ", "").replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class CellRef:
    """One cell in context: enough to compute with it and to cite it. The one way to name a cell: the
    engine cites it, the fact check reports it (``as_json``: table, row, column, page, box)."""
    doc: Document
    table: Table
    row: Row
    cell: Cell
    unit_as: str | None = None  # the unit a caller resolved for it (the check: cell, table or document unit)

    @property
    def value(self) -> Decimal:
        return self.cell.value if self.cell.value is not None else Decimal(0)

    @property
    def unit(self) -> str | None:
        return self.unit_as or self.cell.unit or self.table.unit

    @property
    def printed_value(self) -> Decimal | None:
        """The figure as printed: a blank cell is 0; None when the text is not a number ("涉密")."""
        return Decimal(0) if self.cell.blank and self.cell.value is None else self.cell.value

    @property
    def table_ordinal(self) -> int:
        return self.table.ordinal

    @property
    def row_ordinal(self) -> int:
        return self.row.ordinal

    @property
    def column(self) -> str:
        return self.cell.column

    @property
    def page(self) -> int | None:
        return self.row.page or self.table.page

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        return self.cell.bbox

    def as_json(self) -> dict:
        value = self.printed_value
        return {"table": self.table.title, "table_ordinal": self.table.ordinal, "row": self.row.label,
                "row_ordinal": self.row.ordinal, "column": self.cell.column,
                "value": None if value is None else str(value), "unit": self.unit, "page": self.page,
                "bbox": None if self.cell.bbox is None else [round(x, 2) for x in self.cell.bbox]}

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.table.title} / {self.row.label} / {self.cell.column} = {self.printed_value}{unit}"

    def where(self) -> str:
        """"表名，行，列，页" as an answer's text cites it."""
        page = f"，第{self.row.page or self.table.page}页" if (self.row.page or self.table.page) else ""
        row = f"{self.row.code} {plain_label(self.row.label)}" if self.row.code else plain_label(self.row.label)
        return f"{self.table.title}，{row}行，{self.cell.column}列{page}"

    def name(self) -> str:
        label = plain_label(self.row.label) or self.row.label
        from .concepts import PERIOD_ROW, column_concept, is_figure
        if label in TOTAL_LABELS or PERIOD_ROW.match(label):  # the total row: the column says what the figure is
            concept = column_concept(self.table, self.cell.column, self.doc.year)
            parts = self.cell.column.split("/")
            if is_figure(concept) and concept not in parts[-1]:  # its canonical name ("人员经费" for "人员支出")
                return concept
            generic = parts[-1] in TOTAL_LABELS or re.fullmatch(r"(?:.*年)?(?:预算|决算)数?|金额|小计", parts[-1])
            if generic and self.row.side and label in TOTAL_LABELS:
                return f"{self.row.side}{label}"  # "总计" of the 支出 side: 支出总计
            if parts[-1] not in TOTAL_LABELS:
                return parts[-1]
            return parts[0] if len(parts) > 1 else f"{self.table.title}合计"
        return f"{self.row.code} {label}" if self.row.code else label

    def citation(self) -> Citation:
        row = f"{self.row.code} {self.row.label}" if self.row.code else self.row.label
        if self.row.number:
            row = f"第{self.row.number}行 {row}"
        text = self.cell.raw or "（空白，即 0）"
        if self.table.kind == model.NARRATIVE:  # a figure the text states: quote its sentence
            said = self.row.cell("说明")
            text = said.raw if said is not None else text
        return Citation(document=self.doc.label, doc_id=self.doc.doc_id, table=self.table.title, row=row,
                        column=self.cell.column, page=self.row.page or self.table.page,
                        text=text, table_ordinal=self.table.ordinal, row_ordinal=self.row.ordinal,
                        kind=self.table.kind, unit=self.unit)


def unit_of(ref: CellRef) -> str:
    return ref.unit or ""




def in_yuan(ref: CellRef) -> Decimal | None:
    """The amount in 元, exactly; None when the cell is not money."""
    factor = arith.YUAN_PER.get(unit_of(ref))
    return None if factor is None else ref.value * factor


def same_amount(a: CellRef, b: CellRef) -> bool:
    """Do two cells print the same amount? Equal values in one unit; across units (元 in one table, 万元 in
    another) equal once the finer figure is rounded to the coarser one's printed precision."""
    if unit_of(a) == unit_of(b):
        return a.value == b.value
    ya, yb = in_yuan(a), in_yuan(b)
    if ya is None or yb is None:
        return False
    coarse, fine = (a, b) if arith.YUAN_PER[unit_of(a)] > arith.YUAN_PER[unit_of(b)] else (b, a)
    step = Decimal(1).scaleb(coarse.value.as_tuple().exponent) * arith.YUAN_PER[unit_of(coarse)]
    return abs(in_yuan(fine) - in_yuan(coarse)) * 2 <= step


class DocumentRef:
    """A document of the corpus as the engine sees it: its metadata always in memory, its tables and
    passages read from the store when first used (``Corpus.parsed``, a small LRU), so the corpus costs
    one ``Document`` per file however many files it holds. Duck-types ``ParsedDocument``."""
    __slots__ = ("document", "_corpus")

    def __init__(self, document: Document, corpus: "Corpus"):
        self.document = document
        self._corpus = corpus

    def parsed(self) -> ParsedDocument:
        return self._corpus.parsed(self.document.doc_id)

    @property
    def tables(self) -> list[Table]:
        return self.parsed().tables

    @property
    def passages(self):
        return self.parsed().passages

    @property
    def skipped(self) -> list[str]:
        return self.parsed().skipped

    def __repr__(self) -> str:
        return f"DocumentRef({self.document.label!r})"


class _LRU:
    """A small thread-safe least-recently-used map (``get(key, make)``)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.RLock()

    def get(self, key, make):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class _Facts:
    """The narrative's stated changes per document, computed when a question first needs them."""

    def __init__(self, corpus: "Corpus"):
        self._corpus = corpus
        self._cache = _LRU(CACHED_DOCUMENTS * 4)

    def get(self, doc_id: str, default=None):
        if self._corpus.find_doc(doc_id) is None:
            return default
        from ingest.narrative import change_facts
        return self._cache.get(doc_id, lambda: change_facts(self._corpus.parsed(doc_id).passages))


# Parsed documents kept in memory (a question reads one; a comparison a few): memory stays flat.
CACHED_DOCUMENTS = int(os.environ.get("BUDGETQA_CACHED_DOCUMENTS", "16"))


class Corpus:
    """The documents' metadata (one ``DocumentRef`` each, in ``docs``); a document's tables and passages
    are read from the store on demand and kept in a small LRU. Questions across documents read the store
    with SQL (``Store.measure``), never every document's tables."""

    def __init__(self, docs: list[ParsedDocument] | None = None, store=None, documents: list[Document] = (),
                 target_years: dict[str, set[int]] | None = None):
        self.store = store
        self._lock = threading.RLock()
        self._cache = _LRU(CACHED_DOCUMENTS)
        self._held: dict[str, ParsedDocument] = {}  # documents given whole (tests, tools): never evicted
        if docs is not None:  # an in-memory corpus
            self._held = {d.document.doc_id: d for d in docs}
            documents = [d.document for d in docs]
            target_years = {d.document.doc_id: {t.target_year for t in d.tables if t.target_year} for d in docs}
        self.docs: list[DocumentRef] = [DocumentRef(d, self) for d in documents]
        self._by_id = {r.document.doc_id: r for r in self.docs}
        self._target_years = target_years or {}
        self._names: dict[str, list[DocumentRef]] | None = None
        self.facts = _Facts(self)
        self.signature = store.signature() if store is not None and hasattr(store, "signature") else None

    @classmethod
    def load(cls, store) -> "Corpus":
        """The ready documents' metadata only: nothing of their tables is read until a question needs it."""
        return cls(store=store, documents=store.documents(), target_years=store.target_years())

    def parsed(self, doc_id: str) -> ParsedDocument:
        """One document's tables and passages, from the LRU or else the store."""
        held = self._held.get(doc_id)
        if held is not None:
            return held
        if doc_id not in self._by_id:
            raise KeyError(doc_id)

        def read() -> ParsedDocument:
            with self._lock:  # one connection, one reader at a time
                return self.store.load(doc_id)
        return self._cache.get(doc_id, read)

    def stale(self) -> bool:
        """Has another process (or an ingest here) changed the ready documents since this was loaded?"""
        if self.store is None or self.signature is None:
            return False
        with self._lock:
            return self.store.signature() != self.signature

    def lost(self) -> bool:
        """Is a document this corpus answers from no longer ready (replaced or deleted by another process)?"""
        ids = list(self._by_id)
        with self._lock:
            held = sum(self.store.ready_count(ids[i:i + 500]) for i in range(0, len(ids), 500))
        return held != len(ids)

    def select(self, doc_ids: list[str] | None) -> list[DocumentRef]:
        if not doc_ids:
            return self.docs
        return [self._by_id[i] for i in dict.fromkeys(doc_ids) if i in self._by_id]

    def find_doc(self, doc_id: str) -> DocumentRef | None:
        return self._by_id.get(doc_id)

    def target_years(self, doc: DocumentRef) -> set[int]:
        return self._target_years.get(doc.document.doc_id, set())

    def extra_years(self, docs: list, asked: list[int]) -> set[int]:
        """Of the years a question names, those the documents speak of beyond their own year: a
        performance table's target year, or last year where the narrative states a change. Only the
        asked years are looked at, so a question reads no document it is not about."""
        out: set[int] = set()
        held = {d.document.year for d in docs}
        for y in set(asked) - held:
            if any(y in self.target_years(d) for d in docs):
                out.add(y)
            elif any(d.document.year == y + 1 and self.facts.get(d.document.doc_id) for d in docs):
                out.add(y)
        return out

    def naming(self, q: str, docs: list) -> list:
        """The documents whose department a question may name (any of its names is in the question), plus
        one other so that ``documents.choose`` treats them as several; all of ``docs`` when none is named.
        ``choose`` gives the same answer on this subset as on all documents (it only ever keeps documents
        a name hits), without testing every document's names."""
        if len(docs) <= 2:
            return docs
        chosen = self.named_in(q, docs)
        if not chosen:
            from .unitdocs import listing  # a unit of a department named, no department (assistant/unitdocs.py)
            return listing(self, q, docs) or docs
        if len(chosen) == 1:
            chosen.append(next(d for d in docs if d is not chosen[0]))
        return chosen

    def named_in(self, q: str, docs: list) -> list:
        """Of ``docs``, those whose department the question names (any of its names is in the question),
        found through an index of names: the question's substrings are looked up, the documents' names are
        never all tested."""
        from .documents import department_names
        with self._lock:
            if self._names is None:
                names: dict[str, list[DocumentRef]] = {}
                for d in self.docs:
                    for n in department_names(d.document.department, d.document.region):
                        names.setdefault(n, []).append(d)
                self._names = names
        within = {id(d) for d in docs}
        hit: dict[int, DocumentRef] = {}
        for i in range(len(q)):
            for j in range(i + 2, len(q) + 1):
                for d in self._names.get(q[i:j], ()):
                    if id(d) in within:
                        hit[id(d)] = d
        return [d for d in docs if id(d) in hit] if hit else []


def value_columns(table: Table) -> list[str]:
    """Columns that hold values (not the row number, code or label)."""
    used = {c.column for r in table.rows for c in r.cells}
    return [c.path for c in table.columns if c.path in used]


def default_column(table: Table, side: str | None = None) -> str | None:
    cols = value_columns(table)
    if side:
        cols = [c for c in cols if c.startswith(side + "/")] or \
               [c for c in cols if side in c.split("/")[0]] or cols  # "本年支出/预算数" is the 支出 side
    # Last year's figures (上年…, 2025年执行数) are never a table's default reading when this year's is there.
    cols = [c for c in cols if not re.search(r"上年|执行数|上一年", c)] or cols
    for want in ("合计", "总计", "预算数", "金额", "价值", "指标值"):
        for c in cols:
            if c.split("/")[-1] == want:
                return c
    # A total printed under a longer name ("支出总计", "本年支出合计"), else a group's 小计, shallowest first.
    for pattern in (r".+(总计|合计)", r"小计", r".+金额"):  # "预算金额" of a 政府购买服务 list
        hits = sorted((c for c in cols if re.fullmatch(pattern, c.split("/")[-1])), key=lambda c: c.count("/"))
        if hits:
            return hits[0]
    return cols[0] if cols else None


def total_row(table: Table, column: str | None = None) -> Row | None:
    """The table's grand-total row (for side-by-side tables, the 总计 row of the column's side)."""
    side = column.split("/")[0] if column and "/" in column else None
    for r in table.rows:
        label = plain_label(r.label)
        if label in ("合计", "资产总额") and not (r.code and r.code.isdigit()):
            return r
        if label.endswith("总计") and (r.side is None or r.side == side):
            return r
    # Side-by-side tables that close with "收入合计" / "支出合计" (no 总计 row): the last total of the side.
    sided = [r for r in table.rows if r.side and (side is None or r.side in side)]
    closing = [r for r in sided if re.fullmatch(r"(?:本年)?(收入|支出)合计", plain_label(r.label))]
    return closing[-1] if closing else None
