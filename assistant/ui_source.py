"""Where an answer's figures are printed: the cited row and column first, the original PDF page with the
cited cells outlined, the full table on demand. Used by ``ui.render_answer``; draws with Streamlit.

The page image is shown as an ``<img>`` with each cited cell's box drawn over it as an outlined element
(class ``bqa-mark``, placed in percent of the image), so the outline scales with the image at any width
and a test can find it. The image opens full size (the phone's own zoom) from 整页原图.
"""
from __future__ import annotations

import base64
import html
from pathlib import Path

import pandas as pd
import streamlit as st

from ingest.model import NARRATIVE, Table
from ingest.sources import pdf_for

from . import pageimage
from .answer import Citation

MARK_CSS = """
<style>
.bqa-page{position:relative;display:block;width:100%;max-width:820px;margin:0 0 .25rem 0;
  border:1px solid #ccc;background:#fff;line-height:0}
.bqa-page img{width:100%;height:auto;display:block}
.bqa-wide{display:none !important}
@media (min-width: 700px){.bqa-wide{display:block !important}.bqa-narrow{display:none !important}}
.bqa-mark{position:absolute;border:3px solid #d32f2f;border-radius:3px;box-sizing:content-box;
  margin:-5px 0 0 -5px;padding:2px;background:rgba(255,213,79,.18);pointer-events:none}
</style>"""


def cell_lookup(table: Table, row_ordinal: int | None, column: str | None):
    row = next((r for r in table.rows if r.ordinal == row_ordinal), None)
    if row is None:
        return None, None
    return row, row.cell(column) if column else None


def source_pdf(engine, doc_id: str, narrative: bool = False):
    doc = engine.corpus.find_doc(doc_id)
    if doc is None:
        return None
    home = engine.home
    return pdf_for(home.path, doc.document, home.store.members(doc_id), narrative)


def page_marks(table: Table, cites: list[Citation]) -> dict[int, list[pageimage.Box]]:
    """The cited cells' boxes, by the PDF page they are printed on."""
    out: dict[int, list[pageimage.Box]] = {}
    for c in cites:
        row, cell = cell_lookup(table, c.row_ordinal, c.column)
        if row is None or cell is None or cell.bbox is None:
            continue
        out.setdefault(row.page or table.page or 0, []).append(tuple(cell.bbox))
    return {p: boxes for p, boxes in out.items() if p}


def page_html(view: pageimage.View, alt: str, page: int = 0, source: str = "", cls: str = "") -> str:
    data = base64.b64encode(view.png).decode()
    marks = "".join(
        f'<div class="bqa-mark" role="presentation" style="left:{100 * x:.3f}%;top:{100 * y:.3f}%;'
        f'width:{100 * w:.3f}%;height:{100 * h:.3f}%"></div>' for x, y, w, h in view.marks)
    natural = round(view.width / pageimage.SCALE * 1.4)  # never blown up past about print size
    region = ",".join(f"{v:.2f}" for v in view.region)  # page, file and region: a test can read the outlined text back
    return (f'{MARK_CSS}<div class="bqa-page {cls}" data-testid="bqa-page" data-marks="{len(view.marks)}" '
            f'data-page="{page}" data-source="{html.escape(source, quote=True)}" data-region="{region}" '
            f'style="max-width:{natural}px">'
            f'<img src="data:{view.mime};base64,{data}" alt="{html.escape(alt, quote=True)}" '
            f'width="{view.width}" height="{view.height}">{marks}</div>')


def render_page(engine, table: Table, cites: list[Citation], key: str, band: bool = True) -> bool:
    """The cited page(s) of ``table`` with the cited cells outlined. False when there is no PDF to show
    (the text form, or a corpus ingested before sources were kept)."""
    src = source_pdf(engine, cites[0].doc_id, narrative=table.kind == NARRATIVE)
    if src is None:
        return False
    marks = page_marks(table, cites)
    if not marks:
        return False
    home = engine.home.path
    sha = src.path.stem
    for page, boxes in sorted(marks.items()):
        png = pageimage.page_png(home, src.path, sha, page)
        what = "、".join(dict.fromkeys(f"{c.row} × {(c.column or '').split('/')[-1]}" for c in cites
                                       if (c.page or 0) == page or len(marks) == 1))
        alt = f"原文第{page}页（{src.name}）{'局部' if band else '整页'}，红框标出答案用到的单元格：{what}"
        # A phone gets the cells with a little around them, at a readable size; a wide screen also the row's
        # label. Both are sent; CSS shows the one that fits (a band is tens of kB).
        narrow = pageimage.view(png, pageimage.SCALE, boxes, band=band)
        wide = pageimage.view(png, pageimage.SCALE, boxes, band=band, reach=pageimage.DESK)
        if not band or wide.region == narrow.region:
            st.html(page_html(narrow, alt, page, src.name))
        else:
            st.html(page_html(narrow, alt, page, src.name, "bqa-narrow") + page_html(wide, alt, page, src.name, "bqa-wide"))
        from .ui import md  # here: ui imports this module

        st.caption(f"原文第 {page} 页（{md(src.name)}）· 红框为答案用到的单元格" + ("；可点“整页原图”放大" if band else ""))
    return True


def render_whole_pages(engine, table: Table, cites: list[Citation], key: str) -> None:
    """Whole pages, outlined, each with a full-size download (opens in the phone's image viewer, zoomable)."""
    src = source_pdf(engine, cites[0].doc_id, narrative=table.kind == NARRATIVE)
    if src is None:
        return
    for page, boxes in sorted(page_marks(table, cites).items()):
        png = pageimage.page_png(engine.home.path, src.path, src.path.stem, page)
        view = pageimage.view(png, pageimage.SCALE, boxes, band=False)
        st.html(page_html(view, f"原文第{page}页整页（{src.name}），红框标出答案用到的单元格", page, src.name))
        st.download_button("下载本页图片（可放大查看）", lambda png=png, boxes=boxes: pageimage.outlined(png, pageimage.SCALE, boxes),
                           file_name=f"{Path(src.name).stem}-第{page}页.png", mime="image/png",
                           key=f"{key}-png-{page}", icon=":material/zoom_in:", on_click="ignore")


def cited_frame(table: Table, cites: list[Citation]) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Only the cited rows and columns: what a phone shows first, without scrolling sideways."""
    rows: dict[int, dict] = {}
    columns: list[str] = []
    marked = []
    for c in cites:
        row, cell = cell_lookup(table, c.row_ordinal, c.column)
        if row is None or cell is None:
            continue
        col = c.column.replace("/", " / ")
        if col not in columns:
            columns.append(col)
        if row.ordinal not in rows:
            label = f"{row.code} {row.label}" if row.code and row.code not in row.label else row.label
            rows[row.ordinal] = {"项目": label}
        rows[row.ordinal][col] = cell.raw or "（空白）"
        marked.append((list(rows).index(row.ordinal), col))
    frame = pd.DataFrame(list(rows.values()), columns=["项目", *columns]).fillna("")
    return frame, marked


def render_cited(table: Table, cites: list[Citation]) -> None:
    from .ui import highlighted

    frame, marked = cited_frame(table, cites)
    if frame.empty:
        return
    st.table(highlighted(frame, marked).hide(axis="index"))


def render_passage_page(engine, c: Citation, key: str) -> None:
    """The whole page a quoted passage is printed on, its lines outlined where the page's text layer has
    them (pageimage.text_boxes)."""
    src = source_pdf(engine, c.doc_id, narrative=True)
    if src is None or not c.page:
        return
    png = pageimage.page_png(engine.home.path, src.path, src.path.stem, c.page)
    boxes = pageimage.text_boxes(src.path, c.page, c.text or "") if src.path.suffix.lower() == ".pdf" else []
    view = pageimage.view(png, pageimage.SCALE, boxes, band=False)
    where = "，引文已用红框标出" if boxes else ""
    st.html(page_html(view, f"原文第{c.page}页整页（{src.name}）{where}", c.page, src.name))
