"""Year on year inside a table: a 增减 column (or row) is this year's figure minus last year's.

Layouts met: columns grouped by period under one header ("2020年 | 2021年 | 增减变化情况", each with the same
sub-columns: 增减变化情况/X = 2021年/X − 2020年/X); a change group named for its two periods ("2026年预算数比
2025年执行数/增减额" = the 2026 group's total − the 2025 group's, a qualifier such as "（扣除中央基建投资）"
choosing the columns that carry it); and rows per period ("2025年 | 2026年 | 增减变化金额", column by column).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ingest import templates
from ingest.model import Row, Table

from .core import COLUMNS, compare, norm
from .doc import Doc
from .headers import segments

_YEAR = re.compile(r"(\d{4})\s*年")
_VS = re.compile(r"^(?P<a>.+?)(?:比|较|与)(?P<b>.+?)(?:相比)?(?:[（(](?P<q>[^）)]+)[）)])?$")


def _is_change(label: str) -> bool:
    meaning = templates.column_meaning(label) or ""
    return meaning.endswith("增减") and "率" not in label and "%" not in label


def _year(text: str) -> int | None:
    years = _YEAR.findall(text)
    return int(years[0]) if len(years) == 1 else None


def changes(doc: Doc):
    for t in doc.of_kind(*templates.money_kinds()):
        yield from _column_periods(doc, t)
        yield from _row_periods(doc, t)


def _negated(term):
    return replace(term, value=-term.value) if term.value is not None else term


def _check(doc: Doc, t: Table, row: Row, change: str, now: str, before: str, key: str):
    return compare(f"change:{doc.key[t.ordinal]}:{key}", COLUMNS,
                   f"{t.title}：{row.label}行“{change}”应等于“{now}”减去“{before}”",
                   doc.term(t, row, change), [doc.term(t, row, now), _negated(doc.term(t, row, before))])


def _column_periods(doc: Doc, t: Table):
    hdr = doc.header(t)
    paths = hdr.paths
    tops: dict[str, list[str]] = {}
    for p in paths:
        tops.setdefault(segments(p)[0], []).append(p)
    years = {top: y for top in tops if (y := _year(top)) is not None}
    for top, cols in tops.items():
        if top in years:
            continue
        m = _VS.match(top)
        if m and _year(m.group("a")) and _year(m.group("b")):  # "2026年预算数比2025年执行数（扣除…）/增减额"
            now = _pick(doc, t, tops, m.group("a"), m.group("q"))
            before = _pick(doc, t, tops, m.group("b"), m.group("q"))
            change = next((c for c in cols if _is_change(segments(c)[-1]) or _is_change(top)), None)
            if now and before and change:
                for r in t.rows:
                    yield _check(doc, t, r, change, now, before, f"{_row_key(r)}:{change}")
            continue
        if not _is_change(top) or len(years) != 2:
            continue
        before_top, now_top = sorted(years, key=years.get)
        for c in cols:
            rest = segments(c)[1:]
            now = next((p for p in tops[now_top] if segments(p)[1:] == rest), None)
            before = next((p for p in tops[before_top] if segments(p)[1:] == rest), None)
            if now and before:
                for r in t.rows:
                    if r.cell(c) is not None:
                        yield _check(doc, t, r, c, now, before, f"{_row_key(r)}:{c}")


def _pick(doc: Doc, t: Table, tops: dict[str, list[str]], period: str, qualifier: str | None) -> str | None:
    """The column of a period group a "A比B" change compares: the one carrying the qualifier's words, else
    the group's overall column."""
    key = norm(period)
    group = next((cols for top, cols in tops.items() if norm(top) == key or norm(top).startswith(key)), None)
    if not group:
        return None
    if qualifier:
        words = re.sub(r"^(扣除|不含|含)", "", qualifier)
        hits = [c for c in group if words in c]
        return hits[0] if len(hits) == 1 else None
    plain = [c for c in group if not re.search(r"扣除|不含", c)]
    return doc.header(t).main(plain) if plain else None


def _row_key(r: Row) -> str:
    return r.code or norm(r.label) or f"#{r.ordinal}"


def _row_periods(doc: Doc, t: Table):
    """Rows per period: "2025年", "2026年", then "增减变化金额" — column by column."""
    by_year = {y: r for r in t.rows if (y := _year(r.label)) is not None and re.fullmatch(r"\d{4}\s*年\S{0,6}", r.label.strip())}
    change = next((r for r in t.rows if _is_change(r.label) and _year(r.label) is None), None)
    if change is None or len(by_year) != 2:
        return
    before, now = (by_year[y] for y in sorted(by_year))
    for cell in change.cells:
        if now.cell(cell.column) is not None and before.cell(cell.column) is not None:
            yield compare(f"change:{doc.key[t.ordinal]}:{norm(change.label)}:{cell.column}", COLUMNS,
                          f"{t.title}：“{change.label}”行“{cell.column}”应等于“{now.label}”行减去“{before.label}”行",
                          doc.term(t, change, cell.column),
                          [doc.term(t, now, cell.column), _negated(doc.term(t, before, cell.column))])
