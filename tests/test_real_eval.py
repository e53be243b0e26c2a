"""The real evaluation suite (eval/real: questions written by hand from the fifteen real disclosures, plus
the cross-document ones) run through the CLI on one corpus of every real disclosure and the sample; and
no answer of either suite states a number that is neither stored nor computed by the formula it shows.
"""
from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from conftest import FAST, ROOT, after_real_home, budgetqa

REAL_QUESTIONS = ROOT / "eval" / "real"
# The targets: 95 % overall and 90 % on every file (measured 97.5 %, the lowest file 93.8 %, on the
# sixteen-document corpus with the hash embedder). The held-out set (eval/holdout, written after the engine was
# tuned on this one) is reported beside it in the README: it is the figure other documents will see.
MIN_OVERALL = 0.95
MIN_PER_FILE = 0.90


# The blind sets, written from the PDFs by writers who never ran the engine, each after the engine was tuned on the
# sets before it; their first runs are the README's figures for unseen questions (fresh3 56/110, fresh4 100/138,
# fresh5 149/199, fresh6 87/108, fresh7 90/124, fresh8 94/124, fresh9 102/124, fresh10 100/124). Tuned on by families since (100/110,
# 137/138, 193/199, 105/108, 123/124, 115/124 when the floors were set; fresh9 and fresh10 124/124 when their floors were), each is
# held to a floor a little under what it reached.
BLIND_FLOORS = {"fresh3": 0.86, "fresh4": 0.95, "fresh5": 0.93, "fresh6": 0.93, "fresh7": 0.95, "fresh8": 0.88,
                "fresh9": 0.95, "fresh10": 0.95}
# The sets written after the engine was tuned on eval/real (holdout, fresh, fresh2), reported together.
LATER = ("holdout", "fresh", "fresh2")


def _sets(names, into: Path) -> Path | None:
    into.mkdir(parents=True, exist_ok=True)
    for name in names:
        for f in (ROOT / "eval" / name).glob("*.jsonl"):
            shutil.copy(f, into / f"{name}-{f.name}")
    return into if any(into.iterdir()) else None


def _reports(real_home: Path, scratch: Path) -> dict:
    """Every real disclosure and the sample in one corpus (a copy of ``real_home`` plus the sample), and the
    real, later and blind reports on it: started by conftest as soon as the real corpus is ingested, beside the
    session's other tests (a few minutes of `budgetqa eval` on the second core)."""
    home = scratch / "home"
    shutil.copytree(real_home, home)
    budgetqa("ingest", home=home, env=FAST, timeout=300)
    out: dict = {"home": home}
    for key, sets, timeout in (("real", REAL_QUESTIONS if any(REAL_QUESTIONS.glob("*.jsonl")) else None, 600),
                               ("later", _sets(LATER, scratch / "later"), 600),
                               ("blind", _sets(BLIND_FLOORS, scratch / "blind"), 900)):
        out[key] = json.loads(budgetqa("eval", "--questions", str(sets), "--json", home=home, env=FAST,
                                       timeout=timeout).stdout) if sets else None
    return out


_REPORTS = after_real_home(_reports)


@pytest.fixture(scope="session")
def reports(real_home, tmp_path_factory) -> dict:
    return _REPORTS.result(real_home, tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def corpus_home(reports) -> Path:
    return reports["home"]


def _report(reports: dict, key: str, what: str) -> dict:
    if reports[key] is None:
        pytest.skip(f"no {what}")
    return reports[key]


@pytest.fixture(scope="session")
def real_report(reports) -> dict:
    return _report(reports, "real", "question set in eval/real yet")


@pytest.fixture(scope="session")
def later_report(reports) -> dict:
    """The sets written after the engine was tuned on eval/real (holdout, fresh, fresh2), in one run."""
    return _report(reports, "later", "held-out question sets")


@pytest.fixture(scope="session")
def blind_report(reports) -> dict:
    """The blind sets (eval/fresh3 … ) in one run."""
    return _report(reports, "blind", "blind question sets")


@pytest.fixture(scope="session")
def sample_report(sample_home) -> dict:
    """The sample's own 350 questions on its own corpus (tests/test_eval.py holds them to 96 %)."""
    out = budgetqa("eval", "--json", home=sample_home, timeout=300)
    return json.loads(out.stdout)


def test_real_suite_accuracy_overall_and_per_file(real_report):
    files = real_report["files"]
    print(f"\nreal suite: {real_report['accuracy']:.2%} ({real_report['passed']}/{real_report['total']}); " +
          ", ".join(f"{k} {v['accuracy']:.0%}" for k, v in files.items()))
    assert len(files) >= 2 and all(r["file"] for r in real_report["results"])
    assert real_report["accuracy"] >= MIN_OVERALL
    low = {k: v["accuracy"] for k, v in files.items() if v["accuracy"] < MIN_PER_FILE}
    assert not low, f"files below {MIN_PER_FILE:.0%}: {low}"


def test_eval_prints_a_per_file_table(corpus_home, tmp_path):
    sets = tmp_path / "sets"
    sets.mkdir()
    lines = (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    (sets / "a.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (sets / "b.jsonl").write_text("\n".join(json.dumps({**json.loads(x), "file": "x.pdf"}, ensure_ascii=False)
                                            for x in lines[3:5]) + "\n", encoding="utf-8")
    out = budgetqa("eval", "--questions", str(sets), home=corpus_home, env=FAST).stdout
    assert "按文件" in out and re.search(r"^\s+a\s+\S+%\s+\d+/3$", out, re.M) and re.search(r"x\.pdf\s+\S+%\s+\d+/2", out)


# --- every number an answer states is stored, or computed by the formula it shows ---------------------

_NUMBER = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?")
_STEP = re.compile(r"^\s*(?P<lhs>.+?)\s*=\s*(?P<rhs>[-−]?[\d,]+(?:\.\d+)?)\s*(?P<unit>%|倍|万元|亿元|元)?\s*$")


def _numbers(text: str) -> set[Decimal]:
    out = set()
    for m in _NUMBER.finditer(text or ""):
        try:
            out.add(Decimal(m.group().replace(",", "")).normalize())
        except InvalidOperation:
            pass
    return out


def _stored_numbers(home: Path) -> set[Decimal]:
    """Every number the store holds: cell values, and the numbers its labels, titles and passages print."""
    from ingest.home import Home

    store = Home(home).store
    out: set[Decimal] = set()
    for doc in store.documents():
        out |= _numbers(doc.label) | {Decimal(doc.year)}
        for t in store.tables(doc.doc_id):
            out |= _numbers(t.title) | _numbers(t.note or "")
            for r in t.rows:
                out |= _numbers(r.label) | _numbers(r.code or "")
                for c in r.cells:
                    if c.value is not None:
                        out.add(c.value.normalize())
                    out |= _numbers(c.raw or "")
        for p in store.passages(doc.doc_id):
            out |= _numbers(p.text) | _numbers(p.section or "")
    return out


def _checked_formula(formula: str, known: set[Decimal]) -> tuple[set[Decimal], list[str]]:
    """The numbers a formula computes, each step re-computed here with Decimal; and the steps that do not
    hold (an operand neither stored nor computed before, or a result that is not what it says)."""
    from assistant import arith

    computed: set[Decimal] = set()
    bad: list[str] = []
    # A growth rate written in one line, "(605.40 − 570.60 = 34.80) ÷ 570.60 × 100 = 6.10%": its two steps.
    formula = re.sub(r"\(([^()=]+?)\s*=\s*([-−]?[\d,.]+)\)\s*÷\s*([\d,.]+)\s*×\s*100\s*=",
                     r"\1 = \2；\2 ÷ \3 =", formula or "")
    for step in re.split(r"[；;]", formula):
        step = re.sub(r"^[^：:]*[：:]", "", step) if "：" in step or ":" in step else step  # "上年 …" labels
        for part in re.split(r"\s*[<>]\s*", step) if "=" not in step else [step]:
            if "=" not in part:
                missing = _numbers(part) - known - computed
                if missing:
                    bad.append(f"{part} (unknown {sorted(missing)})")
                continue
        m = _STEP.match(step)
        if not m:
            continue
        lhs, rhs = m.group("lhs"), Decimal(m.group("rhs").replace(",", "").replace("−", "-"))
        operands = [Decimal(x.replace(",", "")) for x in _NUMBER.findall(lhs)]
        unknown = [x for x in operands if x.normalize() not in known | computed]
        if unknown:
            bad.append(f"{step} (operands not in the store: {unknown})")
        expect = None
        if "元" in lhs and "万元" in (m.group("unit") or "") and len(operands) == 1:
            expect = operands[0] / 10000
        elif "万元" in lhs and m.group("unit") == "元" and len(operands) == 1:
            expect = operands[0] * 10000
        elif m.group("unit") == "亿元" and len(operands) == 1 and re.search(r"(?:万元|元)\s*$", lhs):
            # 「156211123 元 = 1.56211123 亿元」: an amount asked in 亿, converted exactly
            expect = operands[0] * arith.YUAN_PER[re.search(r"(万元|元)\s*$", lhs).group(1)] / arith.YUAN_PER["亿元"]
        elif "÷" in lhs and len(operands) == 2 and operands[1]:
            q = operands[0] / operands[1] * (100 if m.group("unit") == "%" else 1)
            expect = arith.round2(q)
        elif "+" in lhs and "−" not in lhs:
            expect = sum(operands, Decimal(0))
        elif "−" in lhs and "+" not in lhs and len(operands) == 2:
            expect = operands[0] - operands[1]
        elif "−" in lhs and "+" not in lhs:
            expect = operands[0] - sum(operands[1:], Decimal(0))
        if expect is not None and "÷" in lhs:
            expect = expect.copy_sign(rhs)  # a rate's sign is the change's, shown in the step before it
        if expect is not None and expect.normalize() != rhs.normalize():
            bad.append(f"{step} (re-computed: {expect})")
        computed |= {rhs.normalize(), abs(rhs).normalize()}  # 「减少 30.74%」 of a step ending = −30.74%
    return computed, bad


def _ungrounded(result: dict, known: set[Decimal]) -> list[str]:
    a = result["answer"]
    if a["status"] != "answered":
        return []
    computed, bad = _checked_formula(a.get("calculation") or "", known | _numbers(result.get("question", "")))
    cited = set().union(*(_numbers(c.get("text") or "") for c in a["citations"])) if a["citations"] else set()
    allowed = known | computed | cited | _numbers(result.get("question", ""))  # "超过100万元": the question's own
    text = re.sub(r"第\s*\d+\s*[页行]|\d+\s*年|\d+\.\s|计数 \d+|共 \d+ ", " ", a["answer"])
    stray = sorted(n for n in _numbers(text) if n not in allowed and n not in _counts(a))
    value = Decimal(a["value"]).normalize() if a.get("value") not in (None, "") else None
    if value is not None and value not in allowed and value not in _counts(a):
        stray.append(value)
    return bad + [f"states {n} (neither stored nor computed)" for n in stray]


def _counts(a: dict) -> set[Decimal]:
    """A count is computed from the items listed with it ("共 4 项：…", calculation "计数 4")."""
    m = re.search(r"计数 (\d+)", a.get("calculation") or "")
    return {Decimal(m.group(1))} if m else set()


def test_the_later_sets_keep_what_they_reached(later_report):
    # Their first runs (78 %, 77 %, 83 %) are the README's figures for unseen questions; tuned on since, they
    # guard against a change that wins on eval/real and loses elsewhere.
    print(f"\nholdout+fresh+fresh2: {later_report['accuracy']:.2%} ({later_report['passed']}/{later_report['total']})")
    assert later_report["accuracy"] >= MIN_OVERALL


@pytest.mark.parametrize("name", list(BLIND_FLOORS))
def test_the_blind_sets_keep_what_they_reached(blind_report, name):
    # The floor catches a change that loses several of a set's questions at once.
    mine = [r for r in blind_report["results"] if f"-{name}-" in r["id"]]
    assert mine, f"no results of {name}"
    accuracy = sum(r["passed"] for r in mine) / len(mine)
    print(f"\n{name}: {accuracy:.2%} ({sum(r['passed'] for r in mine)}/{len(mine)})")
    assert accuracy >= BLIND_FLOORS[name]


def test_every_number_is_stored_or_computed_by_a_shown_formula(corpus_home, real_report, sample_report,
                                                              later_report, blind_report):
    known = _stored_numbers(corpus_home)
    problems = []
    for report in (real_report, sample_report, later_report, blind_report):
        for r in report["results"]:
            for why in _ungrounded(r, known):
                problems.append(f"[{r['id']}] {r['question']}: {why}")
    assert not problems, f"{len(problems)} answers state numbers not in the store:\n" + "\n".join(problems[:30])


def test_the_grounding_check_catches_a_made_up_number():
    known = {Decimal("8815.77"), Decimal("56.06")}
    made_up = {"answer": {"status": "answered", "answer": "2022年预算为 8815.77 万元", "value": "8871.83",
                          "calculation": None, "citations": []}}
    assert _ungrounded(made_up, known)
    shown = {"answer": {"status": "answered", "answer": "上年为 8871.83 万元", "value": "8871.83",
                        "calculation": "8815.77 + 56.06 = 8871.83", "citations": []}}
    assert not _ungrounded(shown, known)
    wrong = {"answer": {"status": "answered", "answer": "上年为 8871.84 万元", "value": "8871.84",
                        "calculation": "8815.77 + 56.06 = 8871.84", "citations": []}}
    assert _ungrounded(wrong, known)


def test_the_grounding_check_recomputes_a_growth_rate_written_in_one_line():
    known = {Decimal("605.40"), Decimal("570.60")}
    right = {"answer": {"status": "answered", "answer": "增长 6.10%", "value": "6.10", "citations": [],
                        "calculation": "(605.40 − 570.60 = 34.80) ÷ 570.60 × 100 = 6.10%"}}
    assert not _ungrounded(right, known)
    wrong = {"answer": {"status": "answered", "answer": "增长 6.20%", "value": "6.20", "citations": [],
                        "calculation": "(605.40 − 570.60 = 34.80) ÷ 570.60 × 100 = 6.20%"}}
    assert _ungrounded(wrong, known)
