"""A share the narrative states beside the one computed from the tables: 「日常公用支出 838.27 万元，占 14.3%」.

A share computed from two figures (figures.share) is looked for in the narrative too: a sentence printing the
part's amount (the same figure, to the precision printed) followed in its clause by 「占…X%」 — its label sharing
a word with the part's name. The stated share is taken only where it agrees with the computed one at the
precision it is printed (else it is a share of another whole, not the one asked).

Which one answers: the stated share where the question's whole is the narrative's own figure (「占支出预算的
比例」 read from 「2026 年支出预算 5,876.67 万元」) or the question asks what the text says (说明里/文中/写的); the
computed one where the whole is a table's line (支出总计) or two decimals are asked (保留两位小数). Either way
the other is shown beside it when they differ.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from . import arith
from .answer import Answer, Citation

_FACTOR = {**arith.YUAN_PER, "千元": Decimal(1000)}  # the narrative also prints 千元
_AMOUNT = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<u>亿元|万元|千元|元)")
# 「，占 14.3%」, 「，占“三公”经费的 31.14%」, 「，占比 97.9%」: the share in the figure's own clause.
_SHARE = re.compile(r"^\s*[，,]?\s*(?:占比|占(?P<whole>[^，,。；;：:%％\d]{0,24}?)(?:的)?(?:比重|比例)?)\s*(?:为|是|达到?)?\s*"
                    r"(?P<p>\d+(?:\.\d+)?)\s*[%％]")
_TEXT_ASKED = re.compile(r"说明(?:里|中|上)?|文中|正文|(?:写|说|讲|提)的|(?:写|说|讲)了?(?:是|为)?多少")
_DECIMALS_ASKED = re.compile(r"保留(?:两|2|二)位小数|精确到(?:0\.01|两位|小数点后两位)")
_WEAK = set("的了里中在是有为和与及其占支出经费费用")


def _grams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1) if not set(text[i:i + 2]) <= _WEAK}


def _in_yuan(value: Decimal, unit: str | None) -> Decimal | None:
    f = _FACTOR.get(unit or "")
    return value * f if f is not None else None


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def stated(doc, part, words: str) -> list[tuple[Decimal, str, str, object]]:
    """(share, as printed, sentence, passage) of every narrative statement of the part's share."""
    part_yuan = _in_yuan(part.value, part.unit or getattr(part.table, "unit", None)) if part.value else None
    if not part_yuan:
        return []
    names = _grams(words)
    out = []
    for p in doc.passages:
        text = p.text
        prev = 0
        for m in _AMOUNT.finditer(text):
            start, prev_end = m.start(), prev
            prev = m.end()
            f = _FACTOR[m.group("u")]
            printed = Decimal(m.group("n").replace(",", ""))
            d = _decimals(m.group("n"))
            if (part_yuan / f).quantize(Decimal(1).scaleb(-d)) != printed:
                continue
            s = _SHARE.match(text[m.end():m.end() + 40])
            if not s:
                continue
            left = max(text.rfind(ch, 0, start) for ch in "。！？!?；;") + 1
            label = text[max(left, prev_end):start]
            if names and not names & _grams(label):
                continue  # the same amount printed for another item
            begin = max(text.rfind(ch, 0, start) for ch in "。！？!?") + 1
            right = text.find("。", m.end() + s.end())
            sentence = text[begin:(right + 1 if right >= 0 else len(text))].strip()
            out.append((Decimal(s.group("p")), s.group("p"), sentence, p))
    return out


def _agrees(said: Decimal, printed: str, exact: Decimal) -> bool:
    # within one unit of its last place: a text rounds its shares to add up to 100 (16.93 for 16.9246)
    return abs(said - exact) <= Decimal(1).scaleb(-_decimals(printed))


def beside(question: str, q: str, doc, part, whole, result: arith.Result, computed: Answer) -> Answer:
    """The computed share answer, with the narrative's own statement of it quoted (and answering, where the
    question's whole is the narrative's or it asks what the text says)."""
    try:
        exact = part.value / whole.value * 100 if whole.value else None
        if exact is None or (part.unit or "") != (whole.unit or ""):
            pu, wu = _in_yuan(part.value, part.unit), _in_yuan(whole.value, whole.unit)
            exact = pu / wu * 100 if pu is not None and wu else None
    except (ArithmeticError, TypeError):
        return computed
    if exact is None:
        return computed
    words = "|".join(w for w in (part.row.label if part.row.label not in ("合计", "总计") else "",
                                 part.cell.column.split("/")[-1]) if w)
    found = [s for s in stated(doc, part, words) if _agrees(s[0], s[1], exact)]
    if not found or len({s[0] for s in found}) != 1:
        return computed
    said, printed, sentence, p = found[0]
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence,
                    section=p.section, unit="%")
    where = f"{p.section}{f'，第{p.page}页' if p.page else ''}"
    if said == result.value:
        return computed  # the same figure: the computed answer says it
    text_first = (whole.table.kind == model.NARRATIVE or _TEXT_ASKED.search(q)) and not _DECIMALS_ASKED.search(q)
    body = computed.answer
    if text_first:
        head = body.split("。计算：", 1)
        shown = f"按表中数字计算为 {arith.fmt(result.value)}%：{head[1]}" if len(head) == 2 else body
        text = (f"文中说明：“{sentence}”（{where}），即{part.name()}占{whole.name()}的 {printed}%。"
                f"{shown}")
        return Answer(computed.question, computed.status, text, said, "%", computed.calculation,
                      [cite, *computed.citations], chart=computed.chart)
    text = f"{body}；文中说明为 {printed}%：“{sentence}”（{where}）"
    return Answer(computed.question, computed.status, text, computed.value, computed.unit, computed.calculation,
                  [*computed.citations, cite], chart=computed.chart)
