"""Arithmetic over two named figures where the wording or the operands went wrong: 「多出多少」「多安排了多少」
「多花了多少」 as a difference (assistant/wording.py), 「A的钱是B的几倍」 and 「X里，A比B多出多少」 over a 项目支出表's
projects (assistant/named.py), a “三公” item's operands read where both are printed as figures, not in a table
where one is blank (assistant/tables.py pick_together), 「A里B占多大比例」 as B ÷ A and a share of a table that
prints only each side's 合计 (assistant/figures.py), 「X，基本支出和项目支出两块加在一起」 (assistant/placed.py) and
「A加上B一共多少钱」 (assistant/operands.py). Asked on every real disclosure through the CLI (questions other than
the evaluation's)."""
from decimal import Decimal

import pytest

from conftest import on_real_home, shared_answers

ANSWERED = {
    # 2019-js-gaoyuan-yusuan p11 公开06表: 30102 津贴补贴 8,252.03; 30101 基本工资 2,827.41
    "江苏高院2019年津贴补贴比基本工资多出多少？": ("5424.62", "万元"),
    # p11: 30302 退休费 1,250.63; 30305 生活补助 278.59
    "江苏高院2019年退休费比生活补助多花了多少？": ("972.04", "万元"),
    # 2026-sz-jtysj-yusuan p34 表5 项目支出总表: 货运交通管理 13,815.58; 港航管理 1,413.78 → 9.772…
    "深圳交通运输局今年货运交通管理的钱是港航管理的几倍？": ("9.77", "倍"),
    # p35 表5: 交通运输专项资金-港航业领域 18,791.27; 交通运输专项资金-低空经济领域 5,060.00
    "深圳交通运输局今年交通运输专项资金里，港航业领域比低空经济领域多出多少？": ("13731.27", "万元"),
    # 2026-fz-swj-yusuan p24 “三公”经费支出预算表: 因公出国（境）费用 70.00; 公务接待费 6.10 (the basic-expenditure
    # table prints 30212 因公出国（境）费用 blank: no operand of a sum)
    "福州市商务局2026年因公出国（境）费和公务接待费一共多少？": ("76.10", "万元"),
    # p24: 因公出国（境）费用 70.00; （2）公务用车运行费 8.00
    "福州市商务局2026年因公出国（境）费是公务用车运行费的几倍？": ("8.75", "倍"),
    # 2019-js-gaoyuan-yusuan p16 公开12表 政府采购支出预算表: 一、货物 A 1,637.72; 合计 5,227.59 → 31.328…%
    "江苏高院2019年政府采购预算里货物类占了多大比例？": ("31.33", "%"),
    # 2024-gjxfj-juesuan p12 一般公共预算财政拨款基本支出决算表: 人员经费合计 7,967.72; 公用经费合计 2,266.65 (no
    # 合计 row): 7967.72 ÷ 10234.37 = 77.85%
    "国家信访局2024年一般公共预算基本支出中，人员经费占了多大比例？": ("77.85", "%"),
    # 2026-gz-zfbgt-yusuan p14 表6: [30216]培训费 18.80; p16 表7 一般公共预算项目支出情况表: [30216]培训费 22.29
    "广州市政府办公厅2026年的培训费，基本支出和项目支出两块加在一起是多少": ("41.09", "万元"),
    # 2026-ptq-sfj-yusuan p12 2026年部门支出预算总表: 204 06 13 信息化建设 2278800.00; 204 06 04 基层司法业务
    # 21703947.00
    "普陀区司法局26年信息化建设加上基层司法业务一共多少钱？": ("23982747.00", "元"),
}


# Asked with every family module's questions in one process of the session (conftest.shared_answers).
ASKED = on_real_home(list(ANSWERED))


@pytest.fixture(scope="module")
def answers(real_home) -> dict[str, dict]:
    return shared_answers(real_home, ASKED)


@pytest.mark.parametrize("question", list(ANSWERED))
def test_two_named_figures_are_computed_as_the_wording_says(answers, question):
    a = answers[question]
    value, unit = ANSWERED[question]
    assert a["status"] == "answered" and Decimal(a["value"]) == Decimal(value) and a["unit"] == unit, a["answer"]
    assert a["calculation"], a["answer"]
