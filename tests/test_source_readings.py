"""A budget subject printed for all of a department's money and again for one source of it (the 支出决算表 and the
一般公共预算财政拨款支出决算表, the 支出总表 and the 财政拨款 table): a question that names neither has two readings,
and the answer names both with their figures and tables (assistant/tableanswer.py, ``lookup``). Saying which —
「一共」 for the whole, 「一般公共预算财政拨款」 for the part — gets one figure. Asked through the CLI on the corpus
of every real disclosure, with questions other than the evaluation's."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# 2024-gjxfj-juesuan p9 支出决算表（公开03表）: 20140 信访事务 本年支出合计 10,685.56; p11 一般公共预算财政拨款
# 支出决算表（公开05表）: 20140 信访事务 9,846.82
BOTH = "国家信访局2024年信访事务支出是多少？"
# 2026-hz-qxj-yusuan p17 表3: 气象服务 2,103.61 (printed without codes, under 气象事务); p18 表4 财政拨款: 1,980.00 —
# the parent named (「气象事务下的」) is no qualifier the readings leave uncovered
SCOPED = "杭州市气象局2026年气象事务下的气象服务是多少？"
ANSWERED = {
    "国家信访局2024年一般公共预算财政拨款的信访事务支出是多少？": "9846.82",
    # 2026-hz-qxj-yusuan p17 表3 支出预算总表: 气象事务 总计 5,371.48 (p18 表4 财政拨款: 5,247.87)
    "杭州气象局2026年气象事务支出一共是多少？": "5371.48",
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([BOTH, SCOPED, *ANSWERED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def test_a_subject_printed_for_the_whole_and_its_fiscal_part_names_both_readings(answers):
    a = answers[BOTH]
    assert a["status"] == "ambiguous", a["answer"]
    assert "10685.56" in a["answer"] and "9846.82" in a["answer"], a["answer"]
    pages = {c["page"] for c in a["citations"]}
    assert {9, 11} <= pages, a["citations"]


@pytest.mark.parametrize("question", list(ANSWERED))
def test_saying_which_money_gets_one_figure(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(ANSWERED[question]), a["answer"]


def test_a_line_asked_under_its_parent_keeps_both_readings(answers):
    a = answers[SCOPED]
    assert a["status"] == "ambiguous" and "2103.61" in a["answer"] and "1980.00" in a["answer"], a["answer"]
