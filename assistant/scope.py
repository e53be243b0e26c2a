"""Is a question about something the corpus holds at all? (another year, department, 决算, private data)

A refusal names what the corpus does hold, so the reader knows where the edge is.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument


_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3})(?:市|省)(?=委|政府|人民|本级|财政|教育|组织|宣传)")
_COUNTY_WIDE = re.compile(r"全(县|市|省).{0,12}(预算|收入|支出|财政)")
_OTHER_DEPARTMENTS = (
    "宣传部", "统战部", "政法委", "纪委", "监委", "教育局", "财政局", "公安局", "卫健局", "民政局", "人社局",
    "住建局", "交通局", "交通运输局", "农业农村局", "水务局", "林业局", "审计局", "统计局", "税务局", "应急管理局",
    "市场监管局", "文旅局", "发改局", "自然资源局", "生态环境局", "司法局", "法院", "检察院", "医院", "人大", "政协",
    "县政府", "商务局", "科技局", "工信局", "退役军人事务局", "医保局", "信访局", "档案馆", "党校",
    "机关事务管理局", "机关事务局", "体育局", "文化广电旅游局", "城管局", "规划和自然资源局",
)
# Things a budget disclosure never publishes.
_UNDISCLOSED = ("手机", "电话", "联系方式", "地址", "姓名", "名单", "身份证", "品牌", "型号", "部长", "局长", "县长",
                "厅长", "处长", "科长", "人均工资", "人均年工资", "月工资", "每月工资", "车牌")
_FINAL_ACCOUNTS = ("决算", "实际支出", "实际花", "执行进度", "执行率", "执行情况", "花完了没")


def corpus_summary(docs: list[ParsedDocument]) -> str:
    if not docs:
        return "语料库目前是空的，请先导入预算公开文件。"
    if len(docs) > _LISTED:
        # A city's or the country's corpus is not listed in an answer: its size and span are.
        years = [d.document.year for d in docs]
        departments = len({d.document.department for d in docs})
        return f"语料库目前收录 {len(docs)} 份文件（{departments} 个部门，{min(years)}–{max(years)} 年）。"
    names = "；".join(f"{d.document.department} {d.document.year}年部门{d.document.kind}" for d in docs)
    return f"语料库目前收录：{names}。"


_LISTED = 30  # documents named one by one in a refusal; more are summed up


# 「24年」「22年的决算」 as people type a year: 2024, 2022. Not a number of years (近10年, 满20年, 第3年, 10多年).
_SHORT_YEAR = re.compile(r"(?<![\d.．近满第每共约余多过])(?<!连续)(?<!过去)(?<!未来)([1-4]\d)(?=年(?!以上|以下|以来|左右|多|间|内|来|半|期))")


# A Chinese numeral's digit (roughsaid reads 「一千三百多万」 with it too).
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 「二〇二六年」「二零二五年度」: a year written in Chinese numerals, digit by digit.
_CN_YEAR = re.compile(r"([一二][〇零一二三四五六七八九]{3})(?=年)")


def _cn_year(m: re.Match) -> str:
    return "".join(str(CN_DIGIT[c]) for c in m.group(1))


def full_years(q: str) -> str:
    """A two-digit year written out in full (「24年」 → 「2024年」), and a year in Chinese numerals in digits
    (「二〇二六年」 → 「2026年」), so the year chooses the document."""
    return _SHORT_YEAR.sub(lambda m: "20" + m.group(1), _CN_YEAR.sub(_cn_year, q))


def years_in(q: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(q)]


_SPAN = re.compile(r"(?<!\d)(20\d{2})\s*[-－—~～至到]\s*(20\d{2})(?=\s*年度)")


def _held_span(q: str, year: int, held: set[int]) -> bool:
    """「2026-2027年度运维」: a year that ends a span of a year (a project's period, as its name prints it) one
    of whose years is held is no year asked."""
    return any(int(b) == int(a) + 1 and year in (int(a), int(b)) and {int(a), int(b)} & held for a, b in _SPAN.findall(q))


def out_of_scope(q: str, docs: list[ParsedDocument], extra_years: set[int], named: str = "") -> str | None:
    """The reason a question falls outside the corpus, or None."""
    if not docs:
        return "语料库为空"
    held_years = {d.document.year for d in docs} | extra_years
    for y in years_in(q):
        if y not in held_years and not _held_span(q, y, held_years):
            return f"没有 {y} 年的数据"
    kinds = {d.document.kind for d in docs}
    from .synonyms import SETTLEMENT  # 竣工决算审计: a project's settlement, no 决算 document
    if any(w in SETTLEMENT.sub("", q) for w in _FINAL_ACCOUNTS) and "决算" not in kinds:
        return "只有预算数，没有决算（实际执行）数"
    for word in _UNDISCLOSED:
        if word in q and word not in named:  # "电话费" names a budget line; "电话" alone does not
            return f"预算公开文件不公布“{word}”这类信息"
    names = "".join(d.document.department for d in docs)
    others = [d for d in _OTHER_DEPARTMENTS if d in q and d not in names and d not in named]
    if others:
        from .documents import department_names  # (documents imports this module)
        # A held department's 医院, 党校 … are its own units, not another department.
        if not any(n in q for d in docs for n in department_names(d.document.department, d.document.region)):
            return f"没有“{others[0]}”的预算公开文件"
    # 「本级的预算比市委讲师团多多少」: a comparison's words before 市委 are no place (比, 与, 预算 …).
    for m in _PLACE.finditer(q):
        if m.group(1) not in names and m.group(0) not in named and not re.search(r"[年里的和表比较与跟及同]|预算|支出|收入", m.group(1)) \
                and not (len(m.group(1)) == 3 and m.group(1)[1:] in names):  # "…表中广州市政府…": 广州市
            return f"没有“{m.group(0)}”的预算公开文件"
    if _COUNTY_WIDE.search(q):
        return "这里只有部门预算，没有全县（全市）的财政预算"
    return None
