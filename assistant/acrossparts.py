"""Parts of a question across departments that ``across.py`` reads before it picks the figure.

- A class of assets named by its unit value (「单价100万元以上的设备」「单位价值 100 万元以上的设备」) is the
  figure's name, not a threshold on the figure: the narrative's 国有资产占用情况 counts it (N 台（套）), so each
  department's count is read by its counter (台), never the money.
- A part of 政府采购 said as people say it (「政府采购里买货物的钱」「政府采购预算里安排了工程类采购」) is the
  政府采购 table's (or the narrative's) 货物 / 工程 / 服务 line, not the 政府采购 total.
- 「有几个部门…安排了X」 counts the departments whose X is printed and not zero (a blank or 0 is not 安排了).
- A ranking (最多, 谁…多, 排序) among named departments answers among those that print the figure and names
  the ones that do not; a sum or a difference that needs the missing one stays refused (across.py).
"""
from __future__ import annotations

import re

# 单价/单位价值 N 万元（含）以上的设备: the asset class the narrative counts.
_ASSET = re.compile(r"(?:单价|单位价值|单台价值|价值)\s*(\d+(?:\.\d+)?)\s*(万元|万|元)\s*(?:（含）|\(含\))?\s*(?:以上|及以上)的?"
                    r"(设备|资产|车辆)")
_COUNTER = re.compile(r"(?:几|多少)\s*(台|套|辆|件|个)")
_DEFAULT_COUNTER = {"设备": "台", "资产": "台", "车辆": "辆"}

# 政府采购 (预算) 里 买/安排了 货物/工程/服务 (类) (采购) (的钱)
_PROCUREMENT_PART = re.compile(
    r"政府采购(?:预算)?(?:里|中|当中|中的|里的|的)?(?:安排了?|买的?|购买的?|采购的?|用于|花在)?(货物|工程|服务)类?"
    r"(?:采购)?(?:预算)?(?:的钱|的金额|的部分|的支出|方面)?")

# 「有几个部门…安排了X」: how many departments have X at all.
# 家 counts departments on its own (「这七家单位里，有几家安排了X」); 个 only with 部门/单位 (几个项目 are not).
_NONZERO = re.compile(r"(?:(?:几个|多少个)(?:部门|单位)|(?:几|多少)家(?:部门|单位)?).{0,16}(?:安排了?|列支了?|编列了?|有(?!几|多少))")

# A difference asked: 「相差多少」, 「多了多少」, and the verb between (「多出多少」「多花了多少」「高出多少」「超出多少」).
# 「多出来多少」「高出来多少」: the same verb said with 来.
DIFFERENCE = (r"相差|差距|差额|差了?多少|(?:多|少|高|低)(?:出来?|花|用)?了?多少|超出了?多少|超过了?多少|多几|少几|"
              r"增加了?多少|减少了?多少")
_SUM_OR_DIFF = re.compile(r"一共|合计|加起来|总共|总和|之和|共计|加一起|" + DIFFERENCE + r"|"
                          r"几倍|多少倍|倍数|百分之几|百分比|增幅|增长率|幅度|分别|各自|列出|列一下")
_RANKS = re.compile(r"最(?:多|少|高|低|大|小)|排名|排序|排一下|从高到低|从多到少|从低到高|谁.{0,8}(?:多|少|高|低|大|小)|"
                    r"哪.{0,10}(?:多|少|高|低|大|小)")


def whole_measure(q: str) -> str | None:
    """The figure's name when the question names an asset class by its unit value."""
    m = _ASSET.search(q)
    if not m:
        return None
    unit = "万元" if m.group(2) in ("万元", "万") else "元"
    return f"单价{m.group(1)}{unit}以上的{m.group(3)}"


# A count said as its noun and 数 (「车辆数」「车辆数量」「车辆总数」): what the narrative counts by a counter
# (「共有车辆517辆」). Data: a new counted thing is a line here.
COUNTED_NOUNS = {"车辆": "辆", "公务用车": "辆", "用车": "辆", "车": "辆"}
_MONEY = re.compile(r"钱|费|元|支出|花|预算数|决算数|金额")
_NOUN_COUNT = re.compile(rf"^(?:.{{0,4}}?)({'|'.join(COUNTED_NOUNS)})(?:的)?(?:总)?(?:数量|数|台数|总量)$")


# The counter a question says before the noun (「多少辆车」「几台车辆」): 多少 is read as the operation, the counter is
# no part of the figure's name.
_COUNTER_FIRST = re.compile(rf"^有?几?(?:辆|台|部)({'|'.join(sorted(COUNTED_NOUNS, key=len, reverse=True))})$")


# The count asked by its counter alone (「有几辆？」「多少台」): how the figure is asked, never its name.
_COUNTER_ONLY = re.compile(r"有?(?:几|多少)?(?:辆|台|套|部|件)")


def counter_only(part: str) -> bool:
    """「哪家的车最多？有几辆？」: 「有几辆」 asks the count of the noun said before it; it names no figure."""
    return bool(_COUNTER_ONLY.fullmatch(part))


def counted_noun(words: str) -> str:
    """「辆车」 → 「车」: the counted noun without the counter said before it; any other name unchanged."""
    m = _COUNTER_FIRST.match(words)
    return m.group(1) if m else words


def sub_question(q: str, measure: str) -> str | None:
    """The question put to each department for a counted figure: asked by its counter (台, 辆), so a count is
    never answered by money."""
    if (n := _NOUN_COUNT.match(measure)) is not None:  # 「车辆数」: 「车辆有多少辆」, the narrative's count
        return f"{measure[:n.end(1)]}有多少{COUNTED_NOUNS[n.group(1)]}"
    # 「哪个单位的车更多？有多少辆？」: the noun alone, asked by its counter (or with no word of money), is the count.
    if measure in COUNTED_NOUNS and (_COUNTER.search(q) or not _MONEY.search(q)):
        return f"{measure}有多少{COUNTED_NOUNS[measure]}"
    m = _ASSET.search(q)
    if not m or measure != whole_measure(q):
        return None
    c = _COUNTER.search(q)
    return f"{measure}有多少{c.group(1) if c else _DEFAULT_COUNTER[m.group(3)]}"


def procurement_part(q: str) -> str:
    """「政府采购里买货物的钱」 → 「政府采购货物」, so the part is the figure asked, not the total."""
    return _PROCUREMENT_PART.sub(lambda m: f"|政府采购{m.group(1)}|", q)


def counts_nonzero(q: str) -> bool:
    return bool(_NONZERO.search(q))


# 「有几个部门没有安排X（X表是空的）」: the count of those whose X is 0 — the negation turns the count over. Said as
# a verb denied (没有安排, 未列支) or as the table's state (是空的, 为0), after the departments counted.
_DENIED = r"(?:没有|没|未|并未|尚未|不曾)(?:安排|列支|编列)了?"
_EMPTY = r"(?:表|数)?(?:是空的?|为空|空白|为\s*0(?![.\d])|是\s*0(?![.\d])|为零|是零)"
_ZERO = re.compile(r"(?:(?:几个|多少个)(?:部门|单位)|(?:几|多少)家(?:部门|单位)?).{0,24}?(?:" + _DENIED + "|" + _EMPTY + ")")
# An aside in brackets restating the emptiness (「（政府性基金表是空的）」): no part of the figure's name.
_ZERO_ASIDE = re.compile(r"[（(][^（()）]*" + _EMPTY + r"[^（()）]*[）)]")


def counts_zero(q: str) -> bool:
    return bool(_ZERO.search(q))


def zero_words(q: str) -> str:
    """The question without the words that deny the figure (没有安排, （…表是空的）): what is left names it."""
    return re.sub(_EMPTY, "|", re.sub(_DENIED, "|", _ZERO_ASIDE.sub("|", q)))


def ranks_only(q: str) -> bool:
    """A ranking (最多, 谁的…多) and no sum, difference, ratio or listing: it can answer among the departments
    that print the figure."""
    return bool(_RANKS.search(q)) and not _SUM_OR_DIFF.search(q)


def off_part(measure: str, a) -> str | None:
    """Why an answer for a part of 政府采购 (货物, 工程, 服务) is not that part: its cited line does not name the
    part (the 政府采购 total, a 小计 column) — then that department is missing, never read as the part."""
    m = re.fullmatch(r"政府采购(货物|工程|服务)", measure)
    if not m or a is None or not a.citations or a.value is None:
        return None
    c = a.citations[0]
    said = "".join(x for x in (c.row, c.column, c.table if c.row is None else None) if x)
    if m.group(1) in said:
        return None
    where = "，".join(x for x in (c.table, c.row and f"{c.row}行", c.column and f"{c.column}列", c.page and f"第{c.page}页") if x)
    return f"只读到政府采购的合计（{where}），没有单列“{m.group(1)}”"


_CLAUSES = re.compile(r"[，,；;。？?！!]")


def first_asked(q: str, years: list[int]) -> int | None:
    """「X 2024年决算花了多少？2026年预算比它少了多少」: a clause of its own asks one year's figure before the
    difference is asked — that year (its figure is stated first and is the answer's value: Answer.parts)."""
    from .scope import years_in
    asking = [c for c in _CLAUSES.split(q) if re.search(r"多少|几", c)]
    if len(asking) < 2 or re.search(DIFFERENCE + r"|比|较|相比|变化", asking[0]):
        return None
    said = [y for y in years_in(asking[0]) if y in years]
    return said[0] if len(set(said)) == 1 else None
