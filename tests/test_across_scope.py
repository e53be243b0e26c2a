"""Which figure, which document, and which question: the words around a comparison across documents, and a
check asked of one document (assistant/across.py, documents.py, engine.py, scopewords.py).

- 「A年的X比B年」 where the department has no document of A (nor of A+1, whose 上年 columns would print A): no
  document holds A's figure — refused, never the held year's own change.
- 「一般公共预算基本支出里的人员经费」 across departments: the part said first is where the figure is read.
- 「部门预算总额」: the kind said with 总额 is the whole budget (支出总计).
- 「“信息化建设”，2025年预算安排的比2024年决算实际花的」: quotes are no part of a name; 安排的/实际花的 say how the
  money is said, not a figure of its own.
- 「万里街道（2024年预算）——区司法局（2026年预算）」: a dash between the departments is no figure.
- 「2026年的“三公”经费比2024年决算多多少」: the kind said right after one year is that year's, not the other's.
- A check of consistency names its document; without one, the reader is asked which (never every document read).
- 「我在核对…在哪张表第几页，是多少」: a person checking a figure asks for it; the citation says where it stands.
- 「公开05表《财政拨款支出预算表（功能科目）》中，2080505…」: a table's title in 《》 after its number is the table.
Through the CLI on every real PDF, questions other than the evaluation's, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import assert_figure_on_pages as _figure, on_real_home, shared_answers

NO_LATER_DOCUMENT = "西安市委宣传部2026年的“三公”经费和2021年比是增加了吗"
# 2026-gjxfj-yusuan p13 一般公共预算基本支出表 合计 人员经费 7,504.62; 2026-fz-swj-yusuan p28 （一）人员经费 3551.21 万元
SCOPE_FIRST = "2026年国家信访局和福州市商务局一般公共预算基本支出里的人员经费相差多少"
# 2026-sz-jtysj-yusuan p27 表3 支出总表 支出总计 388,763.56; 2026-bj-czj-yusuan 预算01表 p2 支出总计 44,169.357532
WHOLE_SAID_AS_KIND = "深圳市交通运输局和北京市财政局2026年部门预算总额相差多少"
# 2025-ptq-czj-yusuan p12 2010607 信息化建设 1,666,600.00 元 = 166.66 万元; 2024-ptq-czj-juesuan p10 支出决算表 135.25
QUOTED_AND_SAID = "普陀区财政局“信息化建设”，2025年预算安排的比2024年决算实际花的多多少"
# 2024-ptq-wanlijiedao-yusuan p31 “三公”经费 合计 47.91; 2026-ptq-sfj-yusuan p21 合计 10.81
DASHED = "万里街道（2024年预算）——区司法局（2026年预算），谁的“三公”经费多"
# 2024-gjxfj-juesuan p15 公开09表 “三公”经费 决算数 合计 46.21; 2026-gjxfj-yusuan p16 合计 112.61
KIND_OF_ONE_YEAR = "信访局2026年“三公”经费比2024年决算多了多少万元"
CHECK_NAMED = "福州市商务局2026年预算的数前后一致吗"
CHECK_UNNAMED = "信访局的数有矛盾吗"
# 2026-hz-qxj-yusuan p20 表6 一般公共预算基本支出预算表 办公费 50.01
CHECKING_A_FIGURE = "我在核对杭州市气象局2026年预算：30201 办公费在哪张表第几页，是多少？"
# 2019-js-gaoyuan-yusuan p10 公开05表 2080505 机关事业单位基本养老保险缴费支出 1,384.70
TITLE_IN_BOOK_MARKS = "江苏高院2019年公开05表《财政拨款支出预算表（功能科目）》里，2080505这一行是多少？在第几页？"

ASKED = on_real_home([NO_LATER_DOCUMENT, SCOPE_FIRST, WHOLE_SAID_AS_KIND, QUOTED_AND_SAID, DASHED, KIND_OF_ONE_YEAR, CHECK_NAMED,
                      CHECK_UNNAMED, CHECKING_A_FIGURE, TITLE_IN_BOOK_MARKS])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def test_a_year_no_document_holds_is_refused_not_the_held_years_change(answers):
    a = answers[NO_LATER_DOCUMENT]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "没有中共西安市委宣传部 2026 年的文件" in a["answer"], a["answer"]


def test_the_part_said_first_is_where_the_figure_is_read(answers):
    a = answers[SCOPE_FIRST]
    _figure(a, "3953.41", "万元", [13, 28])
    assert "7504.62 − 3551.21" in a["calculation"], a["calculation"]


def test_the_kind_said_with_its_total_is_the_whole_budget(answers):
    a = answers[WHOLE_SAID_AS_KIND]
    _figure(a, "344594.202468", "万元", [27, 2])


def test_quotes_and_how_the_money_is_said_are_no_part_of_the_figure(answers):
    a = answers[QUOTED_AND_SAID]
    _figure(a, "31.41", "万元", [10, 12])
    assert "166.66 − 135.25" in a["calculation"], a["calculation"]


def test_a_dash_between_departments_is_no_figure(answers):
    a = answers[DASHED]
    _figure(a, "47.91", "万元", [31, 21])
    assert a["answer"].startswith("“三公”经费最多的是上海市普陀区人民政府万里街道办事处"), a["answer"]


def test_a_kind_said_after_one_year_is_that_years(answers):
    a = answers[KIND_OF_ONE_YEAR]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("66.40") and a["unit"] == "万元", a["answer"]
    assert sorted(c["page"] for c in a["citations"]) == [15, 16], a["citations"]
    assert "112.61 − 46.21" in a["calculation"], a["calculation"]


def test_a_check_reads_the_document_named_or_asks_which(answers):
    a = answers[CHECK_NAMED]
    assert a["status"] == "answered" and a["answer"].startswith("福州市商务局 2026年部门预算：共 "), a["answer"]
    assert "国家信访局" not in a["answer"], a["answer"]
    b = answers[CHECK_UNNAMED]
    assert b["status"] == "ambiguous" and "国家信访局 2024年部门决算" in b["answer"] and \
        "国家信访局 2026年部门预算" in b["answer"], b["answer"]


def test_a_person_checking_a_figure_is_given_it_and_where_it_stands(answers):
    a = answers[CHECKING_A_FIGURE]
    _figure(a, "50.01", "万元", [20])
    b = answers[TITLE_IN_BOOK_MARKS]
    _figure(b, "1384.70", "万元", [10])
