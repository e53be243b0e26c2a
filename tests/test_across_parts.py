"""Questions across departments (assistant/acrossparts.py, across.py): a ranking among named departments
answers among those that print the figure and names the one that does not (a sum needing it stays refused);
an asset class named by its unit value (单价100万元以上的设备) is counted in 台, never read as a threshold;
a part of 政府采购 (货物/工程/服务) is that part, never the 政府采购 total; 「有几个部门…安排了X」 counts the
non-zero ones. Asked on the corpus of every real disclosure through the CLI (questions other than the
evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # bj shuoming p9: 「机关运行经费财政拨款预算 1158.60 万元」; gjxfj p25: 「机关运行经费财政拨款预算 2,376.26 万元」;
    # 杭州市气象局 2026 prints no 机关运行经费 figure: named as missing.
    "北京市财政局、杭州气象局、国家信访局2026年谁的机关运行经费最少？": ("1158.60", "万元", "杭州市气象局"),
    # gz p26: 「单价在100万元以上的设备19台」; ptq-sfj p22: 「单价100万元（含）以上设备（不含车辆）0台」
    "广州市政府办公厅比普陀区司法局多几台单价100万元以上的设备？（2026年）": ("19", "台", "19 − 0"),
    # hz p9: 「政府采购服务预算 547.26 万元」; ptq-sfj p22: 1446.32; gjxfj p26: 1,575.09
    "国家信访局、普陀区司法局、杭州气象局2026年政府采购里服务最少的是谁？": ("547.26", "万元", "杭州市气象局"),
}
REFUSED = {"杭州气象局和福州商务局2026年机关运行经费加起来是多少？": "杭州市气象局"}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, *REFUSED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_across_departments_answers_with_the_part_asked(answers, question):
    a = answers[question]
    value, unit, said = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert said in a["answer"] or said in (a.get("calculation") or ""), a["answer"]
    assert a["citations"], a


@pytest.mark.parametrize("question", list(REFUSED))
def test_a_sum_needing_a_missing_department_is_refused(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None and REFUSED[question] in a["answer"], a["answer"]
