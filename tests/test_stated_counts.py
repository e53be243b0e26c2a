"""Counts a disclosure states or lists, and colloquial names of canonical figures, through the real CLI on real
PDFs of five templates (central 决算, Hangzhou, Guangzhou, Fuzhou, Shanghai district, Shenzhen).

Each expected count was read off the page: the sentence that states it (「共有车辆 15 辆」, 「内设 13 个职能机构」,
「公务接待 10 批次」), the list that names the units (「下属单位具体包括：A、B」, 「本部以及下属1家预算单位」, a
table under 「…单位详细情况见下表」), the document's budget tables, a detail table's item rows.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, page of the first citation, words the answer quotes or names)
COUNTS = {
    # p26 「截至 2024 年 12 月 31 日，国家信访局共有车辆 15 辆，其中…」 (p25 「年末实际保有量为 15辆」 agrees)
    "国家信访局2024年底一共有多少辆车？": ("15", "辆", None, "15"),
    # p5 「国家信访局内设 13 个职能机构，分别是：…」
    "国家信访局2024年有多少个内设职能机构？": ("13", "个", 5, "内设 13 个职能机构"),
    # p25 「公务接待 10 批次、152 人次」: a count of what no money table counts, though 公务接待 names a line
    "国家信访局2024年公务接待共多少批次？": ("10", "批次", 25, "10 批次"),
    # p9 「截至 2025 年 12 月 31 日，本部门共有车辆 5 辆」: a 2026 budget states the stock at the end of 2025
    "截至2025年底杭州市气象局有多少辆车？": ("5", "辆", 9, "共有车辆 5 辆"),
    # p4 「部门预算包括：杭州市气象局本级决算（行政单位）和杭州市气象服务中心（…）（事业单位）决算」
    "杭州市气象局部门预算包括几个预算单位？": ("2", "个", None, "杭州市气象服务中心"),
    # p4 「下属单位具体包括：广州市政府政务信息系统管理中心、广州地区公文交换站（…）」
    "广州市政府办公厅有几个下属单位？": ("2", "个", None, "广州地区公文交换站"),
    # p26 「单价在100万元以上的设备19台」 (the same sentence's 「车辆0辆」 is not what is asked)
    "广州市政府办公厅单价100万元以上的设备有多少台？": ("19", "台", 26, "19台"),
    # 表12 (p21): 18 rows = 合计 + 3 units' lines (each the sum of the projects under it) + 14 projects
    "广州市政府办公厅项目支出预算表一共有多少个项目？": ("14", "个", 21, "机构运行辅助经费"),
    # p8 「…列入 2026 年部门预算编制范围的单位详细情况见下表」, the table under it (p9) lists 2 units
    "福州市商务局部门预算有几个预算单位？": ("2", "个", None, "福州市商务发展促进中心"),
    # 10 budget tables (收支总表 … “三公”经费支出预算表), the 8 项目绩效目标表 not among them
    "福州市商务局部门预算共有多少张预算表？": ("10", "张", None, "“三公”经费支出预算表"),
    # p6 「部门预算是包括区司法局本部以及下属1家预算单位的综合收支计划」: 1 + 1
    "普陀区司法局部门预算包括几家单位？": ("2", "家", 6, "本部 1 + 下属 1 = 2"),
    # p6 「内下设办公室（信访办公室）、财务处、…，共 16 个处（室）」
    "深圳市交通运输局内设多少个处室？": ("16", "个", 6, "16 个处（室）"),
}

# colloquial names of canonical figures → (value, unit)
COLLOQUIAL = {
    # 公开01表 (p7) 本年支出合计 14,572.53: what a 决算 actually spent
    "国家信访局2024年实际花了多少钱？": ("14572.53", "万元"),
    # 公开09表 (p15) 公务用车运行维护费 40.61
    "国家信访局2024年车辆的运行维护花了多少？": ("40.61", "万元"),
    # 表8 (p17) 公务用车购置及运行维护支出 0.00
    "广州市政府办公厅2026年公车开支是多少？": ("0.00", "万元"),
    # 表4 (p18) 财政拨款 5,753.07
    "杭州市气象局2026年财政一共给拨了多少钱？": ("5753.07", "万元"),
}


@pytest.fixture(scope="session")
def home(real_home):
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return real_home


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*COUNTS, *COLLOQUIAL, "国家信访局2024年公务接待费是多少？"])


@pytest.fixture(scope="session")
def answers(home) -> dict[str, dict]:
    return shared_answers(home, ASKED)


@pytest.mark.parametrize("question", list(COUNTS))
def test_a_count_is_the_one_the_text_states_or_lists_and_is_cited(answers, question):
    value, unit, page, quoted = COUNTS[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert quoted in a["answer"]
    assert a["citations"], "a count cites the sentence or the counted rows"
    if page is not None:
        assert a["citations"][0]["page"] == page


@pytest.mark.parametrize("question", list(COLLOQUIAL))
def test_colloquial_names_reach_the_canonical_figure(answers, question):
    value, unit = COLLOQUIAL[question]
    a = answers[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]


def test_a_money_question_about_a_counted_line_is_still_its_amount(answers):
    a = answers["国家信访局2024年公务接待费是多少？"]
    assert Decimal(a["value"]) == Decimal("0.90") and a["unit"] == "万元", a["answer"]
