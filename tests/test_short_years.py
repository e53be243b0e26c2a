"""Years as people type them: 「24年」「26年比25年」 choose the document of that year (the same department has a
2024 决算 and a 2025 预算), through the real CLI; and a stated change whose subject is a whole 类/款/项 path
(「11.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）2026 年预算数为 375.86
万元，比 2025 年执行数增加 17.04 万元，增幅4.75%」) is read as that line's change. Each figure was read off its page."""
from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.scope import full_years
from conftest import on_real_home, shared_answers

CASES = {
    # 普陀区财政局 2024 决算 p10 支出决算表：合计 基本支出 2,336.91 (its 2025 预算 prints another figure, in 元)
    "普陀区财政局24年决算的基本支出是多少": ("2336.91", "万元", "上海市普陀区财政局 2024年部门决算"),
    # 西安卫健委 2022 决算 p161 公开09表：“三公”经费 决算数 587.55
    "西安卫健委22年的三公经费决算是多少": ("587.55", "万元", "西安市卫生健康委员会 2022年部门决算"),
    # 国家信访局 2026 预算 p22 item 11 (above): the stated change; the 2024 决算 of the department is not meant
    "国家信访局26年职业年金缴费支出比25年执行数涨了多少万元": ("17.04", "万元", "国家信访局 2026年部门预算"),
    "国家信访局26年职业年金缴费支出比25年执行数增长了百分之几": ("4.75", "%", "国家信访局 2026年部门预算"),
    # No year said, and 决算 only as a word of a project's name (决算管理工作服务): the 2026 预算 that prints its
    # targets is meant, not a 决算 document (北京 baobiao p19 预算12表：会审次数 ≥ 2 次)
    "北京市财政局决算管理工作服务的会审次数目标是几次？": ("2", "次", "北京市财政局 2026年部门预算"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_a_two_digit_year_chooses_the_document_of_that_year(answers, question):
    value, unit, document = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["citations"][0]["document"] == document, a["citations"]


@pytest.mark.parametrize("said, meant", [
    ("普陀区财政局24年决算", "普陀区财政局2024年决算"), ("26年比25年执行数", "2026年比2025年执行数"),
    ("近10年的变化", "近10年的变化"), ("工作满20年", "工作满20年"), ("第12年", "第12年"), ("24年以来", "24年以来"),
    ("2024年", "2024年"), ("12.5年", "12.5年"),
])
def test_only_a_year_is_written_out_never_a_number_of_years(said, meant):
    assert full_years(said) == meant
