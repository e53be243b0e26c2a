"""Last year's figures and changes the narrative states per item, and changes stated twice (yearly.py,
restated.py, ingest/changes.py): the item named with the 款 it sits in, named in a clause before the one
asking, its 2025 执行数 asked of a 2026 预算; a change restated 「扣除中央基建后」 answered when the question
takes that part out and ambiguous when it names neither reading. Through the CLI on every real PDF, with
questions other than the evaluation's; each expected value read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2026-ptq-sfj-yusuan p8: 「3、…普法宣传（05项）124.29万元。…2025年当年预算执行数为118.46万元」
    "普陀区司法局普法宣传2025年执行了多少万元？": "118.46",
    # p8: 「4、…公共法律服务（07项）686万元。…2025年当年预算执行数为679.12万元」: 686 − 679.12
    "普陀区司法局公共法律服务今年的预算比2025年执行数多了多少万元？": "6.88",
    # 2026-hz-qxj-yusuan p7: 「（9）…气象事务（款）气象服务（项）1,980.00 万元，…比上年执行数增加 127.16 万元」
    "杭州市气象局的气象服务，2025年执行数是多少？": "1852.84",
    # 2026-gjxfj-yusuan p20: 「…比 2025 年执行数减少 20,766.6 万元，减幅 55.76%，扣除中央基建后比 2025 年执行数增加
    # 2,775.6 万元，增幅 20.26%」
    "国家信访局2026年一般公共预算当年拨款扣除中央基建后比2025年执行数增加了多少万元？": "2775.6",
    # 2024-ptq-wanlijiedao-yusuan p6: 「4. “一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，…
    # 比2023年预算执行数减少2.98%」 — not 组织事务's or 群众团体事务's 一般行政管理事务
    "万里街道2024年宣传事务的一般行政管理事务比23年执行数变化了百分之几？": "2.98",
    # 2024-gjxfj-juesuan p17: 「国家信访局 2024 年度收、支总计 22066.59 万元，与 2023 年相比，收、支总计各增加
    # 5834.37 万元」: 22066.59 − 5834.37
    "国家信访局2023年度收支总计是多少？": "16232.22",
}
# 2026-gjxfj-yusuan p20 as above: no direction, no part named — both readings
AMBIGUOUS = "国家信访局2026年一般公共预算当年拨款跟2025年执行数比变化了多少？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, AMBIGUOUS])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_stated_figure_of_the_item_asked(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(ANSWERED[question]), a["answer"]


def test_a_change_stated_twice_is_ambiguous_when_the_question_names_neither_reading(answers):
    a = answers[AMBIGUOUS]
    assert a["status"] == "ambiguous", a["answer"]
    assert "20766.6" in a["answer"] and "2775.6" in a["answer"] and "扣除中央基建" in a["answer"], a["answer"]
