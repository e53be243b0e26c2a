"""The narrative against the tables: every "label 123.45 万元" the text states, matched with the table cell
that holds it. The narrative may be in another unit than the tables (万元 text, 元 tables): the figure is
converted exactly and compared at the coarser precision (core.judge)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest import model
from ingest.model import Passage, Table
from ingest.narrative import Figure, figures_in

from .core import NARRATIVE, UNCHECKED, Check, Term, code_of, judge, norm
from .doc import Doc, decimals, is_total_row
from . import subjects
from .headers import SPLIT_MEANINGS

_LEADING = [re.compile(p) for p in (
    r"^\d{4}\s*年?度?", r"^(本|当|全)年度?", r"^年度", r"^(我|本)(部门|单位|局|委|办|院|部|中心)",
    r"^[（(]含[^）)]*[）)]", r"^(其中|包括|主要用于|主要为|用于|以及|及|和|与|另|共计|共|安排|日常)")]
# A figure whose label names a funding source scopes the clauses after it to that source's table:
# "政府性基金预算财政拨款年初结转和结余 X 万元，……，年末结转和结余 0 万元".
_SOURCE_SCOPE = (("政府性基金", model.GOV_FUND), ("国有资本经营", model.STATE_CAPITAL), ("一般公共预算", model.GPB_EXPENDITURE))
_SOURCE_PREFIX = re.compile(r"^(一般公共预算|政府性基金(预算)?|国有资本经营(预算)?)(财政)?(拨款)?")
# "国有资本经营预算拨款支出预算", "政府性基金拨款支出": that source's table total
_SOURCE_TOTAL = re.compile(r"^(一般公共预算|政府性基金(预算)?|国有资本经营(预算)?)(财政)?(拨款)?支出(预算)?$")
_SOURCE_KINDS = frozenset(k for _, k in _SOURCE_SCOPE) | {model.GPB_BASIC}
_TRAILING = ("共计安排", "预算安排", "安排", "共计", "总额为", "金额为", "为", "是", "达", "计", "总额", "金额", "预算数",
             "预算")
# Words that name a measure or a period, not a line: a narrative "预算数 X 万元" names no row.
_GENERIC = frozenset({"预算数", "决算数", "执行数", "合计", "总计", "小计", "金额", "预算", "决算", "年初预算数",
                      "全年预算数", "调整预算数"})
# Narrative wording → the cells that hold it, in order of preference (a figure passes when it equals any:
# "预算收入" means 收入总计 in some disclosures and 本年收入合计 in others). Row "合计" = the total row;
# column None = the row's overall column, else the column measuring that (templates' [[meaning]]).
_SYNONYMS: dict[str, list[tuple[str, str, str | None]]] = {}


def _synonyms(labels: tuple[str, ...], *targets: tuple[str, str, str | None]) -> None:
    for label in labels:
        _SYNONYMS[norm(label)] = list(targets)


_synonyms(("预算收入", "收入预算", "部门预算收入", "收入总计", "预算总收入"),
          (model.SUMMARY, "收入总计", None), (model.SUMMARY, "本年收入合计", None), (model.INCOME, "合计", None))
_synonyms(("预算收支", "收支预算", "预算收支总额"), (model.SUMMARY, "收入总计", None), (model.SUMMARY, "支出总计", None))
_synonyms(("支出预算", "预算支出", "部门预算支出", "支出总计"),
          (model.SUMMARY, "本年支出合计", None), (model.SUMMARY, "支出总计", None), (model.EXPENDITURE, "合计", None))
_synonyms(("一般公共预算收入", "一般公共预算拨款收入", "一般公共预算拨款"),
          (model.SUMMARY, "一般公共预算拨款收入", None), (model.FISCAL_SUMMARY, "一般公共预算拨款", None))
_synonyms(("基金预算收入", "政府性基金收入", "政府性基金预算收入", "政府性基金预算拨款收入"),
          (model.SUMMARY, "政府性基金预算拨款收入", None), (model.FISCAL_SUMMARY, "政府性基金预算拨款", None))
_synonyms(("国有资本经营收入", "国有资本经营预算收入", "国有资本经营预算拨款收入"),
          (model.SUMMARY, "国有资本经营预算拨款收入", None), (model.FISCAL_SUMMARY, "国有资本经营预算拨款", None))
_synonyms(("财政专户核拨收入", "财政专户收入", "财政专户管理资金收入"), (model.SUMMARY, "财政专户管理资金收入", None))
_synonyms(("一般公共预算财政拨款支出", "一般公共预算支出", "一般公共预算拨款支出"), (model.GPB_EXPENDITURE, "合计", None))
_synonyms(("政府性基金预算财政拨款支出", "政府性基金预算支出", "政府性基金支出"), (model.GOV_FUND, "合计", None))
_synonyms(("国有资本经营预算财政拨款支出", "国有资本经营预算支出"), (model.STATE_CAPITAL, "合计", None))
_synonyms(("收入预算总计", "本年收入预算合计", "收入预算合计"),
          (model.SUMMARY, "收入总计", None), (model.SUMMARY, "本年收入合计", None), (model.INCOME, "合计", None))
_synonyms(("支出预算总计", "本年支出预算合计", "支出预算合计"),
          (model.SUMMARY, "支出总计", None), (model.SUMMARY, "本年支出合计", None), (model.EXPENDITURE, "合计", None))
_synonyms(("收支总预算", "收支总决算", "收入支出总计", "收支总计", "收入支出预算总计"),
          (model.SUMMARY, "收入总计", None), (model.SUMMARY, "支出总计", None))
_synonyms(("财政拨款收支总预算", "财政拨款收支总决算", "财政拨款收入支出总计", "财政拨款收支总计"),
          (model.FISCAL_SUMMARY, "收入总计", None), (model.FISCAL_SUMMARY, "支出总计", None))
_synonyms(("财政拨款收入", "财政拨款收入预算总计", "财政拨款预算收入", "财政拨款收入预算"),
          (model.FISCAL_SUMMARY, "本年收入合计", None), (model.FISCAL_SUMMARY, "收入总计", None))
_synonyms(("财政拨款支出", "财政拨款支出预算", "财政拨款预算支出", "财政拨款支出决算"),
          (model.FISCAL_SUMMARY, "本年支出合计", None), (model.FISCAL_SUMMARY, "支出总计", None))
_synonyms(("一般公共预算当年拨款", "一般公共预算当年拨款收入", "一般公共预算当年财政拨款", "一般公共预算收入预算"),
          (model.SUMMARY, "一般公共预算拨款收入", None), (model.FISCAL_SUMMARY, "一般公共预算拨款", None),
          (model.GPB_EXPENDITURE, "合计", None))
_synonyms(("三公经费", "财政拨款三公经费"), (model.THREE_PUBLIC, "合计", None))
_synonyms(("固定资产", "上年末固定资产", "固定资产总额", "资产总额"), (model.FIXED_ASSETS, "资产总额", "价值"))
_synonyms(("政府采购预算", "政府采购", "政府采购预算总额"), (model.PROCUREMENT, "合计", None))
# Partial matches: the narrative item is one part of a broader economic subject. 30213 维修（护）费 is
# defined to include 网络信息系统运行与维护费用, so a 网络运行维护费 can be at most that line.
_PARTS: dict[str, list[tuple]] = {
    norm(label): [(model.GPB_BASIC, "30213", None)] for label in ("网络运行维护费", "网络运行费", "网络信息系统运行维护费")}
# 机关运行经费: printed as such in a 机关运行经费表 or a column of the 三公 table; else, by its definition in
# these disclosures (名词解释: the 日常公用经费 of the 行政单位 and 参公事业单位 among the basic spending of
# the general budget), at most the 基本支出表's 公用经费 (equal where the department has no other units).
for _label in ("机关运行经费", "机关运行费"):
    _PARTS[norm(_label)] = [(model.OPERATING, "合计", None, "eq"), (model.THREE_PUBLIC, "合计", "机关运行经费", "eq"),
                            (model.GPB_BASIC, "合计", "公用经费")]
# Section headings → the tables their figures come from (the same words name cells in several tables:
# 公务用车运行维护费 is a 三公 item and an economic subject).
_SECTION_KINDS = (("机关运行", (model.GPB_BASIC,)), ("三公", (model.THREE_PUBLIC,)), ("资产", (model.FIXED_ASSETS,)),
                  ("采购", (model.PROCUREMENT,)))
_KIND_ORDER = (model.SUMMARY, model.EXPENDITURE, model.INCOME, model.FISCAL_SUMMARY, model.GPB_EXPENDITURE,
               model.GPB_BASIC, model.GOV_FUND, model.STATE_CAPITAL, model.THREE_PUBLIC, model.FIXED_ASSETS,
               model.PROCUREMENT)
# A figure that names one of these tables' totals scopes the clauses after it, up to the sentence end:
# "一般公共预算财政拨款支出 X 万元，其中基本支出 Y 万元" — Y is that table's 基本支出.
_SCOPING = (model.GPB_EXPENDITURE, model.GOV_FUND, model.STATE_CAPITAL)


@dataclass
class _Target:
    values: list[Term]  # one cell, or the rows one subject fills in several tables
    relation: str  # eq | within

    @property
    def value(self) -> Term:
        return self.values[0]


def narrative(doc: Doc):
    seen: Counter = Counter()
    stated: set = set()
    for passage in doc.parsed.passages:
        for check in _passage_checks(doc, passage):
            said = (check.description, check.found, check.passage)
            if said in stated:
                continue  # the same sentence printed twice (a page that repeats text): one statement
            stated.add(said)
            seen[check.id] += 1
            if seen[check.id] > 1:
                check.id += f"#{seen[check.id]}"
            yield check


def _passage_checks(doc: Doc, passage: Passage):
    scope: str | None = None
    for figure in figures_in(passage.text):
        if figure.new_sentence:
            scope = None
        check, target_kind = _figure_check(doc, passage, figure, scope)
        if target_kind in _SCOPING:
            scope = target_kind
        elif (named := next((k for w, k in _SOURCE_SCOPE if w in figure.label), None)) is not None:
            scope = named
        yield check


def _figure_check(doc: Doc, passage: Passage, f: Figure, scope: str | None):
    resolved = _resolve(doc, f.label, passage.section, scope)
    if not f.is_change and (resolved is None or subjects.names_subject(f.label)):
        resolved = _subject_target(doc, passage, f) or resolved
    label = resolved[0] if resolved else norm(f.label.replace(doc.document.department, ""))
    cid = f"narrative:{passage.ordinal}:{label or '（无标签）'}"
    figure = f"“{f.label} {f.number} {f.unit}”"

    def unchecked(why: str):
        return Check(cid, NARRATIVE, f"叙述数字{figure}：{why}", UNCHECKED, found=f.value, passage=f.sentence,
                     unit=f.unit, passage_page=passage.page), None

    if f.is_change:
        return unchecked("是增减变化或比较数，表中没有对应单元格")
    if resolved is None:
        return unchecked("表中找不到与该说法对应的单元格")
    _label, kind, targets = resolved
    usable = [t for t in targets if t.value.ref is not None]
    if not usable:
        return unchecked(f"{kind}中没有对应的行")
    stated = Term(f.value, None, True, f.unit, decimals(f.number))
    usable = [t for t in usable if all(v.value is not None for v in t.values)]
    if not usable:
        return unchecked("对应单元格不是数字")
    # the first target the figure agrees with (exactly or at the coarser precision), else the first: the
    # same subject may be printed in several tables (all funds, financial allocations, 一般公共预算)
    results = [(t, judge(cid, NARRATIVE, "", [v.ref for v in t.values], stated, t.values, t.relation))
               for t in usable]
    best, check = next(((t, c) for t, c in results if c.verdict == "pass"), results[0])
    where = best.value.ref
    relation_words = "不应超过" if best.relation == "within" else "应等于"
    plus = f"等 {len(best.values)} 行之和" if len(best.values) > 1 else ""
    check.description = f"叙述数字{figure}{relation_words}{where.table.title}“{where.row.label}”行“{where.column}”{plus}" + check.description
    check.passage, check.passage_page = f.sentence, passage.page
    return check, kind


def _subject_target(doc: Doc, passage: Passage, f: Figure):
    """A budget subject the text names by its class/款/项 path or code (subjects.py): its row in the
    functional tables — only the financial-allocation ones when the words say 财政拨款 or 一般公共预算."""
    subject = subjects.subject_of(f.label, passage.text[:f.start], passage.section, doc.year)
    if subject is None:
        return None
    path, code = subject
    words = f"{passage.section} {f.label} {f.sentence}"
    measure = subjects.measure_heading(passage.text[:f.start])
    tables = subjects.tables_for(doc, words, measure)
    if "财政拨款" in words or "一般公共预算" in words:
        tables = [t for t in tables if t.kind != model.EXPENDITURE] or tables
    hits = []
    for t in tables:
        row = subjects.resolve_row(t, path, code)
        col = None if row is None else (doc.column_for(t, measure, row) if measure else doc.main_column(t, row))
        if col is not None:
            hits.append((t, row, col))
    if not hits:
        return None
    t, row, _ = hits[0]
    return f"{code_of(row)}{norm(row.label)}", t.kind, [_Target([doc.term(t, r, col)], "eq") for t, r, col in hits]


def _label_variants(raw: str, department: str) -> list[str]:
    """The label with filler peeled off, least stripped first: "我部门机关运行经费共计安排" →
    …, "机关运行经费". Only known fillers go, so "拟购置固定资产" never becomes "固定资产"."""
    start = raw.replace(department, "").replace(" ", "")
    seen: list[str] = []
    queue = [start]
    while queue:
        t = queue.pop(0)
        if not t or t in seen:
            continue
        seen.append(t)
        for pat in _LEADING:
            if (m := pat.match(t)) and m.end() > 0:
                queue.append(t[m.end():])
        for suffix in _TRAILING:
            if t.endswith(suffix) and len(t) > len(suffix):
                queue.append(t[:-len(suffix)])
    return seen


def _resolve(doc: Doc, raw_label: str, section: str, scope: str | None):
    """The first label variant that names a cell: (that label, table kind, candidate targets). A label
    naming a funding source ("政府性基金预算财政拨款年初结转和结余") is looked up in that source's table
    only, with the source words taken off."""
    own = next((k for w, k in _SOURCE_SCOPE if w in raw_label), None)
    order = list(dict.fromkeys([*([own] if own else []), *([scope] if scope else []),
                                *(k for word, kinds in _SECTION_KINDS if word in section for k in kinds),
                                *_KIND_ORDER]))
    if own:
        order = [k for k in order if k not in _SOURCE_KINDS or k == own or (own == model.GPB_EXPENDITURE
                                                                           and k == model.GPB_BASIC)]
    for variant in _label_variants(raw_label, doc.document.department):
        key = norm(variant)
        if (m := _SOURCE_TOTAL.match(key)) is not None:
            kind = next(k for w, k in _SOURCE_SCOPE if w in m.group(1))
            hit = _target(doc, kind, "合计", None, "eq")
            if hit is not None:
                return key, kind, [hit[1]]
        for table, relation in ((_SYNONYMS, "eq"), (_PARTS, "within")):
            if key in table:
                hits = [h for h in (_target(doc, *t[:3], relation=(t[3] if len(t) > 3 else relation))
                                    for t in table[key]) if h is not None and (own is None or h[0] in order)]
                if hits:
                    return key, hits[0][0], [h[1] for h in hits]
        keys = [key] + ([stripped] if own and (stripped := _SOURCE_PREFIX.sub("", key)) != key else [])
        for k in keys:
            if not k or k in _GENERIC or re.fullmatch(r"\d{4}年?度?", k):
                continue  # a measure or a year names no line ("2026 年预算数 115.00 万元" under a heading)
            hits = [(kind, hit) for kind in order if (hit := _by_label(doc, kind, k)) is not None]
            if hits:
                return k, hits[0][0], [h for _, h in hits] + _across_gpb(doc, k)
    return None


def _across_gpb(doc: Doc, key: str) -> list[_Target]:
    """An economic subject the general budget spends on in both its basic and its project tables
    (广州: 表6 基本支出 and 表7 项目支出 by economic subject): the narrative may state their sum."""
    rows = [(t, r) for t in doc.of_kind(model.GPB_BASIC, model.GPB_EXPENDITURE) for r in t.rows
            if norm(r.label) == key and (code_of(r) or "").startswith("3")]
    if len({t.ordinal for t, _ in rows}) < 2:
        return []
    return [_Target([doc.term(t, r, doc.main_column(t, r)) for t, r in rows], "eq")]


def _table(doc: Doc, kind: str) -> Table | None:
    return doc.functional(kind) if kind in (model.EXPENDITURE, model.GPB_EXPENDITURE) else doc.first(kind)


def _column(doc: Doc, table: Table, row, spec: str | None) -> str | None:
    """None or "合计": the row's overall column; else the column measuring ``spec``, or named so."""
    if spec in (None, "合计"):
        return doc.main_column(table, row)
    present = [c.column for c in row.cells]
    return doc.column_for(table, spec, row) or next((p for p in present if spec in p.split("/")[-1]), None)


def _row(doc: Doc, table: Table, key: str):
    if key == "合计":
        return doc.total_row(table)
    if key.isdigit():
        return next((r for r in table.rows if code_of(r) == key), None)
    want = norm(key)
    row = next((r for r in table.rows if norm(r.label) == want), None)
    if row is None and want[:2] in ("收入", "支出"):  # a 决算 总表 prints "总计" on each side
        row = next((r for r in table.rows if (r.side or "").startswith(want[:2]) and norm(r.label) == want[2:]), None)
    return row


def _target(doc: Doc, kind: str, row_key: str, column: str | None, relation: str):
    table = _table(doc, kind)
    if table is None:
        return None
    if not table.rows:  # printed empty ("空表列示"): every amount in it is 0
        return kind, _Target([doc.empty_term(table)], relation)
    row = _row(doc, table, row_key)
    if row is None:
        return None
    col = _column(doc, table, row, column)
    if col is None or row.cell(col) is None:
        return None
    return kind, _Target([doc.term(table, row, col)], relation)


def _by_label(doc: Doc, kind: str, key: str) -> _Target | None:
    """A row of that kind's table with this label (its overall column), or a column of its total row
    with this name ("基本支出", "人员经费")."""
    table = _table(doc, kind)
    if table is None or not key:
        return None
    row = next((r for r in table.rows if norm(r.label) == key and not is_total_row(r)), None)
    if row is not None:
        col = doc.main_column(table, row)
        return _Target([doc.term(table, row, col)], "eq") if col else None
    total = doc.total_row(table)
    if total is not None:
        hdr = doc.header(table)
        cols = [c.column for c in total.cells if norm(c.column.split("/")[-1]) == key]
        # this year's column, not last year's or the change ("2020年/培训费", "增减变化情况/培训费")
        current = [p for p in cols if (hdr.meaning(p) or ("",))[0] == "" and not _is_change(p)]
        # or the column measuring it — only for the split measures a narrative states of the whole table
        # ("一般公共预算基本支出 X"); a bare "财政拨款" is as likely a project's funding as the department's
        col = (current or cols or [doc.column_for(table, key, total) if key in SPLIT_MEANINGS else None])[0]
        if col is not None:
            return _Target([doc.term(table, total, col)], "eq")
    return None


def _is_change(path: str) -> bool:
    return any(w in path for w in ("增减", "变化", "比上年"))
