"""Questions across documents (assistant/across.py, acrosspick.py, acrossparts.py): the operands in the order the
question says them (「A是B的几倍」 is A ÷ B whatever order the documents sort in), each department with the year said
beside its name, short names (区财政局) settled by the region the question names once or the level said before them,
a parenthesised list of departments read as who (not the figure), and 「这几家单位里有几家安排了X」 counting the
departments whose X is not 0 (a blank cell printed is 0). Through the CLI on every real PDF, questions other than
the evaluation's, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import assert_figure_on_pages as _figure, on_real_home, shared_answers

# 2024-gjxfj-juesuan p15 公开09表 “三公”经费 决算数 合计 46.21; 2026-gjxfj-yusuan p16 “三公”经费 合计 112.61:
# the 决算 said first, so 46.21 ÷ 112.61 = 0.41
EARLIER_FIRST = "国家信访局2024年决算的“三公”经费是2026年预算“三公”经费的几倍？"
# 2025-ptq-czj-yusuan p9 支出总计 31,214,205.80 元 = 3121.4205800 万元; 2024-ptq-czj-juesuan p7 总计 2,995.39 万元:
# 3121.42058 ÷ 2995.39 = 1.04
LATER_FIRST = "普陀区财政局2025年预算的支出总计是2024年决算的几倍？"
# No region said, 区 before 财政局: the 区's 财政局 (普陀区), not 北京市财政局. 2024-ptq-wanlijiedao-yusuan p10 支出总计
# 156,211,123 元 + 2025-ptq-czj-yusuan p9 支出总计 31,214,205.80 元 = 187,425,328.80 元
LEVEL_BEFORE = "万里街道2024年和区财政局2025年的支出总计加起来是多少？"
# The region named once (普陀区) holds the short names after it: 2026-ptq-sfj-yusuan p10 支出总计 96,282,213.44 元 >
# 2025-ptq-czj-yusuan p9 31,214,205.80 元
REGION_ONCE = "普陀区的两家单位：区司法局2026年和区财政局2025年，谁的支出总计多？"
# 人员经费 of three 2026 budgets listed in brackets: 杭州气象局 p17 表3 合计/人员支出 2,906.80 < 福州商务局 p28 (说明)
# 3551.21 < 国家信访局 p13 合计 7,504.62
LISTED = "2026年下面几家单位（国家信访局、杭州气象局、福州商务局）里，谁的人员经费最少？"
# 因公出国（境）费 in each 2026 budget's “三公” table: 北京财政局 p14 127.737000, 国家信访局 p16 68.50, 广州市政府办公厅
# p17 215.60, 福州商务局 p24 70.00, 深圳交通运输局 p46 115.00 (also 表4 p33); 普陀司法局 p21 0, 杭州气象局 p21 blank:
# 5 departments
COUNTED = "2026年预算公开的这几家单位中，有几家安排了因公出国（境）费？"

# What a 决算 spent, said plainly of its year: its 本年支出合计 (2024-ptq-czj-juesuan p10 支出决算表 合计 2,940.05), not
# its 支出总计 2,995.39 (which adds 年末结转和结余); 2025-ptq-czj-yusuan p9 支出总计 31,214,205.80 元:
# 3121.42058 − 2940.05 = 181.37058 万元
SPENT_SAID = "上海市普陀区财政局2024年实际支出和2025年支出预算相差多少万元"

ASKED = on_real_home([EARLIER_FIRST, LATER_FIRST, LEVEL_BEFORE, REGION_ONCE, LISTED, COUNTED, SPENT_SAID])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def test_a_multiple_divides_the_first_said_by_the_second(answers):
    a = answers[EARLIER_FIRST]
    _figure(a, "0.41", "倍", [15, 16])
    assert "46.21 ÷ 112.61" in a["calculation"], a["calculation"]
    b = answers[LATER_FIRST]
    _figure(b, "1.04", "倍", [9, 7])
    assert "3121.42058 ÷ 2995.39" in b["calculation"], b["calculation"]


def test_a_level_before_a_short_name_chooses_that_levels_department(answers):
    a = answers[LEVEL_BEFORE]
    _figure(a, "187425328.80", "元", [10, 9])
    assert "上海市普陀区财政局（2025年预算）" in a["answer"] and "北京" not in a["answer"], a["answer"]


def test_a_region_named_once_holds_the_short_names_after_it(answers):
    a = answers[REGION_ONCE]
    _figure(a, "96282213.44", "元", [10, 9])
    assert a["answer"].startswith("支出总计最多的是上海市普陀区司法局（2026年预算）"), a["answer"]


def test_a_bracketed_list_names_who_not_the_figure(answers):
    a = answers[LISTED]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("2906.80") and a["unit"] == "万元", a["answer"]
    assert a["answer"].startswith("人员经费最少的是杭州市气象局"), a["answer"]
    assert sorted(c["page"] for c in a["citations"]) == [13, 17, 28], a["citations"]


def test_departments_counted_by_a_figure_not_zero(answers):
    a = answers[COUNTED]
    assert a["status"] == "answered" and Decimal(a["value"]) == 5 and a["unit"] == "个", a["answer"]
    assert "为 0 的：" in a["answer"] and "杭州市气象局" in a["answer"].split("为 0 的：")[1], a["answer"]
    pages = {c["document"].split(" ")[0]: c["page"] for c in a["citations"]}
    assert pages == {"北京市财政局": 14, "国家信访局": 16, "广州市人民政府办公厅": 17, "福州市商务局": 24,
                     "深圳市交通运输局": 33, "上海市普陀区司法局": 21, "杭州市气象局": 21}, pages


def test_what_a_final_account_spent_is_its_years_spending_not_its_total(answers):
    a = answers[SPENT_SAID]
    _figure(a, "181.37058", "万元", [10, 9])
    assert "3121.42058 − 2940.05" in a["calculation"], a["calculation"]
    assert "本年支出合计" in a["answer"], a["answer"]
