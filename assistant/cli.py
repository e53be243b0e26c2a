"""``budgetqa``: a thin command line over the library (ingest, tables, cells, ask, eval, check)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ingest.home import HOME_ENV, Home, sample_files
from ingest.model import IngestError


def _echo_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


@click.group()
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), envvar=HOME_ENV,
              help=f"Corpus directory (default ${HOME_ENV} or ~/.budgetqa).")
@click.pass_context
def main(ctx: click.Context, home: Path | None) -> None:
    """BudgetQA: ask questions of budget disclosures; every figure read from their tables."""
    ctx.obj = Home(home)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def ingest(home: Home, paths: tuple[Path, ...]) -> None:
    """Ingest disclosures (no PATH: the bundled sample)."""
    from tqdm import tqdm

    from ingest.pipeline import ingest_file

    files = list(paths) or sample_files()
    failures = 0
    with tqdm(files, unit="file", file=sys.stderr, disable=None) as bar:
        for path in bar:
            bar.set_description(path.name)
            try:
                r = ingest_file(path, home, progress=lambda stage: bar.set_postfix_str(stage))
            except IngestError as exc:
                failures += 1
                tqdm.write(f"错误：{exc}", file=sys.stderr)
                continue
            status = {"added": "已导入", "unchanged": "未变化（已导入过）", "replaced": "已更新（替换旧版本）"}[r.status]
            tqdm.write(f"{status}：{r.document.label}（{path.name}）：{r.tables} 张表，{r.cells} 个单元格，"
                       f"{r.passages} 段文字，新嵌入 {r.vectors} 条")
    counts = home.store.counts()
    click.echo(f"语料库 {home.path}：{counts['documents']} 份文件，{counts['tables']} 张表，"
               f"{counts['cells']} 个单元格，{counts['passages']} 段文字")
    if failures:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per table.")
@click.pass_obj
def tables(home: Home, as_json: bool) -> None:
    """List every parsed table: title, kind, rows, columns."""
    for doc in home.store.documents():
        for t in home.store.tables(doc.doc_id):
            rec = {"document": doc.doc_id, "department": doc.department, "year": doc.year, "ordinal": t.ordinal,
                   "title": t.title, "kind": t.kind, "rows": len(t.rows), "columns": t.column_paths(),
                   "unit": t.unit, "page": t.page, "target_year": t.target_year}
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


if __name__ == "__main__":  # pragma: no cover
    main()
