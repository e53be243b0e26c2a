"""The tables a set question (rank, count, list) ranges over when it names a part of the spending or a
table by its title: 「基本支出的商品和服务支出中哪项最多」 reads the 基本支出 table, never the 项目支出 one
that prints the same class; 「项目支出情况表（按经济分类）里…」 that table; 「一般公共预算支出按经济分类看」
the whole 一般公共预算 table by economic class where one is printed, not its 基本支出 part (the word 经济分类
alone would send the question to the 基本支出 table)."""
from __future__ import annotations

import re

from ingest import model
from ingest.model import ParsedDocument, Table

PARTS = ("基本支出", "项目支出")


def _plain(text: str) -> str:
    return re.sub(r"\s|“|”|\"", "", text)


def _part(q: str) -> str | None:
    said = [p for p in PARTS if p in q]
    return said[0] if len(said) == 1 else None


def tables(doc: ParsedDocument, q: str, ordered: list[Table], every: list[Table]) -> list[Table]:
    """``ordered`` (the tables the question's hint picked, in priority) with the tables of the part the
    question names first and those of the other part dropped; ``every``: all tables in priority order."""
    part = _part(q)
    if part is not None:
        other = next(p for p in PARTS if p != part)
        named = [t for t in every if part in _plain(t.title) and t.rows]
        if not named:
            return ordered
        return named + [t for t in ordered if t not in named and other not in _plain(t.title)]
    if "经济分类" in q and not re.search(r"人员经费|公用经费", q):
        from .tables import economic
        whole = [t for t in every if t.kind == model.GPB_EXPENDITURE and economic(t)
                 and not any(p in _plain(t.title) for p in PARTS)]
        return whole + [t for t in ordered if t not in whole]
    return ordered
