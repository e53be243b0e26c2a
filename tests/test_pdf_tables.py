"""Every figure printed in a table of the fifteen real PDFs is stored exactly once, at its row and column.

The PDF is walked here on its own terms — pdfplumber's words and the page's ruling lines, never the
reader's grid, templates or find_tables — and compared with what the real CLI stored (`budgetqa cells`).
The only thing taken from the store to *find* figures is nothing: every page of every file is walked, so a
table the reader dropped whole shows up as missing figures, not as silence.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

import pdfplumber
import pytest

from conftest import ROOT, budgetqa, jsonl

REAL = ROOT.parent / "shared" / "disclosures" / "real"
FILES = sorted(p.name for p in REAL.glob("*.pdf"))
ENV = {"BUDGETQA_EMBED": "hash", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
# Every one of the fifteen prints all six (checked by eye against each PDF's 目录; the 北京 pair prints them in
# the 报表 file, 预算01–05 and 09表, and the pair is one document, so both its files expect them).
CORE = ("收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算财政拨款支出表", "三公经费支出表")
# A printed money figure: thousands-grouped, or with 1–6 decimals (北京 prints 万元 to 6 places). Bare integers
# are left out on purpose: on these pages they are mostly codes (2010601), 栏次 numbers and page numbers, and
# nothing on the page tells them from an integer amount. "%" figures are rates, not money, and don't match.
MONEY = re.compile(r"-?(\d{1,3}(,\d{3})+(\.\d{1,6})?|\d+\.\d{1,6})")
NUMERIC = re.compile(r"-?[\d,.]*\d[\d,.]*")
# "2022.12" in a 绩效自评表 is a month (完成时间), not an amount.
MONTH = re.compile(r"(19|20)\d\d\.(0?[1-9]|1[0-2])")
CJK = re.compile(r"[\u4e00-\u9fff]")
TOL = 1.5  # points: rulings drawn as thin rects and text baselines are not exactly aligned

pytestmark = pytest.mark.skipif(not FILES, reason=f"{REAL} is not here")


def flat(s: str | None) -> str:
    # NFKC so that a reader normalising （） to () or ． to . is not counted wrong; spaces never count.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


@pytest.fixture(scope="session")
def real(tmp_path_factory):
    """All fifteen files ingested once, one CLI run per file (so each has its own exit status), one home."""
    home = tmp_path_factory.mktemp("real-tables")
    runs = {f: budgetqa("ingest", str(REAL / f), home=home, check=False, env=ENV, timeout=600) for f in FILES}
    tables = jsonl(budgetqa("tables", "--json", home=home, env=ENV).stdout)
    cells = jsonl(budgetqa("cells", "--json", home=home, env=ENV).stdout)
    with sqlite3.connect(home / "budgetqa.sqlite") as db:
        docs = {d: s.split(" + ") for d, s in db.execute("SELECT doc_id, source FROM documents")}
    return SimpleNamespace(runs=runs, tables=tables, cells=cells, docs=docs)


# ---- the independent walk -------------------------------------------------------------------------------

def _rulings(page):
    v = [(e["x0"], e["top"], e["bottom"]) for e in page.edges if e["orientation"] == "v"]
    h = [(e["top"], e["x0"], e["x1"]) for e in page.edges if e["orientation"] == "h"]
    return v, h


def _words(page, v):
    """pdfplumber's words (default x_tolerance: 1.5 cut "24995.94" in two), cut again at vertical rulings,
    since two tight cells with no gap wider than the tolerance come out as one word."""
    out = []
    for w in page.extract_words(return_chars=True):
        y = (w["top"] + w["bottom"]) / 2
        cuts = [x for x, t, b in v if w["x0"] + TOL < x < w["x1"] - TOL and t - TOL <= y <= b + TOL]
        parts = defaultdict(list)
        for c in w["chars"]:
            parts[sum((c["x0"] + c["x1"]) / 2 > x for x in cuts)].append(c)
        for cs in parts.values():
            out.append(dict(text="".join(c["text"] for c in cs), x0=min(c["x0"] for c in cs),
                            x1=max(c["x1"] for c in cs), top=min(c["top"] for c in cs),
                            bottom=max(c["bottom"] for c in cs)))
    return out


def _box(x, y, v, h):
    """The ruled cell around (x, y): nearest vertical ruling on each side spanning y, nearest horizontal
    ruling above and below spanning x; a side with no ruling is None."""
    left = max((vx for vx, t, b in v if vx <= x and t - TOL <= y <= b + TOL), default=None)
    right = min((vx for vx, t, b in v if vx >= x and t - TOL <= y <= b + TOL), default=None)
    top = max((hy for hy, a, b in h if hy <= y and a - TOL <= x <= b + TOL), default=None)
    bottom = min((hy for hy, a, b in h if hy >= y and a - TOL <= x <= b + TOL), default=None)
    return left, top, right, bottom


def _centre(w):
    return (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2


def _inside(w, box):
    x, y = _centre(w)
    return box[0] - TOL <= x <= box[2] + TOL and box[1] - TOL <= y <= box[3] + TOL


def _read(ws) -> str:
    """Words in reading order: lines top to bottom (a new line when a word starts below the current one's
    middle), left to right within a line."""
    lines: list[list[dict]] = []
    for w in sorted(ws, key=lambda w: w["top"]):
        if lines and w["top"] < (lines[-1][0]["top"] + lines[-1][0]["bottom"]) / 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return "".join(w["text"] for line in lines for w in sorted(line, key=lambda w: w["x0"]))


@lru_cache(maxsize=None)
def walk(name: str):
    """Every table figure of one PDF, each with its page, word, ruled box and the page's words and rulings.

    A figure is a money word with a vertical ruling on each side: it sits in a ruled grid, where headings,
    notes and the narrative paragraphs around the tables have none (all fifteen files rule their tables;
    a first or last row with no horizontal line still counts). It must have its cell to itself on its line:
    a sentence inside a cell (绩效目标 text such as "年预算安排 8.00 万元，其中…") is running text. A figure
    wrapped in a narrow cell ("376,936.6" over "0", 深圳) is read whole, as printed. Bare integers are the
    one thing knowingly left out (see MONEY)."""
    out = []
    with pdfplumber.open(REAL / name) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            v, h = _rulings(page)
            if not v:
                continue
            ws = _words(page, v)
            for w in ws:
                if not NUMERIC.fullmatch(w["text"]):
                    continue
                x, y = _centre(w)
                left, top, right, bottom = _box(x, y, v, h)
                if left is None or right is None:
                    continue
                if any(o is not w and o["top"] < y < o["bottom"] and left < _centre(o)[0] < right for o in ws):
                    continue  # shares its line in the cell: running text
                text = w["text"]
                if top is not None and bottom is not None:
                    cell = [o for o in ws if _inside(o, (left, top, right, bottom))]
                    # A wrapped figure: numeric pieces alone in a closed cell, at most one of them a figure
                    # by itself, that read as one. Two figures stacked in an open cell stay two.
                    if len(cell) > 1 and all(NUMERIC.fullmatch(o["text"]) for o in cell) \
                            and sum(bool(MONEY.fullmatch(o["text"])) for o in cell) <= 1:
                        if w is not min(cell, key=lambda o: (o["top"], o["x0"])):
                            continue  # the first piece stands for the cell
                        text = flat(_read(cell))
                if not MONEY.fullmatch(text) or MONTH.fullmatch(text):
                    continue
                box = (left, w["top"] if top is None else top, right, w["bottom"] if bottom is None else bottom)
                out.append(SimpleNamespace(page=pno, word=w, text=text, box=box, words=ws, v=v, h=h))
    return out


@lru_cache(maxsize=None)
def _page(name: str, pno: int):
    with pdfplumber.open(REAL / name) as pdf:
        page = pdf.pages[pno - 1]
        v, h = _rulings(page)
        return _words(page, v), v, h


# ---- what the store holds for one file --------------------------------------------------------------------

def _stored(real, name: str) -> list[dict]:
    """The stored table cells printed in this file. 正文数字 is the narrative's figures, not a table. A
    disclosure in two files keeps no file per cell, so its tables go to the file in which their printed text
    is found at their boxes (the 报表 half, by the reader's contract, but not assumed here)."""
    out = []
    for doc, sources in real.docs.items():
        if name not in sources:
            continue
        cells = [c for c in real.cells if c["document"] == doc and c["kind"] != "正文数字"]
        if len(sources) > 1:
            sample = [c for c in cells if c["bbox"] and c["raw"]][:20]

            def found(f):
                with pdfplumber.open(REAL / f) as pdf:
                    return sum(c["page"] <= len(pdf.pages) and flat(c["raw"]) == flat(" ".join(
                        w["text"] for w in pdf.pages[c["page"] - 1].extract_words()
                        if _inside(w, c["bbox"]))) for c in sample)
            if max(sources, key=found) != name:
                continue
        out += cells
    return out


@lru_cache(maxsize=None)
def check(real, name: str):
    """Each walked figure with its verdict: where it is stored, and whether row label and column agree."""
    cells = _stored(real, name)
    by_page = defaultdict(list)
    first: dict[tuple, tuple] = {}  # table -> (its first page, top of its first row there)
    for c in cells:
        if c["bbox"]:
            by_page[c["page"]].append(c)
            key = (c["document"], c["table_ordinal"])
            first[key] = min(first.get(key, (c["page"], c["bbox"][1])), (c["page"], c["bbox"][1]))
    results = []
    for f in walk(name):
        text = f.text
        x, y = _centre(f.word)
        here = [c for c in by_page[f.page] if c["bbox"][0] <= x <= c["bbox"][2] and c["bbox"][1] <= y <= c["bbox"][3]]
        good = [c for c in here if flat(c["raw"]) == text and c["value"] is not None
                and Decimal(c["value"]) == Decimal(text.replace(",", ""))]
        r = SimpleNamespace(fig=f, text=text, cells=here, cell=good[0] if len(good) == 1 else None,
                            status="once" if len(good) == 1 else "duplicated" if good else "wrong" if here else "missing")
        if r.cell:
            r.label = _label_ok(f, r.cell)
            r.column = _column_ok(name, f, r.cell, first, by_page)
        results.append(r)
    return results


def _label_ok(f, cell) -> bool | None:
    """The stored row label is the text of a ruled cell to the left of the figure on its row (the whole
    cell, so a label wrapped over two or three lines or a cell merged over rows reads whole). In a
    side-by-side layout (收入 | 支出) it must be the nearest such cell, or an 收入 label on a 支出 figure
    would pass."""
    want = flat(cell["row_label"])
    x, y = _centre(f.word)
    xs = sorted({vx for vx, t, b in f.v if vx < f.box[0] - TOL and t - TOL <= y <= b + TOL} | {f.box[0]})
    texts = []
    for a, b in reversed(list(zip(xs, xs[1:]))):
        if b - a < 3:
            continue
        _, top, _, bottom = _box((a + b) / 2, y, f.v, f.h)
        box = (a, f.box[1] if top is None else top, b, f.box[3] if bottom is None else bottom)
        t = flat(_read([w for w in f.words if _inside(w, box)]))
        if CJK.search(t):
            texts.append(t)
    if not texts:
        return None  # no label printed on the row (one-row 三公 and 收入/支出总表 of figures only): nothing to compare
    return bool(want) and any(want in t for t in (texts[:1] if cell["side"] else texts))


def _column_ok(name, f, cell, first, by_page) -> bool:
    """The leaf of the stored column path is printed in the table's header: the ruled text above the
    table's first row, on its first page, within the figure's column (header words wrapped over several
    lines are joined in reading order). The header area stops at the cells of a table printed above."""
    leaf = flat(re.sub(r"#\d+$", "", cell["column"].split("/")[-1]))
    page, top = first[(cell["document"], cell["table_ordinal"])]
    words, v, h = _page(name, page)
    above = [c["bbox"][3] for c in by_page[page] if c["table_ordinal"] != cell["table_ordinal"]
             and c["bbox"][3] <= top + TOL]
    ceiling = max(above, default=top - 250)
    head = [w for w in words if ceiling - TOL <= w["top"] and w["bottom"] <= top + TOL
            and f.box[0] - TOL <= _centre(w)[0] <= f.box[2] + TOL
            and None not in _box(*_centre(w), v, h)[::2]]
    return bool(leaf) and leaf in flat(_read(head))


# ---- the tests ----------------------------------------------------------------------------------------------

def _where(real, name, r) -> str:
    c = r.cell or (r.cells[0] if r.cells else None)
    if c is None:
        kinds = sorted({x["kind"] for x in _stored(real, name) if x["page"] == r.fig.page})
        return f"nothing stored there (tables stored on the page: {kinds or 'none'})"
    return (f"[{c['kind']}] row {c['row_label']!r} column {c['column']!r} raw {c['raw']!r} value {c['value']!r}"
            + (f" (+{len(r.cells) - 1} more cells over it)" if len(r.cells) > 1 else ""))


def _report(real, name, bad: list[tuple[str, object]]) -> str:
    counts = defaultdict(int)
    for why, r in bad:
        counts[why] += 1
    lines = [f"{name}: {len(bad)} of {len(check(real, name))} figures: "
             + ", ".join(f"{n} {why}" for why, n in counts.items())]
    lines += [f"  p.{r.fig.page} {r.text!r}: {why} — {_where(real, name, r)}" for why, r in bad[:10]]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def summary(request):
    """Per-file counts, printed at the end of the run (walk / stored once / row label / column)."""
    rows: dict[str, list] = {}
    yield rows
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    if tr and rows:
        tr.write_line("\nfile                               walk  once  label (no label printed)  column")
        for name, (n, once, lab, na, col) in sorted(rows.items()):
            tr.write_line(f"{name:34s} {n:5d} {once:5d} {lab:6d} ({na:4d})              {col:6d}")


@pytest.mark.parametrize("name", FILES)
def test_every_table_figure_is_stored_once_with_its_value(real, name, summary):
    results = check(real, name)
    once = [r for r in results if r.status == "once"]
    summary[name] = (len(results), len(once), sum(r.label is not False for r in once),
                     sum(r.label is None for r in once), sum(bool(r.column) for r in once))
    why = {"missing": "not stored", "duplicated": "stored more than once",
           "wrong": "stored with another text or no value"}
    bad = [(why[r.status], r) for r in results if r.status != "once"]
    assert not bad, _report(real, name, bad)


@pytest.mark.parametrize("name", FILES)
def test_every_stored_figure_has_the_printed_row_label_and_column(real, name):
    once = [r for r in check(real, name) if r.status == "once"]
    bad = [("row label not printed left of it", r) for r in once if r.label is False]
    bad += [("column not printed above it", r) for r in once if not r.column]
    assert not bad, _report(real, name, bad)


@pytest.mark.parametrize("name", FILES)
def test_each_file_ingests_and_yields_the_core_tables(real, name):
    run = real.runs[name]
    assert run.returncode == 0, f"budgetqa ingest {name} exited {run.returncode}: {run.stderr.strip()}"
    docs = {d for d, sources in real.docs.items() if name in sources}
    assert docs, f"{name} ingested but no document lists it as its source"
    kinds = {t["kind"] for t in real.tables if t["document"] in docs}
    assert not set(CORE) - kinds, f"{name}: no table of kind {sorted(set(CORE) - kinds)}; has {sorted(kinds)}"
