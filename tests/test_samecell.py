"""One printed cell is never an operand twice (assistant/guard.py): 普陀区司法局's 2026 预算 numbers no table 表6 or 表7
(its titles carry no numbers), so 「表6里的委托业务费和表7里的委托业务费一共多少」 found 30227 委托业务费 (p20, 91260.00 元)
for both names and added it to itself (182520.00). The figures asked were not found apart: not found, the cell named.
Two different lines of the same table still add (委托业务费 91260.00 p20 + 印刷费 30000.00 p19 = 121260.00 元)."""
from __future__ import annotations

from decimal import Decimal

from conftest import on_real_home, shared_answers

TWICE = on_real_home("普陀区司法局2026年表6里的委托业务费和表7里的委托业务费一共多少？")
APART = on_real_home("普陀区司法局2026年委托业务费和印刷费一共多少？")


def test_one_cell_read_for_two_names_is_not_added_to_itself(real_home):
    a = shared_answers(real_home, TWICE)[TWICE[0]]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "同一个单元格" in a["answer"] and "91260.00" in a["answer"] and "182520" not in a["answer"], a["answer"]


def test_two_lines_of_one_table_still_add(real_home):
    a = shared_answers(real_home, APART)[APART[0]]
    assert a["status"] == "answered" and (Decimal(a["value"]), a["unit"]) == (Decimal("121260.00"), "元"), a["answer"]
    assert sorted(c["page"] for c in a["citations"]) == [19, 20], a["citations"]
