"""Two questions in one sentence, the second pointing back at the first (assistant/compound.py): 「X一共多少？其中Y
多少？」「X有多少？占…几成？」「X多少？主要买什么？」. Each part is asked alone (the second with the first's subject),
the answer states both in the order asked; value, unit and status are the first part's, the second part's figure
is one of Answer.parts. A single question with 占…几成 is not split. Also the two readings the parts needed:
a line split into rows of 0 in an empty table is no figure (assistant/splits.py), and a part of a stated whole
said otherwise than printed (assistant/statedpart.py). Through the CLI on the real PDFs; each figure read off its
page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, the second part's figure or None, words the answer must hold)
CASES = {
    # 2021-xa-xcb-yusuan 表6 p27: 303 对个人和家庭的补助 64,728.00; 30302 退休费 55,440.00 (元)
    "西安市委宣传部2021年对个人和家庭的补助一共多少？其中退休费多少？": ("64728.00", "元", ("55440.00", "元"), "退休费"),
    # 2024-ptq-wanlijiedao-yusuan p32: 政府采购预算1662.44万元，其中…服务752.59万元 → 752.59 ÷ 1662.44 = 45.27 %
    "万里街道2024年政府采购预算里服务类有多少？占整个采购预算的几成？": ("752.59", "万元", ("45.27", "%"), "1662.44"),
    # the same sentence, another part and wording: 货物93.98 → 93.98 ÷ 1662.44 = 5.65 %
    "万里街道2024年政府采购预算里货物类有多少？占政府采购预算的比例是多少？": ("93.98", "万元", ("5.65", "%"), "货物"),
    # 2026-gz-zfbgt-yusuan p26: 本年度拟购置固定资产64.52万元，主要是办公设备购置、信息网络及软件购置更新等
    "广州市政府办公厅2026年打算购置多少钱的固定资产？主要买什么？": ("64.52", "万元", None, "信息网络及软件购置更新"),
    # 2026-ptq-sfj-yusuan p19: 301 工资福利支出 23,084,662.00; 30102 津贴补贴 12,971,818.00 (元) — 「占多少钱」 an amount
    "普陀区司法局2026年基本支出里工资福利支出一共多少？其中津贴补贴占多少钱？":
        ("23084662.00", "元", ("12971818.00", "元"), "津贴补贴"),
    # 2025-ptq-czj-yusuan p19: 301 工资福利支出 22,109,516.00; 30102 津贴补贴 13,012,070.00 (元)
    "普陀区财政局2025年基本支出里工资福利支出一共多少？其中津贴补贴占多少钱？":
        ("22109516.00", "元", ("13012070.00", "元"), "津贴补贴"),
    # 2022-xa-wjw-juesuan p22: 政府采购支出总额272,067.69万元…服务支出73,475.73万元 → 27.01 %
    "西安卫健委2022年政府采购支出里服务采购有多少？占整个政府采购的百分之几？": ("73475.73", "万元", ("27.01", "%"), "服务"),
    # 2024-ptq-czj-juesuan p17: 310 资本性支出 13.58; 31002 办公设备购置 13.58 — the part cited on its own line
    "普陀财政局2024年买东西的资本性支出花了多少？其中办公设备花了多少？": ("13.58", "万元", ("13.58", "万元"), "31002 办公设备购置"),
    # the same, the second part pointing back with 这些钱
    "广州市政府办公厅2026年打算购置多少钱的固定资产？这些钱主要买什么？": ("64.52", "万元", None, "办公设备购置"),
    # 2026-gjxfj-yusuan p16 “三公”经费支出表 合计 112.61; p24 the narrative says what each part is used for
    "国家信访局2026年三公经费预算多少？主要用在哪些方面？": ("112.61", "万元", None, "主要用于"),
}
# One question, not split: 「X占Y的几成」 (p19/p20: 23,084,662.00 ÷ 25,741,666.44 = 89.68 %)
SINGLE = {
    "普陀区司法局2026年工资福利支出占基本支出的几成？": ("89.68", "%"),
    # 2021-xa-xcb-yusuan 表1 p16 / 表6 p27: 64,728.00 — never 表9's 政府性基金 rows of 0.00 (p32)
    "西安市委宣传部2021年对个人和家庭的补助是多少？": ("64728.00", "元"),
    # 2022-xa-wjw-juesuan p22: 政府采购服务支出73,475.73万元, said 「服务采购」
    "西安卫健委2022年政府采购支出里服务采购有多少？": ("73475.73", "万元"),
}
# 2026-hz-qxj-yusuan states no money for the fixed assets it buys (p10 counts vehicles and devices only)
NOT_FOUND = "杭州市气象局2026年打算购置多少钱的固定资产？主要买什么？"
on_real_home(list(CASES), list(SINGLE), NOT_FOUND)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *SINGLE, NOT_FOUND])


@pytest.mark.parametrize("question", list(CASES))
def test_both_parts_answered_first_is_value(answers, question):
    value, unit, second, words = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert words in a["answer"]
    assert a["citations"], a["answer"]  # both parts may cite the one sentence (cited once)
    if second is not None:
        figures = [(Decimal(p["value"]), p["unit"]) for p in a.get("parts", [])]
        assert figures[0] == (Decimal(value), unit), a["answer"]
        assert (Decimal(second[0]), second[1]) in figures[1:], a["answer"]


@pytest.mark.parametrize("question", list(SINGLE))
def test_single_question_not_split(answers, question):
    value, unit = SINGLE[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert not a.get("parts"), a["answer"]


def test_first_part_not_found_is_said(answers):
    a = answers[NOT_FOUND]
    assert a["status"] == "not_found", a["answer"]
    assert a["value"] is None
    assert "没有找到" in a["answer"]
