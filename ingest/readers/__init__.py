"""One reader per source format, each producing the same ``ParsedDocument``.

``read`` picks the reader from the bytes themselves (a PDF starts with ``%PDF``, allowing leading
whitespace), so a file's name never decides how it is read.
"""
from __future__ import annotations

from ..model import ParsedDocument
from .base import Reader
from .pdf import PdfReader
from .text import TextReader

READERS: list[Reader] = [PdfReader(), TextReader()]


def read(data: bytes, source: str) -> ParsedDocument:
    for reader in READERS:
        if reader.accepts(data):
            return reader.read(data, source)
    raise AssertionError("the text reader accepts everything")  # pragma: no cover
