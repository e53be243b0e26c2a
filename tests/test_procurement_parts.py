"""The composition of 政府采购 as the narrative states it (assistant/wholeparts.py), asked through the real CLI on
real PDFs: a category's (货物/工程/服务) share of the procurement total in every wording users use (占比, 占百分之
多少, 占几成), two categories compared (哪个多/少), and a 决算's 中小企业 contract statement — 小微企业's share of
授予中小企业合同金额, a whole printed with its one part and told from it by the words that differ (中小 vs 小微).

Each expected figure was computed with Decimal from the sentence on the page cited (half-up to two places).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, PDF page, words the answer shows)
CASES = {
    # xa-wjw 决算 p22 「（二）政府采购授予中小企业合同金额24,498.01万元，…其中：授予小微企业合同金额7,086.06万元」
    # 7086.06 ÷ 24498.01 = 28.93%
    "西安市卫健委2022年小微企业合同金额占中小企业合同金额的比例是多少？": ("28.93", "%", 22, "7086.06 ÷ 24498.01"),
    # gjxfj 决算 p26 「授予中小企业合同金额 1820.69 万元，…其中：授予小微企业合同金额 1015.5 万元」: the whole named
    # first (「中小企业的合同里」), the part after it; 1015.5 ÷ 1820.69 = 55.78%
    "国家信访局2024年授予中小企业的合同里，小微企业占多大比例？": ("55.78", "%", 26, "1015.5 ÷ 1820.69"),
    # wanlijiedao 预算 p32 「政府采购预算1662.44万元，其中：政府采购货物预算93.98万元、…政府采购服务预算752.59万元」
    "万里街道2024年政府采购预算中货物和服务哪个多？": ("752.59", "万元", 32, "752.59 > 93.98"),
    # gjxfj 决算 p26 「政府采购货物支出 171.7 万元、政府采购工程支出 3 万元」
    "国家信访局2024年政府采购中货物和工程哪个少？": ("3", "万元", 26, "3 < 171.7"),
    # gjxfj 决算 p26 「政府采购支出总额 1967.42 万元…政府采购货物支出 171.7 万元」: 171.7 ÷ 1967.42 = 8.73%
    "国家信访局2024年货物采购占政府采购支出的比例？": ("8.73", "%", 26, "171.7 ÷ 1967.42"),
    # gz-zfbgt 预算 p25 「政府采购安排483.05万元，其中：货物类采购预算64.3万元」: 64.3 ÷ 483.05 = 13.31%
    "广州市政府办公厅2026年政府采购里货物类占比是多少？": ("13.31", "%", 25, "64.3 ÷ 483.05"),
    # xa-xcb 预算 p12 「政府采购预算共 2366.16 万元，其中政府采购货物类预算 119 万元」: 119 ÷ 2366.16 = 5.03%
    "西安市委宣传部2021年政府采购预算中货物类占百分之多少？": ("5.03", "%", 12, "119 ÷ 2366.16"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_procurement_parts_are_read_from_the_sentence(answers, question):
    value, unit, page, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == page, a["citations"]


def test_another_whole_is_not_the_procurement_total(real_home):
    """「占支出总计的比例」 names no procurement total: never 服务 ÷ 政府采购支出总额 (1792.72 ÷ 1967.42 = 91.12%)."""
    q = "国家信访局2024年服务采购占支出总计的比例是多少？"
    a = shared_answers(real_home, [q])[q]
    assert not (a["status"] == "answered" and a["value"] is not None and Decimal(a["value"]) == Decimal("91.12")), a["answer"]
