"""The interface every reader implements: bytes in, the shared ``ParsedDocument`` out (or IngestError)."""
from __future__ import annotations

from typing import Protocol

from ..model import ParsedDocument


class Reader(Protocol):
    name: str

    def accepts(self, data: bytes) -> bool:
        """Whether these bytes are this reader's format (sniffed from the content, not the file name)."""

    def read(self, data: bytes, source: str) -> ParsedDocument:
        """Parse the whole document; raise ``IngestError`` (a Chinese message naming ``source``) when it
        cannot be read, before anything is written anywhere."""
