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

from ingest.changes import ChangeFact

from . import arith, yearly
from . import wording as W
from .answer import ANSWERED, Answer, Citation

WHY = re.compile(r"为啥|为什么|为何|什么原因|原因是什么|原因是?啥|怎么回事|咋(?:就|会)")
# A change said in the question without naming last year: 「砍了快七成」「一下少了这么多」.
_MOVED = re.compile(r"增加|减少|增长|下降|降低|上升|提高|多了|少了|砍|压减|压缩|削减|缩减|减了|降了|涨|翻倍|缩水|变少|变多")
_REASON = re.compile(r"原因|由于|因素|主要是|系因|因为")
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}是)")
_MAX_QUOTE = 900


def asks(q: str) -> bool:
    """A question asking why a figure differs from last year's (not why a 决算 differs from its 预算)."""
    if not WHY.search(q):
        return False
    return bool(W.CHANGE.search(q)) or (bool(_MOVED.search(q)) and not re.search(r"决算|执行|预算数|实际|比.{0,4}预算", q))


def answer(eng, question: str, q: str, doc) -> Answer | None:
    if not asks(q):
        return None
    plain = WHY.sub("为什么", q)
    fact = _fact(eng, plain, doc)
    if fact is None:
        return None
    found = _reason(eng, doc, fact)
    if found is None:
        return None
    quote, passages = found
    which = yearly._basis_word(fact.basis)
    moved = ""
    if fact.change is not None:
        moved = f"{fact.subject}比{which}{yearly._direction(fact.change)} {arith.with_unit(abs(fact.change), fact.unit)}"
    elif fact.rate is not None:
        moved = f"{fact.subject}比{which}{yearly._direction(fact.rate)} {arith.fmt(abs(fact.rate))}%"
    pages = "、".join(dict.fromkeys(f"第{p.page}页" for p in passages if p.page))
    text = f"{moved}（文中所列）。文中说明的原因：“{quote}”（{pages}）"
    cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)
             for p in passages]
    return Answer(question, ANSWERED, text, None, None, None, cites)


def _fact(eng, q: str, doc) -> ChangeFact | None:
    """The stated change about what the question names (the whole budget when it names nothing)."""
    year = doc.document.year
    wanted = yearly.wanted_basis(q, year)
    subject = yearly.asked_subject(q)
    subject = re.sub(r"^(?:一下子?|突然|居然|竟然)|(?:一下子?|突然|居然|竟然)$", "", subject)
    tries = [subject]
    if subject and not re.search(r"(?:收入|支出|收支|经费|费|资金)$", subject):
        tries.append(subject + "收支")  # 「财政拨款为什么比2024年多了」: its 收入 and 支出 alike
    for s in tries:
        found = yearly._matching_fact(eng, q, doc, s, wanted, "change", [], least=2) if s else \
            yearly._matching_fact(eng, q, doc, "", wanted, "change", [])
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
