"""Questions in two parts, or whose asking word decides the answer's shape (assistant/twopart.py, reasons.py,
sumchange.py, guard.py): 「比上年少了多少，原因是什么」 gives the figure and the reason; 「分为哪几类，哪类最多」 the
parts and the largest (the value the ranking's); 「A和B加起来比上年增加了多少」 the change of the sum; 「委托给哪几家
X」 asks names — where the document names none, not found (never a count or a sum in their place). Through the CLI
on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, words the answer shows, the cited pages)
FIGURES = {
    # 2026-hz-qxj-yusuan p6: 行政单位离退休（项）193.24 万元 「比上年执行数增加 43.74 万元，增长 29.3%，主要原因是退休人数增加」
    "杭州市气象局2026年行政单位离退休支出比上年执行数多了多少？原因是什么？":
        ("43.74", "万元", "退休人数增加", {6}),
    # 2026-fz-swj-yusuan p26: 一般公共预算拨款支出 23195.94 万元 「比上年减少 887.79 万元，下降 3.69%，主要原因是压减基本支出」
    "福州市商务局2026年一般公共预算拨款支出比上年少了多少，原因是什么？":
        ("887.79", "万元", "压减基本支出", {26}),
    # 2026-ptq-sfj-yusuan p8: 「收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元」 and
    # 「财政拨款收入支出增加的主要原因是工作量增加」: the whole budget asked, stated only as its one part
    "普陀区司法局2026年预算比上年增加了多少，为什么？":
        ("793.14", "万元", "工作量增加", {8}),
    # the same page: 「支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2026年预算增加793.14万元」 — the whole
    # asked without a why, the part that is all of it said so
    "普陀区司法局2026年支出预算比上年增加了多少？":
        ("793.14", "万元", "全部是财政拨款支出预算", {8}),
    # 2026-hz-qxj-yusuan p5 (printed 4): 「2026 年一般公共预算当年拨款 5,753.07 万元，比上年执行数增加 13.59 万元，增长 0.2%，
    # 与上年基本持平」 and no reason beside it: the figure, said to have none (not 离退休's reason of p6)
    "杭州市气象局2026年一般公共预算当年拨款比上年执行数增加了多少，为什么？":
        ("13.59", "万元", "没有在这一变化旁说明原因", {5}),
    # 2026-sz-jtysj-yusuan p35 表5 项目支出总表: 交通运输专项资金-低空经济领域 5,060.00 / 港航业领域 18,791.27 / 绿色交通
    # 建设领域 1,200.00 / 民航业领域 102,420.00 / 现代物流业领域 27,253.90 (万元): five parts, 民航业领域 the largest
    "深圳市交通运输局2026年交通运输专项资金分为哪几类，哪类最多？":
        ("102420.00", "万元", "民航业领域", {35}),
    # 2026-hz-qxj-yusuan p7: 气象事务（款）行政运行（项）「比上年执行数增加 252.00 万元」; 气象服务（项）「比上年执行数增加
    # 127.16 万元」: 252.00 + 127.16 = 379.16
    "杭州市气象局2026年气象事务的行政运行和气象服务加起来比上年执行数增加了多少？":
        ("379.16", "万元", "252.00 + 127.16", {7}),
    # 2021-xa-xcb-yusuan p41 表13 (元): 会议费 2020年 462,000.00 → 2021年 320,000.00; 培训费 205,400.00 → 1,096,000.00:
    # (320000 + 1096000) − (462000 + 205400) = 748,600.00
    "西安市委宣传部2021年会议费和培训费加起来比上年增加了多少？":
        ("748600.00", "元", "1416000.00", {41}),
}
# Names asked that the document does not print: 2026-hz-qxj-yusuan prints 培训费 28.22 万元 (表6 p20) and no training
# body; 2026-sz-jtysj-yusuan its 政府采购 total and no supplier.
NOT_NAMED = [
    "杭州市气象局2026年的培训费具体付给了哪些培训机构？",
    "深圳市交通运输局2026年的政府采购是向哪几家供应商采购的？",
]
on_real_home(list(FIGURES), NOT_NAMED)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*FIGURES, *NOT_NAMED])


@pytest.mark.parametrize("question", list(FIGURES))
def test_both_parts_are_answered_with_the_figure_as_value(answers, question):
    value, unit, shown, pages = FIGURES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"] + (a["calculation"] or ""), a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_the_count_part_is_said_beside_the_ranking(answers):
    a = answers["深圳市交通运输局2026年交通运输专项资金分为哪几类，哪类最多？"]
    assert "5 个" in a["answer"] and "最多的是民航业领域" in a["answer"], a["answer"]


@pytest.mark.parametrize("question", NOT_NAMED)
def test_names_the_document_does_not_print_are_not_found(answers, question):
    a = answers[question]
    assert a["status"] == "not_found" and a["value"] is None, a["answer"]
