"""A budget line said otherwise than printed: with one wrong character (assistant/misspelt.py ``read_line``, the
answer saying how it was read), by its function code written in pieces (「201-40-04」, assistant/vocab.normalize),
in traditional characters with its code in brackets (the code says a table's line, not a performance form's
project that shares its words: assistant/perfmask.py). Through the CLI on the real PDFs; each figure read off its
page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the cited page, the note of the reading or None)
CASES = {
    # 2026-hz-qxj-yusuan p17 表3 支出预算总表: 气象事业机构 650.68 (万元); 沟 said for 构
    "杭州市气象局2026年气象事业机沟支出是多少万元？": ("650.68", "万元", 17, "（问题中的“气象事业机沟”按“气象事业机构”理解）"),
    # 2026-gz-zfbgt-yusuan p8 表3 本年支出总体情况表: 2010301 行政运行 6,853.85 (万元); 形 said for 行
    "广州市人民政府办公厅2026年行政运形是多少万元？": ("6853.85", "万元", 8, "（问题中的“行政运形”按“行政运行”理解）"),
    # 2026-gjxfj-yusuan p7 部门支出总表: 2014004 信访业务 合计 2,475.01 (万元); the code in full-width-dashed pieces
    "国家信访局2026年部门支出总表中，201－40－04这一项合计多少万元？": ("2475.01", "万元", 7, None),
    # the same line, the question in traditional characters with the code in brackets
    "國家信訪局2026年部門支出總表裡信訪業務（2014004）合計多少萬元？": ("2475.01", "万元", 7, None),
    # 2022-xa-wjw-juesuan p155 公开05表: 2100401 疾病预防控制机构 本年支出 31,342.45 (万元) — not the 5000 万元 a
    # performance text states of the project 西安市疾病预防控制中心… (p42)
    "西安市卫生健康委员会2022年决算里，疾病预防控制机构（2100401）在一般公共预算财政拨款支出决算表中支出多少万元？":
        ("31342.45", "万元", 155, None),
}
# a line said as printed is read as it stands: no note of a reading (2026-gz-zfbgt-yusuan p8, 6,853.85)
EXACT = "广州市人民政府办公厅2026年行政运行是多少万元？"
on_real_home(list(CASES), EXACT)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, EXACT])


@pytest.mark.parametrize("question", list(CASES))
def test_the_line_meant_is_answered(answers, question):
    value, unit, page, note = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]
    if note:
        assert a["answer"].startswith(note), a["answer"]
    else:
        assert "按“" not in a["answer"], a["answer"]


def test_a_line_said_as_printed_is_not_reread(answers):
    a = answers[EXACT]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal("6853.85"), a["answer"]
    assert "理解）" not in a["answer"], a["answer"]
