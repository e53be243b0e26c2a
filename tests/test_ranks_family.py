"""Ranks at a named level, counts of forms, a department's units listed and compared, items named with a
shared affix — asked on the corpus of every real disclosure through the CLI, in other words and mostly of other
documents than the evaluation's (eval/fresh7 rank-03, count-05, list-08, difference-08, sum-02):

- 「金额最大的“款”级科目」: a level quoted is the level named (assistant/vocab.py normalize; rowsets.row_set);
- 「部门预算一共公开了几张项目支出绩效目标表」: the forms counted, not their funds summed (formfunds.py yields
  to perftables.py; the document's own 「2026年部门预算」 fits no project's name);
- 「除了局本级还有哪些下属单位」: the units' names (lists.py, else units.listed from the 收入总表), not one
  unit's figure, the 本级 left out;
- 「局本级的收入预算比市气象服务中心多多少」: two units of one department (units.py); 「比市委讲师团」 is no
  other city's 市委 (scope.py);
- 「差旅费一共安排了多少（基本支出和项目支出）」: the bracket says where the one line is read (placed.py);
- 「轨道交通12号线和13号线PPP运营期管理项目」: two items sharing a tail, each named with a word left out
  (named.py).
"""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # ptq-sfj-2026 p12 部门支出预算总表: 「204 06 司法 87267272.44」, the largest 款 (住房改革支出 4521559.00 next)
    "普陀区司法局2026年预算中，金额最大的「款」级支出科目是哪个？": ("87267272.44", "元", 12, "司法"),
    # gjxfj-2026 p10 一般公共预算支出表: 「20140 信访事务 … 13,144.37」 (20805 行政事业单位养老支出 2,156.86)
    "国家信访局2026年一般公共预算支出中金额最大的“款”级科目是什么？": ("13144.37", "万元", 10, "信访事务"),
    # ptq-czj-2025 p12: 「201 06 01 行政运行 16,231,840.80」 (201 06 08 财政委托业务支出 4,188,000.00 next)
    "普陀区财政局2025年预算里金额最大的“项”级科目是哪个？": ("16231840.80", "元", 12, "行政运行"),
    # gjxfj-2026 p30, p31, p32: 信息化运行维护 / 信访综合保障经费 / 信访业务培训 绩效目标表
    "国家信访局2026年部门预算一共公开了几张项目支出绩效目标表？": ("3", "张", 30, "信访业务培训"),
    # hz p16 表2 收入预算总表: 杭州市气象局（本级） 5,011.05; 杭州市气象服务中心 865.62 → 4145.43
    "杭州市气象局2026年，局本级的收入预算比市气象服务中心多多少？": ("4145.43", "万元", 16, "4145.43"),
    # xa p19 表2 收入总表: 201001 中共西安市委宣传部 255,197,284.29; 201002 讲师团 3,398,717.50
    "西安市委宣传部2021年，市委讲师团的预算比部机关本级少多少？": ("251798566.79", "元", 19, "251798566.79"),
    # gz p14 表6 「[30211]差旅费 10.20」 + p16 表7 「[30211]差旅费 291.15」
    "广州市政府办公厅2026年差旅费一共安排了多少（基本支出和项目支出）？": ("301.35", "万元", 14, "10.20 + 291.15"),
    # sz p12: 「深圳市轨道交通 12 号线 PPP 项目运营期管理项目 133,006.31 万元，… 13 号线 … 23,260.74 万元」
    "深圳市交通运输局2026年轨道交通12号线和13号线PPP运营期管理项目加起来多少钱？": ("156267.05", "万元", 12, "133006.31 + 23260.74"),
    # sz p12: 「深圳市轨道交通 4 号线三期工程运营管理项目 18,262.82 万元」 (said without 深圳市, 工程)
    "深圳市交通运输局2026年地铁4号线三期运营管理项目安排了多少钱？": ("18262.82", "万元", 12, "4号线三期工程"),
}
LISTED = {
    # hz p16 表2: 杭州市气象局 | 杭州市气象服务中心（杭州市预警信息发布中心）; the 本级 left out
    "杭州市气象局2026年除了局本级还有哪些下属单位？": (["杭州市气象服务中心"], ["杭州市气象局、"], 16),
    # xa p2 「三、部门预算单位构成 … 1 中共西安市委宣传部本级（机关） 2 中共西安市委讲师团」
    "西安市委宣传部2021年部门预算中，除了部机关本级，还包括哪些单位？": (["中共西安市委讲师团"], ["本级（机关）"], 2),
}

ASKED = on_real_home([*ANSWERED, *LISTED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_ranked_counted_compared(answers, question):
    a = answers[question]
    value, unit, page, shown = ANSWERED[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == page, a["citations"]


@pytest.mark.parametrize("question", list(LISTED))
def test_units_listed(answers, question):
    a = answers[question]
    named, absent, page = LISTED[question]
    assert a["status"] == "answered", a["answer"]
    assert all(n in a["answer"] for n in named), a["answer"]
    assert not any(x in a["answer"] for x in absent), a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == page, a["citations"]
