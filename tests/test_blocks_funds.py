"""Narrative blocks asked by their heading and the published 绩效目标表 projects' funds taken together, through
the real CLI on real disclosures (central 2026 预算, Shanghai 司法局, Hangzhou, Fuzhou). Each expected text or
figure was read off the PDF page (``pdftotext -layout -f N -l N``); the comment beside each case quotes it.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

QUESTIONS = [
    "国家信访局2026年信息化运行维护项目由谁实施？",
    "普陀区司法局2026年人民调解项目的年度预算安排是多少？",
    "杭州气象局2026年预算里说的主要职能有哪些？",
    "杭州气象局2026年为什么没有安排因公出国（境）费？",
    "福州商务局2026年公开的8个项目绩效目标表资金总额加起来是多少？",
    "福州商务局2026年哪个项目的资金最多？",
    "国家信访局2026年公开绩效目标的项目里哪个资金最多？",
    "福州商务局2026年物业项目安排了多少钱？",
    "福州商务局2026年房租项目的钱是多少？",
    "福州商务局2026年重点抓好哪几项工作？",
    "万里街道办事处有哪些主要职能？",
]


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(QUESTIONS)


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return shared_answers(real_home, ASKED)


def test_a_projects_implementer_is_quoted_from_under_its_heading(answers):
    # 国家信访局 2026 p28: 「（3）实施主体」 then 「国家信访局信息中心。」 in the 信息化运行维护 block
    a = answers["国家信访局2026年信息化运行维护项目由谁实施？"]
    assert a["status"] == "answered"
    assert "国家信访局信息中心" in a["answer"]
    assert a["citations"][0]["page"] == 28


def test_a_projects_annual_budget_is_read_as_printed_under_its_heading(answers):
    # 普陀区司法局 2026 p23 人民调解项目经费情况说明: 「六、年度预算安排」 795万元
    a = answers["普陀区司法局2026年人民调解项目的年度预算安排是多少？"]
    assert a["status"] == "answered"
    assert Decimal(a["value"]) == Decimal("795") and a["unit"] == "万元"
    assert a["citations"][0]["page"] == 23


def test_a_section_asked_by_its_heading_is_quoted_whole(answers):
    # 杭州市气象局 2026 p3-4 （一）主要职能: items 1 to 7, the first 「制定本行政区域气象事业发展规划…」
    a = answers["杭州气象局2026年预算里说的主要职能有哪些？"]
    assert a["status"] == "answered"
    for item in ("制定本行政区域气象事业发展规划", "负责本行政区域内气象监测网络工作的管理", "制定人工影响天气作业方案"):
        assert item in a["answer"]


def test_why_nothing_is_arranged_is_answered_from_the_text_not_a_blank_cell(answers):
    # p8: 「本部门年初不编制因公出国（境）费用预算，年度执行中…」 ("安排" is no ranking word)
    a = answers["杭州气象局2026年为什么没有安排因公出国（境）费？"]
    assert a["status"] == "answered"
    assert "年初不编制因公出国（境）费用预算" in a["answer"]


def test_the_published_forms_funds_are_summed_and_each_cited(answers):
    # 福州市商务局 2026 p29-39: eight 项目绩效目标表, 资金总额 25.89 + 202.17 + 1800.00 + 6200.00 + 11600.00
    # + 290.00 + 14.74 + 1.89 = 20134.69 万元
    a = answers["福州商务局2026年公开的8个项目绩效目标表资金总额加起来是多少？"]
    assert a["status"] == "answered"
    assert Decimal(a["value"]) == Decimal("20134.69") and a["unit"] == "万元"
    assert len(a["citations"]) == 8


@pytest.mark.parametrize("question,project,value", [
    ("福州商务局2026年哪个项目的资金最多？", "商务发展资金", "11600.00"),  # p34 资金总额 11600.00
    ("国家信访局2026年公开绩效目标的项目里哪个资金最多？", "信访综合保障经费", "2706.79"),  # p31 年度资金总额 2,706.79
])
def test_the_forms_projects_are_ranked_by_their_funds(answers, question, project, value):
    a = answers[question]
    assert a["status"] == "answered"
    assert project in a["answer"].split("。")[0]
    assert Decimal(a["value"]) == Decimal(value)


@pytest.mark.parametrize("question,both", [
    ("福州商务局2026年物业项目安排了多少钱？", ("办公楼物业", "物业费")),  # p29 25.89, p39 1.89
    ("福州商务局2026年房租项目的钱是多少？", ("办公楼租金", "房屋租金")),  # p31 202.17, p38 14.74
])
def test_two_projects_that_fit_the_word_are_ambiguous(answers, question, both):
    a = answers[question]
    assert a["status"] == "ambiguous", a["answer"]
    assert all(p in a["answer"] for p in both)


def test_the_items_a_passage_introduces_are_listed_even_when_printed_as_headings(answers):
    # 福州市商务局 2026 p9: 「…围绕上述任务，重点抓好以下工作：」 then （一）提质创新，开展多场景扩大消费行动 …
    # （五）担当作为，开展高标准党建引领行动 — five headings with no text of their own
    a = answers["福州商务局2026年重点抓好哪几项工作？"]
    assert a["status"] == "answered", a["answer"]
    for item in ("多场景扩大消费行动", "高质量招商引资行动", "高水平对外开放行动", "全方位产业融合行动", "高标准党建引领行动"):
        assert item in a["answer"]
    assert a["answer"].startswith("〔福州市商务局 2026年部门预算〕共 5 项")


def test_functions_introduced_by_a_colon_are_listed_whole(answers):
    # 万里街道 2024 p3: 「主要职能包括：」 then 一、加强党的建设。… 四、实施综合管理。…
    a = answers["万里街道办事处有哪些主要职能？"]
    assert a["status"] == "answered"
    assert "加强党的建设" in a["answer"] and "实施综合管理" in a["answer"]
