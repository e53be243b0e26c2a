"""Year-on-year questions on real disclosures, through the real CLI: last year's figure read from a column
printed beside this year's (国家信访局 2026 一般公共预算支出表: 2025年执行数; 西安市委宣传部 2021 三公 table in
元: 2020年 columns), or from the narrative's change sentences (杭州气象局: 比上年执行数; 普陀区司法局: rate
only, last year's 执行数 stated). Every figure below was read off the PDF page (pdftotext -layout).
Plus the sentence reader (ingest/changes.py) on the phrasings the family of templates uses.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers
from ingest.changes import change_facts
from ingest.model import Passage

# question → (value, unit, something the answer must say or cite)
CASES = {
    # p10 一般公共预算支出表: 2014001 行政运行 | 2025年执行数 5,555.07 | 2026年 5,826.21 | 增减额 271.14
    "国家信访局2026年行政运行比上年执行数增加了多少？": ("271.14", "万元", "5826.21 − 5555.07"),
    # same table, 合计 row: 2025年执行数 37,241.42
    "国家信访局2025年一般公共预算支出执行数是多少？": ("37241.42", "万元", "2025年执行数"),
    # p10: 行政运行 (271.14 ÷ 5555.07 = 4.88%, the table prints 4.88%)
    "国家信访局2026年行政运行比2025年执行数增长了百分之几？": ("4.88", "%", "5555.07"),
    # p4 "2026年收入预算5,876.67万元，比上年执行数增加48.92万元，增长0.8%"
    "杭州气象局2026年收入预算比上年执行数增加了多少？": ("48.92", "万元", "上年执行数"),
    "杭州气象局2025年收入执行数是多少？": ("5827.75", "万元", "5876.67 − 48.92"),
    # p6 "（1）科学技术支出（类）…科技成果转化与扩散（项）28.00万元，…。比上年执行数减少113.53万元，下降80.2%"
    "杭州气象局2026年科技成果转化与扩散支出比上年下降了百分之几？": ("80.2", "%", "科技成果转化与扩散"),
    # p8 "2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%"
    "普陀区司法局2026年行政运行比去年预算执行数减少了多少万元？": ("18.02", "万元", "1690.69 − 1672.67"),
    "普陀区司法局行政运行2025年的预算执行数是多少？": ("1690.69", "万元", "1690.69"),
    # p41 表13 (元): 2020年 “三公”经费 小计 160,000.00; 2021年 65,100.00; 增减 -94,900.00
    "西安市委宣传部2020年“三公”经费预算是多少？": ("160000.00", "元", "2020年"),
    "西安市委宣传部2021年“三公”经费比上年减少了多少？": ("94900.00", "元", "65100.00 − 160000.00"),
}

# Nothing prints them: 国家信访局 prints 2025年执行数, never a 2025 budget, beside 行政运行.
REFUSED = ["国家信访局2026年行政运行比2025年预算增加了多少？"]


@pytest.fixture(scope="module")
def home(real_home):
    # The session's corpus of every real disclosure (conftest.real_home), read only: no second ingest of the PDFs.
    return real_home


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES) + REFUSED)


@pytest.fixture(scope="module")
def answers(home):
    return shared_answers(home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_last_years_figure_and_the_change_are_answered_with_formula_and_citation(answers, question):
    value, unit, said = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert said in a["answer"] + (a["calculation"] or ""), a
    assert a["citations"] and all(c["page"] for c in a["citations"])


def test_a_column_answer_cites_both_years_cells(answers):
    a = answers["国家信访局2026年行政运行比上年执行数增加了多少？"]
    columns = [c["column"] for c in a["citations"]]
    assert any("2025年执行数" in c for c in columns) and any(c.startswith("2026年预算数") for c in columns)
    assert {c["page"] for c in a["citations"]} == {10}


@pytest.mark.parametrize("question", REFUSED)
def test_another_kind_of_last_year_figure_is_refused_with_what_is_printed(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and "上年执行数" in a["answer"], a["answer"]


def _facts(text: str, section: str = ""):
    return change_facts([Passage(ordinal=0, text=text, page=1, section=section)])


def test_sentence_reader_family_of_phrasings():
    f = _facts("2026 年收入预算 5,876.67 万元，比上年执行数增加48.92 万元，增长 0.8%，与上年基本持平。")
    assert [(x.subject, x.change, x.rate, x.current, x.basis) for x in f] == \
        [("收入预算", Decimal("48.92"), Decimal("0.8"), Decimal("5876.67"), "执行数")]
    f = _facts("2026年度收入预算44169.36万元，比2025年年初预算数44021.20万元增加148.16万元，增长0.34%。")
    assert f[0].prior == Decimal("44021.20") and f[0].basis == "年初预算"
    f = _facts("2022年度财政拨款收入总计、支出总计均为864,177.93万元，与上年相比收入总计、支出总计均增加"
               "337,874.84万元，增长64.2%，增长的主要原因是：…")
    assert {x.subject for x in f} == {"财政拨款收入总计", "财政拨款支出总计", "财政拨款收支总计"}
    assert all(x.current == Decimal("864177.93") and x.rate == Decimal("64.2") for x in f)
    f = _facts("1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。"
               "2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。")
    assert f[0].change is None and f[0].rate == Decimal("-1.07") and f[0].prior == Decimal("1690.69")
    assert f[0].current == Decimal("1672.67") and "行政运行" in f[0].subject
    # a heading names the subject of the sentence under it; a reason clause is no statement of its own
    f = _facts("2.公务接待费。2026年预算数5.10万元，较2025年年初预算减少10.01万元，主要是压减支出。")
    assert [(x.subject, x.change) for x in f] == [("公务接待费", Decimal("-10.01"))]
    f = _facts("基本支出与上年相比增加 3397.18万元，主要原因是基本支出增加人员工资等 3397.18 万元、项目经费减少 1134.33 万元。")
    assert [x.subject for x in f] == ["基本支出"]
    # 决算数 against 预算数 is the year's own execution, not a year-on-year change
    assert _facts("支出决算587.55万元，决算数较预算数减少5.91万元。") == []
