"""The units a department's disclosure covers, and two named operands in one question (assistant/lists.py,
assistant/units.py, assistant/perfcompare.py):

- 「由哪几部分单位组成」「包括哪几个单位」 ask the units' names, like 「包括哪些单位」: read from the passage that
  names them (「部门决算包括：局本级决算、…和信息中心决算」, 「下设 1 个预算单位，为…本级」, a numbered list
  「1. 本部 2. 法律援助中心」 whose second item is set under the first), never a count alone;
- 「本级比两个下属单位加起来多多少」「本级是下属单位合计的几倍」: the 本级 row against the other unit rows summed;
- 「“A”和“B”两个项目一共安排了多少钱」「A项目的资金是B项目的几倍」: each project's 资金总额 read from its own
  form, then added or divided, the formula shown and both forms cited.

Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (the names the answer must give, the cited page)
LISTS = {
    # 2024-gjxfj-juesuan p5: 「国家信访局部门决算包括：局本级决算、离退休干部办公室决算、机关服务中心决算和信息中心
    # 决算。」 — the 局本级 left out as asked
    "国家信访局2024年部门决算除了局本级，还有哪几个单位的决算？":
        (("离退休干部办公室", "机关服务中心", "信息中心"), 5),
    # 2026-gjxfj-yusuan p4: 「国家信访局下设 1 个预算单位，为国家信访局本级。」
    "国家信访局2026年部门预算由哪几个单位组成？": (("国家信访局本级",), 4),
    # 2026-ptq-sfj-yusuan p6: 「具体包括： 1. 普陀区司法局本部」, the next line (indented under the first name)
    # 「2. 普陀区法律援助中心」
    "普陀区司法局2026年的部门预算由哪几家单位组成？": (("普陀区司法局本部", "普陀区法律援助中心"), 6),
}

# question → (value, unit, the formula shown, the cited pages)
FIGURES = {
    # 2026-gz-zfbgt-yusuan p7 表2 收入总体情况表 合计: 广州市人民政府办公厅 14,554.26; 广州市政府政务信息系统管理中心
    # 959.90; 广州地区公文交换站（广州市人民政府公报编辑部） 896.54 → 14554.26 ÷ (959.90 + 896.54) = 7.84
    "广州市政府办公厅2026年本级收入是两个下属单位收入合计的几倍？":
        ("7.84", "倍", "959.90 + 896.54 = 1856.44；14554.26 ÷ 1856.44 = 7.84 倍", {7}),
    # 2026-hz-qxj-yusuan p16 表2 收入预算总表 总计: 杭州市气象局 5,011.05; 杭州市气象服务中心 865.62 (its one other unit)
    "杭州市气象局2026年本级收入比下属单位收入加起来多多少？":
        ("4145.43", "万元", "5011.05 − 865.62 = 4145.43", {16}),
    # 2026-gjxfj-yusuan 绩效目标表 年度资金总额: 信访综合保障经费 2,706.79 (p31); 信息化运行维护 2,134.87 (p30)
    "国家信访局2026年“信访综合保障经费”和“信息化运行维护”两个项目一共安排了多少钱？":
        ("4841.66", "万元", "2706.79 + 2134.87 = 4841.66", {30, 31}),
    # 2026-gjxfj-yusuan: 信访综合保障经费 2,706.79 (p31) ÷ 信访业务培训 118.01 (p32) = 22.937… → 22.94
    "国家信访局2026年信访综合保障经费项目的资金是信访业务培训项目的几倍？":
        ("22.94", "倍", "2706.79 ÷ 118.01 = 22.94 倍", {31, 32}),
    # 2026-fz-swj-yusuan 项目绩效目标表 资金总额: 商务发展资金 11600.00 (p34) − 菜篮子工程建设专项资金 1800.00 (p32)
    "福州市商务局2026年商务发展资金比菜篮子工程建设专项资金多安排了多少？":
        ("9800.00", "万元", "11600.00 − 1800.00 = 9800.00", {32, 34}),
}
# 2024-gjxfj-juesuan p5 (as above): the names and their count both asked — 4 个
COUNTED = "国家信访局2024年部门决算由哪几个单位组成，共几个？"
# 2026-hz-qxj-yusuan: units are listed in 表2 收入预算总表 (p16) and 表7 “三公”经费预算表 (p21) only; 表3 支出预算总表
# (p17) lists 功能分类科目, no unit — a unit's 支出 is not printed, and its 收入 (865.62) is no answer to it
NOT_BY_UNIT = "杭州市气象服务中心2026年的支出预算是多少？"
on_real_home(list(LISTS), list(FIGURES), COUNTED, NOT_BY_UNIT)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*LISTS, *FIGURES, COUNTED, NOT_BY_UNIT])


@pytest.mark.parametrize("question", list(LISTS))
def test_which_units_is_answered_with_their_names(answers, question):
    names, page = LISTS[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert all(n in a["answer"] for n in names), a["answer"]
    assert f"共 {len(names)} 个" in a["answer"], "the count is the names given, all of them"
    assert {c["page"] for c in a["citations"]} == {page}, a["citations"]


def test_the_units_left_out_are_not_listed(answers):
    a = answers["国家信访局2024年部门决算除了局本级，还有哪几个单位的决算？"]
    assert "局本级" not in a["answer"].split("：", 1)[1], a["answer"]


@pytest.mark.parametrize("question", list(FIGURES))
def test_two_operands_are_read_each_and_combined(answers, question):
    value, unit, formula, pages = FIGURES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert formula in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_names_and_their_count_asked_together(answers):
    a = answers[COUNTED]
    assert a["status"] == "answered" and Decimal(a["value"]) == 4 and a["unit"] == "个", a["answer"]
    assert "离退休干部办公室" in a["answer"] and {c["page"] for c in a["citations"]} == {5}, a


def test_a_units_spending_not_printed_by_unit_is_not_its_income(answers):
    a = answers[NOT_BY_UNIT]
    assert a["status"] == "not_found", a["answer"]
    assert "没有按单位列出支出" in a["answer"] and "865.62" not in a["answer"], a["answer"]
