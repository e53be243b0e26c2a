"""A sum with its scope said around it (assistant/excluding.py, operands.py):

- 「…三项加起来是多少？培训费不算。」: the names before 不算 (不计, 不包括, 不含, 也不算在内) are set aside, no
  operands — summed, they made a figure the question excluded.
- 「“三公”经费三项（因公出国、公务用车、公务接待）加起来」: the 三公 figure said first, its parts after it, is their
  scope (its parts are columns of one line under its header): summed with them it counted them twice.
Through the CLI on every real PDF, questions other than the evaluation's, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# 2026-gjxfj-yusuan p16 财政拨款预算“三公”经费支出表: 因公出国（境）费 68.50 + 公务用车购置及运行费 38.60 + 公务接待费
# 5.51 = 112.61 (its 合计); 培训费 is set aside
NOT_COUNTED = "国家信访局2026年“三公”经费（因公出国、公务用车、公务接待）三项加起来是多少？培训费不算。"
# 2026-gz-zfbgt-yusuan p17: “三公”经费 226.86 = （一）因公出国（境）支出 215.60 + 公务接待费支出 11.26 + 公务用车 0.00
PARENT_FIRST = "广州市政府办公厅2026年三公经费包括因公出国、公务接待、公务用车，三项加起来是多少"

ASKED = on_real_home([NOT_COUNTED, PARENT_FIRST])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


def test_names_said_before_bu_suan_are_no_operands(answers):
    a = answers[NOT_COUNTED]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("112.61") and a["unit"] == "万元", a["answer"]
    assert a["calculation"] == "68.50 + 38.60 + 5.51 = 112.61", a["calculation"]
    assert {c["page"] for c in a["citations"]} == {16}, a["citations"]
    assert "培训费" not in a["answer"].split("计算")[0], a["answer"]


def test_a_whole_said_before_its_column_parts_is_their_scope(answers):
    a = answers[PARENT_FIRST]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("226.86") and a["unit"] == "万元", a["answer"]
    assert a["calculation"] == "215.60 + 11.26 + 0.00 = 226.86", a["calculation"]
    assert {c["page"] for c in a["citations"]} == {17}, a["citations"]
