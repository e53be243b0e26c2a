"""「出差的钱预算了多少」「冬天暖气费」「水电费一共多少」: an economic line said in everyday words.

People name the 经济分类 lines the way they speak: 出差 for 30211 差旅费, 暖气 for 30208 取暖费, 水电 for the two
lines 30205 水费 and 30206 电费, 雇人干活 for 30226 劳务费. The words and the printed names they mean are data
(synonyms.LINE_WORDS); here the question is said with the names the document prints, before its lines are looked
for, so every family reads it as if the printed name had been said: a scope said before the word (「基本支出里出差
的钱」) still narrows the line, a word meaning two lines is their sum (「水费和电费」, the formula shown), two words
of one line (「网费和电话费」, both 邮电费) are that line once, not the line added to itself.

A word is only reworded where the document prints every line it means; a document printing none of them (or only
one of two: 电费 without 水费 is no 水电费) keeps the question as said, so its not-found stays. A word that is part
of a name the document prints (取暖 of 取暖费, 水电 of a 水电费 line, 培训 of a project's name) is that name's, and
a word said as a gloss of the printed name after it (「雇人干活的劳务费」) is dropped, the name said once. A word the
vocabulary already reads (the maintained synonyms: 开会, 搞培训, 网费) is left to it, a word inside a quoted name
(「“信访业务培训”项目」) is that name's, and a question about a form's targets (培训人数) names no line's money.
"""
from __future__ import annotations

import re

from . import synonyms
from . import wording as W

# What follows the word as part of saying it: 「出差的钱」「暖气费」「开会的费用」 (the word and these are the line).
# (Not 支出: 「培训支出」 is a line of its own, 2050803, printed or not: see _COMPOUND.)
_TAIL = r"(?:的钱|的费用|费用|的经费|经费|的开支|开支|的开销|开销|的花销|花销|费)?"
# A word followed by these is part of a thing's name, not a line said (培训班, 维修项目, 出差补助标准).
_COMPOUND = r"(?!支出|项目|专项|工程|改造|建设|工作|服务|中心|系统|设备|平台|基地|班|机构|人员|人数|次数|标准|制度|管理)"
# Words of a sum already said (tables._SUM's): a word of two lines needs no 合计 added.
_SUM = re.compile(r"加起来|一共|总共|合计|之和|共计|总和|加在一起|加上|加一起|合起来")
# Between two words of one line said as a list: 「网费和电话费」.
_LIST = re.compile(r"^(?:和|与|及|跟|、|以及|还有|加上|加)$")


def _words(q: str) -> list[str]:
    """The everyday words of economic lines the question says (longest first); none in a question about a form's
    targets (「培训人数要达到多少人」 names no line's money)."""
    if W.PERF_WORDS.search(q):
        return []
    return [w for w in sorted(synonyms.LINE_WORDS, key=len, reverse=True) if w in q]


def says_a_line_word(q: str) -> bool:
    """Does the question say any everyday word of an economic line? Checked on the words alone, before any
    document's vocabulary is read (a question across departments reads no document it need not)."""
    return bool(_words(q))


def reworded(q: str, vocab, most: int = 3) -> tuple[str, str]:
    """The question with everyday words of economic lines said as the document prints them, and a note of each
    reading (both unchanged where none). ``most``: the most lines a word is read as (a question asked of several
    departments reads one figure of each: a word of two lines is left as said there)."""
    words = _words(q)
    if not words:
        return q, ""
    quoted = [m.span() for m in W.QUOTED.finditer(q)]  # a quoted name is said as printed: no word reworded
    labels = vocab.labels
    # Names the vocabulary reads in the question (exact names, each over the words it says): a word inside a longer
    # one is that name's (取暖 of 取暖费, 水电 of a 水电费 line, 培训 of a project's name); a word that is itself a
    # name (开会, 搞培训, 网费: the maintained synonyms) is read by the vocabulary as it always was — 「搞培训」 is the
    # 2050803 培训支出 line where one is printed, one reading, not the 30216 培训费 name said in full.
    names = [(m.start, m.end, frozenset(m.rows)) for m in vocab.mentions(q) if m.rows and m.text in vocab.rows]
    spans: list[tuple[int, int, str, tuple[str, ...], bool]] = []  # (start, end, said, lines, reworded)
    for w in words:
        printed = all(n in labels for n in synonyms.LINE_WORDS[w])  # a line not printed: the word is not read
        for m in re.finditer(re.escape(w) + _TAIL + _COMPOUND, q):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b, *_ in spans) or any(a <= s < b for a, b in quoted):
                continue  # inside a longer word already read (雇人干活 before 雇人), or in a quoted name
            if s and q[s - 1:s + 1] == "支出" and re.match(r"差(?:多少|几|了|距|额|值|别|不多)", q[s + 1:]):
                continue  # 「工资福利支出差多少」: 支出 and 差多少 meet, no one is 出差
            cover = [(a, b, rows) for a, b, rows in names if a <= s and s + len(w) <= b]
            if any(b - a > len(w) for a, b, _ in cover):
                continue  # part of a longer printed name
            if cover:
                spans.append((s, e, m.group(), tuple(sorted(cover[0][2])), False))
            elif printed and len(synonyms.LINE_WORDS[w]) <= most:
                spans.append((s, e, m.group(), tuple(synonyms.LINE_WORDS[w]), True))
    if not any(r for *_, r in spans) and not _listed_twice(q, sorted(spans)):
        return q, ""
    spans.sort()
    out, notes, at = [], [], 0
    k = 0
    while k < len(spans):
        s, e, said, lines, rewrite = spans[k]
        listed = False
        # 「网费和电话费」: words of the same line listed are the line once
        while k + 1 < len(spans) and spans[k + 1][3] == lines and _LIST.match(q[e:spans[k + 1][0]]):
            k += 1
            e, listed = spans[k][1], True
        k += 1
        out.append(q[at:s])
        printed = "".join(f"“{n}”" for n in lines)
        if not rewrite:
            out.append(said)  # the vocabulary's own word, said once
            if listed:
                notes.append(f"“{q[s:e]}”都是文件印出的{printed}这一行，只计一次")
            at = e
            continue
        gloss = re.match(r"的?(" + "|".join(map(re.escape, lines)) + ")", q[e:])
        if gloss and len(lines) == 1:
            e += len(gloss.group()) - len(gloss.group(1))  # 「雇人干活的劳务费」: the name follows, the words explain it
        else:
            # a word of two lines is their sum, said so where the question has no word of a sum (「水电费多少」)
            out.append("和".join(lines) + ("" if len(lines) == 1 or _SUM.search(q) else "合计"))
        at = e
        if listed:
            notes.append(f"“{q[s:e]}”都是文件印出的{printed}这一行，只计一次")
        else:
            notes.append(f"“{said}”按文件印出的{printed}" + ("两行相加" if len(lines) == 2 else
                                                            f"{len(lines)}行相加" if len(lines) > 2 else "读"))
    out.append(q[at:])
    return "".join(out), "；".join(notes) + "。" if notes else ""


def _listed_twice(q: str, spans) -> bool:
    """Two words of one line listed one after the other (「网费和电话费」)."""
    return any(a[3] == b[3] and _LIST.match(q[a[1]:b[0]]) for a, b in zip(spans, spans[1:]))


class Pooled:
    """The vocabularies of several documents read as one (「2026年哪个部门出差花钱最多」, asked of every department):
    a word is reworded where some document prints its lines; each one's own figure, or its not-found, is its own."""

    def __init__(self, vocabs):
        self.vocabs = vocabs
        self.labels = set().union(*(v.labels for v in vocabs))
        self.rows = {}
        for v in vocabs:
            for k, labels in v.rows.items():
                self.rows.setdefault(k, set()).update(labels)

    def mentions(self, q: str):
        return [m for v in self.vocabs for m in v.mentions(q)]
