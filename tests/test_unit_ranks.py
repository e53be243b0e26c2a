"""A department's units ranked and compared, projects listed, corpus rankings (assistant/unitranks.py,
units.py, targets.py, perfnamed.py, across.py): 「哪个单位的项目支出最多」 ranks the units' rows of a table
printed unit by unit or listed by 单位名称; 「某单位的收入预算」 reads its row of the 收入总表; a 绩效表 listing
projects by 项目名称 lists (and counts) those projects; 「那几家单位里，谁家…最多」 is a ranking, not a count of
documents; a fund's spending (政府性基金预算支出) is its own table's total. Asked on the corpus of every real
disclosure through the CLI (questions other than the evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # gz p21 表12 部门预算项目支出及其他支出预算表: 「广州市人民政府办公厅 1,361.61」 (the other units' rows far less)
    "广州市人民政府办公厅2026年哪个单位的项目支出最多？": ("1361.61", "万元", "广州市人民政府办公厅"),
    # hz p21 表7: 「杭州市气象局 13.13」, 「杭州市气象服务中心（杭州市预警信息发布中心） 10.89」
    "杭州市气象局2026年哪个单位的“三公”经费最少？": ("10.89", "万元", "杭州市气象服务中心"),
    # hz p16 表2 收入预算总表: 「杭州市气象服务中心（杭州市预警信息发布中心） 865.62」
    "杭州市气象服务中心2026年的收入预算是多少？": ("865.62", "万元", "865.62"),
    # hz p25 表11 项目支出绩效表: 气象业务建设、气象设施维护及科普、专业系统维护及科普
    "杭州市气象局2026年有几个项目？": ("3", "个", "专业系统维护及科普"),
    # gz p17 表8: 「“三公”经费 226.86」; bj baobiao p14 预算09表 223.799250; the others less (gold notes)
    "2026年公开了部门预算的那几家单位里，谁家“三公”经费最多？": ("226.86", "万元", "广州市人民政府办公厅"),
    # sz p47 表10 政府性基金预算支出表: 「深圳市交通运输局（本级） 4,165.00」 (fz p27: 1800.00; the others 0)
    "2026年公开预算的部门里，哪个部门的政府性基金预算支出最多？": ("4165.00", "万元", "深圳市交通运输局"),
}
LISTED = {
    # ptq-czj-2025 p22 「编报绩效目标的项目共4个…其中：中介机构服务费418.80万元，财政业务费10.00万元，
    # 信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元」
    "普陀区财政局2025年编报了绩效目标的是哪几个项目？": ["中介机构服务费", "财政业务费", "信息化系统日常维护费",
                                           "援滇干部工作经费"],
    # hz p25 表11
    "杭州市气象局2026年有哪些项目？": ["气象业务建设", "气象设施维护及科普", "专业系统维护及科普"],
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, *LISTED])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_units_ranked_and_read(answers, question):
    a = answers[question]
    value, unit, said = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert said in a["answer"], a["answer"]
    assert a["citations"], a


@pytest.mark.parametrize("question", list(LISTED))
def test_projects_listed(answers, question):
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert all(name in a["answer"] for name in LISTED[question]), a["answer"]
    assert a["citations"], a
