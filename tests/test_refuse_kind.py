"""A figure of another kind is no answer (assistant/guard.py, assistant/qualifiers.py, assistant/documents.py): a
count asked by its counter word (批次, 名, 辆, 台 …) is not answered by money or by a count of something else;
what will be bought (打算/计划 买) is not answered by what is held at a date (截至…共有); an item the question names
in 《》 that the cited line does not print is not covered (the generic line is named as what the document prints);
a department named by its region and the stem of its name (杭州气象…) is that department. The counts printed
as asked still answer. Asked on the corpus of every real disclosure through the CLI (questions other than the
evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

REFUSED = {
    # 2026-gjxfj p13: 30217 公务接待费 5.51 (万元); no count of receptions anywhere in the document.
    "国家信访局2026年预算里公务接待费预计接待多少批次？": "批次",
    # 2019-js-gaoyuan p25: 「本部门共有车辆 66 辆，其中，一般公务用车 13 辆…」 — held, no purchase planned is stated.
    "江苏高院2019年计划购买几辆公务用车？": "现有",
    # 2024-gjxfj-juesuan p12: 30202 印刷费 16.90 (基本支出, 公开06表); 《人民信访》 (p27, p32) has no line of its own.
    "国家信访局2024年决算里编印《人民信访》花了多少印刷费？": "印刷费",
    # 2026-fz-swj p40: 「2026 年部门预算安排购置车辆 0 辆」: cars, never computers.
    "福州市商务局2026年购置经费打算买几台电脑？": "电脑",
}
ANSWERED = {
    # 2026-hz-qxj p10: 「2026 年部门预算安排购置车辆 1 辆，其中，一般公务用车 0 辆…特种专业技术用车 1 辆」
    "杭州市气象局2026年打算买几辆车？": ("1", "辆"),
    # 2021-xa-xcb p12: 「2021年当年部门预算安排购置车辆 0 辆」
    "西安市委宣传部2021年计划购置几辆车？": ("0", "辆"),
    # 2026-bj-czj-shuoming p9: 「截至 2025 年底，北京市财政局共有车辆 27 台」 — a stock asked as a stock.
    "北京市财政局截至2025年底共有几台车辆？": ("27", "台"),
    # 2022-xa-wjw p23: 「截至2022年末，本部门共有车辆517辆，其中…特种专业技术用车375辆」
    "西安卫健委截至2022年末有几辆特种专业技术用车？": ("375", "辆"),
    # 2026-hz-qxj p24: 表10 杭州市气象局 气象业务建设 1,097.02 — 杭州 + 气象 name 杭州市气象局.
    "杭州气象业务建设2026年安排了多少钱？": ("1097.02", "万元"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*REFUSED, *ANSWERED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(REFUSED))
def test_a_figure_of_another_kind_is_not_found_saying_why(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert REFUSED[question] in a["answer"], a["answer"]


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_counts_printed_as_asked_still_answer(answers, question):
    a = answers[question]
    value, unit = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]


def test_money_never_answers_a_count_unless_money_is_asked_too():
    from assistant.answer import ANSWERED as OK, Answer, Citation
    from assistant.guard import mismatch
    c = Citation("d", "x", table="基本支出表", row="30217 公务接待费", column="合计", kind="基本支出表", unit="万元")
    a = Answer("q", OK, "公务接待费：5.51 万元", Decimal("5.51"), "万元", citations=[c])
    assert mismatch("公务接待预计接待多少批次？", a) is not None
    assert mismatch("援滇干部工作经费派了几名干部去云南？", a) is not None
    assert mismatch("公务接待费安排了多少钱？", a) is None
    assert mismatch("项目支出中有几个项目，合计多少万元？", a) is None
    assert mismatch("多少项目支出用于公务接待？", a) is None  # 项目, not the counter 项
