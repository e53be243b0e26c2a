"""Changes over last year and execution against the 年初预算, for a line the question names (the family of
assistant/yearly.py, restated.py, execution.py and acrosspick.py). Through the CLI on the real PDFs; every gold
read off its page with pdftotext -layout.

* one line's change stated twice in the narrative with two figures: both readings, neither picked;
  stated twice alike: the one figure;
* a line asked with its level (「信访业务（项）」) is the narrative's 类/款/项 statement of it;
* 「2026年X预算比2024年多多少」 where the corpus holds the department's 2024 决算 only: that 决算 is no 2024
  预算 — the 预算's own statement answers, or nothing does;
* a 决算's line named (by name or code) governs over the section's whole; 决算数 ÷ 年初预算 asked as 几倍.
"""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited page)
ANSWERED = {
    # 2021-xa-xcb-yusuan p6 「机关事业单位基本养老保险缴费支出（2080505）145.00 万元，较上年增加 7.73 万元」,
    # p8 「②机关事业单位基本养老保险缴费支出（2080505）145.00 万元，较上年增加 7.73 万元」: stated twice, alike
    "中共西安市委宣传部2021年机关事业单位基本养老保险缴费支出比去年多了多少钱？": ("7.73", "万元", None),
    # 2026-gjxfj-yusuan p21 「4.一般公共服务支出（类）信访事务（款）信访业务（项）2026年预算数为2,114.66万元，比2025年
    # 执行数增加100.16万元」: 2114.66 − 100.16 = 2014.50 (the 一般公共预算支出表 p10 prints the same 执行数)
    "国家信访局2026年信访业务（项）比上年执行数多了100.16万元，上年执行数是多少？": ("2014.50", "万元", None),
    # 2025-ptq-czj-yusuan p7 「收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元」; the
    # corpus holds the department's 2024 决算 (收入决算表 p8 财政拨款收入 2940.05), which is no 2024 预算
    "上海普陀区财政局2025年收入预算比2024年预算多了多少万元？": ("107.62", "万元", 7),
    # 2024-ptq-czj-juesuan p22 「3、一般公共服务支出（类）财政事务（款）信息化建设（项）…年初预算为135.90万元，支出决算为
    # 135.25万元」: 135.25 ÷ 135.90 = 99.52 %, not the section's whole (p21 完成年初预算的98.20%)
    "普陀区财政局2024年信息化建设一般公共预算财政拨款支出的预算执行率是多少？": ("99.52", "%", 22),
    # ibid. p22 item 5 行政单位离退休（项）: 年初预算 85.55, 支出决算 84.65 → 98.95 %
    "普陀区财政局2024年决算里，行政单位离退休（项）决算数占年初预算的比例是多少？": ("98.95", "%", 22),
    # 2022-xa-wjw-juesuan p15 「22.卫生健康支出（类）公共卫生（款）疾病预防控制机构（项）。年初预算10423.69万元，支出
    # 决算31,342.45万元，完成年初预算的300.68%」: 31342.45 ÷ 10423.69 = 3.0068… → 3.01 倍
    "西安卫健委2022年决算中，疾病预防控制机构的决算数是年初预算数的几倍？": ("3.01", "倍", 15),
    # ibid. p14 「16.…传染病医院（项）。年初预算1936.77万元，支出决算10,972.83万元」: 5.6655… → 5.67 倍, not 566.55 %
    "西安市卫健委2022年传染病医院（项）的支出决算相当于年初预算的多少倍？": ("5.67", "倍", 14),
    # 「A是B的几倍」 divides by B, whichever year is said first. 2025-ptq-czj-yusuan p7 财政拨款收入 3,121.42, 比2024年预算
    # 增加107.62 → 2024: 3013.80; 3121.42 ÷ 3013.80 = 1.0357… → 1.04 倍 (it was answered 3013.80 ÷ 3121.42 = 0.97)
    "普陀区财政局2025年的财政拨款收入预算是2024年的几倍？": ("1.04", "倍", 7),
    # 2021-xa-xcb-yusuan p12 「培训费109.6万元，较上年增加89.06万元」 → 上年 20.54; asked the other way round:
    # 20.54 ÷ 109.6 = 0.187… → 0.19 倍
    "西安市委宣传部2021年，上年的培训费是今年的几倍？": ("0.19", "倍", 12),
    # 2019-js-gaoyuan-yusuan p24 「（2）公务用车运行维护费预算支出266.8万元，与上年一致」: no change, stated so
    "江苏高院2019年公务用车运行维护费比上年增加了多少？": ("0", "万元", 24),
    "江苏省高级人民法院2019年公务用车运行维护费上年预算是多少？": ("266.8", "万元", 24),
}
# 2021-xa-xcb-yusuan p7 「（10）住房公积金（2210201）192.99 万元，较上年增加 15.96 万元」 and p8 (its passage begins on
# p7) 「⑥住房公积金（2210201）192.99 万元，较上年增加 15.95 万元」: one line, two changes
TWICE = "宣传部2021年的住房公积金（2210201）比上年多安排了多少钱？"
# 2026-gjxfj-yusuan states its changes over 2025 执行数; the corpus holds 国家信访局 2024 决算 only: no 2024 预算
NO_BUDGET = "国家信访局2026年支出预算比2024年预算多了多少？"
on_real_home(list(ANSWERED), TWICE, NO_BUDGET)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*ANSWERED, TWICE, NO_BUDGET])


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_line_asked_is_answered_from_its_own_statement(answers, question):
    value, unit, page = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["citations"] and all(c["page"] for c in a["citations"]), a["citations"]
    if page is not None:
        assert page in {c["page"] for c in a["citations"]}, a["citations"]


def test_a_change_stated_twice_with_two_figures_is_ambiguous(answers):
    a = answers[TWICE]
    assert a["status"] == "ambiguous", a["answer"]
    assert "15.96" in a["answer"] and "15.95" in a["answer"], a["answer"]
    assert len(a["citations"]) == 2 and {c["page"] for c in a["citations"]} == {7}, a["citations"]


def test_another_kind_of_document_is_no_figure_of_the_year(answers):
    a = answers[NO_BUDGET]
    assert a["status"] == "not_found", a["answer"]
    assert "2024年部门决算｜" not in str(a["citations"]), "the 2024 决算 is no 2024 预算"
