"""A 决算's execution asked as 「X实际花的占预算多少」「实际花的占年初预算几成」: X's 决算数 ÷ its 预算数
(assistant/execution.py ASKS), never X over some other budget figure. Through the CLI on the real PDFs;
questions other than the evaluation's, each read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

RATES = {
    # 2022-xa-wjw-juesuan p161 公开09表: 「预算数 … 公务用车运行维护费 455.12 …」「决算数 … 450.96 …」
    "西安卫健委2022年公务用车运行维护费实际花的占预算多少？": ("99.09", "450.96", "455.12"),
    # 2024-gjxfj-juesuan p15 (printed 13) 公开09表: 预算数 因公出国（境）费 30.00, 决算数 因公出国（境）费 4.69
    "国家信访局2024年因公出国（境）费实际支出占预算的百分之几？": ("15.63", "4.69", "30.00"),
    # 2024-ptq-czj-juesuan p22: 「7、…机关事业单位职业年金缴费支出（项）。…年初预算为 80.81 万元，支出决算为80.38万元。」
    "普陀区财政局2024年职业年金缴费支出实际花的占年初预算几成？": ("99.47", "80.38", "80.81"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(RATES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(RATES))
def test_spent_over_its_own_budget(answers, question):
    a = answers[question]
    rate, final, budget = RATES[question]
    assert a["status"] == "answered" and a["unit"] == "%" and Decimal(a["value"]) == Decimal(rate), a["answer"]
    assert f"{final} ÷ {budget}" in a["calculation"], a["calculation"]
