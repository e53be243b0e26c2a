"""Narrative structure shared by the readers: section headings, paragraphs, passages of bounded length."""
from __future__ import annotations

import re

from ..model import Passage

SECTION = re.compile(r"^[一二三四五六七八九十]+、\S")
# Sub-headings are short ("（一）总体绩效目标", "第三部分 预算项目绩效目标", "1、收入说明"); a long
# "（一）…。" line is a numbered paragraph, not a heading.
SUBSECTION = re.compile(r"^(（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分|\d+、)[^。；]{1,24}$")
SENTENCE_END = ("。", "；", "！", "？", "：", "”", "）", ")", ".", "表")


def is_heading(text: str) -> bool:
    return bool((SECTION.match(text) and len(text) <= 40 and "。" not in text) or SUBSECTION.match(text))


# Where a sentence longer than a passage may be cut, best first: a clause, a list item, a space.
_CLAUSE_END = ("，", "、", ",", "：", " ")


def chunks(text: str, limit: int = 300) -> list[str]:
    """Split a long paragraph at sentence ends into pieces of at most ``limit`` characters.

    A sentence longer than ``limit`` (a run-on paragraph, a list without full stops) is cut at its last
    clause end inside the limit, else at the limit itself: no passage is longer than the embedder's window,
    and the work grows linearly with the paragraph."""
    if len(text) <= limit:
        return [text]
    sentences = re.findall(r"[^。；！？]+[。；！？]?|[。；！？]", text)
    out, cur = [], ""
    for s in sentences:
        if cur and len(cur) + len(s) > limit:
            out.append(cur)
            cur = ""
        start = 0
        while len(s) - start > limit:  # cur is empty here: s alone is over the limit
            cut = max(s.rfind(c, start, start + limit) for c in _CLAUSE_END) + 1
            cut = cut if cut > start + limit // 2 else start + limit
            out.append(s[start:cut])
            start = cut
        cur += s[start:]
    if cur:
        out.append(cur)
    return out


def passages_from_paragraphs(paragraphs: list[tuple[str, int | None, bool]]) -> list[Passage]:
    """Paragraphs (text, page, set as a heading) → passages under their section headings.

    A numbered top-level heading (一、…, 第一部分) starts a section, a sub-heading ((一)…, 1、…) a
    sub-section; a bare heading is every following passage's section, not a passage of its own.
    """
    out: list[Passage] = []
    section, sub = "", ""
    item: tuple[str, int | None] | None = None  # a sub-heading phrased as a clause, no text under it yet

    def keep_item() -> None:
        # "重点抓好以下工作：（一）提质创新，开展…（二）招大引强，开展…": sub-headings phrased as clauses with
        # no text of their own are the items of a list, kept as passages of their section.
        if item is not None:
            out.append(Passage(ordinal=len(out), section=section or "正文", text=item[0], page=item[1]))

    for text, page, set_as_heading in paragraphs:
        text = re.sub(r"^[-•●]\s*", "", text).strip()
        if not text:
            continue
        if is_heading(text) or set_as_heading:
            keep_item()
            item = None
            if SUBSECTION.match(text) and section:
                sub = text
                item = (text, page) if _CLAUSE_ITEM.match(text) else None
            else:
                section, sub = text, ""
            continue
        item = None
        path = f"{section} / {sub}" if sub else section
        for chunk in chunks(text):
            out.append(Passage(ordinal=len(out), section=path or "正文", text=chunk, page=page))
    keep_item()
    return out


_CLAUSE_ITEM = re.compile(r"^（[一二三四五六七八九十]+）[^，。；]{2,12}，[^，。；]{4,}$")
