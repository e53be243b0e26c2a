"""One indicator of a performance form asked for its target or its actual, and a project's money its own form
prints twice (assistant/perftables.py, assistant/qualifiers.py, assistant/formcost.py):

- 「…要完成多少吨」「计划完成多少个」 on a 绩效目标表 ask the indicator's target (what is to be done), not an actual
  value (a target form prints none) and never a count of the forms;
- 「“引进高层次人才”实际完成了多少」 names an indicator the form prints as 引进高层次人次 and the narrative as
  引进高层次人才744人: the same figure, answered with its actual and its target, each cited; a quoted name neither
  the form nor the narrative prints stays not found;
- a project whose form prints its 资金总额 and a 成本指标 stating its whole cost otherwise: both readings named
  (ambiguous); a cost ceiling (≤) is no second reading, and 「安排了多少」 asks the allocation (资金总额).

Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, page)
TARGETS = {
    # 2026-bj-czj-yusuan-baobiao p44 预算13表 部门整体支出绩效目标表: 政府采购政策及监管 产出指标数量指标
    # 代理机构检查项目数量 ≥ 150 个
    "北京市财政局2026年部门整体支出绩效目标里，政府采购政策及监管计划完成多少个代理机构检查项目？": ("150", "个", 44),
    # 2026-fz-swj-yusuan p32 菜篮子工程建设专项资金项目绩效目标表: 数量指标 冻猪肉储备量 ≥1000 吨
    "福州市商务局2026年菜篮子工程建设专项资金要完成多少吨冻猪肉储备？": ("1000", "吨", 32),
}
# 2022-xa-wjw-juesuan p31 部门整体支出绩效自评表: 指标8：引进高层次人次 年度指标值 ≥800人，实际完成值 744人;
# p24 说明: 「引进高层次人才744人」
NARRATED = "西安市卫健委2022年整体支出自评表中“引进高层次人才”的实际完成值是多少？"
# No such indicator on p31, nor in the narrative
UNPRINTED = "西安市卫健委2022年部门整体支出绩效自评表里，“引进海外高端人才”实际完成了多少人？"
# 2022-xa-wjw-juesuan p138 西安市级医用光学仪器项目绩效自评表: 年度资金总额 7614.74 (万元); 成本指标 项目成本 3665万
TWICE = "西安市卫健委2022年医用光学仪器项目资金是多少？"
# 2026-fz-swj-yusuan p33 口岸单位补贴项目绩效目标表: 资金总额 6200.00; 成本指标 财政投入总数 ≤6557 万元 (a ceiling)
CEILING = "福州市商务局2026年口岸单位补贴是多少钱？"
# The same form asked what it arranges: the allocation, its 年度资金总额 全年预算数 7614.74 (p138)
ARRANGED = "西安市卫健委2022年医用光学仪器项目安排了多少资金？"
on_real_home(list(TARGETS), NARRATED, UNPRINTED, TWICE, CEILING, ARRANGED)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*TARGETS, NARRATED, UNPRINTED, TWICE, CEILING, ARRANGED])


@pytest.mark.parametrize("question", list(TARGETS))
def test_a_target_to_be_done_is_the_indicator_target(answers, question):
    value, unit, page = TARGETS[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert "指标值" in a["answer"] and {c["page"] for c in a["citations"]} == {page}, a


def test_the_narrative_name_of_an_indicator_answers_its_actual_and_target(answers):
    a = answers[NARRATED]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal("744") and a["unit"] == "人", a["answer"]
    assert [c["text"] for c in a["citations"]] == ["744人", "≥800人"], a["citations"]
    assert {c["page"] for c in a["citations"]} == {31}


def test_a_quoted_indicator_nothing_prints_is_not_found(answers):
    a = answers[UNPRINTED]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]


def test_a_form_printing_the_project_money_twice_names_both(answers):
    a = answers[TWICE]
    assert a["status"] == "ambiguous" and a["value"] is None, a["answer"]
    assert "7614.74" in a["answer"] and "3665" in a["answer"], a["answer"]
    assert [c["text"] for c in a["citations"]] == ["7614.74", "3665万"], a["citations"]
    assert {c["page"] for c in a["citations"]} == {138}


def test_a_cost_ceiling_is_no_second_reading(answers):
    a = answers[CEILING]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal("6200.00") and a["unit"] == "万元", a["answer"]
    assert {c["page"] for c in a["citations"]} == {33}


def test_what_a_form_arranges_is_its_funds_total(answers):
    a = answers[ARRANGED]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal("7614.74") and a["unit"] == "万元", a["answer"]
    assert {c["page"] for c in a["citations"]} == {138}
