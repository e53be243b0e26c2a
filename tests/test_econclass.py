"""Economic classes and groups whose total is not printed, and ranking within them.

- assistant/econclass.py: an economic 类 (303 对个人和家庭的补助 …) of a table by economic class — its total summed
  from its 款 lines where the table prints no row of the class, a ranking within the class, its share of the
  人员经费 / 公用经费 the same table prints;
- assistant/classshare.py: a function line's share of 一般公共预算 spending, part and whole read in the 一般公共预算
  table (never the 收支总表's all-funds row over 一般公共预算拨款收入);
- assistant/groupsums.py: categories printed beside a table's lines without subtotals (政府购买服务 一级目录),
  compared or summed;
- assistant/twotables.py: one table named, the other said as 基本支出.

Through the CLI on the real PDFs; each figure read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, cited pages, words the answer shows)
CASES = {
    # 2026-bj-czj-yusuan-baobiao p11 预算06表 (no 303 row): 30304 260 + 30307 27 + 30309 23.508 + 30301 68.6124 +
    # 30302 420.2802 + 30399 1,417.152 = 2,216.5526
    "北京市财政局2026年基本支出里“对个人和家庭的补助”（303类）一共安排了多少？":
        ("2216.552600", "万元", {11}, "未列该类小计"),
    "北京市财政局2026年基本支出里，对个人和家庭的补助总共有多少钱？": ("2216.552600", "万元", {11}, "1417.152000"),
    # the same lines ranked, only the class's (30107 绩效工资 1,988.5843 is larger but not the class's)
    "北京市财政局2026年基本支出中对个人和家庭的补助，哪一个科目的钱最多？":
        ("1417.152000", "万元", {11}, "其他对个人和家庭的补助"),
    # 2024-gjxfj-juesuan p12 公开06表: the 303 row is printed; its lines ranked: 30301 离休费 537.43
    "国家信访局2024年基本支出中对个人和家庭的补助，哪一项最多？": ("537.43", "万元", {12}, "离休费"),
    # p12: 303 984.97 ÷ 人员经费合计 7,967.72
    "国家信访局2024年人员经费里，对个人和家庭的补助（303）占多大比例？": ("12.36", "%", {12}, "984.97 ÷ 7967.72"),
    # 2026-gjxfj-yusuan p12 表6 302 商品和服务支出 2,336.26; p13 合计 公用经费 2,376.26
    "国家信访局2026年公用经费里，商品和服务支出占多大比例？": ("98.32", "%", {12, 13}, "2336.26 ÷ 2376.26"),
    # 2026-gjxfj-yusuan p11 表5 221 住房保障支出 1,055.58 ÷ 合计 16,474.82 (部门收支总表's 1,111.44 holds 上年结转)
    "国家信访局2026年一般公共预算当年拨款中，住房保障支出占多大比例？": ("6.41", "%", {11}, "1055.58 ÷ 16474.82"),
    "国家信访局2026年住房保障支出占一般公共预算本年拨款的百分之多少？": ("6.41", "%", {11}, "1055.58 ÷ 16474.82"),
    # 2026-fz-swj-yusuan p16 一般公共预算拨款支出预算表 221 住房保障支出 464.69 ÷ 合计 23,195.94
    "福州市商务局2026年一般公共预算支出里，住房保障支出占多大比重？": ("2.00", "%", {16}, "464.69 ÷ 23195.94"),
    # 2026-bj-czj-yusuan-baobiao p16 预算11表: 01-公共服务 five lines 6,692.1525; 02-政府履职辅助性服务 eleven 3,033.2415
    "北京市财政局2026年财政拨款政府购买服务里，“公共服务”和“政府履职辅助性服务”这两大类哪个钱多？":
        ("6692.152500", "万元", {16}, "未列各类合计"),
    "北京市财政局2026年政府购买服务中，政府履职辅助性服务一共多少钱？": ("3033.241500", "万元", {16}, "法律咨询服务"),
    "北京市财政局2026年政府购买服务里公共服务比政府履职辅助性服务多多少？":
        ("3658.911000", "万元", {16}, "6692.152500 − 3033.241500"),
    # 2026-fz-swj-yusuan p20 经济分类情况表 302 19,637.13; p21 基本支出经济分类情况表 302 302.44 (its 303 586.60 on p22)
    "福州商务局2026年一般公共预算支出经济分类表里的商品和服务支出，比基本支出里的商品和服务支出多出多少？":
        ("19334.69", "万元", {20, 21}, "19637.13 − 302.44"),
    "福州市商务局2026年一般公共预算支出经济分类表中的对个人和家庭的补助，与基本支出中的对个人和家庭的补助一样吗？":
        ("586.60", "万元", {20, 22}, "两表一致"),
    # two classes compared: each class's printed row, not a ranking within one (p12: 6,982.75 vs 2,239.41)
    "国家信访局2024年工资福利支出和商品和服务支出哪个多？": ("6982.75", "万元", {12}, "工资福利支出更多"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_class_or_group_read_from_its_lines(answers, question):
    value, unit, pages, shown = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert {c["page"] for c in a["citations"]} == pages, a["citations"]
    assert shown in a["answer"], a["answer"]


def test_a_ranking_within_the_class_cites_only_its_lines(answers):
    a = answers["北京市财政局2026年基本支出中对个人和家庭的补助，哪一个科目的钱最多？"]
    assert "绩效工资" not in a["answer"] and len(a["citations"]) == 6, a["answer"]
