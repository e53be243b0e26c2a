"""决算 execution questions (assistant/execution.py, assistant/across.py): 完成了年初预算的百分之几, 实际花的比
年初预算少了多少 (and why: the reason the narrative gives), a 预算数 of 0 (cannot be computed, never a crash), and execution rates compared across
departments (each one's 决算数 ÷ 预算数, then compared), a 预算 against what a 决算 spent. Asked on the corpus
of every real disclosure through the CLI (questions other than the evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2022-xa-wjw-juesuan p12: 「2.教育支出（类）普通教育（款）学前教育（项）。年初预算999.83万元，支出决算
    # 1,182.59万元，完成年初预算的118.28%」 → 1182.59 ÷ 999.83
    "西安卫健委2022年学前教育完成了年初预算的百分之多少？": ("118.28", "%"),
    # p12: 「4.…培训支出（项）。年初预算181.29万元，支出决算151.03万元」 → 181.29 − 151.03
    "西安卫健委2022年培训支出实际花的比年初预算少了多少？": ("30.26", "万元"),
    # p12 学前教育: 年初预算999.83万元，支出决算1,182.59万元 → 182.76; 最终 names the stage, no figure of its own
    "西安卫健委2022年学前教育的年初预算和最终的决算数差了多少？": ("182.76", "万元"),
    # p161 公开09表: 公务接待费 预算数 1.86, 决算数 0.11 (5.91%); 2024-gjxfj-juesuan p15 公开09表: 公务接待费
    # 预算数 5.80, 决算数 0.90 (15.52%) — the rates compared, not the figures
    "西安卫健委2022年和国家信访局2024年，公务接待费决算完成预算的比例哪家高？": ("15.52", "%"),
    # 2025-ptq-czj-yusuan p12: 208 05 05 机关事业单位基本养老保险缴费支出 1,748,327.00 元; 2024-ptq-czj-juesuan
    # p10 支出决算表: 208 05 05 … 160.75 万元 → 174.8327 − 160.75
    "普陀区财政局2025年机关事业单位基本养老保险缴费支出预算比2024年实际花的多多少万元": ("14.0827", "万元"),
}
# p12: 「6.…行政单位离退休（项）。年初预算0万元，支出决算51.84万元」: no rate over a budget of 0.
ZERO = "西安卫健委2022年行政单位离退休完成年初预算的百分之几？"
# p12: 「4.…培训支出（项）。…决算数小于年初预算数的主要原因是：受疫情影响，单位减少培训。」
WHY = {"西安卫健委2022年培训支出为什么实际支出比年初预算少？": "受疫情影响"}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, ZERO, *WHY])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_execution_figures_are_read_from_the_stages_printed(answers, question):
    a = answers[question]
    value, unit = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]


def test_a_budget_of_zero_gives_no_rate_and_no_crash(answers):
    a = answers[ZERO]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "预算数为 0" in a["answer"], a["answer"]


@pytest.mark.parametrize("question", list(WHY))
def test_why_the_final_differs_from_the_budget_quotes_the_reason(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and WHY[question] in a["answer"], a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == 12, a["citations"]
