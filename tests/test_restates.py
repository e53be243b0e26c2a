"""A line the narrative restates with another figure than the table's (assistant/restates.py): asked for the
line, both readings are named (status ambiguous), each with its figure and page; where the narrative agrees
(exactly, or at its printed precision after converting 万元 to 元), the table's figure answers as before.
Through the CLI on every real PDF, questions other than the evaluation's, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import assert_cited_figure, on_real_home, shared_answers

# 2026-gjxfj-yusuan p9 部门公开表4 财政拨款收支总表: 收入总计 18,728.94 万元; p18 说明:
# 「2026 年国家信访局财政拨款收支总预算 18,728.91 万元」 (the table's line asked by its table, not the narrative's)
TOTAL = "国家信访局2026年财政拨款收支总表的收入总计是多少？"
# 2024-ptq-czj-juesuan p13 财政拨款收入支出决算总表: 总计 2,961.68 万元; p21: 「…财政拨款收入支出总计0.3万元」
# (the narrative's 正文数字 row is what the lookup finds first)
STATED = "普陀区财政局2024年度财政拨款收入支出总计多少钱？"
# 2024-ptq-wanlijiedao-yusuan p19 支出预算总表: 221 02 01 住房公积金 3,503,499 元; p9 item 31: 「住房公积金（项）”
# 350.35万元 … 2024年预算安排352.67万元」: one figure agrees (350.35), the other does not
FUND = "万里街道2024年住房公积金这一项安排了多少？"
# 2025-ptq-czj-yusuan p12 支出预算总表: 208 05 06 机关事业单位职业年金缴费支出 873,617.00 元; p7 item 7:
# 「…机关事业单位职业年金缴费支出（项）”887.36万元」 (87.36 万元 in the table)
PENSION = "普陀区财政局2025年预算里职业年金缴费支出（项）有多少钱？"
# 2026-ptq-sfj-yusuan p13: 221 02 01 住房公积金 2087959.00 元; p9 item 12: 「住房公积金（01项）208.8万元 …
# 2026年预算安排201.50万元」 — asked in the second figure's words, answered first from its sentence
SENTENCE = "普陀区司法局2026年住房公积金的预算安排数是多少？"
# 2026-ptq-sfj-yusuan p13: 221 02 03 购房补贴 2433600.00 元; p9 item 13 「购房补贴（03项）243.36万元 … 2026年
# 预算安排243.36万元」: the narrative agrees, the table answers
AGREES = "普陀区司法局2026年购房补贴预算是多少？"
# 2025-ptq-czj-yusuan p12: 208 05 01 行政单位离退休 877,080.00 元; p7 item 5: 「行政单位离退休（项）”87.70万元」 —
# 87.708 cut to two decimals, not another figure: the table answers
CUT = "普陀区财政局2025年行政单位离退休预算是多少？"
# 2024-ptq-wanlijiedao-yusuan p19: 住房公积金 3,503,499 > 购房补贴 3,201,700: a ranking asks which line, not its figure
RANKED = "万里街道2024年住房改革支出里哪项钱最多？"

ASKED = on_real_home([TOTAL, STATED, FUND, PENSION, SENTENCE, AGREES, CUT, RANKED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def _readings(a: dict, table: tuple[str, int], text: tuple[str, int]) -> None:
    assert a["status"] == "ambiguous", a["answer"]
    assert a["value"] is None, a["answer"]
    for figure, _page in (table, text):
        assert figure in a["answer"], a["answer"]
    pages = [c["page"] for c in a["citations"]]
    assert pages[0] == table[1] and a["citations"][0]["table"], a["citations"]  # the table's cell first
    assert text[1] in pages and any(c["table"] is None for c in a["citations"]), a["citations"]


def test_a_table_line_the_narrative_restates_otherwise(answers):
    _readings(answers[TOTAL], ("18728.94 万元", 9), ("18728.91 万元", 18))


def test_a_narrative_figure_is_read_with_its_table_line(answers):
    _readings(answers[STATED], ("2961.68 万元", 13), ("0.3 万元", 21))


def test_one_agreeing_and_one_disagreeing_restatement(answers):
    a = answers[FUND]
    _readings(a, ("3503499 元", 19), ("352.67 万元", 9))
    assert "350.35 万元" in a["answer"], a["answer"]  # the agreeing figure is named with the table's reading
    assert a["calculation"] == "3503499 元 = 350.3499 万元", a["calculation"]


def test_a_typo_in_the_narrative_is_not_hidden(answers):
    _readings(answers[PENSION], ("873617.00 元", 12), ("887.36 万元", 7))


def test_the_sentence_answered_is_read_against_its_table(answers):
    a = answers[SENTENCE]
    _readings(a, ("2087959.00 元", 13), ("201.50 万元", 9))
    assert "208.8 万元" in a["answer"], a["answer"]


def test_an_agreeing_narrative_leaves_the_table_answer(answers):
    assert_cited_figure(answers[AGREES], "2433600.00", "元", 13, "购房补贴")


def test_a_figure_cut_to_its_printed_precision_agrees(answers):
    assert_cited_figure(answers[CUT], "877080.00", "元", 12, "行政单位离退休")


def test_a_ranking_is_not_a_lookup(answers):
    a = answers[RANKED]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("3503499"), a["answer"]
    assert "住房公积金" in a["answer"] and a["citations"][0]["page"] == 19, a["citations"]
