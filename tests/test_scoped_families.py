"""Question families the 2026 held-out set exposed, asked in new wordings through the real CLI on four real
2026 budgets (Fuzhou, Guangzhou, Hangzhou, Shenzhen templates). Each expected figure was read off the page
cited beside it:

- a line scoped to the table or the part the question names (assistant/scoped.py): the whole 一般公共预算
  table by economic class, not its 基本支出 part; the 项目支出 table's 商品和服务支出, not the 基本支出 one's;
- a line under its parent in a table printed without codes (assistant/nesting.py);
- a department's unit named without the department: the document listing it (assistant/unitdocs.py);
- a figure the narrative states twice read once (assistant/splits.py); two terms of a sum, one of them
  「…缴费支出合计」 (assistant/vocab.py);
- counts: what the budget buys, of the kind asked (assistant/stated.py);
- a whole and its parts stated in one sentence (「政府采购安排…其中：货物类…服务类…等」, a project's parts
  ranked; assistant/wholeparts.py); 「预算中提到的X」 is X (assistant/stageword.py);
- a change the narrative states with the subject before the year (ingest/changes.py);
- a text question whose subject a passage names first (assistant/textrank.py).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers


# question → (value, unit, words the answer must show); value None: a text answer, quoted
CASES = {
    # fz p20 一般公共预算支出经济分类情况表: 302 19637.13 > 301 2964.61 (the 基本支出 table ranks 303 second)
    "福州市商务局2026年一般公共预算支出按经济分类排第二的是哪一类？": ("2964.61", "万元", "工资福利支出"),
    # gz 表7 p16 (项目支出): 30211 差旅费 291.15 — not the 表6 基本支出 items
    "广州市政府办公厅2026年项目支出里商品和服务支出哪一项最多？": ("291.15", "万元", "差旅费"),
    # hz 表3 p17: 气象事务 5,371.48 / 气象服务 2,103.61, printed without codes
    # (一共: the whole; asked bare it has two readings — 表4 财政拨款 1,980.00: tests/test_source_readings.py)
    "杭州市气象局2026年气象事务下的气象服务一共是多少？": ("2103.61", "万元", "气象服务"),
    # hz 表7 p21: 杭州市气象服务中心（杭州市预警信息发布中心） 10.89
    "杭州市气象服务中心2026年的“三公”经费是多少？": ("10.89", "万元", "杭州市气象服务中心"),
    # sz p10: 在职人员经费 7,557.83、公用经费 2,665.51 (each stated twice on the page)
    "深圳市交通运输局2026年在职人员经费加公用经费一共多少？": ("10223.34", "万元", "7557.83 + 2665.51"),
    # hz p10 「部门预算安排购置车辆 1 辆」, not p9 「购置的 0 辆公务用车」 nor 「共有车辆 5 辆」
    "杭州市气象局2026年计划购置多少辆车？": ("1", "辆", "购置车辆"),
    # gz p25 「政府采购安排483.05万元，其中：货物类采购预算64.3万元…」
    "广州市政府办公厅2026年货物类采购占政府采购的比例是多少？": ("13.31", "%", "64.3 ÷ 483.05"),
    "广州市政府办公厅2026年政府采购总共安排了多少？": ("483.05", "万元", "政府采购安排"),
    # gz p26 「本部门固定资产金额91,973.02万元」
    "广州市政府办公厅2026年预算中提到的固定资产金额有多少？": ("91973.02", "万元", "固定资产"),
    # sz p16 「公务用车运行维护费 2026 年预算数 27.80 万元，较 2025年年初预算减少 3.30 万元」
    "深圳市交通运输局2026年公务用车运行维护费较2025年年初预算下降了多少万元？": ("3.30", "万元", "27.80"),
    # fz p13 2080505 256.45, p21 30109 职业年金缴费 128.22
    "福州市商务局2026年职业年金缴费支出和机关事业单位基本养老保险缴费支出加起来是多少？": ("384.67", "万元", "128.22"),
    # sz p11 「2.管养维护项目 2,573.40 万元…其中，…1,487.40 万元，…910.00 万元，…176.00 万元」
    "深圳市交通运输局2026年管养维护项目中哪一部分费用最少？": ("176.00", "万元", "大件运输主通道沿线桥涵结构验算支出"),
    "深圳市交通运输局2026年管养维护项目经费主要用于什么？": (None, None, "高速公路回购政府产权新建收费站运营管理"),
}


REFUSAL = "广州市政府办公厅2025年政府采购安排了多少？"
# Asked with every family module's questions in one process of the session (conftest.shared_answers).
on_real_home(list(CASES), REFUSAL)


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    got = shared_answers(real_home, [*CASES, REFUSAL])
    got["refusal"] = got.pop(REFUSAL)
    return got


@pytest.mark.parametrize("question", list(CASES))
def test_the_family_reads_the_line_asked(answers, question):
    value, unit, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    if value is None:
        first = a["citations"][0]["text"].replace(" ", "")
        assert shown in first, a["answer"]
        return
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"] or shown in (a.get("calculation") or ""), a["answer"]
    assert a["citations"] and all(c["page"] for c in a["citations"]), "every figure cites its page"


def test_last_years_procurement_is_not_another_lines_prior_figure(answers):
    """No sentence states the 2025 政府采购: never the 收入预算's 上年 figure."""
    assert answers["refusal"]["status"] == "not_found", answers["refusal"]["answer"]
