"""What a year-on-year question asks (assistant/yearly.py answers it): the subject, the kind of last-year
figure wanted (执行数, 年初预算, 决算数, 预算), whether the change, the rate or last year's figure itself is asked, and
how well a stated subject names the one asked (``score``, shared with the narrative's restated figures)."""
from __future__ import annotations

import re

from . import wording as W

RATE = re.compile(r"百分|幅度|%|几成|增长率|增幅|降幅|减幅|下降率")
CHANGED = re.compile(r"增加|减少|变化|变了|下降|增长|多了|少了|增减|差|多花|少花|多用|少用|多多少|少多少|降低|上升|提高|压减|节约|变动|涨|降了|减了"
                     # 「比上年多安排了多少」「少拨了多少」: more or less of the money put in, not the money itself
                     r"|多(?:安排|支出|拨|列|编|给|投入|花费)|(?<!多)少(?:安排|支出|拨|列|编|给|投入|花费)")
WHOLES = ("收入", "支出", "收支")

_ASKING = re.compile(r"多少|几|吗|呢|什么|哪|怎么|为何|为啥|是否|有没有")
_POINTING = re.compile(r"(?:那个|那项|那一项|那笔|那一笔|那块|那一块|那条|那行)[。！!…~～]*$")


def pointed(q: str) -> str:
    """「X2025年执行数是多少？2026年预算涨了好多倍那个」: a last sentence asking nothing that points at the item
    (…那个) only says which item is meant — what it says moved is not asked."""
    parts = [p for p in re.split(r"(?<=[？?])", q) if p.strip()]
    if len(parts) > 1 and _POINTING.search(parts[-1].strip()) and not _ASKING.search(parts[-1]) and \
            any(_ASKING.search(p) for p in parts[:-1]):
        return "".join(parts[:-1])
    return q


_BOTH = re.compile(r"(?:多少|几)[^，,？?]*[，,][^，,]*(?:比|较|同比|与|跟)[^，,]*(?:多少|几)")


def both(q: str) -> bool:
    """「组织部今年三公经费多少，比去年少了多少」: the figure asked, then its change — one answer states both (the
    value is the change, the last thing asked)."""
    return bool(_BOTH.search(q))


_CLAUSES = re.compile(r"[，,；;。？?！!]")


_FIGURE_ASKED = re.compile(r"多少|几")


def figures_asked(q: str, year: int) -> list[str]:
    """The year-on-year figures a question asks in clauses of their own, in the order asked — "now", "prior",
    "change", "rate" — or [] when it asks fewer than two, or one twice: 「2025年的X大概是多少？2026年比它少了多少」
    → [prior, change]; 「X1800万元，比上年增加了多少？那上年是多少」 → [change, prior] (the first clause asks nothing)."""
    asked: list[str] = []
    prior = rf"上年|去年|上一年|前一年|{year - 1}\s*年"
    for c in _CLAUSES.split(q):
        if not _FIGURE_ASKED.search(c):
            continue
        if RATE.search(c):
            asked.append("rate")
        elif CHANGED.search(c) or re.search(r"比|较", c):
            asked.append("change")
        elif re.search(prior, c):
            asked.append("prior")
        else:
            asked.append("now")
    return asked if len(asked) >= 2 and len(set(asked)) == len(asked) else []


def prior_asked(q: str, year: int) -> bool:
    """「X比上年减了不少，那上年的X是多少」「X是1800万元，按说明里的增减推算，上一年是多少」: a clause asking nothing
    states the direction or names the method — only the clause that asks says what is asked, here last year's
    figure (it names last year, and no change, rate, multiple or comparison)."""
    clauses = [c for c in _CLAUSES.split(q) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    if not asking or len(asking) == len(clauses):
        return False  # every clause asks (「X是多少，比上年增加了多少」): read as a whole, as before
    last = asking[-1]
    prior = rf"上年|去年|上一年|前一年|{year - 1}\s*年"
    return bool(re.search(prior, last)) and not (CHANGED.search(last) or RATE.search(last) or
                                                 W.MULTIPLE.search(last) or W.COMPARE.search(last))


def implicit(q: str) -> bool:
    """「交通运输专项资金支出减少了多少」: a change asked with no year named and nothing compared with."""
    return bool(re.search(r"(?:增加|减少|增长|下降|降低)了?(?:多少|百分之几|几)", q)) and not re.search(r"比|较|与|相比", q)


def wanted_basis(q: str, year: int) -> str | None:
    """What last-year figure the question asks for: 执行数, 年初预算, 决算数, 预算 — None: not said."""
    prior = rf"(?:上年|去年|上一年|{year - 1}\s*年度?)"
    if re.search(r"执行(?:数|率|进度|情况|了)|预算执行", q):  # 案件执行（项）is a line, not a basis
        return "执行数"
    if "年初预算" in q:
        return "年初预算"
    q = re.sub(r"一般公共预算|政府性基金预算|国有资本经营预算", "", q)  # a kind of budget names no basis
    if re.search(prior + r"[^，,比较]{0,14}决算", q):
        return "决算数"
    if re.search(prior + r"[^，,比较]{0,14}预算", q):
        return "预算"
    return None


def after_subject(q: str) -> str:
    m = re.search(r"比|较|同比|相比", q)
    return q[m.start():] if m else q


def asked_subject(q: str) -> str:
    """The thing the question asks about, without years, comparisons and question words."""
    t = re.sub(r"[（(](?:按|根据|依据)[^）)]*[）)]", "", q)
    # 「按说明里的增减推算，」: the clause naming the method only — a subject named before it stays the subject
    t = re.sub(r"(?:^|(?<=[，,]))[^，,]*?(?:根据|按照|按|依据)[^，,]*[，,]", "", t)
    # 「我是跑政法口的记者，想核实一下：X比上年增长了百分之几」: what follows a colon is a clause of its own (the
    # words before it only introduce the question)
    clauses = [c for c in re.split(r"[，,：:]", t) if c]
    asking = [i for i, c in enumerate(clauses) if re.search(r"多少|几|是|比|较", c)]
    if asking:  # 「X，2025年执行数是多少」「X扣掉Y以后，比上年增长了百分之几」: X named in an earlier clause
        for i in range(asking[-1], -1, -1):
            if (found := _subject_of(clauses[i])):
                return found
        return ""
    return _subject_of(t)


def _subject_of(t: str) -> str:
    t = re.sub(r"(?<![\d年.])(\d{2})年", r"20\1年", t)  # 「26年」「比23年执行数」
    # 「2020年和2021年的培训费」: the two years compared name no subject; what follows them does
    years = r"(?:(?:19|20)\d{2}\s*年度?|上年|去年|上一年|今年|本年)"
    t = re.sub(rf"{years}(?:和|跟|与|同|及|、){years}的?", "", t)
    t = re.split(r"(?:比|较|与)(?=上年|去年|上一年|同期|(?:19|20)\d{2}|年初)|同比|相比|为什么|为何", t)[0]
    t = re.split(r"(?:和|跟|同)(?=上年|去年|今年|本年|(?:19|20)\d{2})|还是|哪个|哪一|哪年", t)[0]
    t = re.sub(r"(?:上年|去年|上一年|今年|本年)?[（(]?(?:19|20)\d{2}\s*年度?[）)]?", "", t)
    t = re.sub(r"^(?:那么?|那请问|请问|所以)?(?:上年|去年|上一年|今年|本年)", "", t)  # 「…，那上年的X是多少」
    t = re.sub(r"(?:大概|大约|大致|差不多|约莫?)(?=是|有|为|多少|几)", "", t)  # 「执行数大概是多少」: how exact, no name
    t = re.split(r"是多少|有多少|为多少|多少|是几|是|增加|减少|增长|下降|降低|多了|少了|变化|变动|百分之几|几", t)[0]
    t = t.strip("的？?。 ")
    t = re.sub(r"(?:今年|本年|当年)?的?(?:当年)?(?:预算执行数|执行数|年初预算数|年初预算|决算数|预算数|预算|决算|执行了?)$", "", t)
    t = re.sub(r"(?:今年|本年)的?$", "", t.strip("的 "))
    # 「信息化建设这块，2025年实际执行了多少」: 实际 before a stage word and 这块/这一项 after the item name nothing
    t = re.sub(r"(?:这一?块|这一?项|这部分|这一部分|这方面|这笔|方面)$", "", re.sub(r"实际$", "", t.strip("的 ")))
    t = re.sub(r"^(?:主要|到底|究竟|具体)$", "", t.strip("的 "))  # 「，主要是什么原因」: an adverb, no subject
    return t.strip("的 ")


def canon(text: str, drop: tuple[str, ...] = ()) -> str:
    """A subject in a comparable form: 收入预算 = 预算收入 = 收入总计; 一般公共预算财政拨款 = 一般公共预算拨款."""
    for d in drop:
        text = text.replace(d, "")
    text = re.sub(r"[“”\"‘’\s]", "", text)
    text = re.sub(r"[（(]\d*[类款项][）)]", "/", text)
    text = re.sub(r"[（(]\d+[）)]|[（(]本级[）)]", "", text)
    text = text.replace("收入支出", "收支").replace("收、支", "收支").replace("财政拨款", "拨款")
    # 合计 and 本年 stay: 本年支出合计 is not 支出总计 (that holds the carry-over too)
    text = re.sub(r"本部门|本单位|部门|当年|年度|年初|执行数|预算数|决算数|预算|决算|总计|总额|总(?!合)|安排|的", "", text)
    return text


def stem(c: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"(.*?)(收入|支出|收支)", c)
    return (m.group(1), m.group(2)) if m else None


def score(asked: str, subject: str, drop: tuple[str, ...] = (), short: bool = True) -> int:
    """How well a stated subject names what was asked: 5 the same, 4 the same line of a subject path,
    3 the same whole (收支 for 收入), 2 the same with a qualifier every such figure has; 0 another thing."""
    # 「行政运行（项）」: a level said (类/款/项, a code) names the line's place, which canon() reads as the path's
    # break, not a word the stated subject must hold
    quals = [x for x in re.findall(r"[（(]([^）)]+)[）)]", asked) if not re.fullmatch(r"\d*[类款项]?|\d+", x)]
    main = canon(re.sub(r"[（(][^）)]+[）)]", "", asked), drop)
    if not main and re.search(r"总额|总计|预算|收支", asked):
        main = "收支"  # "部门预算总额": the whole budget
    path = [p for p in canon(subject, drop).split("/") if p and p != "支出"]
    if not path and canon(subject, drop) in WHOLES:
        path = [canon(subject, drop)]  # 「安排支出预算」: the whole 支出, asked as 「支出预算」
    full = "".join(path)
    if not main or not full:
        return 0
    a, b = stem(main), stem(full)
    if a and b and (a[1] == b[1] or "收支" in (a[1], b[1])) and a[0] == b[0]:
        return 5 if a[1] == b[1] else 3
    if (a and not a[0]) or (b and not b[0]):
        return 0  # a whole (收入, 支出) is only ever the same whole
    if main == full or all(q in full for q in quals) and main == full:
        return 5
    leaf = path[-1]
    if len(path) > 2 and any(main == "".join(path[i:]) for i in range(1, len(path) - 1)):
        return 5  # 「组织事务的一般行政管理事务」: the 款 and 项 of a 类/款/项 path, not another 款's 项
    strip = (lambda s: s[:-2] if s.endswith("支出") and len(s) > 3 else s)
    if strip(main) in (strip(leaf), strip(full)) and all(canon(q) in full for q in quals):
        return 4
    if short and len(strip(main)) >= 4 and strip(leaf).endswith(strip(main)) and not leaf.startswith("其他") and \
            all(canon(q) in full for q in quals):
        return 3  # a line named short: 职业年金缴费支出 of 机关事业单位职业年金缴费支出（项）
    extra = full.replace(main, "", 1) if main in full else (main.replace(full, "", 1) if full in main else None)
    if extra is not None and re.fullmatch(r"(?:一般公共|拨款|支出|经费)*", extra):
        return 2
    return 0


# What may stand right before a name said whole: nothing, a particle, a break, a year or a time word — never a
# character of a longer name (「项目」 before 「支出预算」).
_BEFORE_NAME = re.compile(r"(?:^|[的年度是和与及、，,：:“「（(\s]|上年|去年|今年|本年|全年|当年)$")


def said_whole(q: str, name: str) -> bool:
    """Is ``name`` said in the question as a name of its own, not as the tail of a longer one? 「支出预算」 is in
    「项目支出预算是多少」 only as part of 项目支出预算 (the 项目支出's budget), another figure."""
    if not name:
        return False
    return any(_BEFORE_NAME.search(q[:m.start()]) for m in re.finditer(re.escape(name), q))


# Words before a whole that qualify nothing: 「全年支出总额」 is the whole 支出.
_PLAIN_WHOLE = re.compile(r"^(?:全年|本年|今年|当年|全部|所有|一年|整体|总体|全)+")


def names_a_whole(subject: str, drop: tuple[str, ...] = ()) -> bool:
    """Does the asked subject name the department's whole (nothing, 预算总额, 收支总额, 支出总额) rather than a
    qualified figure (政府采购支出总额, 财政拨款收支总额)? Only a whole is answered by the total's statement."""
    c = _PLAIN_WHOLE.sub("", canon(subject or "", drop))
    if not c or c in WHOLES:
        return True
    st = stem(c)
    return bool(st) and not st[0]
