"""Read a published disclosure PDF: tables from the page itself (ruling lines, word positions), the
narrative from the text outside them, the document's metadata from its own pages.

Per page, pdfplumber finds the ruled tables (each cell with its box) and the text lines; the pages are
then read as one stream, top to bottom: a table title line (or a title printed inside the ruled area)
starts a table, unit and department lines describe it, 注 lines under it are its note, and a table on
the next page with no title of its own continues it (its repeated header dropped). Everything else is
narrative. The grid of each table is turned into the shared model by ``ingest.grid``.
"""
from __future__ import annotations

import bisect
import hashlib
import io
import re

from .. import grid as gridlib
from .. import templates
from ..grid import GCell, Grid
from ..meta import read_meta
from ..model import Document, IngestError, ParsedDocument
from ..narrative import figures_table
from ..textnorm import join_spaced, normalise
from .layout import LOOSE_FIGURE, Line, PageTable, Stream
from .passages import passages_from_paragraphs

_PRINTED_PAGE = re.compile(r"^[-—–－]?\s*(?:第\s*)?(\d{1,3})\s*(?:页)?\s*[-—–－]?$|^(\d{1,3})\s*/\s*\d{1,3}$")
# Fewer characters than this on every page: no text layer (a scan).
_MIN_CHARS = 20


def read_pdf(data: bytes, source: str) -> ParsedDocument:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages_raw = pdf.pages
    except Exception as exc:  # pdfminer raises many kinds for damaged and encrypted files
        raise IngestError(_open_error(source, exc)) from exc
    with pdf:
        try:
            chars = sum(len(p.chars) for p in pages_raw)
        except Exception as exc:
            raise IngestError(_open_error(source, exc)) from exc
        if chars < _MIN_CHARS * max(1, len(pages_raw)) // 4:
            raise IngestError(f"{source}：这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的数字；"
                              "请使用政府网站发布的原始 PDF。")
        lines: list[Line] = []
        tables: list[PageTable] = []
        printed: dict[int, str] = {}
        skipped: list[str] = []
        for number, page in enumerate(pages_raw, start=1):
            try:
                # Only what lies on the page: some files draw the previous page's text again above the top
                # edge (clipped, invisible), which would read as duplicate paragraphs and rows.
                page_lines, page_tables, page_no, lost = _read_page(page.crop(page.bbox), number)
            except Exception as exc:  # one unreadable page does not lose the others
                skipped.append(f"第{number}页：无法读取（{type(exc).__name__}）")
                continue
            lines += page_lines
            tables += page_tables
            if lost:
                skipped.append(f"第{number}页：表格内 {len(lost)} 个数字不在任何单元格线内，未读取（{'、'.join(lost[:4])}）")
            if page_no:
                printed[number] = page_no
            page.flush_cache()
    page_texts: dict[int, list[str]] = {}
    for ln in lines:
        page_texts.setdefault(ln.page, []).append(ln.text)
    for t in tables:  # a merged cell is one object in every position it covers: its text once per row
        page_texts.setdefault(t.page, []).extend(
            " ".join(g.text for c, g in enumerate(row) if g.text and (c == 0 or row[c - 1] is not g))
            for row in t.grid.rows)
    meta = read_meta(["\n".join(page_texts.get(n, [])) for n in range(1, len(pages_raw) + 1)], source)
    digest = hashlib.sha256(data).hexdigest()
    document = Document(doc_id=digest[:16], title=meta.title, department_code="", department=meta.department,
                        year=meta.year, kind=meta.kind, unit=meta.text_unit, source=source, sha256=digest,
                        region=meta.region, scope=meta.scope, text_unit=meta.text_unit, part=meta.part)
    parsed_tables, paragraphs = Stream(document, printed).read(lines, tables, skipped)
    passages = passages_from_paragraphs(paragraphs)
    figures = figures_table(passages, len(parsed_tables), document.text_unit, document.department)
    if figures is not None:
        parsed_tables.append(figures)
    money = templates.money_kinds()
    if not any(t.kind in money for t in parsed_tables) and meta.part != "说明":
        raise IngestError(f"{source}：没有找到部门预算/决算表格（如收支总表、收入总表），它看起来不是预算公开文件。")
    return ParsedDocument(document=document, tables=parsed_tables, passages=passages, skipped=skipped)


def _open_error(source: str, exc: Exception) -> str:
    # pdfplumber wraps pdfminer's own error (PDFPasswordIncorrect, PDFEncryptionError …) in its args.
    name = " ".join([type(exc).__name__] + [type(a).__name__ for a in exc.args if isinstance(a, Exception)])
    if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
        return f"{source}：这个 PDF 已加密（需要密码），无法读取；请使用未加密的原始文件。"
    return f"{source}：PDF 文件已损坏或不完整，无法打开（{name}）。"


def _read_page(page, number: int) -> tuple[list[Line], list[PageTable], str | None, list[str]]:
    ruled = page.filter(_visible)
    closing = _closing_rules(ruled)
    found = ruled.find_tables(table_settings={"explicit_horizontal_lines": closing})
    ink = _Ink(page.extract_words()) if found else None
    rules = [e for e in ruled.edges if e["orientation"] == "h"]
    opened = [(r["top"], a, b) for r in closing for a, b in _uncovered(r, rules)]
    # A ruled box around one column of text (名词解释 framed on the page, a boxed contents) is prose in a
    # frame, not a table: its lines are read as narrative.
    tables = [t for t in (_page_table(ft, number, ink, opened) for ft in found)
              if t is not None and t.grid.width > 1]
    tables = [_unruled_body(t, ink.words, tables) for t in tables]
    boxes = [t.bbox for t in tables]
    lines: list[Line] = []
    # On a page of prose some fonts set digits a few points below the Chinese beside them (y_tolerance 6
    # keeps them on their line; body lines are ≥ 15 pt apart); a page with a table keeps the default, as
    # small print beside a table can be set closer than that.
    for ln in page.extract_text_lines(return_chars=False, y_tolerance=3 if tables else 6):
        if ln["top"] < 0 or ln["bottom"] > page.height:
            continue  # text left outside the page's visible area (a previous page's run-over)
        mid = (ln["top"] + ln["bottom"]) / 2
        xmid = (ln["x0"] + ln["x1"]) / 2
        if any(b[1] - 1 <= mid <= b[3] + 1 and b[0] - 1 <= xmid <= b[2] + 1 for b in boxes):
            continue
        text = join_spaced(normalise(ln["text"])).strip()  # "江 苏 省 高 级 …" read as words
        if text:
            lines.append(Line(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], number))
    lost = _figures_outside_cells(page, tables) if tables else []
    page_no = None
    if lines:
        last = max(lines, key=lambda ln: ln.bottom)
        m = _PRINTED_PAGE.match(last.text.replace(" ", ""))
        if m and last.top > page.height * 0.8:
            page_no = m.group(1) or m.group(2)
            lines.remove(last)
    return lines, tables, page_no, lost


def _unruled_body(t: PageTable, words: list[dict], tables: list[PageTable]) -> PageTable:
    """A table whose ruling is only its header, its rows printed below without rules: each line below the
    header whose words each lie inside one column's x-range (the header's cells) is a row, until a line
    that does not fit — a word across a column edge or beside the table, a note or title, a gap wider than
    the rows are apart, another table. A word is never put in a column whose x-range it does not lie in:
    the first line that would need it ends the rows. A row prints a figure or a name in the first column;
    the first one a figure."""
    split = gridlib.split_rows(t.grid)
    if split.data or not split.header:
        return t
    limit = min((o.bbox[1] for o in tables if o is not t and o.bbox[1] >= t.bbox[3] - 1), default=float("inf"))
    lines: list[list[dict]] = []
    for w in sorted((w for w in words if t.bbox[3] - 1 <= w["top"] < limit), key=lambda w: (w["top"], w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    rows: list[list[GCell]] = []
    gaps: list[float] = []
    last = t.bbox[3]
    for line in lines:
        top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
        gap = top - last
        if gap > max(3 * (bottom - top), 2 * sorted(gaps)[len(gaps) // 2] if gaps else 0):
            break
        text = " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))
        if templates.is_note(text) or templates.is_table_title(text) or templates.boilerplate(text):
            break
        cols: dict[int, list[dict]] = {}
        for w in line:
            k = next((k for k, (a, b) in enumerate(t.xs) if a - 1 <= w["x0"] and w["x1"] <= b + 1), None)
            if k is None:
                cols = {}
                break  # across a column edge, or beside the table: not a row of it
            cols.setdefault(k, []).append(w)
        figures = any(gridlib._is_value(w["text"]) for w in line)
        if not cols or not (figures or (rows and 0 in cols)):
            break
        r = len(t.grid.rows) + len(rows)
        row = [GCell("", None, r, c) for c in range(len(t.xs))]
        for k, ws in cols.items():
            ws.sort(key=lambda w: w["x0"])
            box = (min(w["x0"] for w in ws), top, max(w["x1"] for w in ws), bottom)
            row[k] = GCell(gridlib.cell_text(normalise(" ".join(w["text"] for w in ws))), box, r, k, ink=box)
        rows.append(row)
        if rows[:-1]:
            gaps.append(gap)
        last = bottom
    if not rows:
        return t
    grid = Grid(rows=t.grid.rows + rows, pages=t.grid.pages + [t.page] * len(rows))
    return PageTable(bbox=(t.bbox[0], t.bbox[1], t.bbox[2], last), grid=grid, xs=t.xs, page=t.page)


def _visible(obj) -> bool:
    """Whether an object draws anything on white paper: a white box filled behind a cell's text (no
    outline) is not a ruling, and would cut one printed cell into a cell per line of its text."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return not (obj.get("fill") and _white(obj.get("non_stroking_color")))


def _white(color) -> bool:
    if color is None:
        return False
    c = tuple(color) if isinstance(color, (list, tuple)) else (color,)
    if len(c) == 4:  # CMYK
        return all(v <= 0.01 for v in c)
    return len(c) in (1, 3) and all(v >= 0.99 for v in c)


def _closing_rules(page) -> list[dict]:
    """A table cut by a page break: its vertical rules run to the cut, but the cells there have no rule
    closing them (the cell goes on over the page, its text printed on both sides of the break). Each run of
    vertical rules is closed where two or more of them end together, at its top and at its bottom; where the
    table has its closing rule already, this is the same line again."""
    v = sorted((e for e in page.edges if e["orientation"] == "v" and e["height"] >= 3), key=lambda e: e["top"])
    runs: list[list[dict]] = []
    for e in v:
        if runs and e["top"] <= max(o["bottom"] for o in runs[-1]) + 1:
            runs[-1].append(e)
        else:
            runs.append([e])
    rules = []
    for run in runs:
        for end, y in (("top", min(e["top"] for e in run)), ("bottom", max(e["bottom"] for e in run))):
            at = [e["x0"] for e in run if abs(e[end] - y) <= 1.5]
            if len(at) >= 2 and max(at) - min(at) > 3:
                rules.append({"x0": min(at), "x1": max(at), "top": y, "bottom": y, "width": max(at) - min(at),
                              "height": 0, "orientation": "h", "object_type": "explicit_edge"})
    return rules


def _uncovered(rule: dict, edges: list[dict]) -> list[tuple[float, float]]:
    """The stretches of a closing rule that no printed rule covers: where a cell is open."""
    spans = sorted((e["x0"], e["x1"]) for e in edges if abs(e["top"] - rule["top"]) <= 1.5)
    out, x = [], rule["x0"]
    for a, b in spans:
        if a > x + 1:
            out.append((x, min(a, rule["x1"])))
        x = max(x, b)
    if x < rule["x1"] - 1:
        out.append((x, rule["x1"]))
    return [(a, b) for a, b in out if b - a > 3]


def _figures_outside_cells(page, tables: list[PageTable]) -> list[str]:
    """Figures printed inside a table's outline but in no ruled cell of it (a row whose rules are missing):
    named, so that nothing printed in a table is lost without a word."""
    cells = [g.bbox for t in tables for row in t.grid.rows for g in row if g.bbox]
    lost = []
    for w in page.extract_words():
        if not LOOSE_FIGURE.fullmatch(w["text"]):
            continue
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        inside_table = any(t.bbox[0] <= x <= t.bbox[2] and t.bbox[1] <= y <= t.bbox[3] for t in tables)
        if inside_table and not any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in cells):
            lost.append(w["text"])
    return lost


class _Ink:
    """Where the words inside a box are printed: a cell's text extent, from the page's words."""

    def __init__(self, words: list[dict]):
        self.words = sorted(words, key=lambda w: (w["top"] + w["bottom"]) / 2)
        self.mids = [(w["top"] + w["bottom"]) / 2 for w in self.words]

    def box(self, bbox) -> tuple[float, float, float, float] | None:
        x0, top, x1, bottom = bbox
        inside = [w for w in self.words[bisect.bisect_left(self.mids, top):bisect.bisect_right(self.mids, bottom)]
                  if x0 <= (w["x0"] + w["x1"]) / 2 <= x1]
        if not inside:
            return None
        return (min(w["x0"] for w in inside), min(w["top"] for w in inside),
                max(w["x1"] for w in inside), max(w["bottom"] for w in inside))


# A cell line of figures alone (「10.8 1000」, 「≤184.94」) under a line of words.
_FIGURE_LINE = re.compile(r"^[\d.,%％≥≤=＝<>＜＞\s]+$")
# Some fonts set a line's figures a few points below the Chinese beside them: read with the default tolerance
# the figures drop to a line of their own (「实现年储备活体生猪万头，…」 / 「10.8 1000」); this tolerance puts
# them back in their places. Line pitch in a cell is ≥ 9 pt, so no two real lines join.
_LOOSE_Y = 5


def _cell_texts(found) -> list[list[str | None]]:
    """The table's cell texts; a cell whose figures fell to a line of their own is read again with the looser
    tolerance. Only such cells: text set vertically in a narrow cell would interleave if read loosely."""
    texts = found.extract()
    dropped = [[bool(t) and any(_FIGURE_LINE.match(x) for x in t.split("\n")[1:]) for t in row] for row in texts]
    if not any(any(row) for row in dropped):
        return texts
    loose = found.extract(y_tolerance=_LOOSE_Y)
    return [[lt if d else t for t, lt, d in zip(row, lrow, drow)] for row, lrow, drow in zip(texts, loose, dropped)]


def _page_table(found, number: int, ink: _Ink | None = None,
                opened: list[tuple[float, float, float]] = ()) -> PageTable | None:
    """pdfplumber's table → a Grid whose merged cells are shared objects, with empty columns dropped."""
    rows = found.rows
    if not rows:
        return None
    xs = sorted({round(c[0], 1) for r in rows for c in r.cells if c is not None})
    tops = [r.bbox[1] for r in rows]
    texts = _cell_texts(found)
    grid_rows: list[list[GCell | None]] = [[None] * len(xs) for _ in rows]
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            g = GCell(gridlib.cell_text(normalise(texts[r][c] or "")), tuple(box), r, c)
            if g.text and ink is not None:
                g.ink = ink.box(box)
            # A merged cell covers the columns and rows its box spans.
            c_end = next((k for k in range(c + 1, len(xs)) if xs[k] >= box[2] - 1), len(xs))
            r_end = next((k for k in range(r + 1, len(rows)) if tops[k] >= box[3] - 1), len(rows))
            for rr in range(r, r_end):
                for cc in range(c, c_end):
                    if grid_rows[rr][cc] is None:
                        grid_rows[rr][cc] = g
    for r, row in enumerate(grid_rows):
        for c in range(len(row)):
            if row[c] is None:
                row[c] = GCell("", None, r, c)
    edges = [(xs[k], xs[k + 1] if k + 1 < len(xs) else found.bbox[2]) for k in range(len(xs))]
    grid = Grid(rows=grid_rows, pages=[number] * len(rows))
    keep = [c for c in range(len(xs)) if any(grid.origin(r, c) is not None and grid.origin(r, c).text
                                             for r in range(len(rows)))]
    if not keep:
        return None
    grid = grid.keep_columns(keep)
    table = PageTable(bbox=tuple(found.bbox), grid=grid, xs=[edges[c] for c in keep], page=number)

    def open_at(g: GCell, y: float) -> bool:
        mid = (g.bbox[0] + g.bbox[2]) / 2
        return any(abs(oy - y) <= 1.5 and a <= mid <= b for oy, a, b in opened)
    for c, g in enumerate(grid.rows[0]):
        if g.bbox and open_at(g, g.bbox[1]):
            table.open_top.add(c)
    for c, g in enumerate(grid.rows[-1]):
        if g.bbox and open_at(g, g.bbox[3]):
            table.open_bottom.add(c)
    return table


class PdfReader:
    name = "pdf"

    def accepts(self, data: bytes) -> bool:
        return data.lstrip()[:5] == b"%PDF-"

    def read(self, data: bytes, source: str) -> ParsedDocument:
        # Blank lines before the header (a file saved through a text tool) shift every offset the PDF's
        # cross-reference table gives: the file proper starts at %PDF, and is the same file as without them.
        return read_pdf(data.lstrip(), source)
