"""The funds of the projects whose performance-target forms (绩效目标表) the disclosure publishes, taken together:
「公开的8个项目绩效目标表资金总额加起来是多少」 (their sum, each form cited), 「哪个项目的资金最多」 (ranked,
where the disclosure has no 项目支出表 of its own), and 「物业项目安排了多少钱」 when two forms' projects fit the
word equally (办公楼物业, 物业费): ambiguous, both listed. Each form's amount is its 资金总额 row as printed.
"""
from __future__ import annotations

import re

from ingest import model
from ingest.model import ParsedDocument

from . import arith
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .perfforms import Form, forms

# Everyday words for a kind of project, as the forms' titles print it.
_SAID = {"房租": ("租金", "房租"), "租房": ("租金",), "物业": ("物业",), "保洁": ("保洁", "物业")}
_MONEY = re.compile(r"资金|金额|多少钱|钱是多少|的钱|安排了?多少|预算")


def _amount(f: Form):
    """The form's 资金总额 (全年预算数 where a form prints several), its unit."""
    if not f.funds:
        return None
    cells = [c for c in f.funds[0].cells if c.value is not None]
    pick = next((c for c in cells if "全年预算" in c.column), None) or (cells[0] if cells else None)
    if pick is None:
        return None
    near = " ".join(c.raw for r in f.table.rows[:6] for c in r.cells) + f.table.title + \
        "".join(r.label for r in f.funds)
    unit = pick.unit or ("万元" if "万元" in near else (f.table.unit or "万元"))
    return pick, unit


def _target_forms(doc: ParsedDocument) -> list[tuple[Form, object, str]]:
    out = []
    for f in forms(doc):
        if f.table.kind != model.PERFORMANCE or not f.project or re.search(r"整体", f.table.title):
            continue
        got = _amount(f)
        if got is not None:
            out.append((f, got[0], got[1]))
    return out


def _cite(doc: ParsedDocument, f: Form, cell) -> Citation:
    row = f.funds[0]
    d = doc.document
    return Citation(d.label, d.doc_id, f.table.title, row.label, cell.column, row.page or f.table.page, cell.raw,
                    table_ordinal=f.table.ordinal, row_ordinal=row.ordinal, kind=f.table.kind, unit=cell.unit)


def _has_project_table(doc: ParsedDocument) -> bool:
    return any(t.kind == model.PROJECT and t.rows for t in doc.tables)


def answer(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    if not ((W.SUM.search(q) and "绩效目标" in q) or (W.RANK.search(q) and "项目" in q) or
            ("项目" in q and _MONEY.search(q))):
        return None  # what every reading below asks first: the forms are not read for other questions
    if W.COUNT.search(q) and not _MONEY.search(re.sub(r"部门[预决]算", "", q)):
        return None  # 「部门预算一共公开了几张绩效目标表」 counts the forms (assistant/perftables.py), no money asked
    items = _target_forms(doc)
    if len(items) < 2 or len({u for _, _, u in items}) != 1:
        return None
    unit = items[0][2]
    about_forms = bool(re.search(r"绩效目标", q))
    named = [f for f, _, _ in items if f.project in q]
    if W.SUM.search(q) and about_forms and _MONEY.search(q) and not named:
        total = arith.total([c.value for _, c, _ in items])
        parts = "；".join(f"{f.project} {arith.with_unit(c.value, unit)}" for f, c, _ in items)
        text = (f"公开绩效目标表的 {len(items)} 个项目资金总额合计 {arith.with_unit(total.value, unit)}（{parts}）。"
                f"计算：{total.formula}")
        return Answer(question, ANSWERED, text, total.value, unit, total.formula,
                      [_cite(doc, f, c) for f, c, _ in items])
    if W.RANK.search(q) and "项目" in q and not named and (about_forms or not _has_project_table(doc)) and \
            _MONEY.search(q + "资金") and not re.search(r"指标|得分|满意度", q):
        want_less = bool(re.search(r"最(少|低|小)", q))
        ranked = sorted(items, key=lambda x: x[1].value, reverse=not want_less)
        f, c, _ = ranked[0]
        order = "；".join(f"{i + 1}. {g.project} {arith.with_unit(x.value, unit)}" for i, (g, x, _) in enumerate(ranked))
        text = (f"公开绩效目标表的项目中资金{'最少' if want_less else '最多'}的是{f.project}：{arith.with_unit(c.value, unit)}"
                f"（{f.table.title}，{f.funds[0].label.rstrip('：:')}，第{f.funds[0].page or f.table.page}页）。排序：{order}")
        from . import topn  # 「排前三的项目各多少」: the first few, each with its form and page (assistant/topn.py)
        if top_n := topn.asked(q):
            entries = [f"{g.project} {arith.with_unit(x.value, unit)}（{g.table.title}，"
                       f"{g.funds[0].label.rstrip('：:')}，第{g.funds[0].page or g.table.page}页）" for g, x, _ in ranked]
            text = topn.said("公开绩效目标表的项目（资金）", top_n, want_less, entries, order)
        calc = (" < " if want_less else " > ").join(arith.fmt(x.value) for _, x, _ in ranked)
        return Answer(question, ANSWERED, text, c.value, unit, calc, [_cite(doc, g, x) for g, x, _ in ranked])
    m = re.search(r"([\u4e00-\u9fff]{2,8}?)项目", re.sub(r"(?:19|20)\d{2}\s*年度?", "", q))
    if m and _MONEY.search(q) and not named:
        word = m.group(1)
        keys = _SAID.get(word, (word,))
        fit = [(f, c) for f, c, _ in items if any(k in f.project for k in keys)]
        if len(fit) >= 2:
            lines = [f"{f.project}（{f.table.title}）：{arith.with_unit(c.value, unit)}" for f, c in fit]
            text = f"“{word}”项目有 {len(fit)} 个，资金不同：" + "；".join(lines) + "。请说明指哪一个。"
            return Answer(question, AMBIGUOUS, text, None, None, None, [_cite(doc, f, c) for f, c in fit],
                          readings=lines)
    return None
