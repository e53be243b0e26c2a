"""The projects with 绩效目标 as the narrative names them: 「本单位编报绩效目标的项目共4个，涉及项目预算资金598.46
万元。其中：中介机构服务费418.80万元，财政业务费10.00万元，…」. A list question (「报了绩效目标的项目都有
哪些」) is answered with those names, each with its amount as printed, the sentence quoted and cited — when the
sentence's count agrees with the names it lists. A ranking among them (「编报绩效目标的项目里，哪个项目钱最多」)
is answered from the same amounts, all of them ordered and the formula shown: those projects are the set the
question ranks, not the 项目支出表's lines nor the 功能分类 lines.
"""
from __future__ import annotations

import re

from ingest.values import money

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer, Citation

_ASKS = re.compile(r"绩效")
_STATEMENT = re.compile(r"(?:编报|设置|申报|报送|填报|编制)?绩效目标的项目(?:共|有|共有|共计)?\s*(\d+)\s*个")
_PARTS_AFTER = re.compile(r"其中[:：]?(.+?)(?:。|$)")
_ITEM = re.compile(r"^(.{2,40}?)[:：]?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元|亿元)$")


def _items(text: str) -> list[tuple[str, str, str]]:
    out = []
    for part in re.split(r"[，,、；;]", text):
        m = _ITEM.match(part.strip())
        if not m or re.search(r"\d", m.group(1)):
            return []
        out.append((m.group(1).strip("“”\"'"), m.group(2), m.group(3)))
    return out


def answer(question: str, q: str, doc) -> Answer | None:
    if not (_ASKS.search(q) and "项目" in q):
        return None
    ranking = bool(W.RANK.search(q) and re.search(r"哪|谁", q))
    if not ranking and not re.search(r"哪些|哪几|有什么|是什么|列出|名单|清单", q):
        return None
    for p in doc.passages:
        text = re.sub(r"(?<=[\u4e00-\u9fff\d.])\s+(?=[\u4e00-\u9fff\d])", "", p.text)
        for m in _STATEMENT.finditer(text):
            n = int(m.group(1))
            after = _PARTS_AFTER.search(text, m.end())
            if after is None or after.start() - m.end() > 60:
                continue
            items = _items(after.group(1))
            if len(items) != n or n == 0:
                continue
            end = text.find("。", after.start())
            sentence = text[m.start():end + 1 if end >= 0 else len(text)]
            listed = "、".join(f"{name}（{amount} {unit}）" for name, amount, unit in items)
            cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence, p.section)
            page = f"，第{p.page}页" if p.page else ""
            if ranking:
                return _ranked(question, q, items, cite, m.group(0), f"正文“{p.section}”{page}：“{sentence}”")
            return Answer(question, ANSWERED, f"共 {n} 个项目：{listed}（正文“{p.section}”{page}：“{sentence}”）",
                          None, None, None, [cite])
    return None


def _ranked(question: str, q: str, items, cite: Citation, head: str, said: str) -> Answer | None:
    """The listed projects ordered by their amounts (in one unit), the first asked (最多 or 最少) answered;
    ``head``: the sentence's words for the set (「编报绩效目标的项目共4个」)."""
    if len({unit for _, _, unit in items}) != 1:
        return None
    less = bool(re.search(r"最(?:少|低|小)", q))
    order = sorted(((name, money(amount), amount, unit) for name, amount, unit in items),
                   key=lambda x: x[1], reverse=not less)
    if any(v is None for _, v, _, _ in order) or (len(order) > 1 and order[0][1] == order[1][1]):
        return None  # a tie has no one answer
    name, value, printed, unit = order[0]
    listed = "；".join(f"{i + 1}. {n} {a} {u}" for i, (n, _, a, u) in enumerate(order))
    calc = (" < " if less else " > ").join(arith.fmt(v) for _, v, _, _ in order)
    text = (f"{head}，其中金额{'最少' if less else '最多'}的是{name}：{printed} {unit}"
            f"（排序：{listed}；{said}）")
    return Answer(question, ANSWERED, text, value, unit, calc, [cite])
