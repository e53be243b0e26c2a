"""The one data model every layer shares: parser output, store rows, answers' citations.

Money is always ``decimal.Decimal``; a blank money cell is ``value == 0`` with ``blank=True`` so that
"nothing printed" stays distinguishable from a printed 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Table kinds: stable identifiers the engine and the checks key on (titles vary between documents).
SUMMARY = "收支总表"
INCOME = "收入总表"
EXPENDITURE = "支出总表"
FISCAL_SUMMARY = "财政拨款收支总表"
GPB_EXPENDITURE = "一般公共预算财政拨款支出表"
GPB_BASIC = "一般公共预算财政拨款基本支出表"
GOV_FUND = "政府性基金预算财政拨款支出表"
STATE_CAPITAL = "国有资本经营预算财政拨款支出表"
THREE_PUBLIC = "三公经费支出表"
INSTITUTIONS = "机构设置表"
PROCUREMENT = "政府采购预算表"
FIXED_ASSETS = "固定资产占用情况表"
PERFORMANCE = "绩效目标表"
# Kinds real disclosures add to the core set (see ingest/templates.toml for the titles that map to them).
PROJECT = "项目支出表"
BASIC = "基本支出表"  # all funds; the 一般公共预算 one is GPB_BASIC
OPERATING = "机关运行经费表"
SERVICES = "政府购买服务表"
ECONOMIC_TABLE = "经济分类支出表"
FISCAL_EXPENDITURE = "财政拨款支出表"
SELF_EVALUATION = "绩效自评表"
OVERALL_PERFORMANCE = "整体绩效目标表"
NARRATIVE = "正文数字"  # labelled amounts the narrative states, kept as a table so answers read them from the store
OTHER = "其他表"

FUNCTION = "function"  # 功能分类科目: 3/5/7 digits
ECONOMIC = "economic"  # 经济分类科目: 3/5 digits


@dataclass(frozen=True)
class Document:
    doc_id: str  # first 16 hex digits of the sha256 of the decoded text: same file, same id
    title: str
    department_code: str
    department: str
    year: int
    kind: str  # 预算 | 决算
    unit: str  # default money unit, 万元 unless the document says otherwise
    source: str  # file name it came from
    sha256: str
    region: str = ""  # 上海市普陀区, 中央 …: where the department sits
    scope: str = "部门"  # 部门 (the department with its units) | 单位 (one unit's own disclosure)
    text_unit: str = "万元"  # the unit the narrative states amounts in (tables carry their own)
    part: str = ""  # 说明 | 报表 for one half of a disclosure published as two files; "" when whole
    version: int = 1  # 1, 2, … : the store keeps each different file of one disclosure as a version
    versions: int = 1  # how many versions of this disclosure the store holds

    @property
    def label(self) -> str:
        """How answers name the document; with several versions stored, which one ("（第2版）")."""
        label = f"{self.department} {self.year}年部门{self.kind}"
        return f"{label}（第{self.version}版）" if self.versions > 1 else label


@dataclass(frozen=True)
class Column:
    ordinal: int
    path: str  # two-level headers flattened: "本年收入/财政拨款收入", "支出/预算数"
    number: str | None = None  # from the 栏次 (or 档次) row
    meaning: str | None = None  # what the column measures, the same across templates ("上年/预算数", "基本支出")


@dataclass
class Cell:
    column: str  # the column path
    raw: str  # the text as printed ("" for blank)
    value: Decimal | None = None  # number read from raw; 0 for a blank money cell
    blank: bool = False
    unit: str | None = None  # 万元 for money; 个/人/% … for indicator values
    comparator: str | None = None  # ≥ ≤ > < = for indicator values
    bbox: tuple[float, float, float, float] | None = None  # PDF points, top-left origin: x0, top, x1, bottom

    @property
    def is_number(self) -> bool:
        return self.value is not None


@dataclass
class Row:
    ordinal: int  # position in the table, 0-based, across continuation pages
    label: str  # 科目名称 / 项目 / 三级指标 …
    cells: list[Cell] = field(default_factory=list)
    number: str | None = None  # 序号 as printed
    code: str | None = None  # subject code (科目编码)
    code_kind: str | None = None  # FUNCTION | ECONOMIC
    level: str | None = None  # 类 | 款 | 项
    parent_code: str | None = None
    side: str | None = None  # for side-by-side layouts: 收入 | 支出
    page: int | None = None  # as the PDF counts, 1-based (text form: the contents' page)
    line: int | None = None  # line in the source text (1-based) where the row starts
    printed_page: str | None = None  # the page number printed on the page, where there is one
    # performance indicator rows: the filled-down hierarchy
    indicator: tuple[str, str, str] | None = None  # (一级指标, 二级指标, 三级指标)

    def cell(self, column: str) -> Cell | None:
        for c in self.cells:
            if c.column == column:
                return c
        return None


@dataclass
class Table:
    ordinal: int  # position in the document
    title: str  # as printed
    kind: str  # one of the kinds above
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    unit: str | None = None
    page: int | None = None  # first page, where the document's contents say it
    section: str | None = None  # narrative section it sits in, if any
    note: str | None = None  # 注：… lines under the table
    # 绩效目标表 only
    project: str | None = None
    goal: str | None = None
    target_year: int | None = None

    def row_by_code(self, code: str) -> Row | None:
        return next((r for r in self.rows if r.code == code), None)

    def column_paths(self) -> list[str]:
        return [c.path for c in self.columns]


@dataclass(frozen=True)
class Passage:
    ordinal: int
    section: str  # "二、部门预算安排的总体情况" or the sub-heading path
    text: str
    page: int | None = None


@dataclass
class ParsedDocument:
    document: Document
    tables: list[Table]
    passages: list[Passage]
    skipped: list[str] = field(default_factory=list)  # what the reader could not read, with pages


@dataclass(frozen=True)
class CellRecord:
    """One cell as the side-store holds it: everything needed to cite it."""

    document: str  # doc_id
    table: str  # table title
    table_ordinal: int
    table_kind: str
    row_ordinal: int
    row_label: str
    code: str | None
    column: str
    raw: str
    value: Decimal | None
    blank: bool
    unit: str | None
    comparator: str | None
    page: int | None
    side: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    printed_page: str | None = None

    def as_json(self) -> dict:
        return {
            "document": self.document,
            "table": self.table,
            "row_label": self.row_label,
            "code": self.code,
            "column": self.column,
            "value": None if self.value is None else str(self.value),
            "raw": self.raw,
            "blank": self.blank,
            "unit": self.unit,
            "comparator": self.comparator,
            "page": self.page,
            "printed_page": self.printed_page,
            "bbox": None if self.bbox is None else [round(x, 2) for x in self.bbox],
            "kind": self.table_kind,
            "table_ordinal": self.table_ordinal,
            "row_ordinal": self.row_ordinal,
            "side": self.side,
        }


class IngestError(Exception):
    """A file that cannot be ingested; the message is for the person who gave it."""
