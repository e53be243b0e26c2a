"""Answering from the 绩效目标表: match a question to an indicator row by the words they share."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import model
from ingest.model import Row, Table

from .corpus import LoadedDocument

# Words every performance question carries that say nothing about which indicator is meant.
_STOP = re.compile(r"多少|是什么|目标|指标|标准|绩效|计划|要求|预计|今年|明年|一年|的|是|有|吗|呢|？|\?|，|。|项目|经费")


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[\s\d.%≥≤<>“”\"（）()、，。：:；;-]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


@dataclass(frozen=True)
class PerfHit:
    doc: LoadedDocument
    table: Table
    row: Row
    score: float


def score_rows(q: str, doc: LoadedDocument) -> list[PerfHit]:
    qb = bigrams(_STOP.sub("", q))
    if not qb:
        return []
    hits = []
    for t in doc.tables:
        if t.kind != model.PERFORMANCE:
            continue
        pb = bigrams(t.project or "")
        for r in t.rows:
            value = r.cell("指标值")
            if value is None or not value.raw or value.raw == "涉密":
                continue
            lb = bigrams(r.label)
            db = bigrams(r.cell("绩效指标描述").raw if r.cell("绩效指标描述") else "")
            score = 2 * len(qb & lb) + len(qb & pb) + 0.5 * len(qb & (db - lb))
            if score:
                hits.append(PerfHit(doc, t, r, score))
    hits.sort(key=lambda h: -h.score)
    return hits


def prefer_year(hits: list[PerfHit], year: int | None, doc_year: int) -> list[PerfHit]:
    """Of the 2022 and 2023 versions of a table, keep the one asked for (default: the budget's own year)."""
    want = year or doc_year
    best: dict[tuple[str, str], PerfHit] = {}
    for h in hits:
        key = (h.table.project or "", h.row.label + (h.row.cell("绩效指标描述").raw if h.row.cell("绩效指标描述") else ""))
        cur = best.get(key)
        if cur is None or (h.table.target_year == want and cur.table.target_year != want):
            best[key] = h
    return sorted(best.values(), key=lambda h: -h.score)
