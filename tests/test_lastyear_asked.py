"""This year's figure against last year's, where the document prints last year or states the change:

(a) a 预算 whose table prints 2025年执行数 beside this year's figure — 「和去年（2025年）的执行数比」 is answered from
    that column (no 决算 is asked for), 「（不扣除中央基建投资）」 picks the statement as printed;
(b) 「X安排了多少？比去年少了吗？」 — the amount asked is the value, the change stated after it (assistant/didchange.py);
(c) 「X的预算数和决算数差了多少」 in a 决算 that prints both — the difference, not one of them;
(d) 「比上年增长了百分之几」 after a preamble ending in a colon — the narrative's stated rate.
Through the CLI on the real PDFs; every gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the pages every citation is on, words the answer must say)
CASES = {
    # (a) 2026-gjxfj-yusuan p10 一般公共预算支出表 2014001 行政运行: 2025年执行数 5,555.07, 2026 年初预算 5,826.21,
    # 增减额 271.14 — the bracketed year after 去年 is last year, not a 决算 asked for
    "国家信访局2026年行政运行和去年（2025年）的执行数比，增加了多少？": ("271.14", "万元", {10}, ("5826.21 − 5555.07",)),
    # (a) p11 合计 row: 2025年执行数 37,241.42, 2026 16,474.82, 增减额 -20,766.60 — 执行数 named, the row's own figure beside it
    "国家信访局2026年一般公共预算支出和去年（2025年）执行数相比少了多少？": ("20766.60", "万元", {11}, ("减少", "16474.82 − 37241.42")),
    # (a) p11 合计 row again, 「未扣除中央基建投资」 asking the 执行数 column as printed, not 扣除中央基建投资后执行数 13,699.22
    # (p20 说明 states the same: 「比2025年执行数减少20,766.6万元…扣除中央基建后…增加2,775.6万元」)
    "国家信访局2026年一般公共预算当年拨款比2025年执行数减少了多少万元？（未扣除中央基建投资）":
        ("20766.60", "万元", {11}, ("减少", "37241.42")),
    # (b) 2021-xa-xcb-yusuan p41 表13 合计: 2021年 “三公”经费 小计 65,100.00 元, 2020年 160,000.00, 增减 -94,900.00
    "西安市委宣传部2021年“三公”经费预算安排了多少？比2020年少了吗？": ("65100.00", "元", {41}, ("是，", "减少 94900.00")),
    # (b) 2026-ptq-sfj-yusuan p12 部门支出预算总表 2040613 信息化建设 2,278,800.00 元; p8 说明: 2025年执行数 60.41 万元,
    # 2026年 227.88 万元 (p15 prints the same line in the 功能分类 table)
    "普陀区司法局2026年信息化建设安排了多少？和2025年执行数比是不是增加了？": ("2278800.00", "元", {8, 12, 15}, ("是，", "167.47")),
    # (c) 2024-gjxfj-juesuan p15 公开09表 合计: 公务接待费 预算数 5.80, 决算数 0.90 — the 预算数 named first
    "国家信访局2024年公务接待费的预算数和决算数差了多少？": ("4.90", "万元", {15}, ("5.80 − 0.90",)),
    # (c) 2024-ptq-czj-juesuan p22 说明 3、信息化建设（项）: 年初预算为135.90万元，支出决算为135.25万元
    "普陀区财政局2024年信息化建设的支出决算数和年初预算差了多少？": ("0.65", "万元", {22}, ("135.90 − 135.25",)),
    # (d) 2019-js-gaoyuan-yusuan p18: 项目支出预算数为 10208.94 万元。与上年相比减少 1134.33 万元，减少 10%
    "我想了解一下：江苏高院2019年项目支出比上年下降了百分之几？": ("10", "%", {18}, ("减少",)),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_this_year_against_last_year(answers, question):
    value, unit, pages, words = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    shown = a["answer"] + (a["calculation"] or "")
    assert all(w in shown for w in words), a["answer"]


# 2026-gjxfj-yusuan p10 20140 信访事务: 2025年执行数 33,586.67 (扣除中央基建投资后 10,044.47), 2026 年初预算 13,144.37
# (扣除后 13,144.37): 增减额 -20,442.30, 扣除后 3,099.90 — no reading and no direction named: both, each from its columns
TWO_READINGS = on_real_home("国家信访局2026年信访事务这一款跟2025年执行数相比变化了多少？")[0]


def test_a_change_the_table_prints_twice_is_ambiguous(real_home):
    a = shared_answers(real_home, [TWO_READINGS])[TWO_READINGS]
    assert a["status"] == "ambiguous", a["answer"]
    assert "20442.30" in a["answer"] and "3099.90" in a["answer"] and "扣除中央基建投资" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {10}, a["citations"]
