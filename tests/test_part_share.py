"""A part's share of the group the question names first (assistant/partshare.py): 「X里，Y占百分之多少」, 「X中Y占多大
比例」, 「Y在X中占几成」 — X a line (its grandchild as well as its child), a table's total, a group of columns, a “三公” total
or a 部门整体支出 form's 金额合计 (a task over it, never the project forms' funds summed). Through the CLI on the real
PDFs; questions other than the evaluation's, each read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

SHARES = {
    # 2019-js-gaoyuan-yusuan p10 公开05表: 「2210201 住房公积金 1,879.36」 under 「221 住房保障支出 7,344.46」 (a grandchild)
    "2019年江苏高院住房保障支出里，住房公积金占了百分之多少？": ("25.59", "1879.36 ÷ 7344.46 = 25.59%"),
    # 2021-xa-xcb-yusuan p43 表15 2021年部门整体支出绩效目标表: 「4、精神文明建设 549」, 「金额合计 5859.6」
    "西安市委宣传部2021年整体支出绩效目标表里，精神文明建设占金额合计的比例是多少？": ("9.37", "549 ÷ 5859.6 = 9.37%"),
    # 2026-bj-czj-yusuan-baobiao p14 预算09表: 「“三公”经费财政拨款预算总额 223.799250 … 公务接待费 11.642250」
    "北京市财政局2026年三公经费里，公务接待费占几成？": ("5.20", "11.642250 ÷ 223.799250 = 5.20%"),
    # same page: 「公务用车购置及运行维护费 小计 84.420000 … 公务用车运行维护费 39.500000」 (a group of columns)
    "北京市财政局2026年公务用车购置及运行维护费中，公务用车运行维护费占多大比例？": (
        "46.79", "39.500000 ÷ 84.420000 = 46.79%"),
    # 2022-xa-wjw-juesuan p146 收入支出决算总表: 「八、其他收入 98,870.55」; 本年收入合计 2,015,094.22 (p9 states 4.91%)
    "西安卫健委2022年本年收入里，其他收入占多少百分比？": ("4.91", "98870.55 ÷ 2015094.22 = 4.91%"),
    # 2026-bj-czj-yusuan-baobiao p14 预算09表, the part said first: 「因公出国（境）费用 127.737000」 ÷ 223.799250
    "北京市财政局2026年因公出国（境）费用在三公经费中占多大比重？": ("57.08", "127.737000 ÷ 223.799250 = 57.08%"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(SHARES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(SHARES))
def test_a_part_s_share_of_the_group_named_first(answers, question):
    a = answers[question]
    value, formula = SHARES[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == "%", a["answer"]
    assert formula in (a["calculation"] or ""), a["calculation"]
    assert len(a["citations"]) >= 2, a["citations"]
