"""Projects, programmes and item lists of three regional templates, through the real CLI.

北京 (预算10表政府采购预算明细表 A-货物 | C-服务; 预算11表政府购买服务明细表 items; 项目支出绩效目标表 projects
printed with their code; a 专项转移支付 programme named in its form's header; 类 lines only in the 收支总表),
深圳 (表5 项目支出总表 projects; projects the narrative states; 支出总表's 政府采购项目/小计 column;
上年结余、结转) and 广州 (行政经费及“三公”经费预算表); and 北京's economic lines printed once per functional line
or unit (assistant/splits.py). Each figure was read off the PDF page
(``pdftotext -layout -f N -l N``); the comment beside each case says what the page prints.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, a word the answer names)
ANSWERED = {
    # 北京 预算11表 p16: 会计服务 636.264000; 合计 9,725.394000; largest 公共信息系统开发与维护服务 4,869.261500
    "北京市财政局2026年会计服务预算多少？": ("636.264000", "万元", "会计服务"),
    "北京市财政局2026年财政拨款政府购买服务合计是多少？": ("9725.394000", "万元", "合计"),
    "北京市财政局2026年政府购买服务里哪一项最多？": ("4869.261500", "万元", "公共信息系统开发与维护服务"),
    # 预算10表 p15: A-货物 716.974000, C-服务 12,231.513100
    "北京市财政局2026年政府采购里货物类是多少？": ("716.974000", "万元", "货物"),
    "北京市财政局2026年政府采购服务比货物多多少？": ("11514.539100", "万元", "服务"),
    # 预算01表 p1 (支出 side): 一、一般公共服务支出 37,644.195492 — the largest 类
    "北京市财政局2026年哪一类支出最多？": ("37644.195492", "万元", "一般公共服务支出"),
    # 预算09表 p14: “三公”经费财政拨款预算总额 223.799250
    "北京市财政局2026年财政拨款“三公”经费预算总额是多少？": ("223.799250", "万元", "三公"),
    # 预算12表 p17: 11000022T000000455794-评审工作经费 | 项目总额 839.000000
    "北京市财政局2026年评审工作经费项目是多少钱？": ("839.000000", "万元", "评审工作经费"),
    # 预算14表 p48: 普惠金融发展专项资金, 年度金额 资金情况（万元） 5612.000000
    "北京市财政局2026年普惠金融发展专项资金安排了多少？": ("5612.000000", "万元", "普惠金融发展专项资金"),
    # 深圳 text p12: 12 号线 PPP 项目运营期管理项目 133,006.31 万元，13 号线 … 23,260.74 万元
    "深圳交通运输局2026年地铁12号线和13号线PPP项目运营期管理一共安排多少？": ("156267.05", "万元", "12号线"),
    "深圳交通运输局2026年12号线PPP项目比13号线PPP项目多多少钱？": ("109745.57", "万元", "13号线"),
    # 表5 项目支出总表 p35: 交通运输专项资金- 低空经济 5,060.00 | 港航业 18,791.27 | 绿色交通建设 1,200.00 |
    # 民航业 102,420.00 | 现代物流业 27,253.90
    "深圳交通运输局2026年交通运输专项资金五个领域加起来是多少？": ("154725.17", "万元", "民航业领域"),
    "深圳交通运输局2026年交通运输专项资金民航业领域和低空经济领域一共多少？": ("107480.00", "万元", "低空经济领域"),
    "深圳交通运输局2026年交通运输专项资金港航业领域和现代物流业领域哪个多？": ("27253.90", "万元", "现代物流业领域"),
    # 表1 收支总表 p25: 上年结余、结转 201.78
    "深圳交通运输局2026年上年结余结转有多少？": ("201.78", "万元", "上年结余"),
    # 表10 政府性基金预算支出表 p47: 2146907 通用航空发展 4,053.00
    "深圳交通运输局2026年政府性基金预算中通用航空发展是多少？": ("4053.00", "万元", "通用航空发展"),
    # text p18: 本单位机关运行经费财政拨款预算 2,484.60 万元
    "深圳交通运输局2026年机关运行经费财政拨款预算是多少？": ("2484.60", "万元", "机关运行经费"),
    # 表3 支出总表 p27: 2026年政府采购项目 小计 7,558.99
    "深圳交通运输局2026年支出总表中政府采购项目小计是多少？": ("7558.99", "万元", "政府采购项目"),
    # 北京 预算03表 pp4-6 prints an economic line under each functional line, 预算06表 pp10-11 once per unit:
    # 30302 退休费 219.146200 + 201.134000 (03) = 420.280200 (06 prints it once); 30301 离休费 68.612400
    "北京市财政局2026年离休费和退休费合计多少？": ("488.892600", "万元", "退休费"),
    "北京市财政局2026年离休费和退休费哪个多？": ("420.280200", "万元", "退休费"),
    # 30113 住房公积金 in 预算06表: 900.810288 + 1026.375840
    "北京市财政局2026年基本支出表里住房公积金两行一共多少？": ("1927.186128", "万元", "住房公积金"),
    # 30217 公务接待费 8.393250 + 3.249000 (03, 06) = 11.642250, printed once in 预算09表 p14; asked in 元
    "北京市财政局2026年公务接待费是多少元？": ("116422.5", "元", "公务接待费"),
    # 预算03表 p5 crosses functional and economic lines: 2010607-信息化建设 | 30213 维修（护）费 4,233.401500;
    # 2010603-机关服务 | 30205 水费 15.000000, 30206 电费 88.000000
    "北京市财政局2026年信息化建设的维修（护）费是多少？": ("4233.401500", "万元", "维修（护）费"),
    "北京市财政局2026年机关服务的水费和电费合计多少？": ("103.000000", "万元", "电费"),
    # 广州 表6 p14 (基本支出): 30201 办公费 30.69, 30216 培训费 18.80; 表7 p16 (项目支出): 办公费 139.32, 培训费 22.29
    "广州市政府办公厅2026年基本支出和项目支出里的办公费加起来是多少？": ("170.01", "万元", "30.69 + 139.32"),
    "广州市政府办公厅2026年基本支出里的培训费和项目支出里的培训费哪个多？": ("22.29", "万元", "18.80"),
    # 预算04表财政拨款收支总表 p8: 二十三、其他支出 792.644000 (a generic line, read in the table named)
    "北京市财政局2026年财政拨款收支总表里的其他支出是多少？": ("792.644000", "万元", "其他支出"),
    # 深圳 表3 支出总表 pp28-29: the largest 项 is 2140112 公路运输管理 184,465.55
    "深圳交通运输局2026年哪个项级功能科目的支出最大？": ("184465.55", "万元", "公路运输管理"),
    # 广州 表12 p21: group rows (a unit's 1,361.61 = the projects under it) left out, 专项工作经费 749.25 leads
    "广州市政府办公厅2026年金额最大的项目是哪个？": ("749.25", "万元", "专项工作经费"),
    # 表12 p21, 工作经费's 绩效目标: "…力促5个综合监督单位落实全面从严治党主体责任…"
    "广州市政府办公厅2026年工作经费项目的绩效目标要促进几个综合监督单位落实主体责任？": ("5", "个", "5个综合监督单位"),
    # 广州 表8 p17: 行政经费 1,443.41 (财政拨款安排的 names the table's money, not a parent line)
    "广州市政府办公厅2026年财政拨款安排的行政经费是多少？": ("1443.41", "万元", "行政经费"),
    # 表2 收入总体情况表 p7: 广州市政府政务信息系统管理中心 959.90 ("…表中广州市政府…" names no other city)
    "广州市政府办公厅2026年收入总体情况表中广州市政府政务信息系统管理中心的收入合计是多少？": ("959.90", "万元", "管理中心"),
    # 广州 表8 p17: “三公”经费 226.86
    "广州市政府办公厅2026年“三公”经费预算是多少？": ("226.86", "万元", "三公"),
}
# A project's 绩效目标 quoted from the table that lists it with its goal — (question, words of the goal):
# 深圳 p17 重点项目 table: 管养维护项目 "保持盐坝高速坝光收费站…"; 广州 p26: 专项工作经费（广州市人民政府办公厅）
# "项目经费用于督办协调工作支出…"; 广州 表12 p22 under 广州地区公文交换站: 专项工作经费 "…编印《广州市人民政府公报》…"
GOALS = {
    "深圳交通运输局2026年重点项目管养维护项目的绩效目标是什么？": "保持盐坝高速坝光收费站",
    "广州市政府办公厅2026年重点项目专项工作经费的绩效目标包括哪些内容？": "督办协调工作支出",
    "广州市政府办公厅2026年预算里，广州地区公文交换站专项工作经费的绩效目标是什么？": "公文交换",
}
# A count of people is no project's money: "在职人员" is only a part of the narrative's 在职人员经费.
NOT_MONEY = ["深圳交通运输局2026年有多少在职人员？"]
# 2010601 行政运行 printed for two units in 预算05表 p9 (10,096.054007 and 7,239.974050), no table printing their
# sum and no summing word: two readings, said so.
AMBIGUOUS = ["北京市财政局2026年一般公共预算支出里行政运行是多少？"]


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, *NOT_MONEY, *AMBIGUOUS, *GOALS])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_named_item_answered_and_cited(answers, question):
    value, unit, word = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert word in a["answer"]
    assert a["citations"] and all(c.get("page") for c in a["citations"]), a["citations"]


@pytest.mark.parametrize("question", NOT_MONEY)
def test_a_fragment_of_a_name_is_no_project(answers, question):
    a = answers[question]
    assert a.get("value") != "7557.83", a["answer"]


@pytest.mark.parametrize("question", AMBIGUOUS)
def test_a_line_split_by_unit_is_not_summed_unasked(answers, question):
    assert answers[question]["status"] == "ambiguous", answers[question]["answer"]


@pytest.mark.parametrize("question", list(GOALS))
def test_a_projects_goal_is_quoted(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and GOALS[question] in a["answer"], a["answer"]
    assert a["citations"][0]["page"], a["citations"]
