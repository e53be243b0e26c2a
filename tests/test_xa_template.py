"""The Shaanxi/Xi'an 部门综合预算 template read from the real PDF and asked through the real CLI.

What the template prints that others do not: economic-class tables classifying each row twice (部门经济科目
编码 | 名称 | 政府经济科目编码 | 名称), tables listed by unit (单位名称: 合计 | the department | its 本级 | each
二级预算单位), a 专项业务经费支出表 of projects under unit and group rows, an 一般公共预算支出 table by
economic class (basic and project) beside the 基本支出 one, and a “三公” table with 2020 | 2021 | 增减变化情况
column groups, a 绩效目标表 whose figures print without decimals; the 西安 决算's “三公” table of 预算数 |
决算数 rows. Each figure was read off the page with ``pdftotext -layout -f N -l N``; the comment beside
each case quotes it. The unit questions are asked of Hangzhou's table by unit too (another template).
"""
from __future__ import annotations

import pytest

from conftest import budgetqa, jsonl, on_real_home, shared_answers

XCB = "西安市委宣传部2021年"


@pytest.fixture(scope="module")
def home(real_home):
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return real_home


def _ask(home, questions: list[str]) -> list[dict]:
    answers = shared_answers(home, questions)
    return [answers[q] for q in questions]


def test_a_row_classified_twice_is_named_by_its_own_code(home):
    # p30 表8: "30101  基本工资  50101  工资奖金津补贴  5,041,518.30": the row is 30101 基本工资
    cells = jsonl(budgetqa("cells", "--table", "表8", home=home).stdout)
    row = [c for c in cells if c["code"] == "30101"]
    assert {c["row_label"] for c in row} == {"基本工资"}
    assert {(c["column"], c["raw"]) for c in row} >= {("政府经济科目名称", "工资奖金津补贴"), ("合计", "5,041,518.30")}


CASES = {
    # p19 表2 收入总表: 201002 中共西安市委理论讲师团 合计 3,398,717.50
    XCB + "收入总表里市委理论讲师团的收入是多少？": ("3398717.50", "元", 19),
    # p20 表3 支出总表: 201001 中共西安市委宣传部 (the 本级, under 201 的 258,596,001.79) 255,197,284.29
    XCB + "支出总表中宣传部本级的支出是多少？": ("255197284.29", "元", 20),
    # p19: 255,197,284.29 − 3,398,717.50
    XCB + "本级收入比讲师团多多少？": ("251798566.79", "元", 19),
    # p19: two units under the department: 201001 (本级) and 201002 (讲师团)
    XCB + "部门预算有几个二级预算单位？": ("2", "个", 19),
    # p41 表13 “三公” table by unit, names cut short by their cell ("中共 西安市委"), known by code from p19:
    # 201002 2021年 三公 小计 5,100.00 | 会议费 120,000.00; 201001 (本级) 培训费 996,000.00
    XCB + "讲师团的三公经费是多少？": ("5100.00", "元", 41),
    XCB + "讲师团的会议费是多少？": ("120000.00", "元", 41),
    XCB + "宣传部本级的培训费预算是多少？": ("996000.00", "元", 41),
    # p19 表2: 201002 一般公共预算拨款/小计 3,398,717.50
    XCB + "讲师团的一般公共预算拨款是多少？": ("3398717.50", "元", 19),
    # p3: 「单位管理的离退休人员29 人，其中市委宣传部 26 人，市委讲师团 3 人」 (asked without 人)
    XCB + "预算里管理的离退休人员有多少？": ("29", "人", 3),
    # p26 表6 一般公共预算支出明细表（按支出经济分类）: 30211 差旅费 906,250.00 (basic and project)
    XCB + "差旅费是多少？": ("906250.00", "元", 26),
    # p30 表8 基本支出明细表（按支出经济分类）: 30211 差旅费 391,250.00
    XCB + "基本支出中的差旅费是多少？": ("391250.00", "元", 30),
    # p26 表6: 政府经济科目 50101 工资奖金津补贴 printed beside 30101 基本工资 5,041,518.30, 30102 津贴补贴
    # 5,906,034.91, 30103 奖金 5,335,000.00: the class is their sum, never one of them
    XCB + "工资奖金津补贴是多少？": ("16282553.21", "元", 26),
    # p27 表6: 30217 公务接待费 65,100.00 (p30 表8's 5,100.00 is its 基本支出 part; p41's 2020年 80,000.00 and
    # 增减 −14,900.00 no reading of this year's)
    XCB + "公务接待费是多少？": ("65100.00", "元", 27),
    # p26–27 表6: 办公费 525,250.00 + 印刷费 1,321,125.00 + 邮电费 242,250.00
    XCB + "办公费、印刷费和邮电费一共多少？": ("2088625.00", "元", 26),
    # p34 表10 专项业务经费支出表: 城市宣传经费 17,000,000.00
    XCB + "城市宣传经费安排了多少？": ("17000000.00", "元", 34),
    # p36 表10: 文化产业发展专项资金 200,000,000.00 (the unit and group rows above it add up projects)
    XCB + "哪个专项业务经费项目金额最大？": ("200000000.00", "元", 36),
    XCB + "专项业务经费项目中金额第二大的是哪个？": ("17000000.00", "元", 34),
    # p41 表13: 2021年 一般公共预算拨款安排的“三公”经费预算 小计 65,100.00 (增减变化情况 −94,900.00 is no reading)
    XCB + "一般公共预算拨款“三公”经费预算是多少？": ("65100.00", "元", 41),
    # p33 表9 政府性基金收支表, printed with every figure 0.00: 本年收入合计 0.00
    XCB + "政府性基金收支是多少？": ("0.00", "元", 33),
    # p44 表16 专项资金总体绩效目标表 (资金总额 printed 20000, no decimals): 全市扶持文化产业项目数量 ≥30个
    XCB + "文化产业发展专项资金要扶持多少个文化产业项目？": ("30", "个", 44),
    XCB + "文化产业发展专项资金的项目单位满意度目标是多少？": ("90", "%", 44),
    # p161 西安市卫健委 公开09表, rows 预算数 | 决算数: 培训费 2,795.78 | 2,795.78; “三公” 小计 593.46 | 587.55;
    # 公务用车运行维护费 455.12 | 450.96 (450.96 ÷ 455.12 = 99.09%)
    "西安市卫健委2022年培训费预算数是多少？": ("2795.78", "万元", 161),
    "西安市卫健委2022年“三公”经费决算数是多少？": ("587.55", "万元", 161),
    "西安市卫健委2022年公务用车运行维护费的预算执行率是多少？": ("99.09", "%", 161),
    # p146 公开01表 收入支出决算总表: 年初结转和结余 465,278.48 (p153 公开04表's 58,926.37 is its 财政拨款 part)
    "西安市卫健委2022年决算的年初结转和结余是多少？": ("465278.48", "万元", 146),
    # p146 公开01表: 本年支出合计 2,074,962.01 (its 支出总计 2,480,372.70 adds 年末结转和结余, money not spent)
    "西安市卫健委2022年一共花了多少钱？": ("2074962.01", "万元", 146),
    # p6: 「设24个内设机构」 under the heading 「（二）内设机构。」 (the section's two headings are no count of it)
    "西安市卫健委有几个内设机构？（2022年决算）": ("24", "个", 6),
    # p23: 「截至2022年末，本部门共有车辆517辆」 (not p21's 「购置公务用车5辆」, what was bought)
    "西安市卫健委2022年末共有多少辆车？": ("517", "辆", 23),
    # p157 公开06表 一般公共预算财政拨款基本支出决算表: 30107 绩效工资 24,198.72 (a salary line, no 绩效 form)
    "西安市卫生健康委员会2022年一般公共预算财政拨款基本支出里的绩效工资是多少？": ("24198.72", "万元", 157),
    # p16 杭州 表2 收入预算总表: 杭州市气象局 本年收入/小计 5,011.05 − 杭州市气象服务中心 865.62
    "杭州气象局2026年本级的本年收入比杭州市气象服务中心多多少？": ("4145.43", "万元", 16),
    # p21 表7 “三公”经费预算表: 杭州市气象局 13.13 | 杭州市气象服务中心 10.89
    "杭州气象局2026年“三公”经费，局本级和气象服务中心谁多？": ("13.13", "万元", 21),
}


def test_template_questions(home):
    answers = _ask(home, list(CASES))
    for (question, (value, unit, page)), a in zip(CASES.items(), answers):
        assert a["status"] == "answered", (question, a["answer"])
        assert (a["value"], a["unit"]) == (value, unit), (question, a["answer"])
        assert a["citations"][0]["page"] == page, (question, a["citations"][0])


def test_ranked_projects_are_the_leaves(home):
    [a] = _ask(home, [XCB + "哪个专项业务经费项目金额最大？"])
    assert "文化产业发展专项资金" in a["answer"].split("排序")[0]
    ranking = a["answer"].split("排序：")[1]
    assert "专用项目" not in ranking and "其他履职尽责专项业务费" not in ranking and "中共西安市委宣传部 " not in ranking


def test_one_indicator_in_two_forms_is_ambiguous(home):
    # p42 表14 其他履职专项业务经费: 按计划完成及时率 ≥90%; p43 表15 部门整体支出: 按计划完成及时率 ≥99%
    [a] = _ask(home, [XCB + "按计划完成及时率的目标是多少？"])
    assert a["status"] == "ambiguous" and "≥90%" in a["answer"] and "≥99%" in a["answer"]
    assert {c["page"] for c in a["citations"]} == {42, 43}


def test_a_unit_asked_for_people_gets_no_money_figure(home):
    [a] = _ask(home, [XCB + "讲师团有多少人？"])
    assert a["unit"] not in ("元", "万元"), a["answer"]


# The table questions, asked in the session's shared batch with every family module's (conftest.shared_answers).
on_real_home(list(CASES))
