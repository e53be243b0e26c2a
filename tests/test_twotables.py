"""One line read in two tables named, compared; a whole less its one-source part printed in another table.

- assistant/twotables.py (tables matched by assistant/tablesaid.py): 「A表里的X比B表里的X多多少」「A表和B表里的X差
  多少」「…对得上吗」 — each table said by number, title said short or its kind in words; the gap with its formula,
  both cells cited; equal figures said to agree; a table that does not print the line said plainly;
- assistant/otherpart.py: 「Y里，不属于财政拨款的那部分」 — Y of all funds less Y's 财政拨款 figure.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages, words the answer shows)
CASES = {
    # 2024-gjxfj-juesuan p8 收入决算表 2014001 行政运行 本年收入合计 6,000.76; p9 支出决算表 6,026.13 (万元)
    "国家信访局2024年收入决算表的行政运行比支出决算表的行政运行少多少？":
        ("25.37", "万元", {8, 9}, "6026.13 − 6000.76 = 25.37"),
    # 2024-gjxfj-juesuan p8 收入决算表 2014001 行政运行 6,000.76; p11 一般公共预算财政拨款支出决算表 5,757.63: the
    # tables listed, the line said once after them
    "国家信访局2024年收入决算表和一般公共预算财政拨款支出决算表里的行政运行差多少？":
        ("243.13", "万元", {8, 11}, "6000.76 − 5757.63 = 243.13"),
    # 2026-hz-qxj-yusuan p21 表7 “三公”经费表 合计 公务接待费 6.02; p20 表6 基本支出表 公务接待费 6.02: equal
    # figures said to agree, the common figure the answer to 「是否一致」
    "杭州市气象局2026年表7的公务接待费和表6的公务接待费是否一致？": ("6.02", "万元", {20, 21}, "两表一致"),
    # 2026-fz-swj-yusuan p24 三公经费表 2、公务接待费 6.10; p21 基本支出经济分类情况表 30217 公务接待费 6.10
    "福州市商务局2026年三公经费预算表中的公务接待费与基本支出经济分类情况表中的30217公务接待费对得上吗？":
        ("6.10", "万元", {24, 21}, "两表一致"),
    # 2024-gjxfj-juesuan p15 “三公”经费决算表: 决算数 公务接待费 0.90 (预算数 5.80 is another column); p12 基本支出
    # 决算表 30217 公务接待费 0.90 (公用经费 column)
    "国家信访局2024年决算，三公经费表的公务接待费决算数和基本支出决算表里的公务接待费一样吗？":
        ("0.90", "万元", {15, 12}, "两表一致"),
    # 2026-ptq-sfj-yusuan p21 三公 table (万元) 公务接待费 0.83; p20 基本支出经济分类表 (元) 30217 8265.00 =
    # 0.8265 万元: the gap 0.0035 万元 is the rounding of the 万元 table, said so
    "普陀区司法局2026年“三公”经费表里的公务接待费和基本支出经济分类表里的公务接待费差多少？":
        ("0.0035", "万元", {20, 21}, "取整"),
    # 2024-ptq-czj-juesuan p7 收入支出决算总表 年末结转和结余 55.34; p13 财政拨款收入支出决算总表 年末财政拨款结转和结余
    # 21.63: 55.34 − 21.63
    "普陀区财政局2024年年末结转和结余里不是财政拨款的那部分有多少？": ("33.71", "万元", {7, 13}, "55.34 − 21.63"),
    # 2024-gjxfj-juesuan p7 总计 22,066.59 (支出 side); p10 财政拨款 总计 20,727.53
    "国家信访局2024年支出总计里，不属于财政拨款的那部分有多少？": ("1339.06", "万元", {7, 10}, "支出总计"),
}
# 2026-fz-swj-yusuan p24: the 三公 table prints no 会议费 (p21's 30215 会议费 is the 基本支出 table's); 2026-hz-qxj-yusuan
# p20 表6 (基本支出, by 经济分类) prints no 行政运行 (p19 表5 does)
REFUSED = ["福州市商务局2026年三公经费表里的会议费和基本支出经济分类情况表里的会议费差多少？",
           "杭州市气象局2026年表5的行政运行和表6的行政运行相差多少？"]
on_real_home(list(CASES), REFUSED)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *REFUSED])


@pytest.mark.parametrize("question", list(CASES))
def test_the_line_read_in_each_table_and_compared(answers, question):
    value, unit, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    assert shown in a["answer"], a["answer"]


@pytest.mark.parametrize("question", REFUSED)
def test_a_table_that_does_not_print_the_line_is_said_so(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]
    assert "没有" in a["answer"] and a["value"] is None
