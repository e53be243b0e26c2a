"""Rankings asked for their first few (「前三」「前3名」「前几名」「排名前五」) and rankings inside a named economic
class (「基本支出的商品和服务支出中哪个明细科目最多」) — assistant/topn.py, assistant/sets.py ``rank``,
assistant/rowsets.py. The set ranged over is the one the question names; the first few are said in order, each
with its figure and page, the first one's amount the answer's value. Through the CLI on the real PDFs; every
gold read off its page with pdftotext -layout."""
import re
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the first item's name, the next items' names in order, the first citation's page)
CASES = {
    # 2026-gjxfj-yusuan p12 一般公共预算基本支出表 (万元): 30102 津贴补贴 3,113.25 > 30101 基本工资 1,156.05 >
    # 30108 机关事业单位基本养老保险缴费 657.51 — the 款 lines of the 基本支出 table, not a source of funds' parts
    "国家信访局2026年财政拨款基本支出里，按经济科目的款级看，金额最大的前三项分别是多少？":
        ("3113.25", "万元", "津贴补贴", ["基本工资", "机关事业单位基本养老保险缴费"], 12),
    # 2026-sz-jtysj-yusuan p41-42 表7 一般公共预算支出表（按功能分类）(万元): 2140112 公路运输管理 184,465.55 >
    # 2140399 其他民用航空运输支出 102,420.00 > 2140199 其他公路水路运输支出 48,551.28
    "深圳市交通运输局2026年一般公共预算支出中，项级科目金额最大的前三个是哪些？":
        ("184465.55", "万元", "公路运输管理", ["其他民用航空运输支出", "其他公路水路运输支出"], 41),
    # 2026-ptq-sfj-yusuan p15 一般公共预算支出功能分类预算表 (元): 204 06 99 其他司法支出 38,454,900.00 元 =
    # 3,845.49 万元 > 204 06 04 基层司法业务 21,703,947.00 > 204 06 01 行政运行 16,726,725.44; asked in 万元
    "普陀区司法局2026年一般公共预算支出按项级科目，前3名是哪些？第一名有多少万元？":
        ("3845.49", "万元", "其他司法支出", ["基层司法业务", "行政运行"], 15),
    # 2019-js-gaoyuan-yusuan p12 公开07表 一般公共预算支出预算表（功能科目）(万元): 2040501 行政运行 17,279.29 >
    # 2040502 一般行政管理事务 5,804.83 > 2210202 提租补贴 5,465.10 (「科目前几名」: three, no count asked)
    "江苏省高级人民法院2019年一般公共预算支出中，项级科目前几名是哪些？":
        ("17279.29", "万元", "行政运行", ["一般行政管理事务", "提租补贴"], 12),
    # 2026-sz-jtysj-yusuan p34-35 表5 项目支出总表 (万元): 轨道交通管理 175,400.59 > 交通运输专项资金-民航业领域
    # 102,420.00 > …-现代物流业领域 27,253.90 (the unit's row 深圳市交通运输局（本级） 376,936.60 only adds them up)
    "深圳市交通运输局2026年项目支出里排名前5的项目是哪些？":
        ("175400.59", "万元", "轨道交通管理", ["民航业领域", "现代物流业领域"], 34),
}
# question → (value, unit, the line named, the cited page): the largest line under the economic class named
CLASS = {
    # 2022-xa-wjw-juesuan p157 公开06表 (a list printed three times side by side, 302's lines in the second
    # half): 30231 公务用车运行维护费 450.96 > 30218 专用材料费 328.23 > 30201 办公费 279.66 (万元)
    "西安市卫健委2022年基本支出的商品和服务支出中，哪个明细科目决算数最多？": ("450.96", "万元", "公务用车运行维护费", 157),
    # 2026-fz-swj-yusuan p22 一般公共预算基本支出经济分类情况表: 30239 其他交通费用 81.00 万元, the largest 302 line
    "福州市商务局2026年基本支出商品和服务支出中哪个明细科目最多？": ("81.00", "万元", "其他交通费用", 22),
}
on_real_home(list(CASES), list(CLASS))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *CLASS])


@pytest.mark.parametrize("question", list(CASES))
def test_the_first_few_are_named_in_order_each_with_its_figure(answers, question):
    value, unit, first, others, page = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    head = a["answer"].split("全部排序")[0]
    assert re.search(r"前[二三四五]项", head), a["answer"]
    at = [head.find(name) for name in [first, *others]]
    assert all(i >= 0 for i in at) and at == sorted(at), head  # in order, each in the first few
    assert head.count("页）") >= 3, "each of the first few says where it is printed"
    assert a["citations"][0]["page"] == page, a["citations"]


@pytest.mark.parametrize("question", list(CLASS))
def test_the_class_named_is_the_parent_of_the_lines_ranked(answers, question):
    value, unit, line, page = CLASS[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert "302 商品和服务支出" in a["answer"] and line in a["answer"].split("。")[0], a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]
