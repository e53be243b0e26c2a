"""Year-on-year questions: 「X比上年(执行数/预算)增加了多少」「增长了百分之几」「2025年X(的执行数)是多少」.

Two sources give another year's figure, and only they do — never a substitute:
1. a column printing last year beside this year's (2025年执行数, 上年预算数, 2020年 …; assistant/lastyear.py):
   change = this year − last year and rate = change ÷ last year × 100, both cells cited;
2. the narrative's change sentences (ingest/changes.py): the change and rate as stated, last year's figure
   as stated or this year's figure − the change, with the formula.
The kind of last-year figure asked (执行数, 年初预算, 预算, 决算) must match the one printed; when the question
names none, the one printed is used and said.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest.changes import ChangeFact

from . import arith, lastyear, slipchange, wholepart
from .yearasked import (CHANGED, RATE, WHOLES, after_subject, pointed, prior_asked, stem, asked_subject,
                        both, canon, figures_asked, implicit, names_a_whole, said_whole, score, wanted_basis)
from . import wording as W
from .answer import ANSWERED, Answer, AskedFigure, Citation
from .corpus import TOTAL_LABELS, CellRef, unit_of
from .scope import years_in
from .tables import candidates, measures_from
from .vocab import normalize

# 「是增还是减，变化多少」: the direction and the change asked, not two things compared


def change(eng, question, q, doc, measures, hint) -> Answer | None:
    """A year-on-year question answered from a last-year column, else from the narrative's statement."""
    year = doc.document.year
    q = pointed(q)
    own = W.without_carried(q)
    if not (W.CHANGE.search(own) or implicit(own) or year - 1 in years_in(own)):
        return None  # "上年结转" is a line of this year's budget, not last year's figure
    wanted = wanted_basis(q, year)
    if re.search(r"为什么|为何|什么原因|原因", q):  # why it changed: the statement, with its reason, quoted
        found = _matching_fact(eng, q, doc, asked_subject(q), wanted, "change", [], least=4)
        return _why(question, doc, found[0]) if found else None
    ask = "rate" if RATE.search(q) else ("change" if CHANGED.search(after_subject(q)) else "prior")
    if prior_asked(q, year):
        ask = "prior"
    if (W.MULTIPLE.search(q) or W.COMPARE.search(q)) and not W.WHICH_WAY.search(q):
        ask = "other"
    from . import deductedcol  # 「2025年X扣掉中央基建投资后的执行数」: the column printing it (assistant/deductedcol.py)
    if ask == "prior" and (ans := deductedcol.answer(question, q, doc, measures)) is not None:
        return ans
    from . import restated  # a change stated twice: 「扣除中央基建后」, or the table's and the narrative's
    if (ans := restated.deducted(eng, question, q, doc, wanted, ask)) is not None:
        return ans
    from . import sumchange  # 「A加上B、C，合计比上年多了多少」: the change of the sum (assistant/sumchange.py)
    if (ans := sumchange.answer(eng, question, q, doc, measures, hint, wanted, ask)) is not None:
        return ans
    cands = [c for m in measures for c in candidates(doc, m, hint, q)]
    if implicit(q) and not W.CHANGE.search(q) and year - 1 not in years_in(q):
        # "X减少了多少" with no year named: only a statement of the narrative about X itself answers it
        subject = asked_subject(q)
        found = _matching_fact(eng, q, doc, subject, wanted, ask, [], least=4)
        from . import partchange  # no statement of the whole: its parts' stated changes summed (assistant/partchange.py)
        return _from_fact(eng, question, q, doc, found[0], found[1], ask) if found else \
            partchange.answer(eng, question, q, doc, measures, ask, wanted)
    if ask != "other" or not W.MULTIPLE.search(q):  # 「2020年和2021年的X哪年多」: the two columns compared too
        pair = lastyear.find(cands, q, wanted)
        if pair is not None and ask != "prior" and _of_a_line(pair, doc, measures, hint, q):
            pair = lastyear.completed(pair, q)  # last year's column named: this year's cell beside it
        if pair is not None and (pair.now is not None or ask == "prior"):
            # 「扣除中央基建投资后」 printed beside: two readings of the change (restated.two_columns)
            return restated.two_columns(question, q, doc, pair, ask) or \
                restated.against_columns(eng, question, q, doc, pair, ask, wanted) or \
                _from_columns(question, q, doc, pair, ask)
    subject = asked_subject(q)
    found = _matching_fact(eng, q, doc, subject, wanted, ask, measures)
    if found is None:
        from . import partchange  # no statement of the whole: its parts' stated changes summed (assistant/partchange.py)
        if (ans := partchange.answer(eng, question, q, doc, measures, ask, wanted)) is not None:
            return ans
        other = lastyear.find(cands, q, None) if wanted and ask != "other" else None
        if other is not None and other.basis and other.basis != wanted:
            return eng.not_found(question, f"{doc.document.label}只列出了{_basis_word(other.basis)}"
                                           f"（{other.prior.where()}），没有{_basis_word(wanted)}")
        if ask == "rate":  # 「…与上年同期相比，增加144.81%」: a rate printed after the words asked (labelled.py)
            from . import labelled
            return labelled.rate(question, q, doc)
        return None
    fact, fact_cands = found
    return restated.twice_stated(eng, question, q, doc, fact) or restated.elsewhere(eng, question, q, doc, fact, ask) or \
        _from_fact(eng, question, q, doc, fact, fact_cands or cands, ask)


def _of_a_line(pair, doc, measures, hint, q) -> bool:
    """Was last year's cell found through a line the question names (or with no line named at all)? A bare
    column word (执行数) finds the table's total row; beside a line named elsewhere (职业年金缴费, printed in
    another table) that total is not what was asked. A word that is a line or a column (一般公共预算, dual) names
    no line of its own."""
    lined = [m for m in measures if m.rows and not m.dual]
    if not lined:
        return True
    at = (id(pair.prior.table), pair.prior.row.ordinal, pair.prior.column)
    return any((id(c.table), c.row.ordinal, c.column) == at for m in lined for c in candidates(doc, m, hint, q))


def _matching_fact(eng, q, doc, subject, wanted, ask, measures, least: int = 1, keep=None):
    """``keep``: only the statements it accepts (reasons.py: the direction and size the question says)."""
    facts = [f for f in eng._facts.get(doc.document.doc_id, []) if keep is None or keep(f)]
    if not subject:  # "2025年年初预算数是多少": the whole budget's
        fits = [f for f in facts if (not wanted or lastyear.compatible(wanted, _basis(f, doc))) and _usable(f, ask)]
        whole = next((f for f in fits if stem(canon(f.subject)) and not stem(canon(f.subject))[0]), None)
        # No statement of the whole: a part the text prints as all of it (「收入预算3,121.42万元，其中：财政拨款收入
        # 3,121.42万元，比2024年预算增加107.62万元」), its change stated — the answer says the part is the whole.
        if whole is None and wholepart.asks_whole(q):
            whole = next((f for f in fits if wholepart.whole_part(f)), None)
        return (whole, _fact_cells(eng, doc, whole)) if whole is not None else None
    from .documents import department_names
    drop = tuple(sorted({doc.document.department, *department_names(doc.document.department, doc.document.region)},
                        key=len, reverse=True))
    subject = without_department(subject, drop, doc.document.region)
    best, best_score = None, 0
    by_code = _coded(doc, subject)
    short = None  # a name a table line prints as it is (事业单位医疗) is that line, never a longer one shortened
    for f in facts:
        if wanted and not lastyear.compatible(wanted, _basis(f, doc)):
            continue
        if not _usable(f, ask) or _against(q, f):
            continue
        s = max(score(subject, f.subject, drop), score(subject, qualified(f), drop)) if subject else 0
        if s == 3 and (plain := max(score(subject, f.subject, drop, False), score(subject, qualified(f), drop, False))) < 3:
            if short is None:
                asked = canon(re.sub(r"[（(][^）)]+[）)]", "", subject), drop)
                short = not any(canon(r.label) == asked for t in doc.tables for r in t.rows if r.label)
            s = s if short else plain
        if by_code:  # 行政单位医疗（2101101）is the line the narrative prints as 行政事业单位医疗（2101101）
            printed = re.search(rf"[（(]\s*{by_code[0]}\s*[）)]", f.sentence)
            if printed or any(score(n, f.subject, drop) >= 4 for n in by_code[1:]):
                s = max(s, 5 if printed else 4)
        if s > best_score:
            best, best_score = f, s
    if best is not None and best_score >= least:
        return best, _fact_cells(eng, doc, best)
    whole = canon(subject, drop)
    if whole in WHOLES:  # 「收入预算比上年增加了多少」: a part the text prints as all of that whole (wholepart.py)
        part = next((f for f in facts if (not wanted or lastyear.compatible(wanted, _basis(f, doc))) and
                     _usable(f, ask) and wholepart.whole_part(f)[:2] in (whole, "收入" if whole == "收支" else whole)), None)
        if part is not None:
            return part, _fact_cells(eng, doc, part)
    return _by_mentions(eng, q, doc, measures, wanted, ask, subject, drop) if least <= 1 else None


def without_department(subject: str, names: tuple[str, ...], region: str | None = None) -> str:
    """「广州市府办公厅委托业务费」: the department named short before the subject (…办公厅) taken off with
    whatever abbreviation precedes its name; what is left of it once the name is taken (广州市府) too."""
    for n in names:  # longest first
        at = subject.find(n)
        if 0 <= at <= 6 and len(subject) > at + len(n):
            return subject[at + len(n):].lstrip("的")
    if region:
        short = re.sub(r"(?:省|市|区|县|自治区|自治州)$", "", region)
        m = re.match(rf"(?:{re.escape(region)}|{re.escape(short)})(?:市府|区府|县府|省府|市政府|区政府|县政府|政府)", subject)
        if m and len(subject) > m.end():
            return subject[m.end():].lstrip("的")
    return subject


def _against(q: str, f: ChangeFact) -> bool:
    """「…为什么比2025年执行数减少」: a statement that it increased is about another line (or another year)."""
    down, up = bool(re.search(r"减少|下降|降低|压减", q)), bool(re.search(r"增加|增长|上升|提高", q))
    moved = f.change if f.change is not None else f.rate
    return down != up and moved is not None and moved != 0 and (moved > 0) == down


def _coded(doc, subject: str) -> list[str]:
    """A subject asked with its code (「行政单位医疗（2101101）」): the code, then the names the tables print
    for it — the narrative may call the line otherwise than the question does."""
    m = re.search(r"(?<!\d)(\d{5}|\d{7})(?!\d)", subject or "")
    if m is None:
        return []
    from .corpus import plain_label
    names = {plain_label(r.label) for t in doc.tables for r in t.rows if r.code == m.group(1)}
    return [m.group(1), *sorted(n for n in names if n)]


def qualified(f: ChangeFact) -> str:
    """The subject as its passage first names it: 「一般公共预算财政拨款支出年初预算…。与上年相比，财政拨款支出减少…」
    states the change of 一般公共预算财政拨款支出, named short the second time."""
    at = f.passage.text.find(f.sentence[:12])
    m = re.search(r"([^\s，,。；;：:\d“”]{1,12}?)" + re.escape(f.subject), f.passage.text[:at]) if at > 0 else None
    return re.sub(r"^年度?", "", m.group(0)) if m else f.subject


def _basis(f: ChangeFact, doc) -> str | None:
    """What the statement compares with; a 决算's plain "上年" is last year's 决算, a 预算's last year's
    budget (never its 执行数: a statement that does not say so is not about execution)."""
    return f.basis or ("决算数" if doc.document.kind == "决算" else "预算")


def _usable(f: ChangeFact, ask: str) -> bool:
    if ask == "rate":
        return f.rate is not None or f.change is not None
    if ask == "change":
        return f.change is not None or (f.prior is not None and f.current is not None)
    return f.change is not None or f.prior is not None


def _fact_cells(eng, doc, f: ChangeFact) -> list[CellRef]:
    subject = measures_from(normalize(f.subject), eng.vocab_for(doc).mentions(normalize(f.subject)))
    return [c for m in subject for c in candidates(doc, m, None)]


def _by_mentions(eng, q, doc, measures, wanted, ask, subject: str = "", drop: tuple[str, ...] = ()):
    """The stated change about what the question names through the vocabulary; with nothing named, the
    document's total. A stated subject read in the question must be said there as a whole name (「支出预算」
    inside 「项目支出预算」 is another figure), and the document's total answers only a whole asked, never a
    qualified one (「政府采购支出总额」 is no 收入总计/支出总计)."""
    # a name read inside a longer one the vocabulary does not know (支出总额 of 政府采购支出总额) names nothing
    named = [m for m in measures if m.text not in q or said_whole(q, m.text)]
    names_asked = set().union(*(m.rows or {m.column} for m in named)) if named else set()
    total_fact = None
    for f in eng._facts.get(doc.document.doc_id, []):
        if (wanted and not lastyear.compatible(wanted, _basis(f, doc))) or not _usable(f, ask):
            continue
        subject = measures_from(normalize(f.subject), eng.vocab_for(doc).mentions(normalize(f.subject)))
        names = set().union(*(m.rows or {m.column} for m in subject)) if subject else {f.subject}
        cands = [c for m in subject for c in candidates(doc, m, None)]
        if (names_asked & names) or said_whole(q, f.subject):
            return f, cands
        if total_fact is None and names & {"支出总计", "收入总计"}:
            total_fact = (f, cands)
    if not measures and total_fact is not None and names_a_whole(subject, drop) and \
            re.search(r"预算总|总额|一共|总共|收支|预算(比|较|和)|(今年|本年)(比|较)(去年|上年)|比(去年|上年)(多|少)", q):
        return total_fact
    return None


# --- answers -----------------------------------------------------------------------------------------

def _basis_word(basis: str | None) -> str:
    return {"执行数": "上年执行数", "年初预算": "上年年初预算", "预算": "上年预算", "决算数": "上年决算数"}.get(basis or "", "上年")


def _in_unit(value: Decimal, unit: str, q: str) -> tuple[Decimal, str, list[str]]:
    """A figure in the unit the question asks for ("多少万元" of a 元 table), converted exactly and shown."""
    from .figures import ASKS_WAN
    want = "万元" if ASKS_WAN.search(q) else ("元" if re.search(r"多少元|几元", q) else None)
    if want and unit != want and arith.is_money(unit):
        c = arith.convert(value, unit, want)
        return c.value, want, [c.formula]
    return value, unit, []


def _direction(d: Decimal) -> str:
    return "增加" if d > 0 else ("减少" if d < 0 else "持平")


def _from_columns(question, q, doc, pair: lastyear.Pair, ask, name: str | None = None) -> Answer:
    """``name``: what the row is called, where its cells' own name would be another column's (扣除…后预算数)."""
    now, prior = pair.now, pair.prior
    unit = unit_of(prior)
    name = name or (now or prior).name()
    if name in (*TOTAL_LABELS, "小计"):  # the total row read under a 小计 column: the table's total, named by its title
        name = f"{(now or prior).table.title}合计"
    which = _basis_word(pair.basis)
    said = "" if wanted_basis(q, doc.document.year) else f"（表中所列的上年数是{which}）"
    if now is None:  # last year's column named in the question: its cell
        value, u, conv = _in_unit(prior.value, unit, q)
        text = f"{name}（{prior.cell.column.split('/')[0]}）为 {arith.with_unit(value, u)}（{prior.where()}）"
        return Answer(question, ANSWERED, text, value, u, "；".join(conv) or None, [prior.citation()])
    cites = [now.citation(), prior.citation()] + [c.citation() for c in (pair.change, pair.rate) if c is not None]
    where = f"今年 {arith.with_unit(now.value, unit)}（{now.where()}），{which} {arith.with_unit(prior.value, unit)}（{prior.where()}）"
    d = now.value - prior.value
    diff = f"{arith.fmt(now.value)} − {arith.fmt(prior.value)} = {arith.fmt(d)}"
    printed = f"；表中增减列为 {pair.change.cell.raw}" if pair.change is not None else ""
    if ask == "other":  # which year is more: the larger of the two cells, both shown
        more = "上年" if prior.value > now.value else ("今年" if prior.value < now.value else "两年一样")
        value, u, conv = _in_unit(max(prior.value, now.value), unit, q)
        return Answer(question, ANSWERED, f"{name}{more}多：{where}{said}", value, u, "；".join([diff, *conv]), cites)
    figures = {"now": _in_unit(now.value, unit, q)[:2], "prior": _in_unit(prior.value, unit, q)[:2],
               "change": _in_unit(abs(d), unit, q)[:2]}
    if ask == "prior":
        value, u, conv = _in_unit(prior.value, unit, q)
        text = f"{name}的{which}为 {arith.with_unit(value, u)}（{prior.where()}）{said}"
        return in_order(Answer(question, ANSWERED, text, value, u, "；".join(conv) or None, cites), q, doc, figures, name)
    if ask == "rate":
        if prior.value == 0:
            return Answer(question, ANSWERED, f"{name}{which}为 0，无法计算增长率：{where}", None, None, None, cites)
        r = arith.round2(abs(d) / prior.value * 100)
        formula = f"({diff}) ÷ {arith.fmt(prior.value)} × 100 = {'−' if d < 0 else ''}{arith.fmt(r)}%"
        stated = f"；表中增减率为 {pair.rate.cell.raw}" if pair.rate is not None else ""
        text = f"{name}比{which}{_direction(d)} {arith.fmt(r)}%：{where}{said}{stated}"
        return Answer(question, ANSWERED, text, r, "%", formula, cites)
    value, u, conv = _in_unit(abs(d), unit, q)
    text = f"{name}比{which}{_direction(d)} {arith.with_unit(value, u)}：{where}{said}{printed}"
    return in_order(Answer(question, ANSWERED, text, value, u, "；".join([diff, *conv]), cites), q, doc, figures, name)


def _why(question, doc, fact: ChangeFact) -> Answer:
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page,
                    fact.passage.text, section=fact.passage.section)
    return Answer(question, ANSWERED, f"文中说明：“{fact.passage.text.strip()}”", None, None, None, [cite])


def _from_fact(eng, question, q, doc, fact: ChangeFact, cands: list[CellRef], ask) -> Answer:
    which = _basis_word(fact.basis)
    if slipchange.disagrees(fact):  # its two figures and the change it states contradict: both readings
        return slipchange.readings(question, doc, fact, which)
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page,
                    fact.sentence, section=fact.passage.section)
    unit = fact.unit
    stated = f"文中说明：“{fact.sentence}”"
    said = "" if wanted_basis(q, doc.document.year) or fact.basis is None else f"（文中比较的是{which}）"
    cites = [cite]
    shown: list[str] = []
    now_value, now_text = fact.current, "（文中所列）"
    if now_value is None:
        current = next((c for c in cands if arith.is_money(unit_of(c))), None)
        if current is not None:
            now_value, cites = current.value, [current.citation(), cite]
            if unit_of(current) != unit:  # the change is stated in 万元: this year's figure converted, shown
                c = arith.convert(current.value, unit_of(current), unit)
                now_value = c.value
                shown.append(c.formula)
            now_text = f"（{current.where()}）"
    delta = fact.change
    if delta is None and fact.prior is not None and now_value is not None:
        delta = now_value - fact.prior
        # The change as a magnitude, each way round (the answer states 减少 18.02, not −18.02)
        hi, lo = (now_value, fact.prior) if delta >= 0 else (fact.prior, now_value)
        shown.append(f"{'增加' if delta >= 0 else '减少'} {arith.fmt(hi)} − {arith.fmt(lo)} = {arith.fmt(abs(delta))}")
    prior = fact.prior
    if prior is None and delta is not None and now_value is not None:
        p = arith.prior(now_value, delta)
        prior = p.value
        shown.append(f"上年 {p.formula}")
    now = f"今年 {arith.with_unit(now_value, unit)}{now_text}" if now_value is not None else ""
    direction = _direction(delta if delta is not None else (fact.rate or Decimal(0)))
    if ask == "rate":
        if fact.rate is not None:
            value = abs(fact.rate)
            if delta is not None and prior:
                shown.append(f"核算 {arith.change_rate(delta, prior).formula}")
            text = f"{fact.subject}比{which}{direction} {arith.fmt(value)}%（文中所列）。{stated}"
            return Answer(question, ANSWERED, text, value, "%", "；".join(shown) or None, cites)
        if delta is None or not prior:
            return eng.not_found(question, f"文中说明了“{fact.subject}”的变化，但没有上年数，无法计算增长率")
        r = arith.change_rate(delta, prior)
        text = f"{fact.subject}比{which}{direction} {arith.fmt(r.value)}%：{now}，上年 {arith.with_unit(prior, unit)}。{stated}"
        return Answer(question, ANSWERED, text, r.value, "%", "；".join([*shown, r.formula]), cites)
    figures = {k: _in_unit(v, unit, q)[:2] for k, v in
               (("now", now_value), ("prior", prior), ("change", None if delta is None else abs(delta))) if v is not None}
    if ask == "change" and delta is not None:
        value, u, conv = _in_unit(abs(delta), unit, q)
        whole = wholepart.whole_part(fact) if wholepart.asks_whole(q) else ""  # the whole asked: its one part stated
        said += f"（{wholepart.said(whole, fact)}）" if whole else ""
        text = f"{fact.subject}比{which}{direction} {arith.with_unit(value, u)}{said}。{stated}"
        if both(q) and now:  # 「X多少，比去年少了多少」: this year's figure asked too, stated first
            text = f"{fact.subject}{now}；{text}"
        return in_order(Answer(question, ANSWERED, text, value, u, "；".join([*shown, *conv]) or None, cites),
                         q, doc, figures, fact.subject)
    if prior is None:
        return eng.not_found(question, f"文中说明了“{fact.subject}”的变化，但表格里找不到它今年的数，无法推算上年数")
    if ask == "other" and now_value is not None:
        if W.MULTIPLE.search(q):
            if base_is_prior(q, doc.document.year):  # 「2021年的X是2020年的多少倍」: this year's over last year's
                m = arith.multiple(now_value, prior)
                text = f"今年{fact.subject}是上年的 {arith.fmt(m.value)} 倍：{now}，上年 {arith.with_unit(prior, unit)}。{stated}"
            else:
                m = arith.multiple(prior, now_value)
                text = f"上年{fact.subject}是今年的 {arith.fmt(m.value)} 倍：{now}，上年 {arith.with_unit(prior, unit)}。{stated}"
            return Answer(question, ANSWERED, text, m.value, "倍", "；".join([*shown, m.formula]), cites)
        hi = max(prior, now_value)
        more = "上年" if prior > now_value else "今年"
        text = f"{more}多：上年 {arith.with_unit(prior, unit)}，{now}。{stated}"
        return Answer(question, ANSWERED, text, hi, unit, "；".join(shown) or None, cites)
    value, u, conv = _in_unit(prior, unit, q)
    how = "（文中所列）" if fact.prior is not None else f"：{now}，{direction} {arith.fmt(abs(delta))} {unit}"
    text = f"{doc.document.year - 1}年{fact.subject}（{which}）为 {arith.with_unit(value, u)}{how}。{stated}"
    return in_order(Answer(question, ANSWERED, text, value, u, "；".join([*shown, *conv]) or None, cites),
                     q, doc, figures, fact.subject)


def in_order(ans: Answer, q: str, doc, figures: dict[str, tuple[Decimal, str]], name: str) -> Answer:
    """A question asking two of this year's figure, last year's and the change, each in a clause of its own
    (「2025年的X大概是多少？2026年比它少了多少」): every one stated, in the order asked, and the first is the value
    (Answer.parts) — as several.py and didchange.py answer figures asked together. ``figures``: what the answer
    worked out, each in the unit it answers in."""
    year = doc.document.year
    order = figures_asked(q, year)
    if not order or any(k not in figures for k in order):
        return ans
    words = {"now": f"{year}年{name}", "prior": f"{year - 1}年{name}", "change": "增减"}
    parts = [AskedFigure(words[k], *figures[k]) for k in order]
    lead = "；".join(f"{p.asked} {arith.with_unit(p.value, p.unit)}" for p in parts
                    if p.asked != "增减" and f"{arith.fmt(p.value)} " not in ans.answer)
    ans.answer = f"{lead}。{ans.answer}" if lead else ans.answer
    ans.value, ans.unit, ans.parts = parts[0].value, parts[0].unit, parts
    return ans


def base_is_prior(q: str, year: int) -> bool:
    """「A是B的几倍」 divides by B: True where B, said after 是 and before 的…倍, is last year (上年, 去年, the year
    before the document's) and not this year — 「今年的培训费是上年的多少倍」, 「2021年的X是2020年的多少倍」."""
    m = re.search(r"是(?P<b>[^，,。？?；;是]*?)的?(?:多少|几)(?:个)?倍", q)
    if m is None:
        return False
    b = m.group("b")
    prior = re.search(rf"上年|去年|上一年|前一年|{year - 1}\s*年", b)
    now = re.search(rf"今年|本年|{year}\s*年", b)
    return bool(prior) and not now
