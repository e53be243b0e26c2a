"""Economic lines said in everyday words (assistant/linewords.py, synonyms.LINE_WORDS) and a line printed only in
the two parts of the spending, its whole asked (assistant/partlines.py).

- 出差 → 30211 差旅费, 暖气/取暖 → 30208 取暖费, 雇人干活 → 30226 劳务费, 修东西 → 30213 维修（护）费, 发工资 → 301
  工资福利支出, whatever template prints the line (coded, uncoded, 决算 or 预算);
- a word meaning two lines is their sum with the formula (水电 = 30205 水费 + 30206 电费, 开会和培训 = 30215 + 30216),
  two words of one line are the line once (网费和电话费: 30207 邮电费, not added to itself);
- a scope said before the word narrows the line (基本支出里…), never replaces it;
- a document printing no such line keeps its not-found (普陀区司法局 2026 prints no 水费, 电费 or 取暖费 line);
- asked of every department, each one's line is read (a word of two lines is left as said there);
- 广州's 表6 (基本支出) and 表7 (项目支出) print the same economic line, no table the two together: its whole asked
  is their sum, said bare it stays two readings.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages, words the answer shows)
CASES = {
    # 2026-sz-jtysj-yusuan p33 表4 基本支出总表 差旅费 100.00 (uncoded), p44 表8 30211 差旅费 100.00 万元
    "深圳市交通运输局2026年出差的费用安排了多少？": ("100.00", "万元", None, "差旅费"),
    # 2022-xa-wjw-juesuan p157 基本支出决算表 30208 取暖费 10.31 万元
    "西安市卫健委2022年冬天供暖实际花了多少钱？": ("10.31", "万元", {157}, "取暖费"),
    # 2024-gjxfj-juesuan p12 基本支出决算表 30205 水费 38.95 + 30206 电费 205.05 = 244.00 万元
    "国家信访局2024年水电一共花了多少？": ("244.00", "万元", {12}, "38.95 + 205.05 = 244.00"),
    # the same, no word of a sum said: a word of two lines is their sum all the same
    "国家信访局2024年水电费花了多少？": ("244.00", "万元", {12}, "38.95 + 205.05 = 244.00"),
    # 2026-gjxfj-yusuan p13 一般公共预算基本支出表 30215 会议费 34.13 + 30216 培训费 12.62 = 46.75 万元 (开会: the
    # maintained synonym of 会议费; 培训的钱: 培训费)
    "国家信访局2026年开会和培训的钱一共安排多少？": ("46.75", "万元", {13}, "34.13 + 12.62 = 46.75"),
    # 2026-ptq-sfj-yusuan p20 基本支出经济分类预算表 (元) 30226 劳务费 40000.00: the scope before the gloss narrows
    "普陀区司法局2026年基本支出里请人干活的劳务费是多少？": ("40000.00", "元", {20}, "劳务费"),
    # p20 30207 邮电费 130000.00 元: 网费 and 电话费 are both that line, read once
    "普陀区司法局2026年网费和电话费加起来多少？": ("130000.00", "元", {20}, "邮电费"),
    # 2026-gjxfj-yusuan p12 301 工资福利支出 6,620.08 万元
    "国家信访局2026年发工资要花多少钱？": ("6620.08", "万元", {12}, "工资福利支出"),
    # 2026-gz-zfbgt-yusuan p14 表6 [30226]劳务费 14.00 + p16 表7 [30226]劳务费 23.88 = 37.88 万元
    "广州市政府办公厅2026年雇临时工的钱总共安排了多少？": ("37.88", "万元", {14, 16}, "14.00 + 23.88 = 37.88"),
    # p16 表7 (项目支出) where the part is named (the answer reads 表7; the 表6 line may be cited beside it)
    "广州市政府办公厅2026年项目支出里出差的钱是多少？": ("291.15", "万元", None, "表7"),
    # 2026-hz-qxj-yusuan p20 表6 工资福利支出 2709.90 − 商品和服务支出 760.37: 「支出差多少」 says no 出差
    "杭州市气象局2026年工资福利支出和商品和服务支出差多少？": ("1949.53", "万元", {20}, "2709.90 − 760.37"),
}
# 2026-ptq-sfj-yusuan prints no 水费, 电费 or 取暖费 line (its 基本支出 table p19-20 goes 30207 邮电费 … with none of
# them; no page of it names them): not found, never another line such as 30207 邮电费.
REFUSED = ["普陀区司法局2026年水电费一共多少？", "普陀区司法局2026年冬天暖气费预算多少？"]
# 2026-gz-zfbgt-yusuan p14/p16: 30211 差旅费 10.20 (基本支出) and 291.15 (项目支出), neither part nor the whole said
AMBIGUOUS = ["广州市政府办公厅2026年出差的钱预算多少？"]
# Asked of every 2026 department: each one's 差旅费 line (2026-fz-swj-yusuan p21 30211 差旅费 5.00 万元, the least;
# 2026-ptq-sfj-yusuan p20 95000.00 元 = 9.50 万元 next)
ACROSS = "2026年哪个部门出差花的钱最少？"
on_real_home(list(CASES), REFUSED, AMBIGUOUS, ACROSS)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*CASES, *REFUSED, *AMBIGUOUS, ACROSS])


@pytest.mark.parametrize("question", list(CASES))
def test_everyday_word_reads_the_printed_line(answers, question):
    value, unit, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    if pages is not None:
        assert {c["page"] for c in a["citations"]} == pages, a["citations"]


def test_the_answer_says_how_the_word_was_read(answers):
    a = answers["国家信访局2024年水电一共花了多少？"]
    assert "“水费”“电费”两行相加" in a["answer"], a["answer"]
    a = answers["西安市卫健委2022年冬天供暖实际花了多少钱？"]
    assert "“供暖”按文件印出的“取暖费”读" in a["answer"], a["answer"]


@pytest.mark.parametrize("question", REFUSED)
def test_a_line_the_document_does_not_print_stays_not_found(answers, question):
    a = answers[question]
    assert a["status"] == "not_found", a["answer"]
    assert a["value"] is None


def test_a_line_of_both_parts_said_bare_names_both(answers):
    a = answers["广州市政府办公厅2026年出差的钱预算多少？"]
    assert a["status"] == "ambiguous", a["answer"]
    assert "291.15" in a["answer"] and "10.20" in a["answer"], a["answer"]


def test_a_word_asked_of_every_department_reads_each_ones_line(answers):
    a = answers[ACROSS]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal("5.00") and a["unit"] == "万元", a["answer"]
    assert "福州市商务局" in a["answer"] and "差旅费" in a["answer"], a["answer"]
