"""Figures the department states outside its standard lines, asked in users' words: the 政府采购 paragraph's
total asked with an intention (「打算/准备/计划花多少」) and a greeting around it, the whole budget as its 「盘子」,
a part column under a group's 小计 (预留给中小企业/小微企业, assistant/partnames.py), the parts of a 「G-X」 fund said
by X alone, and a figure the question says roughly (「一千三百多万」, 「两百万左右」) checked against the line asked
(assistant/roughsaid.py). Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""

import pytest

from conftest import assert_cited_figure, on_real_home, shared_answers

# question → (value, unit, first cited page, words the answer shows)
CASES = {
    # 2026-hz-qxj-yusuan p9 「2026 年本部门政府采购预算总额 1,113.52 万元，其中：…」: greeting, intention, thanks
    "你好，杭州市气象局2026年政府采购计划花多少钱？谢谢": ("1113.52", "万元", 9, "政府采购预算总额"),
    # 2026-ptq-sfj-yusuan p22 「2026年本部门政府采购预算1486.42万元，其中：政府采购货物预算3.66万元…」
    "普陀区司法局2026年政府采购准备花多少钱？": ("1486.42", "万元", 22, "政府采购预算"),
    # 2026-bj-czj-yusuan-baobiao p2 预算01表收支总表: 收入总计 = 支出总计 44,169.357532 (万元)
    "您好，北京市财政局2026年的预算盘子有多大？": ("44169.357532", "万元", 2, "支出总计"),
    # 2026-sz-jtysj-yusuan p27 表3 支出总表 本级行: 政府采购项目 小计 7,558.99 | 其中预留给中小企业 2,726.35 |
    # 其中预留给小型、微型企业 131.67 — the part asked, never the group's 小计
    "深圳市交通运输局2026年政府采购项目里面预留给小微企业的有多少？": ("131.67", "万元", 27, "小型、微型企业"),
    # p35 表5 项目支出总表: 交通运输专项资金-民航业领域 102,420.00; -低空经济领域 5,060.00 (p9 again in words)
    "深圳市交通运输局2026年交通运输专项资金中，民航业领域是低空经济领域的几倍？": ("20.24", "倍", 35, "102420.00 ÷ 5060.00"),
    # the two parts said by their own words: their sum 107,480.00, not the fund's five parts (154,725.17)
    "深圳市交通运输局2026年交通运输专项资金中民航业和低空经济加起来多少？": ("107480.00", "万元", 35, "102420.00 + 5060.00"),
    # 2026-gjxfj-yusuan p13 一般公共预算基本支出表 30227 委托业务费 220.00; p25 「委托业务费财政拨款预算 1,391.68万元」:
    # 两百万左右 fits the first reading alone; the other is named beside it
    "国家信访局2026年委托业务费大概两百万左右吧？": ("220.00", "万元", 13, "1391.68"),
    # 2026-fz-swj-yusuan p40 「…机关运行经费支出 337.82 万元」: the check holds
    "听说福州市商务局2026年机关运行经费大概三百四十万左右，是吗？": ("337.82", "万元", 40, "相符"),
    # 2026-sz-jtysj-yusuan p27 表3 本级行 基本支出 11,826.97: 两亿多 does not hold, the figure is given
    "深圳市交通运输局2026年基本支出是不是两亿多？": ("11826.97", "万元", 27, "不符"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_stated_figure_is_answered_and_cited(answers, question):
    value, unit, page, shown = CASES[question]
    assert_cited_figure(answers[question], value, unit, page, shown)


def test_a_part_column_is_not_its_groups_total(answers):
    a = answers["深圳市交通运输局2026年政府采购项目里面预留给小微企业的有多少？"]
    assert "7558.99" not in a["answer"] and "小计" not in a["citations"][0]["column"], a
