"""What the document withholds or only counts (assistant/withheld.py), and n projects of one unit summed in a
project table printed unit by unit, their names carrying a year span (assistant/blockcount.py, scope._held_span).
Through the CLI on every real PDF; questions other than the evaluation's, each read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# 2021-xa-xcb-yusuan p2: 「一、部门主要职责及机构设置 本部门按照保密审查机制确定此项内容为涉密内容，按规定不予公开。
# 二、2021 年度部门工作任务 本部门按照保密审查机制确定此项内容为涉密内容，按规定不予公开。」
WITHHELD = ["西安市委宣传部2021年下设哪几个处室？", "西安市委宣传部2021年的重点工作任务有哪些？"]
# 2022-xa-wjw-juesuan p23: 「单价100万元（含）以上设备（不含车辆）901台（套）。」「购置单价100万元以上的设备221台（套）」 — counts only.
COUNTED = "西安市卫健委2022年决算里单价100万元以上的设备具体都是哪些？"
# 2026-gz-zfbgt-yusuan p26: 「单价在100万元以上的设备19台等」 — a count asked is still answered.
HOW_MANY = "广州市政府办公厅2026年单价100万元以上的设备有几台？"
SUMS = {
    # 2026-gz-zfbgt-yusuan p23 表12: 广州地区公文交换站(广州市人民政府公报编辑部)2025-2026年度信息化运维服务 3.18,
    # …2026-2027年度信息化运维服务 4.80 (万元)
    "广州地区公文交换站的两个信息化运维服务项目一共多少钱？": ("7.98", "3.18 + 4.80 = 7.98"),
    # p22 表12: 广州市人民政府办公厅2025-2026年度信息化整体运维服务项目 138.05, 2026-2027年度信息化运维服务项目 70.25;
    # the years of the names' spans (2027) are no year asked
    "广州市政府办公厅本级那两个信息化运维服务项目（2025-2026年度、2026-2027年度）合计是多少？": ("208.30", "138.05 + 70.25 = 208.30"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*WITHHELD, COUNTED, HOW_MANY, *SUMS])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", WITHHELD)
def test_a_withheld_section_is_refused_quoting_it(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and "不予公开" in a["answer"], a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == 2


def test_items_only_counted_are_not_named(answers):
    a = answers[COUNTED]
    assert a["status"] == "not_found" and "901台" in a["answer"], a["answer"]


def test_a_count_asked_is_still_answered(answers):
    a = answers[HOW_MANY]
    assert a["status"] == "answered" and Decimal(a["value"]) == 19, a["answer"]


@pytest.mark.parametrize("question", list(SUMS))
def test_n_projects_of_one_unit_summed(answers, question):
    a = answers[question]
    value, formula = SUMS[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == "万元", a["answer"]
    assert a["calculation"] == formula and all(c["page"] in (22, 23) for c in a["citations"]), a["calculation"]
