"""Budget lines named by level, code or column (the 「lines」 family): a 款 said with its level word ranks its 项
lines, not a performance form whose project begins with the same words; a whole said before 里 (本年支出) only
says where the columns compared after it are read; a code said with its line's short name finds that code's
line; 「A、B两个“X”」 is the X under each of A and B; 「哪家的车最多？有几辆？」 ranks the vehicles each department
counts. Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, status, the cited pages, words the answer shows)
CASES = {
    # 2022-xa-wjw-juesuan p155 一般公共预算财政拨款支出决算表（公开05表）: under 21002 公立医院 the 项 2100201 综合医院
    # 69,978.46 万元 is the largest (not the form 公立医院药品零差率补助's 363.41)
    "西安卫健委2022年一般公共预算财政拨款支出中，公立医院（款）下面哪一项最多？是多少钱？":
        ("69978.46", "万元", "answered", {155}, "综合医院"),
    # same page: under 21004 公共卫生 the smallest 项 is 2100407 其他专业公共卫生机构 33.26 万元
    "西安卫健委2022年一般公共预算财政拨款支出中，公共卫生这一款下哪一项最少？多少钱？":
        ("33.26", "万元", "answered", {155}, "其他专业公共卫生机构"),
    # 2024-ptq-czj-juesuan p10 支出决算表 合计: 基本支出 2,336.91 − 项目支出 603.14 = 1733.77 万元
    "普陀区财政局2024年决算本年支出中，项目支出比基本支出少多少？":
        ("1733.77", "万元", "answered", {10}, "2336.91 − 603.14"),
    # 2024-gjxfj-juesuan p9 支出决算表: 2080506 机关事业单位职业年金缴费支出 329.53 万元 (the same on p11, the
    # 一般公共预算财政拨款支出决算表, cited beside it)
    "国家信访局2024年决算里2080506职业年金缴费支出是多少？":
        ("329.53", "万元", "answered", {9, 11}, "机关事业单位职业年金缴费支出"),
    # 2026-gjxfj-yusuan p8 部门支出总表: 2080505 657.51 + 2080506 427.19 = 1084.70 万元 (two lines, not three)
    "国家信访局2026年2080505养老保险缴费支出和2080506职业年金缴费支出一共多少？":
        ("1084.70", "万元", "answered", {8}, "657.51 + 427.19 = 1084.70"),
    # 2024-ptq-wanlijiedao-yusuan p16: 2013202 一般行政管理事务 888,700 + 2013302 一般行政管理事务 1,106,000 元
    "万里街道2024年预算里，组织事务和宣传事务两个“一般行政管理事务”一共多少？":
        ("1994700", "元", "answered", {16}, "888700 + 1106000 = 1994700"),
    # 2026-gjxfj-yusuan p26 实有车辆 15 辆; 2026-fz-swj-yusuan p40 共有车辆 5 辆
    "国家信访局、福州市商务局两家单位，谁家的车多？有几辆？":
        ("15", "辆", "answered", {26, 40}, "国家信访局"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_line_named_is_read(answers, question):
    value, unit, status, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == status, a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    assert shown in a["answer"], a["answer"]
