"""How users name a figure (assistant/spoken.py and the words of assistant/synonyms.py): a named subject before a
colloquial whole word (「三公经费一共多少钱」), a 决算's 「到底花了多少」 with nothing named, a whole said after a list
of its parts, 「买新公车」, a grand total or a table's title said before 中 as the operands' scope, 「整个预算」 as the
whole of a share, a bare 加 between two figures. Through the CLI on every real PDF, questions other than the
evaluation's, each figure read off its page."""
from decimal import Decimal

import pytest

from conftest import assert_cited_figure, on_real_home, shared_answers

# question → (value, unit, page of the first citation, words the answer shows)
CASES = {
    # 2026-fz-swj-yusuan p24 一般公共预算“三公”经费支出预算表: 合计 84.10 (not the 支出总计)
    "福州市商务局2026年三公经费一共多少钱？": ("84.10", "万元", 24, "三公"),
    # 2022-xa-wjw-juesuan p161 公开09表: “三公”经费 小计 决算数 587.55
    "西安卫健委2022年三公经费总共花了多少钱？": ("587.55", "万元", 161, "三公"),
    # 2024-gjxfj-juesuan p7 公开01表: 本年支出合计 14,572.53 (what was spent, not the 支出总计 with 结转)
    "国家信访局2024年一年到底花了多少钱？": ("14572.53", "万元", 7, "本年支出合计"),
    # 2026-gjxfj-yusuan p16 财政拨款预算“三公”经费支出表: 合计 112.61 (出国 68.50, 公车 38.60, 接待 5.51)
    "国家信访局2026年因公出国、公车、接待这三项三公经费一共安排了多少？": ("112.61", "万元", 16, "三公"),
    # 2026-fz-swj-yusuan p24: 因公出国（境）费用 70.00 + 公务接待费 6.10 (two of the three parts listed)
    "福州市商务局2026年出国和招待这些三公经费一共多少？": ("76.10", "万元", 24, "70.00 + 6.10"),
    # 2022-xa-wjw-juesuan p161 公开09表: 公务用车购置费 决算数 136.48
    "西安卫健委2022年购买公车花了多少？": ("136.48", "万元", 161, "公务用车购置费"),
    # 2024-gjxfj-juesuan p9 公开03表 合计行: 基本支出 11,073.11 ÷ 项目支出 3,499.42
    "国家信访局2024年本年支出合计里，基本支出是项目支出的几倍？": ("3.16", "倍", 9, "11073.11 ÷ 3499.42"),
    # 2024-gjxfj-juesuan p23 说明: 财政拨款基本支出 10234.37, 人员经费 7967.72 (公开06表 p12 the same)
    "国家信访局2024年一般公共预算财政拨款基本支出中，人员经费占比多少？": ("77.85", "%", None, "7967.72 ÷ 10234.37"),
    # 2026-gjxfj-yusuan p5 部门收支总表: 一般公共服务支出 47,179.30 ÷ 支出总计 50,616.94
    "国家信访局2026年一般公共服务支出占整个预算的百分之多少？": ("93.21", "%", 5, "47179.30 ÷ 50616.94"),
    # 2026-fz-swj-yusuan p24 三公 合计 84.10 + p40 说明 机关运行经费 337.82
    "福州市商务局2026年三公经费加机关运行经费是多少？": ("421.92", "万元", 24, "84.10 + 337.82"),
}

# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_the_figure_the_words_name(answers, question):
    assert_cited_figure(answers[question], *CASES[question])


def test_a_named_subject_is_never_the_whole_budget(answers):
    """「一共多少钱」 after 三公经费 asks the 三公 total: the 支出总计 is not cited."""
    a = answers["福州市商务局2026年三公经费一共多少钱？"]
    assert all("总计" not in (c["row"] or "") for c in a["citations"]), a["citations"]


def test_a_bare_plus_asks_the_sum(sample_home):
    """「A加B」 with no 一共/加起来: the sum (the sample: p19 “三公”经费 6.20 + p15 人员经费 321.34)."""
    from conftest import ask_batch
    q = "人员经费加三公经费是多少？"
    a = ask_batch(sample_home, [q])[q]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("327.54") and a["unit"] == "万元", a["answer"]
    assert "321.34 + 6.20" in a["answer"] and {c["page"] for c in a["citations"]} == {15, 19}, a["citations"]
