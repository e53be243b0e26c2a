"""Read a published disclosure PDF: tables from the page itself (ruling lines, word positions), the
narrative from the text outside them, the document's metadata from its own pages.

Per page, pdfplumber finds the ruled tables (each cell with its box) and the text lines; the pages are
then read as one stream, top to bottom: a table title line (or a title printed inside the ruled area)
starts a table, unit and department lines describe it, 注 lines under it are its note, and a table on
the next page with no title of its own continues it (its repeated header dropped). Everything else is
narrative. The grid of each table is turned into the shared model by ``ingest.grid``.
"""
from __future__ import annotations

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
    found = page.find_tables()
    # A ruled box around one column of text (名词解释 framed on the page, a boxed contents) is prose in a
    # frame, not a table: its lines are read as narrative.
    tables = [t for t in (_page_table(ft, number) for ft in found) if t is not None and t.grid.width > 1]
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


def _page_table(found, number: int) -> PageTable | None:
    """pdfplumber's table → a Grid whose merged cells are shared objects, with empty columns dropped."""
    rows = found.rows
    if not rows:
        return None
    xs = sorted({round(c[0], 1) for r in rows for c in r.cells if c is not None})
    tops = [r.bbox[1] for r in rows]
    texts = found.extract()
    grid_rows: list[list[GCell | None]] = [[None] * len(xs) for _ in rows]
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            g = GCell(gridlib.cell_text(normalise(texts[r][c] or "")), tuple(box), r, c)
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
    return PageTable(bbox=tuple(found.bbox), grid=grid, xs=[edges[c] for c in keep], page=number)


class PdfReader:
    name = "pdf"

    def accepts(self, data: bytes) -> bool:
        return data.lstrip()[:5] == b"%PDF-"

    def read(self, data: bytes, source: str) -> ParsedDocument:
        # Blank lines before the header (a file saved through a text tool) shift every offset the PDF's
        # cross-reference table gives: the file proper starts at %PDF, and is the same file as without them.
        return read_pdf(data.lstrip(), source)
