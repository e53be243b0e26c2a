"""Questions a passage answers, and words with several readings: what a term means (assistant/meaning.py), what
the department is (its 性质), the factors the narrative names for a change (assistant/reasons.py), the units a
department's budget covers besides its own (assistant/lists.py), an everyday word printed under several names
(房租: assistant/everyday.py) and an item whose functional line differs from its economic one (培训费:
assistant/threebasic.py). Through the CLI on the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (words the quoted passage holds, the cited pages)
PASSAGES = {
    # 2026-gz-zfbgt-yusuan p27 名词解释 「四、其他收入: 指除上述…以外的收入。主要是非本级财政拨款、存款利息收入…」
    "广州市人民政府办公厅2026年预算里的“其他收入”是什么意思？": ("非本级财政拨款、存款利息收入", {27}),
    # 2026-hz-qxj-yusuan p11 名词解释 「11.机关运行经费：指保障行政单位…运行用于购买货物和服务的各项资金…」
    "杭州市气象局2026年部门预算里机关运行经费指什么": ("购买货物和服务的各项资金", {11}),
    # 2025-ptq-czj-yusuan p3 主要职能 「上海市普陀区财政局是上海市普陀区人民政府组成部门。」
    "上海市普陀区财政局2025年是个什么样的机关？": ("人民政府组成部门", {3}),
    # 2026-bj-czj-yusuan-shuoming p6 「…增加 148.16 万元，增长 0.34%。主要原因是人员增加，基本经费预算有所增长。」
    "北京市财政局2026年收入预算比上年多了，是哪些因素导致的？": ("人员增加", {6}),
    # 2026-sz-jtysj-yusuan p9-10 预算收支增加主要原因说明：1.轨道交通管理经费增加 39,279.49 万元 …
    # 3.政府性基金增加 4,165.00 万元（民航发展基金支出）
    "深圳市交通运输局2026年预算收入较上年增长，是由哪些因素带来的？": ("路隧改革支出", {9, 10}),
}
# question → (unit names listed, the cited page)
UNITS = {
    # 2024-gjxfj-juesuan p5 「国家信访局部门决算包括：局本级决算、离退休干部办公室决算、机关服务中心决算和信息中心决算」
    "国家信访局2024年部门决算除了本级还有哪个单位？": (("离退休干部办公室", "机关服务中心", "信息中心"), 5),
    # 2026-ptq-sfj-yusuan p6 机构设置 「1. 普陀区司法局本部 2. 普陀区法律援助中心」
    "普陀区司法局2026年预算编制范围里，除了司法局本部还有哪一家单位？": (("普陀区法律援助中心",), 6),
}
# question → (each reading's figure, the cited pages)
READINGS = {
    # 2026-fz-swj-yusuan p31 办公楼租金项目绩效目标表 资金总额 202.17, 年度目标「2026 年房租 184.94 万元」;
    # p38 房屋租金项目（福州市商务发展促进中心）资金总额 14.74 (万元)
    "福州市商务局2026年租房子要花多少钱？": (("202.17", "14.74", "184.94"), {31, 38}),
    # 2026-gjxfj-yusuan p7 部门支出总表 2050803 培训支出 118.01; p13 基本支出表 30216 培训费 12.62 (万元)
    "国家信访局2026年培训费预算是多少？": (("118.01", "12.62"), {7, 13}),
}
on_real_home(list(PASSAGES), list(UNITS), list(READINGS))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*PASSAGES, *UNITS, *READINGS])


@pytest.mark.parametrize("question", list(PASSAGES))
def test_the_passage_saying_it_is_quoted_not_a_figure(answers, question):
    words, pages = PASSAGES[question]
    a = answers[question]
    assert a["status"] == "answered" and a["value"] is None and a["unit"] is None, a["answer"]
    assert words in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]


@pytest.mark.parametrize("question", list(UNITS))
def test_the_units_besides_the_department_itself_are_named(answers, question):
    names, page = UNITS[question]
    a = answers[question]
    assert a["status"] == "answered" and a["value"] is None, a["answer"]
    assert all(n in a["answer"] for n in names), a["answer"]
    assert "本级" not in a["answer"].split("（")[0] and "本部" not in a["answer"].split("（")[0], a["answer"]
    assert {c["page"] for c in a["citations"]} == {page}, a["citations"]


@pytest.mark.parametrize("question", list(READINGS))
def test_a_word_printed_under_several_names_is_ambiguous(answers, question):
    figures, pages = READINGS[question]
    a = answers[question]
    assert a["status"] == "ambiguous" and a["value"] is None, a["answer"]
    assert all(f in a["answer"] for f in figures), a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    assert all(Decimal(f) for f in figures)
