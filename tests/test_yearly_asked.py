"""What a year-on-year question asks, read from the clause that asks (assistant/yearly.py): a first clause that
states the direction (「比上年涨了不少」) or the method (「根据说明里写的增减，」) or restates this year's figure
(「…预算46.56万元」) asks nothing, so 「那上年的X是多少」 asks last year's figure, not the change; and
「比上年多安排了/少安排了多少」 asks the change, not last year's figure; 「2020年和2021年的X哪年多」 names X after
the two years and compares the table's two columns. Through the CLI on the real PDFs; each
gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited page)
CASES = {
    # 2019-js-gaoyuan-yusuan p18: 住房保障（类）支出 7344.46 万元 … 与上年相比增加 2627.95 万元 → 上年 4716.51
    "江苏高院2019年住房保障（类）支出比上年涨了不少，那上年的住房保障支出是多少？": ("4716.51", "万元", 18),
    # 2024-ptq-wanlijiedao-yusuan p32: 公务用车购置及运行费46.56万元，比2023年预算增加25万元 → 21.56
    "上海市普陀区万里街道办事处2024年公务用车购置及运行费预算46.56万元，根据说明里写的增减，2023年预算是多少？":
        ("21.56", "万元", 32),
    # 2024-gjxfj-juesuan p18: 教育（类）支出 180.03 万元 … 比 2023 年度决算数增加 47.92 万元 → 132.11
    "国家信访局2024年教育（类）支出比2023年度增加了，那2023年的教育支出是多少？": ("132.11", "万元", 18),
    # 2019-js-gaoyuan-yusuan p20: 法院（款）机关服务（项）支出 1400 万元，与上年相比减少 200 万元: the change
    "江苏省高级人民法院2019年法院（款）机关服务（项）支出比上年少安排了多少？": ("200", "万元", 20),
    # 2019-js-gaoyuan-yusuan p21: 提租补贴（项）支出 5465.1 万元，与上年相比增加 2146.85 万元: the change
    "江苏高院2019年提租补贴比上年多安排了多少？": ("2146.85", "万元", 21),
}
# question → (value, unit, the year said more, cited page): two years' columns of one table compared
COMPARED = {
    # 2021-xa-xcb-yusuan p41 表13 合计行: 2020年 会议费 462,000.00, 2021年 会议费 320,000.00 (元)
    "中共西安市委宣传部2020年和2021年的会议费预算，哪一年多？": ("462000.00", "元", "上年多", 41),
}
on_real_home(list(CASES), list(COMPARED))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *COMPARED])


@pytest.mark.parametrize("question", list(CASES))
def test_the_clause_that_asks_says_what_is_asked(answers, question):
    value, unit, page = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert page in {c["page"] for c in a["citations"]}, a["citations"]
    assert a["calculation"], "the figure is shown with its formula"


@pytest.mark.parametrize("question", list(COMPARED))
def test_two_years_named_compare_the_two_columns(answers, question):
    value, unit, more, page = COMPARED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert more in a["answer"] and {c["page"] for c in a["citations"]} == {page}, a
