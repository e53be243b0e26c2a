"""Questions about a set of rows: rank them, count them, list them (the rows of a table, a table's
units, the numbered items of a narrative section)."""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import ParsedDocument
from ingest.values import NUMBERED

from . import arith, targets
from . import wording as W
from .answer import ANSWERED, Answer, Chart, ChartBar, Citation
from .corpus import CellRef, plain_label, unit_of
from .rowsets import row_set
from .tables import Measure, candidates
from .vocab import common_run


def rank(eng, question, q, doc, measures, hint) -> Answer | None:
    # every line the question names, in its order: 「财政拨款基本支出的商品和服务支出里」 ranks under the
    # economic class, the funding source before it only says where (assistant/rowsets.py)
    parents = [m for m in measures if m.rows and not m.dual]
    column = next((m.column for m in measures if m.column), None)
    rs = row_set(doc, q, parents, column, hint)
    if rs is None:
        return None
    items = [(r, rs.cell(r)) for r in rs.rows if rs.cell(r) and rs.cell(r).value]
    from . import excluding  # 「除了工资福利支出，哪类最多」: the lines set aside are no part of the ranking
    items, aside = excluding.split(q, items, lambda x: x[0].label)
    aside = [CellRef(doc.document, rs.table, r, c) for r, c in aside]
    if not items:
        return None
    want_less = bool(re.search(r"最(少|低|小)", q))
    items.sort(key=lambda x: x[1].value, reverse=not want_less)
    from . import topn  # 「金额最大的前三项」: the first few in order, each with its figure (assistant/topn.py)
    top_n = topn.asked(q)
    nth = re.search(r"第([二三四五])", q)
    k = "一二三四五".index(nth.group(1)) if nth and not top_n else 0
    if k >= len(items):
        return None
    row, cell = items[k]
    ref = CellRef(doc.document, rs.table, row, cell)
    from .figures import amount  # 「最大的有多少万元」 of a table in 元: converted exactly, the formula shown
    value, unit, shown, converted = amount(ref, q)
    ranking = "；".join(f"{i + 1}. {plain_label(r.label)} {arith.with_unit(c.value, unit_of(ref))}" for i, (r, c) in enumerate(items))
    calc = (" < " if want_less else " > ").join(arith.fmt(c.value) for _, c in items)
    calc = f"{calc}；{converted}" if converted else calc
    if top_n:
        refs = [CellRef(doc.document, rs.table, r, c) for r, c in items]
        entries = [f"{c.name()} {shown if i == 0 else arith.with_unit(c.value, unit_of(c))}（{c.where()}）"
                   for i, c in enumerate(refs)]
        text = topn.said(rs.description, top_n, want_less, entries, ranking) + excluding.note(aside)
    else:
        place = f"第{k + 1}" if k else ("最少" if want_less else "最多")
        text = f"{rs.description}中{place}的是{ref.name()}：{shown}（{ref.where()}）" \
            f"{excluding.note(aside)}。排序：{ranking}"
    chart = Chart(f"{rs.description}（{rs.column}）", unit_of(ref),
                  tuple(ChartBar(plain_label(r.label), c.value) for r, c in items))
    cites = [ref.citation()] + [CellRef(doc.document, rs.table, r, c).citation() for r, c in items if r is not row] + \
        [c.citation() for c in aside]
    return Answer(question, ANSWERED, text, value, unit, calc, cites, chart=chart)

def count_or_list(eng, question, q, doc, measures, hint) -> Answer | None:
    listing = bool(W.LIST.search(q))
    # Items of a fixed-asset row are counted in its 数量 column ("几辆车").
    if not listing and measures and measures[0].rows:
        for ref in candidates(doc, Measure(measures[0].rows, "数量", measures[0].text, 0), hint):
            if not ref.cell.blank:
                unit = ref.cell.unit or "个"
                unit = unit.split("、")[-1]
                text = f"{ref.name()}的数量：{arith.fmt(ref.value)} {unit}（{ref.where()}）"
                return Answer(question, ANSWERED, text, ref.value, unit, None, [ref.citation()])
    from . import tablelines  # no forms to count: the 项目支出表's project lines (assistant/tablelines.py)
    if not listing and (ans := tablelines.projects_listed(question, q, doc, measures)) is not None:
        return ans
    if (re.search(r"绩效", q) or ("项目" in q and not any(m.rows for m in measures))) and \
            (listing or "表" in q or "项目" in q):
        ans = targets.project_list(question, q, doc, listing)
        if ans is not None:
            return ans
    if hint == model.INSTITUTIONS or re.search(r"单位|机构", q):
        orgs = next((t for t in doc.tables if t.kind == model.INSTITUTIONS), None)
        if orgs is not None and orgs.rows:
            names = [r.label for r in orgs.rows]
            cites = [Citation(doc.document.label, doc.document.doc_id, orgs.title, r.label, "单位名称", orgs.page,
                              r.label, table_ordinal=orgs.ordinal, row_ordinal=r.ordinal) for r in orgs.rows]
            text = f"共 {len(names)} 个单位：" + "、".join(names) + f"（{orgs.title}）"
            return Answer(question, ANSWERED, text, None if listing else Decimal(len(names)),
                          None if listing else "个", None if listing else f"计数 {len(names)}", cites)
    parents = [m for m in measures if m.rows and not m.dual]
    parent = parents[0] if parents else None
    column = next((m.column for m in measures if m.column), None)
    rs = row_set(doc, q, parents, column, hint)
    if rs is None:
        return None
    if not listing and hint is None and rs.description.startswith(("功能分类", "经济分类")) and \
            tablelines.counts_projects(q) and not re.search(r"科目|类|款|分类|功能|经济", q):
        # 「一共有多少个项目」 where no table lists projects one by one: the 类级科目 are no projects
        return eng.not_found(question, f"{doc.document.label}没有逐项列出项目名称的表（项目支出明细表、绩效目标表），"
                                       "无法数出项目个数")
    if listing and hint is None and rs.description.startswith(("功能分类", "经济分类")) and \
            (asked := listed_noun(q)) and not re.search(r"科目|类|款|项|支出|收入|分类|功能|经济|资金|经费|钱", asked):
        # 「委托给哪几家会计师事务所」: the tables' default rows (类级科目) are not the 会计师事务所 asked for
        return eng.not_found(question, f"{doc.document.label}没有列出所问的“{asked}”")
    rows = rs.rows
    if re.search(r"有预算|有金额|有.{0,4}结转|有钱|安排了", q) or listing and not parent:
        rows = [r for r in rows if r.cell(rs.column) and r.cell(rs.column).value]
    from . import excluding  # 「除了X，还有哪些」: the lines set aside are neither listed nor counted
    rows, aside = excluding.split(q, rows, lambda r: r.label)
    if not rows:
        return None
    refs = [CellRef(doc.document, rs.table, r, r.cell(rs.column)) for r in rows]
    gone = [CellRef(doc.document, rs.table, r, r.cell(rs.column)) for r in aside]
    gone = [c for c in gone if c.cell is not None and c.value is not None]
    said = excluding.note(gone)
    listed = "、".join(f"{c.name()}（{arith.with_unit(c.value, unit_of(c))}）" for c in refs)
    if gone and not listing and excluding.rest_summed(q):
        # 「除了X以外，其他几类加起来是多少」: the kept lines summed, not counted (assistant/excluding.py)
        if (ans := excluding.summed(question, rs.table.title, rs.description, refs, gone)) is not None:
            return ans
    if listing:
        return Answer(question, ANSWERED, f"{rs.description}（{rs.table.title}）共 {len(refs)} 项{said}：{listed}",
                      None, None, None, [c.citation() for c in refs + gone])
    # 「几个项级科目」: a 项 counted by its level's name is said in 项 (「几个项」 counts 项 in 个)
    unit = "项" if re.search(r"几项|多少项|几类|多少类|(?:几|多少)个?项级", q) else "个"
    return Answer(question, ANSWERED, f"{rs.description}共 {len(refs)} {unit}{said}：{listed}（{rs.table.title}）",
                  Decimal(len(refs)), unit, f"计数 {len(refs)}", [c.citation() for c in refs + gone])

# 「哪几家会计师事务所」「哪些单位」「供应商有哪些」: what a list question asks to be named.
_WHICH_NOUN = re.compile(r"(?:哪几|哪些)(?:家|个|项|类|种|所|位|条)?([\u4e00-\u9fff]{2,12}?)(?:的|是|呢|吗|[？?，,。]|$)")


def listed_noun(q: str) -> str:
    """The noun a list question asks to be named (「委托给哪几家会计师事务所的」 → 会计师事务所); "" where none follows."""
    m = _WHICH_NOUN.search(q)
    return m.group(1) if m else ""


def count_items(eng, question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """"部门职责列了几项": the numbered items of the section the question names, counted."""
    best, best_len = None, 3
    for section in dict.fromkeys(p.section for p in doc.passages):
        heading = NUMBERED.sub("", section.split(" / ")[-1]).replace(doc.document.department, "")
        # Words every heading of a disclosure shares ("2025年部门预算编制说明") name no section.
        heading = re.sub(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|编制说明", "", heading)
        n = common_run(q, heading)
        if n > best_len:
            best, best_len = section, n
    if best is None:
        return None
    items = [p for p in doc.passages if p.section == best and NUMBERED.match(p.text)]
    if len(items) < 2:
        return None
    if any(common_run(q, NUMBERED.sub("", p.text).strip("。：: ")) >= best_len for p in items if len(p.text) <= 12):
        return None  # "（二）内设机构。" heads what is counted (「设24个内设机构」): its text counts, not the headings
    unit = "项" if re.search(r"几项|几条|多少项|多少条", q) else "个"
    listed = "；".join(p.text[:40] + ("…" if len(p.text) > 40 else "") for p in items)
    cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)
             for p in items]
    text = f"“{best}”一节共列出 {len(items)} {unit}：{listed}"
    return Answer(question, ANSWERED, text, Decimal(len(items)), unit, f"计数 {len(items)}", cites)
