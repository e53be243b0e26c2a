"""A figure asked for inside a named context, through the real CLI on real disclosures of four templates.

"财政拨款支出预算中案件审判（2040504）": the earlier names say where to look, the last is the figure; an
economic line of a 基本支出 table printed in the right half of a side-by-side list (决算数#2); a column of a
line ("机关服务（2014003）的其他收入"); 会议费/培训费 read from their own table; an uncoded economic class's
items (杭州); "本级" and a unit named without its city. Each expected figure was read off the PDF page
(``pdftotext -layout -f N -l N``; pages as the PDF counts them); the comment beside each case quotes it.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import FAST, ask_batch

# question → (value, unit, the cited table's title holds this, its page)
ANSWERED = {
    # 江苏高院 2019 p10 公开05表财政拨款支出预算表（功能科目）：2040504 案件审判 1599.11 (收支总表's 财政拨款 is
    # the context, not the figure)
    "江苏省高级人民法院2019年财政拨款支出预算中案件审判（2040504）是多少？": ("1599.11", "万元", "公开05表", 10),
    # p12 公开07表一般公共预算支出预算表（功能科目）：2210202 提租补贴 5465.10
    "江苏高院2019年一般公共预算支出中提租补贴（2210202）有多少？": ("5465.10", "万元", "公开07表", 12),
    # p11 公开06表财政拨款基本支出预算表（经济科目）：30102 津贴补贴 8252.03
    "江苏高院2019年财政拨款基本支出中的津贴补贴是多少？": ("8252.03", "万元", "公开06表", 11),
    # p14 公开09表“三公”经费、会议费、培训费：合计 2382.02 | “三公”经费小计 513.75 | 会议费 271.02 | 培训费 1597.25
    # (the table's 合计 is of all three: the 三公经费 is its 小计)
    "江苏高院2019年“三公”经费预算小计是多少？": ("513.75", "万元", "公开 09表", 14),
    # the table named: one reading (asked bare, 培训费 has two — 30216 of the 基本支出 table, 41.37: threebasic.py)
    "江苏高院2019年“三公”经费表里的培训费预算是多少？": ("1597.25", "万元", "公开 09表", 14),
    # 普陀区财政局 2024 决算 p16-17 一般公共预算财政拨款基本支出决算表 (科目 | 决算数 | 科目 | 决算数, side by side)
    # 30102 津贴补贴 1,238.58 (left half); 公用经费合计 184.65 (right half) = 1,846,500.00 元
    "普陀区财政局2024年一般公共预算财政拨款基本支出决算里津贴补贴是多少？": ("1238.58", "万元", "基本支出决算表", 16),
    "普陀区财政局2024年基本支出决算表中的公用经费合计是多少元？": ("1846500.00", "元", "基本支出决算表", 17),
    # p8 收入决算表：本年收入合计 2,946.25 (财政拨款收入支出决算总表's 2,940.05 is only the 财政拨款 part)
    "普陀区财政局2024年决算的本年收入合计是多少？": ("2946.25", "万元", "收入决算表", 8),
    # 国家信访局 2024 决算 p8 收入决算表公开02表：2014003 机关服务 … 其他收入 609.94
    "国家信访局2024年收入决算表中机关服务（2014003）的其他收入是多少？": ("609.94", "万元", "收入决算表", 8),
    # p11 公开05表：2014001 行政运行 本年支出小计 5,757.63
    "国家信访局2024年一般公共预算财政拨款支出决算中行政运行（2014001）是多少？": ("5757.63", "万元", "公开05表", 11),
    # p9 公开03表 支出决算表：2014099 其他信访事务支出 项目支出 1,247.85
    "国家信访局2024年支出决算表里其他信访事务支出的项目支出是多少？": ("1247.85", "万元", "支出决算表", 9),
    # 杭州市气象局 2026 p20 表6 (no codes): 商品和服务支出 760.37 … 其他商品和服务支出 190.38 (largest item)
    "杭州气象局2026年商品和服务支出里哪一项最多？": ("190.38", "万元", "表6", 20),
    "杭州气象局2026年工资福利支出中金额最大的是哪一项？": ("1076.40", "万元", "表6", 20),
    # p10 narrative: "2026 年本部门委托业务费财政拨款预算总额 236.75 万元"
    "杭州气象局2026年委托业务费财政拨款预算总额是多少？": ("236.75", "万元", "正文", 10),
    # p21 表7 by unit: 杭州市气象局 13.13 | 杭州市气象服务中心 10.89
    "杭州气象局2026年“三公”经费，局本级和气象服务中心谁多？": ("13.13", "万元", "表7", 21),
    # p16 表2 by unit: 杭州市气象局 5,876.67 (the whole) … 杭州市气象局 5,011.05 (本级) | 气象服务中心 865.62
    "杭州气象局2026年本级的本年收入比杭州市气象服务中心多多少？": ("4145.43", "万元", "表2", 16),
    # 福州市商务局 2026 p13 支出预算总表：2011350 事业运行 合计 261.68 | 项目支出 16.63
    "福州商务局2026年2011350事业运行的项目支出是多少？": ("16.63", "万元", "支出预算总表", 13),
    # p20 2026 年度一般公共预算支出经济分类情况表：302 商品和服务支出 19637.13 (p21's 基本支出 table: 302.44)
    "福州商务局2026年一般公共预算支出经济分类中商品和服务支出是多少？": ("19637.13", "万元", "支出经济分类情况表", 20),
    # p12 收入预算总表：福州市商务局 24658.02 − 福州市商务发展促进中心 337.92
    "福州商务局2026年局本级收入比商务发展促进中心多多少？": ("24320.10", "万元", "收入预算总表", 12),
    # 普陀区财政局 2024 决算 p7 收入支出决算总表：年末结转和结余 55.34 − 年初结转和结余 49.14 ("比年初")
    "普陀区财政局2024年年末结转和结余比年初多了多少？": ("6.20", "万元", "收入支出决算总表", 7),
    # 国家信访局 2026 p10 一般公共预算支出表：2014001 行政运行 5,826.21 the largest 项 (部门支出总表's
    # 其他信访事务支出 36,230.56 is not of 一般公共预算 alone)
    "国家信访局2026年一般公共预算支出中金额最大的项级科目是哪个？": ("5826.21", "万元", "一般公共预算支出表", 10),
    # 江苏高院 2019 p16 公开12表政府采购支出预算表：三、服务C 3,059.87 (a category printed with its letter after it)
    "江苏高院2019年政府采购预算里服务类采购是多少？": ("3059.87", "万元", "公开12表", 16),
}


@pytest.fixture(scope="session")
def focus_home(real_home):
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return real_home


@pytest.fixture(scope="session")
def answers(focus_home) -> dict[str, dict]:
    questions = list(ANSWERED) + ["江苏高院2019年的培训费是多少？", "万里街道2024年离退休的钱有多少？",
                                  "国家信访局2024年一般行政管理事务的年初预算和决算数哪个大？",
                                  "国家信访局一般公共预算拨款收入是多少？"]
    return ask_batch(focus_home, questions, env=FAST)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_figure_inside_the_named_context_is_read_and_cited(answers, question):
    value, unit, table, page = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value), a["answer"]
    assert a["unit"] == unit
    first = a["citations"][0]
    if table == "正文":  # a figure only the narrative states: its passage is cited (no table)
        assert first["table"] in (None, "正文") and value in first["text"].replace(",", ""), first
    else:
        assert table in (first["table"] or "").replace("“", "").replace("”", ""), first
    assert first["page"] == page, first


def test_a_figure_two_tables_print_differently_is_ambiguous_when_said_bare(answers):
    # 培训费: 41.37 (公开06表 30216, basic spending only) and 1597.25 (公开09表): "培训费是多少" names neither
    a = answers["江苏高院2019年的培训费是多少？"]
    assert a["status"] == "ambiguous", a["answer"]
    assert "1597.25" in a["answer"] and "41.37" in a["answer"]


def test_a_word_several_lines_names_hold_is_ambiguous(answers):
    # 万里街道 2024 p18 支出预算总表：2080501 行政单位离退休 | 2080502 事业单位离退休, different amounts
    a = answers["万里街道2024年离退休的钱有多少？"]
    assert a["status"] == "ambiguous", a["answer"]
    assert "行政单位离退休" in a["answer"] and "事业单位离退休" in a["answer"]


def test_a_lines_budget_and_final_are_compared_from_its_sentence_not_a_stage_columns_total(answers):
    # 国家信访局 2024 p21: 「…一般行政管理事务（项）。年初预算为 590.53 万元，支出决算为 4.7 万元…」 (the 三公
    # table's 预算数/决算数 columns are not this line)
    a = answers["国家信访局2024年一般行政管理事务的年初预算和决算数哪个大？"]
    assert a["status"] == "answered"
    assert Decimal(a["value"]) == Decimal("590.53")
    assert a["citations"][0]["page"] == 21


def test_a_source_of_money_named_with_预算_does_not_pick_the_budget_over_the_final_accounts(answers):
    # 一般公共预算拨款收入, no year: the 2024 决算 and the 2026 预算 both print it
    a = answers["国家信访局一般公共预算拨款收入是多少？"]
    assert a["status"] == "ambiguous", a["answer"]
