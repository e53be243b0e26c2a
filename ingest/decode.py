"""Turning a file's bytes into text: UTF-8 first, then UTF-16 (Windows "Unicode" text, with its byte-order
mark or without), then the Chinese legacy encodings (GBK/GB18030). Line endings are left to the reader."""
from __future__ import annotations

import codecs
from pathlib import Path

from .errors import os_reason
from .model import IngestError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: Chinese and ASCII text put a zero byte in every other
    position (the high byte of ASCII characters and line breaks)."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < len(head) // 8 or min(even, odd) > len(head) // 64:
        return None
    try:
        text = data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None
    # Binary data with zero bytes in step decodes too, to control characters and unassigned code points.
    probe = text[:2000]
    readable = sum(1 for ch in probe if ch.isprintable() or ch in "\t\r\n")
    return text if readable >= 0.95 * len(probe) else None


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise IngestError(f"{source}：文件是空的，没有可读取的内容。")
    if data.lstrip().startswith(b"%PDF"):
        raise IngestError(f"{source}：PDF 文件已损坏或不完整，无法打开（文件头不完整）。")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(f"{source}：文件以 {encoding.upper()} 标记开头，但内容不是有效的 "
                                  f"{encoding.upper()} 文本（文件可能已损坏）。") from None
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise IngestError(f"{source}：这是二进制文件，不是文本形式的预算公开文件。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(f"{source}：无法识别文件编码（既不是 UTF-8、UTF-16，也不是 GBK/GB18030）。")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}：无法读取文件（{os_reason(exc)}）。") from exc
    return decode(data, path.name)
