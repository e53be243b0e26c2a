"""A department's whole said by a plain name no table prints (assistant/wholewords.py): 「支出预算」, 「实际支出」,
「收入预算」 as the question's subject are the department's printed grand total (支出总计 of a 预算, 本年支出合计 of a
决算), said so in the answer — they had found nothing; after a line's name the same words stay that line's stage.
Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the pages the total may be cited from, the reading said)
CASES = {
    # 2026-sz-jtysj-yusuan: 表1 收支总表 p25 支出总计 388,763.56; 表3 支出总表 p27 the one unit's row, the same figure
    "深圳市交通运输局2026年的支出预算有多少？": ("388763.56", "万元", {25, 27}, "支出总计"),
    # 2024-ptq-czj-juesuan p10 支出决算表 合计 本年支出合计 2,940.05
    "普陀区财政局2024年的实际支出有多少？": ("2940.05", "万元", {6, 10}, "本年支出合计"),
}
# 388,763.56 ÷ 杭州市气象局 5,876.67 (its narrative's 支出预算, p4; 表1 p15 支出总计 the same) = 66.15
ACROSS = "2026年深圳市交通运输局的支出预算是杭州市气象局的几倍？"
# 2019-js-gaoyuan-yusuan p10 公开05表 2080504 未归口管理的行政单位离退休 417.06: 支出预算 after a line is its stage
LINE = "江苏高院2019年未归口管理的行政单位离退休支出预算是多少？"
on_real_home(list(CASES), ACROSS, LINE)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, ACROSS, LINE])


@pytest.mark.parametrize("question", list(CASES))
def test_a_plain_whole_is_the_printed_total_said_so(answers, question):
    value, unit, pages, label = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert f"按部门的{label}读" in a["answer"], a["answer"]
    assert a["citations"][0]["page"] in pages, a["citations"]


def test_a_plain_whole_is_compared_across_documents(answers):
    a = answers[ACROSS]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("66.15") and a["unit"] == "倍", a["answer"]
    assert "388763.56 ÷ 5876.67" in (a["calculation"] or ""), a["calculation"]


def test_after_a_line_the_words_are_its_stage(answers):
    a = answers[LINE]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("417.06"), a["answer"]
    assert a["citations"][0]["page"] == 10 and "未归口管理的行政单位离退休" in a["citations"][0]["row"]
