"""Arithmetic whose operands or units are said otherwise than printed: a column group said with 和 for its 及
(「公务用车购置和运行维护费」: the group's 小计, not its first part), a comparison answered in the unit asked
(「哪一块预算更多？用万元表示」), a figure per person (money ÷ the headcount the narrative prints, else a plain
refusal: assistant/percapita.py), the share of a figure printed only as its parts (财政拨款收入) in a whole line,
and two coded lines under their parent summed in one column (「302…下“水费”（30205）和“电费”（30206）两行的公用经费」).
Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the cited pages)
CASES = {
    # 2026-gjxfj-yusuan p16 财政拨款预算“三公”经费支出表 (万元): 公务用车购置及运行费 小计 38.60, 公务接待费 5.51
    "国家信访局2026年“三公”经费里，公务接待费比公务用车购置和运行维护费少多少？": ("33.09", "万元", {16}),
    # 2026-ptq-sfj-yusuan p13 部门支出预算总表 (元): 2210201 住房公积金 2087959.00, 2210203 购房补贴 2433600.00
    "普陀区司法局2026年住房公积金和购房补贴，哪一块预算更多？用万元表示。": ("243.36", "万元", {13}),
    # 2022-xa-wjw-juesuan p7 「本部门人员编制10964人」; p158 公开06表 人员经费合计 96,513.21 (万元): 96513.21 ÷ 10964
    "西安市卫健委2022年决算，按编制人数算，人均人员经费是多少万元？": ("8.80", "万元", {7, 158}),
    # 2026-gjxfj-yusuan p5 部门收支总表: 一般公共预算拨款收入 16,474.82, 政府性基金预算拨款收入 blank, 收入总计
    # 50,616.94 (万元); it prints no 国有资本经营 line: that part is the 部门收入总表's column (p6, blank): 16474.82 ÷ 50616.94
    "国家信访局2026年财政拨款收入占收入总计的比例是多少？": ("32.55", "%", {5, 6}),
    # 2024-ptq-wanlijiedao-yusuan p30 部门一般公共预算基本支出部门预算经济分类预算表 (元), 公用经费 column:
    # 30205 水费 277,500; 30206 电费 280,000
    "万里街道2024年《2024年部门一般公共预算基本支出部门预算经济分类预算表》中302商品和服务支出下“水费”（30205）"
    "和“电费”（30206）两行的公用经费合计是多少元？": ("557500", "元", {30}),
}
# 2026-fz-swj-yusuan prints no headcount (编制 or 实有): no per-person figure, never another count
NO_HEADCOUNT = "福州市商务局2026年按实有人员算，人均公用经费是多少？"
on_real_home(list(CASES), NO_HEADCOUNT)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, NO_HEADCOUNT])


@pytest.mark.parametrize("question", list(CASES))
def test_the_operands_said_otherwise_are_read_as_printed(answers, question):
    value, unit, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]).quantize(Decimal(value)) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["calculation"], "the arithmetic is shown"
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_no_headcount_printed_no_per_person_figure(answers):
    a = answers[NO_HEADCOUNT]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "人数" in a["answer"], a["answer"]
