"""「X为啥比去年少了」「为什么砍了快七成」: why a figure changed — the narrative's reason, quoted.

The reason is where the disclosures print it, beside the stated change (ingest/changes.py):
    「…比上年减少489.77万元，下降68.3%，主要原因是一是…；二是…。」  the same sentence;
    「与上年相比减少 1134.33 万元，减少 10%。主要原因是…。」            the next sentence;
    「财政拨款收入…比2023年预算减少876.75万元；… 支出预算…比2023年预算减少876.75万元。
      财政拨款收入支出减少的主要原因是项目调整。」                        a later passage, after restatements;
    「预算收支增加主要原因说明：」 then 「1.轨道交通管理经费增加…。主要原因：…」  a heading and its items.
The answer states the change as printed (cited) and quotes the reason; without a stated change of what was
asked, or without a reason printed next to it, this family does not answer (the engine's others do).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest.changes import ChangeFact

from . import arith, wholepart, yearasked, yearly
from . import wording as W
from .numbered import cn_number
from .answer import ANSWERED, Answer, Citation

# 「主要是哪几项因素推高的」: the items the narrative names as driving the change are its reason too.
# 「…是增加还是减少？原因？」: the bare word closing the question asks it too
WHY = re.compile(r"为啥|为什么|为何|什么原因|原因是什么|原因是?啥|原因呢?[？?]*\s*$|怎么回事|咋(?:就|会)|"
                 r"(?:哪|哪几|哪些|什么)(?:项|个|方面)?的?因素|(?:推|拉|抬)(?:高|升|低)|压低")
# A change said in the question without naming last year: 「砍了快七成」「一下少了这么多」.
_MOVED = re.compile(r"增加|减少|增长|下降|降低|上升|提高|多了|少了|砍|压减|压缩|削减|缩减|减了|降了|涨|翻倍|缩水|变少|变多")
_REASON = re.compile(r"原因|由于|因素|主要是|系因|因为")
# The clause asking the factors as a whole (「，主要是哪几项因素推高的」): read as a why, so the subject is what
# the clause before it names, not a word of the clause.
_FACTORS = re.compile(r"[，,]?(?:主要)?(?:是|有)?(?:由|受)?(?:哪|哪几|哪些|什么)(?:项|个|方面)?的?因素(?:推高|拉高|抬高|推升|"
                      r"拉低|压低|导致|造成|引起|带来|影响)?的?")
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}是)")
_MAX_QUOTE = 900


# 「为啥X是0」「为什么没安排X」: why a figure is nil — the reason printed beside the 0.
_NIL = re.compile(r"(?:是|为|等于|只有|才)\s*(?:0|零)(?![.\d])|没有?(?:安排|预算|钱|花钱)|未安排|不安排|空白|为空|一分钱?都?没")
# 「为啥没有因公出国（境）费用」「为什么不安排公务用车购置费」: an item absent, named after the why (not 「为什么没有
# 增加」: a change that did not happen).
_ABSENT = re.compile(r"(?:为啥|为什么|为何|怎么)(?:会|就)?(?:没有|没|不|未)(?:编制|安排|列支?|设|预算)*"
                     r"(?P<what>[^，,。？?！!]{2,})")
_ITEM_WORD = re.compile(r"费|经费|支出|预算|资金|拨款|收入")  # an item of money, not 「没写部门主要职责」
_DONE = re.compile(r"花|写|用|执行|完成|达|到")  # 「为什么没花完年初预算」: a doing not done, no item absent
# The text saying an item is nil: a 0, or not budgeted (「本部门年初不编制因公出国（境）费用预算」).
_NIL_SAID = re.compile(r"(?<![\d.])0(?:\.0+)?(?:万元|元)|未安排|没有安排|不安排|不编制|未编制|无")
# The basis printed before a nil (「根据…预算管理模式，本部门年初不编制…预算」): its reason, said first.
_BASIS = re.compile(r"根据|按照|依据|鉴于|由于|因为")
# 「两万多万」「八成多」「一半多」: 多 after a size says how much, not which way
_UP_SAID = re.compile(r"增加|增长|上升|提高|(?<![成倍%％万千百亿十半\d])多(?![少万千百亿个元倍])|涨|翻倍|变多")
_DOWN_SAID = re.compile(r"减少|下降|降低|(?<!多)少|砍|压减|压缩|削减|缩减|减了|降了|缩水")
_PRIOR = re.compile(r"上年|去年|上一年|同期|以前年度")


def asks(q: str) -> bool:
    """A question asking why a figure differs from last year's (not why a 决算 differs from its 预算), or why it
    is nil."""
    if not WHY.search(q):
        return False
    return bool(W.CHANGE.search(q)) or (bool(_MOVED.search(q)) and not re.search(r"决算|执行|预算数|实际|比.{0,4}预算", q)) \
        or bool(_NIL.search(q)) or _absent(q) is not None


def _absent(q: str) -> str | None:
    """The item the question asks why there is none of (「为啥没有因公出国（境）费用」 → 因公出国（境）费用)."""
    m = _ABSENT.search(q)
    if m is None or _MOVED.search(m.group("what")) or W.CHANGE.search(m.group("what")) or \
            not _ITEM_WORD.search(m.group("what")) or _DONE.match(m.group("what")):
        return None
    return m.group("what")


def _way(q: str) -> int:
    """The direction the question says the figure moved: 1 up, -1 down, 0 nil or not said."""
    up, down = bool(_UP_SAID.search(q)), bool(_DOWN_SAID.search(q))
    return 0 if up == down else (1 if up else -1)


_TENTHS = re.compile(r"(?P<near>快|近|将近|接近|差不多)?(?P<n>[一二两三四五六七八九])成(?P<more>多)?")
_PERCENT = re.compile(r"(?:百分之(?P<a>\d+(?:\.\d+)?)|(?P<b>\d+(?:\.\d+)?)\s*[%％])")


def _size(q: str) -> tuple[Decimal, Decimal] | None:
    """The rate the question says the figure moved by, as a range of percent: 「八成多」 80–90, 「快七成」 60–70,
    「七成」 65–75, 「一半」 45–55, 「85%」 84–86; None where it says none."""
    if m := _TENTHS.search(q):
        n = Decimal(cn_number(m.group("n")) * 10)
        return (n, n + 10) if m.group("more") else (n - 10, n) if m.group("near") else (n - 5, n + 5)
    if m := _PERCENT.search(q):
        n = Decimal(m.group("a") or m.group("b"))
        return n - 1, n + 1
    if "一半多" in q:
        return Decimal(50), Decimal(60)
    if "一半" in q:
        return Decimal(45), Decimal(55)
    return None


_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(亿|万)(多|来|左右)?(?:元)?")


def _amount(q: str) -> tuple[Decimal, Decimal] | None:
    """The size the question says the figure moved by, in 元: 「多了1.8亿多」 1.8–1.9 亿, 「多了793万多」 793–794 万,
    「少了300万左右」 ±5 %; None where it says none (a year, 「2025年」, is no amount)."""
    m = _AMOUNT.search(q)
    if m is None:
        return None
    n, per = Decimal(m.group(1)), arith.YUAN_PER["亿元" if m.group(2) == "亿" else "万元"]
    step = Decimal(1).scaleb(n.as_tuple().exponent)  # 1.8 → 0.1, 793 → 1
    lo = n * per
    return (lo, (n + step) * per) if m.group(3) in ("多", "来") else (lo * Decimal("0.95"), lo * Decimal("1.05"))


def _about(f: ChangeFact, amount) -> bool:
    """A statement whose change is about the size the question says (in 元); any when it says none."""
    if amount is None or f.change is None or not arith.is_money(f.unit):
        return True
    moved = abs(f.change) * arith.YUAN_PER[f.unit]
    return amount[0] <= moved <= amount[1]


def _fits(f: ChangeFact, way: int, size) -> bool:
    """A statement moving the way the question says (up, down) by about as much as it says."""
    moved = f.change if f.change is not None else f.rate
    if way and moved and (moved > 0) != (way > 0):
        return False
    return size is None or f.rate is None or size[0] <= abs(f.rate) <= size[1]


def answer(eng, question: str, q: str, doc) -> Answer | None:
    if not asks(q):
        return None
    if _absent(q) and not _NIL.search(q) and not W.CHANGE.search(q):
        # 「为啥没有因公出国（境）费用」: no figure moved or stated nil, an item absent — the passages about it, not
        # a figure of the table it is missing from (its whole: the “三公” total)
        return eng._text(question, q, doc)
    plain = WHY.sub("为什么", _FACTORS.sub("为什么", q))
    way = _way(plain)
    # Of several statements about what was asked (a line restated in another table's section, or moving the
    # other way), the one moving as the question says; else the best named, checked below.
    fact = None if _NIL.search(q) or _absent(q) else (_fact(eng, plain, doc, lambda f: _fits(f, way, _size(plain)) and _about(f, _amount(plain))) or
                                        _fact(eng, plain, doc))
    moved = fact.change if fact is not None and fact.change is not None else (fact.rate if fact is not None else None)
    if fact is not None and way and moved and (moved > 0) != (way > 0):
        fact = None  # 「比2025年执行数少了两万多万，原因是什么」 of an item stated to have grown: another statement
    found = _reason(eng, doc, fact) if fact is not None else None
    if found is None:
        said = _said(question, plain, doc, way)
        if fact is not None and said is not None and _another_amount(said.answer, fact):
            said = None  # a reason printed beside another figure's change (43.74 of 离退休 for 13.59 asked)
        if said is None and fact is not None and _asked_figure(q, fact)[0] is not None:
            return _unexplained(question, q, doc, fact)  # 「增加了多少，为什么」: the figure, no reason printed by it
        if said is not None and fact is not None and said.value is None and _asked_figure(q, fact)[0] is not None:
            # 「比2023年是增加还是减少？原因？」 answered by the passage that states the change: the change asked is
            # said first, and is the value
            said.value, said.unit = _asked_figure(q, fact)
            said.answer = f"{_moved(q, fact)}（文中所列）。{said.answer}"
        return said
    quote, passages = found
    pages = "、".join(dict.fromkeys(f"第{p.page}页" for p in passages if p.page))
    text = f"{_moved(q, fact)}（文中所列）。文中说明的原因：“{quote}”（{pages}）"
    cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)
             for p in passages]
    value, unit = _asked_figure(q, fact)
    if unit == "%" and fact.change is not None:  # the rate asked: stated beside the amount
        text = text.replace("（文中所列）", f"，{yearly._direction(fact.rate)} {arith.fmt(value)}%（文中所列）", 1)
    return Answer(question, ANSWERED, text, value, unit, None, cites)


def _moved(q: str, fact: ChangeFact) -> str:
    """「X比上年增加 172.67 万元」: the stated change, as a sentence (the whole asked said as its one part first)."""
    which = yearly._basis_word(fact.basis)
    moved = ""
    if fact.change is not None:
        moved = f"{fact.subject}比{which}{yearly._direction(fact.change)} {arith.with_unit(abs(fact.change), fact.unit)}"
    elif fact.rate is not None:
        moved = f"{fact.subject}比{which}{yearly._direction(fact.rate)} {arith.fmt(abs(fact.rate))}%"
    whole = wholepart.whole_part(fact) if wholepart.asks_whole(q) else ""  # the whole asked: its one part stated
    return f"{wholepart.said(whole, fact)}，{moved}" if whole else moved


# 「少了多少钱？主要是什么原因」「增加了多少，原因是什么」: the figure is asked too, not only why.
_HOW_MUCH = re.compile(r"多少|几成|百分之几|幅度|增幅|降幅|几个百分点")
_RATE_ASKED = re.compile(r"百分之几|百分比|几成|幅度|增幅|降幅|增长率|%")


def _asked_figure(q: str, fact: ChangeFact) -> tuple[Decimal | None, str | None]:
    """The change as the value when the question asks how much as well as why (the rate where it asks a rate);
    (None, None) where it asks only why."""
    if not (_HOW_MUCH.search(q) or W.WHICH_WAY.search(q)):  # 「增加还是减少？为什么」: the stated change says which way
        return None, None
    if _RATE_ASKED.search(q) and fact.rate is not None:
        return abs(fact.rate), "%"
    if fact.change is not None:
        return abs(fact.change), fact.unit
    return (abs(fact.rate), "%") if fact.rate is not None else (None, None)


def _another_amount(text: str, fact: ChangeFact) -> bool:
    """The quoted clause states a change of an amount other than the fact's: it is another figure's reason."""
    amounts = {Decimal(x.replace(",", "")) for x in re.findall(r"(?:增加|减少)了?\s*([\d,]+(?:\.\d+)?)\s*(?:万元|亿元|元)", text)}
    return bool(amounts) and fact.change is not None and abs(fact.change) not in amounts


def _unexplained(question: str, q: str, doc, fact: ChangeFact) -> Answer:
    """The stated change as the value, and that the text prints no reason beside it."""
    value, unit = _asked_figure(q, fact)
    which = yearly._basis_word(fact.basis)
    moved = fact.change if unit != "%" else fact.rate
    text = (f"{fact.subject}比{which}{yearly._direction(moved)} {arith.with_unit(value, unit)}（文中所列）："
            f"“{fact.sentence.strip()}”（第{fact.passage.page}页）。文中没有在这一变化旁说明原因。")
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page, fact.sentence,
                    section=fact.passage.section)
    return Answer(question, ANSWERED, text, value, unit, None, [cite])


def _fact(eng, q: str, doc, keep=None) -> ChangeFact | None:
    """The stated change about what the question names (the whole budget when it names nothing); ``keep``:
    only the statements it accepts."""
    year = doc.document.year
    wanted = yearasked.wanted_basis(q, year)
    subject = yearasked.asked_subject(q)
    subject = re.sub(r"^(?:一下子?|突然|居然|竟然)|(?:一下子?|突然|居然|竟然)$", "", subject)
    tries = [subject]
    if subject and not re.search(r"(?:收入|支出|收支|经费|费|资金)$", subject):
        tries.append(subject + "收支")  # 「财政拨款为什么比2024年多了」: its 收入 and 支出 alike
    for s in tries:
        found = yearly._matching_fact(eng, q, doc, s, wanted, "change", [], least=2, keep=keep) if s else \
            yearly._matching_fact(eng, q, doc, "", wanted, "change", [], keep=keep)
        if found is not None and found[0] is not None:
            return found[0]
    return None


def _locate(text: str, sentence: str) -> int:
    """Where a fact's sentence (spaces dropped) starts in its passage's printed text; -1: not found."""
    compact, index = [], []
    for i, ch in enumerate(text):
        if not ch.isspace():
            compact.append(ch)
            index.append(i)
    at = "".join(compact).find("".join(sentence.split())[:16])
    return index[at] if at >= 0 else -1


def _sentences(text: str, start: int) -> list[str]:
    """The 。-sentences of ``text`` from the one holding ``start`` on."""
    begin = max(text.rfind("。", 0, start), -1) + 1
    return [s + "。" for s in re.split(r"。", text[begin:]) if s.strip()]


_ANOTHER = re.compile(r"(?:增加|减少|增长|下降|降低)了?\s*[\d,.]+\s*(?:万元|亿元|元|%)")


def _own(sentence: str) -> str:
    """The fact's own clauses of a sentence: up to its reason and the reason's parts (一是…；二是…), not a
    next figure's statement after a 「；」."""
    clauses = sentence.split("；")
    kept, reasoned = [clauses[0]], bool(_REASON.search(clauses[0]))
    for c in clauses[1:]:
        if reasoned and _ANOTHER.search(c):
            break
        kept.append(c)
        reasoned = reasoned or bool(_REASON.search(c))
    out = "；".join(kept)
    return out if out.endswith("。") else out + "。"


def _changes_other(eng, doc, passage, fact: ChangeFact) -> bool:
    """The passage states another change (another figure's), not the asked one restated."""
    return any(f.passage.ordinal == passage.ordinal and f.change and f.change != fact.change
               for f in eng._facts.get(doc.document.doc_id, []))


def _reason(eng, doc, fact: ChangeFact):
    """(the quote, the passages it is from): the change's sentence and the reason printed beside it."""
    text = fact.passage.text
    at = _locate(text, fact.sentence)
    if at < 0:
        return None
    sents = _sentences(text, at)
    sents[0] = _own(text[at:].split("。", 1)[0] + "。")
    own = sents[0]
    if _REASON.search(own[len(own) // 3:] if len(own) > 30 else own):
        return _clip(own.strip()), [fact.passage]
    if len(sents) > 1 and _REASON.search(sents[1]):
        return _clip((own + sents[1]).strip()), [fact.passage]
    if len(sents) > 1 and any(re.search(r"(?:增加|减少|增长|下降)", s) for s in sents[1:]) and \
            _changes_other(eng, doc, fact.passage, fact):
        return None  # the passage goes on to another figure's change: its reason is not this one's
    passages = list(doc.passages)
    i = next((k for k, p in enumerate(passages) if p.ordinal == fact.passage.ordinal), None)
    if i is None:
        return None
    for p in passages[i + 1:i + 4]:
        if _REASON.search(p.text) and not (_changes_other(eng, doc, p, fact) and not _ITEM.match(p.text)):
            quoted, used = [own.strip(), p.text.strip()], [fact.passage, p]
            if re.search(r"[：:]\s*$", p.text):  # 「主要原因说明：」: the items that follow
                for item in passages[passages.index(p) + 1:passages.index(p) + 9]:
                    if not _ITEM.match(item.text) or sum(map(len, quoted)) > _MAX_QUOTE:
                        break
                    heading = item.section.rsplit("/", 1)[-1].strip()
                    if re.match(r"[（(][一二三四五六七八九十]+[）)]", heading) and heading not in "".join(quoted):
                        quoted.append(heading)
                    quoted.append(item.text.strip())
                    used.append(item)
            return _clip("".join(quoted)), used
        if _changes_other(eng, doc, p, fact) or p.section != fact.passage.section and not _REASON.search(p.section):
            return None  # another figure's statement or another section: no reason printed for this one
    return None


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_QUOTE else text[:_MAX_QUOTE] + "……"


def _said(question: str, q: str, doc, way: int) -> Answer | None:
    """The reason printed for what was asked where no stated change carries it: 「决算数较上年增加的主要原因是…」
    (no amounts), 「公务用车购置费0万元，…主要原因是本部门无公务用车」 (a nil figure), a change printed in a form
    the statements do not read. The clause must say the reason in the direction asked (a nil figure: a 0 or 无),
    against last year where the question names it, after words naming the item (the clause, its sentence, the
    one before and the section heading together)."""
    from . import labelled
    subject = ""
    for said in (q, re.sub(r"^[^，,]*?为什么", "", q)):  # 「为什么X是0」: X after the why
        subject = re.sub(r"^(?:一下子?|突然|居然|竟然)|(?:一下子?|突然|居然|竟然)$", "", yearasked.asked_subject(said))
        subject = re.sub(r"(?:决算数?|预算数?|执行数?|实际)+$", "", subject)
        if labelled.weight(subject) >= 2:
            break
    subject = re.sub(r"[“”\"‘’\s]", "", _absent(q) or subject)  # an absent item: the words after the why
    if labelled.weight(subject) < 2:
        return None
    nil, prior = bool(_NIL.search(q) or _absent(q)), bool(_PRIOR.search(q) or re.search(r"比.{0,3}(?:19|20)\d{2}", q))
    size = _size(q)
    wanted = labelled.weight(subject)
    best, best_n = None, (0, 0.0)
    passages = list(doc.passages)
    for i, p in enumerate(passages):
        text = re.sub(r"\s+", "", p.text)
        for nxt in passages[i + 1:i + 3]:  # a sentence cut by the page's layout (「…主要原因是本部门」「无公务用车；…」)
            if re.search(r"[。：:]$", text) or nxt.section != p.section:
                break
            text += re.sub(r"\s+", "", nxt.text).split("。", 1)[0] + "。"
        section = re.sub(r"[\s“”\"‘’]", "", p.section or "")
        sents = [x + "。" for x in text.split("。") if x.strip()]
        for k, sent in enumerate(sents):
            for clause in sent.split("；"):
                r = _REASON.search(clause)
                basis = _BASIS.search(clause) if nil else None
                if nil and basis and _NIL_SAID.search(clause, basis.end()):
                    pass  # 「根据…模式，本部门年初不编制…预算」: the basis, then the nil
                elif not r or r.start() == 0:
                    continue
                elif nil:
                    if not _NIL_SAID.search(clause[:r.start()]):
                        continue
                else:
                    head = clause[:r.start()]
                    if not way or _way(head) != way:
                        continue
                    rates = [Decimal(x) for x in re.findall(r"(\d+(?:\.\d+)?)\s*[%％]", head)]
                    if size is not None and rates and not any(size[0] <= r <= size[1] for r in rates):
                        continue  # 「少了八成多」: a clause stating another rate is another line's change
                    if prior and not re.search(r"上年|去年|上一年|同期|(?:比|较|与)(?:19|20)\d{2}年", head):
                        continue
                near = re.sub(r"[“”\"‘’]", "", clause)
                context = re.sub(r"[“”\"‘’]", "", (sents[k - 1] if k else "") + sent) + "|" + section
                m, _ = labelled.cover(subject, near + "|" + context)
                if m < 0.7 * wanted or m < min(4, wanted):
                    continue
                # the clause naming the most of the item in one run (行政单位离退休 over 行政…离退休 apart), then the
                # item's words it and its context print
                n = max((j - i for i in range(len(subject)) for j in range(len(subject), i + 1, -1)
                         if subject[i:j] in near), default=0)
                score = (n, labelled.cover(subject, near)[0] + m / 2)
                if score > best_n:
                    best, best_n = (clause if labelled.cover(subject, near)[0] >= 0.7 * wanted else sent, p), score
    if best is None:
        return None
    quote, p = best
    quote = quote if quote.endswith("。") else quote + "。"
    where = f"{p.section}{f'，第{p.page}页' if p.page else ''}"
    text = f"文中说明的原因：“{_clip(quote)}”（{where}）"
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)
    return Answer(question, ANSWERED, text, None, None, None, [cite])
