"""The files a corpus was read from, kept in the home so the app can show a cited page and offer the file.

``sources/<sha256>.<ext>`` holds the bytes as given, ``sources/<sha256>.json`` its name and part (说明 /
报表 for a disclosure published as two files). Written at ingest, before anything else, and idempotent:
a re-ingest of a corpus ingested before sources were kept fills them in.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Document


@dataclass(frozen=True)
class SourceFile:
    path: Path
    name: str  # the file name it was ingested under
    part: str  # 说明 | 报表 | ""

    @property
    def is_pdf(self) -> bool:
        return self.path.suffix.lower() == ".pdf"


def source_dir(home_path: Path) -> Path:
    return Path(home_path) / "sources"


def keep(home_path: Path, document: Document, data: bytes) -> None:
    """Keep a copy of the file ``document`` was read from (once; the name is its digest)."""
    folder = source_dir(home_path)
    ext = Path(document.source).suffix.lower() or ".bin"
    target = folder / f"{document.sha256}{ext}"
    if target.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)  # a reader never sees half a file
    (folder / f"{document.sha256}.json").write_text(
        json.dumps({"name": document.source, "part": document.part}, ensure_ascii=False), encoding="utf-8")


def files_of(home_path: Path, document: Document, members: list[str]) -> list[SourceFile]:
    """The kept files a document was read from (both halves of a two-file disclosure)."""
    folder = source_dir(home_path)
    out = []
    for sha in members or [document.sha256]:
        meta = folder / f"{sha}.json"
        if not meta.exists():
            continue
        info = json.loads(meta.read_text(encoding="utf-8"))
        found = [p for p in folder.glob(f"{sha}.*") if p.suffix not in (".json", ".tmp")]
        if found:
            out.append(SourceFile(found[0], info.get("name", found[0].name), info.get("part", "")))
    return out


def pdf_for(home_path: Path, document: Document, members: list[str], narrative: bool = False) -> SourceFile | None:
    """The PDF whose page numbers a table's cells use: for a two-file disclosure the 报表 file holds the
    tables and the 说明 file the narrative (and its 正文数字 table)."""
    pdfs = [f for f in files_of(home_path, document, members) if f.is_pdf]
    if len(pdfs) > 1:
        want = "说明" if narrative else "报表"
        return next((f for f in pdfs if f.part == want), pdfs[0])
    return pdfs[0] if pdfs else None
