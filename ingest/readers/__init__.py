"""One reader per source format, each producing the same ``ParsedDocument``.

``read`` picks the reader from the bytes themselves (a PDF starts with ``%PDF``, allowing leading
whitespace), so a file's name never decides how it is read.
"""
from __future__ import annotations

from ..model import ParsedDocument
from ..unread import not_a_number
from .base import Reader
from .pdf import PdfReader
from .text import TextReader

READERS: list[Reader] = [PdfReader(), TextReader()]


def read(data: bytes, source: str) -> ParsedDocument:
    for reader in READERS:
        if reader.accepts(data):
            parsed = reader.read(data, source)
            # Money cells that do not read as numbers are kept as printed text and said, whichever reader.
            parsed.skipped += not_a_number(parsed.tables)
            return parsed
    raise AssertionError("the text reader accepts everything")  # pragma: no cover
