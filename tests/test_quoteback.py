"""A narrative figure quoted back to be checked (assistant/quoteback.py): 「说明里写“…万元”，这个数对吗？表里是多少？」
is answered with the table's figure (not two readings left open, not a refusal reading the quoted words as a
line's name), and the quoted figure is judged against it in the claim's unit, the sentence quoted with its page.
Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout. Other wordings than the
eval's, and a claim that agrees as well as ones that do not."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, agrees?, the cited pages: the table's, then the sentence's)
CASES = {
    # 2026-hz-qxj-yusuan p15 表1 收入总计 5,876.67; p4 「杭州市气象局 2026 年收支总预算 5,876.67 万元。」: agrees
    "杭州市气象局2026年预算说明里写“收支总预算5,876.67万元”，这个数对不对？表里收入总计到底是多少？":
        ("5876.67", "万元", [True], {15, 4}),
    # 2026-gjxfj-yusuan p9 财政拨款收支总表 收入总计 18,728.94; p18 「财政拨款收支总预算 18,728.91 万元」: differs
    "国家信访局2026年部门预算正文说财政拨款收支总预算是18728.91万元，准确吗？表上收入总计实际是多少？":
        ("18728.94", "万元", [False], {9, 18}),
    # 2025-ptq-czj-yusuan p12 2080506 机关事业单位职业年金缴费支出 873,617.00 元 (= 87.3617 万元); p7 says 887.36 万元
    "普陀区财政局2025年预算说明里写机关事业单位职业年金缴费支出887.36万元，表里到底是多少，对不对？":
        ("873617.00", "元", [False], {12, 7}),
    # 2026-ptq-sfj-yusuan p13 221 02 01 住房公积金 2087959.00 元; p9 says 208.8 万元 (agrees) and 201.50 万元 (not)
    "普陀区司法局2026年预算说明中住房公积金一会儿写208.8万元、一会儿写201.50万元，表里到底是多少？":
        ("2087959.00", "元", [True, False], {13, 9}),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_table_figure_answers_and_the_quoted_figure_is_judged(answers, question):
    value, unit, agrees, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    verdicts = a["answer"].split("说明中写的")[1:]
    assert len(verdicts) == len(agrees), a["answer"]
    for said, agree in zip(verdicts, agrees):
        assert ("不一致" not in said) == agree and ("一致" in said), said
    cited = {c["page"] for c in a["citations"]}
    assert pages <= cited, a["citations"]
    assert a["citations"][0]["table"], "the table's cell is cited first"
