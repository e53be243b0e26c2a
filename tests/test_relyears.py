"""Years said relative to the document (assistant/relyears.py): 「明年」「前年」 read against the chosen document's
year, and a year asked that is neither the document's nor the year before it. Each figure the document prints
is of its own year (and, where the narrative states a change, of the year before): asked for another year, the
answer is not found, never the document's own figure stated as that year's. Through the CLI on the real PDFs.
"""
import pytest

from conftest import on_real_home, shared_answers

# question → the year the answer must say it read
REFUSED = {
    # 2026-bj-czj-yusuan-baobiao p14 预算09表 prints 2026's “三公” 223.799250 only: 明年 = 2027, no document of it
    "北京市财政局明年的“三公”经费预算是多少？": "2027",
    # 2026-fz-swj-yusuan p24 prints 2026's 84.10: 前年 = 2024, the corpus holds no 福州市商务局 2024 document
    "福州市商务局前年的“三公”经费预算是多少？": "2024",
    # 2025-ptq-czj-yusuan p21 prints 2025's 0.95; 2023 is neither its year nor the year its changes compare with
    "按普陀区财政局2025年部门预算，前年（2023年）的“三公”经费预算是多少？": "2023",
    "普陀区财政局2025年部门预算里，2023年的“三公”经费预算是多少？": "2023",
    # the year said chose the document (国家信访局 2026 预算); the year meant is asked of it, not of the 2024 决算
    "国家信访局2026年预算里，明年的基本支出是多少？": "2027",
}
# 以前年度 is no 前年: 2026-gjxfj-yusuan prints 使用非财政拨款结余 / 上年结转 lines; the word must not become a year
KEPT = "国家信访局2026年以前年度结余安排了多少？"
on_real_home(list(REFUSED), KEPT)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*REFUSED, KEPT])


@pytest.mark.parametrize("question", list(REFUSED))
def test_another_year_is_not_found(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]
    assert a["value"] is None
    assert REFUSED[question] in a["answer"], a["answer"]


def test_relative_word_is_said_as_the_year_it_means(answers):
    a = answers["北京市财政局明年的“三公”经费预算是多少？"]
    assert "“明年”即 2027 年" in a["answer"], a["answer"]


def test_earlier_years_word_is_no_year(answers):
    a = answers[KEPT]
    assert "即 2024 年" not in a["answer"] and "2024 年的数" not in a["answer"], a["answer"]
