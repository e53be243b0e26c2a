"""A department's name said with one wrong character (「杭州气像局」「国家信仿局」): the department meant.

People type a department's name by its sound and pick a wrong character of the same sound (像 for 象, 仿 for
访). When the question names no department exactly, a name of the question that differs from exactly one
department's name (one of the names it answers to, four characters or more) in one character is read as
that department, and the answer says how it was read. The wrong character is in the field the name names
(气象, 信访), or in its region's name or a longer organ word when what is said there is no name at all:
「普佗区财政局」 (佗 for 陀: 普佗区 is no place of the country) and 「万里街到」 (到 for 道: 街到 is no organ word)
are misspelt, but a region said that is a real place (广州气象局 is not 杭州气象局: assistant/places.txt) or
an organ word said that is another organ (财政部 is not 财政局, 办公室 not 办公厅) names another department,
never a misspelt one; a one-character organ word (局, 部) said otherwise is never read as misspelt — its one
character is all that says which organ. Nor is a name that holds a known organ's own name (民政局 in
普陀区民政局, one character from 普陀区财政局) — that department is not held, and is refused as such.
Two departments' names fitting as well choose neither. A name said exactly always wins: this is tried only
when no department is named as printed, or (the region) when the name said is held only under other regions.

The chosen document's budget lines are read the same way (``read_line``, below): 「信息华建设」 is 信息化建设.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import synonyms
from .documents import department_names, region_names
from .scope import _OTHER_DEPARTMENTS as KNOWN_ORGANS  # organs people name (民政局): never a misspelling

# The organ's word at a name's end: the part of the name that says what kind of body it is.
_ORGAN = re.compile(r"(?:委员会|办公室|办公厅|办事处|街道|局|厅|委|办|部|署|院|处|中心)$")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
MIN_NAME = 4  # 信访局 (3) has too few characters for one to be wrong: 国家信访局 (5) is matched whole


@dataclass(frozen=True)
class Reading:
    said: str  # the words of the question (国家信仿局)
    name: str  # the department's name they were read as (国家信访局)
    department: str


@lru_cache(maxsize=65536)
def _region_spans(department: str, region: str, name: str) -> tuple[tuple[int, int], ...]:
    """Where the department's region's names (two characters or more: 普陀区, 上海) lie in one of its names."""
    out = []
    for r in sorted(region_names(department, region), key=len, reverse=True):
        at = name.find(r)
        if len(r) >= 2 and at >= 0 and not any(a <= at < b for a, b in out):
            out.append((at, at + len(r)))
    return tuple(out)


def _no_place(before: str, said: str) -> bool:
    """Is the region said (普佗区) no place of the country, nor ends the words before the name with one?"""
    from .documents import _place_before, _places
    return said not in _places() and not _place_before(before)


def _off_field(q_before: str, w: str, n: str, key: tuple[str, str], start: int, end: int, k: int) -> bool:
    """The one wrong character (at k) lies past the field: in a region's name said as no place (普佗区 for
    普陀区), or in an organ word of two characters or more said as no organ word (街到 for 街道)."""
    if k < start:
        span = next(((a, b) for a, b in _region_spans(*key, n) if a <= k < b), None)
        return span is not None and _no_place(q_before + w[:span[1]], w[span[0]:span[1]])
    return k >= end and len(n) - end >= 2 and _ORGAN.search(w[end:]) is None


@lru_cache(maxsize=65536)
def _field_spans(department: str, region: str) -> tuple[tuple[str, int, int], ...]:
    """Each name of the department (four characters or more) with where its field lies: past the region's
    words and prefixes (杭州, 市, 国家) and before the organ's word (局)."""
    lead = sorted({*region_names(department, region), *synonyms.NAME_PREFIXES,
                   *(lv for lv in synonyms.REGION_LEVELS if len(lv) == 1), "委"}, key=len, reverse=True)
    out = []
    for n in department_names(department, region):
        if len(n) < MIN_NAME:
            continue
        start = 0
        while True:  # 杭州 + 市 + …, 国家 + …: every region word and level said first
            w = next((w for w in lead if n.startswith(w, start)), None)
            if w is None:
                break
            start += len(w)
        organ = _ORGAN.search(n)
        end = organ.start() if organ else len(n) - 1
        if end - start >= 2:  # a field of two characters at least: one of them still right
            out.append((n, start, end))
    return tuple(out)


def read(q: str, docs: list) -> tuple[list, Reading | None]:
    """The documents of the one department a name of the question misspells, and how it was read."""
    found: dict[tuple[str, str], Reading] = {}
    best = 0
    for d in docs:
        key = (d.document.department, d.document.region)
        if key in found:
            continue
        for n, start, end in _field_spans(*key):
            if len(n) < best:
                continue
            for run in _CJK.finditer(q):
                text = run.group()
                for i in range(len(text) - len(n) + 1):
                    w = text[i:i + len(n)]
                    wrong = [k for k in range(len(n)) if w[k] != n[k]]
                    if len(wrong) != 1 or not (start <= wrong[0] < end or
                                               _off_field(text[:i], w, n, key, start, end, wrong[0])):
                        continue
                    if any(o in w and o not in n for o in KNOWN_ORGANS):
                        continue  # 普陀区民政局: another department, not 普陀区财政局 misspelt
                    if len(n) > best:
                        best, found = len(n), {}
                    found[key] = Reading(w, n, d.document.department)
    if len(found) != 1:  # none, or two departments' names fit as well: no reading
        return [], None
    (key, reading), = found.items()
    return [d for d in docs if (d.document.department, d.document.region) == key], reading


def note(reading: Reading | None) -> str:
    """What the answer says of the reading, so a wrong guess is seen at once."""
    return f"（问题中的“{reading.said}”按“{reading.department}”理解）" if reading else ""


# --- a budget line's name said with one wrong character (「信息华建设」 for 信息化建设) --------------------------
# The same reading for the lines of the chosen document: its line names are its vocabulary (assistant/vocab.py),
# so nothing but the one document is read. A name of four characters or more that the question says with one
# character substituted is read as that line when it is the only line that fits, the words said are no name or
# word of the document as they stand, and they hold no department's or place's name (those say which document,
# never which line). Lines printed by a unit's name (「…局本级」, organ words) are units, not lines: left alone.


def _line_ends(vocab) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The line names (four characters or more) by their first two and by their last two characters: a name
    said with one wrong character still begins or ends as printed, so only the names a question's pairs of
    characters begin or end are compared, never every name."""
    ends = getattr(vocab, "_line_ends", None)
    if ends is None:
        heads: dict[str, list[str]] = {}
        tails: dict[str, list[str]] = {}
        for n, labels in vocab.rows.items():
            # printed labels only: a synonym's words (一共多少钱, 能花多少) are the asker's, never misspelt
            if n in labels and len(n) >= MIN_NAME and _CJK.fullmatch(n) and not _ORGAN.search(n) and "本级" not in n:
                heads.setdefault(n[:2], []).append(n)
                tails.setdefault(n[-2:], []).append(n)
        ends = vocab._line_ends = (heads, tails)
        vocab._printed = "\n".join((*vocab.rows, *vocab.columns, *vocab.tables))
    return ends


def _words_of(doc, vocab) -> str:
    """The document's own words (its passages and tables' titles): words said as printed are no misspelling.
    Kept with the document's vocabulary, read once."""
    words = getattr(vocab, "_words", None)
    if words is None:
        words = vocab._words = "\n".join([*(p.text for p in doc.passages), *(t.title or "" for t in doc.tables)])
    return words


@lru_cache(maxsize=65536)
def _same_sound(said: str, meant: str) -> bool:
    """Do the two characters sound alike (tones aside): the one's usual reading is a reading of the other."""
    from pypinyin import Style, pinyin  # pinyin dictionaries ship in the package
    usual = [pinyin(c, style=Style.NORMAL)[0][0] for c in (said, meant)]
    readings = [set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]) for c in (said, meant)]
    return usual[0] in readings[1] or usual[1] in readings[0]


def _one_wrong(w: str, n: str, vocab, words: str) -> bool:
    """Do the words said differ from the name in one character that makes no word as said? The wrong character
    with its neighbour is no word the document prints (决算 for 预算, 本级 for 本年, 工作 for 工会 are words of
    their own, said as meant); at a name's edge, the rest is no name of its own (公务接待来宾 says 公务接待, then
    来宾 — not 公务接待费)."""
    wrong = [k for k in range(len(n)) if w[k] != n[k]]
    if len(wrong) != 1:
        return False
    k = wrong[0]
    if not _same_sound(w[k], n[k]):
        return False  # people misspell by sound (华 for 化, 型 for 行): 一 for 每, 了 for 数 are other words said
    if any(len(b) == 2 and (b in vocab._printed or b in words) for b in (w[max(k - 1, 0):k + 1], w[k:k + 2])):
        return False
    if k in (0, len(w) - 1):
        rest = w[1:] if k == 0 else w[:-1]
        if rest in vocab.rows or rest in vocab.columns or rest in vocab.tables:
            return False
    return True


def read_line(q: str, vocab, doc, named: str = "") -> tuple[str, Reading | None]:
    """The question with the one line name it says with one wrong character said as printed, and how it was
    read (the Reading's ``department`` is the line read); the question unchanged and None otherwise."""
    from .documents import _places
    heads, tails = _line_ends(vocab)
    if not heads:
        return q, None
    printed = vocab._printed  # every name the document prints, rows, columns and tables: words said as printed
    words = _words_of(doc, vocab)
    masked = q
    for n in sorted({named, *department_names(doc.document.department, doc.document.region)}, key=len, reverse=True):
        if n and len(n) >= 2:
            masked = masked.replace(n, "|" * len(n))  # the department's own name: never a line's
    fits: dict[str, tuple[int, str]] = {}  # the line name → where it was said and the words said
    for run in _CJK.finditer(masked):
        text, at = run.group(), run.start()
        for i in range(len(text) - 1):
            for n, start in [*((n, i) for n in heads.get(text[i:i + 2], ())),
                             *((n, i + 2 - len(n)) for n in tails.get(text[i:i + 2], ()))]:
                w = text[start:start + len(n)] if start >= 0 else ""
                if len(w) == len(n) and w != n and w not in printed and _one_wrong(w, n, vocab, words):
                    # (words that are part of a printed name as they stand, 气象事业 of 气象事业机构, misspell
                    # no other line: 气象事务)
                    fits[n] = (at + start, w)
    if not fits:
        return q, None
    lines = {frozenset(vocab.rows[n]) for n in fits}
    if len(lines) != 1:
        return q, None  # two lines fit as well: neither is read
    n, (at, w) = max(fits.items(), key=lambda x: len(x[0]))
    places = _places()
    if any(w[a:b] in places or w[a:b] in KNOWN_ORGANS for a in range(len(w)) for b in range(a + 2, len(w) + 1)):
        return q, None  # a place's or an organ's name said: another region's or department's, not a line
    for m in vocab.mentions(q):
        if m.start < at + len(w) and at < m.end and not (at <= m.start and m.end <= at + len(w)):
            return q, None  # the words run into a name said as printed: part of that name, not a line misspelt
    if w in words:
        return q, None  # words the document's text or a title prints: a word of the document, not misspelt
    return q[:at] + n + q[at + len(w):], Reading(w, n, n)
