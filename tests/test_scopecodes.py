"""Words that say where or as what a line is read, and lines read in the tables or groups a question names:

- a code said with its kind and the document's own name for itself (「部门预算里，功能分类科目2050803…」,
  「决算里，经济分类科目30211…」): no line of their own (assistant/codewords.py);
- one line in each table named by number, summed (assistant/pertable.py);
- a printed total asked with the asker's own sum after it: the total, the parts' sum beside it (assistant/ownsum.py);
- a 款 the table prints only as its 项 lines: their sum (assistant/subjectparts.py);
- a group's lines picked by a word their names share, summed (assistant/groupwords.py).

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the first citation's page, every cited page, words the answer shows)
CASES = {
    # 2021-xa-xcb-yusuan p24 表5: 2050803 培训支出 1,096,000.00 元 = 109.60 万元 (the 收支总表 prints 一、部门预算)
    "中共西安市委宣传部2021年部门预算里，功能分类科目2050803“培训支出”安排了多少万元？":
        ("109.60", "万元", 24, None, "培训支出"),
    # 2024-gjxfj-juesuan p12 公开06表 基本支出决算表: 30211 差旅费 26.53 万元
    "国家信访局2024年决算里，经济分类科目30211“差旅费”花了多少？": ("26.53", "万元", 12, {12}, "差旅费"),
    # 2026-fz-swj-yusuan p21 一般公共预算基本支出经济分类情况表: 30216 培训费 1.00 万元
    "福州市商务局2026年部门预算中，支出经济分类30216培训费是多少？": ("1.00", "万元", 21, {21}, "培训费"),
    # 2026-gz-zfbgt-yusuan p14 表6 [30216]培训费 18.80; p16 表7 [30216]培训费 22.29: 41.09 万元
    "广州市人民政府办公厅2026年表6里的培训费和表7里的培训费合计多少？": ("41.09", "万元", 14, {14, 16}, "18.80 + 22.29"),
    # p14 表6 [30211]差旅费 10.20; p16 表7 [30211]差旅费 291.15: 301.35 万元
    "广州市府办公厅2026年表6（基本支出）与表7（项目支出）中的差旅费一共多少？": ("301.35", "万元", 14, {14, 16}, "10.20 + 291.15"),
    # p14 表6 合计 14,913.65 printed; [301] 10,613.19 + [302] 903.26 + [303] 3,397.19 = 14,913.64 (p14–15)
    "广州市人民政府办公厅2026年一般公共预算基本支出情况表的合计是多少？可我把工资福利支出、商品和服务支出、对个人和家庭的补助加起来是14913.64。":
        ("14913.65", "万元", 14, {14, 15}, "14913.64"),
    # 2026-bj-czj-yusuan-baobiao p9 预算05表 (项 lines only, two units): 2101101 735.661668 + 2101103 225.202572
    # + 2101102 838.206912 + 2101103 256.593960 = 2055.665112 万元 (21011 行政事业单位医疗 is printed nowhere)
    "北京市财政局2026年“行政事业单位医疗”这一款安排了多少？": ("2055.665112", "万元", 9, {9}, "21011"),
    # the same 款 said without its level word: its name is the classification's (21011), printed nowhere in the document
    "北京市财政局2026年行政事业单位医疗总共安排多少钱？": ("2055.665112", "万元", 9, {9}, "21011"),
    # 2026-sz-jtysj-yusuan p12 (五)6 轨道交通管理: 12号线 PPP 项目运营期管理项目 133,006.31 + 13号线 … 23,260.74
    # = 156,267.05 万元 (4号线三期工程运营管理项目 18,262.82 is no PPP project)
    "深圳市交通运输局2026年轨道交通管理中，几条PPP项目的运营期管理费用一共多少？":
        ("156267.05", "万元", 12, {12}, "133006.31 + 23260.74"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_line_is_read_where_the_question_says(answers, question):
    value, unit, first, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"] or shown in (a.get("calculation") or ""), a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == first, a["citations"]
    if pages is not None:
        assert {c["page"] for c in a["citations"]} == pages, a["citations"]
