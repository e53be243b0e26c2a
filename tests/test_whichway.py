"""Questions of fresh17's first run answered by family, asked here in other words or of other documents, through the
real CLI on the real PDFs.

- 「比上年多了还是少了？原因是什么」: which way a figure moved is asked (wording.WHICH_WAY), so the stated change is the
  answer's value, the reason quoted beside it (assistant/reasons.py); a bare 「原因？」 closing the question asks why.
- 「是增加还是减少？变了多少」 of a table printing both years: the change, not the larger year (assistant/yearly.py).
- 「有没有国有资本经营预算」: whether there is any, answered by the document's note that its table is empty
  (assistant/emptytable.py).
- 「…项目的满意度指标值」 where the document prints no 绩效目标表: not found, never the project's amount
  (assistant/guard.py).
- 「全年用款计划」: a project's four quarters' plans summed (assistant/quarters.py).
Golds read off the pages cited.
"""
from __future__ import annotations

from decimal import Decimal

from conftest import on_real_home, shared_answers

# question → (value, unit, page)
MOVED = {
    # gz 预算 p25 「机关运行经费安排1,443.41万元，比上年减少5,553.36万元，下降79.4%，主要原因是减少了机关事务管理局…」
    "广州市政府办公厅2026年机关运行经费比上年多了还是少了？原因是什么？": ("5553.36", "万元", 25),
    # fz 预算 p40 「…机关运行经费支出 337.82 万元，比上年减少 16.53 万元，下降4.66%。主要原因是压减公用经费。」
    "福州市商务局2026年机关运行经费是涨了还是降了？原因？": ("16.53", "万元", 40),
}
WAY = on_real_home(list(MOVED))
# hz 预算 p23 表9 「备注：本部门没有国有资本经营预算拨款安排的支出，故本表无数据。」
EMPTY = on_real_home("杭州气象局2026年有没有国有资本经营预算？")
# ptq-czj 2025 预算 prints 信息化系统日常维护费 166.66 万元 (p22) and no 项目绩效目标表
INDICATOR = on_real_home("普陀区财政局2025年信息化系统日常维护费项目的绩效指标值是多少？")
# wanli 预算 p33 「第一季度用款计划158.05万元，第二季度…158.05万元，第三季度…158.05万元，第四季度…158.05万元」
YEAR_PLAN = on_real_home("万里街道2024年社区公共服务中心新建工程全年计划用款多少？")


def test_which_way_and_why_gives_the_stated_change_as_the_value(real_home):
    got = shared_answers(real_home, WAY)
    for q, (value, unit, page) in MOVED.items():
        a = got[q]
        assert a["status"] == "answered" and (Decimal(a["value"]), a["unit"]) == (Decimal(value), unit), a["answer"]
        assert "减少" in a["answer"] and "原因" in a["answer"], a["answer"]
        assert a["citations"][0]["page"] == page, a["citations"]


def test_whether_there_is_any_is_answered_by_the_empty_tables_note(real_home):
    a = shared_answers(real_home, EMPTY)[EMPTY[0]]
    assert a["status"] == "answered" and a["value"] is None, a["answer"]
    assert "本部门没有国有资本经营预算拨款安排的支出" in a["answer"] and a["citations"][0]["page"] == 23, a


def test_an_indicator_is_never_a_projects_amount(real_home):
    a = shared_answers(real_home, INDICATOR)[INDICATOR[0]]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "绩效指标" in a["answer"], a["answer"]


def test_the_whole_years_plan_is_its_four_quarters(real_home):
    a = shared_answers(real_home, YEAR_PLAN)[YEAR_PLAN[0]]
    assert a["status"] == "answered" and (Decimal(a["value"]), a["unit"]) == (Decimal("632.20"), "万元"), a["answer"]
    assert "158.05 + 158.05 + 158.05 + 158.05 = 632.20" in a["calculation"] and a["citations"][0]["page"] == 33, a
