"""Why a figure changed from last year (assistant/reasons.py): 「为啥/为什么比上年少了」 answered with the
narrative's reason quoted — in the change's own sentence, the next one, or a later passage after restatements
— not with the change figure alone; and a change asked 「多少万」 of a table printed in 元 answered in 万元, the
conversion shown. Asked on the corpus of every real disclosure through the CLI (not the evaluation's questions)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

WHY = {
    # 2019-js-gaoyuan-yusuan p18: 「单位预留机动经费预算数为 5011.4 万元。与上年相比增加1753.34 万元，增长 53.82%，
    # 主要原因为单位预留机动安排其他工资福利支出的增加。」 (the reason in the change's sentence)
    "江苏高院2019年单位预留机动经费为什么比上年多了？": "其他工资福利支出的增加",
    # 2026-gz-zfbgt-yusuan p24: 「公务接待费11.26万元，比上年减少100.89万元，下降90%，主要原因是减少了接待办公室
    # 职能，相应减少公务接待费预算安排。」 (one clause of a long sentence; the 公务用车 reasons before it are not it)
    "广州市政府办公厅2026年公务接待费为啥比去年少了那么多？": "减少了接待办公室职能",
    # 2021-xa-xcb-yusuan p12: 「会议费 32 万元，较上年减少 14.2 万元（44.38%），主要原因是本年度参加会议产生的
    # 费用减少；培训费 109.6 万元…」
    "西安市委宣传部2021年会议费为啥比上年少了？": "参加会议产生的费用减少",
    # 2024-ptq-wanlijiedao-yusuan p6: 支出预算…「比2023年预算减少876.75万元」… then its own line
    # 「财政拨款收入支出减少的主要原因是项目调整。」 (a later passage, after the restatements)
    "万里街道2024年财政拨款支出为什么比2023年预算少了？": "项目调整",
}
NOT_SAID = {
    # The reason of another line must not be quoted for this one: gz p24 「公务用车购置费0万元，比上年减少70万元」
    # has no reason of its own before the next figure's statement.
    "广州市政府办公厅2026年公务接待费为啥比去年少了那么多？": "移交至市机关事务管理局",
}
# 2021-xa-xcb-yusuan p41 表13 (单位：元): 会议费 2020年 462,000.00, 2021年 320,000.00, 增减 -142,000.00
# → 142000.00 元 = 14.2 万元
UNIT = {"西安市委宣传部2021年的会议费跟20年比少了多少万？": ("14.2", "万元")}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*WHY, *UNIT])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(WHY))
def test_why_quotes_the_reason_printed_beside_the_change(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and WHY[question] in "".join(a["answer"].split()), a["answer"]
    assert "原因" in a["answer"] and a["citations"], a["answer"]


@pytest.mark.parametrize("question", list(NOT_SAID))
def test_why_does_not_quote_another_figures_reason(answers, question):
    assert NOT_SAID[question] not in "".join(answers[question]["answer"].split()), answers[question]["answer"]


@pytest.mark.parametrize("question", list(UNIT))
def test_change_asked_in_wan_of_a_yuan_table_is_converted(answers, question):
    a = answers[question]
    value, unit = UNIT[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert "万元" in (a.get("calculation") or a["answer"]), a
