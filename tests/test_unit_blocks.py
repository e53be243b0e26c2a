"""A unit's own rows of a table printed unit by unit (assistant/unitblocks.py) and a group of lines printed as
columns (assistant/groups.by_column): asked on the corpus of every real disclosure through the CLI
(questions other than the evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

CASES = {
    # 2026-gz-zfbgt p20 表11: 广州地区公文交换站（广州市人民政府公报编辑部） … 商品和服务支出 45.58
    "广州市政府办公厅2026年公文交换站基本支出里商品和服务支出是多少": ("45.58", "万元", "公文交换站"),
    # p20 表11: 广州市政府政务信息系统管理中心 工资福利支出 796.35 > 商品和服务支出 70.68 > 对个人和家庭的补助 22.58
    "广州市政府办公厅2026年政务信息系统管理中心的基本支出里哪一项最多": ("796.35", "万元", "工资福利支出"),
    # p23 表12: 广州地区公文交换站 65.15; p7 表2: 广州地区公文交换站 896.54 → 65.15 ÷ 896.54 = 7.27%
    "广州地区公文交换站2026年项目支出占它总收入的比重是多少": ("7.27", "%", "896.54"),
    # p22 表12: 广州市政府政务信息系统管理中心 70.30 (its income, 959.90 on p7, is not its 项目支出)
    "广州市政府办公厅2026年政务信息系统管理中心的项目支出是多少": ("70.30", "万元", "表12"),
    # 2024-gjxfj-juesuan p12 公开06表 人员经费栏: 30102 津贴补贴 2,603.59 (公用经费 30299 484.52 is not its)
    "国家信访局2024年人员经费里哪一项最多": ("2603.59", "万元", "津贴补贴"),
    # 2026-gjxfj-yusuan p12 一般公共预算基本支出表 公用经费列: 30204 手续费 0.94 (人员经费 lines print 0 there)
    "国家信访局2026年基本支出的公用经费里哪一项最少": ("0.94", "万元", "手续费"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_a_unit_or_a_group_scopes_the_figure_to_its_own_lines(answers, question):
    a = answers[question]
    value, unit, said = CASES[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert said in a["answer"], a["answer"]
