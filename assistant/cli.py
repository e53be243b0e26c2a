"""``budgetqa``: a thin command line over the library (ingest, tables, cells, ask, eval, check)."""
from __future__ import annotations

import json
import os
import re
import stat
import sys
import time
from pathlib import Path

import click

from ingest.errors import os_reason, user_message
from ingest.home import HOME_ENV, Home, sample_files
from ingest.model import IngestError

DEBUG_ENV = "BUDGETQA_DEBUG"


def _other_part(part: str) -> str:
    return {"说明": "（报表）", "报表": "（说明）"}.get(part, "")


def _echo_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


class Failure(click.ClickException):
    """A failure said as one Chinese sentence ("错误：…"), exit code 1; no traceback."""

    def show(self, file=None) -> None:
        click.echo(f"错误：{self.message}", err=True)


class _Group(click.Group):
    """Every failure of every command reaches the user as one Chinese sentence and exit code 1
    (``ingest.errors.user_message``); ``--debug`` (or BUDGETQA_DEBUG=1) shows the traceback instead."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # the reader of our output went away (| head): stop quietly, as cat does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - said in Chinese, traceback on --debug
            if ctx.params.get("debug"):
                raise
            if isinstance(exc, KeyboardInterrupt):
                click.echo(f"错误：{user_message(exc)}", err=True)
                sys.exit(130)
            raise Failure(user_message(exc)) from exc

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Click's own messages (a mistyped command or option) in Chinese too, as "错误：…"."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            name = exc.ctx.command_path if exc.ctx else "budgetqa"
            said = exc.format_message()
            if not re.search(r"[\u4e00-\u9fff]", said):  # click's own words: say what kind of mistake it is
                said = f"命令用法不对（{said}）"
            click.echo(f"错误：{said.rstrip('。')}；运行 {name} --help 查看用法。", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"错误：{exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("错误：已中断。", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_Group)
@click.option("--home", type=click.Path(path_type=Path), envvar=HOME_ENV,
              help=f"Corpus directory (default ${HOME_ENV} or ~/.budgetqa).")
@click.option("--debug", is_flag=True, envvar=DEBUG_ENV, help="Show the Python traceback of a failure.")
@click.pass_context
def main(ctx: click.Context, home: Path | None, debug: bool) -> None:
    """BudgetQA: ask questions of budget disclosures; every figure read from their tables."""
    ctx.obj = Home(home)


def _readable(paths: tuple[Path, ...]) -> tuple[list[Path], list[str]]:
    """The paths that can be read (files and directories), and a Chinese sentence for each one that cannot:
    one bad path does not stop the others."""
    ok, bad = [], []
    for p in paths:
        try:
            mode = p.stat().st_mode
        except OSError as exc:
            bad.append(f"{p}：无法读取（{os_reason(exc)}）。")
            continue
        if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
            ok.append(p)
        else:  # a pipe or a device would block or never end
            bad.append(f"{p}：不是普通文件或目录（可能是管道或设备），已跳过。")
    return ok, bad


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True,
              help="Retire the other stored versions of each disclosure ingested (also accepts a fragment).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Batch mode: parse in N worker processes, one writer stores, the text index follows; "
                   "files already ingested are skipped; a summary table at the end.")
@click.option("--json", "as_json", is_flag=True, help="Batch mode: the summary as one JSON object.")
@click.pass_obj
def ingest(home: Home, paths: tuple[Path, ...], replace: bool, workers: int | None, as_json: bool) -> None:
    """Ingest disclosures (no PATH: the bundled sample), then check the text index against the store."""
    from tqdm import tqdm

    from ingest.health import sync_index
    from ingest.pipeline import disclosure_files, ingest_file

    readable, unreadable = _readable(paths)
    for message in unreadable:
        click.echo(f"错误：{message}", err=True)
    files = disclosure_files(readable) if paths else sample_files()
    if paths and not files:
        raise Failure("没有找到可导入的文件（PDF 或文本形式的预算公开文件）。")
    failures = len(unreadable)
    if workers is not None:  # batch: worker processes, one writer, resumable (ingest/batch.py)
        from ingest import batch
        with tqdm(total=len(files), unit="file", file=sys.stderr, disable=None) as bar:
            report = batch.run(readable if paths else files, home, workers, replace, bar=bar,
                               write=lambda line: tqdm.write(line, file=sys.stderr))
        with home.writing():  # batch or not, the index is checked against the store at the end
            synced = sync_index(home)
        if synced.repaired:
            click.echo(f"文本索引：{synced.summary()}", err=True)
        _keep_figures(home)
        if as_json:
            _echo_json(report.as_json())
        else:
            click.echo(batch.summary(report))
        if report.failed or unreadable:
            sys.exit(1)
        return
    with tqdm(files, unit="file", file=sys.stderr, disable=None) as bar:
        for path in bar:
            bar.set_description(path.name)
            try:
                r = ingest_file(path, home, progress=lambda stage: bar.set_postfix_str(stage), replace=replace)
            except IngestError as exc:
                failures += 1
                tqdm.write(f"错误：{exc}", file=sys.stderr)
                continue
            status = {"added": "已导入", "unchanged": "未变化（已导入过）", "replaced": "已更新（旧版本已停用并删除）",
                      "version": "已导入为新版本（旧版本仍保留，默认以新版本作答；--replace 可停用旧版本）",
                      "indexed": "已补全文本索引", "merged": "已与另一半合并为一份文件",
                      "reparsed": "已用新版解析程序重新读取",
                      "half": f"已导入（这是分两份发布的文件之一，另一份{_other_part(r.document.part)}尚未导入）"}[r.status]
            if r.status == "unchanged" and r.document.versions > 1 and not home.store.is_current(r.document.doc_id):
                status += "；作答的是更新的版本，要改用这一版请加 --replace"
            tqdm.write(f"{status}：{r.document.label}（{path.name}）：{r.tables} 张表，{r.cells} 个单元格，"
                       f"{r.passages} 段文字，新嵌入 {r.vectors} 条")
            for item in r.skipped:
                tqdm.write(f"  未能读取：{item}")
    with home.writing():
        synced = sync_index(home)  # the index is verified, not trusted: missing vectors added, orphans deleted
    if synced.repaired:
        click.echo(f"文本索引：{synced.summary()}")
    _keep_figures(home)
    counts = home.store.counts()
    current = len(home.store.documents())
    versions = f"（共 {counts['documents']} 个版本）" if counts["documents"] != current else ""
    click.echo(f"语料库 {home.path}：{current} 份文件{versions}，{counts['tables']} 张表，"
               f"{counts['cells']} 个单元格，{counts['passages']} 段文字")
    if failures:
        sys.exit(1)


def _keep_figures(home: Home) -> None:
    """What questions read instead of whole documents, made now for the documents stored: each one's
    tables as one record (ingest/snapshot.py; a store written before it gains them here), and the figures
    questions across departments compare, so such a question reads one row per department
    (assistant/keyfigures.py)."""
    from ingest import snapshot

    from . import keyfigures
    from .engine import Engine
    with home.writing():
        snapshot.keep(home.store, [d.doc_id for d in home.store.documents()])
        keyfigures.fill(Engine(home))


@main.command()
@click.pass_obj
def prepare(home: Home) -> None:
    """Work out what questions read instead of whole documents (each document's tables as one record, its
    vocabulary and its forms' names, the figures compared across departments) where missing or made by older
    code: run after an upgrade."""
    from ingest import derived, snapshot

    from . import keyfigures
    from .engine import VOCAB
    t = time.perf_counter()
    _keep_figures(home)
    click.echo(f"已备好：{derived.count(home.store, snapshot.KIND, snapshot.VERSION)} 份文件的表格记录，"
               f"{derived.count(home.store, VOCAB, derived.code_version())} 份词表，"
               f"{derived.count(home.store, keyfigures.KIND, keyfigures.VERSION)} 个跨部门比较用的数"
               f"（{time.perf_counter() - t:.1f} 秒）")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per stored version.")
@click.pass_obj
def documents(home: Home, as_json: bool) -> None:
    """List the stored documents and their versions (the current one answers)."""
    rows = home.store.versions()
    for v in rows:
        if as_json:
            _echo_json(v)
        else:
            mark = "当前" if v["current"] else "旧版"
            click.echo(f"{v['document']}  {v['label']}  第{v['version']}版（{mark}）  {v['tables']} 张表 "
                       f"{v['cells']} 个单元格  {v['ingested_at']} 导入  {v['source']}")
    if not rows and not as_json:
        click.echo("语料库里还没有文件（budgetqa ingest 导入）。")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON document: store, index, advice.")
@click.pass_obj
def doctor(home: Home, as_json: bool) -> None:
    """Check the store (SQLite integrity_check, counts) and the text index against it; say how to recover."""
    from ingest.health import diagnose

    report = diagnose(home)
    if as_json:
        _echo_json(report.as_json())
    else:
        click.echo(report.text())
    if not report.ok:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per table.")
@click.pass_obj
def tables(home: Home, as_json: bool) -> None:
    """List every parsed table: title, kind, rows, columns."""
    from ingest import unread

    for doc in home.store.documents():
        skipped = home.store.skipped(doc.doc_id)
        for t in home.store.tables(doc.doc_id):
            rec = {"document": doc.doc_id, "department": doc.department, "year": doc.year, "ordinal": t.ordinal,
                   "title": t.title, "kind": t.kind, "rows": len(t.rows), "columns": t.column_paths(),
                   "unit": t.unit, "page": t.page, "target_year": t.target_year, "note": t.note,
                   "meanings": [c.meaning for c in t.columns], "skipped": skipped,
                   # rows whose cells do not fit the columns and money cells that are not numbers: not read
                   "unread": unread.for_table(skipped, t)}
            if as_json:
                _echo_json(rec)
            else:
                click.echo(f"{doc.department} {doc.year} #{t.ordinal:<3} {t.kind:<14} {len(t.rows):>3} 行 "
                           f"{len(t.columns):>2} 列  {t.title}")


@main.command()
@click.option("--table", "table", help="Only tables whose title or kind contains this text.")
@click.option("--document", "document", help="Only this document id.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per cell (the default output).")
@click.pass_obj
def cells(home: Home, table: str | None, document: str | None, as_json: bool) -> None:
    """Every stored cell, one JSON object per line."""
    for c in home.store.cells(doc_id=document, table=table):
        _echo_json(c.as_json())


@main.command()
@click.argument("question", required=False)
@click.option("--batch", type=click.Path(path_type=Path),
              help="A file with one question per line (UTF-8, UTF-16 or GBK).")
@click.option("--document", "documents", multiple=True, help="Only these document ids.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer.")
@click.pass_obj
def ask(home: Home, question: str | None, batch, documents: tuple[str, ...], as_json: bool) -> None:
    """Ask a question in plain Chinese (or a file of them with --batch)."""
    from ingest.decode import read_text

    from .engine import Engine
    from .limits import refusal

    if batch:
        lines = read_text(batch).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        questions = [q.strip() for q in lines if q.strip()]
    else:
        questions = [question] if question else []
    if not questions:
        raise click.UsageError("请给出一个问题，或用 --batch 给出问题文件（每行一个问题）。")
    if not batch and (message := refusal(questions[0])) is not None:
        raise Failure(message.answer)  # one question too long: said, exit 1, the engine never loaded
    engine = Engine(home, follow=False)  # one run answers from one state of the store
    for q in questions:
        answer = refusal(q) or engine.ask(q, list(documents) or None)
        if as_json:
            _echo_json(answer.as_json())
        else:
            click.echo(format_answer(answer))


@main.command("eval")
@click.option("--questions", type=click.Path(exists=True, path_type=Path),
              help="A JSONL question set, or a directory of them (default: eval/questions.jsonl).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document with every result.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write a report (.html or .md).")
@click.option("--min-accuracy", type=float, default=None, help="Exit non-zero below this accuracy (0–1).")
@click.pass_obj
def evaluate(home: Home, questions: Path | None, as_json: bool, out: Path | None, min_accuracy: float | None) -> None:
    """Score the engine against a question set, per category and per file, listing every failure."""
    from . import evaluate as ev
    from .engine import Engine

    qs = ev.load_questions(questions or ev.DEFAULT_QUESTIONS)
    report = ev.run(Engine(home, follow=False), qs)
    if as_json:
        _echo_json(report.as_json())
    else:
        click.echo(ev.text_report(report))
    if out:
        out.write_text(ev.html_report(report) if out.suffix.lower() in (".html", ".htm") else ev.markdown_report(report),
                       encoding="utf-8")
        click.echo(f"报告已写入 {out}", err=True)
    if min_accuracy is not None and report.accuracy < min_accuracy:
        click.echo(f"准确率 {report.accuracy:.2%} 低于要求的 {min_accuracy:.2%}", err=True)
        sys.exit(1)


def format_answer(answer) -> str:
    lines = [answer.answer]
    if answer.calculation:
        lines.append(f"计算：{answer.calculation}")
    for c in answer.citations:
        where = "，".join(x for x in (c.table, c.row, c.column and f"{c.column}列", c.page and f"第{c.page}页") if x)
        lines.append(f"  出处：{c.document}｜{where or c.text}")
    return "\n".join(lines)


@main.command()
@click.argument("document", required=False)
@click.option("--all", "whole", is_flag=True,
              help="A corpus report: per document counts by verdict, then each finding (fails, rounding).")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON document per disclosure: checks and summary (with --all: the whole report).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as one self-contained HTML page.")
@click.pass_obj
def check(home: Home, document: str | None, whole: bool, as_json: bool, out: Path | None) -> None:
    """Fact-check disclosures against themselves (no DOCUMENT: every ready one). A report: exit 0 even
    when figures disagree."""
    from assistant.check import render_text, run_checks, summarize
    from assistant.checks.report import corpus_report, render_corpus_text, render_html

    docs = home.store.documents()
    if document:
        docs = [d for d in docs if d.doc_id == document] or [d for d in docs if d.doc_id.startswith(document)]
        if len(docs) != 1:
            raise click.ClickException(f"找不到文件 {document}（用 budgetqa tables 查看已导入的文件）。"
                                       if not docs else f"{document} 对应多份文件，请给出完整的文件编号。")
    results = []
    for doc in docs:
        checks = run_checks(home.store.load(doc.doc_id))
        results.append((doc, checks))
        if whole:
            continue
        if as_json:
            _echo_json({"document": doc.doc_id, "checks": [c.as_json() for c in checks],
                        "summary": summarize(checks)})
        else:
            click.echo(render_text(doc, checks))
    report = corpus_report(results) if whole or out else None
    if whole:
        _echo_json(report) if as_json else click.echo(render_corpus_text(report))
    if out:
        out.write_text(render_html(report), encoding="utf-8")
        click.echo(f"报告已写入 {out}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
