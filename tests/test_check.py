"""Fact check: the sample agrees with itself, and a single changed figure is caught at its cell."""
import json
from decimal import Decimal

import pytest

from assistant.check import FAIL, KINDS, NOT_APPLICABLE, PASS, UNCHECKED, Check, run_checks, summarize
from conftest import FAST, SAMPLE, budgetqa
from ingest import model
from ingest.readers.text import parse_text

TEXT = SAMPLE.read_text(encoding="utf-8")

# Genuine defects the sample prints in its performance tables (each appears in a 2022 and a 2023 copy of
# the table): a 次数 counted in 人, cost standards in "人/年", and cost indicators named 人数.
KNOWN_PERFORMANCE_DEFECTS = {
    ("村级组织运转经费-村党组织活动经费", "大型党组织活动次数", "1人"),
    ("离退休干部特困帮扶资金", "离休干部帮扶资金", "500人/年"),
    ("离退休干部特困帮扶资金", "退休干部帮扶资金", "500人/年"),
    ("村级组织运转经费-正常离任村干部生活补贴", "离任干部 10 年以上 20 年以下人数", "394.67万元"),
    ("村级组织运转经费-正常离任村干部生活补贴", "离任干部 10 年以上 20 年以下人数", "160万元"),
    ("村级组织运转经费-正常离任村干部生活补贴", "离任干部 21 年以上人数", "80万元"),
}


def changed(old_line: str, new_line: str) -> str:
    """The sample with exactly one source line replaced (tabs written as →, for readability)."""
    old, new = old_line.replace("→", "\t"), new_line.replace("→", "\t")
    lines = TEXT.split("\n")
    assert lines.count(old) == 1, f"anchor line not unique: {old_line}"
    return "\n".join(new if ln == old else ln for ln in lines)


def checks_of(text: str) -> tuple[model.ParsedDocument, list[Check]]:
    parsed = parse_text(text, source="changed.txt")
    return parsed, run_checks(parsed)


def kind_of(parsed: model.ParsedDocument, table_ordinal: int) -> str:
    return next(t.kind for t in parsed.tables if t.ordinal == table_ordinal)


def at(parsed, ref) -> tuple[str, str, str]:
    return kind_of(parsed, ref.table_ordinal), ref.row.label, ref.column


@pytest.fixture(scope="module")
def sample_report(sample_home) -> dict:
    """The sample checked through the real CLI (ingested into the shared temp home)."""
    docs = [json.loads(line) for line in budgetqa("check", "--json", home=sample_home).stdout.splitlines() if line]
    assert len(docs) == 1
    return docs[0]


@pytest.fixture(scope="module")
def sample_checks() -> tuple[model.ParsedDocument, list[Check]]:
    return checks_of(TEXT)


# --- the untouched sample ---------------------------------------------------------------------------------

def test_sample_has_no_false_alarms(sample_report):
    fails = [c for c in sample_report["checks"] if c["verdict"] == FAIL]
    assert all(c["kind"] == "performance" for c in fails), [c["id"] for c in fails if c["kind"] != "performance"]
    found = {(c["cells"][0]["table"].removesuffix("绩效目标表"), c["cells"][0]["row"],
              c["description"].rsplit("实为“", 1)[1].rstrip("”")) for c in fails}
    assert found == KNOWN_PERFORMANCE_DEFECTS
    assert len(fails) == 9


def test_sample_passes_enough_checks_of_every_kind(sample_report):
    kinds = sample_report["summary"]["kinds"]
    minimum = {"table_sum": 40, "subject_tree": 110, "columns": 140, "cross_table": 100, "narrative": 29,
               "performance": 200}
    assert set(kinds) == set(KINDS)
    for kind, least in minimum.items():
        assert kinds[kind][PASS] >= least, (kind, kinds[kind])
    assert kinds["narrative"][FAIL] == 0 and kinds["narrative"][UNCHECKED] == 6
    assert sample_report["summary"]["narrative_figures"] == {"matched": 29, "unchecked": 6}
    assert sum(sample_report["summary"]["verdicts"].values()) == len(sample_report["checks"])


def test_sample_checks_are_the_same_from_the_store_and_from_the_text(sample_report, sample_checks):
    _, direct = sample_checks
    assert [c.as_json() for c in direct] == sample_report["checks"]
    ids = [c.id for c in direct]
    assert len(ids) == len(set(ids)), "check ids must be unique"


def test_narrative_figures_without_a_cell_are_unchecked_never_passed(sample_checks):
    parsed, checks = sample_checks
    by_figure = {str(c.found): c for c in checks if c.kind == "narrative"}
    for figure in ("56.06", "20.64", "76.69", "3", "14.00"):  # changes on last year, a planned purchase
        assert by_figure[figure].verdict == UNCHECKED, figure
        assert by_figure[figure].cells == []
    # the stated figures are matched at the cells the tables print them in
    expected = {
        "63.07": (model.GPB_BASIC, "合计", "一般公共预算基本支出/公用经费"),  # 机关运行经费 and 日常公用经费
        "321.34": (model.GPB_BASIC, "合计", "一般公共预算基本支出/人员经费"),
        "384.41": (model.GPB_EXPENDITURE, "合计", "基本支出"),  # "一般公共预算财政拨款支出…其中基本支出"
        "8431.36": (model.EXPENDITURE, "合计", "项目支出"),  # after "；" the scope is the whole department
        "2.16": (model.GPB_BASIC, "邮电费", "一般公共预算基本支出/合计"),
        "86.66": (model.FIXED_ASSETS, "资产总额", "价值"),
    }
    for figure, where in expected.items():
        hits = [c for c in checks if c.kind == "narrative" and str(c.found) == figure]
        assert hits and all(c.verdict == PASS and at(parsed, c.cells[0]) == where for c in hits), figure
    three = [c for c in checks if c.kind == "narrative" and "三公" in (c.passage or "") and str(c.found) == "6.20"]
    assert {at(parsed, c.cells[0])[0] for c in three} == {model.THREE_PUBLIC}  # not the 基本支出表's 3.20


def test_absent_tables_are_not_applicable():
    cut = TEXT.split("\n")
    start = cut.index("部门预算财政拨款收支总表")
    end = cut.index("部门预算一般公共预算财政拨款支出表")
    parsed, checks = checks_of("\n".join(cut[:start] + cut[end:]))
    assert all(t.kind != model.FISCAL_SUMMARY for t in parsed.tables)
    na = [c for c in checks if c.verdict == NOT_APPLICABLE]
    assert any(model.FISCAL_SUMMARY in c.id for c in na)
    assert not [c for c in checks if c.verdict == FAIL and c.kind != "performance"]


# --- single changed figures ---------------------------------------------------------------------------------

def assert_caught(parsed, checks, where: tuple[str, str, str], difference: Decimal, min_fails: int = 1):
    """Some fail measures its difference at the changed cell, exactly; every new fail involves that cell."""
    fails = [c for c in checks if c.verdict == FAIL and c.kind != "performance"]
    assert len(fails) >= min_fails
    named = [c for c in fails if at(parsed, c.cells[0]) == where]
    assert named, f"no fail names {where}: {[c.id for c in fails]}"
    assert any(c.difference == difference for c in named), [(c.id, c.difference) for c in named]
    for c in fails:
        assert where in {at(parsed, r) for r in c.cells}, c.id
        assert c.difference == c.found - c.expected and c.difference != 0
    return fails


def test_a_changed_leaf_cell_is_caught():
    parsed, checks = checks_of(changed("4→2013201→行政运行→285.32→285.32→→→→",
                                       "4→2013201→行政运行→285.33→285.32→→→→"))
    fails = assert_caught(parsed, checks, (model.EXPENDITURE, "行政运行", "合计"), Decimal("0.01"), min_fails=4)
    kinds = {c.kind for c in fails}
    assert kinds >= {"subject_tree", "columns", "cross_table"}
    tree = next(c for c in fails if c.kind == "subject_tree")
    assert tree.id == "tree:支出总表:20132:合计"
    assert (tree.expected, tree.found, tree.difference) == (Decimal("326.93"), Decimal("326.92"), Decimal("-0.01"))
    cross = next(c for c in fails if c.id == "cross:收入总表~支出总表:2013201:合计")
    assert (cross.expected, cross.found) == (Decimal("285.32"), Decimal("285.33"))


def test_a_changed_subtotal_is_caught():
    parsed, checks = checks_of(changed("8→20805→行政事业单位养老支出→72.14→72.14→72.14→→→→→→→",
                                       "8→20805→行政事业单位养老支出→72.41→72.14→72.14→→→→→→→"))
    fails = assert_caught(parsed, checks, (model.INCOME, "行政事业单位养老支出", "合计"), Decimal("0.27"))
    ids = {c.id for c in fails}
    assert {"tree:收入总表:20805:合计", "tree:收入总表:208:合计", "cols:收入总表:20805:合计",
            "cross:收入总表~支出总表:20805:合计"} <= ids
    parent = next(c for c in fails if c.id == "tree:收入总表:208:合计")
    assert parent.difference == Decimal("-0.27")  # 208 is now short of its children by the change


def test_a_changed_narrative_figure_is_caught():
    old = next(ln for ln in TEXT.split("\n") if ln.startswith("2023 年，我部门机关运行经费共计安排 63.07 万元"))
    parsed, checks = checks_of(changed(old, old.replace("63.07", "63.70")))
    fails = [c for c in checks if c.verdict == FAIL and c.kind != "performance"]
    assert len(fails) == 1
    c = fails[0]
    assert c.kind == "narrative" and c.id.endswith(":机关运行经费")
    assert at(parsed, c.cells[0]) == (model.GPB_BASIC, "合计", "一般公共预算基本支出/公用经费")
    assert (c.expected, c.found, c.difference) == (Decimal("63.07"), Decimal("63.70"), Decimal("0.63"))
    assert "63.70" in c.passage and c.passage.endswith("。")


def test_a_changed_cell_on_a_continuation_page_is_caught():
    # 支出总表 page 2 (page 9 of the document): the 项目支出 of 2130705
    parsed, checks = checks_of(changed("25→2130705→对村民委员会和村党支部的补助→8198.64→→8198.64→→→",
                                       "25→2130705→对村民委员会和村党支部的补助→8198.64→→8198.46→→→"))
    row = next(r for t in parsed.tables if t.kind == model.EXPENDITURE for r in t.rows if r.code == "2130705")
    assert row.page == 9
    assert_caught(parsed, checks, (model.EXPENDITURE, "对村民委员会和村党支部的补助", "项目支出"), Decimal("-0.18"))


def test_a_changed_total_on_the_summary_continuation_page_is_caught():
    # 收支总表 row 32, printed on its second page: 本年支出合计
    parsed, checks = checks_of(changed("32→本年收入合计→8290.02→本年支出合计→8815.77",
                                       "32→本年收入合计→8290.02→本年支出合计→8815.78"))
    fails = assert_caught(parsed, checks, (model.SUMMARY, "本年支出合计", "支出/预算数"), Decimal("0.01"))
    ids = {c.id for c in fails}
    assert {"sum:收支总表:支出:本年支出合计:支出/预算数", "sum:收支总表:支出:支出总计:支出/预算数",
            "cross:收支总表:本年支出合计"} <= ids


def test_a_changed_three_public_item_is_caught_in_the_table_and_against_the_basic_table():
    parsed, checks = checks_of(changed("8→公务用车运行维护费→6.20→3.20→3.00→",
                                       "8→公务用车运行维护费→6.20→3.10→3.00→"))
    fails = assert_caught(parsed, checks, (model.THREE_PUBLIC, "公务用车运行维护费", "资金性质/一般公共预算财政拨款"),
                          Decimal("-0.10"))
    assert "cross:三公经费支出表~一般公共预算财政拨款基本支出表:30231" in {c.id for c in fails}


def test_every_printed_figure_is_covered_by_some_check():
    """Change each printed amount of the grid tables by 0.01, one at a time (in memory, then put back): some
    check must fail, naming that cell, with the difference exactly ±0.01."""
    parsed = parse_text(TEXT, source="sample.txt")
    cent = Decimal("0.01")
    figures = [(t, r, c) for t in parsed.tables if t.kind not in (model.PERFORMANCE, model.INSTITUTIONS, model.NARRATIVE)
               for r in t.rows for c in r.cells if c.value is not None and not c.blank]
    assert len(figures) == 317
    for t, r, c in figures:
        c.value += cent
        try:
            fails = [k for k in run_checks(parsed) if k.verdict == FAIL and k.kind != "performance"]
        finally:
            c.value -= cent
        named = [k for k in fails if any((ref.table_ordinal, ref.row_ordinal, ref.column) == (t.ordinal, r.ordinal,
                                                                                             c.column)
                                         for ref in k.cells)]
        assert named, f"a change to {t.title} / {r.label} / {c.column} goes unnoticed"
        assert all(abs(k.difference) == cent for k in named if k.kind != "narrative")


def test_a_table_that_skips_a_level_is_summed_from_the_nearest_listed_parent():
    # 20132 (款) dropped from every table that lists it: 201 adds up its 项 directly, nothing double-counts
    _, checks = checks_of("\n".join(ln for ln in TEXT.split("\n") if "\t20132\t" not in ln))
    assert not [c.id for c in checks if c.verdict == FAIL and c.kind != "performance"]
    tree = next(c for c in checks if c.id == "tree:支出总表:201:合计")
    assert tree.verdict == PASS and [r.row.label for r in tree.cells] == ["一般公共服务支出", "行政运行", "一般行政管理事务", "事业运行"]


def test_cli_reports_fails_in_text_and_json_and_exits_zero(tmp_path):
    copy = tmp_path / "changed.txt"
    copy.write_text(changed("4→2013201→行政运行→285.32→285.32→→→→", "4→2013201→行政运行→285.33→285.32→→→→"),
                    encoding="utf-8")
    home = tmp_path / "home"
    budgetqa("ingest", str(copy), home=home, env=FAST)  # the check reads the store only: no model needed
    doc = json.loads(budgetqa("check", "--json", home=home).stdout)
    fails = [c for c in doc["checks"] if c["verdict"] == FAIL and c["kind"] != "performance"]
    assert fails and doc["summary"]["verdicts"][FAIL] == len(fails) + 9
    hit = next(c for c in fails if c["id"] == "cols:支出总表:2013201:合计")
    assert hit["cells"][0] == {**hit["cells"][0], "row": "行政运行", "column": "合计", "value": "285.33"}
    assert (hit["expected"], hit["found"], hit["difference"]) == ("285.32", "285.33", "0.01")
    text = budgetqa("check", doc["document"], home=home)
    assert text.returncode == 0
    assert "cols:支出总表:2013201:合计" in text.stdout and "差额 +0.01" in text.stdout
    assert text.stdout.strip().splitlines()[-1].startswith("汇总：")
    missing = budgetqa("check", "0000000000000000", home=home, check=False)
    assert missing.returncode != 0 and "找不到" in missing.stderr


def test_summary_counts():
    checks = [Check("a", "narrative", "", PASS), Check("b", "narrative", "", UNCHECKED),
              Check("c", "columns", "", FAIL)]
    s = summarize(checks)
    assert s["verdicts"] == {PASS: 1, FAIL: 1, UNCHECKED: 1, NOT_APPLICABLE: 0}
    assert s["kinds"]["narrative"] == {PASS: 1, FAIL: 0, UNCHECKED: 1, NOT_APPLICABLE: 0}
    assert s["narrative_figures"] == {"matched": 1, "unchecked": 1}
