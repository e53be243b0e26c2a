"""A figure the narrative prints right after the label a question names (assistant/labelled.py), asked through
the real CLI on real PDFs of five templates (central 决算, Xi'an 决算, Jiangsu 预算, Shanghai district 预算,
Guangzhou 预算, Fuzhou 预算).

Each expected figure was read off the page cited: the figure after the label the question uses (never the
first figure of its sentence, never a table total the words do not name), in the unit asked (平方米 is no
money), a threshold asked in the middle of a sentence (「投资多少以下的…由区财政局负责」), a rate the text states
(「与上年同期相比，增加144.81%」); 竣工决算审计 in a question is no request for a 决算 document.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import assert_cited_figure, on_real_home, shared_answers

# question → (value, unit, page, words the answer quotes)
CASES = {
    # gjxfj 决算 p26 「授予中小企业合同金额 1820.69 万元，…其中：授予小微企业合同金额 1015.5 万元」: not the first figure
    "国家信访局2024年政府采购授予小微企业的合同金额是多少？": ("1015.5", "万元", 26, "授予小微企业合同金额 1015.5"),
    # xa-wjw 决算 p22 「（二）政府采购授予中小企业合同金额24,498.01万元」: not a 绩效自评表's figure
    "西安市卫生健康委员会2022年政府采购授予中小企业的合同金额是多少？": ("24498.01", "万元", 22, "24,498.01"),
    # js 预算 p24 「…总金额为 5227.59 万元。其中拟采购货物支出 1637.72 万元」: not the table's total; p16
    # 公开12表 prints it too (一、货物 1637.72), so that cell is cited first and the sentence quoted beside it
    "江苏省高级人民法院2019年政府采购预算里拟采购货物的支出是多少？": ("1637.72", "万元", 16, "拟采购货物支出"),
    # gz 预算 p26 「固定资产金额91,973.02万元，分布构成情况为：房屋70,193.21平方米」: the area, not money
    "广州市政府办公厅2026年预算说明里，房屋有多少平方米？": ("70193.21", "平方米", 26, "房屋70,193.21平方米"),
    # ptq-czj 预算 p23 「建安工程投资费用3000.00万元及以下的财务竣工决算审计由区财政局负责」
    "按普陀区财政局2025年预算说明，建安工程投资多少以下的基本建设项目由区财政局负责竣工决算审计？":
        ("3000.00", "万元", 23, "3000.00万元及以下"),
    # xa-wjw 决算 p10 「故政府性基金预算财政拨款收入与上年同期相比，增加144.81%」
    "西安市卫健委2022年政府性基金预算财政拨款收入比上年增长了百分之几？": ("144.81", "%", 10, "144.81%"),
    # fz 预算 「相应安排支出预算24995.94万元，比上年增加608.71万元，增长2.50%」 (the 支出 sentence, not 收入's)
    "福州市商务局2026年支出预算比上年增长了百分之几？": ("2.50", "%", None, "安排支出预算"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="session")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_the_figure_after_the_label_asked_is_read_and_cited(answers, question):
    assert_cited_figure(answers[question], *CASES[question])


def test_a_label_no_sentence_prints_is_not_guessed(real_home):
    """The same wordings about what the narrative does not state: not found — no area of another label, no
    amount offered for an area, no contract amount of another kind of firm, no procurement total instead."""
    asked = ["广州市政府办公厅2026年预算说明里，土地有多少平方米？",
             "国家信访局2024年政府采购授予大型企业的合同金额是多少？"]
    got = shared_answers(real_home, asked)
    for q in asked:
        assert got[q]["status"] == "not_found", got[q]["answer"]


# The item's head printed after the figure, inside its clause (「购置单价100万元以上的设备221台」): the purchase
# sentence the question names, not the holdings sentence before it nor a figure of another label.
HEAD_AFTER = {
    # xa-wjw 决算 p23 「2022年当年购置车辆5辆；购置单价100万元以上的设备221台（套）」
    "西安市卫健委2022年当年购置的设备是单价多少万元以上的？": ("100", 23, "购置单价100万元以上的设备"),
    # hz-qxj 预算 p10 「2026 年部门预算安排购置单位价值 100 万元以上设备 0 台（套）」 (p9 prints the holdings)
    "杭州市气象局2026年部门预算安排购置的设备是单位价值多少万元以上的？": ("100", 10, "安排购置单位价值 100 万元以上设备"),
}


def test_an_items_head_printed_after_the_figure_is_read(real_home):
    got = shared_answers(real_home, list(HEAD_AFTER))
    for q, (value, page, shown) in HEAD_AFTER.items():
        a = got[q]
        assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value), a["answer"]
        assert shown in a["answer"] and a["citations"][0]["page"] == page, (a["answer"], a["citations"])


# A line the question names short (基本养老保险缴费支出 of 机关事业单位基本养老保险缴费支出（项）): its stated
# change is read (ingest/changes.py, assistant/yearly.py); a name a table line prints as it is (事业单位医疗) is
# that line, never the longer 行政单位医疗 or 行政事业单位医疗.
SHORT_NAMED = {
    # hz-qxj 预算 p6 「机关事业单位基本养老保险缴费支出（项）135.62 万元…比上年执行数增加 3.06 万元」
    "杭州市气象局2026年基本养老保险缴费支出比上年执行数增加了多少？": ("3.06", "养老保险缴费基数调整", 6),
    # hz-qxj 预算 p7 「事业单位医疗（项）19.35 万元…比上年执行数增加 0.87 万元」 (行政单位医疗: 8.97)
    "杭州市气象局2026年事业单位医疗比上年执行数增加了多少？": ("0.87", "）事业单位医疗（项）", 7),
}


def test_a_line_named_short_reads_its_stated_change(real_home):
    got = shared_answers(real_home, list(SHORT_NAMED))
    for q, (value, shown, page) in SHORT_NAMED.items():
        a = got[q]
        assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value), a["answer"]
        assert shown in a["answer"] and a["citations"] and a["citations"][0]["page"] == page, (a["answer"], a["citations"])


# The module's other questions, asked in the session's shared batch too (conftest.shared_answers).
on_real_home(list(HEAD_AFTER), list(SHORT_NAMED))
