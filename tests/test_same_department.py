"""A question that names a department but no year, where the corpus holds several of its documents (国家信访局's
2024 决算 and 2026 预算; 普陀区财政局's 2024 决算 and 2025 预算): asked of each (assistant/samedept.py). The same figure
in every document is the answer, each document cited; different figures make the question ambiguous and every
document's figure is named — never one year's figure given for another's. Through the CLI on every real PDF, with
questions other than the evaluation's."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

SAME = {
    # 2024-gjxfj-juesuan p26: 「截至 2024 年 12 月 31 日，国家信访局共有车辆 15 辆」; 2026-gjxfj-yusuan p26:
    # 「截至 2025 年 7 月 31 日，国家信访局实有车辆 15 辆」
    "国家信访局共有多少辆车？": ("15", {"国家信访局 2024年部门决算", "国家信访局 2026年部门预算"}),
}
# 2024-ptq-czj-juesuan p24 机关运行经费支出 184.65 万元; 2025-ptq-czj-yusuan: its own 2025 figure — they differ.
DIFFERENT = "普陀区财政局的机关运行经费是多少？"


# A list, not a figure: what each document says, under its own label. 2024-ptq-czj-juesuan p5 names three units
# (本级、财政所、国库收付中心); 2025-ptq-czj-yusuan p5 one (财政局本部).
LISTED = "普陀区财政局包括哪些单位？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*SAME, DIFFERENT, LISTED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(SAME))
def test_the_same_figure_in_every_document_is_the_answer_citing_each(answers, question):
    a = answers[question]
    value, documents = SAME[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value), a["answer"]
    assert {c["document"] for c in a["citations"]} == documents, a["citations"]


def test_different_figures_are_named_per_document_and_the_question_is_ambiguous(answers):
    a = answers[DIFFERENT]
    assert a["status"] == "ambiguous", a["answer"]
    assert "184.65" in a["answer"] and "2024年部门决算" in a["answer"] and "2025年部门预算" in a["answer"], a["answer"]


def test_a_list_is_given_from_each_document_under_its_label(answers):
    a = answers[LISTED]
    assert a["status"] == "answered", a["answer"]
    first, second = a["answer"].index("〔上海市普陀区财政局 2024年部门决算〕"), a["answer"].index("〔上海市普陀区财政局 2025年部门预算〕")
    assert "国库收付中心" in a["answer"][first:second] and "财政局本部" in a["answer"][second:], a["answer"]
    assert {c["page"] for c in a["citations"]} == {5}, a["citations"]
