"""One line in two tables, whole-document totals asked in 亿, and specific columns of one table.

- assistant/twotables.py with assistant/tablesaid.py: a table said by its title with its number in brackets
  (「支出预算总表（表3）」), the second table said just before the gap (「…比一般公共预算支出表（按功能分类）多多少」), a
  column said without its 合计 (「收入决算表里的本年收入」) — each figure read in its own table, never a table's 合计;
- assistant/dispatch.py (_about_the_whole_budget): 「二〇二六年预算一共要花多少个亿」「24年决算实际花了多少个亿」 —
  the 支出总计 (a 决算's 本年支出合计) converted exactly to 亿元; assistant/scopewords.py: 「（支出总表口径）」 names the
  table, one reading;
- assistant/deductedcol.py (with assistant/documents.py): a 预算's 2025 执行数 with 中央基建投资 taken out, read from its
  column; assistant/partshare.py: 「收入总计里，上年结转结余占百分之几」; assistant/otherpart.py: 「年初结转和结余里，
  财政拨款以外的部分」; assistant/codewords.py: 「基本支出经济科目30239」 read as the code's line.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages, words the answer shows)
CASES = {
    # 2026-hz-qxj-yusuan p17 表3 支出预算总表 气象服务 总计 2,103.61; p19 表5 一般公共预算支出预算表 气象服务 1,980.00
    "杭州市气象局2026年“气象服务”在支出预算总表（表3）和一般公共预算支出预算表（表5）里差了多少？":
        ("123.61", "万元", {17, 19}, "2103.61 − 1980.00 = 123.61"),
    # the same, the tables said by their numbers alone
    "杭州市气象局2026年“气象服务”，表3和表5里差了多少？": ("123.61", "万元", {17, 19}, "2103.61 − 1980.00"),
    # 2026-sz-jtysj-yusuan p28 表3 支出总表 214 交通运输支出 357,233.33; p41 表7 一般公共预算支出表（按功能分类）
    # 353,068.33
    "深圳市交通运输局2026年交通运输支出（214类），支出总表比一般公共预算支出表（按功能分类）多多少？":
        ("4165.00", "万元", {28, 41}, "357233.33 − 353068.33 = 4165.00"),
    # 2026-gjxfj-yusuan p7 部门支出总表 2014001 行政运行 6,286.21; p10 一般公共预算支出表 5,826.21
    "国家信访局2026年行政运行（2014001），部门支出总表比一般公共预算支出表多多少？":
        ("460.00", "万元", {7, 10}, "6286.21 − 5826.21"),
    # 2024-gjxfj-juesuan p8 收入决算表 2014099 本年收入合计 7,773.28; p9 支出决算表 本年支出合计 1,788.46
    "国家信访局2024年其他信访事务支出（2014099），收入决算表里的本年收入比支出决算表里的本年支出多多少？":
        ("5984.82", "万元", {8, 9}, "7773.28 − 1788.46 = 5984.82"),
    # 2024-ptq-czj-juesuan p8 收入决算表 2010601 行政运行 1,511.90; p10 支出决算表 1,511.89
    "普陀区财政局2024年行政运行（2010601），收入决算表里的本年收入比支出决算表里的本年支出多多少？":
        ("0.01", "万元", {8, 10}, "1511.90 − 1511.89"),
    # 2026-gjxfj-yusuan p5 部门收支总表 支出总计 50,616.94 万元 = 5.061694 亿元
    "国家信访局二〇二六年预算一共要花多少个亿？": ("5.061694", "亿元", {5}, "50616.94 万元"),
    # 2024-gjxfj-juesuan p7 收入支出决算总表 本年支出合计 14,572.53 万元 (支出总计 22,066.59 holds 年末结转和结余)
    "国家信访局24年决算实际花了多少个亿？": ("1.457253", "亿元", {7}, "本年支出合计"),
    # 2026-hz-qxj-yusuan p15 表1 收支预算总表 支出总计 5,876.67
    "杭州市气象局二〇二六年预算一共多少个亿？": ("0.587667", "亿元", {15}, "5876.67 万元"),
    # 2026-sz-jtysj-yusuan p27 表3 支出总表 项目支出 376,936.60 (表8 372,771.60 and 表10 4,165.00 not read)
    "深圳交通局26年全部的项目支出（支出总表口径）大概有多少个亿？": ("37.69366", "亿元", {27}, "376936.60 万元"),
    # 2026-gjxfj-yusuan p10 一般公共预算支出表 2014099 扣除中央基建投资后执行数 1,601.04 (执行数 25,143.24)
    "国家信访局2026年预算的表5里，2025年其他信访事务支出扣掉中央基建投资后的执行数是多少？":
        ("1601.04", "万元", {10}, "扣除中央基建投资后执行数"),
    # 2026-bj-czj-yusuan-baobiao p2 预算01表 上年结转结余 12.717412 ÷ 收入总计 44,169.357532
    "北京市财政局2026年收入总计里，上年结转结余占百分之几？": ("0.03", "%", {2}, "12.717412 ÷ 44169.357532"),
    # 2026-gjxfj-yusuan p5 部门收支总表 上年结转 2,254.12 ÷ 收入总计 50,616.94
    "国家信访局2026年收入总计里，上年结转占百分之几？": ("4.45", "%", {5}, "2254.12 ÷ 50616.94"),
    # 2022-xa-wjw-juesuan p146 年初结转和结余 465,278.48; p153 财政拨款 年初结转和结余 58,926.37
    "西安卫健委2022年年初结转和结余里，财政拨款以外的部分有多少？":
        ("406352.11", "万元", {146, 153}, "465278.48 − 58926.37"),
    # 2024-gjxfj-juesuan p7 年初结转和结余 1,615.24; p10 年初财政拨款结转和结余 1,154.62
    "国家信访局2024年年初结转和结余中，除财政拨款之外的资金有多少？": ("460.62", "万元", {7, 10}, "1615.24 − 1154.62"),
    # 2025-ptq-czj-yusuan p20 基本支出经济分类预算表 30239 其他交通费用 506,480.00 元 (not the 基本支出 total)
    "普陀区财政局二〇二五年基本支出经济科目30239预算多少元？": ("506480.00", "元", {20}, "30239 其他交通费用"),
    # 2026-gjxfj-yusuan p12 一般公共预算基本支出表 30201 办公费 93.70
    "国家信访局2026年基本支出经济科目30201预算多少？": ("93.70", "万元", {12}, "30201 办公费"),
}
# a change of the deducted figure is no figure of its column: left to the narrative's statements (none here)
NOT_ANSWERED = ["国家信访局2026年预算里，2025年行政运行扣除中央基建投资后执行数比上年增长多少？"]
# 2026-fz-swj-yusuan p13/p16: no line 商务事务 (its 201 class prints 20113 商贸事务) — the tables' totals are no answer
NEITHER = ["福州市商务局2026年“商务事务”在支出预算总表和一般公共预算支出表里差多少？"]
on_real_home(list(CASES), NOT_ANSWERED, NEITHER)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *NOT_ANSWERED, *NEITHER])


@pytest.mark.parametrize("question", list(CASES))
def test_the_figure_read_where_the_question_says(answers, question):
    value, unit, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    assert shown in a["answer"], a["answer"]


@pytest.mark.parametrize("question", NOT_ANSWERED)
def test_a_change_of_the_deducted_figure_is_not_its_column(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]


@pytest.mark.parametrize("question", NEITHER)
def test_a_quoted_line_neither_table_prints_is_said_so(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
    assert "都没有“商务事务”这一行" in a["answer"], a["answer"]
