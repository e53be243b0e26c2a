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


def _said_as(label: str, name: str) -> bool:
    """Is the printed unit ``label`` said ``name`` with a prefix or a middle word left out (中共西安市委理论讲师团
    said 西安市委讲师团): past its prefix (中共) it begins as the name does, ends as it does (its last three
    characters, the kind of organ) and holds the name's characters in order."""
    from .synonyms import NAME_PREFIXES
    label = re.sub(r"\s", "", label)
    label = re.sub(r"[（(][^（）()]*[）)]$", "", label)
    for prefix in NAME_PREFIXES:
        if label.startswith(prefix):
            label = label[len(prefix):]
            break
    if label == name or not (label.startswith(name[:2]) and label.endswith(name[-3:])):
        return False
    it = iter(label)
    return all(ch in it for ch in name)


def _loosely(corpus, name: str, docs: list) -> list:
    """Of ``docs`` of a region the name begins with (西安市委讲师团: 西安), those a row of whose tables is
    the unit said so (``_said_as``)."""
    from .documents import region_names
    from .synonyms import NAME_PREFIXES
    name = next((name[len(p):] for p in NAME_PREFIXES if name.startswith(p) and len(name) - len(p) >= 5), name)
    regional = [d for d in docs if any(name.startswith(r) for r in region_names(d.document.department,
                                                                                    d.document.region))]
    if not regional:
        return []
    store = getattr(corpus, "store", None)
    if store is None:
        return [d for d in regional if any(_said_as(r.label, name) for t in d.tables for r in t.rows)]
    ids = [d.document.doc_id for d in regional]
    held: set[str] = set()
    with corpus._lock:
        for k in range(0, len(ids), 500):  # the region's documents only: rows read through their key
            part = ids[k:k + 500]
            got = store.db.execute(f"SELECT DISTINCT doc_id, label FROM rows WHERE doc_id IN "
                                   f"({','.join('?' * len(part))}) AND label LIKE ?",
                                   (*part, f"%{name[-3:]}%")).fetchall()
            held |= {doc_id for doc_id, label in got if _said_as(label, name)}
    return [d for d in regional if d.document.doc_id in held]


def listing(corpus, q: str, docs: list) -> list:
    """Of ``docs``, those listing a unit the question names; [] when none does."""
    from .documents import department_names
    said = names(q)
    for name in said:
        ids = _holders(corpus, name)
        hit = [d for d in docs if d.document.doc_id in ids
               and name not in department_names(d.document.department, d.document.region)]
        if hit:
            return hit
    for name in said:  # the unit said short of its printed name (no 中共, no middle word)
        hit = [d for d in _loosely(corpus, name, docs)
               if name not in department_names(d.document.department, d.document.region)]
        if hit:
            return hit
    return []
