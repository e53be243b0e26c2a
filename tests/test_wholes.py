"""A department's whole or a named line asked in plain spoken words, with a unit conversion asked in the same
question: 「一共准备花多少钱呀」 (the whole budget, however the intention is said: assistant/engine.py
_about_the_whole_budget), 「表里是按万元列的，帮我换算成元」 (the unit said as an instruction: assistant/unitwords.py),
「“X”这一项的财政拨款预算」 (the source of money only says where the line is read: assistant/scopewords.py),
「出国、公车、招待这些“三公”钱」 (the quoted whole after its parts: assistant/spoken.py), 「…总共多少？基本支出和项目
支出都算上」 (the parts say where the line is read, no operands: assistant/placed.py). Through the CLI on the real
PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the cited pages)
CASES = {
    # 2026-fz-swj-yusuan p11 2026 年度收支预算总表: 支出合计 24995.94 (万元)
    "福州市商务局2026年一共准备花多少钱呀？": ("24995.94", "万元", {11}),
    # 2026-hz-qxj-yusuan p15 表1 收支预算总表: 支出总计 5,876.67 (万元)
    "杭州市气象局2026年总共计划花多少钱？": ("5876.67", "万元", {15}),
    # 2026-sz-jtysj-yusuan p25 表1 收支总表 (单位：万元): 支出总计 388,763.56 → 3,887,635,600.00 元
    "深圳市交通运输局2026年总共有多少钱可以用？表里是按万元列的，帮我换算成元。": ("3887635600.00", "元", {25}),
    # 2019-js-gaoyuan-yusuan p10 公开05表 财政拨款支出预算表（功能科目）(单位：万元): 2040599 其他法院支出 630.00
    # (the same line of p12 公开07表 一般公共预算支出预算表, 630.00, cited beside it)
    "江苏省高级人民法院2019年“其他法院支出”这一项的财政拨款预算，折合成元是多少？": ("6300000.00", "元", {10, 12}),
    # the same pages: 2040501 行政运行 17,279.29
    "江苏省高级人民法院2019年“行政运行”这一项的财政拨款预算是多少？": ("17279.29", "万元", {10, 12}),
    # 2025-ptq-czj-yusuan p21 2025年部门“三公”经费和机关运行经费预算表: “三公”经费预算数 合计 0.95 (万元)
    "普陀区财政局2025年出国、公车、招待这些“三公”钱预算安排了多少？": ("0.95", "万元", {21}),
    # 2026-gz-zfbgt-yusuan p14 表6 [30211]差旅费 10.20 + p16 表7 [30211]差旅费 291.15 = 301.35 (万元)
    "广州市政府办公厅2026年差旅费一共安排了多少？基本支出、项目支出都包括在内": ("301.35", "万元", {14, 16}),
    # p14 表6 [30216]培训费 18.80 + p16 表7 [30216]培训费 22.29 = 41.09 (万元): the parts said first
    "广州市政府办公厅2026年基本支出和项目支出都算上，培训费一共多少？": ("41.09", "万元", {14, 16}),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_whole_or_line_is_answered_in_the_unit_asked(answers, question):
    value, unit, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_a_conversion_is_shown(answers):
    a = answers["深圳市交通运输局2026年总共有多少钱可以用？表里是按万元列的，帮我换算成元。"]
    assert "388763.56 万元 = 3887635600.00 元" in a["answer"], a["answer"]
