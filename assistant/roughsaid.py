"""A figure the question says itself, roughly or in words, to be checked: 「听说委托业务费有一千三百多万，是真的吗？
具体多少？」, 「公务接待费大概二十万左右吧」, 「培训费是不是1300多万」.

The words 一千三百多万 are no line's name (read as one, the question found nothing: 文件没有单列“一千三百”): they
are what the asker believes the figure to be. The figure is asked without them (the line named before them,
「委托业务费是多少」), answered as any lookup, and the belief is then checked against it: a range read from how
it is said — 一千三百多万 is 1,300 to 1,400 万元 (多/余/来/几 after the last place said), 大约/左右 half a place
either side (at least 5 %), 将近 up to it, 超过/上 above it, 一千三百万 said plainly the place it is rounded to.
Where the document gives the line two readings (its narrative's whole and a table's part), the one the words
fit — exactly one — answers, the other named beside it; where none or several fit, the readings stand as they
are with the check said. Every figure stays the cited answer's; only the comparison is this module's.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import AMBIGUOUS, ANSWERED, Answer
from .scope import CN_DIGIT as _CN_DIGIT

_CN_PLACE = {"十": 10, "百": 100, "千": 1000}
_NUM = r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_ROUGH = re.compile(r"(?P<pre>大约|大概|约|差不多|将近|接近|不到|不足|超过|不止|上)?"
                    rf"(?P<n>{_NUM})(?P<more>多|余|来|几)?(?P<mag>万|亿)(?:元|块钱?)?(?P<post>左右|上下|出头|多|余)?")
# The verb before it and the check after it: said about the figure, not asking anything else.
_BEFORE = re.compile(r"(?:是不是|是否|有没有|真的|确实|有|是|为|达|在|要|花了?|大约|大概|约)*$")
_CHECK = re.compile(r"^(?:吧|吗|啊|呢)?[,，]?(?:(?:这|这个说法|这个数)?(?:是真的|是不是真的|属实|对|准确|没错|是)(?:吗|吧|不|么)?|"
                    r"对不对|是不是|有没有)?[?？!！。,，]*(?:(?:那)?(?:具体|实际|到底|究竟)?(?:是|有)?多少(?:钱|万元?)?[?？。]*)?$")
# The figure said as the line's own (「有一千三百多万」, 「是不是两亿多」), not a change (「多了100多万」).
_BEING = re.compile(r"(?:有|是|为|达到?|约|花了?|要|在|是不是|有没有|吧)$")
_OTHER_ASK = re.compile(r"为什么|为何|为啥|原因|怎么|增加|减少|增长|下降|多了|少了|比上年|比去年|同比|以上|以下")
_HEARSAY = re.compile(r"^(?:我)?(?:听说|听人说|据说|有人说|听别人说|网上说)[,，]?")


def _cn(text: str) -> tuple[Decimal, Decimal] | None:
    """(value, the place it is said to): 一千三百 (1300, 100), 一千三 (1300, 100), 十几 → (10, 10), 一点三 (1.3, 0.1)."""
    whole, _, frac = text.partition("点")
    total, digit, place, last = 0, None, None, None
    for ch in whole:
        if ch in _CN_DIGIT:
            if digit is not None:
                return None
            digit = _CN_DIGIT[ch]
        elif ch in _CN_PLACE:
            p = _CN_PLACE[ch]
            total += (1 if digit is None else digit) * p
            digit, place, last = None, p, p
        else:
            return None
    if digit is not None:
        if last is None:
            total, place = digit, 1
        elif digit:  # 「一千三」: the digit after a place is the next place down
            total += digit * (last // 10 or 1)
            place = last // 10 or 1
    value, exact = Decimal(total), Decimal(place or 1)
    if frac:
        if any(ch not in _CN_DIGIT for ch in frac):
            return None
        value += Decimal("0." + "".join(str(_CN_DIGIT[ch]) for ch in frac))
        exact = Decimal(1).scaleb(-len(frac))
    return value, exact


def _digits(text: str) -> tuple[Decimal, Decimal]:
    if "." in text:
        return Decimal(text), Decimal(1).scaleb(-len(text.split(".")[1]))
    zeros = len(text) - len(text.rstrip("0")) if text.strip("0") else 0
    return Decimal(text), Decimal(10) ** zeros


def said(q: str) -> tuple[re.Match, Decimal, Decimal | None] | None:
    """The rough figure the question says, and the range it allows (in 万元; None: no upper bound)."""
    for m in _ROUGH.finditer(q):
        chinese = not m.group("n")[0].isdigit()
        rough = m.group("pre") or m.group("more") or m.group("post")
        if not chinese and not rough:
            continue  # 「1300万元」 said plainly: a figure stated, the echo guard's (assistant/guard.py)
        parsed = _cn(m.group("n")) if chinese else _digits(m.group("n"))
        if parsed is None or not parsed[0]:
            continue
        n, place = parsed
        if m.group("mag") == "亿":
            n, place = n * 10000, place * 10000
        pre, more, post = m.group("pre"), m.group("more"), m.group("post")
        if more or post in ("出头", "多", "余"):  # 一亿多: 1 to 2 亿
            lo, hi = n, n + place
        elif pre in ("超过", "不止", "上"):
            lo, hi = n, None
        elif pre in ("将近", "接近"):
            lo, hi = n - place, n
        elif pre in ("不到", "不足"):
            lo, hi = Decimal(0), n
        else:  # 大约, 左右, or said plainly: rounded to its place
            half = max(place / 2, n * Decimal("0.05")) if (pre or post) else place / 2
            lo, hi = n - half, n + half
        return m, lo, hi
    return None


def answer(engine, question: str, q: str, doc) -> Answer | None:
    """The line asked without the rough figure, then the figure checked; None: no rough figure said, or
    the question goes on to ask something else than the line's figure."""
    found = said(q)
    if found is None:
        return None
    m, lo, hi = found
    if not (m.group("pre") or _BEING.search(q[:m.start()])) or _OTHER_ASK.search(q):
        return None  # a change, a reason, a threshold (「一千万以上的项目」): the figure is no check of a line
    before = _BEFORE.sub("", _HEARSAY.sub("", q[:m.start()]))
    rest = q[m.end():]
    if not _CHECK.match(rest) or len(re.sub(r"[^\u4e00-\u9fff]", "", before)) < 2:
        return None
    asked = engine.checked(question, before + "是多少?", doc)
    words = m.group(0)
    if asked.status == ANSWERED and asked.value is not None and arith.is_money(asked.unit):
        fits = _fits(asked.value, asked.unit, lo, hi)
        verdict = (f"与所说的“{words}”相符" if fits else f"与所说的“{words}”不符")
        asked.answer = f"{asked.answer}。核对：{arith.with_unit(asked.value, asked.unit)}{verdict}"
        return asked
    if asked.status == AMBIGUOUS and asked.citations:
        figures = [_figure(doc, c) for c in asked.citations]
        fitting = {v for v, u in filter(None, figures) if _fits(v, u, lo, hi)}
        if len(fitting) == 1 and all(f is not None for f in figures):
            value = fitting.pop()
            i = next(k for k, f in enumerate(figures) if f[0] == value)
            unit = figures[i][1]
            shown = asked.readings[i] if len(asked.readings) == len(figures) else asked.citations[i].row
            others = [r for k, r in enumerate(asked.readings) if k != i and len(asked.readings) == len(figures)]
            text = (f"与所说的“{words}”相符的是 {arith.with_unit(value, unit)}：{shown}" +
                    (f"。另一口径：{'；'.join(others)}（不在所说的范围内）" if others else ""))
            cites = [asked.citations[i]] + [c for k, c in enumerate(asked.citations) if k != i]
            return Answer(question, ANSWERED, text, value, unit, None, cites)
        note = "都" if len(fitting) > 1 else "都不"
        asked.answer = f"{asked.answer}（所说的“{words}”与以上口径{note}相符，无法据此确定指哪一个）"
        return asked
    return asked


def _fits(value: Decimal, unit: str | None, lo: Decimal, hi: Decimal | None) -> bool:
    if not arith.is_money(unit):
        return False
    v = arith.convert(value, unit, "万元").value if unit != "万元" else value
    return lo <= v and (hi is None or v < hi or (v == hi and lo == hi))


def _figure(doc, cite) -> tuple[Decimal, str] | None:
    """The cell a citation names: its value and unit (None: a passage, or no number there)."""
    if cite.table_ordinal is None:
        return None
    table = next((t for t in doc.tables if t.ordinal == cite.table_ordinal), None)
    row = next((r for r in table.rows if r.ordinal == cite.row_ordinal), None) if table is not None else None
    cell = row.cell(cite.column) if row is not None else None
    if cell is None or cell.value is None:
        return None
    return (cell.value, cite.unit) if cite.unit else None
