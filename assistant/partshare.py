"""A part's share of the group the question names first: 「X里，Y占了百分之多少」, 「X中Y占比多少」, 「Y在X中占几成」.

The whole X is said before the part Y and 占 is followed by share words only (百分之多少, 多少百分比, 几成, 比例 …),
so the answering families, which read 「Y占X的比例」 (the part before 占, the whole after it), would see one name or
take X for a place to look Y up (a child line, never a grandchild). ``reorder`` says the question the canonical way
— 「Y占X的比例是多少」 — X being a line (住房保障支出), a table's total (本年收入), a group of columns (三公经费,
一般公共预算基本支出) whatever it is; a question with several parts (A和B各占), a change (比上年) or a second whole
after 占 is left as it is.

``task_share``: a task of a 部门整体支出 form (年度主要任务, assistant/perftasks.py) over the form's own 金额合计,
same column — 「整体支出绩效目标表里，对外宣传占金额合计的百分比」 — never the sum of the project forms' funds.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer

_PRE = r"(?P<pre>(?:(?:19|20)\d{2}\s*年度?|今年|本年度|的|在|,|，|\s)*)"
_SHARE = (r"(?P<ask>(?:的|所)?占(?:了|到)?(?:全部|总额|总数|整体|总体)?的?"
          r"(?:百分之多少|百分之几|多少百分比|百分比|多少|几成|多大比例|多大比重|多大的?比例|多大|多高|比例|比重|比))")
_IN = r"(?:里面|里头|当中|之中|里边|里|中)"
_WHOLE_FIRST = re.compile(_PRE + r"(?P<whole>[^,，。?？！!占]{2,30}?)(?:的)?(?P<in>" + _IN + r")(?P<comma>[,，]?)"
                          r"(?P<part>[^,，。?？！!占]{2,30}?)" + _SHARE + r"(?P<rest>[^占]*)$")
_PART_FIRST = re.compile(_PRE + r"(?P<part>[^,，。?？！!占在]{2,30}?)在(?P<whole>[^,，。?？！!占]{2,30}?)(?:的)?"
                         r"(?P<in>" + _IN + r")[,，]?" + _SHARE + r"(?P<rest>[^占]*)$")
_MANY = re.compile(r"[和与及、跟]|各|分别|以及|还有|或")
_NOT_IN = re.compile(r"^中(?:央|医|国|小|级|共|心|期|标|等|型|外|直|专|学|华|职)")  # 中 beginning a name
_LEFT = re.compile(r"百分之多少|百分之几|多少百分比|百分比|比例|比重|是多少|多少|几成|给个|[（(]?百分比[）)]?|"
                   r"按|保留(?:两|2)位小数|约|大概|大约|[?？,，。!！]")


def reorder(q: str) -> str | None:
    """「X里，Y占百分之多少」 → 「Y占X的比例是多少」; None when the question is not of that shape."""
    if not W.SHARE.search(q) or W.CHANGE.search(W.without_carried(q)) or W.MULTIPLE.search(q):
        return None
    m = _WHOLE_FIRST.match(q)
    if m is not None:
        if not m.group("comma") and m.group("in") == "中" and _NOT_IN.match(q[m.start("in"):]):
            return None
        if m.group("whole").endswith("其"):  # 「其中，…」 names no whole
            return None
    else:
        m = _PART_FIRST.match(q)
        if m is None:
            return None
    whole = re.sub(r"^(?:在|的)+", "", m.group("whole")).strip()
    part = re.sub(r"^(?:的)+", "", m.group("part")).strip()
    if len(whole) < 2 or len(part) < 2 or _MANY.search(part) or part in whole or whole in part:
        return None
    rest = _LEFT.sub("", m.group("rest"))
    pre = m.group("pre").replace("在", "").rstrip(",， ")
    return f"{pre}{part}占{whole}的比例是多少{rest}"


# -- a task of a 部门整体支出 form over the form's 金额合计 ------------------------------------------------------

_TOTAL_WORDS = re.compile(r"^(?:的)?(?:金额合计|合计|总计|总额|资金总额|预算总额|金额|全部|整体|总体)?(?:的)?$")


def task_share(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """「整体支出绩效目标表里，对外宣传1700万占金额合计的百分比是多少」: the task's amount ÷ the form's total row."""
    if not W.SHARE.search(q) or not re.search(r"整体|任务", q) or "占" not in q:
        return None
    from .perfforms import forms
    from .perftasks import _cite, _pick, _unit, _whole, named_task, tasks, _TOTAL
    zhan = q.find("占")
    before = q[:zhan]
    after = re.sub(r"(?:了|到)?(?:的)?(?:百分之多少|百分之几|多少百分比|百分比|比例|比重|多少|几成|多大|比).*$", "",
                   q[zhan + 1:])
    if not _TOTAL_WORDS.match(after):
        return None  # a second task or another whole named after 占: not this reading
    best = named_task(before, [(f, tasks(f)) for f in forms(doc) if _whole(f)])
    if best is None:
        return None
    f, t = best
    cell = _pick(q, t)
    total = next((r for r in f.table.rows if _TOTAL.match(r.label.replace(" ", ""))), None)
    whole = total.cell(cell.column) if total is not None else None
    if whole is None or whole.value is None or not whole.value:
        return None
    r = arith.share(cell.value, whole.value)
    unit = _unit(f, cell)
    text = (f"{f.table.title}的年度主要任务“{t.name}”占{total.label.replace(' ', '')}的 {arith.fmt(r.value)}%。"
            f"计算：{r.formula}（数据：{f.table.title}，{t.name}行，{cell.column}列 {cell.raw.strip()} {unit}；"
            f"{total.label.replace(' ', '')}行，{whole.column}列 {whole.raw.strip()} {unit}，"
            f"第{t.row.page or f.table.page}页）")
    return Answer(question, ANSWERED, text, r.value, "%", r.formula,
                  [_cite(doc, f, t.row, cell), _cite(doc, f, total, whole)])
