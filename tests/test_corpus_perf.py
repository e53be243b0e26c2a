"""Questions across documents and of the performance forms, as people word them (assistant/across.py,
acrosspick.py, acrossparts.py, perfaverage.py, goalfigures.py):

- 「A比B多花了多少」: a difference across two documents, with the formula;
- a department the corpus does not hold, named in a comparison (广州市交通运输局 beside 深圳's): said to be
  missing with the nearest documents, the comparison not made — never dropped silently;
- a count said as its noun (「车辆数」「人员编制数」) compared across documents: the narrative's counts, each cited;
- 「平均得分」 of the evaluated projects: the narrative's stated average, else the forms' 总分 averaged (formula);
- a figure of a form's goal text asked without its unit (「要种植多少」): read in the cell, with the unit printed;
- an indicator on a page of the 部门整体支出绩效目标表 that prints no decimal figure (kept as the form's rows).

Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages)
FIGURES = {
    # 2025-ptq-czj-yusuan p20 一般公共预算基本支出 合计 人员经费 22,826,756.00 元 = 2282.6756 万元;
    # 2024-ptq-czj-juesuan p17 人员经费合计 2,152.26 万元: 2282.6756 − 2152.26 = 130.4156
    "普陀区财政局2025年预算的人员经费比2024年决算实际多花了多少？": ("130.4156", "万元", {17, 20}),
    # 2024-gjxfj-juesuan p26 「国家信访局共有车辆 15 辆」; 2026-fz-swj-yusuan p40 「福州市商务局共有车辆 5 辆」: 15 ÷ 5
    "国家信访局2024年底的车辆数是福州市商务局2026年车辆数的几倍？": ("3.00", "倍", {26, 40}),
    # 2022-xa-wjw-juesuan p7 「本部门人员编制10964人」; 2021-xa-xcb-yusuan p3 「本部门人员编制 105 人」: 10964 ÷ 105
    "西安市卫健委2022年的人员编制数是西安市委宣传部2021年的几倍？": ("104.42", "倍", {3, 7}),
    # 2024-ptq-czj-juesuan p23 「绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分」
    "普陀区财政局2024年决算里，自评项目的平均分是多少？": ("99.43", "分", {23}),
    # 2024-gjxfj-juesuan 项目绩效自评表 总分: 信访干部培训专项 98 (p31), 信访研究宣传立法专项 94.7 (p33),
    # 资产运行维护 98 (p34), 信息化运行维护 90.5 (p36); no average stated: (98 + 94.7 + 98 + 90.5) ÷ 4 = 95.30
    "国家信访局2024年做了绩效自评的项目平均每个得了多少分？": ("95.30", "分", {31, 33, 34, 36}),
    # 2026-fz-swj-yusuan p32 菜篮子工程建设专项资金项目绩效目标表 年度目标: 「…叶类菜种植 1200 亩以上」 (the
    # cell's figures set a few points below its words: read in place, ingest/readers/pdf.py)
    "福州市商务局2026年菜篮子工程建设专项资金的年度目标里，叶类菜要种植多少？": ("1200", "亩", {32}),
    # 2026-bj-czj-yusuan-baobiao p47 预算13表 部门整体支出绩效目标表 (its 4th page, no decimal figure on it):
    # 绩效管理 产出指标数量指标开展财政绩效评价数量 ≥ 44 个
    "北京市财政局2026年部门整体支出绩效目标表中，“开展财政绩效评价数量”的指标值是多少？": ("44", "个", {47}),
}
# 杭州市气象局 2026 is held; 宁波市气象局 is not (no document of 宁波 at all): refused, the missing one named.
MISSING_SECOND = "2026年杭州市气象局和宁波市气象局，哪家的人员经费多？"
# Two held departments and a third the corpus lacks (南京市商务局; 福州市商务局 is another city's): no sum.
MISSING_THIRD = "2026年北京市财政局、福州市商务局和南京市商务局的支出总计加起来是多少？"
on_real_home(list(FIGURES), MISSING_SECOND, MISSING_THIRD)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*FIGURES, MISSING_SECOND, MISSING_THIRD])


@pytest.mark.parametrize("question", list(FIGURES))
def test_the_figure_is_computed_or_read_and_cited(answers, question):
    value, unit, pages = FIGURES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_a_computed_figure_shows_its_formula(answers):
    assert "2282.6756 − 2152.26 = 130.4156" in answers["普陀区财政局2025年预算的人员经费比2024年决算实际多花了多少？"]["answer"]
    assert "15 ÷ 5" in answers["国家信访局2024年底的车辆数是福州市商务局2026年车辆数的几倍？"]["answer"]
    mean = answers["国家信访局2024年做了绩效自评的项目平均每个得了多少分？"]
    assert "(98 + 94.7 + 98 + 90.5) ÷ 4 = 95.30" in mean["calculation"], mean


def test_a_department_not_held_is_named_missing_not_dropped(answers):
    a = answers[MISSING_SECOND]
    assert a["status"] == "not_found", a["answer"]
    assert "宁波市气象局" in a["answer"] and "语料库没有" in a["answer"], a["answer"]
    assert "杭州市气象局" in a["answer"], "the nearest document held is named"
    b = answers[MISSING_THIRD]
    assert b["status"] == "not_found" and "南京市商务局" in b["answer"], b["answer"]
    assert b["value"] is None, "no sum of the two held figures"
