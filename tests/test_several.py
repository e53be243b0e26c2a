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
