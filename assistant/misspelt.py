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
