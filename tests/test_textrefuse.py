"""Questions answered by a passage or plainly refused, and departments named with one wrong character.

- Why a table is empty (assistant/emptytable.py): the note printed under it, or the narrative's statement.
- A unit no document is of (assistant/otherunit.py): refused, never another subject's figure.
- A how or what-for question (「通过什么方式」「建成后用来干什么」): the passage, no figure (wording.TEXT, textrank).
- A department's name with one wrong character (assistant/misspelt.py): read as the one department it fits,
  said so; a known organ's name (民政局) is never read as a misspelling.
- Vehicles compared across documents (acrossparts.sub_question): each document's stated count.
Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout.
"""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (a phrase of the quoted statement, its page)
EMPTY = {
    # 2024-ptq-czj-juesuan p19, under 政府性基金预算财政拨款收入支出决算表:
    # 「注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。」
    "普陀区财政局2024年决算的政府性基金预算财政拨款收入支出决算表怎么没有数据？": ("无政府性基金预算财政拨款支出", 19),
    # 2026-hz-qxj-yusuan p22, under 表8: 「备注：本部门没有政府性基金预算拨款安排的支出，故本表无数据。」
    "杭州市气象局2026年的政府性基金预算支出预算表为啥是空的": ("没有政府性基金预算拨款安排的支出", 22),
    # 2024-gjxfj-juesuan p14, under 公开08表: 「说明：国家信访局没有国有资本经营预算，…故本表无数据。」
    "国家信访局2024年决算里国有资本经营预算那张表为什么是空表？": ("没有国有资本经营预算", 14),
}
# question → (a phrase the quoted passage holds, its page)
TEXT = {
    # 2025-ptq-czj-yusuan p23 一、项目概述: 「…委托社会中介机构对行政事业单位的部分重点项目开展绩效跟踪和绩效评价。」
    "普陀区财政局2025年的财政委托业务项目，是通过什么方式开展绩效评价的？": ("委托社会中介机构", 23),
    # 2024-ptq-wanlijiedao-yusuan p33 一、项目概况: 「建成后作为万里街道社区事物受理、社区管理、社区文化艺术活动场所。」
    "万里街道2024年那个社区公共服务中心新建工程，建成后用来干什么？": ("社区文化艺术活动场所", 33),
}
# 2022-xa-wjw-juesuan p7 lists 西安市中心血站 among the 28 units its 决算 covers; no table prints a row of it
UNIT = "西安市中心血站2022年决算的基本支出是多少？"
# misspelt name → (the department read, value, unit, page)
MISSPELT = {
    # 2026-fz-swj-yusuan p11 收支预算总表: 支出合计 24995.94 (万元)
    "福州市商物局2026年预算总额是多少": ("福州市商务局", "24995.94", "万元", 11),
    # 2026-gjxfj-yusuan p5 部门收支总表: 支出总计 50616.94 (万元)
    "国家信仿局2026年的支出总计是多少": ("国家信访局", "50616.94", "万元", 5),
}
# 民政局 is another department (a known organ), one character from 普陀区财政局: not held, never misread
OTHER = "普陀区民政局2024年决算的三公经费是多少"
# 2026-gjxfj-yusuan p26: 「截至 2025 年 7 月 31 日，国家信访局实有车辆 15 辆」; 2024-ptq-wanlijiedao-yusuan p32:
# 「…共有车辆7辆」
CARS = "国家信访局2026年和万里街道2024年，谁家的车多？多少辆？"
on_real_home(list(EMPTY), list(TEXT), UNIT, list(MISSPELT), OTHER, CARS)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*EMPTY, *TEXT, UNIT, *MISSPELT, OTHER, CARS])


@pytest.mark.parametrize("question", list(EMPTY))
def test_an_empty_table_is_explained_by_its_own_note(answers, question):
    phrase, page = EMPTY[question]
    a = answers[question]
    assert a["status"] == "answered" and a["value"] is None, a["answer"]
    assert phrase in a["answer"], a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]


@pytest.mark.parametrize("question", list(TEXT))
def test_a_how_or_what_for_question_quotes_the_passage(answers, question):
    phrase, page = TEXT[question]
    a = answers[question]
    assert a["status"] == "answered" and a["value"] is None, a["answer"]
    assert phrase in a["citations"][0]["text"] and a["citations"][0]["page"] == page, a["citations"]


def test_a_unit_without_a_document_is_refused(answers):
    a = answers[UNIT]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "西安市中心血站" in a["answer"] and "没有单列" in a["answer"], a["answer"]


@pytest.mark.parametrize("question", list(MISSPELT))
def test_a_misspelt_department_is_read_as_the_one_it_fits(answers, question):
    department, value, unit, page = MISSPELT[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert f"按“{department}”理解" in a["answer"], "the answer says how the name was read"
    assert a["citations"][0]["page"] == page, a["citations"]


def test_a_known_organ_is_not_read_as_a_misspelling(answers):
    a = answers[OTHER]
    assert a["status"] == "not_found", a["answer"]
    assert "理解" not in a["answer"], a["answer"]


def test_vehicles_are_compared_by_each_documents_stated_count(answers):
    a = answers[CARS]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal("15") and a["unit"] == "辆", a["answer"]
    assert "国家信访局" in a["answer"].split("：")[0] and "7 辆" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {26, 32}, a["citations"]
