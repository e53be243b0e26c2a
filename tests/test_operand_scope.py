"""Words that say where the operands are read, or which are left out, never operands themselves
(assistant/scopewords.py, assistant/excluding.py): a basis said with a verb (「按X算，」「以X为准」), a source of
money before 里/中 (「一般公共预算财政拨款中，」: the table of that source), a table named by its title with its
number or classification in brackets (「…情况表（表6）里」「…支出表（按功能分类）中」), 「（本级）」 after the
department's name, and 「除了X」「不算X的话」 (X left out of the ranking, said in the answer). Through the CLI on
the real PDFs; each gold read off its page with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, words the answer names, the first citation's page, words said of what is set aside)
CASES = {
    # 2022-xa-wjw-juesuan p155 公开05表 一般公共预算财政拨款支出决算表: 精神病医院 2,543.11, 其他专科医院 3,260.11
    # (the all-funds 公开03表 p151 prints 23,159.28 and 42,376.67)
    "按一般公共预算财政拨款算，西安市卫健委2022年精神病医院和其他专科医院哪个支出多？":
        ("3260.11", "万元", "其他专科医院", 155, None),
    # 2024-ptq-czj-juesuan p15 一般公共预算财政拨款支出决算表: 行政单位离退休 84.65, 行政单位医疗 60.99 (p10 支出决算表
    # prints the same figures: the page says which table was read)
    "以一般公共预算财政拨款支出决算为准，普陀区财政局2024年行政单位离退休和行政单位医疗哪个多？":
        ("84.65", "万元", "行政单位离退休", 15, None),
    # 2022-xa-wjw-juesuan p155: 公立医院 lines, 综合医院 69,978.46 first, 中医（民族）医院 19,028.68 second (p151's
    # all-funds second is 儿童医院 153,180.27)
    "西安市卫健委2022年一般公共预算财政拨款中，公立医院下面支出第二多的是哪一类？":
        ("19028.68", "万元", "中医（民族）医院", 155, None),
    # 2026-gz-zfbgt-yusuan p14 表6 一般公共预算基本支出情况表（按经济分类科目）: [30102]津贴补贴 4,246.66 the largest 款
    "广州市政府办公厅2026年一般公共预算基本支出情况表（表6）里，哪个款级经济科目最多？":
        ("4246.66", "万元", "津贴补贴", 14, None),
    # 2026-sz-jtysj-yusuan p41 表7 一般公共预算支出表（按功能分类）, 部门名称 深圳市交通运输局（本级）: 2140106 公路养护 2,573.40
    "深圳市交通运输局（本级）2026年一般公共预算支出表（按功能分类）中，2140106公路养护是多少？":
        ("2573.40", "万元", "公路养护", 41, None),
    # 2026-gz-zfbgt-yusuan p14-15 表6: [301]工资福利支出 10,613.19 set aside; [303]对个人和家庭的补助 3,397.19 >
    # [302]商品和服务支出 903.26
    "广州市政府办公厅2026年一般公共预算基本支出中，除了工资福利支出以外，哪一类经济科目最多？":
        ("3397.19", "万元", "对个人和家庭的补助", 15, "工资福利支出 10613.19"),
    # 2026-gz-zfbgt-yusuan p14-15 表6: [30102]津贴补贴 4,246.66 set aside; [30302]退休费 3,022.76 next (p15)
    "不算津贴补贴的话，广州市政府办公厅2026年表6中哪个款级经济科目最多？":
        ("3022.76", "万元", "退休费", 15, "津贴补贴 4246.66"),
    # 2021-xa-xcb-yusuan 表10 p34-37 (元): 文化产业发展专项资金 200,000,000 and 城市宣传经费 17,000,000 set aside;
    # 市委宣传部订阅党报党刊经费 4,500,000.00 (p35) next
    "西安市委宣传部2021年专项业务经费项目中，除了文化产业发展专项资金和城市宣传经费，哪个项目最多？":
        ("4500000.00", "元", "订阅党报党刊经费", 35, "城市宣传经费 17000000.00"),
    # 2024-gjxfj-juesuan p11 公开05表 一般公共预算财政拨款支出决算表: 2014001 行政运行 5,757.63 the largest 项 (the
    # all-funds 公开03表 p9 prints 6,026.13)
    "国家信访局2024年一般公共预算财政拨款里，哪个项级科目支出最多？":
        ("5757.63", "万元", "行政运行", 11, None),
    # 2026-gz-zfbgt-yusuan p14-15 表6: three 类 (301, 302, 303); 工资福利支出 set aside, two counted (not the 9 lines
    # under it, nor 其他工资福利支出 set aside with it)
    "广州市政府办公厅2026年表6中，除了工资福利支出以外，有几个类级经济科目？":
        ("2", "个", "共 2 个", 14, "工资福利支出 10613.19"),
}
on_real_home(list(CASES))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, list(CASES))


@pytest.mark.parametrize("question", list(CASES))
def test_the_scope_words_say_where_not_what(answers, question):
    value, unit, named, page, aside = CASES[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert named in a["answer"].split("。")[0], a["answer"]
    assert a["citations"][0]["page"] == page, a["citations"]
    if aside is not None:  # what was set aside is said, with its figure
        assert "不计" in a["answer"] and aside in a["answer"], a["answer"]
