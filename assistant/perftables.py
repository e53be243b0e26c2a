"""Answers from a document's performance forms (read by assistant/perfforms.py): one target's value (or its
actual value, its score), a form's funds, execution rate and total score, and counts and lists of targets and
projects — every value the cell as stored, cited to its table, row, column and page.

The sample's text form (ingest/perf.py: columns 指标值/绩效指标描述) is answered by assistant/targets.py.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import Cell, ParsedDocument, Row, Table

from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .perfforms import Form, Target, Value, _leaf, forms
from .perfstated import CUE as STATED_CUE, stated
from .vocab import common_run

_STOP = re.compile(r"多少|是什么|什么|绩效|目标值|目标|指标值|指标|年度|今年|要求|预算里|预算中|预算|决算|项目的|"
                   r"实际完成|实际|完成|达到|要|的|是|吗|呢|？|\?|，|。|\d{4}年|几个|几|个")
# 「实际完成了多少」 asks the actual; 「要完成多少个」「计划完成多少」 ask what is to be done: the target.
_ACTUAL = re.compile(r"实际|完成了|(?<![要需应须划拟将])完成多少|完成值|完成情况")
_SCORE = re.compile(r"得分|评分|打分|总分|多少分(?!钟)|几分(?!钟)")  # 「自评总分是多少」: the form's 总分 row
_RATE = re.compile(r"执行率")
_FUNDS_Q = re.compile(r"执行数|执行了多少|预算数|资金总额|项目资金|安排了?多少|多少钱|多少资金|资金是多少|金额|上年结转|其他资金")
# A funds row a form prints under its 年度资金总额 (其中：财政拨款 | 上年结转 | 其他资金), asked by its words.
_FUNDS_PART = re.compile(r"上年结转|其他资金|财政拨款")
# A quantity counted in a measure word no table line is counted in (册, 台, 头 …): an indicator's, when one is named.
_QUANTITY = re.compile(r"(多少|几)万?(册|台|套|头|吨|本|份|期|场|篇|件|株|亩|公斤|户|棵)")
# A count of the form's indicators (「有几个指标」), not one indicator's count (「维护量目标是多少台套」).
_COUNTS_TARGETS = re.compile(r"(多少|几)(个|项|条)[\u4e00-\u9fff]{0,6}(指标|目标)|(多少|几)(个|项|条)[？?]?$")
# 「不少于多少个」: a bound asks an indicator's target (≥194 个), never how many projects the forms list.
_BOUND = re.compile(r"不少于|不低于|不小于|至少|不超过|不高于|不多于|不大于")
_CUES = re.compile(r"绩效|目标|指标|自评|得分|评分|实际完成|执行率|执行数|项目")


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[\s\d.%≥≤<>“”\"（）()、，。：:；;《》\-—/]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _unit_fit(q: str, v: Value | None) -> float:
    if v is None:
        return -3.0
    unit = v.unit or ""
    m = re.search(r"多少(万吨|万人次|万标箱|平方米|分钟|小时|人次|万元|亿元|[\u4e00-\u9fff%])", q)
    if m:
        want = m.group(1)
        if unit and (unit == want or unit.endswith(want) or want in unit):
            return 4.0
        if want == "个" and not unit and v.number is not None:
            return 0.0
        return -2.0 if unit else -1.0
    if re.search(r"率|满意度|比例|占比", q) and unit == "%":
        return 2.0
    return 0.0 if v.number is not None else -1.0


def _cjk(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff]", "", re.sub(r"\d{4}年?度?", "", text))


def named_run(q: str, project: str, least: int = 4) -> str:
    """The longest run of a project's name (Chinese characters, years aside) that the question says; '' under
    ``least`` — the words to take out of a question to read what else it asks (perfcompare, perfscores)."""
    name = _cjk(project)
    for n in range(len(name), least - 1, -1):
        for i in range(len(name) - n + 1):
            if name[i:i + n] in q:
                return name[i:i + n]
    return ""


def _project_fit(q: str, project: str) -> int:
    """How much of a project's name the question says: the longest run of characters they share (years,
    digits and brackets aside); under 3 is none."""
    if not project:
        return 0
    # 「2026年部门预算一共公开了几张表」: the document's own name is no project's words (部门预算编制管理服务)
    q = _DOCUMENT.sub("|", q)
    # 「…补贴资金项目」 and 「…外调血资金项目」 share only words every project's name may hold: no fit
    n = common_run(_GENERIC_PROJECT.sub("|", _cjk(q)), _GENERIC_PROJECT.sub("|", _cjk(project)))
    return n if n >= 3 else 0


_GENERIC_PROJECT = re.compile(r"项目|资金|经费")
_DOCUMENT = re.compile(r"(?:19|20)\d{2}年度?部门[预决]算(?!编制)")


_NAMES_PROJECT = re.compile(r"([\u4e00-\u9fff（）]{4,})项目")


def _unknown_project(q: str, fs: list[Form]) -> bool:
    """The question names a project ("全国信访信息系统维护费项目") that no form of the document is about."""
    m = _NAMES_PROJECT.search(q)
    if not m or _counted_by_indicator(q, fs):
        return False
    x = m.group(1)
    names = {f.project for f in fs} | {t.project for f in fs for t in f.targets}
    return not any(_project_fit(x, p) >= min(4, len(_cjk(x))) for p in names if p)


def _counted_by_indicator(q: str, fs: list[Form]) -> bool:
    """「事前绩效评估项目」 (four or more words before 项目) an indicator counts (事前绩效评估项目数量): the projects
    its target counts, no project of a form and no count of the forms."""
    x = m.group(1) if (m := _NAMES_PROJECT.search(q)) else ""
    return any(x[k:] + "项目" in t.name for f in fs for t in f.targets for k in range(len(x) - 3))


def named_forms(q: str, fs: list[Form]) -> list[Form]:
    """The forms whose project the question names: the longest run it shares with a form's project (≥ 4
    characters). Of forms named by equally long runs, those whose whole name is said: 「西安急救中心“急救车辆更新”
    项目」 names 急救车辆更新 whole and only its 实施单位's words of 西安急救中心疫情防控经费."""
    fits = sorted(((_project_fit(q, f.project), f) for f in fs), key=lambda x: -x[0])
    best_fit = fits[0][0] if fits else 0
    if best_fit < 4:
        return []
    named = [f for n, f in fits if n == best_fit]
    said = [best_fit / max(len(_cjk(f.project)), 1) for f in named]
    return [f for f, part in zip(named, said) if part == max(said)]


def _names_target(q: str, named: list[Form]) -> bool:
    """The question names one of the forms' indicators (「研究成果数目标是多少个」): its value is asked, not a count."""
    rest = q
    for f in named:
        n = common_run(rest, f.project)
        rest = next((rest.replace(f.project[k:k + n], "|") for k in range(len(f.project) - n + 1)
                     if n >= 3 and f.project[k:k + n] in rest), rest)
    qb = _bigrams(_STOP.sub("", rest))
    return any(len(qb & _bigrams(t.name)) >= 3 for f in named for t in f.targets)


def _cite_value(t: Target, v: Value, what: str) -> Citation:
    d = t.doc.document
    col = v.column or what
    return Citation(d.label, d.doc_id, t.table.title, t.name, col, t.row.page or t.table.page, v.raw,
                    table_ordinal=t.table.ordinal, row_ordinal=t.row.ordinal, kind=t.table.kind, unit=v.unit)


def _cite_cell(doc: ParsedDocument, table: Table, row: Row, cell: Cell) -> Citation:
    d = doc.document
    return Citation(d.label, d.doc_id, table.title, row.label, cell.column, row.page or table.page, cell.raw,
                    table_ordinal=table.ordinal, row_ordinal=row.ordinal, kind=table.kind, unit=cell.unit)


def answer(question: str, q: str, doc: ParsedDocument, index=None) -> Answer | None:
    """An answer from the document's performance forms, or None when the question is not about them.
    ``index`` (assistant/formindex.py): the forms' names, to leave them unread for a question naming none."""
    if any(t.kind == model.PERFORMANCE and any(c.path == "绩效指标描述" for c in t.columns) for t in doc.tables):
        return None  # the text form's targets: assistant/targets.py
    if index is not None and index.content and not _CUES.search(q.replace("项目支出", "")) and "整体" not in q:
        # No cue (项目支出 is a table's figure, no word about forms), and no project named — the department's
        # own name, which its projects' names often begin with, names none of them.
        rest = q.replace(doc.document.department, "|")
        if all(_project_fit(rest, p) < 4 for p in (*index.projects, *index.target_projects)) and \
                not _QUANTITY.search(q):
            return None
    fs = forms(doc)
    from . import perftasks  # a 部门整体支出 form's 年度主要任务 and their amounts (assistant/perftasks.py)
    if (ans := perftasks.answer(question, q, doc, fs)) is not None:
        return ans
    stated_cue = bool(STATED_CUE.search(q))
    named = named_forms(q, fs)
    if "整体" in q and not named:
        named = [f for f in fs if f.project == "部门整体支出"]
    if named and re.search(r"目标(是什么|有哪些|是啥|包括什么|主要是)|目标$", q) and not W.NUMERIC.search(q):
        goal = next((f for f in named if f.goal), None)
        if goal is not None:
            return _goal(question, doc, goal)
    if not any(f.targets or f.funds or f.total for f in fs):
        # no indicator rows: a form of projects and their goals in words (表11 项目支出绩效表), or none
        return stated(question, q, doc, fs, named, stated_cue)
    cue = bool(_CUES.search(q))
    # multi-project forms: a project named in a Target's project
    t_named: list[Target] = []
    if not named:
        pf = {}
        for f in fs:
            for t in f.targets:
                if t.project != f.project:
                    pf[t.project] = max(pf.get(t.project, 0), _project_fit(q, t.project))
        if pf:
            top = max(pf.values())
            if top >= 4:
                t_named = [t for f in fs for t in f.targets if pf.get(t.project) == top]
    # No word about the forms and no project named: only an indicator the question names outright, counted in
    # the very measure word it asks (「《人民信访》要发行多少册」 — 《人民信访》发行量 720000册).
    loose = not cue and not named and not t_named
    if loose and not _QUANTITY.search(q):
        return None
    listing = bool(W.LIST.search(q))
    counting = bool(W.COUNT.search(q)) and not listing
    if (listing or counting) and "项目" in q and re.search(r"绩效|自评|目标", q) and not named and not t_named and \
            not _BOUND.search(q) and not _counted_by_indicator(q, fs):
        return _list_projects(question, q, doc, fs, listing)
    if not named and not t_named and _unknown_project(q, fs):
        return stated(question, q, doc, [], [], True) if stated_cue else None  # the text may speak of it
    rest = q
    for f in named:
        n = common_run(q, f.project)
        rest = next((rest.replace(f.project[k:k + n], "|") for k in range(len(f.project) - n + 1)
                     if f.project[k:k + n] in rest), rest)
    pool_forms = named or fs
    if named and _RATE.search(q):
        ans = _funds(question, q, doc, named, rate=True)
        if ans is not None:
            return ans
    if named and _SCORE.search(q) and not re.search(r"指标|满意度|率", rest):
        ans = _total(question, doc, named)
        if ans is not None:
            return ans
    if (listing or counting and _COUNTS_TARGETS.search(q) and not _names_target(q, named)) and named and \
            re.search(r"指标|目标", q):
        return _list_targets(question, q, doc, named, listing)
    pool = t_named or [t for f in pool_forms for t in f.targets]
    for p in dict.fromkeys(t.project for t in t_named):
        n = common_run(rest, p)
        rest = next((rest.replace(p[k:k + n], "|") for k in range(len(p) - n + 1) if p[k:k + n] in rest), rest)
    qb = _bigrams(_STOP.sub("", rest))
    # 「培训了多少人」 asks the indicator 培训人数: a count asked in its measure word names that word's 数
    qb |= {m.group(1) + "数" for m in re.finditer(r"(?:多少|几)(人|次|家|台|辆|篇|场|期|件|户|所)(?!次)", q)}
    want_actual = bool(_ACTUAL.search(q)) and not re.search(r"完成率|完成及时率", rest.replace("实际完成", ""))
    want_score = bool(_SCORE.search(q))
    scored = []
    for t in pool:
        nb = _bigrams(t.name)
        hits = len(qb & nb)
        v = t.actual if want_actual else (t.score if want_score else t.target)
        if v is None or hits < 2:
            continue
        fit = _unit_fit(q, v)
        if hits < 4 and hits < 0.4 * len(nb):
            continue  # a word or two shared with a long indicator name is no match
        s = 2 * hits + fit + 0.5 * len(qb & _bigrams(t.level2)) + (1 if t.project and t.project in q else 0)
        scored.append((s, hits, t, v))
    scored.sort(key=lambda x: -x[0])
    if loose:
        scored = [x for x in scored if x[1] >= 3 and _unit_fit(q, x[3]) >= 4]
        if not scored or len({x[3].shown() for x in scored if x[0] == scored[0][0]}) > 1:
            return None
    same = [x for x in scored if x[2].name == scored[0][2].name and x[0] == scored[0][0]] if scored else []
    if not named and not t_named and len({x[3].shown() for x in same}) > 1 and len({id(x[2].table) for x in same}) > 1:
        # One indicator in several forms with different values, no project named: each form's value, named.
        lines = [f"{x[2].project or x[2].table.title}（{x[2].table.title}）：{x[3].shown()}" for x in same]
        return Answer(question, AMBIGUOUS, f"“{same[0][2].name}”在 {len(same)} 张绩效表中指标值不同：" + "；".join(lines)
                      + "。请说明指哪个项目。", None, None, None, [_cite_value(x[2], x[3], "指标值") for x in same],
                      readings=lines)
    if len({x[3].shown() for x in same}) > 1 and len({x[2].level2 for x in same}) == len(same) and \
            scored[0][1] >= 2 and scored[0][0] >= 4:
        # One form printing an indicator of one name under two kinds (质量指标 ≥90%, 成本指标 196.6万), the kind
        # not said: both readings, each with its kind.
        lines = [f"{x[2].level2 or x[2].level1}“{x[2].name}”（{x[2].table.title}）：{x[3].shown()}" for x in same]
        return Answer(question, AMBIGUOUS, f"“{same[0][2].name}”在表中有 {len(same)} 个指标，指标值不同："
                      + "；".join(lines) + "。请说明指哪一类指标。", None, None, None,
                      [_cite_value(x[2], x[3], "指标值") for x in same], readings=lines)
    if scored and scored[0][1] >= 2 and scored[0][0] >= 4:
        s, _, t, v = scored[0]
        what = "实际完成值" if want_actual else ("得分" if want_score else "指标值")
        where = f"{t.table.title}，{t.level1 + '/' if t.level1 else ''}{t.level2 + '/' if t.level2 else ''}{t.name}行，第{t.row.page or t.table.page}页"
        shown = v.shown()
        extra = ""
        if want_actual and t.target is not None:
            extra = f"（年度指标值 {t.target.shown()}）"
        text = f"{t.project or t.table.title}的绩效指标“{t.name}”{what}为 {shown}{extra}（{where}）"
        cites = [_cite_value(t, v, what)]
        if extra:  # the target the text states beside the actual: cited too, where it is printed
            cites.append(_cite_value(t, t.target, "年度指标值"))
        return Answer(question, ANSWERED, text, v.number, v.unit if v.number is not None else None, None, cites)
    from .formstages import asks_between
    if named and (_FUNDS_Q.search(q) or asks_between(q)):
        from . import formcost  # the form's 成本指标 restating the project's money otherwise: both readings
        return formcost.readings(question, q, named[0], _funds(question, q, doc, named, rate=False))
    return stated(question, q, doc, fs, named, stated_cue)


def _funds(question, q, doc, named: list[Form], rate: bool) -> Answer | None:
    f = named[0]
    if not f.funds:
        return None
    row = f.funds[0]
    part = _FUNDS_PART.search(q) if not rate else None
    if part is not None:  # 「用了多少上年结转」: that row of the form's funds, not its total
        row = next((r for r in f.funds[1:] if part.group() in r.label), None)
        if row is None:
            return None
    cells = [c for c in row.cells if c.value is not None]
    from . import formstages  # 「年初预算比全年预算多了多少」: two stages of the funds row (assistant/formstages.py)
    if not rate and part is None and (between := formstages.between(question, q, doc, f, row, cells)) is not None:
        return between
    if rate:
        pick = next((c for c in cells if "执行率" in c.column or (c.unit == "%" and c.raw.endswith("%"))), None)
        what = "执行率"
    elif re.search(r"执行数|执行了", q):
        pick = next((c for c in cells if "执行数" in _leaf(c.column) or "执行数" in c.column), None)
        what = "全年执行数"
    elif re.search(r"年初", q):
        pick = next((c for c in cells if "年初" in c.column), None)
        what = "年初预算数"
    else:
        pick = next((c for c in cells if "全年预算" in c.column), None) or (cells[0] if cells else None)
        what = "资金总额" if part is None else ""
    if pick is None:
        return None
    unit = _money_unit(f, row, pick, rate)
    text = (f"{f.project or f.table.title}的{row.label.rstrip('：:')}{what}为 {pick.raw.strip()}"
            f"{'' if rate or pick.raw.strip().endswith(unit or '') else ' ' + (unit or '')}"
            f"（{f.table.title}，{row.label}行，{pick.column}列，第{row.page or f.table.page}页）")
    return Answer(question, ANSWERED, text, pick.value, unit, None, [_cite_cell(doc, f.table, row, pick)])


def _money_unit(f: Form, row, pick, rate: bool) -> str | None:
    """The unit a funds cell is in: its own, else the 万元 the form says around it, else the table's."""
    unit = "%" if pick.raw.strip().endswith("%") else ("万元" if rate is False else pick.unit)
    unit = pick.unit if pick.unit and pick.unit != "%" and not rate else unit
    if not rate and not pick.unit:
        unit = "万元" if "万元" in "".join(c.raw for c in row.cells) + f.table.title + "".join(
            c.path for c in f.table.columns) + "".join(r.label for r in f.funds) + _units_near(f) else (f.table.unit or "万元")
    return unit


def _goal(question, doc, f: Form) -> Answer:
    row, cell = f.goal_at
    d = doc.document
    cite = Citation(d.label, d.doc_id, f.table.title, row.label, cell.column if cell else None, row.page or f.table.page,
                    f.goal, table_ordinal=f.table.ordinal, row_ordinal=row.ordinal, kind=f.table.kind)
    text = f"{f.project or f.table.title}的{row.label if cell else '绩效目标'}：{f.goal}（{f.table.title}，第{row.page or f.table.page}页）"
    return Answer(question, ANSWERED, text, None, None, None, [cite])


def _units_near(f: Form) -> str:
    return " ".join(c.raw for r in f.table.rows[:6] for c in r.cells)


def _total(question, doc, named: list[Form]) -> Answer | None:
    f = named[0]
    if f.total is None:
        return None
    row, cell = f.total
    text = (f"{f.project or f.table.title}绩效自评{row.label}：{cell.raw}（{f.table.title}，{row.label}行，"
            f"第{row.page or f.table.page}页）")
    return Answer(question, ANSWERED, text, cell.value, "分", None, [_cite_cell(doc, f.table, row, cell)])


def _list_targets(question, q, doc, named: list[Form], listing: bool) -> Answer:
    f = named[0]
    ts = f.targets
    if re.search(r"(产出|效益|满意度|成本|数量|质量|时效)指标", q):
        kind = re.search(r"(产出|效益|满意度|成本|数量|质量|时效)指标", q).group()
        ts = [t for t in ts if kind in (t.level1, t.level2)] or ts
    items = [f"{t.name}（{t.target.raw if t.target else ''}）" for t in ts]
    cites = [_cite_value(t, t.target, "指标值") for t in ts if t.target is not None]
    text = f"{f.project or f.table.title}（{f.table.title}）共 {len(ts)} 个绩效指标：" + "；".join(items)
    if listing:
        return Answer(question, ANSWERED, text, None, None, None, cites)
    return Answer(question, ANSWERED, text, Decimal(len(ts)), "个", f"计数 {len(ts)}", cites)


def _list_projects(question, q, doc, fs: list[Form], listing: bool) -> Answer | None:
    if "自评" in q:
        fs = [f for f in fs if f.table.kind == model.SELF_EVALUATION] or fs
    elif re.search(r"目标", q):
        fs = [f for f in fs if f.table.kind != model.SELF_EVALUATION] or fs
    fs = [f for f in fs if f.table.kind != model.OVERALL_PERFORMANCE and not re.search(r"整体", f.table.title)]
    if re.search(r"项目(?:支出)?绩效", q):  # 「项目支出绩效目标表」 named: not the 专项转移支付 form beside them
        fs = [f for f in fs if "项目" in f.table.title] or fs
    names: list[str] = []
    cites = []
    for f in fs:
        projects = list(dict.fromkeys(t.project for t in f.targets if t.project)) or ([f.project] if f.project else [])
        if len(projects) <= 1 and f.project and f.project not in names and re.search(r"[\u4e00-\u9fff]", f.project) \
                and not re.search(r"^项目年度|^项目$", f.project):
            names.append(f.project)
            cites.append(Citation(doc.document.label, doc.document.doc_id, f.table.title, None, None, f.table.page,
                                  f.table.title, table_ordinal=f.table.ordinal, kind=f.table.kind))
        elif len(projects) > 1:
            for p in projects:
                if p not in names:
                    names.append(p)
            cites.append(Citation(doc.document.label, doc.document.doc_id, f.table.title, None, None, f.table.page,
                                  f.table.title, table_ordinal=f.table.ordinal, kind=f.table.kind))
    if not names:
        return None
    text = f"共 {len(names)} 个项目：" + "、".join(names)
    if listing:
        return Answer(question, ANSWERED, text, None, None, None, cites)
    if re.search(r"(?:几|多少)张", q):  # "几张绩效目标表": the forms, one per project's table
        return Answer(question, ANSWERED, f"共 {len(cites)} 张绩效目标表（{text}）", Decimal(len(cites)), "张",
                      f"计数 {len(cites)}", cites)
    return Answer(question, ANSWERED, text, Decimal(len(names)), "个", f"计数 {len(names)}", cites)
