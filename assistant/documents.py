"""Which disclosure a question is about: by the department's name as people say it, the year and the kind.

A department answers to its full name and to the shorter names people use: without the outer levels of
its region (上海市普陀区财政局 → 普陀区财政局, 普陀财政局, 财政局), without a prefix (国家信访局 → 信访局,
中共西安市委宣传部 → 西安市委宣传部, 市委宣传部, 宣传部) and with common abbreviations (卫生健康委员会 →
卫健委). The words come from ``synonyms`` (data); nothing here knows a department.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ingest.model import ParsedDocument

from . import synonyms
from .scope import years_in



def _levels(region: str, department: str) -> list[str]:
    """The region's administrative levels, outermost first: 上海市普陀区 → [上海市, 普陀区]. With no region
    recorded, the levels the department's name starts with (青龙满族自治县委员会组织部 → [青龙满族自治县])."""
    text = region if region and region != "中央" else department
    out: list[str] = []
    pattern = "|".join(map(re.escape, synonyms.REGION_LEVELS))
    while True:
        m = re.match(rf"([\u4e00-\u9fff]{{2,10}}?(?:{pattern}))", text)
        if m is None or (region in ("", "中央") and len(text) - m.end() < 2):
            break
        out.append(m.group(1))
        text = text[m.end():]
        if not region or region == "中央":
            # Only the first level is certain when it comes from the name itself ("中共…" has none).
            break
    return out


def _short(level: str) -> list[str]:
    """A level as people say it: 上海市 → 上海市, 上海; 青龙满族自治县 → 青龙满族自治县, 青龙."""
    out = [level]
    for suffix in sorted(synonyms.REGION_LEVELS, key=len, reverse=True):
        if level.endswith(suffix):
            stem = level[: -len(suffix)]
            if len(stem) >= 2 and "自治" not in suffix:  # 青龙满族自治县 is not said 青龙满族
                out.append(stem)
            break
    return out


def _abbreviated(name: str) -> set[str]:
    out = {name}
    for word, shorts in synonyms.NAME_ABBREVIATIONS.items():
        for n in list(out):
            if word in n:
                out |= {n.replace(word, s, 1) for s in shorts}
    return {n for n in out if len(n) >= 2}


@lru_cache(maxsize=65536)  # one entry per department of the corpus: every question tests them all
def department_names(department: str, region: str = "") -> frozenset[str]:
    """Every name the department answers to (at least two characters)."""
    names = {department}
    bare = department
    for prefix in synonyms.NAME_PREFIXES:
        if bare.startswith(prefix) and len(bare) - len(prefix) >= 2:
            bare = bare[len(prefix):]
            names.add(bare)
            break
    levels = _levels(region, bare)
    joined = "".join(levels)
    if levels and bare.startswith(joined):
        core = bare[len(joined):]
        # A party committee's organ: "西安市" + "委宣传部" is said 市委宣传部 or 宣传部.
        committee = re.match(r"^委(?:员会)?", core)
        level_char = next((s for s in sorted(synonyms.REGION_LEVELS, key=len, reverse=True)
                           if levels[-1].endswith(s)), "")[-1:]
        for i in range(len(levels) + 1):
            prefixes = [""]
            for level in levels[i:]:
                prefixes = [p + s for p in prefixes for s in _short(level)]
            for p in prefixes:
                if committee:
                    # A party committee's organ: 西安市 + 委宣传部 is said 西安市委宣传部, 市委宣传部, 宣传部.
                    rest = core[committee.end():]
                    names.add((p if p.endswith(level_char) else p + level_char) + "委" + rest)
                    names.add(p + rest)
                else:
                    names.add(p + core)
                    if core.startswith("人民政府") and not p.endswith(level_char):
                        # The government's own organs: 广州市 + 人民政府办公厅 is said 市政府办公厅, 市府办.
                        names.add(p + level_char + core)
    # The names the engine used before (kept so that established questions keep their answers).
    tail = re.split(r"委员会|自治县|县|市|区", department)[-1]
    if len(tail) >= 2:
        names |= {tail, "县委" + tail if "委员会" in department else tail}
    out: set[str] = set()
    for n in names:
        out |= _abbreviated(n)
    return frozenset(n for n in out if len(n) >= 2)


def region_levels(department: str, region: str = "") -> list[str]:
    """The department's region's levels, outermost first (上海市普陀区 → [上海市, 普陀区])."""
    bare = department
    for prefix in synonyms.NAME_PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix):]
            break
    return _levels(region, bare)


@lru_cache(maxsize=65536)
def region_names(department: str, region: str = "") -> frozenset[str]:
    """The department's region as people say it, every level (上海市普陀区 → 上海市, 上海, 普陀区, 普陀)."""
    return frozenset(s for level in region_levels(department, region) for s in _short(level))


@dataclass
class Choice:
    """The outcome of choosing: one document, or the candidates (ambiguous) or none (with the reason)."""
    doc: ParsedDocument | None
    candidates: list[ParsedDocument]
    reason: str = ""
    named: str = ""  # the department name the question used, to take out of it before reading its terms
    reading: object = None  # a name said with a wrong character, as it was read (misspelt.Reading)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Every place of the country by its full and its shorter names (assistant/places.txt: data)."""
    text = resources.files("assistant").joinpath("places.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if line and not line.startswith("#") for w in line.split())


def _place_before(prefix: str) -> str:
    """The longest place name the text ends with (「广州气象局」 → 广州), or ""."""
    places = _places()
    return next((prefix[-k:] for k in range(min(len(prefix), 12), 1, -1) if prefix[-k:] in places), "")


def _region_said(prefix: str) -> str:
    """The region the text ends with: said with its level word (上海市, 普陀区 — any name), else a place of the
    country's list said without it (广州); "" for none."""
    levels = "|".join(map(re.escape, synonyms.REGION_LEVELS))
    before = re.search(rf"([\u4e00-\u9fff]{{2,8}}?(?:{levels}))$", prefix)
    return before.group(1) if before else _place_before(prefix)


def _named(q: str, docs: list[ParsedDocument]) -> tuple[list[ParsedDocument], str]:
    """The documents whose department the question names most specifically, and the words it used."""
    best, chosen, said = 0, [], ""
    for d in docs:
        names = department_names(d.document.department, d.document.region)
        hits = [n for n in names if n in q]
        if not hits:
            continue
        name = max(hits, key=len)
        # "上海市财政局" names another department than 普陀区财政局 (or 北京市财政局): a region said just
        # before the name must be one of this department's own. So must a place said without its level word
        # (广州气象局 is not 杭州市气象局), known from the list of the country's places.
        place = _region_said(q[:q.find(name)])
        if place and not any(place[-k:] + name in names for k in range(2, len(place) + 1)):
            continue
        if len(name) > best:
            best, chosen, said = len(name), [d], name
        elif len(name) == best:
            chosen.append(d)
    return chosen, said


def choose(q: str, docs: list[ParsedDocument]) -> Choice:
    """The document a question is about. One document: that one. Several: the department named (the most
    specific name wins), then the year (a year said, or 今年 = the latest), then 决算 or 预算."""
    if len(docs) == 1:
        d = docs[0]
        hits = [n for n in department_names(d.document.department, d.document.region) if n in q]
        return Choice(d, docs, named=max(hits, key=len) if hits else "")
    named, said = _named(q, docs)
    reading = None
    from . import misspelt  # 「杭州气像局」「普佗区财政局」: a name with one wrong character (assistant/misspelt.py)
    elsewhere = None if named else _names_elsewhere(q, docs)
    if elsewhere:
        # 「普佗区财政局」: the region said one character off a held department's own, and no place at all.
        named, reading = misspelt.read(q, elsewhere[0])
        said = reading.said if reading else ""
    if not named and elsewhere:
        # 「广州气象局」 with only 杭州市气象局 held: refused, and the departments of that name held are named.
        near, name = elsewhere
        at = q.find(name)
        place = _region_said(q[:at])
        departments = list(dict.fromkeys(d.document.department for d in near))
        held = "、".join(departments[:8]) + (f"等 {len(departments)} 个" if len(departments) > 8 else "")
        return Choice(None, [], f"语料库里没有“{place}{name}”的预算公开文件（同名的有：{held}）", "")
    if not named:
        named, said = _by_stem(q, docs)
    if not named:
        named, reading = misspelt.read(q, docs)
        said = reading.said if reading else ""
    if not named:
        # 「普陀区管财政的那个局」: a region and a role, the department whose name holds the role's word.
        named, said = _by_role(q, docs)
    if not named:
        named, said = _by_region(q, docs)
    pool = named or docs
    years = set(years_in(q))
    if years:
        same = [d for d in pool if d.document.year in years]
        if not same:
            # "2025年…" of a 2026 budget: last year's figures are read from that budget (or refused there).
            same = [d for d in pool if d.document.year - 1 in years]
        if not same:
            held = "、".join(d.document.label for d in pool)
            who = pool[0].document.department if named else "语料库"
            return Choice(None, pool, f"没有{who} {'、'.join(str(y) for y in sorted(years))} 年的文件（有：{held}）", said)
        if named and len(years) >= 2:
            # 「2026年的三公经费比2021年多了还是少了」 with the 2021 document alone: a document speaks of its own
            # year and, in its 上年 columns, the year before — 2026's figure is in none held, never 2021's change.
            # Years of a span (「2026-2027年度信息化运维服务项目」) name a project, not a year asked.
            spans = re.sub(r"(?:19|20)\d{2}\s*[-－—~～至到]\s*(?:19|20)\d{2}", "", q)
            unheld = sorted(y for y in set(years_in(spans)) if not any(d.document.year in (y, y + 1) for d in pool))
            if unheld:
                held = "、".join(d.document.label for d in pool)
                return Choice(None, pool, f"没有{pool[0].document.department} {'、'.join(map(str, unheld))} 年的文件"
                                          f"（有：{held}），无法比较", said)
        pool = same
        # 「2025年X为什么比2024年多了」: the year compared with is the other document's; the later one says it.
        compared = {int(y) for y in re.findall(r"(?:比|较|与|跟|和)((?:19|20)\d{2})\s*年", q)}
        if len(years) >= 2 and compared and len({d.document.year for d in pool}) > 1:
            pool = [d for d in pool if d.document.year not in compared] or pool
    elif any(w in q for w in synonyms.LATEST_YEAR) and len({d.document.year for d in pool}) > 1:
        # 今年 is each department's latest year: a name several departments answer to (财政局) stays ambiguous,
        # never settled by one department having the later document.
        latest: dict[str, int] = {}
        for d in pool:
            latest[d.document.department] = max(latest.get(d.document.department, 0), d.document.year)
        pool = [d for d in pool if d.document.year == latest[d.document.department]]
    if len(pool) > 1:
        final = final_only(q)
        # "一般公共预算拨款收入" names a source of money, not the 预算 stage.
        staged = re.sub(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算", "", q)
        budget = not final and any(w in staged for w in synonyms.BUDGET_WORDS)
        kind = "决算" if final else ("预算" if budget else None)
        if kind is not None:
            pool = [d for d in pool if d.document.kind == kind] or pool
    # "2025年…执行数" of a 2026 budget: the budget prints last year's execution beside its own figures.
    # 「2026年预算的表5里，2025年…执行数」: the year said as the document's own is no year of execution.
    executed = set(years_in(re.sub(r"(?:19|20)\d{2}\s*年度?(?:部门)?预算", "", q)))
    prior_execution = "执行数" in q and executed and all(d.document.year - 1 in executed and
                                                        d.document.year not in executed for d in pool)
    if final_only(q) and not prior_execution and all(d.document.kind != "决算" for d in pool):
        held = "、".join(d.document.label for d in pool)
        who = pool[0].document.department if named else "所问年份"
        return Choice(None, pool, f"没有{who}的决算（实际执行）数（有：{held}）", said)
    if len(pool) == 1:
        return Choice(pool[0], pool, named=said, reading=reading)
    return Choice(None, pool, "", said)


_ORGAN = re.compile(r"(?:委员会|办公室|办事处|局|厅|委|办|部|署)$")


def _by_stem(q: str, docs: list[ParsedDocument]) -> tuple[list[ParsedDocument], str]:
    """With no department named whole: one whose region and the stem of its name begin a name of the question
    (杭州气象科普体验馆 → 杭州 + 气象 of 杭州气象局), the region being one of its own. The documents and the
    words used."""
    best, chosen, said = 0, [], ""
    for d in docs:
        shorts = {s for level in _levels(d.document.region, d.document.department) for s in _short(level)}
        for n in department_names(d.document.department, d.document.region):
            stem = _ORGAN.sub("", n)
            if stem == n or stem not in q or not any(stem.startswith(s) and len(stem) - len(s) >= 2 for s in shorts):
                continue
            if len(stem) > best:
                best, chosen, said = len(stem), [d], stem
            elif len(stem) == best and d not in chosen:
                chosen.append(d)
    return chosen, said


# What follows a region's name when the question names one of its organs or places below it (深圳市教育局,
# 杭州市西湖区): another department than the corpus holds, not the region alone.
_BELOW = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:局|厅|委|办|部|署|院|中心|所|站|" +
                    "|".join(map(re.escape, synonyms.REGION_LEVELS)) + ")")


def _by_region(q: str, docs: list[ParsedDocument]) -> tuple[list[ParsedDocument], str]:
    """With no department named: a region said (深圳, 深圳市) whose documents in the corpus are all one
    department's is that department's (「深圳轨道交通12号线…」). A region of several departments chooses
    nothing, nor a region followed by an organ or a place below it (深圳市教育局: a department not held)."""
    found: dict[str, set[str]] = {}
    for d in docs:
        bare = d.document.department
        for prefix in synonyms.NAME_PREFIXES:
            if bare.startswith(prefix):
                bare = bare[len(prefix):]
                break
        for level in _levels(d.document.region, bare):
            for word in _short(level):
                found.setdefault(word, set()).add(d.document.department)
    said = [w for w in found if w in q]
    said = [w for w in said if not any(w != o and w in o for o in said)]  # 深圳 within 深圳市: the longer
    if not said:
        return [], ""
    departments = set().union(*(found[w] for w in said))
    if len(departments) != 1:
        return [], ""
    for w in said:
        at = q.find(w) + len(w)
        if _BELOW.match(q, at):
            return [], ""
    return [d for d in docs if d.document.department in departments], max(said, key=len)


_ROLE = re.compile(rf"(?:{'|'.join(synonyms.ROLE_VERBS)})([\u4e00-\u9fff]{{2,6}}?)(?:工作|事务|方面|这块|这一块)?的"
                   rf"(?:那个|那家|这个|哪个|那一个)?(?:{'|'.join(synonyms.ROLE_ORGANS)})")


def _by_role(q: str, docs: list[ParsedDocument]) -> tuple[list[ParsedDocument], str]:
    """With no department named: a region said and a role (管财政的那个局): the region's departments whose name
    holds the role's word (财政 → 财政局), an organ word said (局) kept to names ending so when some do. A role
    several of the region's departments fit, or none, chooses nothing (the region alone then decides)."""
    m = _ROLE.search(q)
    if not m:
        return [], ""
    area, organ = m.group(1), m.group(0)[m.group(0).rfind("的") + 1:]
    organ = re.sub(r"^(?:那个|那家|这个|哪个|那一个)", "", organ)
    regional = []
    for d in docs:
        words = {w for level in _levels(d.document.region, d.document.department) for w in _short(level)}
        if any(w in q[:m.start()] or w in q[m.end():] for w in words if len(w) >= 2):
            regional.append(d)
    # The area said whole (财政), or its first two characters (司法行政 → 司法局).
    for word in dict.fromkeys((area, area[:2])):
        fit = [d for d in regional if word in d.document.department]
        ending = [d for d in fit if d.document.department.endswith(organ)]
        fit = ending or fit
        if len({d.document.department for d in fit}) == 1:
            return fit, word
    return [], ""


def _names_elsewhere(q: str, docs: list[ParsedDocument]) -> tuple[list[ParsedDocument], str] | None:
    """The departments whose name the question uses but ``_named`` set aside because the region said before
    it is not theirs ("上海市财政局" when only 普陀区财政局 and 北京市财政局 are held), and the name said."""
    near, said = [], ""
    for d in docs:
        hits = [n for n in department_names(d.document.department, d.document.region) if n in q]
        if hits:
            near.append(d)
            said = max([said, *hits], key=len)
    return (near, said) if near else None


# Last year's execution as a budget prints it ("比2025年执行数", "上年预算执行数"): no 决算 is asked for.
# 「去年（2025年）的执行数」: the year said again in brackets after 去年 is the same last year.
_PRIOR_EXECUTION = re.compile(r"(?:上年|去年|上一年|(?:19|20)\d{2}\s*年度?)(?:[（(](?:19|20)\d{2}\s*年度?[）)])?"
                              r"(?:的|实际|当年)*(?:预算)?执行数|预算执行数")


def final_only(q: str) -> bool:
    q = synonyms.SETTLEMENT.sub("", _PRIOR_EXECUTION.sub("", q))
    return any(w in q for w in synonyms.FINAL_ACCOUNTS)


def without_name(q: str, name: str) -> str:
    """The question with the department's name taken out, so that its words are not read as a budget line."""
    return q.replace(name, "") if name and len(name) < len(q) else q
