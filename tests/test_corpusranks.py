"""Questions across the corpus's departments (assistant/across.py, acrosschange.py, docclauses.py): 「这些部门谁的…」
asks of every department; 「最高的是哪家？是多少？」 ranks from the most (the 少 of 多少 asks the figure, not the
least); a ranking of changes ranks each department's own stated change over last year, never the amounts, naming
those that changed the other way; 「有几家没有安排X」 counts the departments whose X is 0, not those that have one;
「多出来多少」 is a difference; and sentences each saying another year are each asked of that year's document.
Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# 2026-sz-jtysj-yusuan p27 部门收支总表: 深圳市交通运输局（本级） 支出 388,763.56 (万元), the largest of the 2026 budgets
THESE = "2026年的预算里，这些部门谁的支出预算最多？"
# 2026-bj-czj-yusuan-baobiao p14 预算09表 财政拨款“三公”经费支出表: 公务接待费 11.642250 (万元), the largest
HIGHEST = "2026年这几家单位中，公务接待费预算最高的是哪家？是多少？"
# 2026-gz-zfbgt-yusuan p24: 「财政拨款安排“三公”经费226.86万元，比上年减少489.77万元」; 国家信访局 p24 「与2025年
# “三公”经费预算持平」 is no fall
FELL = "2026年各部门的“三公”经费比上年减少得最多的是哪个部门？"
# 2026-sz-jtysj-yusuan p9: 「388,763.56 万元，较 2025 年年初预算增加 18,248.67 万元」; 2026-gz-zfbgt-yusuan p25:
# 「支出预算16,410.71万元，比上年减少11,230.54万元」 — the other way
ROSE = "2026年哪个部门的支出预算比上年增加得最多？多了多少？"
# 2026-sz-jtysj-yusuan p47 政府性基金预算支出表 4,165.00; 2026-fz-swj-yusuan p27 「政府性基金预算支出 1800.00 万元」;
# the other five print 0 — 没有安排 counts those five
NONE = "2026年有几家单位没有安排政府性基金预算支出？"
# 2025-ptq-czj-yusuan p20 合计 人员经费 22,826,756.00 (元); 2024-ptq-czj-juesuan p17 人员经费合计 2,152.26 (万元)
MORE_OUT = "普陀区财政局2025年预算的人员经费比2024年决算多出来多少？"
# the same two figures, each asked in a sentence of its own saying its year
EACH_YEAR = "普陀区财政局2024年决算的人员经费是多少？2025年预算的人员经费是多少？"
QUESTIONS = on_real_home(THESE, HIGHEST, FELL, ROSE, NONE, MORE_OUT, EACH_YEAR)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, QUESTIONS)


def _figure(a: dict, value: str, unit: str) -> None:
    assert a["status"] == "answered", a["answer"]
    assert (Decimal(a["value"]), a["unit"]) == (Decimal(value), unit), a["answer"]


def test_these_departments_are_every_department(answers):
    a = answers[THESE]
    _figure(a, "388763.56", "万元")
    assert a["answer"].startswith("支出总计最多的是深圳市交通运输局"), a["answer"]
    assert 27 in [c["page"] for c in a["citations"]], a["citations"]


def test_how_much_asked_after_the_most_is_no_least(answers):
    a = answers[HIGHEST]
    _figure(a, "11.642250", "万元")
    assert "最多的是北京市财政局" in a["answer"] and "最少" not in a["answer"], a["answer"]
    assert 14 in [c["page"] for c in a["citations"]], a["citations"]


def test_the_largest_fall_ranks_the_stated_changes(answers):
    a = answers[FELL]
    _figure(a, "489.77", "万元")
    assert "减少最多的是广州市人民政府办公厅" in a["answer"], a["answer"]
    assert "没有减少的" in a["answer"] and "国家信访局（2026年预算） 持平" in a["answer"], a["answer"]
    assert "226.86" in a["calculation"] and "716.63" in a["calculation"], a["calculation"]  # its last year shown


def test_the_largest_rise_names_the_one_that_fell(answers):
    a = answers[ROSE]
    _figure(a, "18248.67", "万元")
    assert "增加最多的是深圳市交通运输局" in a["answer"], a["answer"]
    assert "广州市人民政府办公厅（2026年预算） 减少 11230.54 万元" in a["answer"], a["answer"]
    assert {9, 24} <= {c["page"] for c in a["citations"]}, a["citations"]


def test_a_count_of_those_without_counts_the_zeros(answers):
    a = answers[NONE]
    _figure(a, "5", "个")
    assert "不为 0 的" in a["answer"] and "4165.00" in a["answer"] and "1800.00" in a["answer"], a["answer"]
    assert "= 0" in a["calculation"], a["calculation"]


def test_more_out_is_a_difference_of_each_years_figure(answers):
    a = answers[MORE_OUT]
    _figure(a, "130.4156", "万元")
    assert "2282.6756 − 2152.26 = 130.4156" in a["calculation"], a["calculation"]
    assert sorted(c["page"] for c in a["citations"]) == [17, 20], a["citations"]


def test_each_sentence_reads_its_own_years_document(answers):
    a = answers[EACH_YEAR]
    assert a["status"] == "answered", a["answer"]
    assert [(Decimal(p["value"]), p["unit"]) for p in a["parts"]] == [(Decimal("2152.26"), "万元"),
                                                                       (Decimal("22826756.00"), "元")], a
    assert [(c["document"], c["page"]) for c in a["citations"]] == [
        ("上海市普陀区财政局 2024年部门决算", 17), ("上海市普陀区财政局 2025年部门预算", 20)], a["citations"]
