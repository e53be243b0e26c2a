"""The families that answer a question on one chosen document, in the order they are tried.

``Engine`` chooses the document (assistant/engine.py) and checks the answer afterwards (``Engine.checked``);
between the two, ``answer`` asks each family in turn — a reason the narrative gives, people counted, a unit's
rows, the performance forms, a change over last year, a ranking, the tables' lines — and the first that
answers wins. A new family is one line here, with a comment saying what it takes and why it stands where it does.
"""
from __future__ import annotations

import re

from ingest import model
from ingest.model import ParsedDocument

from . import arith, documents, sets, synonyms, tableanswer, targets, yearasked, yearly
from . import wording as W
from .answer import AMBIGUOUS, Answer
from .corpus import unit_of
from .perf import score_rows
from .scope import years_in
from .stated import as_of
from .stated import counts_things as stated_count
from .tables import Measure, measures_from
from .vocab import normalize


def answer(engine, question: str, q: str, doc: ParsedDocument, mentions) -> Answer:
    """The question answered from the one chosen document: each family in turn, the first that answers wins.
    The order is the design: narrower families (a reason, a count the narrative states, a unit's rows) come
    before the general table reading they would otherwise be mistaken for."""
    from . import operands  # 「A加上B一共多少钱」: the sum's wording, no third name (assistant/operands.py)
    mentions = operands.spoken_sum(q, mentions)
    from . import spoken  # a subject before 一共多少钱, a scope before the operands, a whole after its parts
    mentions = spoken.mentions(q, mentions, doc, engine.vocab_for(doc))
    from . import scopewords  # 「表5（…）中」「按X口径」「政府采购预算中」: where to read, no operand
    mentions = scopewords.mentions(q, mentions, doc)
    from . import partnames  # 「政府采购项目中，预留给中小企业的」「G里，X比Y多多少」: a part said after its whole
    mentions = partnames.mentions(q, mentions, doc)
    hint = next((m.table for m in mentions if m.table), None)
    measures = measures_from(q, mentions)
    from . import placed  # "基本支出里的培训费和项目支出里的培训费": one line read in each part named
    measures = placed.regroup(q, mentions, doc) or measures
    from .wholes import spent  # 「一共花了多少钱」 of a 决算: its 本年支出合计, not the 支出总计
    measures = spent(doc, q, measures, engine.vocab_for(doc))
    from .wholes import sourced  # 「财政拨款的年初结转和结余」: the line printed 年初财政拨款结转和结余
    measures = sourced(q, measures, engine.vocab_for(doc))
    numeric = bool(W.NUMERIC.search(q))
    from . import remainder  # 「除了X以外，剩下的Y还有多少」: Y's 合计 − X's line (assistant/remainder.py)
    if numeric and (ans := remainder.answer(question, q, doc)) is not None:
        return ans
    from . import rankchange  # 「哪一项比上年增长最快」: the items the narrative states changes of, ranked
    if (ans := rankchange.answer(engine, question, q, doc)) is not None:
        return ans
    from . import buyitems  # 「政府采购里X和Y一共多少」: every line of the items named (assistant/buyitems.py)
    if numeric and (ans := buyitems.answer(question, q, doc)) is not None:
        return ans
    from . import buyprojects  # 「政府采购里X这个专项一共多少」: a project's procurement lines (assistant/buyprojects.py)
    if numeric and (ans := buyprojects.answer(question, q, doc)) is not None:
        return ans
    from . import emptytable  # 「X表为什么是空的」: the note the table or the narrative prints (assistant/emptytable.py)
    if (ans := emptytable.answer(question, q, doc)) is not None:
        return ans
    from . import reasons  # 「X为啥比去年少了」: the narrative's reason, quoted (assistant/reasons.py)
    if (ans := reasons.answer(engine, question, q, doc)) is not None:
        return ans
    from . import meaning  # 「X是啥意思」「是个什么性质的机关」: the passage saying it, not X's figure (assistant/meaning.py)
    if (ans := meaning.answer(question, q, doc)) is not None:
        return ans
    from . import purpose  # 「X那28万元主要是干什么用的」: the passage explaining X's 用于 (assistant/purpose.py)
    if (ans := purpose.answer(question, q, doc, engine.vocab_for(doc))) is not None:
        return ans
    from . import everyday  # 「房租预算」: a word no line prints, its several printed readings (assistant/everyday.py)
    if (ans := everyday.answer(question, q, doc)) is not None:
        return ans
    from . import percapita  # 「按实有人员算，平均每个人的人员经费」: money ÷ the printed headcount, before staffing
    if (ans := percapita.answer(engine, question, q, doc)) is not None:
        return ans
    from . import staffing  # 编制 and 实有 people as the narrative states them (assistant/staffing.py)
    if (ans := staffing.answer(question, q, doc)) is not None:
        return ans
    from . import blockcount, withheld  # n projects of one unit summed; what is withheld or only counted
    if (ans := blockcount.answer(question, q, doc) or withheld.answer(question, q, doc)) is not None:
        return ans
    from . import pertable  # 「表6（…）和表7（…）里的委托业务费加起来」: one line read in each table named (assistant/pertable.py)
    if (ans := pertable.answer(question, q, doc, engine.vocab_for(doc))) is not None:
        return ans
    from . import titledsum  # 「X表的A、Y表的B，一共多少」: each line read in the table said with it (assistant/titledsum.py)
    if (ans := titledsum.answer(question, q, doc, engine.vocab_for(doc))) is not None:
        return ans
    from . import twotables  # 「A表里的X比B表里的X多多少」「…对得上吗」: one line read in two tables, compared
    if (ans := twotables.answer(question, q, doc, engine.vocab_for(doc))) is not None:
        return ans
    from . import otherpart  # 「年末结转和结余里，不属于财政拨款的那部分」: the whole less its source's part, two tables
    if (ans := otherpart.answer(question, q, doc, engine.vocab_for(doc))) is not None:
        return ans
    from . import groupwords  # 「管养维护项目中，几个收费站的…加起来」: a group's lines picked by a shared word (assistant/groupwords.py)
    if (ans := groupwords.answer(question, q, doc, mentions, engine.vocab_for(doc))) is not None:
        return ans
    from . import unitblocks  # a unit's own rows of a table printed unit by unit (assistant/unitblocks.py)
    if (ans := unitblocks.answer(question, q, doc)) is not None:
        return ans
    from . import unitforms  # the performance forms a unit carries out (实施单位), named or ranked (assistant/unitforms.py)
    if (ans := unitforms.answer(question, q, doc)) is not None:
        return ans
    from . import pervehicle  # 「平均一辆车养车花多少」: a vehicle fee ÷ the vehicles held (assistant/pervehicle.py)
    if (ans := pervehicle.answer(question, q, doc, measures, hint)) is not None:
        return ans
    from . import headedparts  # 「项目支出里哪一类最多」: the numbered items under a heading's whole (assistant/headedparts.py)
    if (ans := headedparts.answer(question, q, doc)) is not None:
        return ans
    from . import execrank  # 「哪一项决算完成年初预算的比例最低」: the narrative's items ranked (assistant/execrank.py)
    if W.RANK.search(q) and (ans := execrank.answer(question, q, doc, engine.corpus)) is not None:
        return ans
    from . import econclass  # 「基本支出里对个人和家庭的补助（303）」: a 类 by its 款 lines, ranked within, over 人员经费
    if (ans := econclass.answer(question, q, doc)) is not None:
        return ans
    if W.RANK.search(q) and not W.PERF_WORDS.search(q):  # 哪个项目金额最大: the 项目支出表, before the forms
        from . import groups, ranks  # a group's parts named 「G-X」 (assistant/groups.py) first
        from . import unitranks  # 「哪个单位的基本支出最少」: the department's units ranked (assistant/unitranks.py)
        ans = unitranks.answer(question, q, doc, mentions, hint) or groups.prefixed(question, q, doc) or \
            groups.by_column(question, q, doc) or ranks.projects(question, q, doc)
        if ans is not None:
            return ans
    from . import quantity  # a quantity asked (数量, 几场): a 数量 column, not money (assistant/quantity.py)
    if (ans := quantity.answer(question, q, doc)) is not None:
        return ans
    from . import groupparts  # a fund printed only as its 「G-X」 lines: listed, counted, summed (assistant/groupparts.py)
    if (ans := groupparts.answer(question, q, doc)) is not None:
        return ans
    from . import itemparts  # an item's parts: counted, one's share of it (assistant/itemparts.py)
    if (ans := itemparts.answer(question, q, doc, mentions)) is not None:
        return ans
    from . import perfscores  # a project's 自评 score the text states otherwise than its form: both readings
    if (ans := perfscores.answer(question, q, doc, engine.form_index(doc))) is not None:
        return ans
    from . import tablelines  # 「表5项目支出总表列了多少个项目」: a named table's item lines counted (assistant/tablelines.py)
    if (ans := tablelines.answer(question, q, doc, mentions)) is not None:
        return ans
    from . import narrated  # what one narrative sentence states: a whole and its parts (assistant/narrated.py)
    if (ans := narrated.answer(question, q, doc, measures)) is not None:
        return ans
    from . import unitlines  # 「除了本级，下属单位的项目支出加起来」: units' lines over their items (assistant/unitlines.py)
    if (ans := unitlines.answer(question, q, doc)) is not None:
        return ans
    from . import units  # a unit of the department named in a table listed by 单位名称 (assistant/units.py)
    ans = units.answer(question, q, doc, mentions, hint)
    if ans is not None:
        return ans
    from . import stagerows  # 「培训费预算数」 in a 决算 table of 预算数 | 决算数 rows (assistant/stagerows.py)
    if (ans := stagerows.answer(question, q, doc, mentions, hint)) is not None:
        return ans
    from . import kuan  # 「X这一款占一般公共预算支出的比例」: the 款 over its own table's 合计 (assistant/kuan.py)
    if W.SHARE.search(q) and (ans := kuan.share(question, q, doc, engine.corpus)) is not None:
        return ans
    from . import classshare  # 「一般公共预算当年拨款中，X占多大比例」: X and the whole both read in the 一般公共预算 table
    if W.SHARE.search(q) and (ans := classshare.answer(question, q, doc)) is not None:
        return ans
    from . import kuanexec  # 「X这一款决算比年初预算少多少」: its 项's stated 年初预算 summed (assistant/kuanexec.py)
    if (ans := kuanexec.answer(question, q, doc, engine.corpus)) is not None:
        return ans
    from . import subjectparts  # 「“行政事业单位养老支出”这一款」 printed only as its 项 lines: their sum (assistant/subjectparts.py)
    if (ans := subjectparts.answer(question, q, doc, engine.vocab_for(doc), engine.corpus)) is not None:
        return ans
    from . import classsum  # 「工资奖金津补贴」: a 政府经济科目 class, the sum of its rows (assistant/classsum.py)
    if (ans := classsum.answer(question, q, doc, engine.vocab_for(doc))) is not None:
        return ans
    from . import groupsums  # 「政府购买服务里，“公共服务”和“政府履职辅助性服务”哪个多」: groups printed beside lines, summed
    if (ans := groupsums.answer(question, q, doc)) is not None:
        return ans
    from . import partshare  # a 部门整体支出 form's task over the form's 金额合计 (assistant/partshare.py)
    if (ans := partshare.task_share(question, q, doc)) is not None:
        return ans
    from . import formfunds  # the published 绩效目标表 projects' funds together: sum, rank, ambiguous
    if (ans := formfunds.answer(question, q, doc)) is not None:
        return ans
    from . import perftables  # the PDF's performance forms: targets, actuals, scores (assistant/perftables.py)
    from .perfmask import perf_query  # table lines (30107 绩效工资 …) are no words about the forms
    from . import perfaverage  # 「自评的几个项目平均得分」: the stated average, else the forms' 总分 averaged
    if (ans := perfaverage.answer(question, q, doc)) is not None:
        return ans
    from . import projectcounts  # 「多少个一级项目做了绩效自评」: the count the narrative states, not the forms counted
    if (ans := projectcounts.answer(question, q, doc)) is not None:
        return ans
    from . import perfnamed  # 「报了绩效目标的项目有哪些」: the projects the narrative names (assistant/perfnamed.py)
    if (ans := perfnamed.answer(question, q, doc)) is not None:
        return ans
    index = engine.form_index(doc)
    from . import perfcompare  # 「A和B两个项目，哪个执行率高」: each project's figure, compared (assistant/perfcompare.py)
    from .formstages import asks_between, stages_said  # 「年初预算和全年执行数相差多少」: one project's two stages
    if not (asks_between(q) and stages_said(q) >= 2) and \
            (ans := perfcompare.answer(question, perf_query(q, mentions, index.projects), doc, index)) is not None:
        return ans
    ans = perftables.answer(question, perf_query(q, mentions, index.projects), doc, index)
    if ans is not None:
        return ans
    from . import goalfigures  # 「年度目标里要储备多少活体生猪」: a figure of a form's goal text, its unit printed
    if (ans := goalfigures.answer(question, q, doc)) is not None:
        return ans
    from . import named  # a project's 绩效目标 in a table of 重点项目 (assistant/named.py)
    ans = named.goal(question, q, doc)
    if ans is not None:
        return ans
    from . import lists  # list questions answered with every item's name (assistant/lists.py)
    ans = lists.answer(question, q, doc)
    if ans is not None:
        return ans
    from . import blocks  # a project's 实施主体/年度预算安排, a section asked by its heading (assistant/blocks.py)
    ans = blocks.answer(question, q, doc)
    if ans is not None:
        return ans
    # 「几辆公务用车」 counts vehicles, no money line: the narrative's count is read below (assistant/stated.py).
    unprinted = _unprinted(engine, q, doc, mentions) if numeric and not stated_count(q) else None
    if unprinted:  # "人员经费占基本支出…" where no table or sentence gives 人员经费: never answer without it
        return engine.not_found(question, f"{doc.document.label}没有单列“{unprinted}”这个数")
    from . import execution  # a 决算's 决算数 ÷ 预算数 (assistant/execution.py)
    ans = execution.answer(question, q, doc, measures, hint)
    if ans is not None:
        return ans
    from . import overview  # "这个部门的钱主要花在哪": the composition (assistant/overview.py)
    ans = overview.answer(question, q, doc, measures)
    if ans is not None:
        return ans
    from . import deductedpart  # 「执行数里，中央基建投资占了多少钱」: 执行数 − 扣除中央基建投资后执行数 (assistant/deductedpart.py)
    if numeric and (ans := deductedpart.answer(question, q, doc, measures)) is not None:
        return ans
    from . import relyears  # 「按2025年预算，2023年的X」: a year neither the document's nor the one before it
    if numeric and (other := relyears.other_year(as_of(q), doc, mentions)) is not None:
        return engine.not_found(question, f"{doc.document.label}只给出 {doc.document.year} 年的数（及文中与上年的比较），"
                                          f"没有 {other} 年的数")
    if W.CHANGE.search(q) or any(y == doc.document.year - 1 for y in years_in(as_of(q))) or yearasked.implicit(q):
        ans = yearly.change(engine, question, q, doc, measures, hint)
        if ans is not None:
            return ans
        unnamed = q
        for m in mentions:  # "上年结转", "去年没花完" name a line of this year's budget
            unnamed = unnamed.replace(m.text, "|")
        asked = set(years_in(q))
        if not W.CHANGE.search(unnamed.replace("上年末", "")) and doc.document.year - 1 in asked and \
                doc.document.year not in asked and len(engine.corpus.docs) > 1:
            y = doc.document.year - 1
            return engine.not_found(question, f"语料库没有{doc.document.department} {y} 年的文件，"
                                             f"{doc.document.label}也没有说明这一项 {y} 年的数")
        if re.search(r"为什么|为何|什么原因|原因", q):  # why it changed: the narrative's reason, quoted
            return engine._text(question, q, doc)
        if W.CHANGE.search(unnamed.replace("上年末", "")):
            # Last year's figures exist only where the narrative states a change: never guess one.
            stated = "、".join(dict.fromkeys(f.subject for f in engine._facts.get(doc.document.doc_id, [])))
            return engine.not_found(question, "文件没有说明这一项与上年相比的变化" +
                                   (f"（正文只说明了{stated}的增减）" if stated else ""))
    if hint == model.INSTITUTIONS and not W.COUNT.search(q) and not W.LIST.search(q):
        ans = tableanswer.institutions(question, q, doc)
        if ans is not None:
            return ans
    perf = score_rows(q, doc)
    perf_strong = bool(perf) and perf[0].score >= W.MIN_PERF_SCORE
    project = targets.named_project(q, doc)
    if project is not None and re.search(r"指标|目标", q) and not W.NUMERIC.search(q.replace("是什么", "")):
        return targets.project_overview(question, doc, project)
    if W.COUNT.search(q) and not measures and not hint:
        ans = sets.count_items(engine, question, q, doc)
        if ans is not None:
            return ans
    from . import counts  # tables published, a detail table's items, counts the narrative states
    ans = counts.answer(question, q, doc, measures, hint)
    if ans is not None:
        return ans
    if perf_strong and re.search(r"什么时候|何时|依据|多久|期限", q):
        return targets.answer_target(question, q, doc, perf)
    if W.TEXT.search(q) and not (numeric and (measures or perf_strong)):
        return engine._text(question, q, doc)
    listing_projects = W.LIST.search(q) and "项目" in q
    if project is not None and perf_strong and not listing_projects:
        # The question names a project of the 绩效目标表 ("村级组织办公经费…"): its targets, not a table line.
        return targets.answer(question, q, doc, perf)
    settable = measures or hint or re.search(r"类|款|项级|科目|明细|绩效|项目|渠道|来源|从哪", q)
    from . import excluding  # 「除了X之外，其余各项加起来」: the set less X, summed (assistant/excluding.py)
    from . import topn  # 「前三项是哪些」 asks a ranking's first few, not the set listed (assistant/topn.py)
    # 「A和B分别是多少」 names the figures it asks: each one read (tableanswer.table), not the 类 listed
    each = bool(W.EACH.search(q)) and len(measures) >= 2
    if settable and not topn.asked(q) and not each and \
            (W.LIST.search(q) or (W.COUNT.search(q) and not W.MULTIPLE.search(q)) or excluding.rest_summed(q)):
        ans = sets.count_or_list(engine, question, q, doc, measures, hint)
        if ans is not None:
            return ans
    if W.RANK.search(q) or W.COMPARE.search(q):
        from . import ranks  # projects of a 项目支出表; parts of a total printed as columns (assistant/ranks.py)
        ans = ranks.projects(question, q, doc) or ranks.parts(question, q, doc, hint)
        if ans is not None:
            return ans
    table_first = measures and (W.RANK.search(q) or not W.PERF_WORDS.search(q))
    if perf_strong and not table_first:
        return targets.answer(question, q, doc, perf)
    if W.RANK.search(q):
        from . import focus  # "一般公共预算支出中…最大的项级科目": the table whose title the words repeat
        ans = sets.rank(engine, question, q, doc, measures, hint or focus.titled_kind(doc, q))
        if ans is not None:
            return ans
    if measures:
        from . import named  # a project named in full, a word of which is some subject's name
        ans = named.answer(question, q, doc, mentions) if numeric or W.COMPARE.search(q) else None
        return ans or tableanswer.table(engine, question, q, doc, measures, hint)
    if hint and numeric:
        ans = tableanswer.table_total(question, doc, hint)
        if ans is not None:
            return ans
    if perf_strong:
        return targets.answer_target(question, q, doc, perf)
    if numeric and _about_the_whole_budget(q, doc):
        total = frozenset(engine.vocab_for(doc).rows.get("支出总计") or {"支出总计"})
        from .wholes import spent  # 「全年到底花了多少钱」 of a 决算: its 本年支出合计
        whole = spent(doc, q, [Measure(total, None, "支出总计", 0)], engine.vocab_for(doc))
        return tableanswer.table(engine, question, q, doc, whole, None)
    if numeric:
        ans = tableanswer.composite(engine, question, q, doc)
        if ans is not None:
            return ans
        absent = next((c for c in synonyms.FUNCTION_CLASSES if c in q and c not in engine.vocab_for(doc).labels), None)
        if absent:  # a 类 the document does not list: say so rather than answer a line of a similar name
            return engine.not_found(question, f"{doc.document.label}的表格没有列出“{absent}”这一类支出（即没有安排）")
        from . import named  # projects and programmes by name (assistant/named.py)
        ans = named.answer(question, q, doc)
        if ans is not None:
            return ans
        ans = tableanswer.partial(engine, question, q, doc)
        if ans is not None:
            return ans
        from . import focus  # "离退休的钱有多少": a word several lines' names hold, figures differ
        shared = focus.shared_word(q, doc, engine.vocab_for(doc).labels)
        if shared:
            lines = [f"{c.name()}（{c.table.title}，{c.cell.column}列）：{arith.with_unit(c.value, unit_of(c))}"
                     for c in shared]
            return Answer(question, AMBIGUOUS, "问题中的说法对应多个科目，数值不同：" + "；".join(lines) +
                          "。请说明指哪一个。", None, None, None, [c.citation() for c in shared], readings=lines)
        from . import statedsum  # no line named: a clause the narrative repeats, its figures summed
        if (ans := statedsum.answer(question, q, doc)) is not None:
            return ans
    if not numeric:
        return engine._text(question, q, doc)
    return engine.not_found(question, "表格里没有找到问题提到的科目或项目")


def _unprinted(engine, q: str, doc: ParsedDocument, mentions) -> str | None:
    """A canonical figure the question names (人员经费, 机关运行经费 …) that this document prints nowhere
    under any name: no mention covers it and the vocabulary has no word for it."""
    vocab = engine.vocab_for(doc)
    for m in vocab.canonical(q):
        if any(x.start < m.end() and m.start() < x.end for x in mentions):
            continue
        concept = synonyms.concept_of(m.group())
        if concept in synonyms.COMPOSITES or concept is None:
            continue  # summed from its parts where not printed (see _composite)
        words = {normalize(w) for w in (concept, *synonyms.MEANINGS[concept])}
        if not words & (set(vocab.rows) | set(vocab.columns)):
            return m.group()
    return None


_GENERIC = re.compile(r"今年|本年|全年|一年|一共|总共|总计|总|共|有|能|可以|可|花|用|钱|预算|多少|是|的|了|吗|呢|部门|单位|"
                      r"到底|究竟|实际上?|大概|大约|"
                      # 「一共打算花多少钱啊」「总共准备花多少万元」: an intention, a particle, the unit asked
                      r"打算|准备|计划|预计|要|啊|呀|吧|哈|(?:万|亿)?元|"
                      r"经费|资金|安排|\d{4}年|年度|？|\?|，|。|"
                      # 「24年决算实际花了」: the stage of the document (a year in characters, 「二〇二六年」, is
                      # written in digits before any document is read: scope.full_years)
                      r"决算")


def _about_the_whole_budget(q: str, doc: ParsedDocument) -> bool:
    """"组织部今年有多少钱？": nothing named but the department and money: the whole budget."""
    rest = q
    for name in sorted(documents.department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        rest = rest.replace(name, "")
    return _GENERIC.sub("", rest) == ""
