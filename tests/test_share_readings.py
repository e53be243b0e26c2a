"""Shares and readings: a share the narrative states beside the one computed (assistant/statedshare.py), a whole
named by its source of money (「财政拨款基本支出」, assistant/basewhole.py), a colloquial word fitting several lines
(assistant/colloquial.py), the units of one kind the text counts (stated.units) and the forms a disclosure
numbers in one series (counts._series). Through the CLI on the real PDFs; questions other than the evaluation's,
each read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2026-hz-qxj-yusuan p5 （三）2：「按支出用途分类，包括人员支出 2,906.80 万元，占49.4%」 — the whole is the text's
    # 支出预算 (p4 「2026 年支出预算 5,876.67 万元」): the stated share answers, 2906.80 ÷ 5876.67 = 49.46% beside it.
    "杭州市气象局2026年人员支出占支出预算的比例是多少？": ("49.4", "%", "49.46"),
    # … asked over the table's 支出总计 (表1 p15 5,876.67): the computed share answers, the text's 14.3% beside it.
    "杭州气象局2026年日常公用支出占支出总计的百分之几？": ("14.26", "%", "14.3%"),
    # 2019-js-gaoyuan-yusuan p11 公开06表财政拨款基本支出预算表: 合计 21,968.00; p22 六：「公用经费 3580.05 万元」;
    # 3580.05 ÷ 21968.00 = 16.297% → 16.30
    "江苏高院2019年公用经费占财政拨款基本支出的比例？": ("16.30", "%", "21968.00"),
    # p11 公开06表: 30201 办公费 315.00; 315.00 ÷ 21968.00 = 1.434% → 1.43
    "江苏高院2019年办公费占财政拨款基本支出的百分之几？": ("1.43", "%", "公开06表"),
    # 2024-ptq-wanlijiedao-yusuan p4 机构设置: 「本部门中，行政单位 1 家，参公单位1家，事业单位 4 家」
    "万里街道2024年预算包括几家参公单位？": ("1", "家", "参公单位"),
    "万里街道2024年预算包括几家行政单位？": ("1", "家", "行政单位"),
}
AMBIGUOUS = {
    # 2025-ptq-czj-yusuan p12 20805 行政事业单位养老支出 3,508,644.00 元; p19 30108 机关事业单位基本养老保险缴费
    # 1,748,327.00 元: 「养老方面」 fits both classifications' lines.
    "普陀区财政局2025年养老方面花了多少？": ("3508644.00", "1748327.00"),
    # p21 「三公」经费和机关运行经费预算表: 机关运行经费预算数 229.43 万元, 公务用车运行费 blank; p12 2010601 行政运行
    "普陀区财政局2025年的运行费是多少？": ("229.43", "行政运行"),
}
# 2025-ptq-czj-yusuan p21: 「公务用车购置及运行费 … 运行费」 said with its vehicles is one line, not ambiguous.
VEHICLE = "普陀区司法局2026年公务用车运行费是多少？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, *AMBIGUOUS, VEHICLE])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_shares_and_counts(answers, question):
    a = answers[question]
    value, unit, shown = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    assert a["citations"]


@pytest.mark.parametrize("question", list(AMBIGUOUS))
def test_colloquial_words_are_ambiguous(answers, question):
    a = answers[question]
    assert a["status"] == "ambiguous", a["answer"]
    for said in AMBIGUOUS[question]:
        assert said in a["answer"], a["answer"]


def test_a_line_named_in_full_is_answered(answers):
    a = answers[VEHICLE]
    # 2026-ptq-sfj-yusuan p21: 公务用车购置及运行费 / 运行费 9.98 万元
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("9.98"), a["answer"]
