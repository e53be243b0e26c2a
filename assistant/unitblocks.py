"""A unit's own rows in a table printed unit by unit (广州: 表11 基本支出 / 表12 项目支出 list 合计, then each
unit's row followed by its lines — 工资福利支出, 商品和服务支出 … or its projects). A question naming a unit
(its full name, its name without the bracketed second name, or without the department's region/name prefix:
「政务信息系统管理中心」) and a line reads that line in the unit's block, not the department's; 「它的基本支出
占它总收入的百分之几」 divides the unit's rows of the tables the words name; 「哪一项最多」 ranks its lines.

Which rows are units is read from the document: the rows of its tables listed by 单位名称 (收入总表 …) that
are no total, found again as rows of the table printed unit by unit.
"""
from __future__ import annotations

import re

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, default_column, plain_label

_TOTALS = re.compile(r"^(合计|总计|小计)$")
_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
# The words naming the figure of a unit in a table: the table kind whose block header holds it.
_PART = {"基本支出": model.BASIC, "项目支出": model.PROJECT}
_WHOLE = re.compile(r"(?:总|全部|全年)?收入(?:总计|合计|总额)?|(?:总|全部)?支出(?:总计|合计|总额)?")
# A ranking of the unit's projects said without 项目支出 (「哪个项目钱最多」「最大的项目」).
_PROJECTS = re.compile(r"哪(?:一|几)?(?:个|项|些)?项目|项目(?:中|里|当中)?(?:的)?(?:钱|资金|金额|预算)?最|最[多少大小高低]的(?:一个|一项)?项目")
_SHARE = re.compile(r"(基本支出|项目支出)(?:数|预算|的钱)?(?:占|是)(?:它|其|该单位|本单位)?的?"
                    r"((?:总|全部|全年)?(?:收入|支出)(?:总计|合计|总额)?)")


def _listed_units(doc) -> list[str]:
    """The unit names of the document's tables listed by 单位名称 (no totals)."""
    out: list[str] = []
    for t in doc.tables:
        if not t.rows or not any(c.path.split("/")[-1] == "单位名称" for c in t.columns):
            continue
        for r in t.rows:
            name = plain_label(r.label)
            if not _TOTALS.match(name) and name not in out:
                out.append(name)
    return out


def _same(label: str, unit: str) -> bool:
    a, b = re.sub(r"[()]", lambda m: "（" if m.group() == "(" else "）", label), \
        re.sub(r"[()]", lambda m: "（" if m.group() == "(" else "）", unit)
    a = re.sub(r"（本级）$", "", a)
    return a == b or _BRACKET.sub("", a) == _BRACKET.sub("", b) and len(_BRACKET.sub("", b)) >= 4


def _blocks(table, units: list[str]) -> list[tuple[object, list]]:
    """(the unit's row, its lines) for each unit printed in ``table`` as a row followed by its lines."""
    heads = [i for i, r in enumerate(table.rows) if any(_same(plain_label(r.label), u) for u in units)]
    if len(heads) < 2:
        return []
    out = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(table.rows)
        members = [r for r in table.rows[i + 1:end] if not _TOTALS.match(plain_label(r.label))]
        if members:
            out.append((table.rows[i], members))
    return out if len(out) >= 2 else []


def _spoken(unit: str, department: str, region: str | None) -> list[str]:
    """The ways a question says the unit: whole, without its bracketed second name, without the prefix it
    shares with the department's name (「广州市政府政务信息系统管理中心」 → 「政府政务信息系统管理中心」)."""
    base = _BRACKET.sub("", unit)
    out = {unit, base}
    k = 0
    while k < min(len(base), len(department)) and base[k] == department[k]:
        k += 1
    if len(base) - k >= 4:
        out.add(base[k:])
    if region and base.startswith(region) and len(base) - len(region) >= 4:
        out.add(base[len(region):])
    return sorted((s for s in out if len(s) >= 4), key=len, reverse=True)


def _named(q: str, units: list[str], department: str, region: str | None) -> tuple[str, str] | None:
    """(the unit, the words the question names it by): the longest naming found; else the longest end of
    one unit's name (5 characters or more: 「公文交换站」, 「政务信息系统管理中心」) no other unit's name ends with."""
    best = None
    for u in units:
        if _same(u, department):
            continue
        for s in _spoken(u, department, region):
            if s in q and (best is None or len(s) > len(best[1])):
                best = (u, s)
    if best is not None:
        return best
    ends = []
    for u in units:
        base = _BRACKET.sub("", u)
        if _same(u, department):
            continue
        end = next((base[i:] for i in range(len(base) - 4) if base[i:] in q), None)
        if end and not any(v != u and _BRACKET.sub("", v).endswith(end) for v in units):
            ends.append((u, end))
    return max(ends, key=lambda x: len(x[1])) if len(ends) == 1 else None


def _block_of(table, units, unit):
    return next(((h, m) for h, m in _blocks(table, units) if _same(plain_label(h.label), unit)), None)


def _ref(doc, table, row) -> CellRef | None:
    col = default_column(table)
    cell = row.cell(col) if col else None
    return CellRef(doc.document, table, row, cell) if cell is not None and cell.value is not None else None


def _whole(doc, units, unit, word: str) -> CellRef | None:
    """The unit's row of the table listed by 单位名称 of the kind the word names (收入 → 收入总表)."""
    kind = model.INCOME if "收入" in word else model.EXPENDITURE
    for t in doc.tables:
        if t.kind != kind or not any(c.path.split("/")[-1] == "单位名称" for c in t.columns):
            continue
        row = next((r for r in t.rows if _same(plain_label(r.label), unit)), None)
        if row is not None:
            return _ref(doc, t, row)
    return None


def answer(question: str, q: str, doc):
    units = _listed_units(doc)
    if len(units) < 2:
        return None
    department = doc.document.department
    found = _named(q, units, department, getattr(doc.document, "region", None))
    if found is None and "本级" in q:  # 「本级的基本支出」: the unit printed under the department's own name
        found = next(((u, "本级") for u in units if _same(u, department) or u.endswith("本级")), None)
    if found is None:
        return None
    unit, said = found
    rest = q.replace(said, "")
    tables = [t for t in doc.tables if t.kind in (model.BASIC, model.PROJECT) and t.rows]
    # 「它的基本支出占它总收入的百分之几」: the unit's block row ÷ its row of the table listed by unit.
    if W.SHARE.search(rest) and (m := _SHARE.search(rest)):
        table = next((t for t in tables if t.kind == _PART[m.group(1)] and _block_of(t, units, unit)), None)
        whole = _whole(doc, units, unit, m.group(2))
        if table is None or whole is None:
            return None
        part = _ref(doc, table, _block_of(table, units, unit)[0])
        if part is None:
            return None
        (a, b), unit_, conv = figures.common_unit([part, whole])
        r = arith.share(a, b)
        return figures.computed(question, f"{unit}的{m.group(1)}占其{m.group(2)}的 {arith.fmt(r.value)}%", r, "%",
                                [part, whole], conversions=conv)
    kinds = [k for w, k in _PART.items() if w in rest]
    if not kinds and _PROJECTS.search(rest) and "基本" not in rest:
        kinds = [model.PROJECT]  # 「哪个项目钱最多」: the unit's projects, the lines of its 项目支出 block
    if len(kinds) != 1:
        return None
    table = next((t for t in tables if t.kind == kinds[0] and _block_of(t, units, unit)), None)
    if table is None:
        return None
    head, members = _block_of(table, units, unit)
    word = next(w for w, k in _PART.items() if k == kinds[0])
    if W.RANK.search(rest) and re.search(r"哪", rest):
        from .ranks import _answer
        refs = [c for r in members if (c := _ref(doc, table, r)) is not None]
        if len(refs) < 2:
            return None
        ans = _answer(question, rest, refs, f"{table.title}所列{unit}的{word}", lambda c: plain_label(c.row.label))
        head_ref = _ref(doc, table, head)
        if ans is not None and head_ref is not None and sum(c.value for c in refs) == head_ref.value:
            # the lines read are the unit's whole block: they add up to its own row (a line named after the
            # department but printed in the unit's block is the unit's)
            ans.answer += (f"。以上 {len(refs)} 项合计 {arith.fmt(head_ref.value)}，即{unit}行的数"
                           f"（{head_ref.where()}）")
            ans.citations.append(head_ref.citation())
        return ans
    # 「…基本支出里对个人和家庭的补助」: the unit's line of that name.
    named = [r for r in members if len(plain_label(r.label)) >= 2 and plain_label(r.label) in rest]
    if not named:
        if W.SHARE.search(rest) or W.RANK.search(rest) or re.search(r"和|与|及|跟|加|、|比", rest):
            return None
        ref = _ref(doc, table, head)  # 「管理中心的项目支出」: the unit's row, adding up its lines
        if ref is None:
            return None
        value, unit_, shown, calc = figures.amount(ref, q)
        return Answer(question, ANSWERED, f"{unit}的{word}：{shown}（{ref.where()}）", value, unit_, calc,
                      [ref.citation()])
    row = max(named, key=lambda r: len(plain_label(r.label)))
    ref = _ref(doc, table, row)
    if ref is None or re.search(r"和|与|及|跟|加|、", rest.replace(plain_label(row.label), "")):
        return None  # two lines asked: not one unit's line
    value, unit_, shown, calc = figures.amount(ref, q)
    head_ref = _ref(doc, table, head)
    cites = [ref.citation()] + ([head_ref.citation()] if head_ref is not None else [])
    return Answer(question, ANSWERED, f"{unit}的{word}中，{plain_label(row.label)}：{shown}（{ref.where()}，"
                  f"列在{plain_label(head.label)}之下）", value, unit_, calc, cites)

