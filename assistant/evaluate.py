"""Answer-accuracy evaluation: run a question set through ``Engine.ask`` and score it exactly.

A numeric question passes only through the answer's ``value`` field (compared as Decimal) with the
right unit — or, where the question asks several figures in clauses of their own, one of the answer's
``parts``; a text question when the answer contains one of the accepted passages; a refusal or
ambiguity when the status says so. Nothing else counts.
"""
from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from .answer import ANSWERED, Answer

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    category: str
    expect: tuple[str, ...] = ()
    unit: str | None = None
    expect_any: tuple[str, ...] = ()
    expect_status: str | None = None
    file: str | None = None  # the disclosure the question was written from (real suites), else the set's name

    @classmethod
    def from_json(cls, obj: dict, source: str | None = None) -> "Question":
        if not any(k in obj for k in ("expect", "expect_any", "expect_status")):
            raise ValueError(f"question {obj.get('id')!r} has no gold answer (expect, expect_any or expect_status)")
        return cls(id=str(obj["id"]), question=obj["question"], category=obj.get("category", "uncategorised"),
                   expect=tuple(str(v) for v in obj.get("expect", ())), unit=obj.get("unit"),
                   expect_any=tuple(obj.get("expect_any", ())), expect_status=obj.get("expect_status"),
                   file=obj.get("file") or source)

    def expected(self) -> dict:
        out: dict = {}
        if self.expect:
            out["value"] = list(self.expect)
            out["unit"] = self.unit
        if self.expect_any:
            out["any_of"] = list(self.expect_any)
        if self.expect_status:
            out["status"] = self.expect_status
        return out


def question_files(path: str | Path) -> list[Path]:
    """A question set: one JSONL file, or every ``*.jsonl`` in a directory (sorted)."""
    path = Path(path)
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def load_questions(path: str | Path = DEFAULT_QUESTIONS) -> list[Question]:
    """Questions of one JSONL file or of every JSONL file in a directory; each knows the file it is about
    (its ``file`` field, else the name of the set it came from)."""
    out = []
    for f in question_files(path):
        out += _load_file(f)
    return out


def _load_file(path: Path) -> list[Question]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(Question.from_json(json.loads(line), source=path.stem))
            except (json.JSONDecodeError, KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return out


def _decimal(text) -> Decimal | None:
    try:
        return Decimal(str(text))
    except (InvalidOperation, ValueError):
        return None


def _squash(text: str) -> str:
    return "".join(text.split())


def _plain_unit(unit: str | None) -> str:
    """A unit without spaces and without the alternative a document adds in brackets: 「2台（套）」 counts in 台."""
    return _squash(re.sub(r"[（(][^）)]*[）)]", "", unit or ""))


# Classifiers of one counted thing: 「下属 2 家预算单位」 answered in 家 to a gold in 个 counts the same units.
_SAME_COUNT = {"个", "家"}
# Vehicles are counted in 辆 and printed in 台 too (「共有车辆 27 台」): a gold in either counts the same vehicles.
_VEHICLES = {"辆", "台"}


def _same_amount(q: Question, a: Answer) -> bool:
    """A money answer in another unit than the gold's is the same amount when, converted exactly, it reads as
    the gold at the gold's printed precision: a table in 元 (258596001.79 元) answers a gold the narrative
    prints rounded in 万元 (25859.6). The document prints both; the engine answers in the unit of the figure
    it cites (issue 10: "answer in the unit the document prints for that figure"). The same holds in the
    gold's own unit when the answer is finer than the gold: a difference of a table in 元 and one in 万元,
    worked exactly in 万元 (181.37058), is the gold rounded to the cent of 万元 the documents print (181.37)."""
    from . import arith
    if a.value is None or not (arith.is_money(a.unit) and arith.is_money(q.unit)):
        return False
    golds = [g for g in map(_decimal, q.expect) if g is not None and g.is_finite()]
    if not golds:
        return False
    # at the finest precision the golds are written in (["25859.6", "25859.60"]: two decimals)
    finest = min(min(g.as_tuple().exponent for g in golds), 0)
    if a.unit == q.unit and not (finest <= -2 and a.value.is_finite() and a.value.as_tuple().exponent < finest):
        # as fine as the gold or coarser, or a gold of whole units (3 万元 is not 3.4): only equality counts
        return False
    places = Decimal(1).scaleb(finest)
    amount = (a.value * arith.YUAN_PER[a.unit] / arith.YUAN_PER[q.unit]).quantize(places, rounding=ROUND_HALF_UP)
    return any(amount == g for g in golds)


def score(q: Question, a: Answer) -> tuple[bool, str]:
    """(passed, why it failed)."""
    if q.expect_status:
        return (a.status == q.expect_status, f"status {a.status}, expected {q.expect_status}")
    if a.status != ANSWERED:
        return False, f"status {a.status}, expected an answer"
    if q.expect:
        why = _figure_wrong(q, a)
        # A question asking several figures in clauses of their own (「2025年的X是多少？2026年比它少了多少」) is
        # answered with each, in the order asked (Answer.parts; ``value`` is the first). A gold is one figure, and
        # writers differ on which they write — fresh13 wrote the change of 「X花了多少，…比这个多多少」, fresh15 the
        # first figure of the same shape — so the gold passes on the part that answers it. A part is a figure the
        # answer gives for one clause, cited; no other number of the text counts.
        if why and any(not _figure_wrong(q, replace(a, value=p.value, unit=p.unit)) for p in a.parts):
            why = ""
        if why:
            return False, why
    if q.expect_any and not any(_squash(s) in _squash(a.answer) for s in q.expect_any):
        return False, "answer contains none of the accepted passages"
    return True, ""


def _figure_wrong(q: Question, a: Answer) -> str:
    """Why the answer's value is not the gold figure ("" when it is): the value, in the gold's unit or, where money,
    the same amount in another."""
    if a.value is None:
        return "no value"
    if _same_amount(q, a):
        return ""  # the amount asked, printed in another money unit (258596001.79 元 for 25859.6 万元)
    if not any(_decimal(e) is not None and a.value == _decimal(e) for e in q.expect):
        return f"value {a.value}, expected {' or '.join(q.expect)}"
    if (q.unit or None) != (a.unit or None) and _plain_unit(q.unit) != _plain_unit(a.unit) and \
            not {q.unit, a.unit} <= _SAME_COUNT and not ({q.unit, a.unit} <= _VEHICLES and "车" in q.question):
        return f"unit {a.unit!r}, expected {q.unit!r}"
    return ""


@dataclass
class Result:
    question: Question
    answer: Answer
    passed: bool
    why: str
    seconds: float

    def as_json(self) -> dict:
        return {"id": self.question.id, "question": self.question.question, "category": self.question.category,
                "file": self.question.file, "expected": self.question.expected(), "answer": self.answer.as_json(), "passed": self.passed,
                "why": self.why or None, "seconds": round(self.seconds, 4)}


@dataclass
class Report:
    results: list[Result]
    retrieval: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return sum(r.passed for r in self.results) / len(self.results) if self.results else 0.0

    def _grouped(self, key) -> dict[str, dict]:
        groups: dict[str, dict] = {}
        for r in self.results:
            g = groups.setdefault(key(r.question), {"total": 0, "passed": 0})
            g["total"] += 1
            g["passed"] += r.passed
        for g in groups.values():
            g["accuracy"] = round(g["passed"] / g["total"], 4)
        return dict(sorted(groups.items()))

    def by_category(self) -> dict[str, dict]:
        return self._grouped(lambda q: q.category)

    def by_file(self) -> dict[str, dict]:
        """Accuracy per disclosure the questions were written from (per question set where none is named)."""
        return self._grouped(lambda q: q.file or "")

    def failures(self) -> list[Result]:
        return [r for r in self.results if not r.passed]

    def as_json(self) -> dict:
        return {"total": len(self.results), "passed": sum(r.passed for r in self.results),
                "accuracy": round(self.accuracy, 4), "categories": self.by_category(), "files": self.by_file(),
                "retrieval": self.retrieval, "seconds": round(self.seconds, 2),
                "results": [r.as_json() for r in self.results]}


def run(engine, questions: list[Question], retrieval_k: tuple[int, ...] = (1, 3, 5)) -> Report:
    start = time.perf_counter()
    results = []
    for q in questions:
        t = time.perf_counter()
        try:
            a = engine.ask(q.question)
        except Exception as exc:  # noqa: BLE001 — one question's crash is its failure, not the run's end
            a = Answer(q.question, "error", f"{type(exc).__name__}: {exc}")
        ok, why = score(q, a)
        results.append(Result(q, a, ok, "" if ok else why, time.perf_counter() - t))
    report = Report(results, retrieval_recall(engine, questions, retrieval_k))
    report.seconds = time.perf_counter() - start
    return report


def retrieval_recall(engine, questions: list[Question], ks: tuple[int, ...]) -> dict:
    """For text questions: does a retrieved passage contain the gold text within the top k?"""
    text_qs = [q for q in questions if q.expect_any and not q.expect and q.category == "text"]
    if not text_qs:
        return {}
    retriever = engine.retriever()
    hits_at = {k: 0 for k in ks}
    for q in text_qs:
        hits = retriever.search(q.question, k=max(ks), kind="passage")
        texts = [_squash(h.text) for h in hits]
        first = next((i for i, t in enumerate(texts) if any(_squash(s) in t for s in q.expect_any)), None)
        for k in ks:
            hits_at[k] += first is not None and first < k
    return {"questions": len(text_qs), **{f"recall@{k}": round(hits_at[k] / len(text_qs), 4) for k in ks}}


# --- reports ------------------------------------------------------------------------------------------

def text_report(report: Report) -> str:
    lines = [f"准确率 accuracy: {report.accuracy:.2%} ({sum(r.passed for r in report.results)}/{len(report.results)})"
             f"，用时 {report.seconds:.1f}s", ""]
    for cat, c in report.by_category().items():
        lines.append(f"  {cat:<12} {c['accuracy']:>7.2%}  {c['passed']}/{c['total']}")
    files = report.by_file()
    if len(files) > 1:
        lines += ["", "按文件 per file:"]
        width = max(len(f) for f in files)
        for name, c in files.items():
            lines.append(f"  {name:<{width}} {c['accuracy']:>7.2%}  {c['passed']}/{c['total']}")
    if report.retrieval:
        r = report.retrieval
        lines.append("")
        lines.append("检索 retrieval (text questions, n=%d): " % r["questions"]
                     + ", ".join(f"{k} {v:.2%}" for k, v in r.items() if k.startswith("recall")))
    fails = report.failures()
    if fails:
        lines += ["", f"失败 failures ({len(fails)}):"]
        for f in fails:
            lines.append(f"- [{f.question.id}]" + (f" ({f.question.file})" if len(files) > 1 else "")
                         + f" {f.question.question}")
            lines.append(f"    expected: {json.dumps(f.question.expected(), ensure_ascii=False)}")
            lines.append(f"    got: {f.answer.status} value={f.answer.value} unit={f.answer.unit} ({f.why})")
            lines.append(f"    answer: {f.answer.answer[:160]}")
    return "\n".join(lines)


def markdown_report(report: Report) -> str:
    lines = ["# BudgetQA 评测报告", "", f"- 总体准确率：**{report.accuracy:.2%}**（{sum(r.passed for r in report.results)}"
             f"/{len(report.results)}）", f"- 用时：{report.seconds:.1f} 秒", ""]
    lines += ["| 类别 | 通过 | 总数 | 准确率 | |", "|---|---:|---:|---:|---|"]
    for cat, c in report.by_category().items():
        bar = "█" * round(c["accuracy"] * 20)
        lines.append(f"| {cat} | {c['passed']} | {c['total']} | {c['accuracy']:.2%} | {bar} |")
    files = report.by_file()
    if len(files) > 1:
        lines += ["", "| 文件 | 通过 | 总数 | 准确率 |", "|---|---:|---:|---:|"]
        lines += [f"| {name} | {c['passed']} | {c['total']} | {c['accuracy']:.2%} |" for name, c in files.items()]
    if report.retrieval:
        lines += ["", "## 检索召回（文本题）", ""] + [f"- {k}: {v}" for k, v in report.retrieval.items()]
    lines += ["", "## 失败题目", ""]
    for f in report.failures():
        lines.append(f"- **{f.question.id}** {f.question.question}<br>期望：`{json.dumps(f.question.expected(), ensure_ascii=False)}`"
                     f"<br>得到：{f.answer.status} / {f.answer.value} {f.answer.unit or ''}（{f.why}）<br>回答：{f.answer.answer[:200]}")
    return "\n".join(lines) + "\n"


def html_report(report: Report) -> str:
    cats = report.by_category()
    bar_h, width = 22, 420
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 180}" height="{bar_h * len(cats) + 10}">']
    for i, (cat, c) in enumerate(cats.items()):
        y = i * bar_h + 4
        w = c["accuracy"] * width
        colour = "#2e7d32" if c["accuracy"] >= 0.95 else ("#f9a825" if c["accuracy"] >= 0.8 else "#c62828")
        svg.append(f'<text x="0" y="{y + 15}" font-size="13">{html.escape(cat)}</text>'
                   f'<rect x="110" y="{y}" width="{w:.1f}" height="{bar_h - 6}" fill="{colour}"/>'
                   f'<text x="{115 + w:.1f}" y="{y + 15}" font-size="12">{c["accuracy"]:.1%}</text>')
    svg.append("</svg>")
    rows = "".join(f"<tr><td>{html.escape(cat)}</td><td>{c['passed']}</td><td>{c['total']}</td>"
                   f"<td>{c['accuracy']:.2%}</td></tr>" for cat, c in cats.items())
    fails = "".join(
        f"<tr><td>{html.escape(f.question.id)}</td><td>{html.escape(f.question.question)}</td>"
        f"<td>{html.escape(json.dumps(f.question.expected(), ensure_ascii=False))}</td>"
        f"<td>{html.escape(f.answer.status)} {html.escape(str(f.answer.value))} {html.escape(f.answer.unit or '')}"
        f"<br><small>{html.escape(f.answer.answer[:200])}</small></td><td>{html.escape(f.why)}</td></tr>"
        for f in report.failures())
    by_file = report.by_file()
    file_rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{c['passed']}</td><td>{c['total']}</td>"
                        f"<td>{c['accuracy']:.2%}</td></tr>" for name, c in by_file.items())
    files = (f"<h2>按文件</h2><table><tr><th>文件</th><th>通过</th><th>总数</th><th>准确率</th></tr>{file_rows}</table>"
             if len(by_file) > 1 else "")
    retrieval = "".join(f"<li>{html.escape(k)}: {v}</li>" for k, v in report.retrieval.items())
    return f"""<!doctype html><html lang="zh"><meta charset="utf-8"><title>BudgetQA 评测报告</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top}}</style>
<h1>BudgetQA 评测报告</h1>
<p>总体准确率 <b>{report.accuracy:.2%}</b>（{sum(r.passed for r in report.results)}/{len(report.results)}），用时 {report.seconds:.1f} 秒</p>
<h2>分类准确率</h2>{''.join(svg)}
<table><tr><th>类别</th><th>通过</th><th>总数</th><th>准确率</th></tr>{rows}</table>
{files}
<h2>检索召回（文本题）</h2><ul>{retrieval}</ul>
<h2>失败题目（{len(report.failures())}）</h2>
<table><tr><th>id</th><th>问题</th><th>期望</th><th>得到</th><th>原因</th></tr>{fails}</table></html>
"""
