"""Reading numbers and indicator values out of printed cell text, exactly."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# A numbered item or line: "一、", "1、", "1." (not "384.41"), "（一）", "(八)" — how disclosures enumerate.
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])")
_MONEY = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")
# Full-width digits and punctuation as some exports print them: "６．２０", "１２，３４５．００", "－3.00".
_WIDE = str.maketrans({**{chr(0xFF10 + k): str(k) for k in range(10)}, "．": ".", "，": ",", "－": "-", "−": "-",
                       "（": "(", "）": ")", "\u3000": " "})
# An accounting negative: the amount in brackets, "(3.00)" / "（3.00）" / "(1,234.50)"; a bare "(1)" is a
# numbering, not an amount, so the brackets need decimals or thousands separators inside.
_ACCOUNTING = re.compile(r"^\((?P<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)\)$")
# What a printed figure is made of: a cell of these with a digit in it was meant as a number.
_NUMERIC_LOOK = re.compile(r"^[\d,.()\-+%\sA-Za-z]*\d[\d,.()\-+%\sA-Za-z]*$")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff（）“”])\s+(?=[\u4e00-\u9fff（）“”])")
_INDICATOR = re.compile(
    r"^(?P<cmp>[≥≤><=＞＜＝]|大于等于|小于等于|不低于|不高于|不少于|不超过)?\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>.*)$"
)
_CMP = {"＞": ">", "＜": "<", "＝": "=", "大于等于": "≥", "不低于": "≥", "不少于": "≥",
        "小于等于": "≤", "不高于": "≤", "不超过": "≤"}
# What may follow the number in an indicator for it to be a quantity: a short unit, maybe per-something.
_UNIT = re.compile(r"^(%|[\u4e00-\u9fffA-Za-z]{1,4}(/[\u4e00-\u9fff]{1,3})?)?$")


def clean(text: str) -> str:
    """Normalise a cell's text: PDF extraction leaves spaces inside Chinese words ("一般公共预算 财政拨款")."""
    text = text.replace("\u3000", " ").strip()
    return _CJK_GAP.sub("", text)


def money(raw: str) -> Decimal | None:
    """The exact amount printed, or None when the text is not a plain number.

    The one place printed amounts are read (both readers call it): ``8,815.77``, ``-3.00``, full-width
    ``６．２０``, accounting negatives ``（3.00）``. Anything else (``12,3a4``, ``1,23``) is None.
    """
    text = raw.translate(_WIDE).strip()
    sign = ""
    m = _ACCOUNTING.match(text)
    if m:
        text, sign = m.group("n"), "-"
    if not _MONEY.match(text):
        return None
    try:
        return Decimal(sign + text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        return None


def looks_numeric(raw: str) -> bool:
    """Whether a cell's text was meant as a figure (digits with separators, signs, stray letters), so that
    a money cell holding it but not reading as a number is worth reporting: ``12,3a4``, ``1.2.3``. A name
    (``2010601-行政运行``, ``批``) is not."""
    return bool(_NUMERIC_LOOK.match(raw.translate(_WIDE).strip()))


def indicator(raw: str) -> tuple[str | None, Decimal | None, str | None]:
    """Split an indicator value into (comparator, number, unit): ``≥7个`` → (≥, 7, 个).

    Dates and deadlines (``12月底前``, ``10月1日前``) and prose stay text: (None, None, None).
    """
    text = raw.strip()
    m = _INDICATOR.match(text)
    if not m:
        return None, None, None
    unit = m.group("unit").replace(" ", "")
    if not _UNIT.match(unit) or unit.endswith(("前", "后", "底", "内")) or "月" in unit and "/" not in unit:
        return None, None, None
    cmp = m.group("cmp")
    return _CMP.get(cmp, cmp), Decimal(m.group("num")), unit or None
