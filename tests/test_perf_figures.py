"""Figures inside performance forms and the performance text, asked through the real CLI on real PDFs (central
预算 and 决算, Xi'an 预算 and 决算, a Shanghai district 决算): a project form's funds split (上年结转 of its 年度资金
总额), a 部门整体支出 form's 年度主要任务 with their amounts (目标表 and 自评表), an indicator named outright with no
word about forms, an indicator counted in 个 (its value, not the count of the form's indicators), and figures a
self-evaluation's or an evaluation report's text states (the count's noun printed after the figure, a score
printed 「评价得分83.06，」, the words of a clause before an earlier figure).

Each expected value was read off the page cited. None of these questions is an eval question.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import assert_cited_figure, on_real_home, shared_answers

# question → (value, unit, page, words the answer shows)
CASES = {
    # gjxfj 预算 p31 信访综合保障经费绩效目标表: 年度资金总额 2,706.79 | 其中：财政拨款 2,616.79 | 上年结转 90.00
    "国家信访局2026年信访综合保障经费用了多少上年结转？": ("90.00", "万元", 31, "上年结转"),
    # xa-xcb 预算 p43 表15 部门整体支出绩效目标表: 5、对外宣传 … 总额 1700 财政拨款 1700 (预算金额（万元）)
    "西安市委宣传部2021年整体支出绩效目标里，对外宣传任务安排了多少钱？": ("1700", "万元", 43, "对外宣传"),
    # xa-wjw 决算 p30 部门整体支出绩效自评表: 公立医院 全年预算数 1700895.6 … 全年执行数 总额 1295897.69
    "西安市卫健委2022年部门整体支出绩效自评表里，公立医院任务全年执行数是多少？": ("1295897.69", "万元", 30, "公立医院"),
    # gjxfj 预算 p31: 产出指标 数量指标 舆情报告报送量 ≥55 期 (no word about 绩效 in the question)
    "国家信访局2026年舆情报告要报送多少期？": ("55", "期", 31, "舆情报告报送量"),
    # gjxfj 预算 p31: 形成的研究成果数 ≥38 个 — the indicator's value, not the form's 11 indicators counted
    "国家信访局2026年信访综合保障经费项目研究成果数目标是多少个？": ("38", "个", 31, "形成的研究成果数"),
    # gjxfj 决算 p28 信息化运行维护项目绩效自评综述: 「做好数据中心日常运维，确保与 31 个省级数据中心互联互通」
    "国家信访局2024年信息化运行维护项目确保与多少个省级数据中心互联互通？": ("31", "个", 28, "31 个省级数据中心"),
    # xa-wjw 决算 p166 (报告): 「2021 年西安市高龄老人生活保健补贴资金项目支出绩效评价综合得分 83.06 分」
    # (p144 prints it 「评价得分 83.06，综合评价等级为“B”,详见所附报告《2022年度高龄老人…》」)
    "西安市卫健委2022年决算里，高龄老人生活保健补贴资金项目的绩效评价得了多少分？": ("83.06", "分", None, "83.06"),
}


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *LISTS])


@pytest.mark.parametrize("question", list(CASES))
def test_a_figure_of_a_performance_form_or_text_is_read_and_cited(answers, question):
    assert_cited_figure(answers[question], *CASES[question])


# question → names the answer lists (each a task of the form, read off its page)
LISTS = {
    # xa-wjw 决算 p30 部门整体支出绩效自评表 任务名称: 一般公共服务支出, 学前教育, …, 公共卫生, 中医药 …
    "西安市卫健委2022年部门整体支出绩效自评表列了哪些年度主要任务？": ["学前教育", "公立医院", "公共卫生", "中医药"],
}


@pytest.mark.parametrize("question", list(LISTS))
def test_a_whole_department_forms_tasks_are_listed(answers, question):
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    for name in LISTS[question]:
        assert name in a["answer"], (name, a["answer"])
    assert "指标" not in a["answer"].split("：", 1)[-1][:40], "tasks, not indicators"


def test_a_count_of_the_forms_indicators_is_still_a_count(real_home):
    # gjxfj 预算 p31 信访综合保障经费绩效目标表 prints 11 indicators (项目成本控制 … 舆情对信访正面中性评价占比)
    q = "国家信访局2026年信访综合保障经费项目有几个绩效指标？"
    a = shared_answers(real_home, [q])[q]
    assert a["status"] == "answered" and Decimal(a["value"]) == 11, a["answer"]


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
on_real_home(list(CASES), list(LISTS))
