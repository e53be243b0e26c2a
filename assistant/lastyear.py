"""Last year's figure printed in a column beside this year's (2025年执行数, 上年预算数, 年初预算, 2020年 …),
read from the column's header, and the year-on-year change computed from the two cells of one row:
change = this year − last year, rate = change ÷ last year × 100. The printed 增减 column, where there is
one, is cited beside the computation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Table

from .corpus import CellRef, default_column

# A column of money carried over from last year is this year's money, not last year's figure.
_CARRIED = re.compile(r"结转|结余|实户|余额")
_CHANGE_COL = re.compile(r"增减|增加额|减少额|变动|增长额|变化")
_RATE_COL = re.compile(r"%|％|率|幅")
_QUALIFIER = re.compile(r"(?<![不未没])扣除|其中")  # 「不扣除中央基建投资」 asks the figure as printed


@dataclass(frozen=True)
class PriorColumn:
    path: str
    basis: str | None  # 执行数, 年初预算, 预算, 决算数 — None: 上年 unqualified


def basis_of(text: str) -> str | None:
    if "执行" in text:
        return "执行数"
    if "年初预算" in text:
        return "年初预算"
    if "决算" in text:
        return "决算数"
    if "预算" in text:
        return "预算"
    return None


def _is_prior(path: str, year: int) -> bool:
    if _CARRIED.search(path) or _CHANGE_COL.search(path) or _RATE_COL.search(path) or re.search(r"比|较", path):
        return False
    if re.search(r"上年|去年|上一年", path):
        return True
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", path)]
    return bool(years) and years[0] == year - 1


def prior_columns(table: Table, year: int) -> list[PriorColumn]:
    return [PriorColumn(c.path, basis_of(c.path)) for c in table.columns if _is_prior(c.path, year)]


def _core(path: str) -> str:
    """A column's path without its period words: "2020年/…/公务接待费" and "2021年/…/公务接待费" agree."""
    text = re.sub(r"(?:19|20)\d{2}\s*年度?|上年|本年|去年|今年|当年", "", path)
    text = re.sub(r"年初预算数|预算执行数|执行数|预算数|决算数|年初预算|预算|决算|扣除中央基建投资后", "", text)
    parts = [p for p in text.split("/") if p and p not in ("合计", "小计", "金额", "总计")]
    return "/".join(parts)


def _pair(table: Table, column: str, candidates: list[str], qualified: bool) -> str | None:
    core = _core(column)
    pool = [c for c in candidates if qualified or not _QUALIFIER.search(c)]
    same = [c for c in pool if _core(c) == core]
    if same:
        return same[0]
    if column == default_column(table):  # the table's own figure: last year's column of no narrower kind
        bare = [c for c in pool if _core(c) == ""]
        return bare[0] if bare else None
    return None


@dataclass
class Pair:
    now: CellRef | None  # None: only last year's cell was asked for
    prior: CellRef
    basis: str | None
    change: CellRef | None  # the printed 增减 cell of the row, if any
    rate: CellRef | None


def pair_for(cell: CellRef, q: str) -> Pair | None:
    """Last year's cell in the same row as ``cell``, with the row's printed 增减 and rate cells."""
    table, row = cell.table, cell.row
    if _is_prior(cell.column, cell.doc.year) or _CHANGE_COL.search(cell.column) or _RATE_COL.search(cell.column):
        return None
    qualified = bool(_QUALIFIER.search(q))
    priors = prior_columns(table, cell.doc.year)
    if not priors:
        return None
    path = _pair(table, cell.column, [p.path for p in priors], qualified)
    if path is None or row.cell(path) is None or row.cell(path).value is None:
        return None
    basis = next(p.basis for p in priors if p.path == path)
    changes = [c.path for c in table.columns if _CHANGE_COL.search(c.path) and not _RATE_COL.search(c.path)]
    rates = [c.path for c in table.columns if _CHANGE_COL.search(c.path) and _RATE_COL.search(c.path)]

    def printed(paths: list[str]) -> CellRef | None:
        core = _core(cell.column)
        pool = [p for p in paths if qualified or not _QUALIFIER.search(p)]
        pick = next((p for p in pool if _core(re.sub(r"^[^/]*(增减|变化|变动)[^/]*/?", "", p)) == core), None)
        if pick is None and cell.column == default_column(table) and len(pool) == 1:
            pick = pool[0]
        c = row.cell(pick) if pick else None
        return CellRef(cell.doc, table, row, c) if c is not None and c.value is not None else None
    return Pair(cell, CellRef(cell.doc, table, row, row.cell(path)), basis, printed(changes), printed(rates))


def find(cands: list[CellRef], q: str, wanted_basis: str | None) -> Pair | None:
    """The first candidate cell whose table prints last year's figure beside it (of the kind asked)."""
    for c in cands:
        if _is_prior(c.column, c.doc.year) and c.cell.value is not None and \
                (not wanted_basis or compatible(wanted_basis, basis_of(c.column))):
            return Pair(None, c, basis_of(c.column), None, None)  # the question named last year's column itself
        p = pair_for(c, q)
        if p is None:
            continue
        if wanted_basis and p.basis and not compatible(wanted_basis, p.basis):
            continue
        return p
    return None


def completed(pair: Pair, q: str) -> Pair:
    """「X比上年执行数少了多少」 where the words named last year's column itself (执行数 → 2025年执行数): this year's
    cell of the same row — the table's own figure column, whose last-year column is that one — beside it."""
    if pair.now is not None:
        return pair
    c = pair.prior
    own = default_column(c.table, c.row.side)
    cell = c.row.cell(own) if own else None
    if cell is None or cell.value is None:
        return pair
    full = pair_for(CellRef(c.doc, c.table, c.row, cell), q)
    return full if full is not None and full.prior.column == c.column else pair


def deducted_pair(pair: Pair) -> Pair | None:
    """The same row read with a part taken out, where the table prints it so (「2025年执行数 | 扣除中央基建投资后执行数」
    beside 「年初预算数 | 扣除中央基建投资后预算数」): this year's and last year's 扣除…后 columns of the same basis, with
    the printed 增减 of that reading. None where the table prints no such pair."""
    if pair.now is None:
        return None
    table, row, year = pair.now.table, pair.now.row, pair.now.doc.year
    priors = [p.path for p in prior_columns(table, year) if _QUALIFIER.search(p.path) and p.basis == pair.basis]
    nows = [c.path for c in table.columns if _QUALIFIER.search(c.path) and not _is_prior(c.path, year)
            and not _CHANGE_COL.search(c.path) and not _RATE_COL.search(c.path)]
    if len(priors) != 1 or len(nows) != 1:
        return None
    now, prior = row.cell(nows[0]), row.cell(priors[0])
    if now is None or prior is None or now.value is None or prior.value is None:
        return None

    def printed(rate: bool) -> CellRef | None:
        col = next((c.path for c in table.columns if _CHANGE_COL.search(c.path) and _QUALIFIER.search(c.path)
                    and bool(_RATE_COL.search(c.path)) == rate), None)
        cell = row.cell(col) if col else None
        return CellRef(pair.now.doc, table, row, cell) if cell is not None and cell.value is not None else None
    return Pair(CellRef(pair.now.doc, table, row, now), CellRef(pair.now.doc, table, row, prior), pair.basis,
                printed(False), printed(True))


def compatible(wanted: str, stated: str | None) -> bool:
    """Does a figure of kind ``stated`` answer a question about ``wanted``? 年初预算 is a 预算."""
    if stated is None or wanted is None:
        return True
    if wanted == stated:
        return True
    return {wanted, stated} == {"预算", "年初预算"}
