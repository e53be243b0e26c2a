"""Departments ranked or compared by a ratio of each one's own figures (assistant/across.py picks the departments).

「“三公”经费预算占本部门支出总计比例最高的是哪个」, 「一般公共预算基本支出里，哪家人员经费占比最高」,
「哪家政府采购预算占本部门支出总计的比例更高？高的是多少」: for each department its part ÷ its own whole × 100
(both read as a question about that department alone reads them, each cited; 元 and 万元 put in one unit,
the conversion shown), then the ratios ranked. A department that prints the part or the whole is named as
missing, never counted as 0; the departments a question names are each needed.
"""
from __future__ import annotations

import re
from . import acrosspick, arith, keyfigures
from . import acrossreadings as readings
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, Chart, ChartBar

# 「X占（本部门）Y（的）比例」: the part before 占, the whole after it.
_PART_OF = re.compile(r"占(?:本部门|本单位|各自部门|各自单位|各自|自己|自身|其|部门|单位)?的?(?!比)"
                      r"(?P<whole>[^，,。？?！!；;]{2,24}?)的?(?:比例|比重|百分比|占比|份额|百分之几|百分之多少|几成)")
# 「Y里，哪家X占比最高」「X在Y中的占比」: the whole named first as where the part is read.
_WITHIN = re.compile(r"(?:里|中|当中|之中)[，,]?(?P<part>[^，,。？?！!；;]{2,20}?)(?:的)?(?:所?占比例|占比|比重|所占比重)")
_IN = re.compile(r"(?P<part>[^，,。？?！!；;在]{2,20}?)在(?P<whole>[^，,。？?！!；;]{2,24}?)(?:里|中|当中|之中)的?"
                 r"(?:所?占比例|占比|比重|所占比重)")
# A ranking or a comparison of the ratios (not one department's ratio, nor its change over the years).
_RANKS = re.compile(r"最高|最低|最大|最小|哪|谁|排名|排序|排一下|从高到低|从低到高|更高|更低|更大|更小|比较|对比|比一比")
_LIST = re.compile(r"分别|各自|各是|各为|各占")
_LESS = re.compile(r"最低|最小|更低|更小|从低到高|哪.{0,8}(?:低|小)|谁.{0,4}(?:低|小)")
_SCOPE = re.compile(r"(?:一般公共预算|政府性基金预算?|财政拨款)?(?:基本支出|项目支出)|一般公共预算支出|财政拨款支出")


def _clause_before(q: str, at: int) -> str:
    """The words before ``at`` back to the last comma or full stop: the part's own clause."""
    return re.split(r"[，,。；;！!？?]", q[:at])[-1]


def asked(q: str, measure) -> tuple[str, str] | None:
    """(part, whole) the question's ratio is of, each as a figure's name (``measure``: across.measure_words)."""
    if not _RANKS.search(q) and not _LIST.search(q):
        return None
    m = _IN.search(q)
    if m:
        part, whole = measure(m.group("part")), measure(m.group("whole"))
    elif (m := _PART_OF.search(q)) is not None:
        part, whole = measure(_clause_before(q, m.start())), measure(m.group("whole"))
    elif (m := _WITHIN.search(q)) is not None:
        part, whole = measure(m.group("part")), measure(_clause_before(q, m.start()))
    else:
        return None
    if not part or not whole or part == whole:
        return None
    return part, whole


def _in_whole(part: str, whole: str) -> str:
    """The part as asked of a department: read in the whole when the whole is a scope (「一般公共预算基本支出中的
    人员经费」, not the department's 人员经费 of every source)."""
    return f"{whole}中的{part}" if _SCOPE.fullmatch(whole) and whole not in part else part


def _read(engine, docs: list, measure: str) -> list[Answer | None]:
    out = []
    for d, a in zip(docs, keyfigures.answers(engine, [(d, keyfigures.key(measure)) for d in docs])):
        if a is not None and a.status == AMBIGUOUS:
            a = readings.sangong(a, measure) or readings.fund(engine, d, measure) or readings.whole(a) or a
        out.append(a)
    return out


def _ok(a: Answer | None) -> bool:
    return a is not None and a.status == ANSWERED and a.value is not None


def _who(d) -> str:
    return f"{d.document.department}（{d.document.year}年{d.document.kind}）"


def _where(a: Answer) -> str:
    c = a.citations[0] if a.citations else None
    if c is None:
        return ""
    return "，".join(x for x in (c.table, c.row and f"{c.row}行", c.column and f"{c.column}列",
                                c.page and f"第{c.page}页") if x)


def _in_wan(value, unit: str, notes: list[str]):
    """A money figure in 万元, exactly; a conversion made is noted for the formula."""
    if unit == "万元":
        return value
    c = arith.convert(value, unit, "万元")
    notes.append(c.formula)
    return c.value


def answer(engine, question: str, q: str, chosen: list, missing_docs: list[str], docs: list, measure) -> Answer | None:
    said = asked(q, measure)
    if said is None:
        return None
    from .across import _few, _why
    part, whole = said
    parts, wholes = _read(engine, chosen, _in_whole(part, whole)), _read(engine, chosen, whole)
    rows, missing, cites, notes = [], list(missing_docs), [], []
    for d, p, w in zip(chosen, parts, wholes):
        if not _ok(p) or not _ok(w):
            missing.append(f"{_who(d)}：{_why(p if not _ok(p) else w)}")
            continue
        pv, wv, unit = p.value, w.value, p.unit
        if p.unit != w.unit:
            if not (arith.is_money(p.unit) and arith.is_money(w.unit)):
                missing.append(f"{_who(d)}：“{part}”与“{whole}”单位不同（{p.unit or '无'}、{w.unit or '无'}）")
                continue
            unit = "万元"  # 元 in one table, 万元 in another: both in 万元, exactly, each conversion shown
            pv, wv = _in_wan(pv, p.unit, notes), _in_wan(wv, w.unit, notes)
        if wv == 0:
            missing.append(f"{_who(d)}：“{whole}”为 0，比例无法计算")
            continue
        r = arith.share(pv, wv)
        rows.append((d, r, p, w, arith.with_unit(pv, unit), arith.with_unit(wv, unit)))
        cites += [*p.citations[:1], *w.citations[:1]]
    name = f"{part}占{whole}的比例"
    absent = ("。没有这个比例的：" + _few(missing, word="个") + "（未计入，不按 0 计）") if missing else ""
    named = acrosspick.named_departments(q, docs)
    if not rows or (missing and named and not acrosspick.ALL.search(q)) or len(rows) + len(missing) < 2:
        return Answer(question, NOT_FOUND, f"没有找到答案：{name}，" + ("；".join(missing) or "各文件都没有给出") +
                      "。缺少的数不按 0 计，无法比较。", citations=cites)
    if _LIST.search(q) and not _RANKS.search(q):  # 「分别是多少」: each one's ratio, in the order said
        listed = "；".join(f"{_who(t[0])} {arith.fmt(t[1].value)}%" for t in rows)
        calc = "；".join([*notes, *(f"{_who(t[0])}：{t[1].formula}" for t in rows)])
        data = "；".join(f"{_who(t[0])} {part} {t[4]}（{_where(t[2])}）÷ {whole} {t[5]}（{_where(t[3])}）" for t in rows)
        return Answer(question, ANSWERED, f"{name}：{listed}。计算：{calc}（数据：{data}）{absent}", None, None, calc,
                      cites)
    less = bool(_LESS.search(q))
    order = sorted(rows, key=lambda t: t[1].value, reverse=not less)
    top = order[0]
    tied = [t for t in order if t[1].value == top[1].value]
    ranking = _few([f"{i + 1}. {_who(t[0])} {arith.fmt(t[1].value)}%" for i, t in enumerate(order)])
    calc = "；".join([*notes, *(f"{_who(t[0])}：{t[1].formula}" for t in order)])
    data = "；".join(f"{_who(t[0])} {part} {t[4]}（{_where(t[2])}）÷ {whole} {t[5]}（{_where(t[3])}）" for t in order)
    chart = Chart(f"{name}（按文件）", "%", tuple(ChartBar(_who(t[0]), t[1].value) for t in order))
    if len(tied) > 1:
        return Answer(question, AMBIGUOUS, f"{name}有 {len(tied)} 个部门相同（{arith.fmt(top[1].value)}%："
                      + "、".join(_who(t[0]) for t in tied) + f"）。排序：{ranking}。计算：{calc}",
                      readings=[_who(t[0]) for t in tied], citations=cites)
    place = "最低" if less else "最高"
    text = f"{name}{place}的是{_who(top[0])}：{arith.fmt(top[1].value)}%。排序：{ranking}。计算：{calc}（数据：{data}）{absent}"
    return Answer(question, ANSWERED, text, top[1].value, "%", calc, cites, chart=chart)
