"""A year-on-year sentence that disagrees with itself is answered with both readings (assistant/slipchange.py),
asked through the real CLI on the real 普陀区司法局 2026 预算 (Shanghai district template).

p9 prints 「2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%」: the two
figures fall by 43269.3 − 3845.49 = 39423.81 万元 (39423.81 ÷ 43269.3 = 91.11 %), the words say a rise of 17.62 %.
The answer names both and picks neither — it had said 「减少 17.62%」, a rate the text never states in that
direction. p8's sentences that agree with themselves (行政运行 1690.69 → 1672.67, 减少 1.07%) are answered as
before, the rate as stated.
"""
from __future__ import annotations

from decimal import Decimal

from conftest import on_real_home, shared_answers

SLIP = on_real_home([
    "普陀区司法局的“其他司法支出”2026年比2025年执行数是增加了还是减少了？",
    "普陀区司法局2026年其他司法支出比上年增长了百分之几？",
])
AGREES = on_real_home("普陀区司法局2026年司法行政运行比2025年执行数下降了百分之几？")


def test_a_sentence_that_disagrees_with_itself_gets_both_readings(real_home):
    got = shared_answers(real_home, SLIP)
    for q in SLIP:
        a = got[q]
        assert a["status"] == "ambiguous" and a["value"] is None, a["answer"]
        assert "减少 39423.81 万元" in a["answer"] and "91.11%" in a["answer"], a["answer"]
        assert "增长 17.62%" in a["answer"] and "减少 17.62%" not in a["answer"], a["answer"]
        assert "43269.3 − 3845.49 = 39423.81" in a["calculation"], a["calculation"]
        assert a["citations"][0]["page"] == 9, a["citations"]


def test_a_sentence_that_agrees_with_itself_is_answered_as_stated(real_home):
    a = shared_answers(real_home, [AGREES[0]])[AGREES[0]]
    assert a["status"] == "answered" and (Decimal(a["value"]), a["unit"]) == (Decimal("1.07"), "%"), a["answer"]
    assert a["citations"][0]["page"] == 8, a["citations"]
