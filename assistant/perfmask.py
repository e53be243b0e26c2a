"""What the performance forms are asked, once the words naming table lines are set aside: a line whose name
is no project of the forms ("专项资金列入部门预算的项目" of a 收入总表, 30107 绩效工资) does not make the
question one about a form whose project shares a word with it (文化产业发展专项资金, 绩效)."""
from __future__ import annotations

import re

from .vocab import common_run


_LEVEL_AFTER = re.compile(r"[”」]?(?:[（(](?:类|款|项)(?:级科目)?[）)]|(?:这一?)?(?:类|款)(?!项)|项级)")
_CODE = re.compile(r"(?<!\d)\d{3}(?:\d{2}){0,2}(?!\d)")  # a subject code: 类 (3 digits), 款 (5), 项 (7)
_FORM_WORDS = re.compile(r"绩效|目标|指标|自评|评价|得分|执行率")
_CODE_AFTER = re.compile(r"[（(](?:\d{3}(?:\d{2}){0,2})[）)]")


def perf_query(q: str, mentions, projects: list[str]) -> str:
    """``projects``: the forms' projects (assistant/formindex.py)."""
    masked = []
    # 「一般公共预算财政拨款支出决算表疾病预防控制机构」: a numeric table named, with no word about the forms, asks
    # that table's lines: the lines named are no project's words
    tabled = any(m.table for m in mentions) and not _FORM_WORDS.search(q)
    for m in mentions:
        if not m.rows:
            continue
        # 「2014004信访业务」: a mention read by its subject code spans the name said after it; the code says a
        # line of the tables (forms print no subject codes), so the code and the name are both no project's words.
        span = q[m.start:m.end]
        if m.text in span and _CODE.search(span):
            masked.append(re.escape(span))
            continue
        # 「疾病预防控制机构（2100401）」: the code said in brackets after the name says a line of the tables just
        # as well (the project 疾病预防控制中心… of a form shares most of its words, and its text's 5000 was read).
        if (after := _CODE_AFTER.match(q, m.end)) is not None:
            masked.append(re.escape(q[m.start:after.end()]))
            continue
        if tabled and len(m.text) >= 4:
            masked.append(re.escape(span))
            continue
        if _LEVEL_AFTER.match(q, m.end):
            # 「公共卫生（款）下面哪一项最多」: a name said with its subject level is a line of the tables, however
            # short, not the start of a form's project (公共卫生事业发展资金).
            masked.append(re.escape(m.text))
            continue
        if len(m.text) < 4:
            continue
        salary = "绩效" in m.text and any(r.endswith("工资") for r in m.rows)
        foreign = len(m.text) >= 6 and projects and all(common_run(m.text, p) < 0.6 * len(m.text) for p in projects)
        if salary or foreign:
            masked.append(re.escape(m.text))
    return re.sub("|".join(masked), "|", q) if masked else q
