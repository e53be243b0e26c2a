"""The parts of a whole named in the question, ranked or shared (assistant/wholeparts.py _ranked_named,
assistant/rowsets.py _named_lines, assistant/units.py _share_of_total and whole_budget):

- 「货物、工程、服务哪类最多」 reads every part named — from the narrative's sentence or the 政府采购 table's
  lines — and answers the largest (or smallest) with its figure, never the first two only nor the lines under
  the first part;
- 「三公经费里，本级占百分之多少」 divides the unit's row by the table's 合计 row, same column;
- 「本级的预算多少」 of a unit printed in every table is its 支出总表 total, not one reading per table.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the word the answer names first, the cited pages)
CASES = {
    # 2024-ptq-wanlijiedao-yusuan p32: 货物预算93.98万元、工程预算815.87万元、服务预算752.59万元 — the third part
    # (服务) is read too, and 工程 is the largest
    "万里街道2024年政府采购预算中货物、工程、服务三类哪一类最多？": ("815.87", "万元", "工程", {32}),
    # 2022-xa-wjw-juesuan p22: 货物支出189,972.86、工程支出8,619.1、服务支出73,475.73 (万元): the smallest asked
    "西安市卫健委2022年政府采购支出里，货物、工程、服务哪个最少？": ("8619.1", "万元", "工程", {22}),
    # 2026-gjxfj-yusuan p26: 货物预算2,315.5；工程预算417.8；服务预算1,575.09 (万元)
    "国家信访局2026年政府采购预算，货物、工程和服务哪类金额最大？": ("2315.5", "万元", "货物", {26}),
    # 2019-js-gaoyuan-yusuan p16 公开12表: 一、货物 A 1,637.72；二、工程 B 530.00；三、服务 C 3,059.87 (万元): the
    # three lines named ranked, not the lines under 货物 A
    "江苏省高级人民法院2019年政府采购预算的货物、工程、服务里，哪类最少？": ("530.00", "万元", "工程", {16}),
    # 2026-hz-qxj-yusuan p21 表7: 杭州市气象局 13.13 of 合计 24.02 (万元) → 54.66 %
    "杭州市气象局2026年三公经费预算，本级所占比例是多少？": ("54.66", "%", "杭州市气象局", {21}),
    # 2026-sz-jtysj-yusuan p27 表3 支出总表: 深圳市交通运输局（本级） 支出总计 388,763.56 万元 (not 表4's 11,826.97,
    # 表5's 376,936.60 …)
    "深圳市交通运输局（本级）2026年的预算有多少？": ("388763.56", "万元", "深圳市交通运输局", {27}),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_every_part_named_is_read(answers, question):
    value, unit, first, pages = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert first in a["answer"].split("：")[0], a["answer"]
    assert pages <= {c["page"] for c in a["citations"]}, a["citations"]
