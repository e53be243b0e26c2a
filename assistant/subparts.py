"""A part the document does not break out, asked by name: refused, never answered with its whole.

Three wordings ask for what the figure found is not:

- 「X里/中，Y单独是多少」: Y inside the line X (「中介机构服务费里，法律顾问费单独是多少钱」). The answer
  cites X; when Y is printed nowhere in what it cites, the document does not break Y out.
- A unit of the department named as the one asked (「徐州铁路运输法院自己的预算」) where the answer cites a
  department-wide line (20405 法院): the unit is printed in the document (its list of units) but what the
  answer cites does not name it — the tables are the department's totals, not the unit's.
- Who won a purchase (「哪家供应商中标金额最大」): a name no figure can be.

`missing(q, answer, doc, cover)` → a sentence saying what is missing, else None; called by
qualifiers._missing with the text the answer's citations print.
"""
from __future__ import annotations

import re

# 「X里，Y单独…」「X中Y具体…」: the part Y, named after the whole, asked alone.
_INSIDE = re.compile(r"([\u4e00-\u9fff“”（）()]{2,20}?)(?:里面|里边|里头|里|之中|中|当中)[，,]?"
                     r"(?:的)?([\u4e00-\u9fff]{2,16}?)(?:单独|单列|具体|自己|本身|这一块|这部分|这一项|部分)?"
                     r"(?:是|有|花了|安排了?|占)?(?:多少|几)")
# Who won a purchase: a supplier's name, never a figure of the document.
_WHO = re.compile(r"哪(?:家|个|些|一家)(?:供应商|公司|企业|中标单位|承包商|厂家|厂商)|"
                  r"(?:供应商|中标单位|中标公司|承包商)是(?:谁|哪)")
_ALONE = re.compile(r"单独|单列|具体|自己|本身|光是|单是")
# A unit's name: 徐州铁路运输法院, 西安市第一医院, 法律援助中心.
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:法院|检察院|中心|管理所|管理处|服务所|服务站|工作站|大队|支队|"
                   r"纪念馆|图书馆|博物馆|研究院|研究所|学校|学院|医院|分局|监狱|站|所)"
                   r"(?=自己|本身|单独|的|[，,]|20\d\d|一年|全年|$)")
_WORDING = re.compile(r"^(?:的|其中|另外|还有|那么|那|这|单独|具体|自己)+")
_GENERIC_PART = re.compile(r"^(?:一共|总共|合计|钱|费用|资金|经费|预算|决算|支出|收入|金额|总额|部分|这块|"
                           r"这一块|多少钱|多少)$")


def _flat(text: str | None) -> str:
    return re.sub(r"[\s　]+", "", text or "")


def missing(q: str, answer, doc, cover: str) -> str | None:
    flat = _flat(q)
    who = _WHO.search(flat)
    if who:
        return f"问题问的是“{who.group(0)}”，这不是一个数能回答的，文件没有披露"
    if answer.calculation or answer.value is None:
        return None  # a figure computed from several named lines: each is named by the cited lines
    why = _inside(flat, cover)
    if why:
        return why
    return _unit(flat, cover, doc)


def _inside(flat: str, cover: str) -> str | None:
    if not _ALONE.search(flat):
        return None
    for m in _INSIDE.finditer(flat):
        whole, part = re.sub(r"^.*?年", "", m.group(1)) or m.group(1), _WORDING.sub("", m.group(2))
        if len(part) < 2 or _GENERIC_PART.match(part) or part in cover:
            continue
        if not any(whole[i:i + 3] in cover for i in range(max(1, len(whole) - 2))):
            continue  # the answer is not the whole named either: another family's question
        if re.search(r"比|占|倍|加|和|与|及|、", part):
            continue
        return f"文件没有在“{whole[-12:]}”里单列“{part}”这一项"
    return None


def _unit(flat: str, cover: str, doc) -> str | None:
    if doc is None or not re.search(r"自己|本身|单独|单列|本单位", flat):
        return None
    d = doc.document
    own = _flat(f"{d.department}|{d.region}|{d.title}")
    for m in _UNIT.finditer(flat):
        unit = m.group(0)
        unit = re.sub(r"^.*?(?:年|里|中|的|预算|决算)(?=[\u4e00-\u9fff]{4})", "", unit)
        if len(unit) < 4 or unit in own or unit in cover:
            continue
        if not any(unit in _flat(p.text) for p in doc.passages) and \
                not any(unit in _flat(r.label) for t in doc.tables for r in t.rows):
            continue  # a unit the document never names: another check's question
        return f"文件列出了“{unit}”这个单位，但表格是部门汇总数，没有单列这个单位的数"
    return None
