"""What the engine returns: one Answer object serves the CLI, the app and the evaluation."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ANSWERED = "answered"
NOT_FOUND = "not_found"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Citation:
    document: str  # the document's label: "中共…组织部 2023年部门预算"
    doc_id: str
    table: str | None = None  # table title as printed
    row: str | None = None  # row label (with its code when it has one)
    column: str | None = None  # column path
    page: int | None = None
    text: str | None = None  # the cell as printed, or the quoted passage
    section: str | None = None  # for passages
    table_ordinal: int | None = None
    row_ordinal: int | None = None
    kind: str | None = None  # the table's canonical kind (收支总表, 三公经费支出表 …), whatever its title
    unit: str | None = None  # the unit the cited cell is printed in (元, 万元 …)

    def as_json(self) -> dict:
        return {"document": self.document, "table": self.table, "row": self.row, "column": self.column,
                "page": self.page, "text": self.text, "kind": self.kind, "unit": self.unit, "section": self.section}


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: Decimal


@dataclass(frozen=True)
class Chart:
    """A breakdown worth drawing next to a share or ranking answer (values from the store)."""
    title: str
    unit: str
    bars: tuple[ChartBar, ...]


@dataclass(frozen=True)
class AskedFigure:
    """One figure of a question that asks several (「2025年的X是多少？2026年比它少了多少」): what was asked, in the
    question's words or the answer's, and the figure answering it."""
    asked: str
    value: Decimal
    unit: str | None

    def as_json(self) -> dict:
        return {"asked": self.asked, "value": str(self.value), "unit": self.unit}


@dataclass
class Answer:
    question: str
    status: str
    answer: str
    value: Decimal | None = None
    unit: str | None = None
    calculation: str | None = None
    citations: list[Citation] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)  # for ambiguous questions: the possible readings
    chart: Chart | None = None
    # A question asking several figures in separate clauses: each, in the order asked; ``value`` is the first.
    parts: list[AskedFigure] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "value": None if self.value is None else str(self.value),
            "unit": self.unit,
            "calculation": self.calculation,
            "citations": [c.as_json() for c in self.citations],
            **({"parts": [p.as_json() for p in self.parts]} if self.parts else {}),
        }
