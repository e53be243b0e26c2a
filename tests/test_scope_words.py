"""Words that say where to read the operands, never operands themselves (assistant/scopewords.py), and two named
parts of the “三公” total compared rather than every part ranked (assistant/ranks.py): a table named by its number
and title before 中/里, a basis 「按X口径」, a table named before 中/里 or after the question. Through the CLI on
the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the cited pages)
CASES = {
    # 2026-sz-jtysj-yusuan 表7 一般公共预算支出表（按功能分类） p41: 2140101 行政运行 支出总计 7,596.39 — the
    # table's name and 「这一行合计」 are no operands (they were added as the unit's total 384,598.56)
    "深圳市交通运输局2026年表7（一般公共预算支出表，按功能分类）里，2140101行政运行这一行合计是多少？":
        ("7596.39", "万元", {41}),
    # 2026-gz-zfbgt-yusuan 表5 一般公共预算支出情况表（按功能分类科目） p12: [2010301] 行政运行 小计 6,853.85
    "广州市人民政府办公厅2026年表5（一般公共预算支出情况表，按功能分类科目）中，2010301行政运行是多少？":
        ("6853.85", "万元", {12}),
    # 2022-xa-wjw-juesuan 公开03表 p150 合计行: 基本支出 1,168,039.29, 项目支出 906,922.72 → 1.29 倍; 本年支出合计
    # (2,074,962.01) is the basis, no operand
    "按本年支出合计口径，西安市卫生健康委员会2022年基本支出是项目支出的几倍？": ("1.29", "倍", {150}),
    # the same table named as the basis: 1,168,039.29 − 906,922.72 = 261,116.57
    "按支出决算表口径，西安市卫生健康委员会2022年基本支出比项目支出多多少？": ("261116.57", "万元", {150}),
    # 2019-js-gaoyuan-yusuan 公开12表 政府采购支出预算表 p16: 一、货物 A 1,637.72; 二、工程 B 530.00 → 3.09 倍
    # (the table's 合计 5,227.59 is no operand)
    "江苏省高级人民法院2019年政府采购预算中，货物类是工程类的几倍？": ("3.09", "倍", {16}),
    # 2026-hz-qxj-yusuan 表5 一般公共预算支出预算表 p19: 行政运行 合计 2,617.19 — the table said after the question
    # says where to read it, it is no figure to add
    "杭州市气象局2026年，行政运行安排了多少？一般公共预算支出预算表里能查到。": ("2617.19", "万元", {19}),
    # 2026-gjxfj-yusuan 部门公开表9 p16: 公务用车购置及运行费 38.60, 公务接待费 5.51 (因公出国（境）费 68.50, the
    # table's largest part, is not asked)
    "国家信访局2026年“三公”经费里，公务用车购置及运行费和公务接待费哪个预算多？": ("38.60", "万元", {16}),
    # 2019-js-gaoyuan-yusuan 公开09表 p14 合计行: 因公出国（境）费 160.00, 公务用车运行维护费 266.80 (a sub-column of
    # 公务用车购置及运行维护费); the smaller asked — not the smallest part of the table (公务接待费 86.95)
    "江苏省高级人民法院2019年“三公”预算里，因公出国（境）费和公务用车运行维护费哪个少？": ("160.00", "万元", {14}),
}
# 2024-gjxfj-juesuan 公开09表 p15: a 决算's parts ranked by 决算数 (公务用车购置及运行维护费 40.61), not 预算数 (40.63)
RANKED = "国家信访局2024年“三公”经费中哪一项最多？"
on_real_home(list(CASES), RANKED)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, RANKED])


@pytest.mark.parametrize("question", list(CASES))
def test_scope_words_are_no_operands(answers, question):
    value, unit, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_a_final_accounts_parts_are_ranked_by_what_was_spent(answers):
    a = answers[RANKED]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("40.61") and a["unit"] == "万元", a["answer"]
    assert "决算数" in a["answer"] and {c["page"] for c in a["citations"]} == {15}, a["citations"]
