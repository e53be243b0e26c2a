"""Domain vocabulary the checks need that is the same for every disclosure: the function classes (类) of
the national 支出功能分类 with their codes, the three financial-allocation sources, the economic subjects
that hold 三公 spending, and what a carry-over line is called. Table layouts stay out of here."""
from __future__ import annotations

import re

from ingest import templates

from .core import norm

# 政府收支分类科目 · 支出功能分类 · 类 (with the older names some templates still print)
FUNCTION_CLASSES = {
    "201": ("一般公共服务支出",), "202": ("外交支出",), "203": ("国防支出",), "204": ("公共安全支出",),
    "205": ("教育支出",), "206": ("科学技术支出",), "207": ("文化旅游体育与传媒支出", "文化体育与传媒支出"),
    "208": ("社会保障和就业支出",), "209": ("社会保险基金支出",),
    "210": ("卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"), "211": ("节能环保支出",),
    "212": ("城乡社区支出", "城乡社区事务支出"), "213": ("农林水支出",), "214": ("交通运输支出",),
    "215": ("资源勘探工业信息等支出", "资源勘探信息等支出", "资源勘探电力信息等支出"), "216": ("商业服务业等支出",),
    "217": ("金融支出",), "219": ("援助其他地区支出",), "220": ("自然资源海洋气象等支出", "国土海洋气象等支出"),
    "221": ("住房保障支出",), "222": ("粮油物资储备支出",), "223": ("国有资本经营预算支出",),
    "224": ("灾害防治及应急管理支出",), "227": ("预备费",), "229": ("其他支出",), "230": ("转移性支出",),
    "231": ("债务还本支出",), "232": ("债务付息支出",), "233": ("债务发行费用支出",), "234": ("抗疫特别国债安排的支出",),
}
_CLASS_BY_NAME = {norm(name): code for code, names in FUNCTION_CLASSES.items() for name in names}

# (measure as the templates name it, the word in labels and check ids)
FISCAL_SOURCES = (("一般公共预算", "一般公共预算"), ("政府性基金预算", "政府性基金"), ("国有资本经营预算", "国有资本经营"))
_SOURCE_MEASURES = frozenset(m for m, _ in FISCAL_SOURCES)

# 三公 items ← the economic subjects that hold the same spending in the 基本支出表
THREE_PUBLIC_SUBJECTS = (("公务用车运行维护费", "30231"), ("公务接待费", "30217"), ("因公出国（境）费", "30212"),
                         ("公务用车购置费", "31013"))

_CARRY_WORDS = ("结转", "结余", "弥补")


def class_code(label: str) -> str | None:
    """The function class a label names ("一、一般公共服务支出" → 201), whatever its numbering."""
    return _CLASS_BY_NAME.get(re.sub(r"类$", "", norm(label)))


def source_of(label: str) -> str | None:
    """The financial-allocation source a line names (一般公共预算 / 政府性基金预算 / 国有资本经营预算)."""
    measure = templates.column_meaning(label)
    return measure if measure in _SOURCE_MEASURES else None


def measure_of(label: str) -> str | None:
    """What an income line measures, in the templates' column vocabulary ("二、事业收入" → 事业收入,
    "上年结转结余" → 结转结余), so that a 收支总表 line meets the 收入总表 column of the same measure."""
    if is_carry(label):
        return "结转结余"
    measure = (templates.column_meaning(label) or "").rpartition("/")[2]
    # "合计"/"决算数" name an amount, not what it is of ("一、预算拨款" reads as 预算 = 合计): no measure
    return measure if measure and measure not in ("合计", "决算数") else None


def is_carry(label: str) -> bool:
    """A carry-over line of a 收支 table: 上年结转结余, 年末结转和结余, 使用非财政拨款结余, 用事业基金弥补收支差额…"""
    return any(w in (label or "") for w in _CARRY_WORDS)
