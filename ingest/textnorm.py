"""Text as pdfplumber gives it → text the rest of the project can match on.

Three separate steps, each for a different defect of extracted PDF text:

- ``normalise``: character-level repairs. Some embedded fonts map ordinary ideographs to radical code
  points (⻘ for 青, ⽉ for 月), pdfminer keeps ideographic spaces and zero-width characters, and
  FangSong_GB2312 exports print 〔2019〕 as „2019‟. Nothing else changes: full-width punctuation
  (（）：，) is kept as is because the readers and templates match on it.
- ``join_spaced``: letter-spaced headings ("江 苏 省 高 级 人 民 法 院", "目 录") read as words.
- ``paragraphs`` / ``paragraph_lines``: page lines broken by the layout rejoined into paragraphs.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# CJK Radicals Supplement (U+2E80–U+2EFF) has no NFKC mapping except ⺟ and ⻳, so the forms that stand
# for a whole character are listed by hand (checked against unicodedata.name). Component-only forms
# (⺅ PERSON, ⺡ WATER ONE …) are left alone: no character is drawn with them.
_SUPPLEMENT = {
    "⺁": "厂",  # CLIFF
    "⺇": "几",  # TABLE
    "⺌": "小", "⺍": "小",  # SMALL ONE / TWO
    "⺕": "彐",  # SNOUT TWO
    "⺟": "母",  # MOTHER
    "⺠": "民",  # CIVILIAN
    "⺢": "水",  # WATER TWO
    "⺮": "竹",  # BAMBOO
    "⺶": "羊",  # SHEEP
    # MEAT: the 月-shaped form of 肉; a font that maps a character's glyph here is drawing 月
    # (a standalone 肉 looks different), so 月 is the character meant.
    "⺼": "月",
    "⻁": "虎",  # TIGER
    "⻄": "西",  # WEST TWO (⻄安 for 西安)
    "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝", "⻊": "足", "⻋": "车",
    "⻌": "辶",  # SIMPLIFIED WALK: component only, but its own character exists
    "⻐": "钅", "⻓": "长", "⻔": "门", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风",
    "⻜": "飞", "⻝": "食", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻬": "齐", "⻮": "齿",
    "⻯": "龙",  # J-SIMPLIFIED DRAGON (竜 in Japanese; these documents are simplified Chinese)
    "⻰": "龙", "⻳": "龟",
}
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _table() -> dict[int, str | None]:
    t: dict[int, str | None] = {ord(c): None for c in _ZERO_WIDTH}
    t[0x3000] = " "  # ideographic space
    t[0x00A0] = " "  # no-break space
    for cp in range(0x2F00, 0x2FE0):  # Kangxi radicals: NFKC gives the unified ideograph
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            t[cp] = n
    for cp in range(0xF900, 0xFB00):  # CJK compatibility ideographs: each is one unified ideograph
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n != c and len(n) == 1:
            t[cp] = n
    t.update({ord(k): v for k, v in _SUPPLEMENT.items()})
    return t


_TRANSLATE = _table()
# 〔2019〕 in a document number (苏财预〔2019〕7号) printed through a font that maps the brackets to
# „ ‟; only this exact shape is repaired, a „ elsewhere stays.
_DOC_NO = re.compile(r"„(\d{4})‟")


def normalise(text: str) -> str:
    """Character repairs only; the result has the same lines and punctuation as the input."""
    return _DOC_NO.sub(r"〔\1〕", text.translate(_TRANSLATE))


def radical_count(text: str) -> int:
    """How many Kangxi / Radicals Supplement code points the text has (for measuring fonts)."""
    return sum(1 for c in text if 0x2E80 <= ord(c) <= 0x2FDF)


# --- letter-spaced headings --------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201f\u2014\u2026]")
_IDEO = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _spaced(tokens: list[str]) -> bool:
    singles = sum(1 for t in tokens if len(t) == 1 and _IDEO.match(t))
    return singles >= 2 and singles * 2 >= len(tokens)


def join_spaced(text: str) -> str:
    """Join letter-spaced lines: "江 苏 省 高 级 人 民 法 院" → "江苏省高级人民法院", "目 录" → "目录".

    A line counts as letter-spaced when at least two of its space-separated tokens, and at least half
    of them, are single ideographs. In such a line a single space is removed between two CJK
    characters (ideographs or full-width punctuation), between a CJK character and a digit
    ("2019 年 部 门 预 算" → "2019年部门预算": Chinese typesetting has no word spaces, the space is
    spacing) and between two single digits ("2 0 1 9"). Spaces between numbers ("301 02",
    "12.00 3.00") and runs of two or more spaces (column gaps) stay. Lines that are not letter-spaced
    are returned unchanged, so "2019 年度部门预算" keeps its space: other code reads those.
    Text only, no positions: a table header row "收 入 支 出" (two cells) is joined too, so apply this to
    headings and cover lines, not to table rows.
    """
    out = []
    for line in text.split("\n"):
        parts = re.split(r"( +)", line)
        tokens = [p for p in parts[::2] if p]
        if not _spaced(tokens):
            out.append(line)
            continue
        buf = parts[0]
        for i in range(1, len(parts) - 1, 2):
            gap, a, b = parts[i], parts[i - 1], parts[i + 1]
            if gap == " " and a and b and _joins(a, b):
                gap = ""
            buf += gap + b
        out.append(buf)
    return "\n".join(out)


def _joins(a: str, b: str) -> bool:
    la, fb = a[-1], b[0]
    if _CJK.match(la) and _CJK.match(fb):
        return True
    if (_CJK.match(la) and fb.isdigit()) or (la.isdigit() and _CJK.match(fb)):
        return True
    return la.isdigit() and fb.isdigit() and len(a) == 1 and len(b) == 1


# --- paragraphs ---------------------------------------------------------------------------------------

# A line that starts a list item or heading starts a paragraph whatever its indent:
# 一、 （一） (1) 1. 1、 1． ① 第一部分 第一章 第一条 ● …
_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[、.．)）](?!\d)"
                   r"|[①-⑳]|第[一二三四五六七八九十百\d]+[部分章节条篇]|[●•▪■◆◇○])")
_END = ("。", "；", "：", "！", "？", ":", ";", "!", "?")
_CLAUSE = re.compile(r"[，。；,;]")
_PAGE_NO = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")


def _line(item: Mapping[str, Any] | Sequence[Any]) -> tuple[str, float, float, float | None]:
    if isinstance(item, Mapping):
        return str(item["text"]), float(item["x0"]), float(item["x1"]), item.get("top")
    text, x0, x1 = item[0], item[1], item[2]
    return str(text), float(x0), float(x1), None


def _width_units(text: str) -> float:
    """Width in em: ideographs and full-width punctuation 1, everything else ½."""
    return sum(1.0 if _CJK.match(c) else 0.5 for c in text if not c.isspace()) or 1.0


def _margins(rows: list[tuple[str, float, float, float | None]]) -> tuple[float, float, float]:
    ems = [(x1 - x0) / _width_units(t) for t, x0, x1, _ in rows if len(t.strip()) >= 8]
    char = statistics.median(ems) if ems else 12.0
    # Left margin: the smallest x0 at least two lines share (a centred title or an indented first line
    # is not the margin); right edge: the 90th percentile of x1, so a few over-long lines (punctuation
    # hanging into the margin) and the many short last lines do not move it.
    xs = Counter(round(x0) for _, x0, _, _ in rows)
    shared = [x for x, n in xs.items() if n >= 2]
    left = float(min(shared)) if shared else min(x0 for _, x0, _, _ in rows)
    ends = sorted(x1 for _, _, x1, _ in rows)
    right = ends[int(0.9 * (len(ends) - 1))] if len(ends) >= 10 else ends[-1]
    return left, right, char


def paragraph_lines(lines: Iterable[Mapping[str, Any] | Sequence[Any]], *, left: float | None = None,
                    right: float | None = None, char: float | None = None) -> list[list[int]]:
    """The indices of ``lines`` that make up each paragraph, in order (see ``paragraphs``)."""
    rows = [_line(x) for x in lines]
    keep = [i for i, (t, _, _, top) in enumerate(rows) if t.strip() and not (top is not None and top < 0)]
    if not keep:
        return []
    m_left, m_right, m_char = _margins([rows[i] for i in keep])
    left = m_left if left is None else left
    right = m_right if right is None else right
    char = m_char if char is None else char
    groups: list[list[int]] = []
    ended = True
    for i in keep:
        text, x0, x1, _ = rows[i]
        text = text.strip()
        mid = (x0 + x1) / 2
        if _PAGE_NO.match(text) or (text.isdigit() and len(text) <= 3 and abs(mid - (left + right) / 2) < 2 * char):
            continue  # a printed page number, not text
        indented = x0 - left >= 0.75 * char
        if ended or indented or _ITEM.match(text) or not groups:
            groups.append([i])
        else:
            groups[-1].append(i)
        short = right - x1 > 1.5 * char
        plain = not _CLAUSE.search(text)
        title_like = plain and (x1 - x0 < (right - left) * 2 / 3 or x0 - left > 3 * char)
        ended = (short or x0 - left > 3 * char) and (text.endswith(_END) or title_like)
    return groups


def paragraphs(lines: Iterable[Mapping[str, Any] | Sequence[Any]], *, left: float | None = None,
               right: float | None = None, char: float | None = None) -> list[str]:
    """Rejoin lines the page layout broke into paragraphs.

    ``lines``: in reading order, either dicts as ``pdfplumber``'s ``page.extract_text_lines()`` gives
    them (``text``, ``x0``, ``x1``; ``top`` optional) or ``(text, x0, x1)`` tuples, in PDF points.
    Lines of consecutive pages with the same layout may be passed together, so that a paragraph
    running over a page break stays one; a line with a negative ``top`` is skipped (text placed above
    the page, outside what is printed, as some Word exports do), and so are printed page numbers
    ("- 3 -", "第3页", "3/10", a centred "18").
    ``left`` / ``right``: the text block's margins; ``char``: the width of one ideograph. Each is
    estimated from the lines when not given (left: smallest x0 shared by two lines; right: 90th
    percentile of x1, the largest x1 when fewer than 10 lines; char: median width per em of the
    longer lines).

    A paragraph starts at the first line, at a line indented by ¾ character or more from ``left``
    (first-line indent is usually 2), at a heading or list item (一、 （一） 1. 1、 ① 第一部分 …), and
    after a line that ends more than 1½ characters short of ``right`` (or starts more than 3 in from
    ``left``: a centred line) and either ends a sentence (。；：！？) or is title-like (no clause
    punctuation, under ⅔ of the block's width or centred: a title or a heading). Lines are joined with no space, except a space between two Latin letters.
    """
    rows = list(lines)
    out = []
    for group in paragraph_lines(rows, left=left, right=right, char=char):
        text = ""
        for i in group:
            piece = _line(rows[i])[0].strip()
            if text and text[-1].isascii() and text[-1].isalpha() and piece[:1].isascii() and piece[:1].isalpha():
                text += " "
            text += piece
        out.append(text)
    return out
