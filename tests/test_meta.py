"""Document metadata read from the real disclosures' own text, and the text repairs it relies on."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from ingest.meta import Meta, read_meta
from ingest.model import IngestError
from ingest.textnorm import join_spaced, normalise, paragraphs, radical_count

REAL = Path(__file__).resolve().parents[2] / "shared" / "disclosures" / "real"

# file → (department, region, year, kind, scope, text_unit, title, part), read off each document.
EXPECTED = {
    "2025-ptq-czj-yusuan.pdf": ("上海市普陀区财政局", "上海市普陀区", 2025, "预算", "部门", "万元",
                                "上海市普陀区2025年区级部门预算", ""),
    "2024-ptq-wanlijiedao-yusuan.pdf": ("上海市普陀区人民政府万里街道办事处", "上海市普陀区", 2024, "预算", "部门", "万元",
                                        "上海市普陀区2024年区级部门预算", ""),
    "2026-ptq-sfj-yusuan.pdf": ("上海市普陀区司法局", "上海市普陀区", 2026, "预算", "部门", "万元",
                                "上海市普陀区2026年区级部门预算", ""),
    # Cover: "上海市普陀区财政局 / 年度部门决算" with the year on a baseline of its own.
    "2024-ptq-czj-juesuan.pdf": ("上海市普陀区财政局", "上海市普陀区", 2024, "决算", "部门", "万元",
                                 "上海市普陀区财政局2024年度部门决算", ""),
    # Published in 二〇二五年七月; about 2024.
    "2024-gjxfj-juesuan.pdf": ("国家信访局", "中央", 2024, "决算", "部门", "万元", "国家信访局2024年度部门决算", ""),
    "2022-xa-wjw-juesuan.pdf": ("西安市卫生健康委员会", "西安市", 2022, "决算", "部门", "万元",
                                "西安市卫生健康委员会（汇总）2022年度部门决算", ""),
    "2019-js-gaoyuan-yusuan.pdf": ("江苏省高级人民法院", "江苏省", 2019, "预算", "部门", "万元",
                                   "江苏省高级人民法院2019年度部门预算公开", ""),
    # Tables in 元, narrative in 万元.
    "2021-xa-xcb-yusuan.pdf": ("中共西安市委宣传部", "西安市", 2021, "预算", "部门", "万元",
                               "中共西安市委宣传部2021年部门综合预算", ""),
    "2026-bj-czj-yusuan-shuoming.pdf": ("北京市财政局", "北京市", 2026, "预算", "部门", "万元",
                                        "北京市财政局2026年度部门预算信息公开", "说明"),
    # No cover: department from "部门名称 北京市财政局" in 预算13表, year from "（2026年度）".
    "2026-bj-czj-yusuan-baobiao.pdf": ("北京市财政局", "北京市", 2026, "预算", "部门", "万元",
                                       "北京市财政局2026年度部门预算", "报表"),
    # Cover: "国家信访局 年度部门预算" over a large "2026".
    "2026-gjxfj-yusuan.pdf": ("国家信访局", "中央", 2026, "预算", "部门", "万元", "国家信访局2026年度部门预算", ""),
    "2026-hz-qxj-yusuan.pdf": ("杭州市气象局", "杭州市", 2026, "预算", "部门", "万元", "杭州市气象局2026年度部门预算", ""),
    "2026-fz-swj-yusuan.pdf": ("福州市商务局", "福州市", 2026, "预算", "部门", "万元", "2026年度福州市商务局部门预算", ""),
    # Cover title wraps inside 部门: "2026 年深圳市交通运输局（本级）部 / 门预算".
    "2026-sz-jtysj-yusuan.pdf": ("深圳市交通运输局", "深圳市", 2026, "预算", "部门", "万元",
                                 "2026年深圳市交通运输局（本级）部门预算", ""),
    "2026-gz-zfbgt-yusuan.pdf": ("广州市人民政府办公厅", "广州市", 2026, "预算", "部门", "万元",
                                 "2026年广州市人民政府办公厅部门预算", ""),
}

needs_pdfs = pytest.mark.skipif(not REAL.is_dir(), reason=f"real disclosures not found at {REAL}")


@lru_cache(maxsize=None)
def page_texts(name: str) -> tuple[str, ...]:
    pdfplumber = pytest.importorskip("pdfplumber")
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with pdfplumber.open(path) as pdf:
        out = []
        for page in pdf.pages:  # every page: `part` weighs narrative against tables over the whole file
            out.append(normalise(page.extract_text() or ""))
            page.flush_cache()
    return tuple(out)


@lru_cache(maxsize=None)
def page_lines(name: str, first: int, last: int) -> tuple[dict, ...]:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(REAL / name) as pdf:
        lines = [ln for n in range(first, last + 1) for ln in pdf.pages[n - 1].extract_text_lines(return_chars=False)]
    return tuple({**ln, "text": normalise(ln["text"])} for ln in lines)


@needs_pdfs
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_read_meta_real(name):
    meta = read_meta(list(page_texts(name)), name)
    department, region, year, kind, scope, text_unit, title, part = EXPECTED[name]
    assert meta == Meta(department=department, year=year, kind=kind, title=title, region=region, scope=scope,
                        text_unit=text_unit, part=part)


@needs_pdfs
@pytest.mark.parametrize("name,cut", [("2019-js-gaoyuan-yusuan.pdf", 2), ("2022-xa-wjw-juesuan.pdf", 3),
                                      ("2025-ptq-czj-yusuan.pdf", 2), ("2026-gjxfj-yusuan.pdf", 1),
                                      ("2026-sz-jtysj-yusuan.pdf", 3)])
def test_read_meta_without_cover(name, cut):
    """Cover and 目录 gone: department and year still come from table boilerplate and titles."""
    meta = read_meta(list(page_texts(name)[cut:]), name)
    department, region, year, kind = EXPECTED[name][:4]
    assert (meta.department, meta.region, meta.year, meta.kind) == (department, region, year, kind)


@needs_pdfs
def test_no_radicals_in_real_text():
    """Measured: none of the real files' fonts map characters to radicals (0 before, 0 after)."""
    for name in EXPECTED:
        assert radical_count("".join(page_texts(name))) == 0


def test_unit_disclosure_and_cover_name_under_title():
    meta = read_meta(["西安市中心血站\n2022年度单位决算", "编制单位：西安市中心血站 金额单位：元\n收入 1,000.00 2,000.00"],
                     "unit.pdf")
    assert (meta.department, meta.scope, meta.kind, meta.year, meta.region) == ("西安市中心血站", "单位", "决算", 2022, "西安市")
    meta = read_meta(["二〇二三年度部门预算\n中共青龙满族自治县委员会组织部\n二〇二三年三月"], "cover.pdf")
    assert (meta.department, meta.year, meta.region) == ("中共青龙满族自治县委员会组织部", 2023, "青龙满族自治县")


def test_text_unit_counts_narrative_amounts():
    narrative = "本年收入合计12,345.00元，其中：财政拨款收入10,000.00元，比上年增加500.00元，主要原因是人员增加。"
    meta = read_meta(["某某市档案馆\n2024年部门预算", narrative], "yuan.pdf")
    assert meta.text_unit == "元" and meta.region == "某某市"


def test_missing_department_or_year_names_the_file():
    with pytest.raises(IngestError, match=r"noname\.pdf.*部门名称"):
        read_meta(["2024年部门预算", "本年收入合计100万元。"], "noname.pdf")
    with pytest.raises(IngestError, match=r"noyear\.pdf.*年度"):
        read_meta(["编制部门：某某市财政局 单位：万元", "本年收入合计100万元。"], "noyear.pdf")


# --- textnorm -----------------------------------------------------------------------------------------

def test_normalise_radicals_spaces_and_zero_width():
    assert normalise("⻘⻰满族自治县") == "青龙满族自治县"  # Radicals Supplement, by table
    assert normalise("⽉⽇⼈") == "月日人"  # Kangxi radicals, by NFKC
    assert normalise("⻄安市⻔户") == "西安市门户"
    assert normalise("部门\u3000预算\u200b表\ufeff") == "部门 预算表"
    assert normalise("（一）收入：１２３") == "（一）收入：１２３"  # full-width punctuation and digits kept
    assert normalise("苏财预„2019‟7号") == "苏财预〔2019〕7号"
    assert normalise("„quoted‟") == "„quoted‟"


def test_join_spaced():
    assert join_spaced("江 苏 省 高 级 人 民 法 院") == "江苏省高级人民法院"
    assert join_spaced("目 录\n部 门 预 算") == "目录\n部门预算"
    assert join_spaced("2019 年 部 门 预 算") == "2019年部门预算"
    assert join_spaced("2 0 1 9 年 部 门 预 算") == "2019年部门预算"
    assert join_spaced("西 安 市 （ 汇 总 ）") == "西安市（汇总）"
    # Not letter-spaced: left alone, including the space before 年.
    assert join_spaced("2019 年度部门预算公开") == "2019 年度部门预算公开"
    assert join_spaced("第一部分 部门概况") == "第一部分 部门概况"
    assert join_spaced("301 02 基本工资 262.33") == "301 02 基本工资 262.33"
    assert join_spaced("项  目  合计") == "项  目  合计"  # column gaps (two spaces) stay


def test_paragraphs_small():
    lines = [("一、部门职责", 90, 200), ("本部门负责本市财政收支管理，编制年度预算", 120, 500),
             ("草案并组织执行。", 90, 220), ("主要职责是：", 120, 220), ("1.拟订本市财政政策并组织", 120, 500),
             ("实施。", 90, 140), ("- 3 -", 280, 315), ("Budget and", 120, 500), ("policy notes.", 90, 300)]
    assert paragraphs(lines, char=15.0) == ["一、部门职责", "本部门负责本市财政收支管理，编制年度预算草案并组织执行。", "主要职责是：",
                                 "1.拟订本市财政政策并组织实施。", "Budget and policy notes."]


@needs_pdfs
def test_paragraphs_real_pages():
    paras = paragraphs(page_lines("2022-xa-wjw-juesuan.pdf", 9, 13))
    assert "一、收入支出决算总体情况说明" in paras
    first = next(p for p in paras if p.startswith("2022年度收入总计"))
    assert first.endswith("疫情常态化后医院诊疗秩序恢复正常，医疗收入较上年增长。")
    # A numbered item running over the page break from 12 to 13 stays one paragraph.
    item = next(p for p in paras if p.startswith("6.社会保障和就业支出"))
    assert item.endswith("西安市卫生健康委员会（本级）为实际离退休人员工资增资部分进行了追加。")

    paras = paragraphs(page_lines("2019-js-gaoyuan-yusuan.pdf", 18, 26))
    assert "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明" in paras  # wrapped heading
    assert "反映江苏省高级人民法院 2019 年度总体收入预算情况。" in paras
    assert not any(p.isdigit() for p in paras)  # printed page numbers dropped

    paras = paragraphs(page_lines("2025-ptq-czj-yusuan.pdf", 5, 5))
    assert paras[0] == "上海市普陀区财政局机构设置"  # a centred title is not joined to the text under it
    paras = paragraphs(page_lines("2025-ptq-czj-yusuan.pdf", 3, 4))
    assert any(p.startswith("（二）承担政府各项财政收支管理的责任") and p.endswith("及时、准确拨付预算资金。") for p in paras)

    paras = paragraphs(page_lines("2026-bj-czj-yusuan-shuoming.pdf", 3, 10))
    assert "（一）本年财政拨款收入 44156.64 万元" in paras
    assert any(p.startswith("2026 年度收入预算 44169.36 万元") and p.endswith("基本经费预算有所增长。") for p in paras)
    assert not any(p.startswith("-") for p in paras)
