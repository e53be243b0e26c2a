"""Summaries and the plain-text report of a document's checks."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ingest import model

from .core import FAIL, KINDS, NARRATIVE, NOT_APPLICABLE, PASS, ROUNDING, UNCHECKED, VERDICTS, Check


def _shown(checks: list[Check]) -> list[str]:
    """The verdicts a summary lists: the four every document has, and "rounding" where any check has it
    (a document without rounding keeps the summary it always had)."""
    return [v for v in VERDICTS if v != ROUNDING or any(c.verdict == ROUNDING for c in checks)]


def summarize(checks: list[Check]) -> dict:
    by_kind: dict[str, Counter] = {}
    for c in checks:
        by_kind.setdefault(c.kind, Counter())[c.verdict] += 1
    shown = _shown(checks)
    narrative = [c for c in checks if c.kind == NARRATIVE]
    return {
        "total": len(checks),
        "verdicts": {v: sum(c.verdict == v for c in checks) for v in shown},
        "kinds": {k: {v: by_kind.get(k, Counter())[v] for v in shown} for k in KINDS},
        # a narrative figure is "matched" when a table cell was found to compare it with
        "narrative_figures": {"matched": sum(c.verdict in (PASS, FAIL, ROUNDING) for c in narrative),
                              "unchecked": sum(c.verdict == UNCHECKED for c in narrative)},
    }


def render_text(parsed_document: model.Document, checks: list[Check]) -> str:
    """The report for a person: every fail in full, then every rounding difference with its figures, then
    one summary line."""
    d = parsed_document
    lines = [f"{d.label}（{d.doc_id}）"]
    for verdict, word in ((FAIL, "不一致"), (ROUNDING, "舍入差异")):
        for c in checks:
            if c.verdict != verdict:
                continue
            lines.append(f"{word} [{c.id}] {c.description}")
            for ref in c.cells:
                lines.append(f"    单元格：{ref}")
            if c.passage:
                lines.append(f"    原文：{c.passage}")
            if c.expected is not None and c.found is not None:
                unit = c.unit or ""
                tolerance = f"（舍入容差 ±{_plain(c.tolerance)}{unit}）" if c.tolerance is not None else ""
                lines.append(f"    应为 {c.expected}{unit}，实为 {c.found}{unit}，差额 {_signed(c.difference)}{unit}{tolerance}")
    s = summarize(checks)
    v, n = s["verdicts"], s["narrative_figures"]
    rounding = f"，舍入差异 {v[ROUNDING]}" if ROUNDING in v else ""
    lines.append(f"汇总：共 {s['total']} 项核对：通过 {v[PASS]}{rounding}，不一致 {v[FAIL]}，无法核对 {v[UNCHECKED]}，"
                 f"不适用 {v[NOT_APPLICABLE]}；叙述数字 已比对 {n['matched']}，无法核对 {n['unchecked']}")
    return "\n".join(lines)


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _signed(d: Decimal | None) -> str:
    if d is None:
        return "—"
    return f"+{d}" if d > 0 else str(d)
