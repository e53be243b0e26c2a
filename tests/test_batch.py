"""Batch ingest (`budgetqa ingest DIR --workers N`): worker processes parse, a bad file is reported and skipped
while the batch goes on, the summary names every file, and a second run skips what is already ingested."""
from __future__ import annotations

import json
import shutil

from conftest import FAST, SAMPLE, budgetqa


def test_batch_ingest_skips_a_bad_file_and_resumes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / SAMPLE.name)
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")  # no pages, no trailer
    (src / "empty.txt").write_text("")
    home = tmp_path / "home"

    first = budgetqa("ingest", str(src), "--workers", "2", "--json", home=home, env=FAST, check=False)
    assert first.returncode == 1  # a file failed: said, and the batch went on
    report = json.loads(first.stdout)
    by_file = {r["file"]: r for r in report["results"]}
    assert by_file[SAMPLE.name]["status"] == "added" and by_file[SAMPLE.name]["cells"] > 1000
    assert by_file["broken.pdf"]["status"] == "failed" and "broken.pdf" in by_file["broken.pdf"]["error"]
    assert by_file["empty.txt"]["status"] == "failed"
    assert "broken.pdf" in first.stderr
    assert report["workers"] == 2 and report["tables_ready_s"] <= report["index_ready_s"]

    answer = json.loads(budgetqa("ask", "人员经费是多少？", "--json", home=home).stdout)
    assert answer["value"] == "321.34"

    again = budgetqa("ingest", str(src), "--workers", "2", home=home, env=FAST, check=False)
    assert "已导入过（跳过）" in again.stdout  # resumable: the ingested file is not parsed again
    assert "共 3 个文件：解析 0，跳过 1，失败 2" in again.stdout
