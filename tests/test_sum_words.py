"""A sum said as people say it, through the real CLI on real disclosures (each figure read off its page):
「A跟B加一起」 is A + B; 「三个单位的X加一起」, where X is printed once under each of the department's units in one
table, is their total — and only when the number of units said is the number printed (else the readings are
named, as for any name with several figures)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

SUMS = {
    # 江苏高院 2019 p11 公开06表：30211 差旅费 291.00，30215 会议费 111.30
    "江苏高院2019年差旅费跟会议费加一起是多少": ("402.30", ["291.00", "111.30"]),
    # 广州市政府办公厅 2026 表12 p22–23：专项工作经费 under 办公厅 749.25, 政务信息系统管理中心 21.00, 公文交换站 56.15
    "广州市府办公厅2026年三个单位的专项工作经费加一起是多少": ("826.40", ["749.25", "21.00", "56.15"]),
}
NAMED = "广州市府办公厅2026年两个单位的专项工作经费加一起是多少"  # three are printed: not two


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*SUMS, NAMED])


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(SUMS))
def test_the_sum_is_computed_with_its_formula_and_each_part_cited(answers, question):
    total, parts = SUMS[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(total) and a["unit"] == "万元", a["answer"]
    assert a["calculation"] == " + ".join(parts) + f" = {total}"
    assert [c["text"] for c in a["citations"][:len(parts)]] == parts


def test_units_said_that_the_table_does_not_print_are_not_summed(answers):
    a = answers[NAMED]
    assert a["status"] == "ambiguous" and a["value"] is None, a["answer"]
