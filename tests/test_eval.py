"""The evaluation: the scorer cannot be fooled, and the suite passes on the sample through the CLI."""
import json
import time
from decimal import Decimal

import pytest

from conftest import budgetqa
from assistant.answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, AskedFigure
from assistant.evaluate import Question, load_questions, score

NUMERIC = Question("t1", "人员经费占基本支出的比例是多少？", "ratio", expect=("83.59",), unit="%")
TEXT = Question("t2", "三公经费为什么减少？", "text", expect_any=("八项规定",))
REFUSE = Question("t3", "2021年的预算是多少？", "refusal", expect_status=NOT_FOUND)
WAN = Question("t9", "总共有多少预算？", "colloquial", expect=("25859.6", "25859.60"), unit="万元")
RANK = Question("t4", "哪一类支出最多？", "rank", expect=("8230.62",), unit="万元", expect_any=("农林水",))


def answer(status=ANSWERED, text="", value=None, unit=None):
    return Answer("q", status, text, None if value is None else Decimal(value), unit)


@pytest.mark.parametrize("q, a", [
    (NUMERIC, answer(value="83.58", unit="%")),                       # wrong number
    (NUMERIC, answer(value="83.59")),                                 # no unit
    (NUMERIC, answer(value="83.59", unit="万元")),                     # wrong unit
    (NUMERIC, answer(text="占比为 83.59%", unit="%")),                  # right number, wrong field
    (NUMERIC, answer(status=NOT_FOUND, text="83.59%")),               # a refusal where an answer was due
    (NUMERIC, answer(status=AMBIGUOUS, value="83.59", unit="%")),     # ambiguous is not an answer
    (TEXT, answer(text="文件没有说明原因")),                              # passage missing
    (TEXT, answer(status=NOT_FOUND, text="八项规定")),                   # refused
    (REFUSE, answer(value="8815.77", unit="万元", text="8815.77")),     # a guess where a refusal was due
    (RANK, answer(value="8230.62", unit="万元", text="最多的是一般公共服务支出")),  # right figure, wrong name
    (Question("t7", "x", "count", expect=("2",), unit="个"), answer(value="2", unit="人")),  # people are no units
    (WAN, answer(value="258596101.79", unit="元")),                    # another amount, in 元
    (WAN, answer(value="25859.6", unit="%")),                          # the figure, but no money
    (WAN, answer(value="25859.64", unit="万元")),                       # another amount, as fine as the gold's
    (Question("t11", "x", "lookup", expect=("3",), unit="万元"), answer(value="3.4", unit="万元")),  # whole units
])
def test_scorer_fails_wrong_answers(q, a):
    ok, why = score(q, a)
    assert not ok and why


@pytest.mark.parametrize("q, a", [
    (NUMERIC, answer(value="83.59", unit="%")),
    (Question("t5", "x", "change", expect=("3", "3.00"), unit="万元"), answer(value="3.00", unit="万元")),
    (TEXT, answer(text="原因是认真贯彻落实中央“八项 规定”要求")),
    (REFUSE, answer(status=NOT_FOUND)),
    (RANK, answer(value="8230.62", unit="万元", text="最多的是农林水支出")),
    # 「下属 2 家预算单位」: 家 and 个 count the same units
    (Question("t6", "x", "count", expect=("2",), unit="个"), answer(value="2", unit="家")),
    # the same amount printed in 元 by the table the answer cites, for a gold the narrative rounds in 万元
    (WAN, answer(value="258596001.79", unit="元")),
    # 「单价100万元以上设备2台（套）」: the bracketed alternative is no other unit
    (Question("t10", "x", "count", expect=("2",), unit="台（套）"), answer(value="2", unit="台")),
    (Question("t8", "x", "lookup", expect=("38454900.00",), unit="元"), answer(value="3845.49", unit="万元")),
    # a difference of a table in 元 and one in 万元, worked exactly in 万元, for the gold rounded to the cent
    (Question("t12", "x", "difference", expect=("181.37",), unit="万元"), answer(value="181.37058", unit="万元")),
])
def test_scorer_passes_right_answers(q, a):
    assert score(q, a)[0]


def test_a_question_asking_two_figures_passes_on_the_part_its_gold_answers():
    """「2025年的三公是多少？2026年比它少了多少」: the answer gives both (Answer.parts), the first as its value; a gold
    written for either passes — a number only the text says, or a part in another unit, does not."""
    q = Question("t13", "x", "change", expect=("489.77",), unit="万元")
    both = answer(value="716.63", unit="万元", text="2025年 716.63 万元；减少 489.77 万元")
    assert not score(q, both)[0]  # the text saying 489.77 is no figure answered
    both.parts = [AskedFigure("2025年三公经费", Decimal("716.63"), "万元"), AskedFigure("增减", Decimal("489.77"), "万元")]
    assert score(q, both)[0]
    assert score(Question("t14", "x", "change", expect=("716.63",), unit="万元"), both)[0]
    assert not score(Question("t15", "x", "change", expect=("489.77",), unit="%"), both)[0]
    assert not score(Question("t16", "x", "change", expect=("226.86",), unit="万元"), both)[0]


def test_question_set_is_well_formed():
    qs = load_questions()
    assert len(qs) >= 200
    assert len({q.id for q in qs}) == len(qs)
    cats = {q.category for q in qs}
    for c in ("lookup", "sum", "difference", "ratio", "multiple", "compare", "rank", "count", "list", "change",
              "text", "performance", "refusal", "colloquial", "ambiguous"):
        assert c in cats
    for q in qs:
        for v in q.expect:
            Decimal(v)


def test_eval_suite_on_the_sample(sample_home, tmp_path):
    start = time.perf_counter()
    report_file = tmp_path / "report.html"
    out = budgetqa("eval", "--json", "--out", str(report_file), "--min-accuracy", "0.95", home=sample_home)
    elapsed = time.perf_counter() - start
    report = json.loads(out.stdout)
    assert report["accuracy"] >= 0.95
    assert report["categories"]["lookup"]["accuracy"] == 1.0
    assert report["total"] == len(report["results"]) >= 200
    assert {"id", "question", "category", "expected", "answer", "passed"} <= set(report["results"][0])
    assert report["retrieval"]["recall@5"] >= 0.8
    assert elapsed < 120
    html = report_file.read_text(encoding="utf-8")
    assert "<svg" in html and "失败题目" in html
    print(f"\neval: accuracy {report['accuracy']:.2%} in {elapsed:.1f}s; " +
          ", ".join(f"{k} {v['accuracy']:.0%}" for k, v in report["categories"].items()))


def test_eval_exits_non_zero_below_the_threshold(sample_home, tmp_path):
    qs = tmp_path / "q.jsonl"
    qs.write_text(json.dumps({"id": "x", "question": "基本支出是多少？", "category": "lookup", "expect": ["1.00"],
                              "unit": "万元"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = budgetqa("eval", "--questions", str(qs), "--min-accuracy", "0.5", home=sample_home, check=False)
    assert out.returncode == 1
    assert "[x]" in out.stdout and "384.41" in out.stdout
