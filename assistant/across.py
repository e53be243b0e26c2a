"""Questions across documents: one figure for several departments or several years, ranked, compared,
added up or set side by side.

「哪个部门2026年“三公”经费最多？」, 「杭州气象局和福州商务局的人员经费比一比」, 「普陀区财政局2024年决算和
2025年预算的人员经费相差多少」. The figure is read in each document exactly as a question about that
document alone would read it (the engine's own answer: canonical kinds and column meanings, a 决算's 决算数),
so every figure keeps its citation (document, table, row, column, page). Figures printed in 元 are
converted to 万元 exactly, each conversion shown. A document that does not give the figure (not found,
or several readings) is named as missing and never counted as zero.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import acrossparts, acrosspick, acrosstables, acrosswords, arith, execution, keyfigures
from . import acrossreadings as readings
from .numbered import cn_number
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, AskedFigure, Chart, ChartBar
from .figures import ASKS_WAN
from .scope import years_in

# Questions about the corpus itself: how many documents or departments (of a year, a kind, a region).
_CORPUS_COUNT = re.compile(r"(?:几|多少)(?:个部门|份|家)")
_SPLIT = re.compile(r"和|与|跟|同|及|、|以及|对比|相比|比较|vs|VS|还是|比")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
_KIND = re.compile(r"(?:19|20)\d{2}\s*年度?(?:部门)?(?:预算|决算)数?|部门预算|部门决算|年初预算数?|"
                   r"(?:预算|决算)数?(?=的|和|与|比|及|、|$|[^\u4e00-\u9fff])")
# Words that say what to do with the figures, not which figure.
# A place in the order asked (「排第二」, 「第三多」, 「倒数第二」): the figure at that place, not the top one.
_PLACE = re.compile(r"(?:(?:排名?|名列|位列|位居|排在)\s*(倒数)?第\s*([一二两三四五六七八九十\d]{1,3})\s*(?:名|位)?"
                    r"|(倒数)?第\s*([一二两三四五六七八九十\d]{1,3})\s*(?:名|位)?(?=[多少高低大小])"
                    r"|(倒数)第\s*([一二两三四五六七八九十\d]{1,3})\s*(?:名|位)?)(多|少|高|低|大|小)?")


def _place(q: str) -> tuple[int, bool] | None:
    """The place asked in the order (2 for 「排第二」) and whether it is counted from the least (倒数, 第二少)."""
    m = _PLACE.search(q)
    if m is None:
        return None
    n = cn_number(m.group(2) or m.group(4) or m.group(6))
    if n is None:  # 「第十十」: no number
        return None
    return n, bool(m.group(1) or m.group(3) or m.group(5) or (m.group(7) or "") in ("少", "低", "小"))


_OPERATION = re.compile(
    _PLACE.pattern + r"|哪一个|哪个|哪家|哪|谁家|谁|最多|最少|最高|最低|最大|最小|排名|排序|排一下|从高到低|从多到少|从低到高|比一比|比比|对比一下|"
    r"对比|比较一下|比较|相比|" + acrossparts.DIFFERENCE + r"|增加了?|减少了?|增长了?|下降了?|变化|" +
    acrosswords.AVERAGE.pattern + r"|一共|加起来|总共|总和|之和|共计|分别|各自|是多少|有多少|多少|几倍|是.{0,2}的|百分之几|百分比|幅度|增幅|"
    r"(?<!结转)和(?!结余)|[与跟同及、，,。？?！!：:；;]|的|是|了|呢|吗|看看|一下|各|所有|全部|部门|单位|之间|中|里|在|"
    # How many documents or departments are meant (「三份预算」「这七家单位」「这几家」): who, not which figure.
    r"[这那]?[一二两三四五六七八九十几\d]+[份家]|[这那]几个")


@dataclass
class Figure:
    doc: object  # ParsedDocument or the corpus's DocumentRef
    answer: Answer | None  # the engine's answer on that document alone
    value: Decimal | None = None  # in the common unit
    conversion: str | None = None  # "31214205.80 元 = 3121.42058 万元"
    named: str = ""  # the figure's own name where the question names each year's differently (上年结转 / 年末结转和结余)
    of_year: int | None = None  # the year before the document's, its figure as the document states it (stand_in)

    @property
    def label(self) -> str:
        return self.doc.document.label

    @property
    def who(self) -> str:
        d = self.doc.document
        if self.of_year is not None:
            return f"{d.department}（{self.of_year}年，据{d.year}年{d.kind}所述）"
        return f"{d.department}（{d.year}年{d.kind}）"


def applies(q: str, docs: list) -> bool:
    """Is the question about a figure in several documents (departments or years)?"""
    if len(docs) < 2:
        return False
    named = acrosspick.named_departments(q, docs)
    if acrosspick.ALL.search(q) and not named:  # "包括哪些单位" of a department named is about its own units
        return True
    if len(named) >= 2:
        return True
    if named and acrosspick.unheld(q, docs):  # 「深圳交通局和广州市交通运输局」: one held, one the corpus lacks
        return True
    # 上年 said of the one department's years asks a change one document states — but 「2026年预算里的上年结转」 names
    # a line (上年结转, 上年结余), read in that year's own document like any other.
    if len(named) == 1 and len(set(years_in(q))) >= 2 and \
            not re.search(r"(?:上年|去年|上一年)(?!末?结转|末?结余)|说明|为啥|为什么|为何|什么原因", q):
        ds = next(iter(named.values()))
        held = {d.document.year for d in ds}
        return len(held & set(years_in(q))) >= 2  # 2025年预算的上年 column is the one document's own
    return False


# The whole budget as people say it, read as the 收支总表's total (eval/README: 支出总计 = 支出预算总额).
_TOTALS = {"支出预算总额": "支出总计", "支出预算": "支出总计", "支出总额": "支出总计", "预算总额": "支出总计",
           "总支出": "支出总计", "支出合计": "支出总计", "收入预算总额": "收入总计", "收入预算": "收入总计",
           "总额": "支出总计",  # 「2026年部门预算总额」: 部门预算 said as the kind, 总额 left: the whole budget
           "收入总额": "收入总计", "总收入": "收入总计"}
_TIMES = re.compile(r"几倍|多少倍|倍数")
# A part of the budget said as a scope (「基本支出中的…」): where a figure is read, when a figure follows it.
_SCOPE_ONLY = re.compile(r"(?:一般公共预算|政府性基金预算?|财政拨款)?(?:基本支出|项目支出|支出)|一般公共预算|财政拨款")
_THRESHOLD = re.compile(r"(超过|高于|多于|大于|不少于|低于|少于|不到|小于)?\s*(\d+(?:\.\d+)?)\s*(万元|元)\s*(以上|以下)?")


def measure_words(q: str, docs: list) -> str:
    """What figure is asked, with the departments, years, kinds and the operation taken out."""
    whole = acrossparts.whole_measure(q)
    if whole:
        return whole
    q, table = acrosswords.table_said(q)  # 「按各自的支出预算总表算」: each reads the line in that table (acrosswords)
    rest = _THRESHOLD.sub("|", acrossparts.procurement_part(acrosswords.line_kept(q)))
    if acrossparts.counts_zero(rest):  # 「没有安排X（X表是空的）」: X named, the denial is the count's
        rest = acrossparts.zero_words(rest)
    # An execution rate asked (完成预算的比例) and what was spent said plainly (实际花的): the stage, not the figure.
    rest = execution.ASKS.sub("|", rest)
    rest = re.sub(execution.SPENT, "|", rest)
    for n in [*acrosspick.names_said(q, docs), *(name for name, _ in acrosspick.unheld(q, docs))]:
        rest = rest.replace(n, "|")
    rest = _KIND.sub("|", rest)
    rest = _YEAR.sub("|", rest)
    rest = acrosstables.joined_names_back(_OPERATION.sub("|", acrosstables.joined_names_kept(rest)))
    parts = [acrosswords.line_back(_unquoted(p)) for p in rest.split("|") if not re.fullmatch(r"(?:多少)?(?:万元|亿元|元|钱)", p)]
    # 「——」 between names is no figure; a counted noun of one character is (「…的车加起来有多少辆」: COUNTED_NOUNS)
    parts = [p for p in parts if re.search(r"[\u4e00-\u9fff\w]{2}", p) or p in acrossparts.COUNTED_NOUNS]
    parts = [p for p in parts if not acrossparts.counter_only(p)] or parts  # 「有几辆」: how it is counted, not what
    words = max(parts, key=len) if parts else ""
    at = parts.index(words) if words in parts else -1
    if _SCOPE_ONLY.fullmatch(words) and 0 <= at < len(parts) - 1 and \
            re.search(re.escape(words) + r"(?:当中|之中|中|里)?的?" + re.escape(parts[at + 1]), q):
        # 「一般公共预算基本支出中的人员经费」: the part named first is where the figure after it is read, not the figure.
        words = f"{words}中的{parts[at + 1]}"
    if words not in _TOTALS and words.endswith("合计") and len(words) >= 4:
        words = words[:-2]  # "三公经费合计": the figure, added up by the table
    # 「…人员经费比2024年实际多花了多少」: the comparison's 比 and the stage (实际, 年初) said after the figure's
    # name are no part of it (占比, 同比 are).
    # 「…2026年预算的支出总计比它多了多少」: 比它 / 比这个 points back at the figure asked before, no part of it either
    trimmed = re.sub(r"(?:(?<![占环同])比(?:它|其|这个?|那个?)?|实际|年初)+$", "", words)
    words = trimmed if len(trimmed) >= 2 else words
    bare = re.sub(r"(?:更|还|较)?[多少高低]$", "", words)
    # (「哪个单位的车更多」: a counted noun of one character is the figure too — acrossparts.COUNTED_NOUNS)
    if bare != words and (len(bare) >= 2 or bare in acrossparts.COUNTED_NOUNS) and re.search(r"谁|哪", q):
        words = bare  # 「谁的支出总计多」: the comparison asked, not part of the figure's name
    if acrossparts.counts_nonzero(q) and re.fullmatch(r"有[^有]{3,}", words):
        words = words[1:]  # 「有几家有X的收支」: 有 says X is there, no part of its name
    words = acrossparts.counted_noun(acrosswords.scope_first(acrosswords.kind_dropped(words)))  # 「一共有多少辆车」: the noun 车, counted in 辆
    return acrosswords.in_table(_TOTALS.get(words, words), table)


def _unquoted(part: str) -> str:
    """「“信息化建设”」: the name, not its quotes; a quote split from its pair (「三公”经费」) dropped; 「“三公”经费」
    kept as printed."""
    opened, closed = len(re.findall(r"[“「‘]", part)), len(re.findall(r"[”」’]", part))
    if opened == closed == 1 and re.fullmatch(r"[“「‘][^“”「」‘’]+[”」’]", part):
        return part[1:-1]
    return re.sub(r"[“”「」‘’\"']", "", part) if opened != closed else part


def corpus_count(question: str, q: str, docs: list) -> Answer | None:
    """"有几个部门公布了2026年预算？", "语料里有几份部门决算？": documents counted from their metadata."""
    if not _CORPUS_COUNT.search(q) or not re.search(r"语料|公布|公开|收录|有几个部门|有几份|多少份", q) or \
            re.search(r"超过|以上|以下|低于|高于|不到", q) or acrossparts.counts_nonzero(q) or \
            acrossparts.counts_zero(q):
        return None
    if re.search(r"谁|哪", q) and re.search(r"最(?:多|少|高|低|大|小)", q):
        return None  # 「那几家单位里，谁家…最少」: a ranking among the documents counted, not a count

    years = set(years_in(q))
    pool = [d for d in docs if not years or d.document.year in years]
    final, budget = "决算" in q.replace("预决算", ""), "预算" in q
    if final != budget:
        pool = [d for d in pool if d.document.kind == ("决算" if final else "预算")]
    place = re.search(r"([\u4e00-\u9fff]{2,8}[省市区县])的", q)
    if place:  # the longest tail of the words before 的 that is a place some document is of
        where = lambda d: (d.document.region or "") + d.document.department  # noqa: E731
        tails = [place.group(1)[i:] for i in range(len(place.group(1)) - 1)]
        tail = next((t for t in tails if any(t in where(d) for d in docs)), None)
        if tail:
            pool = [d for d in pool if tail in where(d)]
    departments = "个部门" in q
    n = len({d.document.department for d in pool}) if departments else len(pool)
    unit = "个" if departments else "份"
    listed = _few([d.document.label for d in pool], "、", None)
    return Answer(question, ANSWERED, f"共 {n} {unit}：{listed}", Decimal(n), unit, f"计数 {n}", [])


def answer(engine, question: str, q: str, docs: list) -> Answer | None:
    """The cross-document answer, or None when the question is not one (then the engine goes on)."""
    counted = corpus_count(question, q, docs)
    if counted is not None:
        return counted
    if not applies(q, docs):
        return None
    chosen, missing_docs = acrosspick.pick(docs, q)
    if len(chosen) + len(missing_docs) < 2:
        return None
    if len(chosen) < 2 and len(acrosspick.named_departments(q, docs)) == 1 and not acrosspick.unheld(q, docs):
        return None  # one department, a year it has no document of: that year only from its own 上年 figures
    measure = measure_words(q, docs) or "支出总计"
    from . import acrossratio  # 「X占本部门Y比例最高的是哪个」: each one's X ÷ its own Y, ranked (assistant/acrossratio.py)
    if (ratio := acrossratio.answer(engine, question, q, chosen, missing_docs, docs,
                                    lambda w: measure_words(w, docs))) is not None:
        return ratio
    from . import acrosschange  # 「哪个部门的X比上年减少得最多」: each one's stated change ranked (assistant/acrosschange.py)
    if acrosschange.asks(q) and len(set(years_in(q))) <= 1:  # the figure named without the change said of it
        return acrosschange.answer(engine, question, q, chosen, missing_docs,
                                   measure_words(acrosschange.unchanged(q), docs) or measure)
    figures: list[Figure] = []
    # Each department's figure as a question about it alone reads it: kept in the store once worked out
    # (assistant/keyfigures.py), so a question over a thousand departments reads rows, not documents.
    own = {y: _own_measure(q, y, docs) for y in {d.document.year for d in chosen}}  # per year, not per document
    lines = {re.sub(r"^.*?表里的", "", m) for m in own.values() if m}
    if len(own) >= 2 and all(re.search(r"表里的", m) for m in own.values()) and len(lines) == 1:
        measure = lines.pop()  # each year's table named, one line read in each: the line is the figure said
    rate = bool(execution.ASKS.search(q))  # each one's 决算数 ÷ 预算数, then those compared

    def sub(m: str, d) -> str:
        if (prior := acrosspick.prior_year(q, d)) is not None:  # a stand-in: the year before its own, as it states it
            return f"{prior}年{m}是多少"
        return f"{m}的预算执行率是多少" if rate else (acrossparts.sub_question(q, m) or keyfigures.key(m))
    asked = keyfigures.answers(engine, [(d, sub(_spent_of(q, d, own[d.document.year] or measure), d)) for d in chosen])
    for i, d in enumerate(chosen):  # 「上年结余结转」 of one department, printed 上年结转 by another: asked by that name
        for other in acrosswords.other_names(own[d.document.year] or measure):
            if asked[i] is not None and asked[i].status != NOT_FOUND:
                break
            asked[i] = keyfigures.answers(engine, [(d, sub(other, d))])[0] or asked[i]
    for d, a in zip(chosen, asked):
        if a is not None and a.status == AMBIGUOUS:
            a = readings.sangong(a, own[d.document.year] or measure) or readings.fund(engine, d, own[d.document.year] or measure) \
                or readings.whole(a) or a
        off = acrossparts.off_part(own[d.document.year] or measure, a) if a is not None and a.status == ANSWERED else None
        if off:
            a = Answer(a.question, NOT_FOUND, off, citations=a.citations[:1])
        figures.append(Figure(d, a, named=own[d.document.year], of_year=acrosspick.prior_year(q, d)))
    if acrossparts.counts_nonzero(q):  # 「有几家有政府性基金预算财政拨款的收支」: the fund's own table, where the line is not
        for f in figures:
            if f.answer is None or f.answer.status != ANSWERED:
                f.answer = acrosswords.fund_table(engine, f.doc, measure) or f.answer
    have = [f for f in figures if f.answer is not None and f.answer.status == ANSWERED and f.answer.value is not None]
    answered = {id(f) for f in have}
    lacking = [f for f in figures if id(f) not in answered]
    units = {f.answer.unit for f in have}
    # One unit for all (each table printing 元): the figures as printed, as a question about one of them answers;
    # money in several units, or 万元 asked (「加起来多少万元」): 万元, each conversion shown.
    money_only = bool(units) and all(arith.is_money(u) for u in units)
    common = "万元" if money_only and (len(units) > 1 or ASKS_WAN.search(q)) else \
        (next(iter(units)) if len(units) == 1 else None)
    if common is None and have:
        return Answer(question, NOT_FOUND, f"“{measure}”在各文件中的单位不同（{'、'.join(sorted(u or '无' for u in units))}），"
                                           "不能放在一起比较。")
    for f in have:
        if common == "万元" and f.answer.unit != "万元":
            c = arith.convert(f.answer.value, f.answer.unit, "万元")
            f.value, f.conversion = c.value, c.formula
        else:
            f.value = f.answer.value
    missing = [f"{f.who}：{_why(f.answer)}" for f in lacking] + missing_docs
    if acrossparts.counts_zero(q) and acrosspick.ALL.search(q):
        return _nonzero(question, measure, have, missing, common or "", zero=True)
    if acrossparts.counts_nonzero(q) and (acrosspick.ALL.search(q) or not missing):
        return _nonzero(question, measure, have, missing, common or "")
    among = bool(missing) and len(have) >= 2 and acrossparts.ranks_only(q)  # a ranking among those that print it
    if missing and not (acrosspick.ALL.search(q) and not acrosspick.named_departments(q, docs)) and not among:
        # The departments or years the question names are each needed: without one, no comparison.
        return Answer(question, NOT_FOUND, f"没有找到答案：问题所比较的“{measure}”，" + "；".join(missing) +
                      "。缺少的数不按 0 计，无法比较。" + ("已有：" + "；".join(_cite_line(f, common or "") for f in have)
                                                     if have else ""), citations=[c for f in have for c in f.answer.citations[:1]])
    if _TIMES.search(q):  # 「A是B的几倍」: A ÷ B, the figures in the order the question says them
        have.sort(key=lambda f: acrosspick.said_at(q, f.doc, docs))
    out = _combine(question, q, f"{measure}预算执行率" if rate else measure, have, missing, common or "")
    if among and out.status == ANSWERED:
        out.answer += f"。以上结果只在给出“{measure}”的 {len(have)} 个部门中成立"
    return out


def _nonzero(question: str, measure: str, have: list, missing: list[str], unit: str, zero: bool = False) -> Answer:
    """「有几个部门安排了X」: the departments whose X is printed and not zero, each named and cited; 「没有安排X」
    (``zero``): those whose X is printed as 0 (an empty table's 合计), the others named beside them."""
    hits = [f for f in have if bool(f.value) != zero]
    rest = [f for f in have if bool(f.value) == zero]
    listed = "；".join(_cite_line(f, unit) for f in hits) or "无"
    said, other = ("为 0（没有安排）", "不为 0 ") if zero else ("不为 0 ", "为 0 ")
    text = f"{measure}{said}的有 {len(hits)} 个部门：{listed}"
    if rest:
        text += f"。{other}的：" + "；".join(_cite_line(f, unit) for f in rest)
    if missing:
        text += "。没有这个数的：" + _few(missing, word="个") + "（未计入，计数只在给出这个数的部门中成立）"
    cites = [c for f in hits + rest for c in f.answer.citations[:1]]
    rel = "= 0" if zero else "≠ 0"
    return Answer(question, ANSWERED, text, Decimal(len(hits)), "个", f"计数 {len(hits)}（{measure} {rel}）", cites)


def _parts_of_year(q: str, year: str) -> list[str]:
    """The parts of a comparison (split at 比, 和, 相比 …) that say the year: that document's own words."""
    # 「年末结转和结余」 is one line's name: its 和 joins no two parts
    return [p for p in re.split(r"比|(?<!结转)和(?!结余)|与|相比|对比|以及|、", q) if year in p]


def _own_measure(q: str, year: int, docs: list) -> str:
    """The figure asked of a year's document where the question names it beside that year
    ("2025年预算的支出合计比2024年决算的本年支出合计…"): the words of its own part of the question."""
    y = str(year)
    if y not in q or len(set(years_in(q))) < 2:
        return ""  # one year said: its part of the question is the whole question's figure (「2026年这几家单位（…）」)
    mine = _parts_of_year(q, y)
    if len(mine) == 1 and (table := acrosstables.table_of_year(q, y, lambda w: measure_words(w, docs))):
        return table  # 「2026年部门支出总表里的项目支出，是2024年支出决算表里项目支出的几倍」: each year its table's
    words = measure_words(mine[0], docs) if len(mine) == 1 else ""
    # 「…比2024年实际决算多了多少」: a stage (实际, 决算, 预算数) names no figure of its own: the question's figure
    # 「2025年预算安排的」「2024年实际花的」: how the money is said (安排, 花), no figure of its own either.
    return "" if re.fullmatch(r"(?:实际|年初|全年)?(?:预算|决算|执行)?(?:数|安排|花费?|用|开支|支出)?", words or "") else words


# 「2024年的实际支出（决算）」: spending said plainly, of that year's part of the question.
_SPENT_SAID = re.compile(r"实际(?:花费?|支出|使用|用|开支)|花了|花掉|用了|用掉|支出了")


def _spent_of(q: str, doc, measure: str) -> str:
    """What a 决算 spent is its 本年支出合计 — its 支出总计 adds the money carried to next year, which was not
    spent (as one document's question reads it: wholes.spent). Only where the question says spending of that
    document's year; 「2024年决算的支出总计」 keeps the figure named."""
    if doc.document.kind != "决算" or measure != "支出总计":
        return measure
    y = str(doc.document.year)
    mine = _parts_of_year(q, y) if y in q else [q]
    return "本年支出合计" if any(_SPENT_SAID.search(p) for p in mine) else measure


def _why(a: Answer | None) -> str:
    if a is None:
        return "无法读取"
    if a.status == ANSWERED:
        return "文件没有给出这个数"
    text = re.sub(r"。?语料库目前收录.*$", "", a.answer)
    return text[:80]


def _cite_line(f: Figure, unit: str) -> str:
    c = f.answer.citations[0] if f.answer.citations else None
    where = "，".join(x for x in (c and c.table, c and c.row and f"{c.row}行", c and c.column and f"{c.column}列",
                                 c and c.page and f"第{c.page}页") if x) if c else ""
    shown = arith.with_unit(f.value, unit)
    if f.answer.answer.startswith("按部门全部资金口径"):
        shown += "（有多种口径，取部门全部资金）"
    if f.conversion:
        shown += f"（{f.conversion}）"
    return f"{f.who} {shown}" + (f"（{where}）" if where else "")


# A long answer's text names this many departments (the top, or the bottom when the least is asked) and
# says how many there are; every figure stays in the answer's citations and chart (the 数据 view, the CSV).
SHOWN = 10


def _few(items: list[str], sep: str = "；", word: str | None = "个部门") -> str:
    """``items`` joined, the first ``SHOWN`` only when there are more, then "…共 N 个部门" (just "…" when
    ``word`` is None: the count is already said)."""
    if len(items) <= SHOWN:
        return sep.join(items)
    return sep.join(items[:SHOWN]) + sep + "…" + (f"共 {len(items)} {word}" if word else "")


def _abridged(formula: str | None) -> str | None:
    """A result formula over many figures (a > b > …, a + b + … = s) cut to its first ``SHOWN`` terms."""
    if not formula:
        return formula
    for op in (" > ", " < ", " + "):
        tail = ""
        body = formula
        if op == " + " and " = " in formula:
            body, tail = formula.rsplit(" = ", 1)
            tail = " = " + tail
        terms = body.split(op)
        if len(terms) > SHOWN + 1:
            return op.join(terms[:SHOWN]) + op + "…" + tail
    return formula


_NOT_LESS = re.compile(r"多少|减少|降低|缩小|压减|下降|最多|最高|最大")


def _combine(question: str, q: str, measure: str, have: list[Figure], missing: list[str], unit: str) -> Answer:
    cites = [c for f in have for c in f.answer.citations[:1]]
    conversions = [f.conversion for f in have if f.conversion]
    sub_calcs = [f"{f.who}：{f.answer.calculation}" for f in have
                 if f.answer.calculation and f.answer.calculation not in (f.conversion or "")]
    absent = ("。没有这个数的：" + _few(missing, word="个") + "（未计入，不按 0 计）") if missing else ""
    if not have:
        return Answer(question, NOT_FOUND, f"没有找到答案：各文件都没有给出“{measure}”{absent}。")
    ordered = sorted(have, key=lambda f: f.value, reverse=True)
    long = len(have) > SHOWN

    def done(text: str, value: Decimal | None, result_formula: str | None, out_unit: str | None = unit,
             chart: Chart | None = None, shown: list[Figure] | None = None) -> Answer:
        formula = "；".join([*conversions, *sub_calcs, *([result_formula] if result_formula else [])]) or None
        lines = "；".join(_cite_line(f, unit) for f in have)
        said = formula
        if long:  # the text names the figures it shows; the formula (calculation) and citations hold them all
            keep = {id(f) for f in (ordered[:SHOWN] if shown is None else shown)}
            kept = [f for f in (ordered if shown is None else shown) if id(f) in keep]
            said = "；".join([*(f.conversion for f in kept if f.conversion),
                              *(f"{f.who}：{f.answer.calculation}" for f in kept
                                if f.answer.calculation and f.answer.calculation not in (f.conversion or "")),
                              *([_abridged(result_formula)] if result_formula else [])]) or None
            lines = "；".join([*(_cite_line(f, unit) for f in kept), f"…共 {len(have)} 个部门，每个数的出处见来源"])
        calc = f"。计算：{said}" if said else ""
        return Answer(question, ANSWERED, f"{text}{calc}（数据：{lines}）{absent}", value, out_unit, formula, cites,
                      chart=chart)

    limit = _THRESHOLD.search(q)
    if limit and not acrossparts.whole_measure(q) and re.search(r"几个|多少个|几家|几份", q) and (limit.group(1) or limit.group(4)):
        bound = Decimal(limit.group(2))
        if limit.group(3) != unit and arith.is_money(limit.group(3)) and arith.is_money(unit):
            bound = arith.convert(bound, limit.group(3), unit).value
        below = bool(re.search(r"低于|少于|不到|小于|以下", limit.group(0)))
        inclusive = bool(re.search(r"不少于|以上|以下", limit.group(0)))
        def fits(v):  # noqa: E306
            return (v < bound or inclusive and v == bound) if below else (v > bound or inclusive and v == bound)
        hits = [f for f in ordered if fits(f.value)]
        rel = ("≤" if inclusive else "<") if below else ("≥" if inclusive else ">")
        text = (f"{measure}{limit.group(0)}的有 {len(hits)} 个：" + (_few([f"{f.who} {arith.with_unit(f.value, unit)}"
                                                                       for f in hits], "、", None) or "无"))
        return done(text, Decimal(len(hits)), f"计数 {len(hits)}（{rel} {arith.fmt(bound)} {unit}）", "个",
                    shown=hits[:SHOWN])
    chart = Chart(f"{measure}（按文件）", unit, tuple(ChartBar(f.who, f.value) for f in ordered)) if len(have) > 1 else None
    # 多少 asks the figure and 减少/降低/缩小 name a change: neither says the least is asked (「最多的是哪个部门？多少？」).
    less = bool(re.search(r"最(少|低|小)|哪.{0,6}(少|低|小)|谁.{0,3}(少|低|小)", _NOT_LESS.sub("", q)))
    if len(have) == 1 and not missing:
        f = have[0]
        return done(f"{f.who}的{measure}：{arith.with_unit(f.value, unit)}", f.value, None)
    if _TIMES.search(q) and len(have) == 2:
        a, b = have
        r = arith.multiple(a.value, b.value)
        return done(f"{a.who}的{measure}是{b.who}的 {arith.fmt(r.value)} 倍", r.value, r.formula, "倍")
    rates = unit == "%" and execution.ASKS.search(q)  # execution rates compared: no rate of change between them
    if re.search(r"百分之几|百分比|增幅|增长率|幅度|%|比例", q) and len(have) == 2 and not rates:
        old, new = sorted(have, key=lambda f: (f.doc.document.year, f.doc.document.kind == "预算"))
        change = new.value - old.value
        r = arith.change_rate(change, old.value)
        word = "增加" if change > 0 else "减少"
        return done(f"{new.who}的{measure}比{old.who}{word} {arith.fmt(r.value)}%", r.value,
                    f"{arith.fmt(new.value)} − {arith.fmt(old.value)} = {arith.fmt(change)}；{r.formula}", "%")
    if re.search(acrossparts.DIFFERENCE + r"|变化", q) and len(have) == 2:
        a, b = have
        r = arith.difference(a.value, b.value)
        hi, lo = (a, b) if a.value >= b.value else (b, a)
        if not r.value:  # the same figure: said so, not 「多 0 辆」
            return done(f"{a.who}和{b.who}的{measure}相同，都是 {arith.with_unit(a.value, unit)}（相差 0）", r.value, r.formula)
        if rates:
            return done(f"{hi.who}的{measure}比{lo.who}高 {arith.fmt(r.value)} 个百分点", r.value, r.formula)
        hi_said, lo_said = (hi.named, lo.named) if hi.named and lo.named and hi.named != lo.named else (measure, "")
        out = done(f"{hi.who}的{hi_said}比{lo.who}{lo_said and '的' + lo_said}多 {arith.with_unit(r.value, unit)}",
                   r.value, r.formula)
        year = acrossparts.first_asked(q, [a.doc.document.year, b.doc.document.year])
        first = next((f for f in have if f.doc.document.year == year), None) if a.doc.document.year != b.doc.document.year else None
        if first is not None:  # one year's figure asked first, in a clause of its own: the value, the difference after it
            out.parts = [AskedFigure(f"{first.who}的{first.named or measure}", first.value, unit),
                         AskedFigure("相差", r.value, unit)]
            out.value = first.value
            out.answer = f"{first.who}的{first.named or measure}：{arith.with_unit(first.value, unit)}。{out.answer}"
        return out
    if acrosswords.asks_mean(q) and len(have) >= 2:  # 「平均每家多少」: the sum ÷ how many give the figure
        r = acrosswords.mean([f.value for f in have])
        return done(f"{_few([f.who for f in have], '、')}的{measure}平均每个部门 {arith.with_unit(r.value, unit)}"
                    f"（{len(have)} 个部门）", r.value, r.formula, chart=chart, shown=have[:SHOWN])
    if re.search(r"一共|合计|加起来|总共|总和|之和|共计", q):
        r = arith.total([f.value for f in have])
        return done(f"{_few([f.who for f in have], '、')}的{measure}合计 {arith.with_unit(r.value, unit)}", r.value,
                    r.formula, chart=chart, shown=have[:SHOWN])
    if re.search(r"分别|各自|列出|列一下", q) and not re.search(r"最|排", q):
        return done(f"{measure}：" + _few([f"{f.who} {arith.with_unit(f.value, unit)}" for f in have]), None, None,
                    None, chart=chart, shown=have[:SHOWN])
    # Rank, compare ("比一比", "哪个多"): the top one (the least when asked), with the full order; a place
    # asked (「排第二」, 「倒数第二」): the one at that place.
    at = _place(q)
    less = less or bool(at and at[1])
    order = ordered[::-1] if less else ordered
    rel = " < " if less else " > "
    ranking = _few([f"{i + 1}. {f.who} {arith.with_unit(f.value, unit)}" for i, f in enumerate(order)])
    if at is not None and at[0] > len(order):
        return Answer(question, NOT_FOUND, f"没有找到答案：有“{measure}”的只有 {len(order)} 个，没有第 {at[0]} 位"
                      f"（排序：{ranking}）{absent}。")
    pick = order[at[0] - 1] if at is not None and at[0] >= 1 else order[0]
    if at is not None and at[0] >= 1:
        tied = [f for f in order if f.value == pick.value]
        if len(tied) > 1:
            return Answer(question, AMBIGUOUS, f"“{measure}”有 {len(tied)} 个部门相同（{arith.with_unit(pick.value, unit)}：" +
                          "、".join(f.who for f in tied) + f"），第 {at[0]} 位不止一个。排序：{ranking}",
                          readings=[f.who for f in tied])
        place = f"{'倒数' if less else ''}第{at[0]}（从{'低到高' if less else '高到低'}）"
        text = f"{measure}排{place}的是{pick.who}：{arith.with_unit(pick.value, unit)}。排序：{ranking}"
        return done(text, pick.value, rel.join(arith.fmt(f.value) for f in order), chart=chart, shown=order[:SHOWN])
    place = ("最低" if less else "最高") if rates else ("最少" if less else "最多")
    text = f"{measure}{place}的是{pick.who}：{arith.with_unit(pick.value, unit)}。排序：{ranking}"
    return done(text, pick.value, rel.join(arith.fmt(f.value) for f in order), chart=chart, shown=order[:SHOWN])
