"""Questions the narrative's structure answers: a fund printed only as its 「G-X」 lines (listed, counted, summed —
assistant/groupparts.py), the offices a project block names under 实施主体 (assistant/blocks.py), a why-question
that says how far the figure moved (assistant/reasons.py), a count the narrative states twice with two numbers
(assistant/projectcounts.py), and a whole's change from its parts' stated changes (assistant/partchange.py).
Through the CLI on every real PDF and on the bundled sample; questions other than the evaluation's, each gold read
off its page."""
from decimal import Decimal

import pytest

from conftest import FAST, ask_batch, on_real_home, shared_answers

# 2026-sz-jtysj-yusuan p35 表5 项目支出总表: 交通运输专项资金-低空经济领域 5,060.00, -港航业领域 18,791.27,
# -绿色交通建设领域 1,200.00, -民航业领域 102,420.00, -现代物流业领域 27,253.90 (no line of the fund's own)
FIELDS = "深圳市交通运输局2026年交通运输专项资金包括哪些领域？"
FIELDS_SUM = "深圳交通运输局2026年交通运输专项资金五个领域合计多少钱？"
FIELDS_COUNT = "深圳市交通运输局2026年交通运输专项资金分了几个领域？"
# 2025-ptq-czj-yusuan p23 项目经费情况说明 三、实施主体: 办公室、预算科、国库科、企业科、基建科、行政事业资产管理科
# （政府采购管理办公室）、绩效评价管理科、行政事业财务科、会计事务管理科
OFFICES = "普陀区财政局2025年项目经费具体由哪几个科室负责实施？"
# 2026-gjxfj-yusuan p22 (三)8: 行政单位离退休（项）…比2025年执行数减少126.49万元，减幅11.97%，主要是离休人员减少
WHY_TENTH = "国家信访局2026年行政单位离退休为什么比2025年执行数少了一成多？"
# 2026-gjxfj-yusuan p19 五: 2014099 其他信访事务支出 比2025年执行减少21,519.26万元，减少85.59%，主要原因是，2025年年中
# 追加中央基建投资，2026年初暂无安排 (p21 states the same line up 126.35%: not the one asked)
WHY_EIGHT = "国家信访局2026年其他信访事务支出比2025年执行数减少了八成多，是什么原因？"
# 2022-xa-wjw-juesuan p23: 「…等82个一级项目的绩效自评结果」; p32: 「…等87个一级项目的绩效自评结果」
TWICE = "西安市卫健委2022年部门决算反映了多少个一级项目的绩效自评结果？"
# 2024-ptq-czj-juesuan p23 十: 绩效评级为“优”的项目4个；绩效评级为“良”的项目0个
GOOD = "普陀区财政局2024年绩效评级为“良”的项目有几个？"
# 2026-fz-swj-yusuan p24 “三公”经费支出预算表 合计 84.10 (因公出国 70.00, 公务接待费 6.10, 公务用车购置及运行费 8.00 =
# 购置费 0.00 + 运行费 8.00); p28 因公出国 与上年持平, 公务接待费 比上年减少0.10万元; p29 运行费、购置费 与上年持平
# — the whole's change: 0 − 0.10 + 0 + 0 = −0.10; last year 84.10 + 0.10 = 84.20
FZ_CHANGE = "福州市商务局2026年“三公”经费比上年减少了多少？"
FZ_PRIOR = "福州市商务局2026年上年的三公经费是多少？"

ASKED = on_real_home([FIELDS, FIELDS_SUM, FIELDS_COUNT, OFFICES, WHY_TENTH, WHY_EIGHT, TWICE, GOOD, FZ_CHANGE,
                      FZ_PRIOR])

# The sample (data/sample, 说明 四 p23): “三公”经费 6.20 万元 (table p19); 因公出国（境）费 同比无变化; 公务用车购置及
# 运行维护费 比上年预算减少 3 万元; 公务接待费 0 万元, no change stated — last year 6.20 + 3 = 9.20
BOTH = "组织部三公经费今年多少，比上年少了多少？"
RATE = "三公经费比去年下降了百分之几？"
TIMES = "上年的三公经费是今年的多少倍？"


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.fixture(scope="module")
def sample(sample_home) -> dict[str, dict]:
    return ask_batch(sample_home, [BOTH, RATE, TIMES], env=FAST)


def _figure(a: dict, value: str, unit: str) -> None:
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]


def test_a_fund_printed_as_its_parts_lists_them(answers):
    a = answers[FIELDS]
    assert a["status"] == "answered", a["answer"]
    for field in ("港航业领域", "绿色交通建设领域", "民航业领域", "低空经济领域", "现代物流业领域"):
        assert field in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {35}, a["citations"]


def test_the_parts_summed_with_the_formula(answers):
    a = answers[FIELDS_SUM]
    _figure(a, "154725.17", "万元")
    assert "18791.27" in a["calculation"] and "102420.00" in a["calculation"], a["calculation"]
    assert len(a["citations"]) == 5 and {c["page"] for c in a["citations"]} == {35}, a["citations"]


def test_the_parts_counted(answers):
    _figure(answers[FIELDS_COUNT], "5", "个")


def test_the_offices_a_project_block_names(answers):
    a = answers[OFFICES]
    assert a["status"] == "answered", a["answer"]
    assert "共 9 个" in a["answer"] and "基建科" in a["answer"] and "会计事务管理科" in a["answer"], a["answer"]
    assert a["citations"][0]["page"] == 23, a["citations"]


def test_a_why_question_saying_how_far_reads_the_statement_that_moved_so(answers):
    a = answers[WHY_TENTH]
    assert a["status"] == "answered" and "离休人员减少" in a["answer"], a["answer"]
    assert a["citations"][0]["page"] == 22, a["citations"]
    a = answers[WHY_EIGHT]
    assert a["status"] == "answered" and "年中追加中央基建投资" in a["answer"], a["answer"]
    assert "126.35" not in a["answer"] and a["citations"][0]["page"] == 19, a["answer"]


def test_a_count_stated_twice_is_two_readings(answers):
    a = answers[TWICE]
    assert a["status"] == "ambiguous", a["answer"]
    assert "82" in a["answer"] and "87" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {23, 32}, a["citations"]


def test_a_count_stated_once_is_the_answer(answers):
    a = answers[GOOD]
    _figure(a, "0", "个")
    assert a["citations"][0]["page"] == 23, a["citations"]


def test_a_whole_changes_by_its_parts_stated_changes(answers):
    a = answers[FZ_CHANGE]
    _figure(a, "0.10", "万元")
    assert "84.10" in a["answer"] and "84.20" in a["answer"], a["answer"]
    assert "= −0.10" in a["calculation"] and "84.10 + 0.10 = 84.20" in a["calculation"], a["calculation"]
    assert a["citations"][0]["page"] == 24 and {28, 29} <= {c["page"] for c in a["citations"]}, a["citations"]
    _figure(answers[FZ_PRIOR], "84.20", "万元")


def test_an_unstated_part_printed_zero_is_said_assumed(sample):
    a = sample[BOTH]
    # 「今年多少，比上年少了多少」 asks two figures: this year's first (the answer's value), then the change
    _figure(a, "6.20", "万元")
    assert [(Decimal(p["value"]), p["unit"]) for p in a["parts"]] == [(Decimal("6.20"), "万元"), (Decimal("3"), "万元")]
    assert "6.20" in a["answer"] and "9.20" in a["answer"], a["answer"]  # this year's figure and the change: both
    assert "公务接待费" in a["answer"] and "没有说明" in a["answer"] and "按上年也为 0" in a["answer"], a["answer"]
    assert a["citations"][0]["page"] == 19 and 23 in {c["page"] for c in a["citations"]}, a["citations"]
    _figure(sample[RATE], "32.61", "%")
    _figure(sample[TIMES], "1.48", "倍")
