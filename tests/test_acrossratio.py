"""Questions across departments: averages, ratios of each department's own figures, the table said, the figure's
other printed names (assistant/acrossratio.py, assistant/acrosswords.py, assistant/across.py).

- 「平均每家多少」: (a + b + …) ÷ n, exact, 2 places half-up, each figure cited;
- 「X占本部门Y的比例，哪家最高/更高」「Y里，哪家X占比最高」「各占…的百分之几」: each department's X ÷ its own Y, ranked
  (or listed); a department named that prints no X is named and the comparison not made;
- 「X表里的Y」「按各自的X表算」: the line read in that table of each; 「项目支出预算」 is the 项目支出;
- 上年结转 of one department printed 上年结余、结转 by another; 「人员经费（一般公共预算基本支出）」; 「有几家有政府性
  基金预算财政拨款的收支」 counted from the fund's own (empty) table; a year in Chinese numerals (二〇二六年).

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages (a subset the answer must cite), words the answer shows)
CASES = {
    # 2026-gz-zfbgt p17 表8 “三公”经费 226.86; 2026-gjxfj p16 “三公”经费表 合计 112.61: 339.47 ÷ 2 = 169.735 → 169.74
    "广州市政府办公厅和国家信访局2026年的“三公”经费平均是多少？":
        ("169.74", "万元", {16, 17}, "226.86 + 112.61 = 339.47；339.47 ÷ 2 = 169.74"),
    # 2026-bj-czj baobiao p11 预算06表 人员经费 25,934.649992 ÷ 合计 28,016.258321; 2026-fz-swj p28 人员经费 3,551.21 ÷
    # 基本支出 3,861.25 (p21 基本支出表, p13 支出预算总表 alike)
    "北京市财政局和福州市商务局2026年人员经费占基本支出的比重，哪个更高？":
        ("92.57", "%", {11, 28}, "25934.649992 ÷ 28016.258321 = 92.57%"),
    # 2026-gz-zfbgt 政府采购 483.05 (p25) ÷ 支出总计 16,410.71 (p6) = 2.94%; 2026-hz-qxj 1,113.52 (p9) ÷ 5,876.67 (p15);
    # 2026-gjxfj 4,308.39 (p26) ÷ 50,616.94 (p5)
    "杭州市气象局、国家信访局、广州市政府办公厅2026年的政府采购预算占本部门支出总计的比例，哪家最低？":
        ("2.94", "%", {25, 6}, "483.05 ÷ 16410.71 = 2.94%"),
    # 2026-hz-qxj p17 表3 支出预算总表 项目支出 2,131.61; 2026-gz-zfbgt 项目支出 1,497.06 (p8 表3, p21 表12)
    "2026年杭州市气象局支出预算总表里的项目支出比广州市政府办公厅的项目支出多多少？":
        ("634.55", "万元", {17}, "2131.61 − 1497.06 = 634.55"),
    # 2026-hz-qxj p17 表3 2,131.61; 2026-fz-swj p13 支出预算总表 21,134.69 (not p16's 一般公共预算 19,334.69)
    "按各自的支出总表口径算，杭州市气象局和福州市商务局2026年的项目支出一共多少？":
        ("23266.30", "万元", {13, 17}, "2131.61 + 21134.69 = 23266.30"),
    # 2026-bj-czj baobiao p6 预算03表 项目支出 16,153.099211; 2026-gz-zfbgt p8 表3 项目支出 1,497.06 (not its 支出总计)
    "北京市财政局和广州市政府办公厅2026年的项目支出预算加起来是多少？":
        ("17650.159211", "万元", {6, 8}, "16153.099211 + 1497.06"),
    # 2026-gjxfj p5/p6 上年结转 2,254.12; 2026-sz-jtysj p25 表1 上年结余、结转 201.78
    "深圳市交通运输局和国家信访局2026年的上年结转，哪家多？": ("2254.12", "万元", {25}, "2254.12 > 201.78"),
    # 2024-gjxfj-juesuan p12 基本支出决算表 人员经费合计 7,967.72; 2026-gjxfj p13 基本支出表 人员经费 7,504.62
    "国家信访局2024年决算和2026年预算的人员经费（一般公共预算基本支出）相差多少？":
        ("463.10", "万元", {12, 13}, "7967.72 − 7504.62 = 463.10"),
    # 2026-gz-zfbgt p17 226.86 is the most of 2026's seven budgets (北京 223.799250 p14 next)
    "二〇二六年哪个部门的“三公”经费最多？": ("226.86", "万元", {17}, "广州市人民政府办公厅"),
}
# 2024-ptq-wanlijiedao p27 政府性基金表 empty (无政府性基金预算); 2024-gjxfj-juesuan p10 and 2024-ptq-czj-juesuan p12
# 财政拨款收入支出决算总表 政府性基金预算财政拨款 0: none of the three has any
COUNTED = "万里街道2024年预算、国家信访局2024年决算、普陀区财政局2024年决算这三家，有几家有政府性基金预算财政拨款的收支？"
# 2026-hz-qxj p9 1,113.52 ÷ 5,876.67 = 18.95%; 2026-ptq-sfj p22 1,486.42 ÷ 96,282,213.44 元 (p10) = 15.44%
LISTED = "杭州市气象局和普陀区司法局2026年的政府采购预算各占本部门支出总计的百分之几？"
# 2026-gz-zfbgt prints no 人员经费 (its 表6 is by economic class: 工资福利支出 …): no ratio for it, so no comparison
REFUSED = "广州市政府办公厅和杭州市气象局2026年的人员经费占基本支出的比例，哪家更高？"
on_real_home(list(CASES), COUNTED, LISTED, REFUSED)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, COUNTED, LISTED, REFUSED])


@pytest.mark.parametrize("question", list(CASES))
def test_each_department_read_then_combined(answers, question):
    value, unit, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert pages <= {c["page"] for c in a["citations"]}, a["citations"]
    assert shown in a["answer"], a["answer"]


def test_a_fund_with_an_empty_table_counts_as_none(answers):
    a = answers[COUNTED]
    assert a["status"] == "answered" and Decimal(a["value"]) == 0, a["answer"]
    assert "万里街道办事处" in a["answer"] and 27 in {c["page"] for c in a["citations"]}


def test_each_ratio_listed(answers):
    a = answers[LISTED]
    assert a["status"] == "answered", a["answer"]
    assert "1113.52 ÷ 5876.67 = 18.95%" in a["answer"] and "1486.42 ÷ 9628.221344 = 15.44%" in a["answer"]
    assert "96282213.44 元 = 9628.221344 万元" in a["answer"]


def test_a_department_without_the_part_is_named_not_counted(answers):
    a = answers[REFUSED]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "广州市人民政府办公厅" in a["answer"] and "不按 0 计" in a["answer"]
