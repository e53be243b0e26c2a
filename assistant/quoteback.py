"""A sentence of the narrative quoted back to be checked against the tables: 「决算说明里写“财政拨款收入支出总计0.3万元”，
这个数对吗？表上财政拨款收支总计是多少？」, 「预算说明里住房公积金一会儿写350.35万元、一会儿写352.67万元，表里到底是多少？」,
「说明里写“三公”经费“较上年增加9.49万元”，这说法对吗？…和上年比到底变了多少？」.

The figures quoted are the asker's claim, not a line's name: read as one, the question found nothing (文件没有单列
“2026年预算安排201.50万元”); left in, the restated-figure check (assistant/restates.py) finds the narrative and the
table disagree and names both readings, though the question asks which is right and what the table prints.
So the claim is set aside — its figures, its direction word, the check (这个数对吗, 表里是这个数吗) — the rest is
asked as any lookup or change, and the answer is the table's figure (where the restates check named two
readings, its table reading). Each claimed figure is then judged against it in the claim's own unit at the
precision it is printed to (an exact conversion shown), a claimed direction (增加/减少) against the sign of the
computed change, and the sentence stating it quoted with its page: a finding, not an ambiguity.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from . import arith
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation

# A figure with its money unit, as a narrative prints it; a direction word before it is part of the claim.
_CLAIM = re.compile(r"(?P<dir>(?:较|比)(?:上年|去年|上一年)?(?:增加|减少|增长|下降|多|少)了?)?"
                    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)")
# The asker says it is checking a figure the narrative states …
_SAID = re.compile(r"说明|正文|文中|文字|里写|里说|写的|写着|说的|说“|写“|写了?\d|说\d|提到")
_CHECK = re.compile(r"对吗|对不对|对不|准确吗|正确吗|是否正确|有没有错|有误|错了吗|写错|属实吗|说法对|是这个数吗|是这个数不|"
                    r"是不是这个数|一致吗|对得上吗?")
# … and asks what the table prints.
_TABLE = re.compile(r"表[里上中内]|表格|到底|究竟|实际")
# What is said about the claim, not about the line: dropped with it.
_FILLER = re.compile(r"[，,]?\s*(?:这个?(?:数字?|说法|金额|数据)?|这)?(?:(?:说法)?对吗|对不对|对不|准确吗|正确吗|是否正确|"
                     r"有没有错|有误吗?|错了吗|写错了吗?|属实吗)[？?]?|(?:表[里上中内])?(?:是不是|是)这个数(?:吗|不)?[？?]?|"
                     r"一会儿?写|又写|一会儿?说|又说|[、，,]?(?=[、，,]?一会)")
# A quoted remnant once its figure is gone: only the year or 预算安排 said, no line named.
_REMNANT = re.compile(r"“(?:\d{4}年度?)?(?:(?:当年)?(?:预算|决算)(?:安排|执行数?|数)?)?(?:为|是)?\s*”|"
                      r"“(?:较|比)(?:上年|去年|上一年)?\s*”|“\s*[、，,]?\s*”")
_TWO_WAYS = re.compile(r"一会儿?|又写|又说|前后|两个数|两处|不一样|不一致")
_RESULT = re.compile(r"=\s*(-?[\d.]+)\s*$")


def answer(eng, question: str, q: str, doc) -> Answer | None:
    """The table's figure with the quoted claim judged against it; None: no claim quoted back here."""
    if not (_TABLE.search(q) and _SAID.search(q)):
        return None
    claims = [m for m in _CLAIM.finditer(q) if not re.match(r"\d{4}年", q[m.start("n"):])]
    # checked in words (这个数对吗), or by saying the narrative prints it two ways (一会儿写A、一会儿写B)
    if not claims or not (_CHECK.search(q) or (len({m.group("n") for m in claims}) > 1 and _TWO_WAYS.search(q))):
        return None
    rest = _CLAIM.sub("", q)
    rest = _FILLER.sub("", rest)
    rest = _REMNANT.sub("", rest)
    if rest == q or _CLAIM.search(rest):
        return None
    got = eng.checked(question, rest, doc)
    table = _table_reading(got, doc)
    if table is None:
        return None
    value, unit, text, cites, calculation = table
    sign = None
    if calculation and (m := _RESULT.search(calculation)):
        sign = Decimal(1).copy_sign(Decimal(m.group(1))) if Decimal(m.group(1)) else Decimal(0)
    verdicts, conversions, passages = [], [], []
    for m in claims:
        said = Decimal(m.group("n").replace(",", ""))
        verdict, conversion = _judge(said, m.group("unit"), value, unit, m.group("dir"), sign)
        where = _passage(doc, m.group("n"), m.group("unit"))
        quoted = f"“{(m.group('dir') or '')}{m.group('n')}{m.group('unit')}”"
        if where is not None:
            passages.append(where)
            quoted += f"（第{where.page}页：“{where.text}”）" if where.page else f"（“{where.text}”）"
        verdicts.append(f"说明中写的{quoted}{verdict}")
        if conversion:
            conversions.append(conversion)
    body = text.rstrip("。") + "。" + "；".join(verdicts) + "。以表中所列为准。"
    calc = "；".join(dict.fromkeys(([calculation] if calculation else []) + conversions)) or None
    return Answer(question, ANSWERED, body, value, unit, calc, cites + passages)


def _table_reading(got: Answer, doc):
    """(value, unit, text, citations, calculation) of the table's figure the rest of the question asks."""
    if got.status == ANSWERED and got.value is not None and got.citations and \
            any(c.table_ordinal is not None for c in got.citations):
        return got.value, got.unit, got.answer, list(got.citations), got.calculation
    if got.status == AMBIGUOUS and got.readings and got.readings[0].startswith("按表中所列") and got.citations:
        from .restates import _cell  # the restates check's table reading: its first citation is the cell
        first = got.citations[0]
        ref = _cell(doc, first) if first.table_ordinal is not None else None
        if ref is None:
            return None
        cites = [c for c in got.citations if c.table_ordinal is not None]
        text = f"表中所列：{ref.name()} {arith.with_unit(ref.value, ref.unit)}（{ref.where()}）"
        return ref.value, ref.unit, text, cites, None
    return None


def _judge(said: Decimal, said_unit: str, value: Decimal, unit: str | None, direction: str | None,
           sign: Decimal | None) -> tuple[str, str | None]:
    """Whether a claimed figure is the table's at the precision it is printed to, with the conversion shown."""
    if not (arith.is_money(unit) and arith.is_money(said_unit)):
        return "无法与表中数比较（单位不同）", None
    size = abs(value) if sign is not None else value
    in_said = arith.convert(size, unit, said_unit).value if unit != said_unit else size
    conversion = f"{arith.fmt(size)} {unit} = {arith.fmt(in_said)} {said_unit}" if unit != said_unit else None
    places = max(0, -said.as_tuple().exponent)
    same = in_said.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == said
    shown = arith.with_unit(in_said, said_unit)
    if direction and sign is not None and sign != 0:
        up = bool(re.search(r"增加|增长|多", direction))
        table_way = "增加" if sign > 0 else "减少"
        if up != (sign > 0):
            size_said = "幅度一致" if same else f"幅度也不一致（表中为 {shown}）"
            return f"与表不一致：表中计算为{table_way} {shown}，方向相反，{size_said}", conversion
        if not same:
            return f"与表不一致：表中计算为{table_way} {shown}", conversion
        return f"与表一致（表中计算为{table_way} {shown}）", conversion
    if same:
        return f"与表中数一致（{shown}）", conversion
    return f"与表中 {shown} 不一致", conversion


def _passage(doc, number: str, unit: str) -> Citation | None:
    """The sentence of the narrative stating the claimed figure, to quote with its page."""
    wanted = number.replace(",", "") + unit
    for p in doc.passages:
        flat = re.sub(r"[\s,]", "", p.text or "")
        for m in re.finditer(re.escape(wanted), flat):
            if m.start() and (flat[m.start() - 1].isdigit() or flat[m.start() - 1] == "."):
                continue
            start = max(flat.rfind("。", 0, m.start()), flat.rfind("；", 0, m.start())) + 1
            end = flat.find("。", m.end())
            sentence = flat[start:end + 1 if end >= 0 else len(flat)]
            return Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence,
                            section=p.section, unit=unit)
    return None
