"""How many lines a table the question names lists: 「表5项目支出总表一共列了多少个项目」, 「预算11表“财政拨款
政府购买服务明细表”一共列了多少项（按三级目录算）」.

The table named (by its number, its title or both) governs what is counted: its item lines, never a numbered
list of the narrative that shares a word with the title (「财政拨款“三公”经费…其中：」) nor the table's money
total. Counted are the lines that are items — not the total, not a unit's or category's line whose figure is
the sum of the lines printed right under it (assistant/counts.py leaf_rows). 「按X级（目录）算」 names the level
of a table that prints its items under a 一级/二级/三级 directory (政府购买服务指导性目录): the distinct entries
of that column, or the item lines where the level is the lines' own names.

A table coded by subject (类/款/项, economic classes) is no list of items: its lines are counted at a level,
by assistant/sets.py. A question that names a line, a condition (超过, 有预算 …) or the performance forms is
not asked here either.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from .answer import ANSWERED, Answer
from .corpus import CellRef, plain_label
from .counts import ITEM_TABLES, item_lines, lines_listed
from .documents import department_names
from .numbered import cn_number

# 「多少个项目」「几项」「多少条」: the items counted (a count of tables, 几张, is assistant/counts.py's).
_ASKED = re.compile(r"(?:几|多少)\s*(个|项|条|行)")
# Words that count only some of the lines, or ask of the forms: another family's question.
_NOT_ALL = re.compile(r"超过|以上|以下|大于|小于|不足|低于|高于|有预算|有金额|安排了|为0|为零|绩效|目标|自评|单位|科目|"
                      r"[类款]级|项级|哪些|哪几")
# 「按三级目录算」「按二级」: the level of a directory the table prints its items under.
_LEVEL = re.compile(r"按(?:照)?(?:指导性目录的?)?(?P<n>[一二三四五1-5])级")
# The table's number as the question says it: 「表5」「预算11表」「公开05表」「（表7）」.
_NUMBER = re.compile(r"表\s*(?P<a>\d{1,2}(?!\d)|[一二三四五六七八九十]{1,3}(?![\u4e00-\u9fff]{0,1}级))|"
                     r"(?:预算|决算|公开)\s*(?P<b>\d{1,2})\s*表")
_TITLE_NUM = re.compile(r"表\s*(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})(?!\d)|(?P<b>\d{1,2})表")


def answer(question: str, q: str, doc, mentions) -> Answer | None:
    asked = _ASKED.search(q)
    if asked is None or _NOT_ALL.search(q):
        return None
    named = [m for m in mentions if m.table and not m.rows and not m.column]
    level = _LEVEL.search(q)
    said = [m for m in mentions if m not in named and not m.qualifier and
            not (level and level.start() <= m.start and m.end <= level.end() + 2)]  # 「一级」 a column's name
    if len(named) > 1 or any(m.rows or m.column for m in said):
        return None  # two tables named, or a line named besides the table
    table = _table(q, doc, named[0].table if named else None)
    if table is None or table.kind not in ITEM_TABLES or sum(1 for r in table.rows if r.code) > len(table.rows) / 2:
        # a table of subjects is counted at a level (assistant/sets.py); a table of another layout (政府采购:
        # an item's lines by 采购方式) has no item lines to count
        return None
    lines = item_lines(table)
    if lines is None:
        return None
    column, rows = lines
    unit = asked.group(1)
    if level is not None:
        return _by_level(question, doc, table, rows, column, cn_number(level.group("n")), unit, level.group(0))
    if any(r.cell(column) is None for r in rows):
        return None
    noun = re.match(r"项目|服务|采购项目", q[asked.end():])
    return lines_listed(question, doc, table, rows, column, unit, noun.group(0) if noun else "")


# 「一共有多少个项目」: projects counted, no table, line, condition or form named.
_PROJECTS = re.compile(r"(?:几|多少)\s*个?\s*项目(?!支出|经费|资金|预算|的)|项目(?:一共|总共|共)?(?:有|是)?(?:几|多少)个")


def counts_projects(q: str) -> bool:
    """Does the question count projects, with no condition on them (「一共有多少个项目」)?"""
    return bool(_PROJECTS.search(q)) and not _NOT_ALL.search(q)


def projects_listed(question: str, q: str, doc, measures=()) -> Answer | None:
    """「深圳市交通运输局（本级）一共有多少个项目」 of a document that prints no performance forms (those are counted
    by assistant/targets.py): the project lines of its one 项目支出表, the unit lines over them and the total left
    out — never the function classes of another table. A 项目支出表 by subject code (类/款/项) lists no projects;
    a line the question names (a class, a fund) other than the department's own (本级) asks of some projects only."""
    if not counts_projects(q) or any(t.kind == model.PERFORMANCE for t in doc.tables):
        return None
    own = department_names(doc.document.department, doc.document.region)
    if any(r not in own for m in measures for r in m.rows):
        return None
    tables = [t for t in doc.tables if t.kind == model.PROJECT and t.rows]
    if len(tables) != 1 or sum(1 for r in tables[0].rows if r.code) > len(tables[0].rows) / 2:
        return None
    lines = item_lines(tables[0])
    if lines is None or any(r.cell(lines[0]) is None for r in lines[1]):
        return None
    column, rows = lines
    return lines_listed(question, doc, tables[0], rows, column, "个", "项目")


def _table(q: str, doc, kind: str | None):
    """The table of the kind named (its title's words); of several, or with no title said, the one whose printed
    number the question says (「预算11表」)."""
    tables = [t for t in doc.tables if (kind is None or t.kind == kind) and t.rows and
              t.kind not in (model.NARRATIVE, model.INSTITUTIONS)]
    said = {cn_number(m.group("a") or m.group("b")) for m in _NUMBER.finditer(q)} - {None}
    numbered = [t for t in tables if (m := _TITLE_NUM.search(t.title or "")) and
                cn_number(m.group("a") or m.group("b")) in said]
    if kind is None:
        return numbered[0] if len(numbered) == 1 else None
    tables = numbered or tables
    return tables[0] if len(tables) == 1 or numbered else None


def _by_level(question, doc, table, rows, column, n, unit, said) -> Answer | None:
    """「按三级目录算」: the distinct entries of the column of that level; the lines themselves where the level
    is their own name (no cell printed in that column)."""
    digits = "一二三四五"
    cols = [c.path for c in table.columns if re.search(rf"(?:{digits[n - 1]}|{n})级", c.path.split("/")[-1])]
    if len(cols) != 1:
        return None
    col = cols[0]
    refs = [CellRef(doc.document, table, r, r.cell(column)) for r in rows if r.cell(column)]
    if not any(r.cell(col) is not None and r.cell(col).raw.strip() for r in rows):  # the level is the lines' own names
        listed = "、".join(plain_label(r.label) for r in rows)
        count = len(rows)
    else:
        first = {}  # each entry cited where it is first printed
        for r in rows:
            cell = r.cell(col)
            if cell is not None and cell.raw.strip():
                first.setdefault(cell.raw.strip(), CellRef(doc.document, table, r, cell))
        refs = list(first.values())
        listed = "、".join(first)
        count = len(first)
    page = f"（第{table.page}页起）" if table.page else ""
    text = f"{table.title}{said}算共 {count} {unit}（{col}）：{listed}{page}"
    return Answer(question, ANSWERED, text, Decimal(count), unit, f"计数 {count}", [c.citation() for c in refs])
