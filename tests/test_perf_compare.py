"""Two projects' performance-form figures compared (assistant/perfcompare.py): 「A和B，哪个…高/低/多」 reads the
figure from each project's form and answers the higher or lower as asked, both figures shown and cited — not
the figure of whichever project the question names longest. Through the CLI on the real PDFs; each figure read
off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the project answered, the other's figure shown, the cited pages)
CASES = {
    # 2024-gjxfj-juesuan p32 信访研究宣传立法专项 自评表 执行率 77.13%; p35 信息化运行维护 63.01%: the lower asked,
    # the project named first being the higher
    "国家信访局2024年信访研究宣传立法专项和信息化运行维护，哪个项目的执行率更低？":
        ("63.01", "%", "信息化运行维护", "77.13", {32, 35}),
    # 2026-fz-swj-yusuan p34 商务发展资金 绩效目标表 资金总额 11600.00; p31 办公楼租金 202.17 (万元)
    "福州市商务局2026年办公楼租金和商务发展资金两个项目，哪个资金总额大？":
        ("11600.00", "万元", "商务发展资金", "202.17", {31, 34}),
}
# 2024-gjxfj-juesuan p31 信访干部培训专项 总分 98; p34 资产运行维护 总分 98: the same score, said so
EQUAL = "国家信访局2024年信访干部培训专项和资产运行维护，哪个项目自评得分高？"
on_real_home(list(CASES), EQUAL)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, EQUAL])


@pytest.mark.parametrize("question", list(CASES))
def test_the_project_asked_for_is_answered_beside_the_other(answers, question):
    value, unit, project, other, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["answer"].split("：")[0].endswith(("更低", "更高", "更大", "更多")) and project in a["answer"].split("：")[0]
    assert other in a["answer"], "the other project's figure is shown"
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_two_equal_figures_are_said_to_be_equal(answers):
    a = answers[EQUAL]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("98"), a["answer"]
    assert "相同" in a["answer"] and {c["page"] for c in a["citations"]} == {31, 34}, a
