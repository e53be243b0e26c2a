"""Rankings over part of a table, the granularity of 「哪一项」, and the column a question means, asked through
the real CLI on real disclosures (questions not in eval/fresh2, which stays held out). Each expected figure was
read off the page cited beside it:

- a group a cell of each line names (北京 预算11表 p16: 01-公共服务 | 02-政府履职辅助性服务): its lines only;
- 「按经济分类哪一项」: the 5-digit lines, not the 类 (广州 表7 p16: 30211 差旅费 291.15, not 302 1432.54);
- a group's parts named 「G-X」 (深圳 表5 p35 交通运输专项资金-民航业领域 102,420.00; the narrative p12–13 lists
  the same items);
- 政府采购预算: the group's 小计 column, not its 其中：预留给中小企业 part (深圳 表3 p27 7,558.99);
- a quantity asked: the 数量 column, not money (西安 宣传部 表12 p40: 33816 场次).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

from assistant.columns import whole_first
from assistant.groups import in_group, leaves, wants_leaves
from ingest.model import Cell, Row, Table

CASES = {
    "北京市财政局2026年政府购买服务里，公共服务哪一项金额最小？": ("20.000000", "万元", "行业咨询服务"),
    "广州市政府办公厅2026年项目支出按经济分类哪一项金额最大？": ("291.15", "万元", "30211 差旅费"),
    "深圳市交通运输局2026年交通运输专项资金哪个领域最多？": ("102420.00", "万元", "民航业领域"),
    "深圳市交通运输局和广州市政府办公厅2026年政府采购预算一共多少？": ("8042.04", "万元", "7558.99 + 483.05"),
    "西安市委宣传部2021年农村电影放映工程采购了多少场？": ("33816", "场", "数量列"),
}
# Two lines of 台式计算机 (30 台 and 20 批, 表12 p39): named, never one picked.
AMBIGUOUS = "西安市委宣传部2021年台式计算机采购了多少台？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*CASES, AMBIGUOUS])


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_the_part_asked_is_ranked_and_read(answers, question):
    value, unit, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"] or shown in (a.get("calculation") or ""), a["answer"]
    assert a["citations"] and all(c["page"] for c in a["citations"]), "every figure cites its page"


def test_several_quantities_are_named_not_picked(answers):
    a = answers[AMBIGUOUS]
    assert a["status"] == "ambiguous", a["answer"]
    assert "30" in a["answer"] and "20" in a["answer"]


def _row(i, label, code=None, parent=None, kind="经济", texts=()):
    cells = [Cell(f"t{j}", t) for j, t in enumerate(texts)] + [Cell("金额", "1", Decimal(1))]
    return Row(i, label, cells, code=code, code_kind=kind if code else None, parent_code=parent)


def test_leaves_are_the_lines_nothing_is_under():
    t = Table(0, "t", "k", rows=[_row(0, "合计"), _row(1, "商品和服务支出", "302"), _row(2, "办公费", "30201", "302"),
                                 _row(3, "资本性支出", "310"), _row(4, "办公设备购置", "31002", "310")])
    assert [r.label for r in leaves(t, "经济")] == ["办公费", "办公设备购置"]
    assert wants_leaves("按经济分类哪一项最小") and not wants_leaves("哪一类最多")


def test_a_group_named_in_the_lines_cells():
    rows = [_row(0, "会计服务", texts=("02-政府履职辅助性服务",)), _row(1, "宣传服务", texts=("01-公共服务",))]
    kept, group = in_group(rows, "政府购买服务中，政府履职辅助性服务哪一项最大")
    assert [r.label for r in kept] == ["会计服务"] and group == "政府履职辅助性服务"
    assert in_group(rows, "政府购买服务里哪一项最多") == (rows, "")


def test_a_columns_restricted_part_only_when_said():
    names = ["政府采购项目", "其中：2026年政府采购项目中预留给中小企业的项目资金规模"]
    assert whole_first(names, "政府采购预算是多少") == ["政府采购项目"]
    assert whole_first(names, "政府采购预留给中小企业的有多少") == [names[1]]
