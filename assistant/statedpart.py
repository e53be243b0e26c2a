"""One part of a whole the narrative states in one sentence, asked as an amount and found in no table:
「西安卫健委2022年政府采购支出里服务采购有多少」 of 「政府采购支出总额共272,067.69万元，其中：政府采购货物支出
189,972.86万元、政府采购工程支出8,619.1万元、政府采购服务支出73,475.73万元」.

assistant/wholeparts.py leaves an amount named alone to the tables and the narrative's labelled figures (they print
it under its own name); said otherwise than printed (「服务采购」 for 政府采购服务支出) neither finds it and the question
was not found. Only then, and only where the question names exactly one part of one such sentence (by its label or
the word telling it from the other parts, on the sentence's topic) and nothing else — every other word of it is the
sentence's own, a year or an asking word — the part's amount is the answer, the sentence quoted.
"""
from __future__ import annotations

import re

from . import arith
from . import wording as W
from .answer import NOT_FOUND, Citation
from .scope import years_in
from .stated import as_of

# Words of asking, not of a figure: they name nothing (「有多少」「是多少钱」「安排了多少」).
_ASKING = set("多少几有是为里中的了吗呢啊请问花用安排一共总共合计类个钱金额元万亿其")
_OPERATES = re.compile(r"占|比例|比重|百分|倍|差|比|较|增|减|变化|最|哪|排|和|与|及|、|加|除了|以外|之外|不含|剩")


def reread(question: str, q: str, doc, answer):
    """``answer`` (not found) answered from the sentence stating the part; None if not that case."""
    if answer.status != NOT_FOUND or _OPERATES.search(q) or W.SUM.search(q) or not re.search(r"多少|几", q):
        return None
    from . import wholeparts
    if any(y != doc.document.year for y in years_in(as_of(q))):
        return None
    found = []
    for st in wholeparts.statements(doc):
        named = wholeparts._named(q, st)
        if len(named) == 1 and arith.is_money(named[0][1].unit) and st.whole.label:
            found.append((st, named[0][1]))
    if len({(p.label, p.value) for _, p in found}) != 1:
        return None  # no sentence, or two sentences' parts: not this reading
    st, part = found[0]
    words = re.sub(r"(?:19|20)\d{2}\s*年度?|\d+|[\s？?，,。！!“”\"'（）()]", "", q)
    own = set(st.whole.label + part.label + "".join(x.label for x in st.parts) + "预算决算支出")
    if sum(1 for ch in words if ch not in own and ch not in _ASKING) > 1:
        return None  # another word of the question names something the sentence does not
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, st.passage.page, st.sentence,
                    section=st.passage.section)
    said = f"文中说明：“{st.sentence.strip()}”（{st.passage.section}，第{st.passage.page}页）"
    return wholeparts._ans(question, f"{part.label}为 {arith.with_unit(part.value, part.unit)}", said, part.value,
                           part.unit, None, cite)
