"""A part's share of its whole, both stated in one narrative sentence, the part said in shorter words than printed.

「2024年本部门面向中小企业预留政府采购项目预算金额664.98万元，其中，预留给小型和微型企业的政府采购项目预算为
465.49万元」 asked as 「面向中小企业预留的政府采购预算里，留给小微企业的占百分之几」: the whole is said by most of its
words (面向中小企业预留 … 政府采购), the part by the words its label has and the whole's has not (小型和微型, said
小微: synonyms.SAID_ALSO). The share is the part's stated figure over the whole's, computed with Decimal, the
formula shown and the sentence cited. Only where wholeparts (the part named by its label or its key) gave
nothing, one sentence fits best, the part is said before 占 and nothing after 占 names another whole.
"""
from __future__ import annotations

import re

from . import arith, synonyms
from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .labelled import cover, weight
from .wholeparts import _GENERIC, _SHARE_WORDS, statements

# What surrounds a part's own words in its label without naming it (预留「给」小型和微型企业「的」…).
_FILLER = re.compile(r"^[给向对的由及和与]+|[给向对的由及和与]+$")


def _own_words(part: str, whole: str) -> list[str]:
    """The part label's words the whole's label does not print (runs of two or more shared are taken out),
    and the shorter ways they are said (小型和微型 → 小微)."""
    _, left = cover(part, whole)
    pieces = [_FILLER.sub("", p) for p in left.split("|")]
    pieces = [p for p in pieces if weight(p) >= 2]
    if not pieces:
        return []
    own = max(pieces, key=weight)
    out = [own]
    for printed, spoken in synonyms.SAID_ALSO.items():
        if printed in own:
            out += [own.replace(printed, s) for s in spoken]
    return out


def answer(question: str, q: str, doc) -> Answer | None:
    if not W.SHARE.search(q) or "占" not in q:
        return None
    zhan = q.rfind("占")
    found = []
    for st in statements(doc):
        core = _GENERIC.sub("", st.whole.label)
        if not st.whole.value or weight(core) < 4 or not arith.is_money(st.whole.unit):
            continue
        for part in st.parts:
            if part.unit != st.whole.unit:
                continue
            for word in _own_words(part.label, st.whole.label):
                at = q.find(word)
                if at < 0 or at > zhan or word in st.whole.label:
                    continue
                rest = q[:at] + "|" + q[at + len(word):]
                n, _ = cover(core, rest)
                if n * 10 < weight(core) * 6:  # most of the whole's own words said
                    continue
                after = _GENERIC.sub("", _SHARE_WORDS.sub("", q[zhan + 1:]))
                if weight(after) >= 2 and cover(after, st.whole.label)[0] * 10 < weight(after) * 6:
                    continue  # 「占支出总计的…」: another whole than the sentence's
                found.append((n / weight(core), st, part))
                break
    if not found:
        return None
    found.sort(key=lambda f: f[0], reverse=True)
    if len(found) > 1 and found[1][0] == found[0][0] and found[1][2] is not found[0][2]:
        return None  # two sentences' parts fit alike: no one reading
    _, st, part = found[0]
    r = arith.share(part.value, st.whole.value)
    sentence = st.sentence.strip()
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, st.passage.page, sentence,
                    section=st.passage.section)
    text = (f"{part.label}占{st.whole.label}的 {arith.fmt(r.value)}%。计算：{r.formula}（{part.label} "
            f"{arith.with_unit(part.value, part.unit)} ÷ {st.whole.label} {arith.with_unit(st.whole.value, st.whole.unit)}）。"
            f"文中说明：“{sentence}”（{st.passage.section}，第{st.passage.page}页）")
    return Answer(question, ANSWERED, text, r.value, "%", r.formula, [cite])
