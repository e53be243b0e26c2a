"""Narrative structure shared by the readers: section headings, paragraphs, passages of bounded length."""
from __future__ import annotations

import re

from ..model import Passage
from ..values import NUMBERED

SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)\s*\S")
# Sub-headings are short ("（一）总体绩效目标", "1、收入说明"); a long "（一）…。" line is a numbered
# paragraph, not a heading.
SUBSECTION = re.compile(r"^(（[一二三四五六七八九十]+）|\d+、)[^。；]{1,24}$")
SENTENCE_END = ("。", "；", "！", "？", "：", "”", "）", ")", ".", "表")
# A paragraph starts at a line indented by about two characters (PDF points) from the body's margin.
INDENT = 12.0


def is_heading(text: str) -> bool:
    return bool((SECTION.match(text) and len(text) <= 40 and "。" not in text) or SUBSECTION.match(text))


def chunks(text: str, limit: int = 300) -> list[str]:
    """Split a long paragraph at sentence ends into pieces of at most about ``limit`` characters."""
    if len(text) <= limit:
        return [text]
    sentences = re.findall(r"[^。；！？]+[。；！？]?", text)
    out, cur = [], ""
    for s in sentences:
        if cur and len(cur) + len(s) > limit:
            out.append(cur)
            cur = ""
        cur += s
    if cur:
        out.append(cur)
    return out


def passages_from_paragraphs(lines: list[tuple[str, int, float, bool]]) -> list[Passage]:
    """Page lines (text, page, indent from the margin, set as a heading) → passages under their headings.

    A line the layout broke off is joined to the one before; a new paragraph starts at an indented line,
    a heading, a numbered item, or after a line ending a sentence well short of the right edge.
    """
    paragraphs: list[list] = []  # [section, text, page]
    section, sub = "", ""
    prev_end = True
    for text, page, indent, centered in lines:
        text = re.sub(r"^[-•●]\s*", "", text).strip()
        if not text:
            continue
        heading = is_heading(text) or centered
        if heading and (SECTION.match(text) or centered):
            section, sub = text, ""
        elif heading:
            sub = text
        path = f"{section} / {sub}" if sub else section
        starts = heading or indent > INDENT or NUMBERED.match(text) or prev_end or not paragraphs
        if starts or paragraphs[-1][0] != path:
            paragraphs.append([path, text, page, heading])
        else:
            paragraphs[-1][1] += text
        prev_end = heading or text.endswith(("。", "！", "？", "：", ":"))
    out: list[Passage] = []
    for path, text, page, heading in paragraphs:
        if heading:
            continue  # a bare heading is already every passage's section
        for chunk in chunks(text):
            out.append(Passage(ordinal=len(out), section=path or "正文", text=chunk, page=page))
    return out
