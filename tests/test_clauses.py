"""Two figures asked in sentences of their own (assistant/clauses.py): each asked on its own, both stated in the
order asked, the first the value and every figure in the answer's parts; a later sentence naming no thing of its own
(「还打算买几辆」) counts what the first named. Two lines asked one after the other are no whole and its part (no
「其中」), and a line read two ways keeps both readings. Beside them, two readings the family relies on: a why
asked with the size of the change (「多了1.8亿多」) reads the statement of about that size, and an indicator named
for what it counts (「参加考试人数」) printed bare is in that counter. Through the CLI on the real PDFs; each figure read
off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → [(value, unit) in the order asked], the cited pages in order
TWO = {
    # 2022-xa-wjw-juesuan p23: 「截至2022年末，本部门共有车辆517辆」; p21: 「…购置公务用车5辆」
    "西安市卫健委2022年决算有几辆车？2022年买了几辆？": ([("517", "辆"), ("5", "辆")], [23, 21]),
    # 2026-hz-qxj-yusuan p9: 「本部门共有车辆 5 辆」; p10: 「2026 年部门预算安排购置车辆 1 辆」 — 几辆 of the 车 named first
    "杭州市气象局2026年手上有几辆车？今年准备再买几辆？": ([("5", "辆"), ("1", "辆")], [9, 10]),
}
# 2026-gjxfj-yusuan p7 部门支出总表 2014001 行政运行 6,286.21 | 2014003 机关服务 844.83; p10 一般公共预算支出表
# 5,826.21 | 236.83 — two lines, each with two readings; 机关服务 is no part of 行政运行
LINES = "国家信访局2026年行政运行安排了多少？机关服务安排了多少？"
# 2026-sz-jtysj-yusuan p9: 部门预算支出 388,763.56 万元，较2025年年初预算增加 18,248.67 万元; its reasons follow
WHY = "深圳交通运输局2026年部门预算支出比2025年年初预算多了1.8亿多，原因是什么？"
# 2022-xa-wjw-juesuan p57 卫生健康考试考务费 自评表: 指标1：参加考试人数 37500 | 37500 (no unit printed)
COUNTED = "西安市卫健委2022年卫生健康考试考务费项目参加考试人数实际是多少？"
# 2026-gz-zfbgt-yusuan p26: 「…分布构成情况为：房屋70,193.21平方米，车辆0辆…」: an area the narrative states
AREA = "广州市人民政府办公厅2026年的房屋面积是多少平方米？"
on_real_home(list(TWO), LINES, WHY, COUNTED, AREA)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*TWO, LINES, WHY, COUNTED, AREA])


@pytest.mark.parametrize("question", list(TWO))
def test_each_sentence_is_asked_and_stated_in_order(answers, question):
    figures, pages = TWO[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert [(Decimal(p["value"]), p["unit"]) for p in a["parts"]] == [(Decimal(v), u) for v, u in figures], a
    assert (Decimal(a["value"]), a["unit"]) == (Decimal(figures[0][0]), figures[0][1])
    assert [c["page"] for c in a["citations"]] == pages, a["citations"]
    at = -1
    for v, u in figures:
        at = a["answer"].find(f"{v} {u}", at + 1)
        assert at >= 0, (v, a["answer"])


def test_two_lines_are_no_whole_and_part_and_keep_their_readings(answers):
    a = answers[LINES]
    assert a["status"] == "ambiguous" and a["value"] is None, a["answer"]
    assert "其中" not in a["answer"], a["answer"]
    for figure in ("6286.21", "5826.21", "844.83", "236.83"):
        assert figure in a["answer"], (figure, a["answer"])
    assert {c["page"] for c in a["citations"]} == {7, 10}, a["citations"]


def test_a_why_with_the_size_said_reads_the_change_of_that_size(answers):
    a = answers[WHY]
    assert a["status"] == "answered", a["answer"]
    assert "18248.67" in a["answer"] and "轨道交通管理经费增加" in a["answer"], a["answer"]
    assert a["citations"][0]["page"] == 9, a["citations"]


def test_an_indicator_counting_people_is_in_people(answers):
    a = answers[COUNTED]
    assert a["status"] == "answered" and (Decimal(a["value"]), a["unit"]) == (Decimal("37500"), "人"), a["answer"]
    assert {c["page"] for c in a["citations"]} == {57}, a["citations"]


def test_an_area_the_narrative_states_is_read_with_its_decimals(answers):
    a = answers[AREA]
    assert a["status"] == "answered" and (Decimal(a["value"]), a["unit"]) == (Decimal("70193.21"), "平方米"), a
    assert [c["page"] for c in a["citations"]] == [26], a["citations"]


def test_a_figure_and_its_change_from_its_parts_are_both_given_in_order(sample_home):
    """The sample states no change of its “三公” whole, only of its parts (assistant/partchange.py): 「三公经费多少，
    比去年少了多少」 is this year's 6.20 (p19), then the change 3 summed from the parts — both in the parts, in order."""
    from conftest import budgetqa, jsonl
    a = jsonl(budgetqa("ask", "三公经费多少，比去年少了多少？", "--json", home=sample_home).stdout)[0]
    assert [(Decimal(p["value"]), p["unit"]) for p in a["parts"]] == [(Decimal("6.20"), "万元"), (Decimal("3"), "万元")]
    assert Decimal(a["value"]) == Decimal("6.20") and "6.20 + 3 = 9.20" in a["calculation"], a
