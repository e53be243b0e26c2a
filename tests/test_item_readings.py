"""An item of spending asked by its printed name, printed as the department's whole in one place (the “三公”
table, the narrative's own figure for it, the expenditure table of all its money) and as its basic part on its
economic line of the 基本支出 table with another figure: both readings named, each with its figure and page
(assistant/threebasic.py). Naming the table or the part reads that one; figures equal at their printed
precision give one; a colloquial 「公车一年要花」 reads the cars' figure (assistant/spoken.py). Through the CLI on
the real PDFs, questions other than the evaluation's, each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (the two figures named, the cited pages)
BOTH = {
    # 2022-xa-wjw-juesuan p161 公开09表: 公务接待费 决算数 0.11; p157 公开06表: 30217 公务接待费 0.06 (万元)
    "西安市卫健委2022年公务接待费决算数是多少？": (("0.11", "0.06"), {161, 157}),
    # 2026-bj-czj-yusuan-baobiao p5 预算03表: 30216 培训费 152.341000 + 10.000000 (合计, 含项目 51.52);
    # p10–11 预算06表: 30216 培训费 100.821000 + 10.000000 (基本支出)
    "北京市财政局2026年培训费安排了多少？": (("162.341000", "110.821000"), {5, 10, 11}),
    # 2026-gjxfj-yusuan p25 （三）委托业务费情况: “委托业务费财政拨款预算 1,391.68万元”; p13 部门公开表6: 30227 220.00
    "国家信访局2026年的委托业务费有多少？": (("1391.68", "220.00"), {25, 13}),
}
# question → (value, unit, the cited page)
ONE = {
    # 2026-gjxfj-yusuan p13 部门公开表6 一般公共预算基本支出表: 30227 委托业务费 220.00 — the part named
    "国家信访局2026年基本支出里的委托业务费是多少？": ("220.00", "万元", 13),
    # 2019-js-gaoyuan-yusuan p11 公开06表 财政拨款基本支出预算表: 30216 培训费 41.37 — the part named (公开09表 p14:
    # 1,597.25), read in the table 基本支出 names, not a line under it
    "江苏高院2019年基本支出中的培训费预算是多少？": ("41.37", "万元", 11),
    # 2022-xa-wjw-juesuan p157 公开06表: 30215 会议费 23.86 — the basic line, not 公开09表's 86.81 (p161)
    "西安卫健委2022年基本支出里的会议费决算是多少？": ("23.86", "万元", 157),
    # 2026-gjxfj-yusuan p25: “委托业务费财政拨款预算 1,391.68万元” — the whole asked (一共), not 30227's 220.00 (p13)
    "国家信访局2026年委托业务费一共安排了多少？": ("1391.68", "万元", 25),
    # 2019-js-gaoyuan-yusuan p14 公开09表: 公务接待费 86.95 — the table named
    "江苏高院2019年“三公”经费中公务接待费预算是多少？": ("86.95", "万元", 14),
    # 2026-ptq-sfj-yusuan p21 “三公”经费表: 公务接待费 0.83 万元; p19–20 基本支出表 30217 8,265.00 元 = 0.8265 万元,
    # the same figure at the table's printed precision: one reading
    "普陀区司法局2026年公务接待费预算是多少万元？": ("0.83", "万元", 21),
    # 2026-fz-swj-yusuan p24 “三公”经费支出预算表: 3、公务用车购置及运行费 8.00 (万元)
    "福州商务局2026年公车一年大概要花多少钱？": ("8.00", "万元", 24),
}
ASKED = on_real_home([*BOTH, *ONE])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(BOTH))
def test_the_whole_and_the_basic_part_are_both_named(answers, question):
    figures, pages = BOTH[question]
    a = answers[question]
    assert a["status"] == "ambiguous", a["answer"]
    assert all(f in a["answer"] for f in figures), a["answer"]
    assert "2 种口径" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


@pytest.mark.parametrize("question", list(ONE))
def test_one_reading_when_the_question_says_which_or_the_figures_agree(answers, question):
    value, unit, page = ONE[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]
