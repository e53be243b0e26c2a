"""Answers that must not be given as they are (assistant/guard.py, reasons.py, paidfrom.py), through the CLI on
the real PDFs; each gold read off its page with pdftotext -layout.

- a figure that only repeats the one the question states (「单价100万元以上的设备各花了多少钱」 → 100 万元) is
  no answer: not found;
- 「为什么没有X」 asks the reason an item is absent: the passage saying so, not the figure of the table it is
  missing from;
- 「财政拨款“三公”经费」: the “三公” are paid from 财政拨款 by definition, so the qualifier never drops a
  department whose “三公” table is titled 「财政拨款安排的…」, 「一般公共预算…」 or neither.
"""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ECHOES = [
    # 2024-gjxfj-juesuan p26: 「单价 100 万元以上设备（不含车辆）0 台（套）」 — no device named, no amount
    "国家信访局2024年决算里单价100万元以上的设备各花了多少钱？",
    # 2026-sz-jtysj-yusuan p16: 公务用车运行维护费 27.80 万元 「主要是用于公务用车保养、维修、保险、汽油、路桥费等
    # 支出」 — no amount for fuel anywhere
    "深圳市交通运输局2026年公务用车运行维护费27.80万元里，油费花了多少？",
]
# question → the words of the passage that gives the reason (page)
ABSENT = {
    # 2026-hz-qxj-yusuan p8 （七）1: 「根据市本级因公出国（境）费用预算管理模式，本部门年初不编制因公出国（境）费用预算」
    "杭州市气象局2026年“三公”经费为何没有出国（境）经费？": ("本部门年初不编制因公出国（境）费用预算", 8),
    # 2026-sz-jtysj-yusuan p16: 「公务用车购置费 2026 年预算数 0.00 万元，…主要是本单位 2026 年未安排经费用于公务用车购置」
    "深圳市交通运输局2026年为什么没有公务用车购置费预算？": ("未安排经费用于公务用车购置", 16),
}
# question → (value, unit, cited pages)
FISCAL = {
    # 2026-gz-zfbgt-yusuan p17 表8 财政拨款安排的行政经费及“三公”经费预算表: （三）公务接待费支出 合计 11.26
    "广州市政府办公厅2026年财政拨款安排的公务接待费预算是多少？": ("11.26", "万元", {17}),
    # 2026-ptq-sfj-yusuan p21 2026年部门“三公”经费和机关运行经费预算表 (no source in its title): 合计 10.81
    "普陀区司法局2026年财政拨款“三公”经费预算是多少？": ("10.81", "万元", {21}),
    # p17 (above) “三公”经费 226.86; 2026-hz-qxj-yusuan p21 表7 一般公共预算“三公”经费预算表 合计 24.02
    "广州市政府办公厅和杭州市气象局2026年的财政拨款三公经费谁更多？": ("226.86", "万元", {17, 21}),
}
on_real_home(ECHOES, list(ABSENT), list(FISCAL))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*ECHOES, *ABSENT, *FISCAL])


@pytest.mark.parametrize("question", ECHOES)
def test_a_figure_the_question_states_is_no_answer(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]
    assert a["value"] is None


@pytest.mark.parametrize("question", list(ABSENT))
def test_why_an_item_is_absent_is_answered_with_the_passage(answers, question):
    words, page = ABSENT[question]
    a = answers[question]
    assert a["status"] == "answered" and a["value"] is None, a["answer"]
    assert words in a["answer"].replace(" ", ""), a["answer"]
    assert page in {c["page"] for c in a["citations"]}, a["citations"]


@pytest.mark.parametrize("question", list(FISCAL))
def test_fiscal_qualifier_reads_the_sangong_table(answers, question):
    value, unit, pages = FISCAL[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
