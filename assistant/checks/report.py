"""Summaries and reports of the checks: one document's plain text (``render_text``), and the corpus
report a staff member can hand on — every document's counts by verdict, then each finding with the
document, table, row, column, page (and box) of every cell, the expected and printed figures and the
difference: ``corpus_report`` (a dict, the JSON of ``budgetqa check --all --json``), ``render_corpus_text``
and ``render_html`` (one self-contained page). ``check_corpus(store)`` runs every ready document and
builds the report, for the command line and the app alike."""
from __future__ import annotations

import html
from collections import Counter
from datetime import datetime, timezone
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


# --- the corpus report ---------------------------------------------------------------------------------------

FINDING_VERDICTS = (FAIL, ROUNDING)  # what a report lists one by one; the rest are counted
VERDICT_WORDS = {FAIL: "不一致", ROUNDING: "舍入差异", PASS: "通过", UNCHECKED: "无法核对", NOT_APPLICABLE: "不适用"}
KIND_WORDS = {"table_sum": "表内合计", "subject_tree": "科目层级", "columns": "列合计", "cross_table": "表间核对",
              "narrative": "文字与表格", "performance": "绩效目标"}


def same_key(c: dict) -> tuple:
    """What a person sees of a check (its id aside): the same check on the same cells with the same figures
    is the same finding, however many forms print it (a 绩效目标表 printed for the department and again for
    its unit)."""
    cells = tuple((x.get("table"), x.get("row"), x.get("column"), x.get("value"), x.get("unit")) for x in c["cells"])
    return (c["kind"], c["verdict"], c["description"], cells, c["expected"], c["found"], c["difference"],
            c["unit"], c["passage"])


def _once(items: list, key) -> list:
    seen: set[tuple] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def unique(checks: list[dict]) -> list[dict]:
    """The checks (as JSON) with each finding once, in their order."""
    return _once(checks, same_key)


def unique_checks(checks: list[Check]) -> list[Check]:
    """The checks with each finding once, in their order."""
    return _once(checks, lambda c: same_key(c.as_json()))


def finding(c: Check) -> dict:
    """One finding as the report states it: the check, and every cell involved (cells[0] is where the
    printed figure was read, when it was read from a cell)."""
    return {**c.as_json(), "printed": None if c.found is None else str(c.found)}


def document_report(document: model.Document, checks: list[Check]) -> dict:
    checks = unique_checks(checks)  # a finding printed twice is reported once, and counted once
    findings = [finding(c) for v in FINDING_VERDICTS for c in checks if c.verdict == v]
    counts = {v: sum(c.verdict == v for c in checks) for v in VERDICTS}
    return {"document": document.doc_id, "label": document.label, "source": document.source,
            "kind": document.kind, "year": document.year, "counts": counts, "total": len(checks),
            "summary": summarize(checks), "findings": findings}


def corpus_report(results: list[tuple[model.Document, list[Check]]]) -> dict:
    """The report over several documents: per document its counts and findings, and the totals."""
    docs = [document_report(d, checks) for d, checks in results]
    totals = {v: sum(d["counts"][v] for d in docs) for v in VERDICTS}
    return {"generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "documents": docs,
            "totals": totals, "total": sum(d["total"] for d in docs)}


def check_corpus(store, doc_ids: list[str] | None = None) -> dict:
    """Run every check on every ready document of a store (or those named) and build the corpus report.
    The app's 核对 page calls this, as ``budgetqa check --all`` does."""
    from . import run_checks
    if doc_ids is None:
        docs = store.documents()
    else:  # the documents named, read one by one: never the whole corpus's list for a few
        docs = [d for d in (store.document(i) for i in dict.fromkeys(doc_ids))
                if d is not None and store.is_current(d.doc_id)]
    return corpus_report([(d, run_checks(store.load(d.doc_id))) for d in docs])


def _counts_line(counts: dict, total: int) -> str:
    return f"共 {total} 项：" + "，".join(f"{VERDICT_WORDS[v]} {counts[v]}" for v in VERDICTS)


def _where(cell: dict, table: str | None = None) -> str:
    """"表，行，列，页"; the table left out when it is ``table`` (the finding's own)."""
    page = f"，第{cell['page']}页" if cell.get("page") else ""
    where = f"{cell['row']}行，{cell['column']}列{page}"
    return where if cell["table"] == table else f"{cell['table']}，{where}"


def render_corpus_text(report: dict) -> str:
    lines = [f"核对报告：{len(report['documents'])} 份文件，{_counts_line(report['totals'], report['total'])}"]
    for d in report["documents"]:
        lines.append("")
        lines.append(f"{d['label']}（{d['source']}，{d['document']}）")
        lines.append("  " + _counts_line(d["counts"], d["total"]))
        for f in d["findings"]:
            lines.append(f"  {VERDICT_WORDS[f['verdict']]}：{f['description']}")
            if f["cells"]:
                lines.append(f"    位置：{_where(f['cells'][0])}")
            if f["expected"] is not None and f["printed"] is not None:
                unit = f["unit"] or ""
                lines.append(f"    应为 {f['expected']}{unit}，印为 {f['printed']}{unit}，差额 "
                             f"{_signed(Decimal(f['difference']))}{unit}")
            for cell in f["cells"][1:]:
                lines.append(f"    相关单元格：{_where(cell, f['cells'][0]['table'])} = {cell['value']}{cell['unit'] or ''}")
            if f["passage"]:
                lines.append(f"    原文{_page(f)}：{f['passage']}")
    return "\n".join(lines)


def _page(f: dict) -> str:
    return f"（第{f['passage_page']}页）" if f.get("passage_page") else ""


_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:75em;
color:#222;line-height:1.5;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}th,td{border:1px solid #ccc;padding:.25em .5em;
vertical-align:top;text-align:left}th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap;
font-variant-numeric:tabular-nums}.fail{color:#b00020;font-weight:bold}.rounding{color:#8a6d00}
.cells{font-size:.9em;color:#555;margin:.2em 0 0;padding-left:1.2em}.note{color:#555;font-size:.9em}
.ok{color:#2e7d32}@media print{h2{page-break-before:auto}tr{page-break-inside:avoid}}
"""


def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def render_html(report: dict, title: str = "预算公开文件核对报告") -> str:
    """One self-contained HTML page (no scripts, no outside resources); every text from a document is
    escaped."""
    head = [f"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{_e(title)}</title>"
            f"<style>{_CSS}</style></head><body>", f"<h1>{_e(title)}</h1>",
            f"<p class=\"note\">生成时间 {_e(report['generated'])}。{len(report['documents'])} 份文件，"
            f"共 {report['total']} 项核对。“不一致”是超出舍入范围的差额；“舍入差异”是各数分别四舍五入可能造成的差额"
            f"（每个参与的印刷数最多半个末位单位），不计为错误；“无法核对”指表中印出的内容不足以判断。</p>"]
    verdicts = list(VERDICTS)
    rows = "".join(
        f"<tr><td><a href=\"#doc-{i}\">{_e(d['label'])}</a><br><span class=\"note\">{_e(d['source'])}</span></td>"
        + "".join(f"<td class=\"num{' fail' if v == FAIL and d['counts'][v] else ''}\">{d['counts'][v]}</td>"
                  for v in verdicts) + "</tr>"
        for i, d in enumerate(report["documents"]))
    totals = "".join(f"<td class=\"num\"><b>{report['totals'][v]}</b></td>" for v in verdicts)
    head.append("<table><tr><th>文件</th>" + "".join(f"<th>{VERDICT_WORDS[v]}</th>" for v in verdicts) + "</tr>"
                + rows + f"<tr><td><b>合计</b></td>{totals}</tr></table>")
    body = []
    for i, d in enumerate(report["documents"]):
        body.append(f"<h2 id=\"doc-{i}\">{_e(d['label'])}</h2>")
        body.append(f"<p class=\"note\">文件：{_e(d['source'])}。{_e(_counts_line(d['counts'], d['total']))}</p>")
        if not d["findings"]:
            body.append("<p class=\"ok\">没有不一致，也没有舍入差异。</p>")
            continue
        body.append("<table><tr><th>结论</th><th>类别</th><th>表</th><th>行</th><th>列</th><th>页</th><th>应为</th>"
                    "<th>印为</th><th>差额</th><th>说明</th></tr>")
        for f in d["findings"]:
            first = f["cells"][0] if f["cells"] else {}
            unit = f["unit"] or ""
            others = "".join(f"<li>{_e(_where(c, first.get('table')))}：{_e(c['value'])}{_e(c['unit'] or '')}</li>" for c in f["cells"][1:])
            detail = _e(f["description"])
            if f["passage"]:
                detail += f"<div class=\"cells\">原文{_e(_page(f))}：{_e(f['passage'])}</div>"
            if others:
                detail += f"<ul class=\"cells\">{others}</ul>"
            diff = _signed(Decimal(f["difference"])) if f["difference"] is not None else "—"
            body.append(
                f"<tr><td class=\"{f['verdict']}\">{VERDICT_WORDS[f['verdict']]}</td><td>{_e(KIND_WORDS.get(f['kind'], f['kind']))}</td>"
                f"<td>{_e(first.get('table', '—'))}</td><td>{_e(first.get('row', '—'))}</td>"
                f"<td>{_e(first.get('column', '—'))}</td><td class=\"num\">{_e(first.get('page') or '—')}</td>"
                f"<td class=\"num\">{_e(f['expected'] or '—')}{_e(unit) if f['expected'] else ''}</td>"
                f"<td class=\"num\">{_e(f['printed'] or '—')}{_e(unit) if f['printed'] else ''}</td>"
                f"<td class=\"num\">{_e(diff)}{_e(unit) if f['difference'] else ''}</td><td>{detail}</td></tr>")
        body.append("</table>")
    return "".join(head + body) + "</body></html>\n"
