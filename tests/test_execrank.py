"""Execution above the 项 level and ranked, in 决算 documents (assistant/kuanexec.py, assistant/execrank.py): a 类's
决算 against its 年初预算 — the 年初预算 summed over the 项 items the narrative states under it, kept only when their
决算 make the 类's printed 决算 — and the narrative's items ranked by their rate (决算 ÷ 年初预算) or by the amount
under or over it. A 项 asked is still its own item. Through the CLI on the real PDFs; each figure read off its page
with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

CASES = {
    # 2024-gjxfj-juesuan p22–23 items 7–10 (社会保障和就业（类）): 1017.2 + 207.19 + 899.34 + 371.99 = 2,495.72;
    # p11 公开05表 208 社会保障和就业支出 2,228.57 → 89.30 %
    "国家信访局2024年社会保障和就业支出（类）的财政拨款决算完成了年初预算的百分之几？": ("89.30", "%", None),
    # the printed name alone, a 类 in every table: the same reading
    "国家信访局2024年社会保障和就业支出决算是年初预算的百分之几？": ("89.30", "%", None),
    # 2022-xa-wjw-juesuan p12–13 items 6–10: 0 + 0 + 6867.76 + 3433.88 + 87.17 = 10,388.81; p154 208 10,657.37
    "西安市卫健委2022年社会保障和就业支出这一类，决算比年初预算多了多少？": ("268.56", "万元", None),
    # 2024-ptq-czj-juesuan p22 items 10–11: 187.75 + 258.50 = 446.25; p15 221 住房保障支出 445.69 → 99.87 %
    "普陀区财政局2024年住房保障支出（类）决算完成了年初预算的百分之几？": ("99.87", "%", None),
    # a 款 said with its 类 is the 款 (p11 20805 2,228.57; 2,495.72 − 2,228.57)
    "国家信访局2024年社会保障和就业支出（类）行政事业单位养老支出（款）决算比年初预算少了多少？": ("267.15", "万元", None),
    # a 项 said with its 类 and 款 is the 项 (xa p15 item 22: 31,342.45 ÷ 10,423.69)
    "西安市卫健委2022年卫生健康支出（类）公共卫生（款）疾病预防控制机构（项）完成年初预算的百分之几？":
        ("300.68", "%", None),
    # xa p17 item 31 其他公共卫生支出 578.68 ÷ 4813.66 = 12.02 %, the lowest of 35 items with a 年初预算
    "西安市卫健委2022年一般公共预算支出中，哪一项决算完成年初预算的比例最低？": ("12.02", "%", "其他公共卫生支出"),
    # within a 款 named: 公共卫生's highest, 突发公共卫生事件应急处理 77,024.07 ÷ 1,361.46 (p17)
    "西安市卫健委2022年公共卫生这一款里，哪一项决算完成年初预算的比例最高？": ("5657.46", "%", "突发公共卫生事件应急处理"),
    # ptq p22 item 1 行政运行 1560.05 − 1511.89 = 48.16, the largest shortfall
    "普陀区财政局2024年决算中，哪一项支出比年初预算少花得最多？": ("48.16", "万元", "行政运行"),
    "普陀区财政局2024年决算里哪个科目比年初预算节约得最多？": ("48.16", "万元", "行政运行"),
    # gjxfj p23 行政单位医疗: 年初预算 0, 决算 497.53 — over by the most
    "国家信访局2024年哪一项支出超出年初预算最多？": ("497.53", "万元", "行政单位医疗"),
    # 款 ranked: each 款 row of 公开05表 (p154–156) against its items' 年初预算 summed — 基层医疗卫生机构 363.41 ÷
    # 663.41 (p15 item 21, its only 项)
    "西安市卫健委2022年哪一款决算完成年初预算的比例最低？": ("54.78", "%", "基层医疗卫生机构"),
    # 类 ranked: gjxfj 201 一般公共服务支出 p11 9,846.82 vs items 1–5 (p21–22) 11,314.02 → 1,467.20 under
    "国家信访局2024年哪一类支出比年初预算少花得最多？": ("1467.20", "万元", "一般公共服务支出"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_execution_above_item(answers, question):
    value, unit, named = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit
    assert a["citations"] and all(c["page"] for c in a["citations"]), a["answer"]
    if named:
        assert f"的是{named}" in a["answer"], a["answer"]


def test_rank_leaves_out_zero_budgets(answers):
    a = answers["西安市卫健委2022年一般公共预算支出中，哪一项决算完成年初预算的比例最低？"]
    assert "未计入（年初预算为 0" in a["answer"] and "578.68 ÷ 4813.66 = 12.02%" in a["answer"]
