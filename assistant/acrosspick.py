"""Which documents a question across documents compares: the departments it names (by any name they
answer to, the longest first), each one's document of the year and kind asked, or every department's
when it asks about all of them (「哪个部门」「这几家单位」).

Split from ``across.py`` (which reads and combines each document's figure); this part only chooses.
"""
from __future__ import annotations

import re

from . import execution, synonyms
from .documents import department_names, region_levels, region_names
from .scope import years_in

# The question is about every department the corpus holds (of a year, of a kind).
ALL = re.compile(r"哪个部门|哪些部门|哪一个部门|哪家单位|哪个单位|哪些单位|各部门|各个部门|所有部门|全部部门|几个部门|"
                 r"部门之间|各单位|哪个局|各家|谁家|[这那]几家|几家单位|公开(?:了)?(?:预算|决算)的部门|部门里|部门中|"
                 r"[这那][一二两三四五六七八九十\d]+(?:家|个部门|个单位)|"  # 「这七家单位」: the ones the corpus holds
                 # 「这些部门谁的…最多」「这几个单位」: the ones the corpus holds, said without a number
                 r"[这那](?:些|几个|几)(?:部门|单位|家)")


def _named(q: str, docs: list) -> list:
    """The documents whose department the question may name, through the corpus's index of names when the
    documents are the corpus's (a question never tests a thousand departments' names one by one)."""
    corpus = getattr(docs[0], "_corpus", None) if len(docs) > 8 else None
    return corpus.named_in(q, docs) if corpus is not None else docs


def _spans(q: str, docs: list) -> list[tuple[int, int, str]]:
    """Where the question names each department: (start, end, department), in the question's order. The
    longest names first, so 普陀区财政局 does not also name 北京市财政局 through 财政局; words that name
    several departments (财政局) are settled by the region (below), else name none."""
    spans: list[tuple[int, int, str]] = []
    for d in docs:
        for n in department_names(d.document.department, d.document.region):
            start = q.find(n)
            while start >= 0:
                spans.append((start, start + len(n), d.document.department))
                start = q.find(n, start + 1)
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int, set]] = []
    for a, b, dept in spans:
        inside = next((t for t in taken if t[0] <= a and b <= t[1]), None)
        if inside is not None:
            if (inside[0], inside[1]) == (a, b):
                inside[2].add(dept)  # the same words name two departments: the region settles it, else neither
            continue
        if any(a < t[1] and t[0] < b for t in taken):
            continue
        taken.append((a, b, {dept}))
    regions = {d.document.department: d.document.region for d in docs}
    out = []
    for a, b, depts in sorted(taken):
        if len(depts) > 1:
            depts = _in_region(q, a, depts, regions)
        if len(depts) == 1:
            out.append((a, b, next(iter(depts))))
    return out


def _in_region(q: str, at: int, depts: set, regions: dict) -> set:
    """Of the departments a short name (财政局) answers to, those of the region the question says: a level
    said just before the name (区财政局: a 区's, not a 市's), or a region said in the question
    (「普陀区的三份预算：…区财政局…」: the region named once holds the short names after it)."""
    level = q[at - 1] if at > 0 else ""
    if level in synonyms.REGION_LEVELS:
        fit = {d for d in depts if any(r.endswith(level) for r in region_levels(d, regions[d])[-1:])}
        depts = fit or depts
    said = {d for d in depts if any(w in q for w in region_names(d, regions[d]))}
    return said or depts


def named_departments(q: str, docs: list) -> dict[str, list]:
    """Department → its documents, for each department the question names, in the question's order."""
    docs = _named(q, docs)
    out: dict[str, list] = {}
    for _, _, dept in _spans(q, docs):
        out.setdefault(dept, [d for d in docs if d.document.department == dept])
    return out


# A department said as a region and an organ (广州市交通运输局, 成都市民政局), right after a break in the
# question (its start, a connective, punctuation, a year): a name the question uses whole.
_LEVEL = "|".join(map(re.escape, synonyms.REGION_LEVELS))
_CJK = r"(?:(?![的和与跟同及])[\u4e00-\u9fff])"  # a character of a name: 的 and connectives join names, never in one
_ORGAN_NAME = re.compile(rf"(?:^|(?<=[和与跟同及、，,。：:；;（(比年的]))(?![哪各每这那本其该])"
                         rf"({_CJK}{{2,4}}?(?:{_LEVEL}){_CJK}{{1,10}}?"
                         rf"(?:局|厅|委员会|委|办公室|办公厅|法院|检察院|院|署|中心|办事处|部(?!门)))"
                         rf"(?=[和与跟同及、，,。？?的在20（(]|$)")
# Words that set a department beside another (「A和B」「A比B」「A、B」): a name so joined is one compared,
# not a unit inside the department asked about (「卫健委决算中，西安市第一医院的…」).
_JOINED_BEFORE = re.compile(r"(?:和|与|跟|同|及|以及|、|比|对比)$")
_JOINED_AFTER = re.compile(r"(?:(?:19|20)\d{2}\s*年度?)?(?:和|与|跟|同|及|以及|、|比|相比|对比)")


def unheld(q: str, docs: list) -> list[tuple[str, list]]:
    """The departments the question names (a region and an organ: 广州市交通运输局) that no document of the
    corpus is of, each with the nearest documents held (the same organ elsewhere, the same region's). A short
    name of a held department said after another region (交通运输局 of 深圳 in 「广州市交通运输局」) is no
    name of it: a question comparing it is about a department the corpus does not hold."""
    pool = _named(q, docs)
    spans = _spans(q, pool)
    held = [(a, b) for a, b, _ in spans]
    said = [d for d in pool if d.document.department in {dept for _, _, dept in spans}]
    regions = {d.document.department: region_names(d.document.department, d.document.region) for d in pool}
    out: list[tuple[str, list]] = []
    for m in _ORGAN_NAME.finditer(q):
        a, b = m.span(1)
        if any(x <= a and b <= y for x, y in held):
            continue
        # A held name inside it, after that department's own region said otherwise (青龙县 + 委组织部 of
        # 中共青龙满族自治县委员会组织部): the same department, said its own way.
        if any(a <= x and y <= b and any(len(w) >= 2 and q[a:x].startswith(w) for w in regions[dept])
               for x, y, dept in spans):
            continue
        # Joined to the others by a connective, or the question's subject (said first) set beside a held one
        # said after a connective (「广州市交通运输局2026年的…比深圳市交通运输局多多少」).
        first = re.fullmatch(r"(?:(?:19|20)\d{2}\s*年度?的?)?", q[:a]) and \
            any(_JOINED_BEFORE.search(q[:x]) for x, _ in held if x > b)
        if not (_JOINED_BEFORE.search(q[:a]) or _JOINED_AFTER.match(q, b) or first):
            continue
        name = m.group(1)
        if any(_unit_of(name, d) for d in said):
            continue  # 「杭州气象局本级和杭州市气象服务中心」: a unit of a department named, in its document
        near = [d for d in pool if any(n in name for n in department_names(d.document.department, d.document.region))]
        near += [d for d in docs if d not in near and any(len(w) >= 2 and name.startswith(w)
                                                          for w in region_names(d.document.department, d.document.region))]
        out.append((name, near))
    return out


# An organ's word at the end of a department's name: what is left is the field it works in (气象, 财政).
_ORGAN_WORD = re.compile(r"(?:委员会|办公室|办公厅|办事处|局|厅|委|办|部|署)$")


def _unit_of(name: str, d) -> bool:
    """Is ``name`` (杭州市气象服务中心) a unit under the department ``d`` (杭州市气象局): of its region, and
    named after the same field — the units a department's document lists beside its own 本级."""
    dept, region = d.document.department, d.document.region
    if not any(len(w) >= 2 and name.startswith(w) for w in region_names(dept, region)):
        return False
    fields = {f for n in department_names(dept, region) if (f := _ORGAN_WORD.sub("", n)) != n}
    return any(len(f) >= 2 and f in name for f in fields)


# A year said right beside a department's name (「万里街道2024年、区财政局2025年」, 「2024年的万里街道」).
_YEAR_AFTER = re.compile(r"\s*的?\s*((?:19|20)\d{2})\s*年")
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年度?\s*的?\s*$")


def bound_years(q: str, docs: list) -> dict[str, int]:
    """Department → the year said beside its name, when the question gives each department its own year
    (「万里街道2024年、区财政局2025年、区司法局2026年」): a year after the name binds it; a year before it
    only when no name lies between (「2026年北京财政局和福州商务局」 binds the first only, the others
    keep the years asked)."""
    spans = _spans(q, _named(q, docs))
    out: dict[str, int] = {}
    for i, (a, b, dept) in enumerate(spans):
        after = _YEAR_AFTER.match(q, b)
        before = _YEAR_BEFORE.search(q[spans[i - 1][1] if i else 0:a])
        m = after or before
        if m and dept not in out:
            out[dept] = int(m.group(1))
    return out


def said_at(q: str, doc, docs: list) -> tuple[int, int, int]:
    """Where the question says a document: its department's name, then its year, then its kind (预算, 决算),
    so figures can be taken in the question's order (「A是B的几倍」 is A ÷ B whatever order documents sort in)."""
    end = len(q)
    name = min((a for a, _, dept in _spans(q, _named(q, docs)) if dept == doc.document.department), default=end)
    year = q.find(str(doc.document.year))
    kind = q.find(doc.document.kind, max(year, 0))
    return name, year if year >= 0 else end, kind if kind >= 0 else end


def names_said(q: str, docs: list) -> list[str]:
    """The names of departments, and of their regions (「普陀区的三份预算」), the question says, longest first:
    words that say who, never which figure."""
    named = _named(q, docs)
    return sorted({n for d in named for n in department_names(d.document.department, d.document.region) if n in q} |
                  {n for d in named for n in region_names(d.document.department, d.document.region) if n in q},
                  key=len, reverse=True)


# A character of a table's name said (no joining or pointing word: 「2026年预算里的支出总表」 says the kind apart).
_TABLE_WORD = r"[^\x00-\x7f里的中和与及比、，。？：；（）]"


def _kind_near(q: str, year: int) -> str | None:
    """预算 or 决算 said right after a year ("2024年决算和2025年预算")."""
    m = re.search(rf"{year}\s*年度?(?:部门)?(预算|决算)", q) or \
        re.search(rf"{year}\s*年度?(?:部门)?{_TABLE_WORD}{{0,10}}?(预算|决算){_TABLE_WORD}{{0,8}}?表", q)
    return m.group(1) if m else None  # 「2024年支出决算表里…」: the table said is of that year's 决算


# A kind of budget (一般公共预算) or a 决算's column (年初预算) says nothing of which document; what was spent said
# plainly (实际, 执行, 完成) is a 决算's.
_NOT_KIND = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|年初预算|预决算")
_SPENT = re.compile(r"决算|实际|执行|完成")


_TABLE_KIND = re.compile(rf"{_TABLE_WORD}{{0,10}}?(?:预算|决算){_TABLE_WORD}{{0,8}}?表")


def _kind_said(q: str) -> str | None:
    """The one kind the question says (「2025年财政拨款收入预算比2024年增加了多少」): 预算 said, nothing spent
    said — the year compared with is elided beside it and is that kind too, never the other kind's document."""
    rest = _NOT_KIND.sub("", q)
    rest = _TABLE_KIND.sub("", rest)  # 「2024年支出决算表」: a table's kind is its year's (_kind_near), not every year's
    if "预算" in rest and not _SPENT.search(rest):
        return "预算"
    if "决算" in rest and "预算" not in rest:
        return "决算"
    return None


def stand_in(ds: list, year: int | None, kind: str | None):
    """「2025年，A和B的机关运行经费预算哪家高」 where A has no 2025 document but a 2026 one of the kind asked: that
    document states its 上年 figure (「较2025年预算增加222.33万元」), read as a question about it alone reads
    「2025年X是多少」 — the figure, its statement and formula cited, or said missing. The kind must be said: a
    预算's 上年 is last year's budget, a 决算's last year's 决算."""
    if year is None or kind is None:
        return None
    return next((d for d in ds if d.document.year == year + 1 and d.document.kind == kind), None)


def prior_year(q: str, doc) -> int | None:
    """The year a document chosen by ``stand_in`` is asked about (one year said, the one before the document's)."""
    years = set(years_in(q))
    return doc.document.year - 1 if years == {doc.document.year - 1} else None


def pick(docs: list, q: str) -> tuple[list, list[str]]:
    """The documents to compare and, for years asked of a department that has no document for them, what
    is missing. Several departments: each one's document of the year (and kind) asked, else its latest.
    One department: its documents of the years asked."""
    years = sorted(set(years_in(q)))
    kind = "决算" if "决算" in q or execution.ASKS.search(q) else ("预算" if "预算" in q else None)
    named = named_departments(q, docs)
    missing: list[str] = []
    for name, near in unheld(q, docs):  # a department the corpus has no document of: missing, never dropped
        nearest = "、".join(dict.fromkeys(d.document.label for d in near[:4]))
        missing.append(f"{name}（语料库没有这个部门的文件{'；最接近的：' + nearest if nearest else ''}）")
    if ALL.search(q) and not named:
        pool = [d for d in docs if not years or d.document.year in years]
        if kind and not (len(years) > 1):
            pool = [d for d in pool if d.document.kind == kind] or pool
        by_dept: dict[str, list] = {}
        for d in pool:
            by_dept.setdefault(d.document.department, []).append(d)
        return [max(ds, key=lambda d: (d.document.year, d.document.kind == (kind or "预算"))) for ds in by_dept.values()], []
    if len(named) >= 2 or (named and missing):
        chosen = []
        # Each department its own year, when every one is given one (「北京财政局和普陀区财政局2025年和2026年」
        # gives both departments both years: none is bound).
        bound = bound_years(q, docs) if len(years) >= 2 else {}
        bound = bound if set(bound) >= set(named) else {}
        for dept, ds in named.items():
            own = bound.get(dept)
            fit = [d for d in ds if (d.document.year == own if own else not years or d.document.year in years)]
            near = _kind_near(q, own) if own else None
            if near or kind:
                fit = [d for d in fit if d.document.kind == (near or kind)] or fit
            if not fit:
                from .acrosschange import asks as ranks_changes  # a change ranked is each document's own year's
                later = None if ranks_changes(q) else \
                    stand_in(ds, own or (years[0] if len(years) == 1 else None), near or kind)
                if later is not None:  # the year asked is the one before a document's: its 上年, as it states it
                    chosen.append(later)
                    continue
                missing.append(f"{dept} {own or '、'.join(map(str, years))} 年的文件（语料库没有）")
                continue
            chosen.append(max(fit, key=lambda d: d.document.year))
        return chosen, missing
    if len(named) == 1 and len(years) >= 2:
        dept, ds = next(iter(named.items()))
        chosen = []
        said = _kind_said(q)
        near = {y: _kind_near(q, y) for y in years}
        for y in years:
            # 「2026年的“三公”经费比2024年决算多多少」: the kind said right after one year is that year's, not the other's.
            k = near[y] or (said if said not in near.values() else None)
            fit = [d for d in ds if d.document.year == y and (k is None or d.document.kind == k)]
            if not fit:
                missing.append(f"{dept} {y} 年{k or ''}的文件（语料库没有）")
                continue
            chosen.append(fit[0])
        return chosen, missing
    return [], []
