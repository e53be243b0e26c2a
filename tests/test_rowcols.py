"""Two columns of one named line (assistant/rowcols.py): the line said governs both operands — both read on its
row, never the second against the table's 合计 row; a line printed in several rows summed only when said; a line
printed without the two columns not found; a question naming no line still reads the table's whole. And a
project's own column asked alone. Through the CLI on the real PDFs; each figure read off its page with
pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2025-ptq-czj-yusuan p12 部门支出预算总表: 2010601 行政运行 基本支出 16,093,326.00 | 项目支出 138,514.80
    "普陀区财政局2025年行政运行（2010601）这一项，基本支出比项目支出多多少元？": ("15954811.20", "元", [12, 12]),
    "普陀区财政局2025年行政运行的基本支出是项目支出的几倍？": ("116.18", "倍", [12, 12]),
    # 2026-ptq-sfj-yusuan p12: 20406 司法 项目支出 70,540,547.00 | 基本支出 16,726,725.44 (少多少: the same gap)
    "普陀区司法局2026年“司法”（20406）这一款，项目支出比基本支出多多少元？": ("53813821.56", "元", [12, 12]),
    "普陀区司法局2026年司法这一款的基本支出比项目支出少多少？": ("53813821.56", "元", [12, 12]),
    # 2026-sz-jtysj-yusuan p27 表3 支出总表: 2050803 培训支出 基本支出 2.00 | 项目支出 39.99; 205 教育支出 the same
    "深圳市交通运输局2026年培训支出（2050803）里，项目支出是基本支出的几倍？": ("20.00", "倍", [27, 27]),
    "深圳市交通运输局2026年教育支出（205）里，项目支出比基本支出多多少？": ("37.99", "万元", [27, 27]),
    # 2021-xa-xcb-yusuan p28 表7: 2013301 行政运行 人员经费 16,411,840.61 | 公用经费 1,239,954.31
    "西安市委宣传部2021年行政运行（2013301）的人员经费比公用经费多多少元？": ("15171886.30", "元", [28, 28]),
    # 2024-ptq-wanlijiedao-yusuan p19: 212 城乡社区支出 基本支出 76,609,000 | 项目支出 42,776,303
    "万里街道2024年城乡社区支出里，基本支出是项目支出的几倍？": ("1.79", "倍", [19, 19]),
    # 2024-ptq-czj-juesuan p10 支出决算表: 2010601 行政运行 基本支出 1,503.52 | 项目支出 8.37
    "普陀区财政局2024年行政运行的决算，基本支出比项目支出多花了多少？": ("1495.15", "万元", [10, 10]),
    # 2022-xa-wjw-juesuan p155 公开05表 (the 一般公共预算 table said): 2100410 项目支出 73,179.07 | 基本支出 3,845.00
    "西安市卫健委2022年突发公共卫生事件应急处理（2100410）的一般公共预算支出里，项目支出是基本支出的几倍？":
        ("19.03", "倍", [155, 155]),
    # 2026-bj-czj-yusuan-baobiao p9 预算05表: 2050803 printed twice — 基本支出 100.821000 + 10.000000, 项目支出
    # 51.520000 + blank (0); summed because the question says so
    "北京市财政局2026年培训支出（2050803）两组加起来，基本支出比项目支出多多少？":
        ("59.301000", "万元", [9, 9, 9, 9]),
    # 2026-hz-qxj-yusuan p17 表3: 气象服务 项目支出 2,103.61; 基本支出 printed as 人员支出 | 日常公用支出, both blank
    "杭州市气象局2026年气象服务的项目支出比基本支出多多少？": ("2103.61", "万元", [17, 17, 17]),
    # 2026-sz-jtysj-yusuan p35 表5 项目支出总表: 静态交通管理 上年结余、结转 5.28 (总计 454.45), 一般公共预算拨款 449.17
    "深圳市交通运输局2026年“静态交通管理”项目里，用了多少上年结余结转？": ("5.28", "万元", [35]),
    "深圳市交通运输局2026年“静态交通管理”项目里，一般公共预算拨款有多少？": ("449.17", "万元", [35]),
    # No line named: the table's whole, as before (2025-ptq-czj-yusuan p13 合计 25,121,091.00 − 6,093,114.80)
    "普陀区财政局2025年基本支出比项目支出多多少？": ("19027976.20", "元", [13, 13]),
}
AMBIGUOUS = {
    # 2026-bj-czj-yusuan-baobiao p9: 2050803 培训支出 twice (49.301000 and 10.000000), no summing word
    "北京市财政局2026年培训支出（2050803），基本支出比项目支出多多少？": ("49.301000", "10.000000"),
}
NOT_FOUND = [
    # 2019-js-gaoyuan-yusuan p10/p12: 2040504 案件审判 printed with one 金额 column only
    "江苏高院2019年案件审判的基本支出比项目支出多多少？",
    # 2026-ptq-sfj-yusuan: no table prints 20406 司法 by 人员经费 and 公用经费 (the 基本支出 table is by economic class)
    "普陀区司法局2026年“司法”这一款里，人员经费比公用经费多多少？",
]
on_real_home(list(ANSWERED), list(AMBIGUOUS), NOT_FOUND)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*ANSWERED, *AMBIGUOUS, *NOT_FOUND])


@pytest.mark.parametrize("question", list(ANSWERED))
def test_both_columns_read_on_the_line_said(answers, question):
    value, unit, pages = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert [c["page"] for c in a["citations"]] == pages, a["citations"]
    assert "合计行" not in a["answer"] or "行政运行" not in question, a["answer"]


@pytest.mark.parametrize("question", list(AMBIGUOUS))
def test_a_line_printed_twice_is_not_summed_unless_said(answers, question):
    a = answers[question]
    assert a["status"] == "ambiguous", a["answer"]
    assert all(v in a["answer"] for v in AMBIGUOUS[question]), a["answer"]


@pytest.mark.parametrize("question", NOT_FOUND)
def test_a_line_without_the_two_columns_is_not_found(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]
