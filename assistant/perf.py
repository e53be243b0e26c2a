"""Answering from the 绩效目标表: match a question to an indicator row by the words they share."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import model
from ingest.model import ParsedDocument, Row, Table


# Question words that say nothing about which indicator is meant.
_STOP = re.compile(r"多少|是什么|什么|绩效|目标是|今年|一年|吗|呢|？|\?|，|。")
# What kind of value a question wants, read from its wording, and the units that fit it.
_WANTS = [
    (re.compile(r"多少钱|多少元|费用|经费标准|补贴标准|补助标准|成本|资金|花多少|花了|花费|开支|给多少|缴多少|交多少|人均多少|控制数|万元"),
     ("元", "万元", "元/人", "万元/人", "万元/队", "元/年")),
    (re.compile(r"多少人|人数|几人|多少名"), ("人", "人/次", "人/期")),
    (re.compile(r"多少个|几个|数量|多少所|多少组|多少队"), ("个", "所", "组", "队")),
    (re.compile(r"几次|多少次|次数"), ("次", "次/月", "次/季度", "次/半年")),
    (re.compile(r"比率|比例|满意度|完成率|达标率|覆盖率|合格率|出勤率|及时率|发放率|百分"), ("%",)),
    (re.compile(r"什么时候|何时|时间|哪天|截止|期限|多久"), (None,)),
]


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[\s\d.%≥≤<>“”\"（）()、，。：:；;-]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


@dataclass(frozen=True)
class PerfHit:
    doc: ParsedDocument
    table: Table
    row: Row
    score: float


def score_rows(q: str, doc: ParsedDocument, fit_text: str | None = None) -> list[PerfHit]:
    """Indicator rows sharing words with the question, best first; ``fit_text`` says what kind of value
    is wanted when ``q`` is only a fragment of the question."""
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
            label_hits, project_hits = len(qb & lb), len(qb & pb)
            if fit_text is None and label_hits < 2 and project_hits < 4:
                continue  # one shared word ("活动", "经费") is no match for a whole question
            score = 2 * label_hits + project_hits + 0.5 * len(qb & (db - lb))
            if score:
                hits.append(PerfHit(doc, t, r, score + _fit(fit_text or q, value.unit, value.value is None)))
    hits.sort(key=lambda h: -h.score)
    return hits


def _fit(q: str, unit: str | None, is_text: bool) -> float:
    """A bonus when the indicator's unit is the kind of value the question asks for."""
    for pattern, units in _WANTS:
        if pattern.search(q):
            if None in units:
                return 3.0 if is_text else 0.0
            return 6.0 if unit in units else -6.0
    return 0.0


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
