"""A 款 asked by name (assistant/kuan.py, assistant/kuanexec.py): its share of 一般公共预算支出 read in the one
一般公共预算 支出 table (the 款's row over that table's 合计, same column), and in a 决算 its 决算 against its
年初预算 — the 年初预算 summed over the 项 items the narrative states, kept only when their 决算 make the 款's
printed 决算. A 项 named with its 款 is still the 项. Through the CLI on the real PDFs; each figure read off its page
with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

CASES = {
    # 2024-gjxfj-juesuan p11 公开05表: 20140 信访事务 9,846.82 | 合计 13,733.80 → 71.70 %
    "国家信访局2024年“信访事务”这个款在一般公共预算财政拨款支出里占多大比重？": ("71.70", "%"),
    # p11: 信访事务 决算 9,846.82; p21–22 说明 items 1–5 (信访事务（款）) 年初预算 5717.32 + 590.53 + 222.6 + 2325.72
    # + 2457.85 = 11,314.02 → 9846.82 ÷ 11314.02 = 87.03 %
    "国家信访局2024年信访事务这一款的决算数是年初预算的百分之几？": ("87.03", "%"),
    # p11: 20805 行政事业单位养老支出 决算 2,228.57; p22–23 items 7–10, the narrative names the 款 行政事业单位离退休:
    # 1017.2 + 207.19 + 899.34 + 371.99 = 2,495.72 → 2495.72 − 2228.57 = 267.15
    "国家信访局2024年行政事业单位养老支出这一款决算和年初预算相差多少？": ("267.15", "万元"),
    # 2024-ptq-czj-juesuan p22 items 10–11 住房改革支出（款）: 187.75 + 258.50 = 446.25 (p15 决算 445.69 = 187.19 + 258.50)
    "普陀区财政局2024年住房改革支出（款）的年初预算是多少？": ("446.25", "万元"),
    # p22 item 1 alone: the 项 行政运行 named with its 款 — 1560.05 − 1511.89 = 48.16, never the 款's 49.81
    "普陀区财政局2024年财政事务（款）行政运行（项）决算比年初预算少了多少？": ("48.16", "万元"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_kuan_figure(answers, question):
    value, unit = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit
    assert a["citations"], a["answer"]
