"""Several figures asked at once (assistant/tableanswer.table, assistant/wholeparts.asked_first,
assistant/wholes.sourced): 「A、B分别是多少」「各是多少」 answer each figure named, in the order asked, each cited,
the first being the answer's value — not the 类级科目 listed for 分别, and no sum for a 合计 that ends a name;
「X一共多少？其中Y多少？」 gives the whole first, then its part; 「财政拨款的年初结转和结余」 reads the line the
财政拨款 table prints as 年初财政拨款结转和结余. A sum (加起来) or a comparison (哪个多) stays one. Through the CLI on
the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the other figures said after it in order, the cited pages)
CASES = {
    # 2024-ptq-czj-juesuan p13 财政拨款收入支出决算总表: 年初财政拨款结转和结余 21.63, 年末财政拨款结转和结余 21.63
    # (the 收入支出决算总表 p7 prints 49.14 | 55.34 for all the department's money)
    "普陀区财政局2024年财政拨款的年初结转和结余、年末结转和结余分别是多少？":
        ("21.63", "万元", ["年末财政拨款结转和结余", "21.63"], {13}),
    # 2024-gjxfj-juesuan p7 收入支出决算总表: 年初结转和结余 1,615.24, 年末结转和结余 7,494.06 (no source named)
    "国家信访局2024年年初结转和结余和年末结转和结余各是多少？": ("1615.24", "万元", ["7494.06"], {7}),
    # 2026-gz-zfbgt-yusuan p17 表8: （一）因公出国（境）支出 215.60, （三）公务接待费支出 11.26
    "广州市人民政府办公厅2026年因公出国（境）费和公务接待费分别是多少？": ("215.60", "万元", ["11.26"], {17}),
    # 2026-hz-qxj-yusuan p21 表7 合计行: “三公”经费合计 24.02, 公务接待费 6.02 — the whole asked first
    "杭州市气象局2026年三公经费一共多少？其中公务接待费多少？": ("24.02", "万元", ["6.02"], {21}),
}
# 2026-hz-qxj-yusuan p20 表6: 公务用车运行维护费 18.00 + 公务接待费 6.02 = 24.02 — a sum asked stays a sum
SUM = "杭州市气象局2026年公务用车运行维护费和公务接待费加起来是多少？"
# 2026-gz-zfbgt-yusuan p17 表8: 215.60 > 11.26 — a comparison asked stays a comparison
COMPARE = "广州市人民政府办公厅2026年因公出国（境）费和公务接待费哪个多？"
on_real_home(list(CASES), SUM, COMPARE)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, SUM, COMPARE])


@pytest.mark.parametrize("question", list(CASES))
def test_each_figure_asked_is_said_the_first_is_the_value(answers, question):
    value, unit, after, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert "类级科目" not in a["answer"], "分别 asks the figures named, not the 类 listed"
    at = a["answer"].find(value)
    for word in after:  # in the order asked
        nxt = a["answer"].find(word, at + 1)
        assert nxt > 0, (word, a["answer"])
        at = nxt
    assert len(a["citations"]) >= 2 and {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_a_sum_asked_is_still_summed(answers):
    a = answers[SUM]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("24.02"), a["answer"]
    assert "18.00 + 6.02 = 24.02" in a["answer"] and {c["page"] for c in a["citations"]} == {20}, a


def test_a_comparison_asked_is_still_compared(answers):
    a = answers[COMPARE]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("215.60"), a["answer"]
    assert "更多" in a["answer"] and {c["page"] for c in a["citations"]} == {17}, a


# A figure and its change asked in clauses of their own: each stated, the first asked is the value, every figure
# in Answer.parts in the order asked (the scorer passes a gold written for either: assistant/evaluate.py).
# question → [(value, unit) in the order asked], the formula shown, the cited pages
TWO_ASKED = {
    # 2026-sz-jtysj-yusuan p16: “三公”经费预算 147.90 万元，较2025年年初预算减少 28.11 万元 → 2025: 147.90 + 28.11
    "深圳市交通运输局2025年的“三公”经费预算是多少？2026年比它少了多少？":
        ([("176.01", "万元"), ("28.11", "万元")], "147.90 + 28.11 = 176.01", {16}),
    # 2026-bj-czj-yusuan-shuoming p8: 2026年财政拨款“三公”经费预算 223.80 万元，比2025年…年初预算减少 32.23 万元
    "北京市财政局2026年“三公”经费是多少？比上年减少了多少？": ([("223.80", "万元"), ("32.23", "万元")], None, {8}),
    # 2024-gjxfj-juesuan p7 收入支出决算总表 总计 22,066.59; 2026-gjxfj-yusuan p5 部门收支总表 支出总计 50,616.94
    "国家信访局2024年决算的支出总计是多少？2026年预算的支出总计比它多了多少？":
        ([("22066.59", "万元"), ("28550.35", "万元")], "50616.94 − 22066.59 = 28550.35", {5, 7}),
}
# 2024-gjxfj-juesuan p7 年末结转和结余 7,494.06; 2026-gjxfj-yusuan p6 部门收入总表 合计 上年结转 2,254.12: each term
# read in the document its year names (the 2024 document's own 上年结转 sentence is not the 2026 budget's)
EACH_YEAR = "国家信访局2024年决算的年末结转和结余，和2026年预算里的上年结转相比，差多少？"
on_real_home(list(TWO_ASKED), EACH_YEAR)


@pytest.mark.parametrize("question", list(TWO_ASKED))
def test_two_figures_asked_are_each_stated_the_first_is_the_value(real_home, question):
    figures, formula, pages = TWO_ASKED[question]
    a = shared_answers(real_home, [question])[question]
    assert a["status"] == "answered", a["answer"]
    assert [(Decimal(p["value"]), p["unit"]) for p in a["parts"]] == [(Decimal(v), u) for v, u in figures], a
    assert (Decimal(a["value"]), a["unit"]) == (Decimal(figures[0][0]), figures[0][1]), a["answer"]
    at = -1
    for v, _ in figures:  # each stated in the text, in the order asked
        at = a["answer"].find(v, at + 1)
        assert at >= 0, (v, a["answer"])
    assert formula is None or formula in (a["calculation"] or ""), a["calculation"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_each_year_is_read_in_its_own_document(real_home):
    a = shared_answers(real_home, [EACH_YEAR])[EACH_YEAR]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("5239.94"), a["answer"]
    assert "7494.06 − 2254.12 = 5239.94" in a["calculation"], a["calculation"]
    assert [(c["document"], c["page"]) for c in a["citations"]] == [("国家信访局 2024年部门决算", 7),
                                                                    ("国家信访局 2026年部门预算", 6)], a["citations"]
    assert "年末结转和结余" in a["answer"] and "上年结转" in a["answer"], a["answer"]
