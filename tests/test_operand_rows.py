"""Which table row, and which operands, a question means — through the real CLI on real disclosures of six
templates. Each expected figure was read off the PDF page (``pdftotext -layout -f N -l N``; pages as the PDF
counts them); the comment beside each case quotes it.

- an item quoted inside a named table (「基本支出里“其他工资福利支出”」): the item, read in that table;
- 「X中哪一项最多」 in a table printed without codes or numbering: X's lines found by their sums;
- a code said with its name (「一般行政管理事务（2013302）」): the rows printing that name under that code, not
  another table's use of the code;
- two operands one table prints both of: read there, in one unit — also where one is printed whole only in
  another table and inside a longer line of this one (职业年金缴费 / 机关事业单位职业年金缴费支出);
  a name before 中/里 and the operands
  joined after it (「基本支出决算中办公费和邮电费一共」) only says where they are read;
- an item's parts stated in the narrative's 「其中，…」: counted, and one part's share of the item.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the first cited table's title holds this, its page)
ANSWERED = {
    # 国家信访局 2026 p12 一般公共预算基本支出表：30199 其他工资福利支出 516.10 (the table's 合计 is 9880.88)
    "国家信访局2026年一般公共预算基本支出里“其他工资福利支出”是多少？": ("516.10", "万元", "基本支出表", 12),
    # 福州市商务局 2026 p22 一般公共预算基本支出经济分类情况表：30399 其他对个人和家庭的补助 552.80
    "福州市商务局2026年基本支出里“其他对个人和家庭的补助”是多少？": ("552.80", "万元", "基本支出经济分类", 22),
    # 杭州市气象局 2026 p17 表3 (no codes): 社会保障和就业支出 396.67 / 行政事业单位养老支出 396.67 /
    # 行政单位离退休 193.24 | 机关事业单位基本养老保险缴费支出 135.62 | 职业年金缴费支出 67.81
    "杭州气象局2026年社会保障和就业支出中哪一项最多？": ("193.24", "万元", "表3", 17),
    # 西安市委宣传部 2021 p24 表5：2013302 一般行政管理事务 30,964,000.00 − 2013301 行政运行 17,651,794.92
    # (表12's line of code 2013302 is the department's procurement, another figure)
    "西安市委宣传部2021年一般行政管理事务（2013302）比行政运行（2013301）多多少钱？": ("13312205.08", "元", "表5", 24),
    # 万里街道 2024 p30 基本支出经济分类预算表 (元)：30239 其他交通费用 691,680 + 30231 公务用车运行维护费 215,600
    # (the “三公” table prints the latter in 万元: one table holds both)
    "万里街道2024年其他交通费用和公务用车运行维护费加起来预算多少？": ("907280", "元", "经济分类预算表", 30),
    # 国家信访局 2024 决算 p12 公开06表：30201 办公费 83.92 + 30207 邮电费 90.88 (基本支出 only says where:
    # not a third operand)
    "国家信访局2024年基本支出决算中办公费和邮电费一共多少？": ("174.80", "万元", "基本支出决算表", 12),
    # 国家信访局 2024 决算 p11 公开05表：2080505 机关事业单位基本养老保险缴费支出 659.05 ÷ 2080506 机关事业单位
    # 职业年金缴费支出 329.53 (公开06表 prints 30109 职业年金缴费 whole: the name said, but not this table's line)
    "国家信访局2024年一般公共预算财政拨款中，基本养老保险缴费支出是职业年金缴费支出的几倍？":
        ("2.00", "倍", "一般公共预算财政拨款支出决算表", 11),
    # 杭州市气象局 2026 p24 表10 项目支出预算表：专业系统维护及科普 总计 146.69 | 一般公共预算 118.00 | 单位资金 28.69
    # (a project's row read in the column said, 「…项目的单位资金」, not its total)
    "杭州气象局2026年专业系统维护及科普项目的单位资金有多少？": ("28.69", "万元", "项目支出预算表", 24),
    # 深圳市交通运输局 2026 p14: 「18.静态交通管理 454.45 万元…。其中，深圳市经营性停车场（不含住宅停车场）
    # 充电桩安全巡查项目 302.45 万元，…57.00 万元，…95.00 万元。」 302.45 ÷ 454.45
    "深圳交通运输局2026年充电桩安全巡查项目占静态交通管理经费的百分之几？": ("66.55", "%", "正文", 14),
    # p11: 「3.智慧交通管理 105.19 万元…。其中，…10.00 万元，…27.00 万元，…25.19 万元，…8.00 万元，…25.00 万元，
    # …10.00 万元。」 six parts (they add up to 105.19)
    "深圳交通运输局2026年智慧交通管理经费包括几项支出？": ("6", "项", "正文", 11),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(ANSWERED))


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_row_and_operands_the_question_means(answers, question):
    value, unit, table, page = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit, a["answer"]
    first = a["citations"][0]
    assert table in first["table"].replace(" ", ""), first
    assert first["page"] == page, first


def test_both_operands_come_from_one_table(answers):
    for q in ("西安市委宣传部2021年一般行政管理事务（2013302）比行政运行（2013301）多多少钱？",
              "万里街道2024年其他交通费用和公务用车运行维护费加起来预算多少？",
              "国家信访局2024年基本支出决算中办公费和邮电费一共多少？",
              "国家信访局2024年一般公共预算财政拨款中，基本养老保险缴费支出是职业年金缴费支出的几倍？"):
        tables = {c["table"] for c in answers[q]["citations"][:2]}
        assert len(tables) == 1, answers[q]["answer"]


def test_the_parts_counted_are_listed_and_cited(answers):
    a = answers["深圳交通运输局2026年智慧交通管理经费包括几项支出？"]
    assert len(a["citations"]) == 7  # the item and its six parts
    assert "小汽车增量调控管理政策实施效果评估支出" in a["answer"]
