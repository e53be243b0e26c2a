"""Performance forms and the projects asked in users' words (assistant/perfscores.py, amongwhich.py, perfnamed.py,
perftables.py): a project's self-evaluation score where the narrative prints another figure than its form (both
readings), the form's 总分 asked as 「自评总分」, an indicator asked by its measure word (「外派交流了多少人」 is
外派交流人数), and a ranking over a set the question calls 「几个项目里」 (a ranking, not a count), including the
projects the narrative lists with their 绩效目标. Through the CLI on the real PDFs; each figure read off its page
with pdftotext -layout."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

# question → (value, unit, words the answer shows, the first citation's page)
ANSWERED = {
    # 2022-xa-wjw-juesuan p110 西安急救中心疫情防控经费项目绩效自评表: 总分 100, 得分 91
    "西安市卫生健康委员会2022年西安急救中心疫情防控经费项目的自评总分是多少？": ("91", "分", "总分", 110),
    # 2024-gjxfj-juesuan p27 「1.信访研究宣传立法专项项目综述：…项目自评得分为 94.7 分」, its form (p32-33) 总分
    # 94.7: text and form agree, the answer stands as one figure
    "国家信访局2024年信访研究宣传立法专项自评得分多少？": ("94.7", "分", "94.7", 27),
    # 2022-xa-wjw-juesuan p129 中医药康复能力提升项目绩效自评表: 外派交流人数 年度指标值 15人, 实际完成值 19人
    "西安市卫生健康委员会2022年中医药康复能力提升项目实际外派交流了多少人？": ("19", "人", "外派交流人数", 129),
    # 2026-gz-zfbgt-yusuan p23 表12 部门预算项目支出及其他支出预算表: 购置经费 1.02 (万元), the smallest project
    "广州市人民政府办公厅2026年这几个项目中，哪个项目预算最少？": ("1.02", "万元", "购置经费", 23),
    # 2026-sz-jtysj-yusuan p34 表5 项目支出总表: 轨道交通管理 总计 175,400.59 (万元), the largest project
    "深圳市交通运输局2026年几个项目里哪个项目钱最多？": ("175400.59", "万元", "轨道交通管理", 34),
    # 2025-ptq-czj-yusuan p22 「编报绩效目标的项目共4个…其中：中介机构服务费418.80万元，财政业务费10.00万元，信息化系统
    # 日常维护费166.66万元，援滇干部工作经费3.00万元」: the least of the four listed
    "上海市普陀区财政局2025年报了绩效目标的项目中哪个金额最少？": ("3.00", "万元", "援滇干部工作经费", 22),
}
# 2024-gjxfj-juesuan p28 「3.信息化运行维护项目绩效自评综述：…项目自评得分为 88.5 分」; its form p36 (printed 34)
# 总分 100, 得分 90.5: two readings, neither picked
TWO_SCORES = "2024年国家信访局决算里信息化运行维护项目的自评分数是多少"
on_real_home(list(ANSWERED), TWO_SCORES)


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, [*ANSWERED, TWO_SCORES])


@pytest.mark.parametrize("question", list(ANSWERED))
def test_the_figure_asked_is_answered_and_cited(answers, question):
    value, unit, shown, page = ANSWERED[question]
    a = answers[question]
    assert a["status"] == "answered", a["answer"]
    assert Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert shown in a["answer"], a["answer"]
    assert a["citations"] and a["citations"][0]["page"] == page, a["citations"]


def test_a_score_the_text_states_otherwise_than_the_form_names_both(answers):
    a = answers[TWO_SCORES]
    assert a["status"] == "ambiguous", a["answer"]
    assert "90.5" in a["answer"] and "88.5" in a["answer"], a["answer"]
    assert {c["page"] for c in a["citations"]} == {28, 36}, a["citations"]
    assert "两种读法都列出" in a["answer"], a["answer"]
