"""Choosing the document when the question says a name oddly or mentions documents it does not ask about.

- A department's region or organ word said with one wrong character that is no real name (assistant/misspelt.py):
  「杭洲市气象局」 (洲 for 州: 杭洲 is no place), 「普佗区司法局」, 「万里街倒」 (倒 for 道: 街倒 is no organ word) are
  read as the one department they fit, and the answer says so; a region said that is a real place (宁波市气象局,
  one character from nothing held but a name held only in 杭州) stays refused.
- Documents mentioned, one asked (assistant/mentioned.py): 「有2024年决算和2026年预算两份材料，2026年的…」 and
  「…（不是2024年决算那份）」 are answered from the one document the question's own year names, not compared; a
  document set aside (「不是2026年的那份」) is never the one answered from, and with nothing of the department
  left the question is refused.
Through the CLI on every real PDF; questions other than the evaluation's, each gold read off its page.
"""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (the department read, value, unit, page)
MISREAD = {
    # 2026-hz-qxj-yusuan p15 表1 2026年市级部门收支预算总表: 「支 出 总 计 5,876.67」 (万元)
    "杭洲市气象局2026年支出总计是多少": ("杭州市气象局", "5876.67", "万元", 15),
    # 2026-ptq-sfj-yusuan p21 2026年部门“三公”经费和机关运行经费预算表: 合计 10.81 (万元)
    "上海市普佗区司法局2026年三公经费是多少": ("上海市普陀区司法局", "10.81", "万元", 21),
    # 2024-ptq-wanlijiedao-yusuan p31 部门“三公”经费和机关运行经费预算表: 合计 47.91 (万元); p32 「2024年“三公”经费预算数为47.91万元」
    "万里街倒2024年三公经费是多少": ("上海市普陀区人民政府万里街道办事处", "47.91", "万元", 31),
}
# 宁波 is a real place: 宁波市气象局 is another department, not 杭州市气象局 misspelt (5876.67, p15).
REAL_PLACE = "宁波市气象局2026年支出总计是多少"
# question → (the document's label, value, unit, page)
ONE_ASKED = {
    # 2026-gjxfj-yusuan p16 (printed 15) 部门公开表9 财政拨款预算“三公”经费支出表, 2026 年预算数: 公务接待费 5.51 (万元)
    "国家信访局手上有2024年决算和2026年预算两份材料，2026年的公务接待费预算是多少？":
        ("国家信访局 2026年部门预算", "5.51", "万元", 16),
    # 2025-ptq-czj-yusuan p20 一般公共预算基本支出部门预算经济分类预算表: 合计 人员经费 22,826,756.00 (元)
    "普陀区财政局2025年预算里的人员经费是多少？（不是2024年决算那份）":
        ("上海市普陀区财政局 2025年部门预算", "22826756.00", "元", 20),
    # 2024-ptq-czj-juesuan p18 财政拨款“三公”经费支出决算表: 合计 预算数 0.95, 决算数 (none); p23 「年初预算为0.95万元，
    # 支出决算为0.00万元，完成预算的0%」: 0 ÷ 0.95
    "普陀区财政局有2024年决算和2025年预算两份，2024年“三公”经费完成预算的百分之几？":
        ("上海市普陀区财政局 2024年部门决算", "0.00", "%", 18),
    # 2024-gjxfj-juesuan p15 公开09表 一般公共预算财政拨款“三公”经费支出决算表: 决算数 合计 46.21 (万元); 2026 set aside
    "国家信访局的三公经费是多少，不是2026年的那份": ("国家信访局 2024年部门决算", "46.21", "万元", 15),
}
# 万里街道's one document is its 2024 预算: set aside, nothing of it is left (never another department's 2024 document)
NOTHING_LEFT = "万里街道2024年的三公经费（不是2024年预算那份）"

ASKED = on_real_home([*MISREAD, REAL_PLACE, *ONE_ASKED, NOTHING_LEFT])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(MISREAD))
def test_a_name_one_character_off_that_is_no_name_is_read_as_the_department(answers, question):
    department, value, unit, page = MISREAD[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert f"按“{department}”理解" in a["answer"], "the answer says how the name was read"
    assert a["citations"][0]["page"] == page, a["citations"]


def test_a_real_place_before_a_held_name_stays_refused(answers):
    a = answers[REAL_PLACE]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "宁波市气象局" in a["answer"] and "理解" not in a["answer"], a["answer"]


@pytest.mark.parametrize("question", list(ONE_ASKED))
def test_the_document_asked_is_answered_not_the_ones_mentioned(answers, question):
    label, value, unit, page = ONE_ASKED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["answer"].startswith(f"〔{label}〕"), a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]


def test_a_question_setting_aside_the_only_document_is_refused(answers):
    a = answers[NOTHING_LEFT]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "没有别的文件" in a["answer"] and "万里街道" in a["answer"], a["answer"]
