"""The last check before an answer leaves the engine: does the figure answer what was asked?

A question about a quantity no money table holds (「平均住院日」, 「床位数」, 「编制人数」) can still name a
line the tables print (「市属公立医院」), and the engine would read that line's money. A number in 元 or 万元
given for a question that asks for days, beds or people is a wrong answer stated with confidence — the one
thing an assistant over public accounts must not do — so it becomes "not found", saying why.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

# What the question asks to be measured in, when that is not money (the word itself, or its unit).
_QUANTITY = re.compile(r"住院日|天数|多少天|几天|床位|床数|人数|多少人|几个人|几人|编制数?|人员编制|面积|平方米|公里|"
                       r"人口|户数|件数|诊疗人次|门诊量|出院人数|周转次数|使用率|满意率|合格率|完成率")
# Words that make it a money question after all (「人员编制经费」, 「床位补助资金」).
_MONEY = re.compile(r"钱|经费|资金|金额|费用|[^人]费|支出|收入|拨款|预算数|决算数|元|补助|补贴|投入|安排了?多少")


# A performance indicator asked (its value, its target): never a money line's amount, unless the indicator is a cost.
_INDICATOR = re.compile(r"满意度(?:指标)?(?:值)?|(?:绩效)?指标值|目标值|绩效指标")
_COST = re.compile(r"成本")
_PERFORMANCE = re.compile(r"绩效|目标")


# People (编制, 人数) are not trips (人次): 「出国 1 人次」 is no head count.
_PEOPLE = re.compile(r"编制|人数|多少人|几个人|几人")


def mismatch(q: str, answer: Answer) -> Answer | None:
    """A not-found answer in place of a money figure given for a non-money quantity, or of a count of trips
    given for a count of people; else None."""
    from .labelled import unrated  # 「人均每月补多少钱」: a line's total is no rate
    if (refused := unrated(q, answer)) is not None:
        return refused
    if answer.status == AMBIGUOUS and answer.citations and all(arith.is_money(c.unit) for c in answer.citations):
        asked = _QUANTITY.search(q)  # 「房屋有多少平方米」: amounts to choose from are no area either
        if asked is not None and not _MONEY.search(q):
            return Answer(answer.question, NOT_FOUND, f"没有找到答案：问题问的是“{asked.group(0)}”，文件没有说明这一项的数"
                                                      f"（相近的说法只对应金额，不是所问的数，因此不作回答）。")
        return None
    if answer.status != ANSWERED or answer.value is None:
        return None
    if (twice := _same_cell_twice(answer)) is not None:
        return twice
    if answer.unit in ("人", "人次") and _PEOPLE.search(q) and "人次" not in q and \
            any("人次" in (c.text or "") for c in answer.citations):
        return Answer(answer.question, NOT_FOUND, "没有找到答案：问题问的是人数，文件里与之相近的是人次（出行或接待的次数），"
                                                  "不是人数，因此不作回答。")
    echoed = _echoed(q, answer)
    if echoed is not None:
        return echoed
    counted = _counted(q, answer)
    if counted is not None:
        return counted
    named = _names_asked(q, answer)
    if named is not None:
        return named
    if not arith.is_money(answer.unit):
        return None
    indicator = _INDICATOR.search(q)
    if indicator is not None and not _COST.search(q) and \
            not any(_PERFORMANCE.search(f"{c.table or ''}{c.section or ''}") for c in answer.citations):
        # 「中介机构服务费项目的满意度指标值」: an indicator is no amount, and the money the project's name found is
        # not the indicator a 绩效目标表 would print (a 成本指标 asked is money: left to the tables)
        return Answer(answer.question, NOT_FOUND,
                      f"没有找到答案：问题问的是“{indicator.group(0)}”，文件没有列出这一项的绩效指标"
                      f"（找到的只是一笔金额：{arith.with_unit(answer.value, answer.unit)}，不是所问的指标，因此不作回答）。")
    asked = _QUANTITY.search(q)
    if asked is None or _MONEY.search(q):
        return None
    return Answer(answer.question, NOT_FOUND,
                  f"没有找到答案：问题问的是“{asked.group(0)}”，文件的表格只给出金额，没有这一项的数"
                  f"（最接近的是一笔金额：{arith.with_unit(answer.value, answer.unit)}，不是所问的数，因此不作回答）。")


# A figure the question states with its unit (「单价100万元以上的设备」, 「那2台」): not asked, only said.
_STATED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|亿元|千元|元|台（套）|台套|台|套|辆|人次|人|名|个|项|%|％)")
# A question checking a figure it states (「是100万元吗」): that figure may answer it.
_CHECKS = re.compile(r"是不是|是否|对不对|对吗|有没有|吗\s*[？?]?\s*$")
_ASKS_FIGURE = re.compile(r"多少|(?<!哪)几|百分之")


def _echoed(q: str, answer: Answer) -> Answer | None:
    """A figure that only repeats one the question itself states (the same number in the same unit), given for
    a question asking a figure: the question's own condition, no answer to it."""
    if answer.value is None or not _ASKS_FIGURE.search(q) or _CHECKS.search(q) or answer.calculation:
        return None
    unit = (answer.unit or "").replace("％", "%")
    for m in _STATED.finditer(q):
        if m.group(2).replace("％", "%") == unit and Decimal(m.group(1)) == answer.value:
            return Answer(answer.question, NOT_FOUND,
                          f"没有找到答案：找到的 {arith.with_unit(answer.value, answer.unit)} 就是问题里已经说出的"
                          f"“{m.group(0)}”，不是所问的数；文件没有给出所问的数，因此不作回答。")
    return None


# A count asked by its counter word: 「多少批次」, 「几名干部」, 「几辆公务车」, 「几台打印机」 (never 「多少项目支出」,
# 「几个百分点」, 「多少人民币」: a word that only starts with a counter; nor 「前几名」, a ranking's first few).
_COUNT = re.compile(r"(?:(?<![哪前])几|多少)\s*(批次|人次|台套|台（套）|名(?!称)|位(?!于)|个(?!百分点|人所得)|辆|台(?!账)|套|次(?!性)|"
                    r"批|家(?!庭)|户|所(?!属|得|需|占)|座|件|项(?!目)|条(?!件|例)|册|本(?!级|年|部)|架|艘|间|张|"
                    r"处(?!室|置|理)|场(?!所|地)|人(?!民|员经费|均)|(?=(?:市民|群众|干部|游客|学生|观众|患者|职工|居民|"
                    r"企业|单位|机构)(?!经费|工资|支出|补助|的)))")
# The question asks money as well (「几个项目，合计多少万元」): a money figure may answer it.
_MONEY_ASK = re.compile(r"多少钱|多少万|多少元|多少资金|多少经费|金额|预算数|决算数|花了?多少(?![批名位个辆台套次家户件项人])")
# 「几个收费站的运营管理费用加起来是多少」: the counter only says there are several; their money summed is asked.
_THEIR_MONEY = re.compile(r"^的[^，,。？?]{0,12}?(?:费|经费|资金|支出|金额|钱)[^，,。？?]{0,4}?"
                          r"(?:加起来|加在一起|一共|总共|合计|合起来|共计|之和|总和)(?![^，,。？?]*(?:超过|以上|以下|不到))")
# 「其他几项合计多少？」: the counter says which lines; what they come to together is asked, closing the question.
_SUMMED_AT_END = re.compile(r"(?:加起来|加在一起|合起来|合计|共计|一共|总共)(?:是|有|为)?多少(?:钱|万元|元)?[？?。！!]?$")
# What the question counts, after its counter: 「几台打印机」 → 打印机.
_STOP = "去来在参的是了吗呢和与及或，。？?！!、（(）)"
# Buying or adding something in the year ahead: 「打算买几辆公务车」, 「计划新增几台」.
_PLAN = re.compile(r"(?:打算|计划|预计|准备|拟|将要?|要)\s*(?:新?购买?|购置|采购|新增|添置|配备|更新|买)")
# A stock at a date: 「截至2025年底共有车辆27台」.
_STOCK = re.compile(r"截至|截止|共有|实有|现有|占有|拥有|保有")
_ACQUIRE = re.compile(r"购置|购买|新增|采购|更新|添置|配备")


def _counted(q: str, answer: Answer) -> Answer | None:
    """A count asked by its counter (批次, 名, 辆, 台 …) is not answered by money, by a count of something else
    (类级科目 for 打印机), nor — when it asks what will be bought — by what is held at a date."""
    m = _COUNT.search(q)
    if m is None or answer.value is None or answer.unit in ("%", "％", "倍", "个百分点", "百分点"):
        return None
    said = m.group(0)
    rest = q[m.end():]
    noun = re.match(rf"[^{_STOP}\s\d]{{1,8}}", rest)
    noun = noun.group(0) if noun else ""
    asked = said + noun
    if arith.is_money(answer.unit):
        if _MONEY_ASK.search(q) or _THEIR_MONEY.match(rest[len(noun):]) or _SUMMED_AT_END.match(rest):
            return None
        return Answer(answer.question, NOT_FOUND,
                      f"没有找到答案：问题问的是“{asked}”（一个数目），文件没有说明这个数；最接近的是一笔金额："
                      f"{arith.with_unit(answer.value, answer.unit)}，金额不是所问的数目，因此不作回答。")
    cover = re.sub(r"\s+", "", "|".join(x for c in answer.citations for x in (c.table, c.row, c.column, c.text) if x)
                   + "|" + (answer.answer or ""))
    texts = "|".join(c.text or "" for c in answer.citations)
    if _PLAN.search(q) and _STOCK.search(texts) and not _ACQUIRE.search(texts):
        return Answer(answer.question, NOT_FOUND,
                      f"没有找到答案：问题问的是计划购置的数目（“{asked}”），文件没有说明；文件说的是现有的数"
                      f"（{arith.with_unit(answer.value, answer.unit)}：“{texts[:60]}”），不是要买的数，因此不作回答。")
    # 「几台打印机」 answered by 「类级科目共 5 个」: another counter, counting something the question does not name.
    # The same counter (「几个处室」 → 内设机构 16 个) or one of its kind (辆, 台) counts what was asked.
    # (「几辆公务车」 counted as 「车辆 27 台」 is the same thing: its head 车 printed).
    other = bool(m.group(1)) and bool(answer.unit) and m.group(1) != answer.unit
    same_kind = _kind(m.group(1)) is not None and _kind(m.group(1)) == _kind(answer.unit or "")
    if other and len(noun) >= 2 and not any(noun[i:i + 2] in cover for i in range(len(noun) - 1)) and \
            not (same_kind and noun[-1] in cover):
        return Answer(answer.question, NOT_FOUND,
                      f"没有找到答案：问题问的是“{asked}”，文件没有说明这个数；找到的 "
                      f"{arith.with_unit(answer.value, answer.unit)} 数的不是“{noun}”，因此不作回答。")
    return None


# 「委托给哪几家会计师事务所」「付给了哪些培训机构」: names asked (which ones), no figure — unless a figure is asked
# too (「哪些项目，合计多少」) or one is ranked (「哪个最多」: ranks.py names it beside its figure).
_WHICH = re.compile(r"哪几|哪些")
_FIGURE_ASKED = re.compile(r"(?<!哪)几|多少|金额|合计|一共|总共|共计|比例|占比|百分|最|排|多大|多高")


def _names_asked(q: str, answer: Answer) -> Answer | None:
    """A single money figure given for a question asking which ones (a list of names) is no answer."""
    if not _WHICH.search(q) or _FIGURE_ASKED.search(q) or not arith.is_money(answer.unit):
        return None
    asked = re.search(r"(?:哪几|哪些)[^，,。？?]{0,12}", q).group(0)
    return Answer(answer.question, NOT_FOUND,
                  f"没有找到答案：问题问的是“{asked}”（哪些，一份名单），文件没有列出；找到的只是一笔金额"
                  f"（{arith.with_unit(answer.value, answer.unit)}），不是所问的名单，因此不作回答。")


# Counters that count the same kind of thing.
_KINDS = ({"辆", "台"}, {"台", "套", "台套", "台（套）"}, {"名", "人", "位"}, {"批次", "批"}, {"家", "户", "所"})


def _kind(counter: str) -> int | None:
    return next((i for i, k in enumerate(_KINDS) if counter in k), None)


def _same_cell_twice(answer: Answer) -> Answer | None:
    """A calculation whose operands are one printed cell read twice (「表6里的委托业务费和表7里的委托业务费一共」 of a
    document numbering no table so: both names found the same cell): the figures asked were not found apart, and
    a number added to itself is no answer."""
    if not answer.calculation:
        return None
    seen = set()
    for c in answer.citations:
        if c.table_ordinal is None or c.row_ordinal is None or not c.column:
            continue
        key = (c.doc_id, c.table_ordinal, c.row_ordinal, c.column)
        if key in seen:
            return Answer(answer.question, NOT_FOUND,
                          f"没有找到答案：问题所说的两处读到的是同一个单元格（{c.table}，{c.row}行，{c.column}列"
                          f"{f'，第{c.page}页' if c.page else ''}：{c.text}），文件里没有分别找到问题所说的各项，"
                          f"同一个数不能算两次，因此不作回答。")
        seen.add(key)
    return None
