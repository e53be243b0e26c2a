"""Another year's or another column's figure is never given for the one asked (assistant/yearly.py,
assistant/yearasked.py, assistant/stagesaid.py), and the figures the documents do give for another year are
(assistant/tables.py's source-of-money reading, assistant/deductedpart.py, assistant/acrosspick.stand_in).

- A stated change answers only its whole subject: 「支出预算」 inside 「项目支出预算」 is no answer; the statement
  of the department's total (收入总计、支出总计) answers no qualified figure (政府采购支出总额).
- A 决算 asked for a line's 预算 gets no 决算 figure (the narrative's 机关运行经费支出, a 决算数 column).
- 「一般公共预算的社会保障和就业支出」 is the 类 row of the 一般公共预算支出表, its 2025年执行数 beside it.
- The part a table takes out of a figure (执行数 − 扣除中央基建投资后执行数), subtraction shown.
- A year before a department's document, asked across departments: each one's figure as its document states it.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

REFUSED = [
    # 2026-bj-czj-yusuan-shuoming p7: only 「2026年支出预算44169.36万元，比2025年年初预算数44021.20万元…」 — the total
    "北京市财政局去年的项目支出预算是多少？",
    "北京市财政局上年项目支出是多少？",
    # 2026-gz-zfbgt-yusuan p24: 「支出预算16,410.71万元，比上年减少11,230.54万元」 — the total, no 项目支出 change
    "广州市政府办公厅去年的项目支出预算是多少？",
    # 2022-xa-wjw-juesuan p9 「收入总计、支出总计均增加789,183.4万元」; p22 政府采购 272,067.69 of 2022 only, no 2021 figure
    "西安市卫健委2021年度政府采购支出总额是多少？",
    # 2024-ptq-czj-juesuan p24: 「机关运行经费支出184.65万元」 is the 决算; no 预算 of it printed
    "普陀区财政局2024年机关运行经费的预算数是多少？",
    "普陀区财政局2024年机关运行经费预算安排了多少？",
    # p16: 30216 培训费 4.05 is the 决算数 column of the 基本支出决算表; the “三公” table prints no 培训费
    "普陀区财政局2024年培训费的预算数是多少？",
    # p22: 「主要用于：局本部人员经费及公用经费」 is 行政运行's use, not a statement of 人员经费's 预算
    "普陀区财政局2024年人员经费的预算数是多少？",
    # 2024-gjxfj-juesuan p9 2050803 培训支出 180.03 and p12 30216 培训费 2.28 are both 决算 figures: two readings
    # of what was spent, neither the 预算 asked
    "国家信访局2024年培训费预算数是多少？",
]

ANSWERED = {
    # the whole still answered from its statement: 2026 支出预算 vs 2025 年初预算 44021.20 (p7)
    "北京市财政局去年的支出预算是多少？": ("44021.20", "万元"),
    # 2022-xa-wjw-juesuan p9: 2,480,372.7 − 789,183.4 = 1,691,189.3
    "西安市卫健委2021年度支出总额是多少？": ("1691189.3", "万元"),
    # 2024-ptq-czj-juesuan p18 三公 table: 公务接待费 预算数 0.95 (决算数 0)
    "普陀区财政局2024年公务接待费的预算数是多少？": ("0.95", "万元"),
    # p24 「机关运行经费支出184.65万元」: a 决算's 决算数 is what its narrative states
    "普陀区财政局2024年机关运行经费的决算数是多少？": ("184.65", "万元"),
    # 2026-gjxfj-yusuan p10 表5: 208 社会保障和就业支出 2025执行数 2,275.76, 2026 2,156.86, 增减 −5.22%
    "国家信访局2026年一般公共预算的社会保障和就业支出，比2025年执行数下降了百分之几？": ("5.22", "%"),
    # p11: 221 住房保障支出 1,042.06 → 1,055.58, 增减额 13.52
    "国家信访局2026年一般公共预算的住房保障支出比2025年执行数增长了多少？": ("13.52", "万元"),
    # p11 合计: 执行数 37,241.42 − 扣除中央基建投资后执行数 13,699.22 = 23,542.20
    "国家信访局2025年一般公共预算执行数里，中央基建投资大概占了多少钱？": ("23542.20", "万元"),
    # p10 2014099 其他信访事务支出: 25,143.24 − 1,601.04 = 23,542.20
    "国家信访局2025年其他信访事务支出的执行数里，中央基建投资有多少？": ("23542.20", "万元"),
    # 2026-sz-jtysj-yusuan p18: 2,484.60 + 379.46 = 2,864.06; 2026-gjxfj-yusuan p25: 2,376.26 − 222.33 = 2,153.93
    "去年也就是2025年，国家信访局和深圳市交通运输局的机关运行经费预算哪家更高？高的是多少？": ("2864.06", "万元"),
    "2025年国家信访局和深圳市交通运输局的机关运行经费预算相差多少？": ("710.13", "万元"),
}
on_real_home(REFUSED, list(ANSWERED))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, REFUSED + list(ANSWERED))


@pytest.mark.parametrize("question", REFUSED)
def test_other_figure_refused(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]
    assert a["value"] is None


@pytest.mark.parametrize("question", list(ANSWERED))
def test_figure_given(answers, question):
    value, unit = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit
    assert a["citations"], a["answer"]


def test_deducted_part_shows_both_cells(answers):
    a = answers["国家信访局2025年一般公共预算执行数里，中央基建投资大概占了多少钱？"]
    assert "37241.42 − 13699.22 = 23542.20" in a["calculation"]
    assert {c["column"] for c in a["citations"]} == {"2025年执行数/执行数", "2025年执行数/扣除中央基建投资后执行数"}


def test_stand_in_says_its_document(answers):
    a = answers["去年也就是2025年，国家信访局和深圳市交通运输局的机关运行经费预算哪家更高？高的是多少？"]
    assert "深圳市交通运输局（2025年，据2026年预算所述）" in a["answer"]
    assert "2484.60 + 379.46 = 2864.06" in a["calculation"]
