"""Staffing as the narrative states it (assistant/staffing.py): 人员编制, 行政/事业编制 of the department or of a unit it
names, 实有人员, 离退休人员, and the gap between the establishment and the people in post computed with its formula.
A document that states none is not answered with another count (编制范围 is the scope of the budget, not staff).
Through the CLI on every real PDF and the sample; questions other than the evaluation's, each read off its page."""
from decimal import Decimal

import pytest

from conftest import FAST, ask_batch, on_real_home, shared_answers

ANSWERED = {
    # 2022-xa-wjw-juesuan p7 三、人员情况: 「本部门人员编制10964人，其中行政编制115人、事业编制10849人；实有人员10887人，
    # 其中行政121人、事业10766人。单位管理的离退休人员109人。」
    "西安卫健委2022年事业编制多少人": ("10849", None),
    "西安卫健委2022年离退休人员有多少人": ("109", None),
    # 2021-xa-xcb-yusuan p3 四、部门人员情况说明: 「…其中市委宣传部行政编制87人、市委讲师团事业编制18人；实有人员97人，
    # 其中市委宣传部行政85人、市委讲师团事业12人」
    "西安市委宣传部2021年实有人员多少人？": ("97", None),
    "西安市委宣传部2021年市委讲师团事业编制比实有人数多几个？": ("6", "18 − 12 = 6"),
}
# 2022-xa-wjw-juesuan p7 二、决算单位构成: 「纳入2022年度本部门决算编制范围的单位共28个」 — units, not staff.
SCOPE = "西安卫健委2022年决算编制范围的单位有几个"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, SCOPE])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_staff_figures_are_the_sentence_s(answers, question):
    a = answers[question]
    value, formula = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == "人", a["answer"]
    assert a["calculation"] == formula, a["calculation"]
    assert a["citations"] and a["citations"][0]["table"] is None and a["citations"][0]["page"] in (3, 7)


def test_the_budget_s_scope_is_no_staff_count(answers):
    a = answers[SCOPE]
    assert a["status"] == "answered" and Decimal(a["value"]) == 28 and a["unit"] != "人", a["answer"]


def test_a_document_stating_no_staff_is_not_answered(sample_home):
    # The sample states no 编制 or staff: a question about them is refused, not answered with another count.
    a = ask_batch(sample_home, ["组织部有多少名在编工作人员？"], env=FAST)["组织部有多少名在编工作人员？"]
    assert a["status"] == "not_found", a["answer"]
