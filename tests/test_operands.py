"""The operands of one calculation, and of one lookup, read as asked (assistant/operands.py, assistant/spoken.py,
assistant/tables.py, assistant/restates.py): a 款 said before two of its own 项 only places them (never summed
with them); a scope said before 中/里 is no operand of the multiple or difference after it; a column's word
after a line of a list printed twice side by side reads the row's own half; 支出预算 after a line is its stage;
a difference naming no fund reads the department's 支出总表, a group printed only by its parts summed; a sum of
every column under one header whose printed 合计 differs from the parts is ambiguous, both named; 这几项 after
the items listed, before a sum's words, points at them and asks no count. Through the
CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the cited pages)
ANSWERED = {
    # 2025-ptq-czj-yusuan p12 (支出预算总表; p15 the same): 2010607 信息化建设 1,666,600.00 + 2010608 财政委托业务
    # 支出 4,188,000.00 = 5,854,600.00 元; 20106 财政事务 (22,186,440.80) is their 款, no operand
    "普陀区财政局2025年财政事务“信息化建设”和“财政委托业务支出”这两项加起来一共多少？": ("5854600.00", "元", {12}),
    # the same two lines (p12), 这几项 pointing back at them before 一共: a sum, no count of a table's lines
    "普陀区财政局2025年信息化建设和财政委托业务支出这几项一共多少？": ("5854600.00", "元", {12}),
    # 2026-hz-qxj-yusuan p20 表6: 人员经费 2,906.80 ÷ 日常公用支出 838.27 = 3.4676 → 3.47 倍; 一般公共预算基本支出
    # said before 中 is the scope, not the first operand
    "杭州市气象局2026年一般公共预算基本支出中，人员经费是日常公用支出的几倍？": ("3.47", "倍", {20}),
    # 2019-js-gaoyuan-yusuan p22: （一）人员经费 18387.95 万元, （二）公用经费 3580.05 万元: 14807.90 万元
    "江苏省高级人民法院2019年财政拨款基本支出里，公用经费比人员经费少多少？": ("14807.90", "万元", {22}),
    # 2024-ptq-czj-juesuan p16 (the list printed in two halves): 302 07 邮电费 4.88 万元, right half's 决算数
    "普陀区财政局2024年度基本支出决算表中，邮电费（30207）的决算数是多少？": ("4.88", "万元", {16}),
    # 2026-hz-qxj-yusuan p17 表3 合计行: 项目支出 2,131.61; 基本支出 = 人员支出 2,906.80 + 日常公用支出 838.27 =
    # 3,745.07; 2131.61 ÷ 3745.07 = 0.569 → 0.57 倍 (表5 p19's 项目支出 2,008.00 is the 一般公共预算 part, said)
    "杭州市气象局2026年项目支出是基本支出的几倍？": ("0.57", "倍", {17, 19}),
}
# 2025-ptq-czj-yusuan p19 30109 职业年金缴费 873,617.00 元 (p15 2080506 the same); p7 the narrative: 887.36万元
RESTATED = "普陀区财政局2025年职业年金缴费的支出预算是多少万元？"
# 2021-xa-xcb-yusuan p41 表13 合计行 2021年: 合计 1,171,100.00 元 printed; “三公”小计 65,100.00 + 会议费 320,000.00 +
# 培训费 1,096,000.00 = 1,481,100.00 元
PRINTED_TOTAL = "西安市委宣传部2021年三公经费、会议费和培训费加起来预算一共多少元？"
on_real_home(list(ANSWERED), RESTATED, PRINTED_TOTAL)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*ANSWERED, RESTATED, PRINTED_TOTAL])


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_operands_asked_are_the_ones_computed(answers, question):
    value, unit, pages = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_a_parent_line_said_before_its_lines_is_not_summed(answers):
    a = answers["普陀区财政局2025年财政事务“信息化建设”和“财政委托业务支出”这两项加起来一共多少？"]
    assert a["calculation"] == "1666600.00 + 4188000.00 = 5854600.00", a["answer"]
    assert "22186440.80" not in a["answer"]


def test_the_group_printed_by_its_parts_is_summed_and_shown(answers):
    a = answers["杭州市气象局2026年项目支出是基本支出的几倍？"]
    assert "2906.80 + 838.27 = 3745.07" in a["calculation"], a["answer"]
    assert "2008.00" in a["answer"], "the 一般公共预算 table's part is said"


def test_a_line_the_narrative_states_otherwise_names_both(answers):
    a = answers[RESTATED]
    assert a["status"] == "ambiguous", a["answer"]
    assert "873617.00" in a["answer"] and "887.36" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {19, 7}, a["citations"]


def test_a_printed_total_that_is_not_its_parts_sum_names_both(answers):
    a = answers[PRINTED_TOTAL]
    assert a["status"] == "ambiguous", a["answer"]
    assert "1171100.00" in a["answer"] and "1481100.00" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {41}, a["citations"]
