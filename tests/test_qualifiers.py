"""The part asked, never its whole or a neighbour (assistant/qualifiers.py): a question naming a district, a
numbered line, a threshold, a place or a unit that the cited figure does not cover is not found, saying what is
missing and what the document prints; the same lines asked as printed still answer. Asked on the corpus of
every real disclosure through the CLI (questions other than the evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

REFUSED = {
    "福州商务局2026年商务发展资金拨给台江区多少钱？": "台江区",  # the form prints the fund's total only
    "深圳交通运输局2026年轨道交通3号线运营补贴安排了多少？": "3号线",  # 项目支出总表: 轨道交通管理, no line per route
    "江苏高院2019年单价50万元以上的设备有几台？": "20万元",  # p25 counts 单价20万元（含）以上 only
    "国家信访局2024年因公出国（境）去了哪里？": "去了哪里",  # an amount is no place
    "普陀区国库收付中心2024年的决算支出是多少？": "并入本级",  # a unit listed in 普陀区财政局's 决算, no document
}
ANSWERED = {"江苏高院2019年单价20万元以上的设备有几台？": ("48", "台"),
            "深圳交通运输局2026年轨道交通管理安排了多少？": ("175400.59", "万元"),
            "国家信访局2026年信息化运行维护安排了多少？": ("2134.87", "万元"),
            "福州商务局2026年商务发展资金是多少？": ("11600.00", "万元")}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*REFUSED, *ANSWERED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(REFUSED))
def test_a_part_the_document_does_not_print_is_not_found_saying_what_is_missing(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert REFUSED[question] in a["answer"], a["answer"]


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_lines_asked_as_printed_still_answer(answers, question):
    a = answers[question]
    value, unit = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]


def test_the_qualifier_test_ignores_the_question_s_own_wording():
    from assistant.answer import ANSWERED as OK, Answer, Citation
    from assistant.qualifiers import check
    c = Citation("d", "x", table="支出总表", row="2010101 行政运行", column="合计", kind="支出总表", unit="万元")
    a = Answer("q", OK, "行政运行：12.00 万元", Decimal("12.00"), "万元", citations=[c])
    assert check("2026年一般公共预算里行政运行单独安排了多少钱？", a, None) is None
    assert check("2026年行政运行分给朝阳区多少钱？", a, None) is not None
