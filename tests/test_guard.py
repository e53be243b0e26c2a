"""A figure that does not measure what was asked is not an answer (assistant/guard.py): money for days, beds or
visits of patients, trips for people. Asked on the corpus of every real disclosure through the CLI."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

REFUSED = ["西安市卫健委2022年市属公立医院的床位数是多少？",  # the tables print only the hospitals' money
           "西安市卫健委2022年公立医院的诊疗人次是多少？",
           "国家信访局2024年末行政编制人数是多少？"]  # p25 states trips abroad in 人次, no head count
ANSWERED = {"西安市卫健委2022年公立医院一共支出多少？": ("1295897.69", "万元"),  # 支出决算表 21002 公立医院 (一共: the whole)
            "国家信访局2024年因公出国（境）多少人次？": ("1", "人次")}  # p25 「累计 1 人次」


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*REFUSED, *ANSWERED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", REFUSED)
def test_a_figure_of_another_kind_is_refused_with_the_reason(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "不作回答" in a["answer"]


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_same_lines_asked_as_what_they_are_still_answer(answers, question):
    a = answers[question]
    value, unit = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
