"""Turning a file's bytes into text: UTF-8 first, then the Chinese legacy encodings (GBK/GB18030)."""
from __future__ import annotations

from pathlib import Path

from .model import IngestError


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise IngestError(f"{source}：文件是空的，没有可读取的内容。")
    if data.startswith(b"%PDF"):
        raise IngestError(f"{source}：PDF 文件已损坏或不完整，无法打开（文件头不完整）。")
    if b"\x00" in data[:4096]:
        raise IngestError(f"{source}：这是二进制文件，不是文本形式的预算公开文件。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(f"{source}：无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）。")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}：无法读取文件（{exc.strerror}）。") from exc
    return decode(data, path.name)
