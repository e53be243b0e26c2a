"""The items of one document ranked by their change over last year (assistant/rankchange.py,
assistant/rankchangetable.py): the narrative's per-item statements at the level asked (项, 类, the three 三公
parts), the rate when 最快/幅度/百分之几 is asked, the amount when 最多/多少; listed by direction (「哪几项…减少了」);
a table printing last year's column where the narrative states no item of the level; not found where neither.
Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

RANKED = {
    # 2026-gjxfj-yusuan p22–23 说明 items 8, 9, 12: 行政单位离退休 −126.49, 离退休人员管理机构 −17.06, 行政单位医疗
    # −218.91 (the only three 项 that fell) → 行政单位医疗 218.91 万元
    "国家信访局2026年哪一项支出比上年执行数减少得最多？减了多少？": ("218.91", "万元", "行政单位医疗"),
    # 2026-hz-qxj-yusuan p6: 科技成果转化与扩散 比上年执行数减少113.53万元，下降80.2% — the only 项 that fell
    "杭州市气象局2026年哪一项支出降幅最大？": ("80.2", "%", "科技成果转化与扩散"),
    # 2024-gjxfj-juesuan p17–18 说明 各类: 教育 +36.27%, 一般公共服务 +2.31%, 卫生健康 +2.05% (社保 −11.66, 住房 −4.8)
    "国家信访局2024年哪一类支出比上年增长最快？": ("36.27", "%", "教育"),
    # 2024-ptq-wanlijiedao-yusuan p32: 公务用车购置及运行费46.56万元，比2023年预算增加25万元; 出国、接待持平
    "万里街道2024年三公经费里哪一项比上年增加最多？": ("25", "万元", "公务用车购置及运行费"),
    # 2021-xa-xcb-yusuan p11: 公务用车运行维护费 减少8万元 + 公务用车购置费 无变化 (no whole stated: the parts
    # summed, −8 + 0); 公务接待费 减少1.49万元 → 公务用车购置及运行维护费 8 万元
    "西安市委宣传部2021年三公经费哪项比上年减少得最多？": ("8", "万元", "公务用车"),
    # 2021-xa-xcb-yusuan p6–7 (1)–(11): 一般行政管理事务 −28.98 > 电影 −22.2 > 其他社会保障和就业支出 −2.31; the
    # later breakdowns (人员经费 ①行政运行 …) are the same items again, not ranked twice
    "西安市委宣传部2021年哪一项支出比上年减少得最多？": ("28.98", "万元", "一般行政管理事务"),
}
# 2026-ptq-sfj-yusuan p8–9: only 行政运行 (−1.07%) and 行政单位离退休 (−2.21%) are said to have fallen; 其他司法支出's
# sentence says 增加17.62% though its figures (43269.3 → 3845.49) fall — said beside the list, not listed
LISTED = "普陀区司法局2026年哪几项支出比2025年预算执行数减少了？"
# 2026-gjxfj-yusuan p10–11 一般公共预算支出表 (no 类 in its narrative): 201 一般公共服务支出 增减额 −20,442.30 (as
# printed; its 扣除中央基建投资 columns +3,099.90), 210 卫生健康 −218.91, 208 社保 −118.90 → 一般公共服务支出
TABLE = "国家信访局2026年哪一类支出比2025年执行数减少得最多？"
# 2022-xa-wjw-juesuan: the narrative states no item's change and no table prints last year's figures
NONE = "西安市卫健委2022年哪一项支出比上年减少得最多？"
# 2026-sz-jtysj-yusuan p9–10: why the budget rose (主要增加因素) — a reason asked, no ranking of items
WHY = "深圳市交通运输局2026年部门预算比上年增加，主要是哪几项因素推高的？"
on_real_home(list(RANKED), LISTED, TABLE, NONE, WHY)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*RANKED, LISTED, TABLE, NONE, WHY])


@pytest.mark.parametrize("question", list(RANKED))
def test_ranked_by_change(answers, question):
    value, unit, name = RANKED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit
    assert name in a["answer"].split("：")[0], a["answer"]
    assert "排序" in a["answer"] and a["citations"], a["answer"]


def test_listed_by_direction(answers):
    a = answers[LISTED]
    assert a["status"] == "answered", a["answer"]
    head = a["answer"].split("。")[0]
    assert "2项" in head and "行政运行" in head and "行政单位离退休" in head, a["answer"]
    assert "其他司法支出" not in head and "不一致" in a["answer"], a["answer"]


def test_table_when_the_narrative_states_none(answers):
    a = answers[TABLE]
    assert a["status"] == "ambiguous", a["answer"]  # as printed vs 扣除中央基建投资后
    assert "一般公共服务支出" in a["answer"] and "20442.30" in a["answer"] and "扣除中央基建投资" in a["answer"]
    assert any(c["table"] == "一般公共预算支出表" and c["page"] == 10 for c in a["citations"]), a["citations"]


def test_not_found_when_no_item_is_stated(answers):
    a = answers[NONE]
    assert a["status"] == "not_found", a["answer"]
    assert "逐项" in a["answer"]


def test_a_reason_asked_is_no_ranking(answers):
    a = answers[WHY]
    assert a["status"] == "answered" and "轨道交通管理经费" in a["answer"], a["answer"]
    assert "所比较的是" not in a["answer"], a["answer"]
