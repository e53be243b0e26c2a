"""Sums over several rows the question describes (assistant/buyitems.py, assistant/statedsum.py, the excluding
set summed), across-document readings of one line (a 类 named with 和, a table said for each year, 决算支出),
and a figure printed with a decimal point after three digits (ingest/grid.py: 196.6万 is no code 196). Through the
CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

CASES = {
    # 2019-js-gaoyuan-yusuan 公开12表 p16–17: four lines 会议服务 122.10 + 1.51 + 36.11 + 110.05 = 269.77
    "江苏高院2019年政府采购预算里，会议服务一共安排了多少？": ("269.77", "万元"),
    # p16: 台式计算机（20万以上）99.00 + 便携式计算机（20万以上）112.50
    "江苏高院2019年政府采购中，买台式电脑和笔记本电脑合计多少？": ("211.50", "万元"),
    # 2021-xa-xcb-yusuan 表12 p39 (元): 150,000.00 + 100,000.00 + 140,000.00
    "西安市委宣传部2021年政府采购里买台式电脑和笔记本电脑一共预算了多少钱？": ("390000.00", "元"),
    "西安市委宣传部2021年政府采购预算中台式计算机一共多少？": ("250000.00", "元"),
    # 2024-ptq-czj-juesuan p24: 由中小企业供应商中标或成交的 246.47 + 4.79
    "普陀区财政局2024年政府采购中，由中小企业供应商中标或成交的金额一共有多少？": ("251.26", "万元"),
    # 2026-sz-jtysj-yusuan 表3 p29 21401: 7596.39 + 2573.40 + 434.31 + 1547.86 + 110.38 + 48551.28
    "深圳市交通运输局2026年“公路水路运输”这一款里，除了公路运输管理之外，其余各项加起来一共多少？": ("60813.62", "万元"),
    "深圳市交通运输局2026年公路水路运输下面，除公路运输管理外，其他几项合计多少？": ("60813.62", "万元"),
    # 2024-ptq-czj-juesuan p10 20106 财政事务: 10.00 + 135.25 + 449.52 (行政运行 1511.89 set aside)
    "普陀区财政局2024年财政事务这一款里，除了行政运行之外，其余各项加起来一共多少？": ("594.77", "万元"),
    # 2021-xa-xcb-yusuan 表14 p42 成本指标 会议培训费、劳务费 196.6万
    "西安市委宣传部2021年其他履职专项业务经费的绩效目标里，会议培训费、劳务费的成本指标是多少？": ("196.6", None),
    # 2025-ptq-czj-yusuan p12 201: 22,186,440.80 元; 2024 决算 p10 201: 2,106.66 → 5.32 %
    "普陀区财政局一般公共服务支出，2025年预算比2024年决算支出增长了百分之几？": ("5.32", "%"),
    # 2026-gjxfj-yusuan 部门支出总表 p8 项目支出 39,560.87; 2024-gjxfj-juesuan 支出决算表 p9 3,499.42
    "国家信访局2026年部门支出总表里的项目支出，是2024年支出决算表里项目支出的几倍？": ("11.30", "倍"),
    # 2026 社会保障和就业支出 > 1000 万元: 北京 3,514.51, 广州 2,808.48, 信访局 2,208.19, 深圳 1,260.37
    "2026年有几个部门的社会保障和就业支出预算超过1000万元？": ("4", "个"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_rowsets_figure(answers, question):
    value, unit = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    if unit:
        assert a["unit"] == unit, a["answer"]
    assert a["citations"], a["answer"]


def test_one_line_left_to_the_table(answers):
    """Each line of a sum is cited: the 会议服务 lines are four cells of the 政府采购 table."""
    a = answers["江苏高院2019年政府采购预算里，会议服务一共安排了多少？"]
    assert len(a["citations"]) == 4
    assert "122.10 + 1.51 + 36.11 + 110.05" in a["calculation"]


AMBIGUOUS = "西安市委宣传部2021年其他履职专项业务经费的绩效目标里，会议培训费、劳务费的指标值是多少？"
on_real_home([AMBIGUOUS])


def test_indicator_of_two_kinds_unsaid(real_home):
    """表14 p42 prints 会议培训费、劳务费 as a 质量指标 (≥90%) and as a 成本指标 (196.6万): the kind not said, both."""
    a = shared_answers(real_home, [AMBIGUOUS])[AMBIGUOUS]
    assert a["status"] == "ambiguous", a["answer"]
    assert "≥90%" in a["answer"] and "196.6万" in a["answer"]
