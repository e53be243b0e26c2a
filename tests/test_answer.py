"""The answer engine through the real CLI and the real store, on the sample."""
import json
import re
from decimal import Decimal

import pytest

from conftest import budgetqa, jsonl
from assistant.engine import Engine
from assistant.evaluate import load_questions
from ingest.home import Home


def ask(home, question, env=None):
    return json.loads(budgetqa("ask", question, "--json", home=home, env=env).stdout)


def test_share_is_computed_with_its_formula_and_cited(sample_home):
    a = ask(sample_home, "人员经费占基本支出的比例是多少？")
    assert a["status"] == "answered"
    assert (a["value"], a["unit"]) == ("83.59", "%")
    assert a["calculation"] == "321.34 ÷ 384.41 = 83.59%"
    cited = {(c["table"], c["column"]) for c in a["citations"]}
    assert ("部门预算一般公共预算财政拨款基本支出表", "一般公共预算基本支出/人员经费") in cited
    assert all(c["document"] and c["page"] for c in a["citations"])
    assert set(a) == {"question", "status", "answer", "value", "unit", "calculation", "citations"}


@pytest.mark.parametrize("question, value, unit", [
    ("组织部今年一共能花多少钱？", "8815.77", "万元"),
    ("组织部今年有多少钱？", "8815.77", "万元"),
    ("社保这块今年安排了多少钱？", "75.10", "万元"),
    ("2080505是什么支出，多少钱？", "33.64", "万元"),
    ("项目支出是基本支出的几倍？", "21.93", "倍"),
    ("基本工资比津贴补贴多多少？", "64.89", "万元"),
    ("哪一类支出最多？", "8230.62", "万元"),
    ("村书记主任一肩挑的补贴标准是多少？", "36000", "元"),
    ("驻村工作队经费标准是多少？", "8", "万元/队"),
    ("2022年的基本支出预算是多少？", "363.77", "万元"),
    ("收支总表里的事业收入是多少？", "0", "万元"),
])
def test_table_questions(sample_home, question, value, unit):
    a = ask(sample_home, question)
    assert a["status"] == "answered", a
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a
    assert a["citations"], a


@pytest.mark.parametrize("question", ["2021年的预算是多少？", "县教育局2023年的部门预算是多少？",
                                      "组织部部长每月工资多少钱？", "2023年组织部实际支出（决算数）是多少？"])
def test_refusals_say_what_the_corpus_holds(sample_home, question):
    a = ask(sample_home, question)
    assert a["status"] == "not_found" and a["value"] is None
    assert "中共青龙满族自治县委员会组织部 2023年部门预算" in a["answer"]


def test_ambiguity_names_the_readings(sample_home):
    a = ask(sample_home, "项目支出是多少？")
    assert a["status"] == "ambiguous" and a["value"] is None
    for figure in ("8431.36", "8283.96", "147.40"):
        assert figure in a["answer"]
    assert len(a["citations"]) == 3


def test_text_questions_quote_the_passage(sample_home):
    a = ask(sample_home, "三公经费为什么减少？")
    assert a["status"] == "answered"
    assert "八项规定" in a["answer"]
    assert any(c["text"] and "八项规定" in c["text"] for c in a["citations"])


def test_batch_keeps_order(sample_home, tmp_path):
    qs = ["基本支出是多少？", "2024年的预算是多少？", "人员经费是多少？"]
    f = tmp_path / "q.txt"
    f.write_text("\n".join(qs) + "\n", encoding="utf-8")
    out = jsonl(budgetqa("ask", "--batch", str(f), "--json", home=sample_home).stdout)
    assert [o["question"] for o in out] == qs
    assert [o["status"] for o in out] == ["answered", "not_found", "answered"]


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _store_numbers(engine: Engine) -> set[Decimal]:
    """Every number the store holds: cells, codes, row numbers, pages, titles, passages and years."""
    seen: set[str] = set()
    for d in engine.corpus.docs:
        seen.update(_NUMBER.findall(f"{d.document.year} {d.document.department_code}"))
        for t in d.tables:
            seen.update(_NUMBER.findall(f"{t.title} {t.note or ''} {t.goal or ''} {t.target_year or ''} {t.page or ''}"))
            for r in t.rows:
                seen.update(_NUMBER.findall(f"{r.label} {r.code or ''} {r.number or ''} {r.page or ''}"))
                for c in r.cells:
                    seen.update(_NUMBER.findall(c.raw))
                    if c.value is not None:
                        seen.add(str(c.value))
        for p in d.passages:
            seen.update(_NUMBER.findall(f"{p.text} {p.section} {p.page or ''}"))
    return {Decimal(x) for x in seen}


def test_no_answer_states_a_number_not_in_the_store_or_its_calculation(sample_home):
    engine = Engine(Home(sample_home))
    stored = _store_numbers(engine)
    checked = 0
    for q in load_questions():
        a = engine.ask(q.question)
        computed = {Decimal(x) for x in _NUMBER.findall(f"{a.calculation or ''} {q.question}")}
        for text in (a.answer, *(c.text or "" for c in a.citations)):
            for x in _NUMBER.findall(text.replace(",", "")):
                assert Decimal(x) in stored or Decimal(x) in computed, (q.id, x, a.answer)
                checked += 1
        if a.value is not None:
            assert a.value in stored or a.value in computed, (q.id, a.value)
            if a.value not in stored:  # a computed value must be the formula's result
                assert a.calculation and a.calculation.split("=")[-1].strip().startswith(str(a.value)) \
                    or "计数" in (a.calculation or ""), (q.id, a.calculation, a.value)
    assert checked > 1000


def test_an_optional_model_may_reword_but_never_change_a_number(sample_home):
    from llama_index.core.llms import CustomLLM, CompletionResponse, LLMMetadata

    from assistant import llm

    class Scripted(CustomLLM):
        reply: str = ""

        @property
        def metadata(self) -> LLMMetadata:
            return LLMMetadata()

        def complete(self, prompt, formatted=False, **kw):
            return CompletionResponse(text=self.reply)

        def stream_complete(self, prompt, formatted=False, **kw):
            raise NotImplementedError

    a = Engine(Home(sample_home)).ask("人员经费占基本支出的比例是多少？")
    kept = llm.rephrase(a, Scripted(reply="人员经费约占基本支出的 83.59%（321.34 ÷ 384.41）。"))
    assert kept.answer.startswith("人员经费约占") and kept.value == a.value
    changed = llm.rephrase(a, Scripted(reply="人员经费约占基本支出的 84%。"))
    assert changed.answer == a.answer  # a number the engine did not compute: the rewording is discarded
    assert llm.configured() is None  # off by default


def test_the_chat_answers_the_fact_check_question(sample_home):
    a = ask(sample_home, "这份公开数据有没有对不上的地方？")
    assert a["status"] == "answered"
    assert "项核对" in a["answer"] and "不一致 9" in a["answer"]
    assert "None" not in a["answer"]


def test_several_documents_are_told_apart(tmp_path):
    from conftest import FAST, SAMPLE
    # Which document a question is about is read from the store: the hashing embedder spares the model's load.
    home_copy = tmp_path / "home"
    other = tmp_path / "caizheng-2024.txt"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace("203 中共青龙满族自治县委员会组织部", "204 青龙满族自治县财政局")
                     .replace("预算年度：2023", "预算年度：2024"), encoding="utf-8")
    budgetqa("ingest", str(SAMPLE), str(other), home=home_copy, env=FAST)
    a = ask(home_copy, "财政局2024年一共能花多少钱？", FAST)
    assert a["status"] == "answered" and a["answer"].startswith("〔青龙满族自治县财政局 2024年部门预算〕")
    assert a["citations"][0]["document"] == "青龙满族自治县财政局 2024年部门预算"
    b = ask(home_copy, "组织部的基本支出是多少？", FAST)
    assert b["citations"][0]["document"] == "中共青龙满族自治县委员会组织部 2023年部门预算"
    c = ask(home_copy, "基本支出是多少？", FAST)
    assert c["status"] == "ambiguous" and "财政局" in c["answer"] and "组织部" in c["answer"]
    d = json.loads(budgetqa("ask", "基本支出是多少？", "--json", "--document", _doc_id(home_copy, "财政局"),
                            home=home_copy, env=FAST).stdout)
    assert d["status"] == "answered" and d["value"] == "384.41"


def _doc_id(home, name: str) -> str:
    return next(d.doc_id for d in Home(home).store.documents() if name in d.department)


def test_a_table_question_does_not_load_the_text_index(sample_home):
    """A table question's process never imports the text index's libraries (llama-index, chromadb: ~1.7 s of a
    cold `budgetqa ask`); only a text question needs them."""
    import subprocess
    import sys
    code = ("import sys\nfrom assistant.engine import Engine\n"
            f"a = Engine({str(sample_home)!r}).ask('三公经费是多少？')\n"
            "print(a.status, sorted(m for m in ('chromadb', 'llama_index.core') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["answered", "[]"], out.stdout + out.stderr
