"""The performance forms of one of a department's units: 「福州市商务发展促进中心房屋租金和物业费两个项目加起来」,
「促进中心哪个项目钱最多」. A 项目支出绩效目标表 prints its 实施单位 (the unit that carries the project out); a
question naming a unit other than the department itself reads only the forms that unit carries out — the
projects it names among them (one amount, or their sum), or all of them ranked — never the department's forms
of a like name (办公楼物业 of the department beside 物业费 of its unit) nor the unit's row of a 收入总表.

Which units carry out forms is read from the forms: the 实施单位 as a row (实施单位 | X) or, where the reader took
the form's top lines as its header, the column path segment after the one reading 实施单位.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer

_DOER = re.compile(r"^(?:项目)?实施单位[：:]?$")


def _leaf(path: str) -> str:
    return re.sub(r"#\d+$", "", path.split("/")[-1]).strip()


def doer(table) -> str | None:
    """The 实施单位 a form prints, as printed (no spaces)."""
    cols = [c.path for c in table.columns]
    for k, p in enumerate(cols[:-1]):
        if _DOER.match(_leaf(p)) and p.split("/")[:-1] == cols[k + 1].split("/")[:-1]:
            name = re.sub(r"\s", "", _leaf(cols[k + 1]))
            return name or None
    for r in table.rows[:6]:
        if _DOER.match(re.sub(r"\s", "", r.label)):
            raw = next((c.raw for c in r.cells if c.raw.strip()), "")
            return re.sub(r"\s", "", raw) or None
    return None


def answer(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    if "项目" not in q and not W.SUM.search(q):
        return None
    from .formfunds import _cite, _target_forms
    from .unitblocks import _named, _same
    items = _target_forms(doc)
    if not items:
        return None
    by_unit: dict[str, list] = {}
    for f, c, unit in items:
        if (who := doer(f.table)) is not None:
            by_unit.setdefault(who, []).append((f, c, unit))
    department = doc.document.department
    units = [u for u in by_unit if not _same(u, department)]
    if not units:
        return None
    found = _named(q, units + [department], department, getattr(doc.document, "region", None))
    if found is None:
        return None
    unit, said = found
    rest = q.replace(said, "")
    own = by_unit[unit]
    if len({u for _, _, u in own}) != 1:
        return None
    money = own[0][2]
    named = [(f, c) for f, c, _ in own if f.project and f.project in rest]
    where = f"公开绩效目标表中{unit}实施的项目"
    if len(named) >= 2 and W.SUM.search(rest):
        total = arith.total([c.value for _, c in named])
        parts = "；".join(f"{f.project} {arith.with_unit(c.value, money)}（{f.table.title}，第{f.table.page}页）"
                         for f, c in named)
        text = f"{where}中，{'、'.join(f.project for f, _ in named)}合计 {arith.with_unit(total.value, money)}" \
               f"（{parts}）。计算：{total.formula}"
        return Answer(question, ANSWERED, text, total.value, money, total.formula,
                      [_cite(doc, f, c) for f, c in named])
    from .formfunds import _has_project_table
    # A 项目支出表 printed unit by unit ranks the unit's projects (assistant/unitblocks.py), not its forms.
    if not named and W.RANK.search(rest) and re.search(r"哪", rest) and len(own) >= 2 and \
            not _has_project_table(doc):
        less = bool(re.search(r"最(少|低|小)", rest))
        ranked = sorted(((f, c) for f, c, _ in own), key=lambda x: x[1].value, reverse=not less)
        f, c = ranked[0]
        order = "；".join(f"{i + 1}. {g.project} {arith.with_unit(x.value, money)}" for i, (g, x) in enumerate(ranked))
        text = (f"{where}中资金{'最少' if less else '最多'}的是{f.project}：{arith.with_unit(c.value, money)}"
                f"（{f.table.title}，第{f.table.page}页）。排序：{order}")
        calc = (" < " if less else " > ").join(arith.fmt(x.value) for _, x in ranked)
        return Answer(question, ANSWERED, text, c.value, money, calc, [_cite(doc, g, x) for g, x in ranked])
    return None
