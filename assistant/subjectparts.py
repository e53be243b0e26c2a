"""A 款 (or 类) of the function classification named that the document prints only as the 项 lines under it:
「“行政事业单位养老支出”这一款一共安排了多少」 of a table printing 2080501 行政单位离退休, 2080505 机关事业单位
基本养老保险缴费支出, 2080506 … (北京's 预算05表 lists 项 lines only, unit by unit) and never 20805 itself.

The name is said with its level (「这一款」「（款）」) or alone, quoted or before the asking words (「“X”一共安排了
多少」, 「X总共安排多少钱」); it is no line of the document, so read as words it matches several lines' pieces (养老)
and is asked back.
Its code is the classification's: the code the document prints beside that name anywhere, else the code the
corpus's documents print beside it (the 政府收支分类科目 is one national list: 20805 is 行政事业单位养老支出 in every
document of a year) — only the code is taken from elsewhere, never a figure. The lines of this document whose
function code extends it are then read in the first table (in the engine's table order) that prints them — all
of them, each unit's — and added, each cited, the formula shown. Where the document prints the code's own line
under another name (20805 as 行政事业单位离退休), that line is the answer.
"""
from __future__ import annotations

import re
from collections import Counter

from ingest import model

from . import arith, figures
from .answer import ANSWERED, Answer
from .corpus import CellRef, default_column, plain_label
from .nesting import per_table
from .tables import ordered_tables

# The name said with its level: 「“X”这一款」「X这个款」「X款级科目」「X（款）」.
_LEVEL = re.compile(r"(?P<q>[”\"」』])?\s*(?:这一|这个|这|那一|整个)?(?:[（(])?(?P<lv>款|类)(?:[）)])?(?:级)?(?:科目)?"
                    r"(?![^，,。？?]*?(?:哪|几个|多少个))")
# The name said alone, quoted or before the asking words: 「“行政事业单位养老支出”一共安排了多少」.
_QUOTED = re.compile(r"[“「『\"](?P<x>[\u4e00-\u9fff（）()]{4,24})[”」』\"]")
_ASKING = re.compile(r"(?:的)?(?:一共|总共|共计|合计|总计)|(?:的)?(?:预算|决算)?(?:安排|花|支出|用)了?(?:多少|几)|"
                     r"(?:的)?(?:预算|决算)?(?:数|金额)?(?:是|有|为)多少|多少")
_NAME = re.compile(r"[\u4e00-\u9fff（）]{3,24}$")
_CODE_LEN = {"类": (3,), "款": (5,)}


def answer(question: str, q: str, doc, vocab, corpus) -> object | None:
    printed: set[str] | None = None
    for name, lengths in _named(q):
        name = plain_label(name)
        if len(name) < 4 or name in vocab.labels or name in vocab.rows:
            continue  # a line the document prints (or a name its lines answer to): the tables' reading
        if printed is None:
            printed = set().union(*(_lines(t)[0] for t in doc.tables))
        if name in printed:
            continue  # printed where the vocabulary keeps no name (其他支出): the tables' reading
        code = _code(name, doc, corpus, lengths)
        if code is None:
            continue
        ans = _summed(question, doc, name, code)
        if ans is not None:
            return ans
    return None


def _named(q: str):
    """(a name the question may give a 款 or 类 by, the code lengths it may have), the names said with their level
    first, each run's longest reading first."""
    for m in _LEVEL.finditer(q):
        before = q[:m.start()]
        lengths = _CODE_LEN[m.group("lv")]
        if m.group("q"):
            opened = max(before.rfind("“"), before.rfind("\""), before.rfind("「"), before.rfind("『"))
            if opened >= 0:
                yield before[opened + 1:], lengths
            continue
        run = _NAME.search(before)
        for i in range(len(run.group()) - 3 if run else 0):
            yield run.group()[i:], lengths
    for m in _QUOTED.finditer(q):
        yield m.group("x"), (5, 3)
    for m in _ASKING.finditer(q):
        run = _NAME.search(q[:m.start()])
        for i in range(len(run.group()) - 3 if run else 0):
            yield run.group()[i:], (5, 3)


def _code(name: str, doc, corpus, lengths: tuple[int, ...]) -> str | None:
    """The function code printed beside ``name``: in the document, else in the corpus's documents (the most
    documents' reading)."""
    own = Counter(code for t in doc.tables for label, code in _lines(t)[1] if label == name and len(code) in lengths)
    if own:
        return own.most_common(1)[0][0]
    store = getattr(corpus, "store", None)
    if store is None:
        return None
    with corpus._lock:
        got = store.db.execute("SELECT code, count(DISTINCT doc_id) FROM rows WHERE label = ? AND code_kind = ? "
                               f"AND length(code) IN ({', '.join('?' * len(lengths))}) GROUP BY code ORDER BY 2 DESC",
                               (name, model.FUNCTION, *lengths)).fetchall()
    return got[0][0] if got else None


def _lines(table) -> tuple[set[str], list[tuple[str, str]]]:
    """A table's line names and its (name, function code) pairs, worked out once per table (nesting.per_table):
    every question of the document would read them alike."""
    memo = per_table(table)
    if "subjectparts" not in memo:
        memo["subjectparts"] = ({plain_label(r.label) for r in table.rows},
                                [(plain_label(r.label), r.code) for r in table.rows
                                 if r.code and r.code_kind == model.FUNCTION])
    return memo["subjectparts"]


def _summed(question: str, doc, name: str, code: str):
    for t in ordered_tables(doc, None):
        col = default_column(t)
        if col is None:
            continue
        own = [r for r in t.rows if r.code == code and r.code_kind == model.FUNCTION and r.cell(col) is not None
               and r.cell(col).value is not None]
        if len(own) == 1:  # the line itself, printed under another name
            c = CellRef(doc.document, t, own[0], own[0].cell(col))
            v, unit, shown, _ = figures.amount(c, question)
            return Answer(question, ANSWERED, f"{name}（{code}，表中印作“{plain_label(c.row.label)}”）：{shown}"
                                              f"（{c.where()}）", v, unit, None, [c.citation()])
        if own:
            refs = [CellRef(doc.document, t, r, r.cell(col)) for r in own]  # printed once per unit: added
        else:
            lines = [r for r in t.rows if r.code and r.code_kind == model.FUNCTION and r.code.startswith(code) and
                     len(r.code) > len(code) and r.cell(col) is not None and r.cell(col).value is not None]
            if not lines:
                continue
            # The level printed right under it (a 类's 款 where printed, else its 项): never a line and its parent.
            top = min(len(r.code) for r in lines)
            lines = [r for r in lines if len(r.code) == top]
            refs = [CellRef(doc.document, t, r, r.cell(col)) for r in lines]
        values, unit, conv = figures.common_unit(refs)
        r = arith.total(values)
        parts = "；".join(f"{c.name()} {arith.with_unit(v, unit)}" for c, v in zip(refs, values))
        level = "款" if len(code) == 5 else "类"
        text = (f"{name}（{code}）这一{level}表中未单列，按其下各科目相加：合计 {arith.with_unit(r.value, unit)}"
                f"（{parts}）")
        return figures.computed(question, text, r, unit, refs, conversions=conv)
    return None

