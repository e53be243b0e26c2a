"""A unit the question is about that no document of the corpus is of (「西安市儿童医院2022年的“三公”经费决算花了
多少」): refused, saying so — never a figure of another subject from a passage that happens to name it.

When the question names no department, the document is chosen by its year and kind alone; if the question's
subject is then an organ of a region (a region, a field, an organ's word: 西安市儿童医院, 某市第一中学) that is
not the chosen department, not one of the units its tables list (those are read by the unit families), and
not named after the department's own field (西安市卫生健康委 said otherwise, 杭州市气象服务中心 of 杭州市气象局),
the corpus holds no disclosure of it: the chosen document only mentions it (a project's 实施单位, a line of
its narrative), and what it prints of it is no figure of the unit as a whole.
"""
from __future__ import annotations

import re

from . import synonyms
from .documents import department_names

_LEVEL = "|".join(map(re.escape, synonyms.REGION_LEVELS))
_CJK = r"(?:(?![的和与跟同及在])[\u4e00-\u9fff])"
# An organ's or a unit's name: a region, then its field, then what such bodies are called.
_UNIT = (r"医院|卫生院|中心|学校|中学|小学|大学|学院|研究院|研究所|纪念馆|图书馆|博物馆|档案馆|委员会|办公室|办公厅|"
         r"办事处|法院|检察院|局|厅|委|署|站|所|队|馆|院|公司")
# The question's subject: said first (or after a break) and followed by a year, 的, or the question's end.
_SUBJECT = re.compile(rf"(?:^|(?<=[，,。：:；;]))((?:{_CJK}{{2,4}}?(?:{_LEVEL})){_CJK}{{1,12}}?(?:{_UNIT}))"
                      rf"(?=\s*(?:(?:19|20)\d{{2}}\s*年|的|[，,。？?]|$))")
# An organ's word at the end of a department's name: what is left is the field it works in (气象, 卫生健康).
_ORGAN_WORD = re.compile(r"(?:委员会|办公室|办公厅|办事处|局|厅|委|办|部|署)$")


# What the question asks of the unit names a project or a purchase of it: the document's (the unit is its
# 实施单位), read by the project families — only the unit's own whole figures are refused.
_PROJECT = re.compile(r"项目|工程|建设|院区|设备|购置|采购")


def refusal(q: str, doc, named: str) -> str | None:
    """Why the question cannot be answered from ``doc`` (chosen by year and kind, no department ``named``), or
    None."""
    if named:
        return None
    m = _SUBJECT.search(q)
    if m is None or _PROJECT.search(q[m.end():]):
        return None
    name = m.group(1)
    dept, region = doc.document.department, doc.document.region
    names = department_names(dept, region)
    if any(n in name or name in n for n in names):
        return None  # the department itself, said its own way
    fields = {f for n in names if (f := _ORGAN_WORD.sub("", n)) != n and len(f) >= 2}
    if any(f in name for f in fields):
        return None  # named after the department's own field: it, or one of its units
    if _listed(doc, name):
        return None  # a unit whose rows the document's tables print: the unit families read them
    where = sorted({p.page for p in doc.passages if name in re.sub(r"\s", "", p.text) and p.page} |
                   {t.page for t in doc.tables if t.page and any(name in re.sub(r"\s", "", c.path) for c in t.columns)})
    said = (f"{doc.document.label}提到它（第{'、'.join(map(str, where[:3]))}页{'等' if len(where) > 3 else ''}），但"
            if where else "")
    return f"语料库没有“{name}”自己的预算或决算文件；{said}没有单列这个单位的数，不能用其他单位或项目的数代替"


def _listed(doc, name: str) -> bool:
    """Does a table of the document print the unit's own row (its name, or its name said short)? A list of
    names (the units a 决算 covers, a form's 实施单位) prints no figure of it; nor does a short line of the same
    words (2100203 儿童医院, a 项 of 公立医院), a class of spending."""
    from .unitdocs import _said_as  # the unit said short of its printed name (中共西安市委理论讲师团)
    for t in doc.tables:
        for r in t.rows:
            label = re.sub(r"\s", "", r.label or "")
            if label.startswith(name) or _said_as(label, name):
                return True
    return False
