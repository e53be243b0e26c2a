"""Choosing the document(s) in the words users use (assistant/documents.py) and a place in a corpus-wide ranking
(assistant/across.py): a department's short forms derived from its name (人民政府办公厅 → 市政府办公厅, 市府办); a region
the corpus holds one department of (深圳 → 深圳市交通运输局), a region of several staying ambiguous and a region
followed by an organ not held choosing nothing; 今年 as each department's latest year, so a name several
departments answer to (财政局) stays ambiguous; 「排第二」/「倒数第二」 the figure at that place; a count of vehicles
(几辆公务用车) read from the narrative, not refused as an unprinted money line. Through the CLI on every real PDF;
questions other than the evaluation's, each read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2026-gz-zfbgt-yusuan p17 表8 财政拨款安排的行政经费及“三公”经费预算表: 「（三）公务接待费支出 11.26」 (p14 30217 公务接待费
    # 11.26 as well)
    "广州市府办2026年公务接待费是多少？": ("11.26", "万元", "广州市人民政府办公厅"),
    # same page: 「行政经费 1,443.41」
    "市政府办公厅2026年行政经费是多少？": ("1443.41", "万元", "广州市人民政府办公厅"),
    # 2026-sz-jtysj-yusuan p46 表9 财政拨款“三公”经费支出表, 2026 年: 公务用车运行维护费 27.80 (p33 表4 the same)
    "深圳2026年公务用车运行维护费安排了多少？": ("27.80", "万元", "深圳市交通运输局"),
    # 2026-sz-jtysj-yusuan p16: 「现保有公务用车 17 辆。」
    "深圳市交通运输局目前保有多少辆公务用车？": ("17", "辆", "深圳市交通运输局"),
    # 2026-bj-czj-yusuan-baobiao p14 预算09表: 「“三公”经费财政拨款预算总额 223.799250」, second after 2026-gz p17 表8
    # 「“三公”经费 226.86」 (then 深圳 147.90, p46)
    "2026年各部门的三公经费排第二的是哪个部门？": ("223.799250", "万元", "北京市财政局"),
    # 2026-ptq-sfj-yusuan p10: 「支出总计 96,282,213.44」 元; only 2026-hz-qxj's 5876.67 万元 is less
    "2026年各部门的支出总计倒数第二是哪个部门？": ("9628.221344", "万元", "普陀区司法局"),
}
# 普陀 holds three departments (司法局, 财政局, 万里街道): no department is chosen by the region.
REGION_OF_SEVERAL = "普陀2026年三公经费是多少？"
# 财政局 is 北京市财政局 (2026 预算) and 普陀区财政局 (2024 决算, 2025 预算): 今年 is each one's latest, both listed.
LATEST_OF_TWO = "今年财政局的人员经费是多少？"
# 深圳 followed by an organ the corpus does not hold: not the 交通运输局's figure (147.90, p46).
ORGAN_NOT_HELD = "深圳市民政局2026年三公经费是多少？"


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home([*ANSWERED, REGION_OF_SEVERAL, LATEST_OF_TWO, ORGAN_NOT_HELD])


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_document_chosen_answers(answers, question):
    a = answers[question]
    value, unit, who = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert who in a["answer"], a["answer"]


def test_a_region_of_several_departments_stays_ambiguous(answers):
    assert answers[REGION_OF_SEVERAL]["status"] == "ambiguous", answers[REGION_OF_SEVERAL]["answer"]


def test_this_year_of_a_name_two_departments_share_is_ambiguous(answers):
    a = answers[LATEST_OF_TWO]
    assert a["status"] == "ambiguous", a["answer"]
    assert "北京市财政局" in a["answer"] and "普陀区财政局 2025" in a["answer"], a["answer"]


def test_a_region_before_an_organ_not_held_chooses_nothing(answers):
    a = answers[ORGAN_NOT_HELD]
    assert a["status"] != "answered" and a["value"] is None, a["answer"]


def test_a_refusal_sums_up_a_large_corpus_instead_of_listing_it():
    """At a city's hundred departments a refusal naming every document would be pages long: past a few dozen
    it gives the corpus's size and span (the departments of the name asked are named by ``documents.choose``)."""
    from types import SimpleNamespace

    from assistant.scope import corpus_summary
    docs = [SimpleNamespace(document=SimpleNamespace(department=f"第{i % 20}部门", year=2020 + i % 5, kind="预算"))
            for i in range(40)]
    assert corpus_summary(docs) == "语料库目前收录 40 份文件（20 个部门，2020–2024 年）。"
    assert corpus_summary(docs[:3]).startswith("语料库目前收录：第0部门 2020年部门预算；")
