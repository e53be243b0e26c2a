"""Budget subjects the narrative names by their place in the 支出功能分类 ("公共安全支出（204类）司法（06款）
行政运行（01项）", "“一般公共服务支出（类）财政事务（款）行政运行（项）”", "法院（款）行政运行（项）支出" under a
heading "（一）公共安全（类）", "行政运行（2013301）", "一般公共服务（类）支出"), resolved to the row of a
functional table that prints that subject — by code where the text gives one, else by name level by level
under the class. A figure without a subject of its own ("支出决算为 1511.89 万元", "2026年预算安排 …")
takes the subject its paragraph named last."""
from __future__ import annotations

import re

from ingest import model
from ingest.model import Row, Table

from .core import code_of, norm
from .doc import Doc
from .vocab import class_code

_LEVELS = {"类": 3, "款": 5, "项": 7}
_SEGMENT = re.compile(r"([^\s（）()，,。；;:：、“”\"]+?)\s*[（(]\s*(\d{0,3})\s*(类|款|项)\s*[）)]")
_CODE = re.compile(r"[（(]\s*(2\d{2}(?:\d{2}){0,2})\s*[）)]|(?<!\d)(2\d{6})\s*[-－—]\s*(?=[\u4e00-\u9fff])")
_LEADING_NUMBER = re.compile(r"^(?:[（(][\d一二三四五六七八九十]+[)）]|[\d一二三四五六七八九十]+[、.．]|\d+|[①-⑳])\s*")
# the words a figure carries when its subject is the paragraph's (this period's amount of it)
_BARE = re.compile(r"^(?:\d{4}\s*年度?)?(?:预算安排|预算数|支出决算|决算数|决算|支出|安排|预算)(?:为|是|数)?$")


def path_in(text: str) -> list[tuple[str, str, str]]:
    """The subject path a text names: [(name, printed number, level)] outermost first, or [] ."""
    out = []
    for m in _SEGMENT.finditer(text):
        name = _LEADING_NUMBER.sub("", m.group(1)).strip("“”\"")
        out.append((name, m.group(2), m.group(3)))
    return out


def code_in(text: str) -> str | None:
    m = _CODE.search(text)
    return (m.group(1) or m.group(2)) if m else None


def names_subject(text: str) -> bool:
    return bool(path_in(text) or code_in(text))


def _same(a: str, b: str) -> bool:
    a, b = norm(a).replace("其它", "其他"), norm(b).replace("其它", "其他")
    return a == b or a.removesuffix("支出") == b.removesuffix("支出")


def _class_of(name: str) -> str | None:
    return class_code(name) or class_code(name + "支出")


def resolve_row(table: Table, path: list[tuple[str, str, str]], code: str | None) -> Row | None:
    """The row of a functional table that a path (or a code) names; None when it is not there or the
    names do not single one out."""
    coded = [(c, r) for r in table.rows if (c := code_of(r)) and c.startswith("2")]
    if code:
        return next((r for c, r in coded if c == code), None)
    if not path:
        return None
    if not coded:
        return _by_names(table, path)
    if all(num for _, num, _ in path) and path[0][2] == "类":  # 204类 06款 01项: the code as printed
        code = "".join(num.zfill(3 if lvl == "类" else 2) for _, num, lvl in path)
        if len(code) == _LEVELS[path[-1][2]]:
            return next((r for c, r in coded if c == code), None)
    prefix = ""
    row = None
    for name, _num, level in path:
        if level == "类":
            prefix = _class_of(name) or ""
            if not prefix:
                return None
            row = next((r for c, r in coded if c == prefix), None)
            continue
        hits = [(c, r) for c, r in coded if len(c) == _LEVELS[level] and c.startswith(prefix) and _same(r.label, name)]
        if len({c for c, _ in hits}) != 1:
            return None
        prefix, row = hits[0]
    return row if row is not None and len(code_of(row) or "") == _LEVELS[path[-1][2]] else None


_MEASURE_HEADING = re.compile(r"(人员经费|公用经费|基本支出|项目支出|专项业务经费|专项经费)\s*[:：]")
_MEASURES = {"专项业务经费": "项目支出", "专项经费": "项目支出"}


def measure_heading(before: str) -> str | None:
    """The part of spending a list of subjects is about, where a heading says ("（2）公用经费：①行政运行
    （2013201）124.00 万元"): 人员经费, 公用经费, 基本支出 or 项目支出; None for the whole."""
    hits = list(_MEASURE_HEADING.finditer(before))
    return _MEASURES.get(hits[-1].group(1), hits[-1].group(1)) if hits else None


def _by_names(table: Table, path: list[tuple[str, str, str]]) -> Row | None:
    """A table printing subjects by name only (杭州: 科学技术支出 / 技术研究与开发 / 科技成果转化与扩散 …):
    the class row (known by name), then each named level below it in print order, within the class's
    block (up to the next class row). Needs the class: without it a 行政运行 could be anyone's."""
    if path[0][2] != "类" or len(path) < 2:
        return None
    cls = _class_of(path[0][0])
    rows = table.rows
    start = next((i for i, r in enumerate(rows) if class_code(r.label) == cls), None)
    if cls is None or start is None:
        return None
    end = next((i for i in range(start + 1, len(rows)) if class_code(rows[i].label)), len(rows))
    at = start
    for name, _num, _level in path[1:]:
        at = next((i for i in range(at + 1, end) if _same(rows[i].label, name)), None)
        if at is None:
            return None
    return rows[at]


def tables_for(doc: Doc, words: str, measure: str | None = None) -> list[Table]:
    """The functional tables a subject may be printed in, the one the words point to first (for a part of
    basic spending, the 基本支出 table by function first)."""
    basic = [doc.functional(model.GPB_BASIC)] if measure in ("人员经费", "公用经费", "基本支出") else []
    return [t for t in basic if t is not None] + _tables(doc, words)


def _tables(doc: Doc, words: str) -> list[Table]:
    if "一般公共预算" in words:
        order = (model.GPB_EXPENDITURE, model.FISCAL_EXPENDITURE, model.EXPENDITURE)
    elif "财政拨款" in words:
        order = (model.FISCAL_EXPENDITURE, model.GPB_EXPENDITURE, model.EXPENDITURE)
    else:
        order = (model.EXPENDITURE, model.GPB_EXPENDITURE, model.FISCAL_EXPENDITURE)
    return [t for t in (doc.functional(k) for k in order) if t is not None]


def subject_of(label: str, before: str, section: str, year: int | None) -> tuple[list, str | None] | None:
    """(path, code) of the subject a figure states: its own label's, or — for a bare "支出决算为",
    "2026年预算安排" of this year — the last one its paragraph named before it. The section heading
    supplies the class where the text names only 款 and 项 ("（一）公共安全（类）" over "法院（款）…")."""
    own_path, own_code = path_in(label), code_in(label)
    if not own_path and not own_code:
        bare = re.sub(r"\s+", "", label)
        years = [int(y) for y in re.findall(r"(\d{4})\s*年", bare)]
        if not _BARE.match(bare) or any(y != year for y in years):
            return None
        paths = [m for m in _SEGMENT.finditer(before)]
        codes = [m for m in _CODE.finditer(before)]
        if not paths and not codes:
            return None
        last_path_end = paths[-1].end() if paths else -1
        last_code_end = codes[-1].end() if codes else -1
        if last_code_end > last_path_end:
            own_code = codes[-1].group(1) or codes[-1].group(2)
        else:
            # the whole path ending at the last segment: the segments printed together with it
            tail = before[:last_path_end]
            start = max(tail.rfind(ch) for ch in "。；;\n") + 1
            own_path = path_in(tail[start:]) or path_in(tail)[-1:]
    if own_path and own_path[0][2] != "类":
        heading = [seg for seg in path_in(section) if seg[2] == "类"]
        own_path = heading[-1:] + own_path
    return own_path, own_code
