"""Rankings and counts by 类/款/项 in a table that prints its subjects by name alone, indented, with no codes
(杭州: 科学技术支出 / 技术研究与开发 / 科技成果转化与扩散): the levels are rebuilt from the sums
(assistant/nesting.uncoded_levels: each line over the run of lines adding up to it, the 类 adding up to the
total). Before, 「哪一类支出最多」 and 「哪个项级科目」 found nothing there. Through the CLI on the real PDF; each
figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the line answered, the cited page)
RANKS = {
    # 2026-hz-qxj-yusuan p19 表5 一般公共预算支出预算表: 项 行政运行 2,617.19 > 气象服务 1,980.00 > 气象事业机构 …
    "杭州市气象局2026年一般公共预算支出里，金额最大的项级科目是哪个？": ("2617.19", "万元", "行政运行", 19),
    # p17 表3 支出预算总表: 类 自然资源海洋气象等支出 5,371.48 > 社会保障和就业支出 396.67 > …
    "杭州市气象局2026年哪一类支出预算最多？": ("5371.48", "万元", "自然资源海洋气象等支出", 17),
    # p20 表6 一般公共预算基本支出预算表: 经济分类 类 工资福利支出 2,709.90 > 商品和服务支出 760.37 > …
    "杭州市气象局2026年基本支出按经济分类，哪一类最多？": ("2709.90", "万元", "工资福利支出", 20),
}
# p17 表3: 9 项 (科技成果转化与扩散; 行政单位离退休, 机关事业单位基本养老保险缴费支出, 机关事业单位职业年金缴费支出;
# 行政单位医疗, 事业单位医疗; 行政运行, 气象事业机构, 气象服务)
COUNT = "杭州市气象局2026年支出预算涉及几个项级科目？"
on_real_home(list(RANKS), COUNT)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*RANKS, COUNT])


@pytest.mark.parametrize("question", list(RANKS))
def test_a_level_is_ranked_in_a_table_without_codes(answers, question):
    value, unit, line, page = RANKS[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert f"最多的是{line}" in a["answer"] or f"最大的是{line}" in a["answer"], a["answer"]
    assert a["citations"][0]["page"] == page and a["citations"][0]["row"] == line, a["citations"][0]


def test_the_items_of_a_level_are_counted_in_a_table_without_codes(answers):
    a = answers[COUNT]
    assert a["status"] == "answered" and Decimal(a["value"]) == 9, a["answer"]
    for line in ("科技成果转化与扩散", "机关事业单位职业年金缴费支出", "气象服务"):
        assert line in a["answer"], a["answer"]
    assert "技术研究与开发" not in a["answer"].split("：", 1)[1], "a 款 is no 项"
