"""A whole's year-on-year change from its parts' stated changes: 「三公经费比上年减少了多少」, 「去年的三公经费
预算是多少」, 「…比上年下降了百分之多少」, 「去年的是今年的几倍」, 「哪年多」.

The narrative often states the whole this year and each part's change, never the whole's:
    「“三公”经费预算安排 6.20 万元，其中因公出国（境）费 0 万元，同比无变化；公务用车购置及运行维护费 6.20 万元，
      比上年预算减少 3 万元；公务接待费 0 万元，…」
The whole's change is then the sum of its parts' changes — the parts as the table nests them under the whole
(nesting.children through itemparts.parts_of: 一、因公出国（境）费, 二、公务用车购置及运维费, 三、公务接待费), each
part's change the one the narrative states of it (ingest/changes.py). A part whose change the text does not state
is said so plainly, and only a part printed 0 this year is taken as unchanged (it cannot have been cut below 0,
and nothing says it fell from more) — the assumption is written in the answer; a part with money this year and
no stated change leaves the whole's change unknown (no answer). Last year's whole = this year's − the change;
the rate, multiple or comparison follow from the two, every step shown with Decimal.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith, lastyear, synonyms
from .answer import ANSWERED, Answer, Citation
from .corpus import CellRef, default_column, plain_label, unit_of


_NUMBERED = re.compile(r"^(?:其中[:：]?)?\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[一二三四五六七八九十]+、)\s*")


def _name(label: str) -> str:
    """A line's name as the answer says it: 「其中：（1）公务用车购置费」 → 公务用车购置费."""
    return _NUMBERED.sub("", plain_label(label))


def _key(name: str) -> str:
    """A part's name compared across the table and the text: 公务用车购置及运维费 = 公务用车购置及运行维护费."""
    n = re.sub(r"[“”\"‘’\s]|^其中[:：]", "", name).replace("运维", "运行维护").replace("(", "（").replace(")", "）")
    return next((c for c, forms in synonyms.ROW_FORMS.items() if n == c or n in forms), n)


def _whole(doc, measures):
    """(table, the whole's line, its parts, its name): a line the question names with lines nested under it, else the
    total line of the table the question's figure is the total of (the 合计 of a “三公”经费 table)."""
    from .concepts import column_concept
    from .corpus import TOTAL_LABELS
    from .itemparts import parts_of
    from .nesting import children
    labels = {plain_label(x) for m in measures for x in (m.rows or ())}
    if labels:
        found = parts_of(doc, labels)
        return (*found, _name(found[1].label)) if found else None
    asked = {m.column for m in measures if m.column}
    for t in doc.tables:
        col = default_column(t)
        if not asked or col is None or column_concept(t, col, doc.document.year) not in asked:
            continue
        total = next((r for r in t.rows if plain_label(r.label) in TOTAL_LABELS), None)
        kids = children(t, total) if total is not None else []
        if len(kids) >= 2:
            return t, total, kids, next(iter(asked))
    return None


def answer(eng, question: str, q: str, doc, measures, ask: str, wanted: str | None) -> Answer | None:
    from . import yearasked, yearly
    found = _whole(doc, measures)
    if found is None:
        return None
    t, whole, kids, name = found
    col = default_column(t, whole.side)
    now = whole.cell(col) if col else None
    if now is None or now.value is None:
        return None
    unit = unit_of(CellRef(doc.document, t, whole, now))
    facts = [f for f in eng._facts.get(doc.document.doc_id, [])
             if f.change is not None and (not wanted or lastyear.compatible(wanted, yearly._basis(f, doc)))]
    stated, assumed, steps, bases = [], [], [], set()
    cites = [CellRef(doc.document, t, whole, now).citation()]

    def change_of(kid, depth: int = 0) -> Decimal | None:
        """A part's change: the one the text states of it, else its own parts' (公务用车购置及运行费 from 购置费
        and 运行费), else 0 for a part printed 0 — said as assumed; None: not known."""
        from .nesting import children
        cell = kid.cell(col)
        name = _name(kid.label)
        fact = next((f for f in facts if _key(f.subject) == _key(name)), None) or \
            next((f for f in facts if yearasked.score(name, f.subject) >= 4), None)
        if fact is not None:
            change = fact.change
            if fact.unit != unit and arith.is_money(fact.unit) and arith.is_money(unit):
                c = arith.convert(change, fact.unit, unit)
                change = c.value
                steps.append(c.formula)
            way = "无变化" if change == 0 else f"{yearly._direction(change)} {arith.with_unit(abs(change), unit)}"
            page = f"第{fact.passage.page}页" if fact.passage.page else ""
            stated.append(f"{name}比{yearly._basis_word(fact.basis)}{way}（文中说明，{page}：“{fact.sentence}”）")
            bases.add(fact.basis)
            cites.append(Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page,
                                  fact.sentence, section=fact.passage.section))
            return change
        kept = (len(stated), len(assumed), len(steps), len(cites))
        grand = children(t, kid) if depth < 2 else []
        if len(grand) >= 2:
            got = [change_of(g, depth + 1) for g in grand]
            if all(g is not None for g in got):
                return sum(got, Decimal(0))
            del stated[kept[0]:], assumed[kept[1]:], steps[kept[2]:], cites[kept[3]:]  # its parts not all known
        if cell is not None and cell.value == 0:
            assumed.append(f"{name}今年为 0（{CellRef(doc.document, t, kid, cell).where()}），文中没有说明它与上年相比的变化，"
                           f"按上年也为 0、没有变化计算")
            cites.append(CellRef(doc.document, t, kid, cell).citation())
            return Decimal(0)
        return None  # a part with money this year and no stated change: the whole's change is not known

    changes = [change_of(kid) for kid in kids]
    if any(c is None for c in changes):
        return None
    if not stated:
        return None
    delta = sum(changes, Decimal(0))
    summed = "".join((f" − {arith.fmt(-c)}" if c < 0 else f" + {arith.fmt(c)}") if i else
                     (f"−{arith.fmt(-c)}" if c < 0 else arith.fmt(c)) for i, c in enumerate(changes))
    summed += f" = {'−' if delta < 0 else ''}{arith.fmt(abs(delta))}"  # 「0 − 3 + 0 = −3」: each part's change, signed
    p = arith.prior(now.value, delta)
    said = {b for b in bases if b}  # the parts compared with one kind of last-year figure: say which
    which = yearly._basis_word(next(iter(said))) if len(said) == 1 else "上年"
    where = CellRef(doc.document, t, whole, now).where()
    told = (f"文中没有直接说明{name}与上年相比的变化，由其各部分说明的变化相加："
            + "；".join(stated + assumed) + "。")
    today = f"今年{name} {arith.with_unit(now.value, unit)}（{where}）"
    formula = [f"变化 {summed}", *steps, f"上年 {p.formula}"]
    direction = yearly._direction(delta)
    # 「三公经费多少，比去年少了多少」: each figure asked, in the order asked (yearly.in_order)
    asked = {"now": (now.value, unit), "prior": (p.value, unit), "change": (abs(delta), unit)}
    if ask == "rate":
        r = arith.change_rate(delta, p.value)
        direction = "增长" if delta > 0 else ("下降" if delta < 0 else "持平")
        text = f"{name}比{which}{direction} {arith.fmt(r.value)}%：{today}，上年 {arith.with_unit(p.value, unit)}。{told}"
        return Answer(question, ANSWERED, text, r.value, "%", "；".join([*formula, r.formula]), cites)
    if ask == "prior":
        text = f"上年{name}为 {arith.with_unit(p.value, unit)}：{today}，比上年{direction} {arith.with_unit(abs(delta), unit)}。{told}"
        return yearly.in_order(Answer(question, ANSWERED, text, p.value, unit, "；".join(formula), cites), q, doc, asked, name)
    if ask == "other":
        from . import wording as W
        if W.MULTIPLE.search(q):
            if yearly.base_is_prior(q, doc.document.year):  # 「2023年的X是2022年的多少倍」: this year's over last
                m = arith.multiple(now.value, p.value)
                text = f"今年{name}是上年的 {arith.fmt(m.value)} 倍：{today}，上年 {arith.with_unit(p.value, unit)}。{told}"
            else:
                m = arith.multiple(p.value, now.value)
                text = f"上年{name}是今年的 {arith.fmt(m.value)} 倍：{today}，上年 {arith.with_unit(p.value, unit)}。{told}"
            return Answer(question, ANSWERED, text, m.value, "倍", "；".join([*formula, m.formula]), cites)
        more = "上年" if p.value > now.value else ("今年" if p.value < now.value else "两年一样")
        hi = max(p.value, now.value)
        text = f"{more}多：上年 {arith.with_unit(p.value, unit)}，{today}。{told}"
        return Answer(question, ANSWERED, text, hi, unit, "；".join(formula), cites)
    text = f"{name}比{which}{direction} {arith.with_unit(abs(delta), unit)}：{today}，上年 {arith.with_unit(p.value, unit)}。{told}"
    return yearly.in_order(Answer(question, ANSWERED, text, abs(delta), unit, "；".join(formula), cites), q, doc, asked, name)
