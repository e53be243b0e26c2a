"""A project of the 政府采购预算表 by name (assistant/buyprojects.py): its procurement lines summed, one line, its
items, its share of a class or of the 合计 — in both layouts (江苏高院 2019 公开12表: the 专项名称 printed once over
its group; 西安宣传部 2021 表12: the 采购项目 on every line). With it, two readings of stated figures: a 决算's gap
asked one way (assistant/execution.py: 超出 = 决算 − 预算, 节约 = 预算 − 决算) and a part's share of its whole said
in shorter words (assistant/saidpart.py). Through the CLI on the real PDFs; each figure read off its page with
pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

CASES = {
    # 2019-js-gaoyuan-yusuan p17: 专项 江苏法院云平台租赁费 — 租赁费 185.00 (traditional characters asked)
    "江蘇高院2019年政府採購預算裡「江蘇法院雲平台租賃費」是多少？": ("185.00", "万元"),
    # p17: 网络通讯维护及专用线路租赁费 — 维修（护）费 607.10 + 租赁费 370.00 (its items 运行维护服务, 互联网信息服务
    # are the same money, not added again)
    "江苏高院2019年政府采购里“网络通讯维护及专用线路租赁费”这个专项一共多少？": ("977.10", "万元"),
    # p16–17: 审判专项业务费 under 货物 (印刷费 9.00) and 服务 (20.00 + 1.51 + 18.00)
    "江苏高院2019年政府采购预算中，审判专项业务费这个专项合计安排了多少？": ("48.51", "万元"),
    # p16: 信息网络建设费 966.50 ÷ 一、货物A 1,637.72
    "江苏高院2019年政府采购货物里，“信息网络建设费”占货物采购的百分之几？": ("59.01", "%"),
    # p16: 服务 only: 39.51 ÷ 三、服务C 3,059.87
    "江苏高院2019年政府采购服务里，审判专项业务费占服务采购的比例是多少？": ("1.29", "%"),
    # p16–17: 185.00 ÷ 合计 5,227.59
    "江苏高院2019年政府采购里，江苏法院云平台租赁费占政府采购总额的百分之几？": ("3.54", "%"),
    # p17: the item 运行维护服务 of the project (服务 in its name is no class)
    "江苏高院2019年政府采购里网络通讯维护及专用线路租赁费的运行维护服务多少？": ("607.10", "万元"),
    # 2021-xa-xcb-yusuan p39 表12: 城市宣传经费 100,000.00 + 140,000.00 + 15,000,000.00 (表10 p34: 17,000,000.00)
    "西安市委宣传部2021年城市宣传经费里，政府采购一共安排了多少？": ("15240000.00", "元"),
    "西安市委宣传部2021年政府采购预算里全市创建全国文明城市经费一共多少？": ("630000.00", "元"),
    "西安市委宣传部2021年政府采购里城市宣传经费买台式电脑花多少钱？": ("100000.00", "元"),
    # 2024-gjxfj-juesuan p21: 行政运行 年初预算 5717.32, 支出决算 5757.63
    "国家信访局2024年行政运行（2014001）的财政拨款支出超出年初预算多少？": ("40.31", "万元"),
    "国家信访局2024年行政运行的决算比年初预算节省了多少？": ("-40.31", "万元"),
    # 2024-ptq-czj-juesuan p22 item 11: 购房补贴 258.50 / 258.50
    "普陀区财政局2024年2210203这一项，决算比年初预算节约了多少？": ("0.00", "万元"),
    # 2022-xa-wjw-juesuan: 行政运行 年初预算 2516.77, 支出决算 3,883.48
    "西安卫健委2022年行政运行决算超过年初预算多少？": ("1366.71", "万元"),
    # 2024-ptq-wanlijiedao-yusuan p32: 465.49 ÷ 664.98
    "万里街道2024年面向中小企业预留的政府采购预算里，留给小微企业的占百分之几？": ("70.00", "%"),
    "万里街道2024年面向中小企业预留的政府采购项目里，小微企业占几成？": ("70.00", "%"),
}
# Not this family's: a project's whole budget asked without 采购 (表10 p34), a name printed both as a project and as
# another project's line (办公设备购置 9.00 / 653.22: the tables' two readings).
OTHERS = {
    "西安市委宣传部2021年城市宣传经费是多少？": ("answered", "17000000.00"),
    "江苏高院2019年政府采购里办公设备购置多少？": ("ambiguous", None),
}
on_real_home(list(CASES), list(OTHERS))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES) + list(OTHERS))


@pytest.mark.parametrize("question", list(CASES))
def test_figure(answers, question):
    value, unit = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit, a["answer"]
    assert a["citations"] and all(c["page"] for c in a["citations"]), a["answer"]


@pytest.mark.parametrize("question", list(OTHERS))
def test_not_taken(answers, question):
    status, value = OTHERS[question]
    a = answers[question]
    assert a["status"] == status, a["answer"]
    if value is not None:
        assert Decimal(a["value"]) == Decimal(value), a["answer"]


def test_lines_shown(answers):
    a = answers["江苏高院2019年政府采购里“网络通讯维护及专用线路租赁费”这个专项一共多少？"]
    assert a["calculation"] == "607.10 + 370.00 = 977.10", a["answer"]
    assert [c["page"] for c in a["citations"]] == [17, 17]
