"""Staffing as the narrative states it (部门人员情况说明, 人员情况): 「本部门人员编制10964人，其中行政编制115人、事业
编制10849人；实有人员10887人，其中行政121人、事业10766人。单位管理的离退休人员109人」 — and per unit: 「其中市委
宣传部行政编制87人、市委讲师团事业编制18人」.

A question about 编制 or 实有 people (「编制数是多少」「行政编制有几个人」「讲师团有多少个事业编制」「编制数和实有人数差几个
人」) is answered from these figures: one figure quoted with its sentence, or the gap between the establishment and
the people in post computed with its formula. Read from the passages' words, not per template: a figure is the
number before 人/名, its group (编制, 实有, 离退休) the last group word said before it in its sentence, its kind
(行政, 事业, 工勤) and its unit (the words before the kind) the words right before it. The unit's words must be
the question's when the question names a unit; a figure the question asks that the text does not state is never
taken from another group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import arith
from .answer import ANSWERED, Answer, Citation

_GROUPS = (("离退休", re.compile(r"离退休")), ("实有", re.compile(r"实有|在职|在岗")), ("编制", re.compile(r"编制")))
_KINDS = ("行政", "事业", "工勤", "参公")
_FIGURE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?:人|名)(?!次)")
# The question: the establishment, the people in post, both (a gap), and how many.
_ASKS_ESTABLISHMENT = re.compile(r"编制(?!范围|单位|说明|情况|口径|部门|方法)|在编|核定")
_ASKS_ACTUAL = re.compile(r"实有|实际有|在职|在岗|现有人")
_ASKS_RETIRED = re.compile(r"离退休(?:人员|干部)?(?:有)?(?:多少|几)")
_COUNT = re.compile(r"多少|几")
_GAP = re.compile(r"差|多|少|空编|缺编|超编|相差|比")


@dataclass
class Staff:
    group: str  # 编制 | 实有 | 离退休
    kind: str  # "" (the whole) | 行政 | 事业 | 工勤 | 参公
    unit: str  # the words naming a unit before the kind (市委讲师团), or ""
    value: Decimal
    sentence: str
    passage: object


def _figures(doc) -> list[Staff]:
    out = []
    for p in doc.passages:
        text = re.sub(r"\s+", "", p.text)
        if "编制" not in text and "实有" not in text:
            continue
        for sentence in re.split(r"(?<=[。；;])", text):
            group = ""
            last = 0
            for m in _FIGURE.finditer(sentence):
                before = sentence[last:m.start()]
                said = [(g, w.start()) for g, w in ((g, list(rx.finditer(before))) for g, rx in _GROUPS) for w in w[-1:]]
                if said:
                    group = max(said, key=lambda s: s[1])[0]
                last = m.end()
                if not group:
                    continue
                clause = re.split(r"[，,、；;：:]|其中", before)[-1]
                kind = next((k for k in _KINDS if k in clause), "")
                unit = clause[:clause.find(kind)] if kind else ""
                unit = re.sub(r"^(?:截[止至]\S*?年底|本部门|本单位|人员|其中)", "", unit)
                out.append(Staff(group, kind, unit, Decimal(m.group("n").replace(",", "")), sentence, p))
    return out


def _says(q: str, unit: str) -> bool:
    """Does the question name the unit, whole or by its end (市委讲师团 said 讲师团, three characters or more)?"""
    for said in [unit] + [unit[i:] for i in range(1, len(unit) - 2)]:
        for m in re.finditer(re.escape(said), q):
            if not re.search(r"(?:含|包括|包含|连同|加上)$", q[:m.start()]):
                return True  # 「宣传部（含讲师团）」 names the whole that includes the unit, not the unit
    return False


def _pick(figures: list[Staff], group: str, q: str) -> Staff | None:
    """The figure of the group the question asks: its kind (行政/事业) if said, a unit it names, else the whole."""
    kind = next((k for k in _KINDS if k in q), "")
    mine = [f for f in figures if f.group == group and f.kind == kind]
    named = [f for f in mine if f.unit and _says(q, f.unit)]
    if named:
        return named[0]
    # 「讲师团实有多少人」: the unit's figure whatever its kind (事业), when the text states it one way only
    own = [f for f in figures if f.group == group and f.unit and _says(q, f.unit) and not kind]
    if own and len({f.value for f in own}) == 1:
        return own[0]
    mine = [f for f in mine if not f.unit or kind]  # a unit's own figure only when the question names the unit
    return mine[0] if mine else None


def _cite(doc, f: Staff) -> tuple[Citation, str]:
    p = f.passage
    where = f"{p.section}{f'，第{p.page}页' if p.page else ''}"
    return Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, f.sentence,
                    section=p.section, unit="人"), where


def _name(f: Staff) -> str:
    if f.group == "编制":
        return f"{f.unit}{f.kind}编制" if f.kind else f"{f.unit}人员编制"
    group = "实有人员" if f.group == "实有" else "离退休人员"
    return f"{f.unit}{group}" + (f"（{f.kind}）" if f.kind else "")


def answer(question: str, q: str, doc) -> Answer | None:
    if not _COUNT.search(q):
        return None
    establishment, actual = bool(_ASKS_ESTABLISHMENT.search(q)), bool(_ASKS_ACTUAL.search(q))
    retired = bool(_ASKS_RETIRED.search(q))
    if not (establishment or actual or retired):
        return None
    figures = _figures(doc)
    if not figures:
        return None
    if establishment and actual and _GAP.search(q):
        a, b = _pick(figures, "编制", q), _pick(figures, "实有", q)
        if a is None or b is None:
            return None
        r = arith.difference(a.value, b.value)
        (ca, wa), (cb, wb) = _cite(doc, a), _cite(doc, b)
        hi, lo = (a, b) if a.value >= b.value else (b, a)
        text = (f"{_name(hi)} {arith.fmt(hi.value)} 人，比{_name(lo)} {arith.fmt(lo.value)} 人多 {arith.fmt(r.value)} 人。"
                f"文中说明：“{a.sentence}”（{wa}）" + ("" if b.sentence == a.sentence else f"；“{b.sentence}”（{wb}）"))
        return Answer(question, ANSWERED, text, r.value, "人", r.formula, [ca] + ([] if cb.text == ca.text else [cb]))
    group = "离退休" if retired and not establishment else ("实有" if actual and not establishment else "编制")
    f = _pick(figures, group, q)
    if f is None:
        return None
    cite, where = _cite(doc, f)
    text = f"{_name(f)}为 {arith.fmt(f.value)} 人。文中说明：“{f.sentence}”（{where}）"
    return Answer(question, ANSWERED, text, f.value, "人", None, [cite])
