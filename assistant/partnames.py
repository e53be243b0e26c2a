"""A part said by its own words after the whole it belongs to: the whole names where to read, the part what.

- A column printed as a group's 小计 and the parts under it (「2026年政府采购项目 | 小计 | 其中：…预留给中小企业的项目资金
  规模 | 其中：…预留给小型、微型企业的项目资金规模」): 「政府采购项目中，预留给中小企业的资金规模是多少」 names the
  group (its 小计, by the vocabulary) and then the words of one part. Those words are the part's own — the
  group's total is a different figure, never the answer to them. The part is the sibling column whose words
  (its leaf without 其中, the year and the group's own name) the question's words after the group cover best,
  by the same run cover the narrative labels are matched with (labelled.cover); a tie reads nothing new.
- A fund printed only as lines named 「G-X」 (「交通运输专项资金-港航业领域」, in the 项目支出表 and again as the
  narrative's numbered items): 「交通运输专项资金里，现代物流业领域比港航业领域多多少」 says G once and each part by
  X alone. Each X said is that line (groups.named_parts finds the lines; a table's first), and G — a scope
  here, no line of its own — is no operand (the vocabulary read a shorter line, 交通运输支出, inside it).

Both rewrite the question's mentions only; the answering families then read the cells as usual, so every
figure stays a cited cell and every computation the tables' own.
"""
from __future__ import annotations

import re

from . import synonyms
from .corpus import plain_label, value_columns
from .vocab import Mention

_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
# What follows a part's words in a question: the ask, not the part's name.
_ASK_TAIL = re.compile(r"(?:的)?(?:是|为|有|共|一共|总共|合计|安排了?|大概|大约)*(?:多少|几|多大|哪).*$|[?？。]+$")


def mentions(q: str, found: list[Mention], doc) -> list[Mention]:
    found = _subcolumn(q, found, doc)
    return _prefixed(q, found, doc)


# -- a part column under a group's 小计 ------------------------------------------------------------------

def _words(leaf: str, group: str) -> str:
    """The part's own words: 「其中：2026年政府采购项目中预留给中小企业的项目资金规模」 → 预留给中小企业的项目资金规模."""
    text = _YEAR.sub("", re.sub(r"^其中[:：]?", "", leaf))
    text = text.replace(group, "", 1) if len(group) >= 2 else text
    return re.sub(r"^(?:中|的|里)", "", text)


def _said(words: str) -> list[str]:
    """The part's words and the shorter ways they are said (synonyms.SAID_ALSO: 小型、微型企业 → 小微企业)."""
    out = [words]
    for printed, spoken in synonyms.SAID_ALSO.items():
        if printed in words:
            out += [words.replace(printed, s) for s in spoken]
    return out


def _subcolumn(q: str, found: list[Mention], doc) -> list[Mention]:
    from .labelled import cover, weight
    for i, m in enumerate(found):
        if m.rows or not m.column or not m.column.endswith("/小计"):
            continue
        group = m.column.rsplit("/", 1)[0]
        name = _YEAR.sub("", group.split("/")[-1])
        parts = {p for t in doc.tables for p in value_columns(t) if p.startswith(group + "/") and p != m.column}
        if not parts:
            continue
        nxt = found[i + 1].start if i + 1 < len(found) else len(q)
        after = q[m.end:nxt]
        said = _ASK_TAIL.sub("", after)
        if weight(said) < 2:
            continue  # the group named alone: its 小计
        # each part by the way of saying its words the question covers best: (covered, its words' weight, path)
        scored = sorted((max((cover(w, said)[0], -weight(w)) for w in _said(_words(p.split("/")[-1], name))) + (p,)
                         for p in parts), reverse=True)
        top, size, path = scored[0][0], -scored[0][1], scored[0][2]
        if top < 4 or top < size / 2 or (len(scored) > 1 and scored[1][0] == top):
            continue  # no part's words said, or two parts said alike: nothing new is read
        end = m.end + len(said)
        part = Mention(m.start, end, q[m.start:end], column=path)
        return found[:i] + [part] + [x for x in found[i + 1:] if x.start >= end]
    return found


# -- a part of a 「G-X」 fund said by X ------------------------------------------------------------------

def _prefixed(q: str, found: list[Mention], doc) -> list[Mention]:
    from .groups import named_parts
    hit = named_parts(q, doc)
    if hit is None:
        return found
    _, group, items = hit
    g_at = q.find(group)
    g_end = g_at + len(group)
    said: list[Mention] = []
    for at, end, word, ref in said_parts(q, group, items):
        if any(m.start < at and end <= m.end or m.start <= at and end < m.end for m in found):
            continue  # said inside a longer name already read (「交通运输专项资金-港航业领域」 in full)
        said.append(Mention(at, end, word, {plain_label(ref.row.label)}))
    if not said:
        return found
    own_line = any(plain_label(r.label) == group for t in doc.tables for r in t.rows)
    keep = [m for m in found if not any(m.start < x.end and x.start < m.end for x in said)
            and not (not own_line and m.start < g_end and g_at < m.end)]
    return sorted(keep + said, key=lambda m: m.start)


def said_parts(q: str, group: str, items: dict) -> list[tuple[int, int, str, object]]:
    """The parts of 「G-X」 lines the question says after G: by X, by X without the end all parts share (港航业 of
    港航业领域), or, in a list (「（港航、绿色交通、民航…）」), by the start of that — one no other part starts with.
    (start, end, words, the line's CellRef), in the question's order."""
    from .groupparts import _kind
    g_at = q.find(group)
    after = g_at + len(group) if g_at >= 0 else 0
    kind = _kind(list(items))
    cores = {part: (part[:-len(kind)] if kind != "部分" and part.endswith(kind) and len(part) - len(kind) >= 2 else part)
             for part in items}
    out: list[tuple[int, int, str, object]] = []
    for part, ref in items.items():
        core = cores[part]
        starts = [core[:k] for k in range(len(core) - 1, 1, -1)
                  if not any(o != part and c.startswith(core[:k]) for o, c in cores.items())]
        for word in (part, core, *starts):
            listed = word not in (part, core)
            hit = re.search(re.escape(word) + (r"(?=[、，,和与及跟）)]|等)" if listed else ""), q[after:])
            if hit is None:
                continue
            at = after + hit.start()
            if not any(a < at + len(word) and at < b for a, b, _, _ in out):
                out.append((at, at + len(word), word, ref))
                break
    return sorted(out, key=lambda x: x[0])
