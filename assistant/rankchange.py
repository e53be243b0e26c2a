"""The items of one document ranked by their change over last year: 「哪一项比上年增长最快？增长了百分之几？」
「“三公”经费的三项里哪一项比上年减少得最多？减了多少？」「降幅最大的是哪一类」, and listed by its direction:
「哪几项支出比2025年预算执行数减少了？」.

What is ranked is what the narrative states item by item (ingest/changes.py: 「（1）行政运行（2013301）1765.18万元，
较上年增加254.45万元」, 「2025年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%」),
among the items of the level the question names — 项 (a function code of seven digits, 「（项）」), 类, 款, the
economic classes (301, 502 …) or the three parts of the “三公”经费 — each item once, as first stated. The rate is
ranked when the question asks how fast or by what percentage (最快, 幅度, 百分之几), the amount when it asks how much
(最多, 多少); a figure the sentence does not state is computed from the two years it does state, the formula shown.
The answer says which items were ranked: only those whose change the narrative states.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ingest.changes import ChangeFact

from . import arith, lastyear, slipchange
from .acrosschange import _DOWN, _UP, direction
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .yearly import _basis

# The year compared with: 「比上年」「较2025年年初预算」「和2023年比」「与上年相比」「同比」.
_AGAINST = re.compile(r"(?:比|较|与|同|跟|和|对比)\s*(?:上年|去年|上一年|前一年|(?:19|20)\d{2}\s*年)|同比")
# The ranking of a change: 「减少得最多」「增长最快」「增长幅度最大」「降幅最大」「最多的减少」.
_RANKED = re.compile(rf"(?:{_DOWN}|{_UP}|变化|变动|增减)(?:幅度|得|的|了)?(?:幅度)?(?:最|更)(?:多|大|少|小|高|低|快|慢)|"
                     rf"(?:降幅|减幅|增幅|跌幅|涨幅|变化幅度|增减幅度)(?:最|更)?(?:大|小|高|低)|"
                     rf"(?:最|更)(?:多|大|快)的?(?:{_DOWN}|{_UP})")
# Which of the items: 「哪一项」「哪项」「哪一类」「哪个科目」「哪几项」「哪些」.
_WHICH = re.compile(r"哪(?:一|个|几)?(?:项|类|款|个?科目|些)|哪一个|哪个")
_LISTED = re.compile(r"哪几|哪些")
_NOT_ITEMS = re.compile(r"因素|原因|为什么|为何|怎么|推高|拉低|带动|哪(?:一个|个|些|几个)项目|"
                        r"(?:哪个|哪家|哪一个|各|下属|所属)(?:单位|部门)|哪个(?:区|市|县|省|地方)")
_MOVED = re.compile(rf"(?:{_DOWN}|{_UP})了?")
_RATE_ASKED = re.compile(r"百分|幅|%|几成|快|慢|增长率|下降率")
_THREE = re.compile(r"三公")
_PARTS3 = (("因公出国（境）费", re.compile(r"出国")), ("公务接待费", re.compile(r"公务接待")),
           ("公务用车购置及运行维护费", re.compile(r"公务用车")))


def asks(q: str) -> bool:
    """Which item of the document changed most (or which changed one way), against last year."""
    if not _WHICH.search(q) or not _AGAINST.search(q) and not re.search(r"降幅|增幅|减幅|上年|去年", q):
        return False
    if _NOT_ITEMS.search(q):  # why it changed (因素, 原因), or items of another kind (项目, 单位, 部门)
        return False
    return bool(_RANKED.search(q)) or bool(_LISTED.search(q) and _MOVED.search(q))


def _level_asked(q: str) -> str:
    if _THREE.search(q):
        return "三公"
    if re.search(r"哪一?类|各类|类级|哪几类|哪些类", q):
        return "类"
    if re.search(r"哪一?款|各款|款级", q):
        return "款"
    if re.search(r"经济分类|经济科目", q):
        return "经济"
    return "项"


def _code(f: ChangeFact) -> str | None:
    m = re.search(re.escape(f.subject) + r"\s*[（(](\d{3}|\d{5}|\d{7})[）)]", f.sentence)
    return m.group(1) if m else None


def _level(f: ChangeFact) -> str | None:
    s = f.subject
    if "三公" in s:
        return None
    if any(p.search(s) for _, p in _PARTS3):
        return "三公"
    code = _code(f)
    if re.search(r"[（(]\d{0,3}项[）)]", s) or (code and len(code) == 7):
        return "项"
    if re.search(r"[（(]\d{0,3}款[）)]", s) or (code and len(code) == 5):
        return "款"
    if re.search(r"[（(]\d{0,3}类[）)]", s) or (code and code.startswith("2")):
        return "类"
    if code and code[0] in "35":
        return "经济"
    return None


def short(subject: str) -> str:
    """「一般公共服务支出（类）信访事务（款）一般行政管理事务（项）」 → 「一般行政管理事务」; 「法院（款）案件执行（项）支出」 → 「案件执行」."""
    marks = list(re.finditer(r"[（(]\d{0,3}(?:类|款|项)[）)]", subject))
    if not marks:
        return subject
    last = marks[-1]
    start = marks[-2].end() if len(marks) > 1 else 0
    return subject[start:last.start()] or subject


@dataclass
class Item:
    name: str
    facts: list[ChangeFact]  # one, or the parts summed (公务用车购置费 + 运行维护费)
    change: Decimal | None = None  # signed
    rate: Decimal | None = None  # signed %
    formula: str = ""  # how the change not stated was computed
    rate_formula: str = ""  # how the rate not stated was computed
    basis: str | None = None  # what last year's figure is (执行数, 年初预算 …), for an item read from a table
    slip: bool = False  # the sentence's two figures contradict its stated change
    cites: list[Citation] = field(default_factory=list)
    page: int | None = None
    # another reading of the same item (change, rate), and what it is: a sentence read by its two figures,
    # a table's 扣除中央基建投资后 columns
    alt: tuple[Decimal | None, Decimal | None] | None = None
    alt_said: str = ""


def _prior(f: ChangeFact) -> Decimal | None:
    if f.prior is not None:
        return f.prior
    if f.current is not None and f.change is not None:
        return f.current - f.change
    return None


def _prior_step(f: ChangeFact) -> str:
    """Last year's figure from this year's and the change stated: 「上年 86.95 + 97 = 183.95」."""
    op = "+" if f.change < 0 else "−"
    return f"上年 {arith.fmt(f.current)} {op} {arith.fmt(abs(f.change))} = {arith.fmt(_prior(f))}"


def _signed_sum(values: list[Decimal], total: Decimal) -> str:
    """Changes of parts added, written as the fact check reads a formula: increases first, then each decrease."""
    ups, downs = [v for v in values if v >= 0], [v for v in values if v < 0]
    if not ups:
        return "−(" + " + ".join(arith.fmt(abs(v)) for v in downs) + f") = {arith.fmt(total)}"
    return " − ".join([" + ".join(arith.fmt(v) for v in ups), *(arith.fmt(abs(v)) for v in downs)]) + f" = {arith.fmt(total)}"


def _figures(it: Item, unit: str) -> None:
    """The change and the rate of an item: as stated, else computed from the two years stated."""
    if len(it.facts) > 1:  # parts summed
        if all(f.change is not None for f in it.facts):
            it.change = sum((f.change for f in it.facts), Decimal(0))
            it.formula = "变化 " + _signed_sum([f.change for f in it.facts], it.change) + f" {unit}"
            priors = [_prior(f) for f in it.facts]
            if all(p is not None for p in priors) and sum(priors, Decimal(0)) != 0:
                base = sum(priors, Decimal(0))
                r = arith.change_rate(it.change, base)
                it.rate = r.value if it.change >= 0 else -r.value
                it.rate_formula = "；".join([*(_prior_step(f) for f in it.facts if f.prior is None),
                                              f"上年 {' + '.join(arith.fmt(p) for p in priors)} = {arith.fmt(base)}",
                                              f"幅度 {r.formula}"])
        return
    f = it.facts[0]
    it.slip = slipchange.disagrees(f)
    if it.slip:
        it.alt, it.alt_said = _by_figures(it), f"{it.name}一句所列的两年数"
    it.change, it.rate = f.change, f.rate
    if it.change is None and f.current is not None and f.prior is not None and not it.slip:
        it.change = f.current - f.prior
        it.formula = f"变化 {arith.fmt(f.current)} − {arith.fmt(f.prior)} = {arith.fmt(it.change)} {unit}"
    base = _prior(f)
    if it.rate is None and it.change is not None and base:
        r = arith.change_rate(it.change, base)
        it.rate = r.value if it.change >= 0 else -r.value
        steps = [] if f.prior is not None else [_prior_step(f)]
        it.rate_formula = "；".join([*steps, f"幅度 {r.formula}"])


def _items(facts: list[ChangeFact], level: str) -> list[Item]:
    """The items of the level, each once as first stated; 三公's 公务用车 from its two parts where the whole
    is not stated."""
    seen, out = set(), []
    for f in facts:
        if _level(f) != level:
            continue
        key = short(f.subject) if level != "三公" else next(n for n, p in _PARTS3 if p.search(f.subject))
        if level == "三公" and key.startswith("公务用车"):
            whole = bool(re.search(r"购置及运行|购置和运行", f.subject))
            key = "公务用车" if whole else f"公务用车:{'购置' if '购置' in f.subject else '运行'}"
        if key in seen:
            continue
        seen.add(key)
        out.append(Item(short(f.subject) if level != "三公" else f.subject, [f]))
    if level == "三公":
        parts = [it for it in out if it.facts[0].subject and re.search(r"公务用车", it.facts[0].subject)
                 and not re.search(r"购置及运行|购置和运行", it.facts[0].subject)]
        if len(parts) == 2 and not any(re.search(r"公务用车.*(?:购置及运行|购置和运行)", it.name) for it in out):
            joined = Item("公务用车购置及运行维护费（" + "、".join(p.name for p in parts) + "合计）",
                          [p.facts[0] for p in parts])
            out = [it for it in out if it not in parts] + [joined]
        elif len(parts) == 2:
            out = [it for it in out if it not in parts]
    return out


def _way(q: str) -> int:
    m = _RANKED.search(q) or _MOVED.search(q)
    return direction(m.group(0) if m else "")


def _said(v: Decimal | None, unit: str) -> str:
    if v is None:
        return "未说明"
    if not v:
        return "持平"
    return f"{'增加' if v > 0 else '减少'} {arith.with_unit(abs(v), unit)}"


def _scope(items: list[Item], have: list[Item], what: str, where: str, basis: str) -> str:
    """Which items were compared: those whose change the narrative states; the rest named."""
    text = f"所比较的是{where}逐项列出了与{basis}相比增减的{len(have)}项：" + "、".join(it.name for it in have)
    left = [it.name for it in items if it not in have]
    return text + ("（" + "、".join(left) + f"的{what}正文未说明，未计入）" if left else "")


def _by_figures(it: Item) -> tuple[Decimal, Decimal | None]:
    """A sentence contradicting itself, read by its two figures: the change and the rate (signed)."""
    f = it.facts[0]
    d = f.current - f.prior
    r = arith.change_rate(d, f.prior).value if f.prior else None
    return d, (None if r is None else (r if d >= 0 else -r))


def _slip_formula(it: Item) -> str:
    f = it.facts[0]
    d, r = _by_figures(it)
    rate = f"；{arith.change_rate(d, f.prior).formula}" if r is not None else ""
    return f"{it.name}（按所列两年数）：{arith.fmt(f.current)} − {arith.fmt(f.prior)} = {arith.fmt(d)}{rate}"


def _slip_note(it: Item, unit: str) -> str:
    f = it.facts[0]
    d, r = _by_figures(it)
    stated = "，".join(x for x in (
        f"{'增加' if f.change > 0 else '减少'} {arith.with_unit(abs(f.change), unit)}" if f.change else "",
        f"{'增长' if f.rate > 0 else '下降'} {arith.fmt(abs(f.rate))}%" if f.rate else "") if x)
    rate = f"，{'增长' if d > 0 else '下降'} {arith.fmt(abs(r))}%" if r is not None else ""
    return (f"。注意：{it.name}一句（第{f.passage.page}页）说{stated}，但它所列的两年数（上年 {arith.fmt(f.prior)}，"
            f"今年 {arith.fmt(f.current)}）算得{_said(d, unit)}{rate}（{arith.fmt(f.current)} − {arith.fmt(f.prior)}）；"
            f"两者不一致，此处按文中所说的增减计，请以原文核对")


def _stated(engine, doc, level: str, wanted: str | None) -> tuple[list[Item], str, str] | None:
    """The items whose changes the narrative states, at the level asked: (items, unit, where they are said)."""
    facts = [f for f in engine._facts.get(doc.document.doc_id, [])
             if lastyear.compatible(wanted, _basis(f, doc))]
    items = _items(facts, level)
    units = {f.unit for it in items for f in it.facts}
    if len(items) < 2 or len(units) != 1:
        return None
    unit = units.pop()
    for it in items:
        _figures(it, unit)
        it.page = it.facts[0].passage.page
        it.cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, f.passage.page, f.sentence,
                             section=f.passage.section) for f in it.facts]
    pages = sorted({it.page for it in items if it.page})
    where = f"正文（第{pages[0]}–{pages[-1]}页）" if len(pages) > 1 else (f"正文（第{pages[0]}页）" if pages else "正文")
    return items, unit, where


def _none_stated(question: str, engine, doc, level: str) -> Answer:
    """No item of the level asked has a change the document states: said so, with what it does state."""
    from .answer import NOT_FOUND
    said = list(dict.fromkeys(f.subject for f in engine._facts.get(doc.document.doc_id, [])))
    also = ("（正文说明了与上年相比增减的只有：" + "、".join(said[:12]) + ("等" if len(said) > 12 else "") + "）") if said else ""
    what = {"三公": "“三公”经费的各项", "类": "各类支出", "款": "各款支出", "经济": "各经济分类科目", "项": "各项支出"}[level]
    return Answer(question, NOT_FOUND, f"没有找到答案：文件没有逐项说明{what}与上年相比的增减，"
                  f"也没有列出上年数的表可供逐项比较，无法排序{also}。")


def answer(engine, question: str, q: str, doc) -> Answer | None:
    if not asks(q):
        return None
    from . import rankchangetable  # a table printing last year's column beside this year's (assistant/rankchangetable.py)
    level = _level_asked(q)
    m = _AGAINST.search(q)
    wanted = lastyear.basis_of(q[m.start():]) if m else None
    found = _stated(engine, doc, level, wanted) or rankchangetable.items(doc, level, wanted, q)
    if found is None:  # a ranking nothing ranks is said so; a list is left to the families listing lines
        return _none_stated(question, engine, doc, level) if _RANKED.search(q) else None
    items, unit, where = found
    basis_of = found[0][0].facts[0] if found[0][0].facts else None
    rate = bool(_RATE_ASKED.search(_RANKED.search(q).group(0) if _RANKED.search(q) else "")) or \
        bool(re.search(r"百分之?几|百分比|幅度?是多少|幅为多少|几成", q))
    key = (lambda it: it.rate) if rate else (lambda it: it.change)
    u = "%" if rate else unit
    have = [it for it in items if key(it) is not None]
    if len(have) < 2:
        return None
    way = _way(q)
    listed = bool(_LISTED.search(q)) and not _RANKED.search(q)
    pool = [it for it in have if (key(it) * way > 0 if way else key(it) != 0)]
    word = {-1: "减少", 1: "增加", 0: "变化"}[way]
    cites = [c for it in items for c in it.cites]
    level_word = {"三公": "“三公”经费各项", "类": "各类支出", "款": "各款支出", "经济": "各经济分类科目", "项": "各项支出"}[level]
    said = _basis(basis_of, doc) if basis_of is not None else items[0].basis
    basis = {"执行数": "上年执行数", "年初预算": "上年年初预算", "决算数": "上年决算数", "预算": "上年预算"}.get(said, "上年")
    ranked = _scope(items, have, "增减幅度" if rate else "增减额", where, basis)
    if level == "三公":
        unsaid = [n for n, p in _PARTS3 if not any(p.search(it.name) for it in items)]
        ranked += ("（" + "、".join(unsaid) + "与上年相比的增减文中未说明，未计入）") if unsaid else ""
    slip_note = "".join(_slip_note(it, unit) for it in items if it.slip)
    def how(it: Item, both: bool) -> str:
        said = [it.rate_formula if rate else it.formula, (it.formula if rate else it.rate_formula) if both else ""]
        return f"{it.name}：" + "；".join(s for s in said if s) if any(said) else ""
    calcs = [c for it in have if (c := how(it, False))] + [_slip_formula(it) for it in items if it.slip]

    def fig(it: Item) -> str:
        by_rate = rate or key(it) is None
        v = it.rate if by_rate else it.change
        said = f"{'增长' if v > 0 else '下降'} {arith.fmt(abs(v))}%" if by_rate and v else _said(v, "%" if by_rate else unit)
        if not by_rate and v and it.facts and it.facts[0].change is None and it.rate:  # the rate is what it states
            said = f"{'增长' if it.rate > 0 else '下降'} {arith.fmt(abs(it.rate))}%，即{said}"
        return f"{it.name} {said}（第{it.page}页）"
    if listed:
        def sign(it: Item) -> Decimal:
            return it.change if it.change is not None else it.rate
        have = [it for it in items if sign(it) is not None]
        pool = [it for it in have if (sign(it) * way > 0 if way else sign(it) != 0)]
        ranked = _scope(items, have, "增减", where, basis)
        if not pool:
            text = f"没有一项比{basis}{word}。{ranked}。各项：" + "；".join(fig(it) for it in have) + slip_note
            return Answer(question, ANSWERED, text, None, None, "；".join(calcs) or None, cites)
        others = [it for it in have if it not in pool]
        text = (f"比{basis}{word}的有{len(pool)}项：" + "；".join(fig(it) for it in pool)
                + ("。其余" + "；".join(fig(it) for it in others) if others else "") + f"。{ranked}{slip_note}")
        return Answer(question, ANSWERED, text, None, None, "；".join(calcs) or None, cites)
    least = bool(re.search(r"(?:最|更)(?:少|小|低|慢)", _RANKED.search(q).group(0)))
    if not pool:
        text = f"没有一项比{basis}{word}。{ranked}。各项：" + "；".join(fig(it) for it in have) + slip_note
        return Answer(question, ANSWERED, text, None, None, "；".join(calcs) or None, cites)
    order = sorted(pool, key=lambda it: abs(key(it)), reverse=not least)
    pick = order[0]
    ties = [it for it in order if abs(key(it)) == abs(key(pick))]
    what = ("幅度" if rate else "") + ("最小" if least else "最大" if rate else "最多")
    top = "、".join(it.name for it in ties)
    moved = ({-1: "下降", 1: "增长", 0: "变化"}[way] if rate else word)
    head = f"{level_word}中比{basis}{moved}{what}的是{top}：{moved} {arith.with_unit(abs(key(pick)), u)}"
    if rate and pick.change is not None:
        head += f"（{_said(pick.change, unit)}）"
    elif not rate and pick.rate is not None:
        head += f"（{'增长' if pick.rate > 0 else '下降'} {arith.fmt(abs(pick.rate))}%）"
    rel = " < " if least else " > "
    formula = rel.join(arith.fmt(abs(key(it))) for it in order)
    ranking = "；".join(f"{i + 1}. {fig(it)}" for i, it in enumerate(order))
    others = [it for it in have if it not in pool]
    against = ("。没有" + word + "的：" + "；".join(fig(it) for it in others)) if others else ""
    calcs = [c for it in have if (c := how(it, it is pick))] + [_slip_formula(it) for it in items if it.slip]
    calc = "；".join([*calcs, f"按{word}{'幅度' if rate else '额'}排序 {formula}"])
    text = f"{head}。排序：{ranking}{against}。{ranked}。计算：{calc}{slip_note}"
    other = _other_pick(items, rate, way, least)
    if other is not None and other[0] is not pick:
        alt, v = other
        said = next(it.alt_said for it in items if it.alt is not None)
        by_words = f"按{'表中所列' if not pick.facts else '文中所说'}的增减：{top}，{moved} {arith.with_unit(abs(key(pick)), u)}"
        by_figs = f"按{said}：{alt.name}，{moved} {arith.with_unit(abs(v), u)}"
        return Answer(question, AMBIGUOUS, f"两种读法：{by_words}；{by_figs}。{text}", None, None, calc, cites,
                      readings=[by_words, by_figs])
    return Answer(question, ANSWERED, text, abs(key(pick)), u, calc, cites)


def _other_pick(items: list[Item], rate: bool, way: int, least: bool):
    """The top item under the other reading (sentences read by their two figures, a table's 扣除…后 columns)."""
    if not any(it.alt is not None for it in items):
        return None
    vals = []
    for it in items:
        v = it.alt[1 if rate else 0] if it.alt is not None else (it.rate if rate else it.change)
        if v is not None and (v * way > 0 if way else v != 0):
            vals.append((it, v))
    if not vals:
        return None
    return sorted(vals, key=lambda p: abs(p[1]), reverse=not least)[0]
