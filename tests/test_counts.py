"""Counts and stated totals: the figure a count question asks, not a neighbour of it — the projects a document
lists (its 项目支出表's project lines where it prints no performance forms, never the function classes), the whole
asked before its parts (「一共多少？其中X多少」: the whole is the value, the parts said after it), an indicator's
target asked with a bound (「不少于多少个」), vehicles summed across departments, what is held at year end (not
what was bought in the year) and vehicles counted in 辆 where the text prints 台. Through the CLI on the real
PDFs; every gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages (all of them), words the answer shows)
CASES = {
    # 2026-gz-zfbgt-yusuan 表12 部门预算项目支出及其他支出预算表 p21-23: 办公厅本级 6 + 政务信息系统管理中心 4 +
    # 公文交换站 4 = 14 project lines (the unit lines over them and 合计 not counted); no performance forms
    "广州市政府办公厅2026年的项目一共有几个？": ("14", "个", {21, 22, 23}, "表12"),
    # 2026-sz-jtysj-yusuan 表5 项目支出总表 p34-36: 24 project lines under 深圳市交通运输局（本级）
    # (p17 the text: 「设置并编报 24 个项目绩效目标」)
    "深圳市交通运输局2026年总共有几个项目？": ("24", "个", {34, 35, 36}, "综合交通规划管理"),
    # 2025-ptq-czj-yusuan p22: 「政府采购预算117.00万元，其中：政府采购货物预算17.00万元、…工程预算0万元、
    # …服务预算100.00万元」 — the whole asked first, the parts asked after it said with it
    "普陀区财政局2025年政府采购预算总共多少？其中货物和服务分别是多少？": ("117.00", "万元", {22}, "100.00"),
    # 2019-js-gaoyuan-yusuan p25: 「本部门共有车辆 66 辆，其中，一般公务用车 13 辆、执法执勤用车 38 辆、…」
    "江苏省高级人民法院2019年有多少辆车？其中执法执勤用车多少辆？": ("66", "辆", {25}, "38"),
    # 2026-bj-czj-yusuan-baobiao p44 预算13表 预算评审 「财政评审项目数量 ≥ 420 个」: a target, not the forms counted
    "北京市财政局2026年财政评审项目数量不少于多少个？": ("420", "个", {44}, "≥420"),
    # p47 预算13表 绩效管理 「开展财政事前绩效评估数量 ≥ 194 个」: the projects an indicator counts, no bound said
    "北京市财政局2026年计划开展多少个财政事前绩效评估项目？": ("194", "个", {47}, "≥194"),
    # 2022-xa-wjw-juesuan p23 「共有车辆517辆」 + 2026-bj-czj-yusuan-shuoming p9 「共有车辆 27 台」: 544 辆
    "西安市卫健委和北京市财政局的车加起来有多少辆？": ("544", "辆", {23, 9}, "517 + 27"),
    # 2026-gjxfj-yusuan p26 「实有车辆 15 辆」 + 2026-fz-swj-yusuan p40 「共有车辆 5 辆」
    "国家信访局2026年和福州市商务局一共有几辆车？": ("20", "辆", {26, 40}, "15 + 5"),
    # 2022-xa-wjw-juesuan p23: 「单价100万元（含）以上设备（不含车辆）901台（套）」 held; 「购置单价100万元以上的设备
    # 221台（套）」 is what was bought in 2022
    "西安市卫健委2022年决算里，单价100万元以上的设备共有多少台套？": ("901", "台", {23}, "901台（套）"),
    # 2026-bj-czj-yusuan-shuoming p9: 「共有车辆 27 台」 — vehicles, counted in 辆
    "北京市财政局2026年预算里说单位有几辆车？": ("27", "辆", {9}, "27 台"),
}
# 2026-ptq-sfj-yusuan: its tables (目录 五、部门预算表 1-9) are by function and economic class, none names a project, and it
# prints no performance forms — the 类级科目 are no projects, so no count is given.
NO_LIST = "普陀区司法局2026年一共有多少个项目？"
on_real_home(list(CASES), NO_LIST)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, NO_LIST])


@pytest.mark.parametrize("question", list(CASES))
def test_the_count_asked_is_answered(answers, question):
    value, unit, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_function_classes_are_no_projects(answers):
    a = answers[NO_LIST]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "类级科目" not in a["answer"] and "项目" in a["answer"]
