"""A cited PDF page as an image, with the cited cells' boxes: rendered lazily, cached in the home.

No Streamlit here: ``page_png`` renders (pypdfium2) and caches ``pages/<sha256>-<page>-<scale>.png``;
``view`` works out what to show for a set of cited boxes — the whole page, or a band around the cells
narrow enough to read on a phone — with each box as fractions of the image, for an outline drawn over it.
"""
from __future__ import annotations

import functools
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path

SCALE = 2  # 144 dpi: sharp on a phone's 2-3x screen without megabyte pages
_LOCK = threading.Lock()  # pdfium is not thread-safe; Streamlit reruns in threads

Box = tuple[float, float, float, float]  # PDF points, top-left origin: x0, top, x1, bottom


def cache_dir(home_path: Path) -> Path:
    return Path(home_path) / "pages"


def page_png(home_path: Path, pdf: Path, sha256: str, page: int, scale: int = SCALE) -> Path:
    """The PNG of one page (1-based), rendered once and kept in the home."""
    target = cache_dir(home_path) / f"{sha256[:16]}-{page}-{scale}.png"
    if target.exists():
        return target
    import pypdfium2 as pdfium

    with _LOCK:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            image = doc[page - 1].render(scale=scale).to_pil()
        finally:
            doc.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    image.save(tmp, format="PNG")
    os.replace(tmp, target)
    return target


def page_size(pdf: Path, page: int) -> tuple[float, float]:
    import pypdfium2 as pdfium

    with _LOCK:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            return tuple(doc[page - 1].get_size())
        finally:
            doc.close()


@dataclass(frozen=True)
class View:
    png: bytes  # the image shown (the page, or a band of it)
    width: int
    height: int
    marks: tuple[Box, ...]  # each cited box as fractions of the image: left, top, width, height
    whole: bool  # the whole page, not a band
    mime: str = "image/png"
    region: Box = (0.0, 0.0, 0.0, 0.0)  # the part of the page shown, in PDF points


PHONE = (45.0, 45.0, 320.0)  # points left and right of the cells, least width: a phone reads it at 1:1
DESK = (420.0, 120.0, 560.0)  # on a wide screen, reach back to the row's label


def view(png_path: Path, scale: int, boxes: list[Box], band: bool = True, margin: float = 45,
         reach: tuple[float, float, float] = PHONE) -> View:
    return _view(Path(png_path), scale, tuple(tuple(b) for b in boxes), band, margin, reach)


@functools.lru_cache(maxsize=64)  # the chat redraws every earlier answer on each rerun
def _view(png_path: Path, scale: int, boxes: tuple[Box, ...], band: bool, margin: float,
          reach: tuple[float, float, float]) -> View:
    """What to show for ``boxes`` on a page rendered at ``scale``: with ``band``, the page cut to the
    cited cells plus ``margin`` points above and below and ``reach`` (left, right, least width) across;
    else the whole page."""
    from PIL import Image

    image = Image.open(png_path)
    w, h = image.size
    pw, ph = w / scale, h / scale
    if band and boxes:
        left, right, least = reach
        x0 = min(b[0] for b in boxes) - left
        x1 = max(b[2] for b in boxes) + right
        top = min(b[1] for b in boxes) - margin
        bottom = max(b[3] for b in boxes) + margin
        if x1 - x0 < least:  # never narrower than this many points: context either side of the figure
            mid = (x0 + x1) / 2
            x0, x1 = mid - least / 2, mid + least / 2
        x0, x1 = max(0.0, x0), min(pw, x1)
        top, bottom = max(0.0, top), min(ph, bottom)
        crop = (round(x0 * scale), round(top * scale), round(x1 * scale), round(bottom * scale))
        image = image.crop(crop)
        ox, oy = x0, top
    else:
        ox, oy = 0.0, 0.0
    cw, ch = image.size[0] / scale, image.size[1] / scale
    marks = tuple(((b[0] - ox) / cw, (b[1] - oy) / ch, (b[2] - b[0]) / cw, (b[3] - b[1]) / ch) for b in boxes)
    out = io.BytesIO()
    if band and boxes:
        image.save(out, format="PNG")
    else:  # a whole page: JPEG is a third of the PNG's bytes, and the text stays sharp at quality 85
        image.convert("RGB").save(out, format="JPEG", quality=85)
    return View(out.getvalue(), image.size[0], image.size[1], marks, whole=not (band and boxes),
                mime="image/png" if band and boxes else "image/jpeg", region=(ox, oy, ox + cw, oy + ch))


def outlined(png_path: Path, scale: int, boxes: list[Box]) -> bytes:
    """The whole page with the boxes drawn in (for download: the outline travels with the image)."""
    from PIL import Image, ImageDraw

    image = Image.open(png_path).convert("RGB")
    draw = ImageDraw.Draw(image)
    for b in boxes:
        draw.rectangle([b[0] * scale - 3, b[1] * scale - 3, b[2] * scale + 3, b[3] * scale + 3],
                       outline=(211, 47, 47), width=2 * scale)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def text_boxes(pdf: Path, page: int, text: str) -> list[Box]:
    """Where a quoted passage is printed on its page: one box per printed line it covers (PDF points,
    top-left origin), found in the page's own text layer; [] when it is not found there (a passage joined
    across pages, a page without a text layer). Spaces and line breaks are ignored on both sides, and the
    page's characters are repaired as the reader repairs them (Kangxi radicals → ideographs)."""
    import pypdfium2 as pdfium

    from ingest.textnorm import normalise

    wanted = "".join(normalise(text.rstrip("…")).split())
    if len(wanted) < 4:
        return []
    with _LOCK:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            pg = doc[page - 1]
            height = pg.get_height()
            tp = pg.get_textpage()
            chars: list[tuple[str, int]] = []
            for i in range(tp.count_chars()):
                ch = normalise(tp.get_text_range(i, 1))
                if ch and not ch.isspace():
                    chars.append((ch[0], i))
            hay = "".join(c for c, _ in chars)
            head = wanted[:24]
            start = hay.find(head)
            if start < 0:
                return []
            tail = wanted[-12:]
            end = hay.find(tail, start + max(len(wanted) - 24, 0)) if len(wanted) > 24 else -1
            end = end + len(tail) if end >= 0 else min(len(hay), start + len(wanted))
            lines: dict[int, list[float]] = {}
            for _, i in chars[start:end]:
                left, bottom, right, top = tp.get_charbox(i)
                key = round((height - top) / 4)  # characters of one printed line share their top
                box = lines.setdefault(key, [left, height - top, right, height - bottom])
                box[0], box[1] = min(box[0], left), min(box[1], height - top)
                box[2], box[3] = max(box[2], right), max(box[3], height - bottom)
        finally:
            doc.close()
    return [tuple(b) for _, b in sorted(lines.items())]
