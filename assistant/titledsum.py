"""Lines of several tables, each named with the table it is read in, summed: 「一般公共预算支出功能分类预算表的
“城管执法”、基本支出经济分类预算表的“会议费”、收入预算总表的“科普活动”，一共多少元」, 「“三公”经费表里的公务接待费，
加上基本支出经济分类表里的会议费和培训费，一共多少万元」, 「表6的X加上表9的Y」.

A user names each table as people do: its title said short (the year, 部门, 一般公共预算, 情况 left off, 表 kept
at the end) or its number. Each table said is matched to the ONE table of the document whose title holds the
words said, in order, each run of two characters or more (a title the said words fit twice, or none, leaves the
question to the general reading). The lines said after it, up to the next table said, are read in that table
only — never a line of the same name in another table (the 会议费 of the 三公 table is not the 基本支出 one). A line
the table does not print, or prints twice with different figures, leaves the question unanswered here. The
figures are added with Decimal, each cited, the formula shown (assistant/pertable.py answers one line said once
after tables named by number; this family pairs each table with its own lines).
"""
from __future__ import annotations

import re

from . import arith, figures
from .answer import NOT_FOUND, Answer
from .corpus import CellRef, default_column, plain_label
from .numbered import cn_number
from .tablesaid import in_order as _fits  # the said words in a title, in order (one reading for both families)

_SUM = re.compile(r"加起来|加在一起|加一起|一共|总共|合计|合起来|之和|共计|总和|加总|共(?:是|有|安排|多少)")
# A table said before 里/中/的 and then its lines: the words ending in 表 (a number after 表 said too).
_TABLE = re.compile(r"表(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?!\d))?(?:[（(][^（）()]{0,30}[）)])?"
                    r"(?=(?:里面|当中|之中|中|里)?(?:的|[，,：:]))")
# Where a table's said name starts: after punctuation, the year, a joining word.
_START = re.compile(r".*(?:[：:，,、；;。？?！!\s]|\d{4}年度?|年度?预算(?:里|中)?|加上|再加上|以及|还有|和|跟|与|及|把|的)")
_NUMBER = re.compile(r"表\s*(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})(?!\d)|(?P<b>\d{1,2})\s*表")
_NOISE = re.compile(r"\s|^\d{4}\s*年度?|部门")


def answer(question: str, q: str, doc, vocab) -> object | None:
    s = _SUM.search(q)
    if s is None:
        return None
    said = _tables_said(q[:s.start()] if s.start() > len(q) // 2 else q)
    if len(said) < 2 and not (len(said) == 1 and len(_lines(q, said[0][1], len(q), vocab)) >= 2):
        return None
    pairs = []
    for i, (name, end, _) in enumerate(said):
        table = _table(doc, name)
        if table is None:
            return None
        stop = said[i + 1][2] if i + 1 < len(said) else s.start() if s.start() > end else len(q)
        lines = _lines(q, end, stop, vocab)
        if not lines:
            return None
        pairs.append((table, lines))
    if len({id(t) for t, _ in pairs}) < len(pairs) and len(pairs) > 1:
        return None  # two names fit one table: not a list of tables
    refs = []
    for table, lines in pairs:
        col = default_column(table)
        if col is None:
            return None
        for names in lines:
            rows = [r for r in table.rows if plain_label(r.label) in names and r.cell(col) is not None
                    and r.cell(col).value is not None]
            if not rows and len(pairs) > 1:
                # every table said was found: the line is not printed where the question reads it, and a line of
                # that name in another table is no answer (said so plainly)
                return Answer(question, NOT_FOUND, f"没有找到答案：{table.title.strip()}中没有“{_said_line(names)}”"
                              f"这一行，其他表里同名的行不是所问的数。", None, None, None, [])
            if not rows or len({r.cell(col).value for r in rows}) > 1:
                return None  # the table prints no such line, or two of different figures
            refs.append(CellRef(doc.document, table, rows[0], rows[0].cell(col)))
    if len(refs) < 2:
        return None
    values, unit, conv = figures.common_unit(refs)
    r = arith.total(values)
    parts = "；".join(f"{c.table.title.strip()} {c.name()} {arith.with_unit(v, unit)}" for c, v in zip(refs, values))
    text = f"合计 {arith.with_unit(r.value, unit)}（{parts}）"
    return figures.computed(question, text, r, unit, refs, conversions=conv)


def _said_line(names: set[str]) -> str:
    return sorted(names, key=len)[0]


def _tables_said(q: str) -> list[tuple[str, int, int]]:
    """Each table said: (its said name, where its lines begin, where the name starts)."""
    out = []
    for m in _TABLE.finditer(q):
        before = q[:m.start()]
        lead = _START.match(before)
        start = lead.end() if lead else 0
        name = q[start:m.end()]
        if len(re.sub(r"[“”\"「」]", "", name)) < 3 and not _NUMBER.search(name):
            continue
        rest = re.match(r"(?:里面|当中|之中|中|里)?(?:的)?", q[m.end():])
        out.append((name, m.end() + rest.end(), start))
    return out


def _lines(q: str, start: int, stop: int, vocab) -> list[set[str]]:
    """The lines said between a table and the next (their rows' printed names), in order."""
    return [set(m.rows) for m in vocab.mentions(q[start:stop]) if m.rows and not m.table]


def _table(doc, name: str):
    """The one table whose title the said name fits."""
    num = _NUMBER.search(name)
    if num is not None and name.startswith(("表", "预算", "决算", "公开", "部门")):
        n = cn_number(num.group("a") or num.group("b"))
        found = [t for t in doc.tables if (m := _NUMBER.search(t.title)) and cn_number(m.group("a") or m.group("b")) == n]
        return found[0] if len(found) == 1 else None
    said = _NOISE.sub("", re.sub(r"[“”\"「」]", "", name))
    found = [t for t in doc.tables if t.rows and _fits(said, _plain(t.title))]
    if len(found) > 1:
        # 「一般公共预算支出预算表」 fits 一般公共预算(基本)支出预算表 too: the title printing the words unbroken
        found = [t for t in found if said in _plain(t.title)]
    return found[0] if len(found) == 1 else None


def _plain(title: str) -> str:
    return _NOISE.sub("", re.sub(r"[“”\"「」]", "", title))


