"""A department's own unit named in the question (下属单位/二级单位), its own figures read: the unit's block of a
table printed unit by unit (assistant/unitblocks.py), the units other than 本级 of a table listed by 单位名称
(assistant/units.py), the performance forms the unit carries out (实施单位, assistant/unitforms.py), the document
chosen by a unit printed short of its full name (assistant/unitdocs.py), the unit's 编制 and 实有 people
(assistant/staffing.py); and a ranking over the lines printed under a whole (assistant/wholeparts.py,
assistant/headedparts.py). Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, words the answer shows, the cited pages)
CASES = {
    # 2026-gz-zfbgt-yusuan p23 表12: 广州地区公文交换站 65.15 = 专项工作经费 56.15 + 购置经费 1.02 + 两个运维服务
    # 3.18 / 4.80; the least of the unit's projects is 购置经费 1.02 (the department's 购置经费 21.20 is not the unit's)
    "广州地区公文交换站2026年哪个项目预算最少？": ("1.02", "万元", "购置经费", {23}),
    # 2026-gz-zfbgt-yusuan p7 表2 收入总体情况表: 政务信息系统管理中心 959.90 + 公文交换站 896.54 (办公厅 14,554.26 is 本级)
    "2026年广州市府办底下两家二级单位收入一共多少万元？": ("1856.44", "万元", "1856.44", {7}),
    # 2021-xa-xcb-yusuan p3: 「实有人员97人，其中市委宣传部行政85人、市委讲师团事业12人」 (no department named:
    # the table's 中共西安市委理论讲师团 said short chooses the document)
    "西安市委讲师团实有多少人？": ("12", "人", "讲师团", {3}),
    # 2026-fz-swj-yusuan p38 房屋租金 资金总额 14.74, p39 物业费 1.89, both 实施单位 福州市商务发展促进中心 (the
    # department's own 办公楼物业 25.89 of p29 is not the unit's)
    "2026年福州市商务发展促进中心实施的物业费、房屋租金两个项目资金合计多少万元？": ("16.63", "万元", "16.63", {38, 39}),
    # 2026-sz-jtysj-yusuan p14 「17.路政管理 14,307.12 万元 … 其中，沿江高速深圳段货运五折优惠补偿费用13,760.22 万元」
    "深圳市交通运输局2026年路政管理里哪一项花钱最多": ("13760.22", "万元", "沿江高速深圳段货运五折优惠补偿费用", {14}),
    # 2026-sz-jtysj-yusuan p11-15 「（五）项目支出 376,936.60 万元，具体包括：」 24 items; the least 14.办公设备采购
    # 31.86 万元 (p13)
    "2026年深圳市交通运输局项目支出中哪一类最少？": ("31.86", "万元", "办公设备采购", None),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_units_own_figure(answers, question):
    value, unit, shown, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    if pages is not None:
        assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    else:
        assert a["citations"][0]["page"] == 13, a["citations"]
