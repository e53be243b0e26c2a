"""Figures named with the table each is read in, or by a project's short name, summed; and an amount asked in 亿.

- assistant/titledsum.py: 「X表的A、Y表的B，一共多少」 — each line read in the table said with it (title said
  short, or its number), never a line of the same name in another table;
- assistant/named.py: projects said short (「12号线PPP」「4号线三期」), each the one line holding its words;
- 「几个亿」「多少个亿」「值多少亿元」: an amount in 亿元 (the printed figure and its exact conversion), not a count.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages)
CASES = {
    # 2026-ptq-sfj-yusuan p20 (一般公共预算基本支出部门预算经济分类预算表, 单位：元) 30215 会议费 5000.00, 30216 培训费
    # 16000.00; p11 (收入预算总表) 2040605 普法宣传 1242900.00: 1263900.00 元
    "普陀区司法局2026年基本支出经济分类预算表里的会议费和培训费，再加上收入预算总表的普法宣传，一共多少元？":
        ("1263900.00", "元", {20, 11}),
    # 2026-hz-qxj-yusuan p20 表6 一般公共预算基本支出预算表 差旅费 40.42; p19 表5 一般公共预算支出预算表 行政运行 2,617.19
    # (万元): the said 「一般公共预算支出预算表」 is 表5, whose title prints the words unbroken, not 表6
    "杭州市气象局2026年一般公共预算基本支出预算表的差旅费，加上一般公共预算支出预算表的行政运行，一共多少万元？":
        ("2657.61", "万元", {19, 20}),
    # 2026-sz-jtysj-yusuan p12: 12 号线 PPP 项目运营期管理项目 133,006.31 + 4 号线三期工程运营管理项目 18,262.82 万元
    "深圳交通运输局2026年12号线PPP和4号线三期这两个项目加起来多少钱？": ("151269.13", "万元", {12}),
    # 2026-ptq-sfj-yusuan p10 财务收支预算总表 支出总计 96,282,213.44 元 = 0.9628221344 亿元 (p14 财政拨款收支预算总表
    # prints the same total, cited beside it)
    "普陀区司法局2026年的预算盘子有几个亿？": ("0.9628221344", "亿元", {10, 14}),
    # 2026-gz-zfbgt-yusuan p26 「本部门固定资产金额91,973.02万元」 = 9.197302 亿元 (「拟购置固定资产64.52万元」 is a purchase)
    "广州市人民政府办公厅2026年的固定资产差不多值几个亿？": ("9.197302", "亿元", {26}),
}
# 2026-fz-swj-yusuan p24: the “三公”经费 table prints no 会议费 (the 基本支出 table's 30215 会议费 5.00 is another
# table's line); 2026-ptq-sfj-yusuan p11 收入预算总表 lists function subjects, no 会议费 (p20 prints 30215 会议费
# 5000.00 in the 基本支出 table only); p12 of 2026-sz-jtysj-yusuan prints no 5 号线 project.
REFUSED = ["福州市商务局2026年“三公”经费表里的会议费，加上基本支出经济分类表里的培训费，一共多少万元？",
           "普陀区司法局2026年基本支出经济分类预算表的会议费，加上收入预算总表的会议费，一共多少元？",
           "深圳交通运输局2026年5号线三期安排了多少钱？"]
on_real_home(list(CASES), REFUSED)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *REFUSED])


@pytest.mark.parametrize("question", list(CASES))
def test_each_figure_read_where_it_is_said_and_summed(answers, question):
    value, unit, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    if pages is not None:
        assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_the_sum_shows_each_table_and_the_formula(answers):
    a = answers["普陀区司法局2026年基本支出经济分类预算表里的会议费和培训费，再加上收入预算总表的普法宣传，一共多少元？"]
    assert "5000.00 + 16000.00 + 1242900.00 = 1263900.00" in a["answer"]
    assert "收入预算总表" in a["answer"] and "经济分类预算表" in a["answer"]
    b = answers["杭州市气象局2026年一般公共预算基本支出预算表的差旅费，加上一般公共预算支出预算表的行政运行，一共多少万元？"]
    assert {c["table"][:3] for c in b["citations"]} == {"表5：", "表6："}, b["citations"]


@pytest.mark.parametrize("question", REFUSED)
def test_a_line_its_table_does_not_print_is_not_answered(answers, question):
    assert answers[question]["status"] == "not_found", answers[question]["answer"]
