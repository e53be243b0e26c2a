"""Names users say for lines and projects, and parts the document does not break out: two line names said back
to back before a sum (「邮电费差旅费加起来」) are a list, not one inside the other; a figure only the narrative
states reached by a colloquial name (中介费 → 中介机构服务费; 别的收入 → 其他收入); a project's 用款计划 printed
quarter by quarter summed (assistant/quarters.py); a part inside a line, a unit of the department, or a supplier
asked where the document prints only the whole: not found (assistant/subparts.py). Through the CLI on every real
PDF, with questions other than the evaluation's."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2019-js-gaoyuan-yusuan p11 公开06表: 「30207 邮电费 125.00」「30211 差旅费 291.00」 → 416.00
    "江苏高院2019年邮电费差旅费加起来多少？": "416.00",
    # 2026-fz-swj-yusuan p22 基本支出经济分类情况表: 「30301 离休费 28.21」「30302 退休费 0.32」 → 28.53
    "福州商务局2026年离休费退休费一共多少？": "28.53",
    # 2025-ptq-czj-yusuan p22: 「其中：中介机构服务费418.80万元」
    "普陀财政局2025年中介费预算多少万？": "418.80",
    # 2024-ptq-czj-juesuan p6 收入支出决算总表: 「八、其他收入 6.20」
    "普陀财政局2024年别的收入有多少？": "6.20",
    # 2024-ptq-wanlijiedao-yusuan p33 六、年度预算安排: 「第一季度用款计划158.05万元，第二季度…158.05万元，
    # 第三季度…158.05万元，第四季度用款计划158.05万元」 → 632.20
    "万里街道社区公共服务中心新建工程2024年各季度用款计划合计多少？": "632.20",
    # 2025-ptq-czj-yusuan p24 六、年度预算安排: 「信息化系统日常维护费166.66万元，中介机构服务费418.80万元，财政业务费
    # 10万元。」 — the item asked, out of the block's list (assistant/blocks.py)
    "普陀财政局2025年财政业务费安排了多少钱？": "10",
}
REFUSED = [
    # 2025-ptq-czj-yusuan p23 names 法律顾问费 among the 中介机构 services; p24 prices only the three items above
    "普陀区财政局2025年预算里，给法律顾问安排了多少钱？",
    # 2025-ptq-czj-yusuan p22/p24: only 中介机构服务费 418.80 as a whole; no 审计费 printed inside it
    "普陀区财政局2025年中介机构服务费里，审计费单独是多少？",
    # 2019-js-gaoyuan-yusuan p5: 徐州铁路运输法院 is one of the 2 units; the tables (p8–16) are the department's
    "江苏高院2019年预算里，徐州铁路运输法院单独的支出是多少？",
    # 2026-ptq-sfj-yusuan p22: 政府采购预算 by 货物/工程/服务 only; no supplier named
    "普陀区司法局2026年政府采购里哪个供应商拿的钱最多？",
]


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, *REFUSED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_named_lines_are_answered_with_the_printed_figures(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(ANSWERED[question]), a["answer"]
    assert a["citations"], a


@pytest.mark.parametrize("question", REFUSED)
def test_a_part_the_document_does_not_break_out_is_not_answered_with_its_whole(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]


# 2025-ptq-czj-yusuan p12 2080506 机关事业单位职业年金缴费支出 873,617.00 元: a line the tables print, asked with
# 「预算安排了多少」, is read in the tables — not refused because a project's 年度预算安排 block prices other items
LINE = on_real_home("普陀区财政局2025年职业年金缴费支出预算一共安排了多少？")[0]


def test_a_line_the_tables_print_is_not_refused_by_a_priced_block(real_home):
    a = shared_answers(real_home, [LINE])[LINE]
    assert a["status"] != "not_found" and "873617.00" in a["answer"], a["answer"]
