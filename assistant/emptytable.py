"""Why a table is empty (「国有资本经营预算财政拨款支出决算表为什么是空的」): the document's own statement, quoted.

A disclosure must publish every table of its template, so a department with no money of a kind prints the
table blank and says why — under the table (「注：本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空
表。」「说明：…没有国有资本经营预算，…故本表无数据。」) or in the narrative's section on that money (「本部门
2022年度无国有资本经营预算财政拨款收支，已公开空表。」). The table the question names is found by the words its
title has of its own (国有资本经营, 政府性基金, “三公”经费 — what is left of the title without the words every
table's title shares); the statements quoted are those saying a table is empty (空表, 无数据, 为空, 不涉及)
that name that same money, each cited to its page. No statement printed: this family does not answer.
"""
from __future__ import annotations

import re

from .answer import ANSWERED, Answer, Citation

# 「为什么是空的」「怎么没有数据」「空表的原因」: a table's emptiness asked about.
_ASKS = re.compile(r"(?:为什么|为何|为啥|怎么|咋|什么原因|原因).{0,6}(?:是?空(?:的|表|白|着)?|没有?(?:任何)?(?:数据|数字|内容|数)|"
                   r"无数据|一片空白|什么都没有)|(?:空表|空白|没有数据|无数据|是空的).{0,6}(?:原因|为什么|为何|为啥|怎么回事)|"
                   # 「有政府性基金预算吗」「有没有国有资本经营预算」: whether there is any is asked — where the
                   # document says its table is empty, that statement answers it (no statement: not this family)
                   r"(?:有没有|有无|是否有)[^，,。？?]{2,16}$|(?:有没有|有无|是否有)[^，,。]{2,16}[？?]|有[^，,。？?]{2,16}吗\s*[？?]?\s*$")
# A statement that a table is empty, and why.
_EMPTY = re.compile(r"空表|为空|无数据|没有数据|不涉及")
# What every table's title says (the year, the stage, the money's direction, the table's number): the rest of
# a title is the money it is about.
_SHARED = re.compile(r"(?:19|20)\d{2}\s*年度?|公开\s*\d+\s*表|预算\s*\d+\s*表|表\s*\d+\s*[：:]?|附表\s*\d*|第\d+页表格|"
                     r"部门|单位|市级|区级|县级|本级|预算|决算|财政拨款|拨款|收入|支出|收支|功能分类|经济分类|基本|项目|"
                     r"情况|总表|明细|安排|经费|表|[“”\"（）()、和及与\s]")


def _own_words(title: str) -> list[str]:
    """The words a table's title has of its own: 国有资本经营 of 「国有资本经营预算财政拨款支出决算表公开08表」,
    三公 and 机关运行 of 「部门“三公”经费和机关运行经费预算表」."""
    return [r for r in _SHARED.split(title) if len(r) >= 2]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[。；;])|\n", text) if s.strip()]


def answer(question: str, q: str, doc) -> Answer | None:
    m = _ASKS.search(q)
    if m is None:
        return None
    if m.group(0).startswith(("有", "是否")) and re.search(r"多少|几", q):
        return None  # 「到底有没有预算？是多少？」: a figure is asked too — the tables answer it, not a note
    return _quoted(question, q, doc)


def _quoted(question: str, q: str, doc) -> Answer | None:
    asked = re.sub(r"[“”\"\s]", "", q)
    subjects = {w for t in doc.tables for w in _own_words(t.title) if w in asked}
    if not subjects:
        return None
    subject = max(subjects, key=len)  # 一般公共 is within no other; the longest said wins
    cites: list[Citation] = []
    for t in doc.tables:
        if subject not in _own_words(t.title) or not t.note:
            continue
        for s in _sentences(t.note):
            if _EMPTY.search(s) and not any(c.text == s for c in cites):
                cites.append(Citation(doc.document.label, doc.document.doc_id, t.title, None, None, t.page, s,
                                      section="表注", table_ordinal=t.ordinal, kind=t.kind))
    for p in doc.passages:
        flat = re.sub(r"[“”\"\s]", "", p.text)
        if subject in flat and _EMPTY.search(flat) and len(p.text) <= 300:
            cites.append(Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text,
                                  section=p.section))
    if not cites:
        return None
    quote = "\n\n".join(f"「{c.text}」（" + "，".join(x for x in (c.table or c.section, c.page and f"第{c.page}页") if x) + "）"
                        for c in cites[:3])
    return Answer(question, ANSWERED, f"文件对空表的说明：\n{quote}", None, None, None, cites[:3])
