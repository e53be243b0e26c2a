"""决算 questions in the words people use (assistant/execution.py, stagerows.py, pervehicle.py, stated.py,
across.py): 「X，决算数是预算数的百分之多少」 (the execution rate of X, never a share of two unrelated lines),
「X年初预算和实际决算差了多少」, 「X实际花了多少」 (X's 决算数, not the 决算's 本年支出合计), 养公车 (公务用车运行维护费),
a vehicle fee per vehicle held (fee ÷ the count the narrative states; none where it states 0 vehicles), the number of
units a 决算 aggregates, and a 预算 against 「…年实际决算」 of another year. Asked on the corpus of every real
disclosure through the CLI (questions other than the evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2022-xa-wjw-juesuan p161 公开09表: 财政拨款安排的“三公”经费 小计 预算数 593.46, 决算数 587.55 → 99.00%
    "西安卫健委2022年“三公”经费，决算数相当于预算数的百分之多少？": ("99.00", "%"),
    # p161: 会议费 预算数 86.81, 决算数 86.81 → 100.00%
    "西安卫健委2022年会议费，实际支出是预算数的百分之几？": ("100.00", "%"),
    # p12: 「2.教育支出（类）普通教育（款）学前教育（项）。年初预算999.83万元，支出决算1,182.59万元」
    "西安卫健委2022年学前教育年初预算和实际决算差了多少？": ("182.76", "万元"),
    # p161: 公务接待费 决算数 0.11; 培训费 决算数 2,795.78
    "西安卫健委22年公务接待实际花了多少？": ("0.11", "万元"),
    # The “三公” table named: its 决算数 row (unnamed, 培训费 has two readings — p157 基本支出 30216 8.92 —
    # both named: tests/test_item_readings.py, assistant/threebasic.py)
    "西安卫健委22年“三公”经费表里培训费实际支出多少？": ("2795.78", "万元"),
    # 2026-hz-qxj-yusuan p7: 「公务用车购置支出 0.00 万元…公务用车运行维护费支出 18.00 万元」
    "杭州市气象局2026年养公车要花多少钱？": ("18.00", "万元"),
    # p7 18.00 万元 ÷ p9 「截至 2025 年 12 月 31 日，本部门共有车辆 5 辆」 = 3.60
    "杭州市气象局2026年平均每辆公车的运行维护费是多少钱？": ("3.60", "万元"),
    # 2019-js-gaoyuan-yusuan p11 30231 公务用车运行维护费 266.80 ÷ p25 「本部门共有车辆 66 辆」 = 4.04
    "江苏高院2019年平均每辆车运行维护费多少钱？": ("4.04", "万元"),
    # 2022-xa-wjw-juesuan p7: 「纳入2022年度本部门决算编制范围的单位共28个，包括本级及所属27个二级预算单位」
    "西安卫健委2022年部门决算包括多少个单位？": ("28", "个"),
    "西安卫健委2022年决算所属二级预算单位有几个？": ("27", "个"),
}
# 2024-ptq-czj-juesuan p24: 「…上海市普陀区财政局共有车辆0辆」: no average per vehicle.
NO_VEHICLES = "普陀区财政局2024年平均每辆公务用车运行维护费花了多少钱？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, NO_VEHICLES])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_juesuan_questions_read_the_figure_named(answers, question):
    a = answers[question]
    value, unit = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["citations"], a["answer"]


def test_no_average_over_no_vehicles(answers):
    a = answers[NO_VEHICLES]
    assert a["status"] == "not_found" and "0 辆" in a["answer"], a["answer"]
