"""Questions a citizen asks, answered from real disclosures of five templates through the real CLI.

Five published PDFs (Shanghai 预算 in 元, Hangzhou, Fuzhou, a central 决算, Guangzhou), asked about among every
real disclosure ingested once for the session; every question goes through ``budgetqa ask --json``. Each expected figure, its unit and the page it is
printed on were read off the PDF page by hand (``pdftotext -layout -f N -l N``; pages as the PDF counts
them); the comment beside each case quotes what the page prints.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from conftest import FAST, budgetqa, jsonl, real_pdf

FILES = ["2025-ptq-czj-yusuan.pdf", "2026-hz-qxj-yusuan.pdf", "2026-fz-swj-yusuan.pdf", "2024-gjxfj-juesuan.pdf",
         "2026-gz-zfbgt-yusuan.pdf"]

# question → (value, unit, kind of the first cited table, its page)
ANSWERED = {
    # 上海市普陀区财政局 2025 (Shanghai template, tables in 元)
    # p11 2025年部门收入预算总表 (单位：元)：合计 … 财政拨款收入 31,214,205.80
    "上海市普陀区财政局2025年的财政拨款收入是多少？": ("31214205.80", "元", "收入总表", 11),
    # p9 2025年部门财务收支预算总表 (单位：元)：支出总计 31,214,205.80 — asked in 万元: converted exactly
    "普陀区财政局2025年支出总计是多少万元？": ("3121.42058", "万元", "收支总表", 9),
    # p13 2025年部门支出预算总表：合计 31,214,205.80 | 基本支出 25,121,091.00 | 项目支出 6,093,114.80
    "普陀区财政局2025年的基本支出是多少？": ("25121091.00", "元", "支出总表", 13),
    # p20 一般公共预算基本支出…预算表：合计 25,121,091.00 | 人员经费 22,826,756.00 | 公用经费 2,294,335.00
    "普陀区财政局2025年人员经费占基本支出的比例是多少？": ("90.87", "%", "一般公共预算财政拨款基本支出表", 20),
    # p21 “三公”经费和机关运行经费预算表 (单位:万元)：合计 0.95，公务接待费 0.95，机关运行经费预算数 229.43
    "普陀区财政局2025年三公经费是多少？": ("0.95", "万元", "三公经费支出表", 21),
    "普陀区财政局2025年机关运行经费是多少？": ("229.43", "万元", "三公经费支出表", 21),
    # p13 支出预算总表：221 住房保障支出 4,736,957.00 (元)
    "普陀区财政局2025年住房保障支出是多少？": ("4736957.00", "元", "支出总表", 13),
    # 0.95 万元 (p21) ÷ 31,214,205.80 元 (p9) = 0.95 ÷ 3121.42058 万元
    "普陀区财政局2025年三公经费占支出总计的比例是多少？": ("0.03", "%", "三公经费支出表", 21),
    # 杭州市气象局 2026 (Hangzhou 表1–表11, 万元)
    # p17 表3 支出预算总表：合计 5,876.67 | 基本支出/人员支出 2,906.80 | 日常公用支出 838.27 | 项目支出 2,131.61
    "杭州市气象局人员经费是多少": ("2906.80", "万元", "支出总表", 17),
    "杭州气象局公用经费是多少": ("838.27", "万元", "支出总表", 17),
    # p21 表7 “三公”经费预算表：合计 24.02 | 因公出国 (blank) | 公务用车购置及运行费小计 18.00 | 公务接待费 6.02
    "杭州气象局三公经费是多少": ("24.02", "万元", "三公经费支出表", 21),
    "杭州气象局公务用车购置及运行费是多少": ("18.00", "万元", "三公经费支出表", 21),
    # p16 表2 收入预算总表：合计 本年收入/一般公共预算 5,753.07
    "杭州气象局一般公共预算拨款收入是多少": ("5753.07", "万元", "收入总表", 16),
    # p17 表3：行政运行 2,617.19
    "杭州气象局行政运行是多少": ("2617.19", "万元", "支出总表", 17),
    # 福州市商务局 2026 (Fuzhou, 三公 as rows)
    # p24 一般公共预算“三公”经费支出预算表：合计 84.10；1、因公出国（境）费用 70.00
    "福州市商务局三公经费是多少": ("84.10", "万元", "三公经费支出表", 24),
    "福州市商务局因公出国（境）费是多少": ("70.00", "万元", "三公经费支出表", 24),
    # p12 收入预算总表 (no 财政拨款 column)：一般公共预算拨款收入 23195.94 + 政府性基金 1800.00 + 国有资本 0.00
    "福州市商务局的财政拨款收入是多少": ("24995.94", "万元", "收入总表", 12),
    # p13 支出预算总表：合计 24995.94 | 基本支出 3861.25 | 项目支出 21134.69
    "福州市商务局基本支出和项目支出一共多少": ("24995.94", "万元", "支出总表", 13),
    # 国家信访局 2024 部门决算 (central 决算 set)
    # p9 公开03表 支出决算表：201 一般公共服务支出 本年支出合计 10,685.56 (p10 公开04表: 财政拨款 9,846.82)
    "国家信访局2024年一般公共服务支出决算是多少": ("10685.56", "万元", "支出总表", 9),
    # p15 公开09表：预算数 合计 76.43 … 决算数 合计 46.21 — a 决算 document answers with its 决算数
    "信访局2024年决算三公经费是多少": ("46.21", "万元", "三公经费支出表", 15),
    # p12 公开06表：人员经费合计 7,967.72
    "信访局2024年决算人员经费是多少": ("7967.72", "万元", "一般公共预算财政拨款基本支出表", 12),
    # p7 公开01表 收入支出决算总表：总计 22,066.59
    "国家信访局2024年决算收入总计是多少": ("22066.59", "万元", "收支总表", 7),
    # 广州市人民政府办公厅 2026 (Guangzhou “…情况表”)
    # p17 表8 行政经费及“三公”经费预算表：行政经费 1,443.41；“三公”经费 226.86 (narrative: 行政经费（机关运行经费）)
    "广州市政府办公厅三公经费是多少": ("226.86", "万元", "三公经费支出表", 17),
    "广州市政府办公厅机关运行经费是多少": ("1443.41", "万元", "三公经费支出表", 17),
    # p8 表3 本年支出总体情况表：合计 16,410.71 | 基本支出 14,913.65 | 项目支出 1,497.06
    "广州市人民政府办公厅基本支出是多少": ("14913.65", "万元", "支出总表", 8),
}

NOT_HELD = {
    "杭州气象局一般公共服务支出是多少": "没有列出“一般公共服务支出”",  # Hangzhou's 支出 has no 201 类
    "杭州气象局2026年决算的人员经费是多少": "没有杭州市气象局的决算",  # only its 预算 is held
    "上海市财政局三公经费是多少": "没有“上海市财政局”的预算公开文件（同名的有",  # 普陀区财政局 is not 上海市财政局
    # A place said without 市 before a short name is a region too (assistant/places.txt): not 杭州's 气象局.
    "广州气象局2026年一共能花多少钱": "没有“广州气象局”的预算公开文件（同名的有：杭州市气象局）",
}


@pytest.fixture(scope="session")
def real5(real_home):
    """The five among every real disclosure (the session's one ingest of them: a question must find its
    document in the whole corpus, not in a corpus made for it)."""
    for name in FILES:
        real_pdf(name)
    return real_home


@pytest.fixture(scope="session")
def answers(real5) -> dict[str, dict]:
    questions = [*ANSWERED, *NOT_HELD, "三公经费是多少"]
    batch = real5 / "questions.txt"
    batch.write_text("\n".join(questions) + "\n", encoding="utf-8")
    out = jsonl(budgetqa("ask", "--batch", str(batch), "--json", home=real5, env=FAST).stdout)
    assert [a["question"] for a in out] == questions
    return {a["question"]: a for a in out}


@pytest.mark.parametrize("question", list(ANSWERED))
def test_core_figures_are_read_exactly_and_cited(answers, question):
    value, unit, kind, page = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["value"] == value and a["unit"] == unit, a
    cite = a["citations"][0]
    assert (cite["kind"], cite["page"]) == (kind, page), cite
    assert cite["document"] and cite["table"] and cite["row"] and cite["column"], cite


def test_an_amount_printed_in_yuan_is_given_in_yuan_with_its_exact_wan_yuan_equivalent(answers):
    a = answers["上海市普陀区财政局2025年的财政拨款收入是多少？"]
    assert a["citations"][0]["unit"] == "元" and a["citations"][0]["text"] == "31,214,205.80"
    assert "31214205.80 元" in a["answer"] and "3121.42058 万元" in a["answer"]
    assert a["calculation"] == "31214205.80 元 = 3121.42058 万元"
    wan = answers["普陀区财政局2025年支出总计是多少万元？"]
    assert wan["calculation"] == "31214205.80 元 = 3121.42058 万元"


def test_figures_in_different_units_are_converted_before_they_are_combined(answers):
    a = answers["普陀区财政局2025年三公经费占支出总计的比例是多少？"]
    assert a["calculation"] == "31214205.80 元 = 3121.42058 万元；0.95 ÷ 3121.42058 = 0.03%"
    assert {c["unit"] for c in a["citations"]} == {"元", "万元"}


def test_a_subject_line_is_the_departments_expenditure_with_the_appropriated_part_said(answers):
    a = answers["国家信访局2024年一般公共服务支出决算是多少"]
    assert "9846.82" in a["answer"]  # 公开04表: the 财政拨款 part, named as such
    assert a["citations"][0]["column"] == "本年支出合计"


def test_a_figure_printed_as_its_parts_is_summed_with_each_part_cited(answers):
    a = answers["福州市商务局的财政拨款收入是多少"]
    assert a["calculation"] == "23195.94 + 1800.00 + 0.00 = 24995.94"
    assert len(a["citations"]) == 3 and {c["page"] for c in a["citations"]} == {12}


@pytest.mark.parametrize("question", list(NOT_HELD))
def test_what_the_corpus_does_not_hold_is_refused(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None, a
    assert NOT_HELD[question] in a["answer"]


def test_a_question_that_fits_every_document_lists_them(answers):
    a = answers["三公经费是多少"]
    assert a["status"] == "ambiguous" and a["value"] is None
    for label in ("上海市普陀区财政局 2025年部门预算", "杭州市气象局 2026年部门预算", "福州市商务局 2026年部门预算",
                  "国家信访局 2024年部门决算", "广州市人民政府办公厅 2026年部门预算"):
        assert label in a["answer"]


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def test_every_number_an_answer_states_is_in_the_store_or_its_calculation(real5, answers):
    stored: set[Decimal] = set()
    for c in jsonl(budgetqa("cells", "--json", home=real5).stdout):
        text = f"{c['raw']} {c['value'] or ''} {c['code'] or ''} {c['row_label']} {c['table']} {c['page']}"
        stored |= {Decimal(x) for x in _NUMBER.findall(text.replace(",", ""))}
    for t in jsonl(budgetqa("tables", "--json", home=real5).stdout):
        stored |= {Decimal(x) for x in _NUMBER.findall(f"{t['title']} {t['page']} {t['year']}")}
    for a in answers.values():
        if a["status"] != "answered":
            continue
        computed = {Decimal(x) for x in _NUMBER.findall(f"{a['calculation'] or ''} {a['question']}")}
        for x in _NUMBER.findall(a["answer"].replace(",", "")):
            assert Decimal(x) in stored | computed, (a["question"], x, a["answer"])
        if Decimal(a["value"]) not in stored:  # a computed figure is its formula's result
            assert a["calculation"].split("=")[-1].strip().startswith(a["value"]), a
