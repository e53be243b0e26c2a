"""How many projects the narrative says were self-evaluated, given targets or evaluated:
「一共对多少个一级项目做了绩效自评」, 「编报绩效目标的项目有几个」, 「被评为“良”的项目有几个」.

The count is the one the narrative states beside the projects asked (「…等82个一级项目的绩效自评结果」,
「编报绩效目标的项目50个」, 「一级项目7个、二级项目16个」), never the performance forms counted: a disclosure
may print fewer or more forms than it says it evaluated. Where the narrative states the count of the same thing
twice with different numbers (82 on one page, 87 on another), both are readings: the answer is ambiguous and
names each with its sentence and page. The projects asked are those the question names, with the level it says
(一级项目 is not 项目 of every level); the sentence must speak of what was done to them (自评, 绩效目标, 评价),
and of several numbers the ones whose clause has most of the question's words (「“良”的项目0个」 for 良) are kept.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .vocab import common_run

# The projects a question counts, with the level or kind it names (data: a new kind is a word here).
_KINDS = r"一级|二级|三级|重点|专项资金|专项"
_AFTER = re.compile(rf"(?:多少|几)\s*个\s*((?:{_KINDS})?项目)")
_BEFORE = re.compile(rf"((?:{_KINDS})?项目)(?:一共|总共|共|合计)?(?:有|是|为)?(?:多少|几)\s*个")
# What was done to them: the most specific word the question uses must be in the sentence.
_CUES = ("自评", "绩效目标", "评价", "绩效")
_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|决算|预算|里|中|一共|总共|共有|共|对|做了|做|开展了|开展|"
                      r"多少|几|个|有|是|的|了|吗|呢|[？?，,。（）()“”]")
_BREAK = re.compile(r"[，,；;：:（）()]")


def answer(question: str, q: str, doc) -> Answer | None:
    if not W.COUNT.search(q) or re.search(r"哪几|哪些", q):
        return None  # 「是哪几个项目」 asks their names (perfnamed.py, lists.py)
    m = _AFTER.search(q) or _BEFORE.search(q)
    if m is None:
        return None
    noun = m.group(1)
    cue = next((c for c in _CUES if c in q), None)
    if cue is None:
        return None
    keys = [k for k in _GENERIC.sub("|", q.replace(noun, "|")).split("|") if len(k) >= 1]
    # 「82个一级项目」 or 「一级项目7个」 — the noun as the question says it, not a longer kind's (二级项目 for 项目)
    number = re.compile(rf"(\d+)\s*个\s*({re.escape(noun)})|"
                        rf"({re.escape(noun)})\s*(?:共计|共|合计)?\s*(\d+)\s*个")
    found = []
    for p in doc.passages:
        text = re.sub(r"\s+", "", p.text)
        for sentence in re.split(r"。", text):
            if cue not in sentence:
                continue
            for n in number.finditer(sentence):
                at = n.start(2) if n.group(2) else n.start(3)
                before = sentence[:at]
                if not noun.startswith(tuple(_KINDS.split("|"))) and re.search(rf"(?:{_KINDS}|资金|建设|医院|机构)$", before):
                    continue  # 「二级项目16个」 is no count of 项目 of every level
                value = Decimal(n.group(1) or n.group(4))
                # the clause the count is printed in: how many of the question's words it has, then how much of them
                left = max([b.end() for b in _BREAK.finditer(sentence, 0, n.start())] + [0])
                right = min([b.start() for b in _BREAK.finditer(sentence, n.end())] + [len(sentence)])
                runs = [common_run(k, sentence[left:right]) for k in keys]
                score = (sum(1 for k, r in zip(keys, runs) if r >= min(len(k), max(2, len(k) // 2))), sum(runs))
                # quoted: the clause and the one before it (a sentence may run over a whole section)
                start = max([b.end() for b in _BREAK.finditer(sentence, 0, max(0, left - 1))] + [0])
                quote = ("…" if start else "") + sentence[start:right] + ("…" if right < len(sentence) else "")
                found.append((score, value, quote, p))
    if not found:
        return None
    best = max(s for s, *_ in found)
    kept = [(v, s, p) for sc, v, s, p in found if sc == best]
    values = list(dict.fromkeys(v for v, _, _ in kept))
    cites, seen = [], set()
    for v, s, p in kept:
        if (v, p.page) not in seen:
            seen.add((v, p.page))
            cites.append(Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, s,
                                  section=p.section))
    if len(values) == 1:
        v, s, p = kept[0]
        text = f"共 {v} 个{noun}。文中说明：“{s}”（{p.section}{f'，第{p.page}页' if p.page else ''}）"
        return Answer(question, ANSWERED, text, v, "个", None, cites)
    readings = []
    for v in values:
        v_, s, p = next(x for x in kept if x[0] == v)
        readings.append(f"{v} 个（第{p.page}页：“{s}”）" if p.page else f"{v} 个（“{s}”）")
    text = f"文中对{noun}的个数前后说法不一：" + "；".join(readings) + "。请以部门核实的数字为准。"
    return Answer(question, AMBIGUOUS, text, None, None, None, cites, readings=readings)
