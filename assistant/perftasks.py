"""A 部门整体支出 form's 年度主要任务: the tasks it lists (任务名称 | 主要内容 | 预算金额 总额/财政拨款/其他资金, or in a
self-evaluation 全年预算数/全年执行数), each with its amounts — 「整体支出绩效目标表里列了哪些年度主要任务」 lists them,
「整体支出绩效目标里，精神文明建设任务安排了多少钱」 reads the task's 总额 (财政拨款, 执行数 when asked), cited to its cell.

A task is a row above the form's 金额合计 holding a name in a column the form heads 任务名称 and at least one amount
in a column of money (金额, 预算数, 执行数, 资金); an indicator level word (产出指标 …) is no task. Only questions
saying 整体 or 任务 read the tasks: a task's name is often a budget class's too (公共卫生, 中医药).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import model
from ingest.model import Cell, ParsedDocument, Row

from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .perfforms import Form, _leaf
from .vocab import common_run

_NAME_COL = re.compile(r"任务名称$")
_MONEY_COL = re.compile(r"金额|预算数|执行数|资金|总额")
_NOT_TASK = re.compile(r"指标|^任务名称$|^主要内容$")
_TOTAL = re.compile(r"^(金额合计|合计|总计)$")
_MONEY_Q = re.compile(r"多少钱|安排了?多少|预算|资金|金额|经费|花了|执行|多少万")


@dataclass
class Task:
    name: str
    row: Row
    cell: Cell
    amounts: list[Cell]


def _whole(f: Form) -> bool:
    return f.project == "部门整体支出" or f.table.kind == model.OVERALL_PERFORMANCE or "整体" in f.table.title


def tasks(f: Form) -> list[Task]:
    cols = {c.path for c in f.table.columns if _NAME_COL.search(_leaf(c.path))}
    if not cols:
        return []
    out = []
    for row in f.table.rows:
        if _TOTAL.match(row.label.replace(" ", "")):
            break
        cell = next((c for c in row.cells if c.column in cols and c.raw.strip()), None)
        amounts = [c for c in row.cells if c.value is not None and c.column not in cols and _MONEY_COL.search(c.column)]
        if cell is None or not amounts:
            continue
        name = re.sub(r"^\s*\d+\s*[、.．]\s*", "", cell.raw.strip())
        if not name or _NOT_TASK.search(name):
            continue
        out.append(Task(name, row, cell, amounts))
    return out


def _cite(doc: ParsedDocument, f: Form, row: Row, cell: Cell) -> Citation:
    d = doc.document
    return Citation(d.label, d.doc_id, f.table.title, row.label, cell.column, row.page or f.table.page, cell.raw,
                    table_ordinal=f.table.ordinal, row_ordinal=row.ordinal, kind=f.table.kind, unit=cell.unit)


def _pick(q: str, task: Task) -> Cell:
    cells = task.amounts
    if re.search(r"执行|花了|实际|用了", q):
        cells = [c for c in cells if "执行" in c.column] or cells
    else:
        cells = [c for c in cells if "执行" not in c.column] or cells
    if "财政拨款" in q:
        return next((c for c in cells if "财政拨款" in _leaf(c.column)), cells[0])
    if "其他资金" in q:
        return next((c for c in cells if "其他资金" in _leaf(c.column)), cells[0])
    return next((c for c in cells if re.search(r"总额|合计", _leaf(c.column))), cells[0])


def _unit(f: Form, cell: Cell) -> str:
    if cell.unit:
        return cell.unit
    heads = f.table.title + " ".join(c.path for c in f.table.columns) + (f.table.unit or "")
    return "元" if re.search(r"（元）|单位：元", heads) else "万元"


def named_task(text: str, found) -> tuple[Form, Task] | None:
    """Of ``found`` — (form, its tasks) pairs — the task whose name the text says most of: all of a short name,
    four characters or more of a long one."""
    best, best_fit = None, 0
    for f, ts in found:
        for t in ts:
            plain = re.sub(r"[、，,（）()“”\s]", "", t.name)
            n = common_run(text, plain)
            if n >= min(3, len(plain)) and n >= 2 and (n == len(plain) or n >= 4) and n > best_fit:
                best, best_fit = (f, t), n
    return best


def answer(question: str, q: str, doc: ParsedDocument, fs: list[Form]) -> Answer | None:
    if not re.search(r"整体|任务", q):
        return None
    found = [(f, ts) for f in fs if _whole(f) and (ts := tasks(f))]
    if not found:
        return None
    if "自评" in q:
        found = [x for x in found if x[0].table.kind == model.SELF_EVALUATION] or found
    elif re.search(r"目标", q):
        found = [x for x in found if x[0].table.kind != model.SELF_EVALUATION] or found
    if W.LIST.search(q) or re.search(r"(多少|几)(个|项)(年度)?(主要)?任务", q):
        if "任务" not in q:
            return None
        f, ts = found[0]
        items = [f"{t.name}（{_pick(q, t).raw.strip()}）" for t in ts]
        unit = _unit(f, ts[0].amounts[0])
        text = (f"{f.table.title}列出 {len(ts)} 项年度主要任务（金额单位：{unit}）：" + "；".join(items)
                + f"（第{ts[0].row.page or f.table.page}页）")
        cites = [_cite(doc, f, t.row, t.cell) for t in ts]
        if W.LIST.search(q):
            return Answer(question, ANSWERED, text, None, None, None, cites)
        from decimal import Decimal
        return Answer(question, ANSWERED, text, Decimal(len(ts)), "项", f"计数 {len(ts)}", cites)
    if not _MONEY_Q.search(q):
        return None
    best = named_task(q, found)
    if best is None:
        return None
    f, t = best
    cell = _pick(q, t)
    unit = _unit(f, cell)
    what = _leaf(cell.column)
    text = (f"{f.table.title}的年度主要任务“{t.name}”{cell.column.split('/')[-2] if '/' in cell.column else ''}"
            f"{what}为 {cell.raw.strip()} {unit}（{f.table.title}，{t.name}行，{cell.column}列，"
            f"第{t.row.page or f.table.page}页）")
    return Answer(question, ANSWERED, text, cell.value, unit, None, [_cite(doc, f, t.row, cell)])
