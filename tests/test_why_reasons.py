"""Why a figure moved or is nil, last year's execution asked with 实际, a question pointing at its item with a
trailing 「…那个」, and self-evaluation scores (assistant/reasons.py, yearly.py, documents.py, labelled.py).
Through the CLI on every real PDF; questions other than the evaluation's, each read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# The narrative's reason, quoted: (a phrase of the reason as printed, a phrase of another figure's reason that must
# not be the answer or None).
REASONS = {
    # 2022-xa-wjw-juesuan p22 九（二）: 「2022年度财政拨款安排培训费预算2,795.78万元，支出决算2,795.78万元，完成预算的
    # 100%。决算数较上年减少的主要原因是：疫情影响个别部分单位培训较去年有所减少。」 — no amount of the change printed
    "西安卫健委2022年培训费决算为什么比上年少？": ("疫情影响个别部分单位培训", "厉行节约"),
    # same page, 九（三）: 「…会议费预算86.81万元，…决算数较上年增加的主要原因是今年巡察组对西安市卫生健康委员会开展了
    # 巡查会议。」 — the section heading names 会议费 too; the 三公 paragraph's reason is another figure's
    "西安卫健委2022年会议费为啥比去年多了？": ("巡察组", "急救车辆"),
    # 2021-xa-xcb-yusuan p11 六: 「…公务用车购置费 0 万元，较上年无变化（0%），无变化的主要原因是 2020、2021 年预算无该项
    # 支出。」 — a nil figure's reason, beside 公务用车运行维护费's own (系统技术原因…)
    "西安市委宣传部2021年公务用车购置费为什么是0？": ("预算无该项支出", "系统技术原因"),
}
FIGURES = {
    # 2026-ptq-sfj-yusuan p8 编制说明 4: 「公共法律服务（07项）686万元。…2025年当年预算执行数为679.12万元」
    "普陀区司法局公共法律服务这一块，2025年实际执行了多少？": ("679.12", "万元"),
    # 2026-gjxfj-yusuan p10 一般公共预算支出表: 2014001 行政运行 2025年执行数 5,555.07 (2026年 5,826.21)
    "国家信访局2026年行政运行2025年实际执行数是多少？": ("5555.07", "万元"),
    # same table: 2014004 信访业务 2025年执行数 2,014.50, 2026年 2,114.66, 增 100.16 — the last sentence only points
    "国家信访局信访业务2025年执行数是多少？2026年预算比它多了一百万那个": ("2014.50", "万元"),
    # 2022-xa-wjw-juesuan p61 采供血业务经费（非政府采购部分）项目绩效自评表: 总分 100 | 93.65
    "西安卫健委2022年采供血业务经费（非政府采购部分）项目自评得了多少分？": ("93.65", None),
    # p31 部门整体支出绩效自评表 总分 100 | 99.5 (p24: 「部门整体支出自评得分99.5，全年预算数2,495,142.55万元」)
    "西安卫健委2022年部门整体支出绩效自评总分多少分？": ("99.5", None),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*REASONS, *FIGURES])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(REASONS))
def test_the_reason_printed_for_the_item_is_quoted(answers, question):
    a = answers[question]
    said, other = REASONS[question]
    assert a["status"] == "answered" and said in a["answer"].replace(" ", ""), a["answer"]
    assert other is None or other not in a["answer"], a["answer"]
    assert a["citations"] and a["citations"][0]["table"] is None


@pytest.mark.parametrize("question", list(FIGURES))
def test_the_figure_asked(answers, question):
    a = answers[question]
    value, unit = FIGURES[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value), a["answer"]
    if unit:
        assert a["unit"] == unit, a["unit"]
    else:
        assert "万元" not in (a["unit"] or ""), a["unit"]  # a score is no amount of money
