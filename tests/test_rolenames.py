"""A department said by its region and role (「普陀区管财政的那个局」, assistant/documents.py _by_role), and
「除了X以外」 asked as a sum of the rest: the kept 类 lines summed (assistant/excluding.py summed), a table's 合计
less the line set aside (assistant/remainder.py), the units' lines of a 项目支出表 besides the department's own
(assistant/unitlines.py). Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, a page cited)
CASES = {
    # 2025-ptq-czj-yusuan p9 部门财务收支预算总表 支出总计 31,214,205.80 元 (= 3121.4205800 万元)
    "普陀区负责财政工作的那个部门2025年一共能花多少钱？": ("31214205.80", "元", 9),
    # 2026-ptq-sfj-yusuan p21 “三公”经费和机关运行经费预算表 “三公”经费预算数 合计 10.81 万元
    "普陀区管司法行政的那个单位，2026年“三公”经费预算是多少？": ("10.81", "万元", 21),
    # 2026-hz-qxj-yusuan p17 表3 支出预算总表: 合计 5,876.67 − 科学技术支出 28.00 = 396.67 + 80.52 + 5,371.48
    "杭州市气象局2026年支出里，除了科学技术支出以外，其他几类加起来是多少？": ("5848.67", "万元", 17),
    # 2026-ptq-sfj-yusuan p15-16 一般公共预算支出功能分类预算表: 合计 96282213.44 − 204 公共安全支出 87267272.44
    "普陀区司法局2026年，除了公共安全支出以外，剩下的一般公共预算支出还有多少？": ("9014941.00", "元", 15),
    # 2026-gz-zfbgt-yusuan p21-23 表12: 政务信息系统管理中心 70.30 + 公文交换站 65.15 (合计 1,497.06, 本级 1,361.61)
    "广州市人民政府办公厅2026年的项目支出，不算本级的话，下属单位加起来有多少？": ("135.45", "万元", 22),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_department_and_the_rest_are_read(answers, question):
    value, unit, page = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert page in {c["page"] for c in a["citations"]}, a["citations"]
