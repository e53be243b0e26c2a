"""A whole the narrative states in a heading, broken down in the numbered items under it, ranked:
「项目支出里，哪一类花钱最多」 where the text reads 「（五）项目支出 376,936.60 万元，具体包括：」 then
「1.上级下达资金 4,167.70 万元，…」 … 「24.民航管理 309.16 万元，…」, one item a paragraph.

Each item's figure is the first one it prints (its own amount; the parts after its 其中 are another level,
ranked by assistant/wholeparts.py). The items are read only as a run numbered 1, 2, 3 … under the heading, at
least three of them, adding up to no more than the heading's figure (the answer says whether they make it up
whole). Asked by the class words (哪一类, 哪个方面, 哪一块, 哪个领域), or by 哪一项/哪个 where the document has no
项目支出表 whose projects the question would mean.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import model
from ingest.values import money

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer, Citation

_INTRO = re.compile(r"(?:具体|主要)?(?:包括|如下|分为|构成)[：:]\s*$")
_HEAD = re.compile(r"(?:^|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])\s*"
                   r"(?P<label>[\u4e00-\u9fff“”\"][\u4e00-\u9fff“”\"（）()-]{1,19}?)\s*(?:为|共计|合计|共|是|达)?\s*"
                   r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>万元|元|亿元)[，,。]?\s*(?:具体|主要)?(?:包括|如下|分为|构成)[：:]\s*$")
_ITEM = re.compile(r"^\s*(?P<k>\d+)[.、．](?!\d)\s*(?P<label>[^，,；;。：:\d]{2,40}?)\s*(?:为|共计|合计|共|是|达)?\s*"
                   r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>万元|元|亿元)")
_CLASS = re.compile(r"哪(?:一)?(?:类|方面|块|部分|个方面|个领域|个类别|大类)")
_ANY = re.compile(r"哪(?:一|个)?(?:项|个)")


@dataclass
class Item:
    label: str
    value: object
    unit: str
    passage: object


def _headed(doc) -> list[tuple[str, object, str, object, list[Item]]]:
    """(the whole's name, its figure, unit, the passage stating it or the first item, the items) of each
    heading followed by its numbered items."""
    out = []
    ps = doc.passages
    seen: set[str] = set()
    for i, p in enumerate(ps):
        # the heading is a section's last level (its items are that section's passages) or a passage of its own
        section_head = p.section.split(" / ")[-1] if p.section else ""
        if _INTRO.search(section_head) and section_head not in seen:
            seen.add(section_head)
            head, start, same = section_head, i, lambda x, s=p.section: x.section == s
        elif _INTRO.search(p.text) and len(p.text) <= 80:
            head, start, same = p.text, i + 1, lambda x, s=p.section: x.section.startswith(s)
        else:
            continue
        m = _HEAD.search(head)
        if m is None or money(m.group("n")) is None:
            continue
        items: list[Item] = []
        for x in ps[start:start + 80]:
            if not same(x):
                break
            im = _ITEM.match(x.text)
            if im is None:
                continue  # a paragraph of an item run on a new page
            if int(im.group("k")) != len(items) + 1 or im.group("u") != m.group("u"):
                break
            value = money(im.group("n"))
            if value is None:
                break
            items.append(Item(im.group("label").strip(), value, im.group("u"), x))
        whole = money(m.group("n"))
        if len(items) >= 3 and sum(it.value for it in items) <= whole:
            out.append((m.group("label").strip("“”\""), whole, m.group("u"), p, items))
    return out


def answer(question: str, q: str, doc) -> Answer | None:
    if not W.RANK.search(q):
        return None
    by_class = bool(_CLASS.search(q))
    if not by_class and not (_ANY.search(q) and not any(t.kind == model.PROJECT and t.rows for t in doc.tables)):
        return None
    for name, whole, unit, at, items in _headed(doc):
        if len(name) < 2 or name not in q:
            continue
        less = bool(re.search(r"最(?:少|低|小)", q))
        order = sorted(items, key=lambda x: x.value, reverse=not less)
        if len(order) > 1 and order[1].value == order[0].value:
            return None
        best = order[0]
        added = sum(it.value for it in items)
        full = "，各项合计即为该数" if added == whole else f"，所列各项合计 {arith.with_unit(added, unit)}"
        ranking = "；".join(f"{k + 1}. {x.label} {arith.with_unit(x.value, unit)}（第{x.passage.page}页）"
                            for k, x in enumerate(order))
        text = (f"{name}（{arith.with_unit(whole, unit)}{full}）分 {len(items)} 项列示，"
                f"{'最少' if less else '最多'}的是{best.label}：{arith.with_unit(best.value, unit)}"
                f"（{best.passage.section}，第{best.passage.page}页）。排序：{ranking}")
        calc = (" < " if less else " > ").join(arith.fmt(x.value) for x in order)
        d = doc.document
        cites = [Citation(d.label, d.doc_id, None, None, None, x.passage.page, x.passage.text,
                          section=x.passage.section) for x in [best] + [x for x in order if x is not best]]
        return Answer(question, ANSWERED, text, best.value, unit, calc, cites)
    return None
