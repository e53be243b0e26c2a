"""A figure asked for inside a named context: "财政拨款支出预算中案件审判（2040504）", "财政拨款基本支出中的
津贴补贴", "一般公共预算支出经济分类中商品和服务支出", "支出预算总表中，城乡社区管理事务行政运行的基本支出".
The earlier names only say where to look; the last one is the figure asked for. Where the context repeats
words of a table's title, the figure is read from that table; else from the table the context names, else
from the tables whose titles hold the context's names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.model import ParsedDocument

from .corpus import CellRef
from .tables import Measure, candidates

# What may stand between a context and the figure inside it: the stage, the table, then 中/里/下 (or
# nothing: "城乡社区管理事务行政运行", a line and then its child).
_CONTEXT_GAP = re.compile(r"^[”」）)]*(?:的)?(?:支出|收入)?(?:预算|决算)?(?:数)?(?:总表|表)?"
                          r"(?:中|里|中的|里的|下的|项下|之中|当中)?[，,]?[“「‘\"]?$|"
                          r"^[^和与及、比占减加除，,]{1,12}?(?:中|里|中的|里的|下的|之中|当中)[，,]?[“「‘\"]?$")
_SPLIT = re.compile(r"[，,]|中的|里的|下的|之中|当中|中|里")


@dataclass(frozen=True)
class Focus:
    measure: Measure  # the figure asked for, with the context's names as its preferred table words
    context: str  # the question's words before it ("一般公共预算支出经济分类中")


def _end(q: str, m: Measure) -> int:
    at = q.find(m.text, m.position)
    return (at if at >= 0 else m.position) + len(m.text)


def focus(q: str, measures: list[Measure]) -> Focus | None:
    """The figure asked for when every earlier name is a context around it, else None."""
    if len(measures) < 2 or (measures[-1].rows is None and measures[-1].column is None):
        return None
    gaps = [q[_end(q, a):b.position] for a, b in zip(measures, measures[1:])]
    if not all(_CONTEXT_GAP.match(g) for g in gaps) or not any(g.strip("，,") for g in gaps):
        return None  # names side by side with nothing that makes one the other's context
    last = measures[-1]
    context = tuple(m.text for m in measures[:-1])
    # A table named as the context ("一般公共预算财政拨款支出决算中…"): the figure is read there.
    table = last.table or next((m.table for m in measures[:-1] if m.table and m.rows is None and m.column is None),
                               None)
    inner = replace(last, table=table, prefer=tuple(dict.fromkeys(last.prefer + context)))
    return Focus(inner, q[measures[0].position:last.position])


def _plain(text: str) -> str:
    return re.sub(r"\s|“|”|\"", "", text)


def _titled(doc: ParsedDocument, context: str) -> list:
    """The tables whose title repeats the longest stretch of the context (at least 4 characters)."""
    chunks = sorted((c.strip("的") for c in _SPLIT.split(_plain(context))), key=len, reverse=True)
    for chunk in chunks:
        if len(chunk) < 4:
            break
        hits = [t for t in doc.tables if chunk in _plain(t.title)]
        if hits:
            return hits
    return []


def in_context(doc: ParsedDocument, f: Focus, hint: str | None, q: str) -> list[CellRef]:
    """The focus measure's cells, from the tables the context names where they hold it."""
    measure = f.measure
    titled = _titled(doc, f.context)
    if titled:
        ids = {id(t) for t in titled}
        kept = [c for c in candidates(doc, replace(measure, table=None), None, q) if id(c.table) in ids]
        if kept:
            return kept
    cands = candidates(doc, measure, hint, q)
    if not cands and measure.table:  # the table named does not print it: wherever it is printed
        cands = candidates(doc, replace(measure, table=None), None, q)
    named = [c for c in cands if any(_plain(p) in _plain(c.table.title) for p in measure.prefer)]
    return named or cands


# --- a figure named against its other period, and a short word several lines share ----------------------

def counterpart(q: str, measures: list[Measure], labels: set[str]) -> Measure | None:
    """"年末结转和结余比年初多了多少": the line of the other period the question names by its period alone."""
    if len(measures) != 1 or not measures[0].rows:
        return None
    m = measures[0]
    for said, other in (("年末", "年初"), ("年初", "年末")):
        at = q.find("比" + other)
        if m.text.startswith(said) and at > q.find(m.text) >= 0:
            label = other + m.text[len(said):]
            if label in labels:
                return Measure(frozenset({label}), None, label, at + 1)
    return None


_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|今年|的钱|的|钱|多少|有|花了|花|是|方面|一共|总共|共|用了|用|安排了|安排|"
                      r"支出|经费|资金|预算|决算|部门|单位|[？?，,。“”]")


def shared_word(q: str, doc: ParsedDocument, labels: set[str]) -> list[CellRef] | None:
    """"离退休的钱有多少": a word no line is called but several lines' names hold (行政单位离退休, 事业单位离退休
    …), with different figures: those lines, one reading each (the caller says it is ambiguous)."""
    from .tables import readings
    words = [w for w in re.findall(r"[\u4e00-\u9fff]{2,8}", _GENERIC.sub("|", q)) if w not in labels]
    if len(words) != 1:
        return None
    holders = sorted(label for label in labels if words[0] in label)
    if not 2 <= len(holders) <= 6:
        return None
    reads = []
    for label in holders:
        got = readings(candidates(doc, Measure(frozenset({label}), None, label, 0), None, q))
        if got:
            reads.append(got[0])
    reads = readings(reads)
    return reads if len(reads) >= 2 else None


def titled_kind(doc: ParsedDocument, q: str) -> str | None:
    """"一般公共预算支出中金额最大的项级科目": the kind of the table whose title the words before 中/里 repeat."""
    m = re.search(r"^(.{4,30}?)(?:中的|里的|之中|当中|中|里)", re.sub(r"(?:19|20)\d{2}\s*年度?", "", q))
    if not m:
        return None
    kinds = {t.kind for t in _titled(doc, m.group(1)) if t.rows}
    return kinds.pop() if len(kinds) == 1 else None
