"""A budget line named by its everyday wording, and what a line's money is for: the two words of a printed name
said in the other order (管理路政 → 路政管理) and a verb of funding between a source and a line (一般公共预算掏钱给X的:
the source a column, no second operand) — assistant/everyday.py reworded; what a line's money is for, the
passage explaining that line (assistant/purpose.py); 「“X”是什么？标准是多少」, the definition
(assistant/meaning.py). Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the cited page)
FIGURES = {
    # 2026-sz-jtysj-yusuan p35 表5 项目支出总表 「路政管理 14,307.12」 (万元)
    "深圳市交通运输局2026年管理路政要花多少钱？": ("14307.12", "万元", 35),
    # 2024-ptq-czj-juesuan p15 一般公共预算财政拨款支出决算表 「201 06 01 行政运行 1,511.89」 (万元)
    "普陀区财政局2024年决算里，一般公共预算掏钱给行政运行的有多少？": ("1511.89", "万元", 15),
}
# question → (words the quoted passage holds, the pages it may cite)
PASSAGES = {
    # 2026-ptq-sfj-yusuan p8 「普法宣传（05项）124.29万元。主要用于：法制宣传工作支出。」
    "普陀区司法局2026年普法宣传那124.29万元是用来干什么的？": ("法制宣传工作支出", {8}),
    # 2026-fz-swj-yusuan p26 「（二）2011302-一般行政管理事务 518.06 万元。主要用于办公楼租金、物业等支出。」
    "福州市商务局2026年一般行政管理事务的钱用于哪些方面？": ("办公楼租金、物业等支出", {26}),
    # 2026-gjxfj-yusuan p35-36 名词解释 「提租补贴（项）：指…公有住房租金标准提高发放的补贴…人均月补贴90元。」
    "国家信访局2026年预算里的“提租补贴”是什么？标准是多少？": ("人均月补贴90元", {35, 36}),
    # 2024-gjxfj-juesuan p41 名词解释 「购房补贴（项）：指…对无房和住房未达标职工发放的住房补贴。」
    "国家信访局2024年决算里说的“购房补贴”是什么？": ("对无房和住房未达标职工发放的住房补贴", {41}),
}
on_real_home(list(FIGURES), list(PASSAGES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*FIGURES, *PASSAGES])


@pytest.mark.parametrize("question", list(FIGURES))
def test_an_everyday_wording_reads_the_printed_line(answers, question):
    value, unit, page = FIGURES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]


@pytest.mark.parametrize("question", list(PASSAGES))
def test_the_passage_explaining_the_line_is_quoted_not_its_figure(answers, question):
    words, pages = PASSAGES[question]
    a = answers[question]
    assert a["status"] == "answered" and a["value"] is None and a["unit"] is None, a["answer"]
    assert words in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} <= pages, a["citations"]
