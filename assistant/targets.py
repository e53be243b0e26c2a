"""Answers from the 绩效目标表: one indicator's target, a project's targets, sums and ratios of targets,
and lists of projects. Every value is the indicator cell as stored; arithmetic is Decimal."""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import ParsedDocument

from . import arith
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .perf import prefer_year, score_rows
from .scope import years_in
from .vocab import common_run


def _projects_of(table) -> list[str]:
    if table.project:
        return [table.project]
    if any(c.path.split("/")[-1] == "项目名称" for c in table.columns):
        from .corpus import TOTAL_LABELS, plain_label
        rows = [r for r in table.rows if r.label and plain_label(r.label) not in TOTAL_LABELS
                and not r.label.startswith("合计")]
        # A form printing each project's amount on its first line only (预算12表: 项目总额, then its indicators'
        # lines): the lines with the amount are the projects, the others continue the one above.
        amount = next((c.path for c in table.columns if re.search(r"总额|金额", c.path.split("/")[-1])), None)
        if amount and any(r.cell(amount) and r.cell(amount).raw.strip() for r in rows):
            rows = [r for r in rows if r.cell(amount) and r.cell(amount).raw.strip()]
        # 「11000022T000000455794-评审工作经费」: the project's code before its name is no part of it
        names = [re.sub(r"^[0-9A-Za-z]{10,}\s*[-－—]\s*", "", plain_label(r.label)) for r in rows]
        if names:
            return names
    return [table.title]


def project_list(question, q, doc, listing) -> Answer | None:
    perf = [t for t in doc.tables if t.kind == model.PERFORMANCE]
    if not perf:
        return None
    words = [w for w in re.findall(r"[\u4e00-\u9fff]{2,}", q)]
    focus = [t for t in perf for w in words for k in range(len(w) - 3)
             if w[k:k + 4] in (t.project or "")]
    chosen = list({id(t): t for t in focus}.values()) if focus else perf
    # A table with no project line: its rows where it lists projects by 项目名称 (表11 项目支出绩效表), else its title.
    projects = list(dict.fromkeys(p for t in chosen for p in _projects_of(t)))
    cites = [Citation(doc.document.label, doc.document.doc_id, t.title, None, None, t.page,
                      t.goal, table_ordinal=t.ordinal) for t in chosen]
    if listing:
        return Answer(question, ANSWERED, f"共 {len(projects)} 个项目：" + "、".join(projects), None, None, None, cites)
    if focus and len(chosen) == len(perf):
        return None
    if not any(t.project for t in chosen) and len(projects) > len(chosen):  # forms listing projects by row
        return Answer(question, ANSWERED, f"共 {len(projects)} 个项目：" + "、".join(projects), Decimal(len(projects)),
                      "个", f"计数 {len(projects)}", cites)
    n = len(chosen)
    # Several forms of one project (one per year printed) are said so; a form with no project line goes by its title.
    versions = f"（{len(projects)} 个项目，有的项目列出不止一个年度的表）" if len(projects) < n else ""
    text = (f"共有 {n} 张绩效目标表{versions}："
            + "、".join(t.project and f"{t.project}（{t.target_year or '年份未注明'}）" or t.title for t in chosen))
    return Answer(question, ANSWERED, text, Decimal(n), "个", f"计数 {n}", cites)

# --- performance targets -------------------------------------------------------------------------

def answer(question: str, q: str, doc: ParsedDocument, hits) -> Answer:
    """A sum, difference or multiple of targets when the question asks for one, else the best target."""
    if re.search(r"加起来|合计|一共|总共|之和|多多少|高多少|差多少|相差|几倍|多少倍", q):
        result = target_arithmetic(question, q, doc, hits)
        if result is not None:
            return result
    return answer_target(question, q, doc, hits)


def answer_target(question, q, doc, hits) -> Answer:
    year = next((y for y in years_in(q) if y in {h.table.target_year for h in hits}), None)
    hits = prefer_year(hits, year, doc.document.year)
    top = hits[0]
    # Near-equal matches in other projects with other values: the question does not say which.
    # A close match in another project, or an exact tie inside the same one ("村干部补贴标准": 书记主任 or
    # 其他人员), with another value: the question does not say which.
    rivals = [h for h in hits[1:] if (h.table.project != top.table.project and h.score >= 0.85 * top.score
                                      or h.row.label != top.row.label and h.score == top.score)
              and h.row.cell("指标值").raw != top.row.cell("指标值").raw]
    if rivals:
        reads = [top] + rivals[:4]
        lines = [f"{h.table.project}（{h.table.target_year}年版）{h.row.label}：{h.row.cell('指标值').raw}" for h in reads]
        return Answer(question, AMBIGUOUS, "这个问题对应多个绩效指标：" + "；".join(lines) + "。请说明是哪个项目。",
                      None, None, None, [cite(doc, h) for h in reads], readings=lines)
    cell = top.row.cell("指标值")
    if "依据" in q:  # the document the target rests on, as printed
        basis = top.row.cell("指标值确定依据")
        text = f"{top.table.project}“{top.row.label}”（{cell.raw}）的指标值确定依据：{basis.raw}"
        return Answer(question, ANSWERED, text, None, None, None, [cite(doc, top)])
    versions = [t for t in doc.tables if t.kind == model.PERFORMANCE and t.project == top.table.project]
    year_note = f"{top.table.target_year}年版" if top.table.target_year else "年份未注明"
    if len(versions) > 1:
        others = [t.target_year for t in versions if t is not top.table and t.target_year]
        if others:
            year_note += f"；该项目另有 {'、'.join(str(y) for y in others)} 年版"
    ind = top.row.indicator or ("", "", "")
    text = (f"{top.table.project}（绩效目标表，{year_note}）{ind[1]}“{top.row.label}”的指标值为 {cell.raw}"
            + (f"（{top.row.cell('绩效指标描述').raw}）" if top.row.cell("绩效指标描述").raw else ""))
    return Answer(question, ANSWERED, text, cell.value, cell.unit, None, [cite(doc, top)])

def named_project(q: str, doc: ParsedDocument):
    """The 绩效目标表 whose project the question names (≥ 6 characters of its name), budget year first."""
    best, best_len = None, 5
    for t in doc.tables:
        if t.kind != model.PERFORMANCE or not t.project:
            continue
        n = common_run(q, t.project)
        if n > best_len or (n == best_len and best is not None and t.target_year == doc.document.year):
            best, best_len = t, n
    return best

def project_overview(question: str, doc: ParsedDocument, table) -> Answer:
    rows = "；".join(f"{r.label}：{r.cell('指标值').raw}" for r in table.rows)
    text = (f"{table.project}（绩效目标表，{table.target_year or '年份未注明'}年版）绩效目标：{table.goal or '未列明'}。"
            f"绩效指标：{rows}")
    cite = Citation(doc.document.label, doc.document.doc_id, table.title, None, None, table.page, table.goal,
                    section=table.section, table_ordinal=table.ordinal)
    return Answer(question, ANSWERED, text, None, None, None, [cite])

def target_arithmetic(question: str, q: str, doc: ParsedDocument, hits) -> Answer | None:
    """Sums, differences and multiples of targets ("四项补助标准加起来", "是…的几倍")."""
    top = prefer_year(hits, None, doc.document.year)[0]
    rest = q
    project = named_project(q, doc)
    if project is not None:  # the project's own name says nothing about which of its indicators
        n = common_run(q, project.project)
        rest = next((q.replace(project.project[k:k + n], "|") for k in range(len(project.project) - n + 1)
                     if project.project[k:k + n] in q), q)
    parts = [p for p in re.split(r"[|、，,和与及（）]|比|是(?=.+的)|的几倍|的多少倍", rest)
             if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 2]
    rows = []
    for part in parts:
        scored = prefer_year(score_rows(part, doc, fit_text=q), None, doc.document.year)
        # A part that names its own project looks there; otherwise in the project the question names.
        scope = named_project(part, doc) or project
        if scope is not None:
            scored = [h for h in scored if h.table.project == scope.project]
        if not scored:
            continue
        best = scored[0]
        same = next((h for h in scored if h.table is top.table), None)
        pick = same if same is not None and same.score >= best.score else best
        if pick.score >= 2 and pick.row.cell("指标值").value is not None and all(pick.row is not r.row for r in rows):
            rows.append(pick)
    if len(rows) < 2:
        rows = _rows_of_kind(q, doc, top) or rows
    if len(rows) < 2 or len({h.row.cell("指标值").unit for h in rows}) != 1:
        return None
    unit = rows[0].row.cell("指标值").unit
    values = [h.row.cell("指标值").value for h in rows]
    names = [f"{h.row.label}（{h.row.cell('指标值').raw}）" for h in rows]
    if W.MULTIPLE.search(q):
        r = arith.multiple(values[0], values[1])
        text, unit = f"{names[0]}是{names[1]}的 {arith.fmt(r.value)} 倍", "倍"
    elif W.DIFF.search(q):
        r = arith.difference(values[0], values[1])
        text = f"{names[0]}与{names[1]}相差 {arith.fmt(r.value)} {unit}"
    else:
        r = arith.total(values)
        text = f"{'、'.join(names)}合计 {arith.fmt(r.value)} {unit}"
    cites = [cite(doc, h) for h in rows]
    return Answer(question, ANSWERED, f"{text}。计算：{r.formula}（{rows[0].table.project}绩效目标表）",
                  r.value, unit, r.formula, cites)

def _rows_of_kind(q: str, doc: ParsedDocument, top):
    """"三项成本指标合计", "三个年限段的人数合计": the project's rows of that kind, in the unit asked for."""
    if "成本指标" in q or "成本控制数" in q:
        keep = [r for r in top.table.rows if r.indicator and r.indicator[1] == "成本指标"]
    else:
        word = next((w for w in ("人数", "次数", "费用", "标准") if w in q), None)
        keep = [r for r in top.table.rows if word and word in r.label]
    keep = [r for r in keep if r.cell("指标值").value is not None]
    units = [r.cell("指标值").unit for r in keep]
    want = max(set(units), key=units.count) if units else None
    if "人" in q and "人" in units:
        want = "人"
    keep = [r for r in keep if r.cell("指标值").unit == want]
    return [type(top)(doc, top.table, r, 0) for r in keep] if len(keep) >= 2 else []

def cite(doc, h) -> Citation:
    return Citation(doc.document.label, doc.document.doc_id, h.table.title, h.row.label, "指标值",
                    h.table.page, h.row.cell("指标值").raw, section=h.table.section,
                    table_ordinal=h.table.ordinal, row_ordinal=h.row.ordinal)

# --- last year's figures from the narrative --------------------------------------------------------
