"""How users ask for a figure in plain words (assistant/spoken.py, synonyms.SPENT_ON and the 运行维护费 words): a
thing said before a spending verb (「公车这块要花多少钱」: the 公务用车购置及运行费, not the vehicles), an asking word
after a named figure (「公务接待能花多少」: that figure, not the whole budget), 「车辆日常的费用」 as the vehicles'
running costs, 预算数/预算金额 after a line as the line's figure (not a line of its own). Through the CLI on every
real PDF, questions other than the evaluation's, each figure read off its page."""

import pytest

from conftest import assert_cited_figure, on_real_home, shared_answers

# question → (value, unit, page of the first citation, words the answer shows)
CASES = {
    # 2026-hz-qxj-yusuan p21 表7 “三公”经费预算表: 合计行 公务用车购置及运行费 小计 18.00
    "杭州气象局2026年公车这块要花多少钱？": ("18.00", "万元", 21, "公务用车购置及运行费"),
    # 2026-gjxfj-yusuan p16 财政拨款预算“三公”经费支出表: 公务用车购置及运行费 小计 38.60
    "国家信访局2026年公车这一块还要花多少钱？": ("38.60", "万元", 16, "公务用车购置及运行费"),
    # 2025-ptq-czj-yusuan p21 “三公”经费和机关运行经费预算表: 公务用车购置及运行费 小计 blank (none planned)
    "普陀区财政局2025年公车上还要花多少钱？": ("0", "万元", 21, "公务用车购置及运行费"),
    # 2026-fz-swj-yusuan p24 一般公共预算“三公”经费支出预算表: 2、公务接待费 6.10 (not the 支出总计)
    "福州市商务局2026年公务接待能花多少？": ("6.10", "万元", 24, "公务接待费"),
    # 2024-gjxfj-juesuan p15 公开09表 决算数: 公务用车购置费 (blank) + 公务用车运行维护费 40.61
    "国家信访局2024年买公车加上车辆日常的费用，实际一共花了多少？": ("40.61", "万元", 15, "0 + 40.61"),
    # 2022-xa-wjw-juesuan p161 公开09表 决算数行: 公务用车运行维护费 450.96
    "西安卫健委2022年车子日常跑起来实际花了多少？": ("450.96", "万元", 161, "公务用车运行维护费"),
    # 2026-sz-jtysj-yusuan p29 表3 支出总表: 2140106 公路养护 支出总计 2,573.40
    "深圳交通运输局今年2140106公路养护的预算金额有多少？": ("2573.40", "万元", 29, "公路养护"),
}

# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(CASES))
def test_the_figure_the_words_ask(answers, question):
    assert_cited_figure(answers[question], *CASES[question])


def test_an_asking_word_after_a_figure_is_never_the_whole_budget(answers):
    """「能花多少」 after 公务接待 asks that figure: the 支出总计 is not cited."""
    a = answers["福州市商务局2026年公务接待能花多少？"]
    assert all("总计" not in (c["row"] or "") for c in a["citations"]), a["citations"]
