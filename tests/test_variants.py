"""Disclosures other than the sample: a 决算 with 行次 columns, its own titles and a total column named
本年支出合计 (a small fixture in the standard 决算 layout)."""
import json
from pathlib import Path

from conftest import budgetqa, jsonl

FIXTURE = Path(__file__).parent / "fixtures" / "juesuan-2022-sample.txt"


def test_a_final_accounts_disclosure_is_read_answered_and_checked(fresh_home):
    budgetqa("ingest", str(FIXTURE), home=fresh_home)
    tables = {t["kind"]: t for t in jsonl(budgetqa("tables", "--json", home=fresh_home).stdout)}
    assert tables["收支总表"]["columns"] == ["收入/项目", "收入/行次", "收入/金额", "支出/项目", "支出/行次", "支出/金额"]
    cells = jsonl(budgetqa("cells", "--json", home=fresh_home).stdout)
    assert not any(c["column"].endswith("行次") for c in cells)  # row numbers are not data
    assert any(c["code"] == "2010804" and c["column"] == "项目支出" and c["value"] == "117.10"
                                        for c in cells)

    def ask(q):
        return json.loads(budgetqa("ask", q, "--json", home=fresh_home).stdout)

    assert ask("支出总计是多少？")["value"] == "518.30"
    assert ask("审计业务的项目支出是多少？")["value"] == "117.10"
    share = ask("基本支出占本年支出合计的比例？")
    assert (share["value"], share["calculation"]) == ("77.41", "401.20 ÷ 518.30 = 77.41%")
    assert ask("2023年的预算是多少？")["status"] == "not_found"
    report = json.loads(budgetqa("check", "--json", home=fresh_home).stdout)
    assert report["summary"]["verdicts"].get("fail", 0) == 0 and report["summary"]["verdicts"]["pass"] > 10
    assert report["summary"]["kinds"]["columns"]["pass"] >= 8  # 本年支出合计 = 基本支出 + 项目支出, row by row
