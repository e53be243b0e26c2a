"""Items the narrative lists after 「其中」 (assistant/named.py): 「X 万元，主要用于…。其中，A a 万元，B b 万元…」 — one
part looked up in the user's words (a 给 before it, a 的 inside its name), two parts' multiple or difference, a
short name sharing the other's tail (「12号线…是13号线的几倍」). Through the CLI on the real PDFs; questions other
than the evaluation's, each value read off its page."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2026-sz-jtysj-yusuan p12: 「5.交通安全应急管理 434.31 万元，…。其中，应急管理业务相关经费 291.00 万元，交通安全
    # 相关经费 67.41 万元，应急交通设备管养经费 75.90 万元。」
    "深圳市交通运输局2026年给应急交通设备的管养经费有多少？": "75.90",
    "深圳市交通运输局2026年应急管理业务相关经费是交通安全相关经费的几倍？": "4.32",  # 291.00 ÷ 67.41
    # p12: 「其中，深圳市轨道交通 12 号线 PPP 项目运营期管理项目 133,006.31 万元，深圳市轨道交通 13 号线 PPP 项目运营期
    # 管理项目 23,260.74 万元，深圳市轨道交通 4 号线三期工程运营管理项目 18,262.82 万元，…」
    "深圳市交通运输局2026年4号线三期工程运营管理项目比13号线PPP项目运营期管理少多少钱？": "4997.92",
    "深圳市交通运输局2026年13号线PPP项目运营期管理是12号线的几倍？": "0.17",  # 23260.74 ÷ 133006.31
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(ANSWERED))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_a_listed_part_is_read_from_its_sentence(answers, question):
    a = answers[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(ANSWERED[question]), a["answer"]
    assert a["citations"] and all(c["page"] == 12 for c in a["citations"]), a["citations"]
