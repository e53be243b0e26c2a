"""A “三公”/会议费/培训费 item printed in the “三公”经费 table (all the money for it, basic and project spending) and
on its economic line of the 基本支出 table (30215 会议费 …, the basic part only) with another figure: asked by its
name and neither table, both readings are named (assistant/threebasic.py); naming the table reads that one.
Through the CLI on every real PDF, questions other than the evaluation's, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# 2022-xa-wjw-juesuan p161 公开09表: 会议费 决算数 86.81; p157 公开06表: 30215 会议费 23.86
BOTH = "西安卫健委2022年会议费花了多少？"
# 2019-js-gaoyuan-yusuan p14 公开09表: 培训费 1,597.25 (公开06表 30216 培训费 41.37)
NAMED = "江苏高院2019年三公经费表里的培训费是多少？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([BOTH, NAMED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def test_an_item_of_both_tables_names_both_readings(answers):
    a = answers[BOTH]
    assert a["status"] == "ambiguous", a["answer"]
    assert "86.81" in a["answer"] and "23.86" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {161, 157}, a["citations"]


def test_naming_the_table_reads_that_one(answers):
    a = answers[NAMED]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("1597.25") and a["citations"][0]["page"] == 14
