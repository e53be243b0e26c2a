"""The regional templates as data (``templates.toml``): table kinds by title, column roles and meanings.

Readers consult this instead of branching per region, so a new template is a change to the data file
and a fixture, not to code.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from . import model
from .values import clean

_FILE = Path(__file__).with_name("templates.toml")
# Table numbering and years say nothing about a table's kind: 公开01表, 预算01表, 表1, 表一, 附表3, "1."
_NUMBERING = re.compile(r"(公开|预算|决算|附)?\s*表\s*(?:\d+(?:-\d+)?|[一二三四五六七八九十]+(?![\u4e00-\u9fff]))\s*[:：、.．]?|"
                        r"(公开|预算|决算|附)\s*\d+\s*表\s*|"
                        r"^\s*[0-9一二三四五六七八九十]+\s*[、.．]\s*|(19|20)\d{2}\s*年\s*度?")
# A line or cell giving the money unit ("单位：元", "金额单位：万元"); group 1 is the unit.
UNIT_LINE = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元|千元|亿元)")
# A table's number printed on its own ("公开01表", "表1", "表一", "预算 05 表").
_TABLE_NUMBER = re.compile(r"^(公开|预算|决算|附)?表\s*[0-9一二三四五六七八九十]+(-\d+)?$|^(公开|预算|决算)\s*\d+\s*表$")
_QUOTES = re.compile(r"[“”\"'‘’「」]")


@lru_cache(maxsize=1)
def data() -> dict:
    with _FILE.open("rb") as fh:
        return tomllib.load(fh)


def _flat(title: str) -> str:
    return _QUOTES.sub("", _NUMBERING.sub("", clean(title))).replace(" ", "")


def _matches(key: str, flat: str) -> bool:
    for part in key.split("+"):
        if part.startswith("!"):
            if part[1:] in flat:
                return False
        elif part not in flat:
            return False
    return True


def table_kind(title: str) -> str:
    """The canonical kind of a table from its printed title, whatever the region calls or numbers it."""
    flat = _flat(title)
    for entry in data()["kind"]:
        if any(_matches(k, flat) for k in entry["keys"]):
            return entry["kind"]
    return model.OTHER


def is_table_title(text: str) -> bool:
    """A line that can name a table: short, no sentence, ending in 表 (before a "（续）" or a "（按…分类）"
    qualifier, even one cut at the line end). Whether a grid follows decides; this only says it could."""
    s = clean(text).replace(" ", "")
    s = re.sub(r"[（(]续[)）]$", "", s)
    s = re.sub(r"[（(][^（）()]*[)）]?$", "", s)
    return s.endswith("表") and 2 < len(s) <= 60 and not re.search(r"[。，；…]|\.{3}", s)


def is_table_number(text: str) -> bool:
    return bool(_TABLE_NUMBER.match(clean(text).replace(" ", "")))


def money_kinds() -> frozenset[str]:
    return frozenset(data()["money"]["kinds"])


def boilerplate(line: str) -> bool:
    s = clean(line)
    return s.startswith(tuple(data()["boilerplate"]["prefixes"]))


def is_note(line: str) -> bool:
    return clean(line).startswith(tuple(data()["boilerplate"]["notes"]))


def says_empty(note: str) -> bool:
    return any(k in note for k in data()["boilerplate"]["empty"])


def role_words(role: str) -> tuple[str, ...]:
    return tuple(data()["roles"][role])


# Meanings a leaf may have that say less than its group: "基本支出/决算数" measures 基本支出.
_GENERIC = ("合计", "决算数")


def column_meaning(path: str, doc_year: int | None = None) -> str | None:
    """What a column measures: "基本支出", "上年/合计" … (None for a column of names)."""
    def match(text: str) -> str | None:
        return next((m["meaning"] for m in data()["meaning"] if re.search(m["pattern"], text)), None)

    # The leaf says what the column holds; a generic leaf (合计, 小计, 金额) takes its meaning from the
    # nearest group above it that says more ("一般公共预算基本支出/合计" → 基本支出).
    parts = path.split("#")[0].split("/")
    # Under a change group ("增减变化情况/…/公务接待费") a column holds the change of its figure, not the figure.
    change = next((m for part in parts[:-1] if (m := match(part)) in ("增减", "增减率")), None)
    if change is not None:
        return "增减率" if match(parts[-1]) == "增减率" else change
    meaning = None
    for part in reversed(parts):
        meaning = match(part) or meaning
        if meaning is not None and meaning not in _GENERIC:
            break
    if meaning is None:
        return None
    period = next((p["period"] for p in data()["period"] if re.search(p["pattern"], path)), None)
    if period is None and doc_year is not None:
        years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", path)]
        if years and years[-1] == doc_year - 1:
            period = "上年"
    return f"{period}/{meaning}" if period else meaning
