"""Two stages of a performance form's funds row compared (assistant/formstages.py): a 自评表 prints 年初预算数 |
全年预算数 | 全年执行数 on its 年度资金总额 row; 「年初预算比调整后的全年预算多了多少」 is their difference, each cell
cited — not one stage's figure from the narrative, nor a second project matched loosely by perfcompare. And a table
named by its number with its title in quotes (「表8“…‘三公’经费预算表”里」) is where the line is read, its title's
words no operands (assistant/scopewords.py). Through the CLI on every real PDF, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# 2024-gjxfj-juesuan p32 信访研究宣传立法专项项目绩效自评表 年度资金总额: 全年预算数 536.2, 全年执行数 413.57
EXECUTED_LESS = "国家信访局2024年信访研究宣传立法专项的全年执行数比全年预算数少多少"
# 2022-xa-wjw-juesuan p59 机场入境人员核酸检测费用项目绩效自评表 年度资金总额: 年初预算数 1120, 全年执行数 460
FIRST_AND_SPENT = "西安卫健委2022年机场入境人员核酸检测费用项目年初预算和全年执行数相差多少"
# 2026-gz-zfbgt-yusuan p17 表8 财政拨款安排的行政经费及“三公”经费预算表: “三公”经费 合计 226.86
QUOTED_TITLE = "表8“财政拨款安排的行政经费及‘三公’经费预算表”里，广州市政府办公厅2026年“三公”经费合计是多少"

ASKED = on_real_home([EXECUTED_LESS, FIRST_AND_SPENT, QUOTED_TITLE])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def _figure(a: dict, value: str, pages: list[int], calculation: str | None) -> None:
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == "万元", a["answer"]
    assert [c["page"] for c in a["citations"]] == pages, a["citations"]
    assert a["calculation"] == calculation, a["calculation"]


def test_two_stages_of_one_forms_funds_are_subtracted(answers):
    _figure(answers[EXECUTED_LESS], "122.63", [32, 32], "536.2 − 413.57 = 122.63")
    _figure(answers[FIRST_AND_SPENT], "660", [59, 59], "1120 − 460 = 660")


def test_a_quoted_title_after_a_table_number_is_the_table(answers):
    _figure(answers[QUOTED_TITLE], "226.86", [17], None)
