"""Questions that name a table (by number and/or title) and lines of it by code or name: the table and the code
said govern which cells are read — a difference of two coded lines (not a change over last year: 「比2014002」
is no year), a coded line's figure (not a performance form whose project shares its words), the 项 under a
款 said 「“20406 司法”」, a ranking at the level said in quotes (「按…的“项”来看」, 款 of 财政拨款 no level), and
the item lines of a named table counted (assistant/tablelines.py), at a directory level where one is said.
Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, words the answer shows, the pages cited)
CASES = {
    # 2026-gjxfj-yusuan p10 部门公开表5 一般公共预算支出表: 2014001 行政运行 5,826.21; 2014002 一般行政管理事务
    # 737.29 (小计): 5826.21 − 737.29 = 5088.92 万元, both from that table
    "国家信访局2026年部门公开表5（一般公共预算支出表）里，2014001行政运行比2014002一般行政管理事务多多少？":
        ("5088.92", "万元", "5826.21 − 737.29", {10}),
    # 2026-gjxfj-yusuan p10: 2014004 信访业务 2026年预算数 小计 2,114.66 (the form 信访业务培训 p32 is 118.01, the
    # project block's 年度预算安排 2,134.87: neither is the coded line)
    "国家信访局2026年部门公开表5（一般公共预算支出表）中，2014004信访业务安排了多少钱？":
        ("2114.66", "万元", "2014004 信访业务", {10}),
    # p10 again, the column's words quoted: 2014001 行政运行's 2026年预算数/年初预算数 小计 5,826.21 (quoted, 「“年初预算数”」
    # was read as a line's name and the table's total 16,474.82 answered)
    "国家信访局2026年部门公开表5里，2014001行政运行的“年初预算数”是多少？":
        ("5826.21", "万元", "2014001 行政运行", {10}),
    # 2026-ptq-sfj-yusuan p15 一般公共预算支出功能分类预算表: under 204 06 司法 the 项 01 行政运行, 04 基层司法业务,
    # 05 普法宣传, 07 公共法律服务, 13 信息化建设, 99 其他司法支出: 6
    "普陀区司法局2026年一般公共预算支出功能分类预算表里，“20406 司法”这一款下面列了几个项级科目？":
        ("6", "项", "20406 司法", {15}),
    # 2025-ptq-czj-yusuan p15: the largest 项 is 201 06 01 行政运行 16,231,840.80 元 (its 款 20106 财政事务
    # 22,186,440.80 is no 项)
    "按功能分类的“项”来看，普陀区财政局2025年一般公共预算支出最多的是哪一项？":
        ("16231840.80", "元", "行政运行", {15, 16}),
    # 2026-bj-czj-yusuan-baobiao p16 预算11表: the 二级 column prints 0115 0116 0201 0202 0203 0204 0205 0207 0208
    # 0209 0210 0211 0212: 13 entries (16 lines at 三级)
    "北京市财政局2026年预算11表按二级目录算一共有几项？":
        ("13", "项", "0212-其他辅助性服务", {16}),
}
# 2021-xa-xcb-yusuan p34-37 表10 专项业务经费支出表: 20 projects under 201001 中共西安市委宣传部 (over 专用项目 ›
# 其他履职尽责专项业务费, each the sum of the same projects) and 2 under 201002 理论讲师团 (讲师团综合工作经费
# 600,000.00, 市委中心组学习经费 200,000.00): 22; the unit and group lines are no projects
PROJECTS = "西安市委宣传部2021年表10专项业务经费支出表里一共列了多少个项目？"
on_real_home(list(CASES), PROJECTS)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, PROJECTS])


@pytest.mark.parametrize("question", list(CASES))
def test_the_named_table_and_line_govern(answers, question):
    value, unit, shown, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    cited = {c["page"] for c in a["citations"]}
    assert cited and cited <= pages and a["citations"][0]["page"] == min(pages), a["citations"]


def test_a_project_tables_group_lines_are_not_counted(answers):
    a = answers[PROJECTS]
    assert a["status"] == "answered" and Decimal(a["value"]) == 22 and a["unit"] == "个", a["answer"]
    assert "市委中心组学习经费" in a["answer"] and "专用项目" not in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} <= {34, 35, 36, 37} and len(a["citations"]) == 22, a["citations"]
