"""A quoted passage is outlined on its page: pageimage.text_boxes finds its printed lines in the page's text
layer, on every real PDF, and the text under the boxes is the passage's."""
import random

import pypdfium2 as pdfium

from assistant.pageimage import text_boxes
from conftest import REAL
from ingest.home import Home
from ingest.textnorm import normalise


def _under(pdf, page, boxes) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pg = doc[page - 1]
        h = pg.get_height()
        tp = pg.get_textpage()
        return "".join("".join(normalise(tp.get_text_bounded(b[0] - 1, h - b[3] - 1, b[2] + 1, h - b[1] + 1)).split())
                       for b in boxes)
    finally:
        doc.close()


def test_quoted_passages_are_found_and_outlined_on_their_pages(real_home):
    store = Home(real_home).store
    rng = random.Random(13)
    tried = found = 0
    for d in store.documents():
        pdf = REAL / d.source
        if pdf.suffix.lower() != ".pdf" or not pdf.exists():
            continue
        passages = [p for p in store.passages(d.doc_id) if p.page and len("".join(p.text.split())) >= 20]
        for p in rng.sample(passages, min(6, len(passages))):
            tried += 1
            boxes = text_boxes(pdf, p.page, p.text)
            if not boxes:
                continue
            found += 1
            want = "".join(normalise(p.text).split())
            under = _under(pdf, p.page, boxes)
            # (the text under the boxes comes back in the page's own order: compare characters, not order)
            assert sum(ch in under for ch in want[:20]) >= 19, (d.label, p.page, want[:30], under[:60])
            assert all(b[0] < b[2] and b[1] < b[3] for b in boxes)
    assert tried >= 50
    assert found / tried >= 0.9, f"{found}/{tried} passages located"
    # A sentence the page does not print is not outlined anywhere.
    d = next(d for d in store.documents() if (REAL / d.source).suffix == ".pdf")
    assert text_boxes(REAL / d.source, 1, "这一句话并不在这份文件的任何一页上出现过。") == []
