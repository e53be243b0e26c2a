"""Figures one narrative sentence states, asked in new wordings through the real CLI on real PDFs of five
templates (central 决算, Hangzhou 预算, Shanghai district 决算, Xi'an 预算, Jiangsu 预算).

Each expected figure was read off the page cited beside it:
- a whole and its parts (「政府采购预算总额…，其中：政府采购货物预算…、…服务预算…」, 「共有车辆…，其中…特种专业
  技术用车…」): one part against another, a part's share of the whole, a count of one kind — never the first
  number after 「其中」, never the 支出总计 for 「政府采购…总额」;
- a 决算's 「年初预算为X万元，支出决算为Y万元」 per subject line, the difference computed;
- 「主要职责是：」 and the numbered items after it, counted;
- a unit's projects ranked alone (讲师团), a line asked by its code where the narrative names it otherwise,
  last year's figure derived from this year's and the stated change, 「A支出里B一共」 as B alone.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, words the answer must show)
CASES = {
    # hz p9: 政府采购货物预算 566.26、服务预算 547.26
    "杭州市气象局2026年政府采购货物预算比服务预算多多少？": ("19.00", "万元", "566.26 − 547.26"),
    # hz p9: 政府采购预算总额 1,113.52 (the procurement total, not the budget's 支出总计)
    "杭州市气象局2026年政府采购预算总额是多少？": ("1113.52", "万元", "政府采购预算总额"),
    # hz p9 「共有车辆 5 辆，其中，一般公务用车 0 辆、执法执勤用车 0 辆、特种专业技术用车 5 辆」
    "杭州市气象局2026年的车辆里特种专业技术用车有几辆？": ("5", "辆", "共有车辆"),
    # hz p10 「部门预算安排购置车辆 1 辆，其中，…特种专业技术用车 1 辆」: what is bought, not what is held
    "杭州市气象局2026年计划购置几辆特种专业技术用车？": ("1", "辆", "购置车辆"),
    # gjxfj p26: 政府采购货物支出 171.7 of 政府采购支出总额 1967.42
    "国家信访局2024年政府采购中货物支出占政府采购支出总额的比例是多少？": ("8.73", "%", "171.7 ÷ 1967.42"),
    # gjxfj p26: 政府采购工程支出 3, 服务支出 1792.72
    "国家信访局2024年政府采购服务支出与工程支出相差多少？": ("1789.72", "万元", "1792.72 − 3"),
    # gjxfj p26 「开展绩效自评，其中，一级项目 7 个、二级项目 16 个」
    "国家信访局2024年开展绩效自评的一级项目有多少个？": ("7", "个", "一级项目 7 个"),
    # gjxfj p22 信访业务（项）「年初预算为 2325.72 万元，支出决算为 2066.84 万元」
    "国家信访局2024年信访业务支出决算比年初预算少用了多少？": ("258.88", "万元", "2325.72 − 2066.84"),
    # ptq-czj p4-5: 「主要职责是：」（一）…（十二）, （七）（八） printed in one passage
    "普陀区财政局2024年决算说明中主要职责共有多少条？": ("12", "条", "主要职责是"),
    # ptq-czj p21 「一般公共预算财政拨款支出2940.05万元…与2023年度相比，…减少63.14万元」
    "根据普陀区财政局2024年决算推算，2023年一般公共预算财政拨款支出为多少万元？": ("3003.19", "万元", "63.14"),
    # xcb 表10 p37: the 讲师团's projects alone (综合工作经费 600,000, 中心组学习经费 200,000)
    "西安市委讲师团2021年哪个专项项目金额最少？": ("200000.00", "元", "市委中心组学习经费"),
    # xcb p7 「行政事业单位医疗（2101101）38.74万元，较上年增加4.39万元」
    "西安市委宣传部2021年2101101行政单位医疗较上年增长多少万元？": ("4.39", "万元", "行政事业单位医疗"),
    # xcb 表6 p26: 30201 办公费 525,250.00 — not 一般公共预算 + 办公费
    "西安市委宣传部2021年一般公共预算支出中办公费一共是多少？": ("525250.00", "元", "办公费"),
    # js p21 「法院（款）案件执行（项）支出775万元，与上年相比减少175万元」: 案件执行 is a line, not 执行数
    "江苏高院2019年法院案件执行支出较上年减少了多少？": ("175", "万元", "案件执行"),
    # js p25 「共有车辆 66 辆，其中，…特种专业技术用车 15 辆」
    "江苏高院2019年特种专业技术用车占车辆总数的百分之几？": ("22.73", "%", "15 ÷ 66"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_a_stated_figure_is_read_and_computed_from_its_sentence(answers, question):
    value, unit, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"] or shown in (a.get("calculation") or ""), a["answer"]
    assert a["citations"] and all(c["page"] for c in a["citations"]), "every figure cites its page"
