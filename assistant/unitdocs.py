"""A question naming one of a department's own units (「杭州市气象服务中心2026年…项目预算」) and no
department: the documents whose tables list that unit by name (a table by 单位名称, a project table's 单位
column) are the ones it is about; the choice among them (year, 预算/决算) is made as for a department."""
from __future__ import annotations

import re

# An organ's name as a question says it: ends with what units are called (中心, 站, 所 …).
_ORG = re.compile(r"[\u4e00-\u9fff（）()]{3,20}?(?:中心|站|所|院|队|馆|处|室|团|校|会|台)")


def names(q: str) -> list[str]:
    """The unit names the question may use, longest first."""
    out = set()
    for i in range(len(q)):
        m = _ORG.match(q, i)
        if m and len(m.group()) >= 5:
            out.add(m.group())
    return sorted(out, key=len, reverse=True)


def _holders(corpus, name: str) -> set[str]:
    """ids of the documents a row of whose tables is that unit (its name, or its name then a bracket)."""
    store = getattr(corpus, "store", None)
    if store is None:
        return {d.document.doc_id for d in corpus.docs
                if any(_is_unit(r.label, name) for t in d.tables for r in t.rows)}
    with corpus._lock:
        got = store.db.execute("SELECT DISTINCT doc_id, label FROM rows WHERE label >= ? AND label < ?",
                               (name, name + "\uffff")).fetchall()
    return {doc_id for doc_id, label in got if _is_unit(label, name)}


def _is_unit(label: str, name: str) -> bool:
    label = re.sub(r"\s", "", label)
    return label == name or label.startswith(name + "（") or label.startswith(name + "(")


def listing(corpus, q: str, docs: list) -> list:
    """Of ``docs``, those listing a unit the question names; [] when none does."""
    from .documents import department_names
    for name in names(q):
        ids = _holders(corpus, name)
        hit = [d for d in docs if d.document.doc_id in ids
               and name not in department_names(d.document.department, d.document.region)]
        if hit:
            return hit
    return []
