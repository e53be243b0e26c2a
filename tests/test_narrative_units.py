"""Figures the narrative states in units other than money, and rates (assistant/labelled.py), asked through the
real CLI on real PDFs: a target a 主要工作目标 sentence sets (「力争…达 210 万吨」), a count in a unit the count
sentences do not use (条, 万个, 万标箱), an area asked with 多大, a rate asked with 人均每月 (「人均标准 90 元/月」).
A rate the text does not print is not found — never the line's total money from a table.

Each expected figure was read off the page cited (pdftotext -layout of the PDF page).
"""
from __future__ import annotations

from decimal import Decimal

from conftest import on_real_home, shared_answers

# question → (value, unit, page, words the answer quotes)
CASES = {
    # sz-jtysj 预算 p7 「力争机场旅客吞吐量达 6600 万人次、货邮吞吐量达 210 万吨」: the second target, in 万吨
    "深圳市交通运输局2026年力争货邮吞吐量达到多少？": ("210", "万吨", 7, "货邮吞吐量达 210 万吨"),
    # sz-jtysj 预算 p7 「力争港口集装箱吞吐量达 3500 万标箱以上」
    "深圳市交通运输局2026年力争港口集装箱吞吐量达到多少万标箱？": ("3500", "万标箱", 7, "3500 万标箱"),
    # sz-jtysj 预算 p8 「优化调整公交线路 85 条以上，新开定制巴士线路 100 条以上」: not the 定制巴士's 100
    "深圳市交通运输局2026年计划优化调整多少条公交线路？": ("85", "条", 8, "优化调整公交线路 85 条"),
    # sz-jtysj 预算 p8 「新建小汽车停车位 10 万个，新增错峰共享停车位 8 万个」
    "深圳交通运输局2026年要新建多少万个小汽车停车位？": ("10", "万个", 8, "新建小汽车停车位 10 万个"),
    # wanli 预算 p33 「规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米…地下建筑面积为5356平方米」
    "万里街道社区公共服务中心新建工程的地下建筑面积多大？": ("5356", "平方米", 33, "地下建筑面积为5356平方米"),
    # gjxfj 决算 p41 名词解释 「提租补贴（项）：…人均标准 90 元/月」: the rate, not the line's 63.52 万元
    "国家信访局2024年决算里提租补贴人均每月多少钱？": ("90", "元", 41, "人均标准 90 元/月"),
}


def test_a_non_money_figure_or_rate_the_narrative_states_is_read(real_home):
    got = shared_answers(real_home, list(CASES))
    for q, (value, unit, page, shown) in CASES.items():
        a = got[q]
        assert a["status"] == "answered", (q, a["answer"])
        assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, (q, a["answer"])
        assert shown in a["answer"], (q, a["answer"])
        assert a["citations"] and a["citations"][0]["page"] == page, (q, a["citations"])


def test_a_rate_or_quantity_not_printed_is_not_found(real_home):
    """gjxfj 预算 2026 prints 购房补贴 only as a line (341.00 万元, p8), no rate; wanli p33 prints no 绿化面积;
    sz-jtysj prints no kilometres of 地铁 (only 「建成投用地铁 13 号线二期」)."""
    asked = ["国家信访局2026年购房补贴人均每月多少钱？",
             "万里街道社区公共服务中心新建工程的绿化面积多大？",
             "深圳市交通运输局2026年计划新建多少公里地铁？"]
    got = shared_answers(real_home, asked)
    for q in asked:
        assert got[q]["status"] == "not_found", (q, got[q]["answer"])
        assert "341.00" not in (got[q]["answer"] or "") or "不作回答" in got[q]["answer"], got[q]["answer"]


# The module's other questions, asked in the session's shared batch too (conftest.shared_answers).
on_real_home(list(CASES))
