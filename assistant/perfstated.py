"""Figures a performance text states beside the words a question uses (assistant/perftables.py asks it when no form
cell answers): 「编报绩效目标的项目50个，涉及项目预算资金5634.81万元」, 「平均得分99.43分」, a goal cell's
「站点维护数量162个」 — the number printed right after those words, in the unit the question asks for, the sentence
quoted and cited."""
from __future__ import annotations

import re
from decimal import Decimal

from ingest.model import ParsedDocument

from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .perfforms import Form
from .vocab import common_run

CUE = re.compile(r"绩效|自评|评价|目标|力争|实际完成")
_STATED_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|预算里|预算中|一共|总共|共有|共|是多少|多少|几|"
                             r"有|是|的|了|吗|呢|要|[？?，,。（）()“”]")
_STATED_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)[”\"」]?\s*(万元|亿元|元|个|项|家|万人次|人次|人|分|%|％|小时|分钟|天|次|场|篇|"
                            r"期|册|万吨|吨|条|座|万标箱|标箱|辆|所)")


class _Scored:
    """「评价得分86.73，」: a score printed after 得分 with no 分 after it, read as one in 分."""
    def __init__(self, m: re.Match):
        self._m = m

    def group(self, k: int) -> str:
        return self._m.group(1) if k == 1 else "分"

    def start(self) -> int:
        return self._m.start(1)

    def end(self) -> int:
        return self._m.end(1)


_SCORED = re.compile(r"(?:得分|评分)[为是：:“\"]{0,2}(\d+(?:\.\d+)?)(?![\d.%％]|[”\"」]?\s*分)")


def _stated_numbers(sentence: str, units: set[str]):
    found = list(_STATED_NUMBER.finditer(sentence))
    if units == {"分"}:
        found += [_Scored(m) for m in _SCORED.finditer(sentence)]
        found.sort(key=lambda n: n.start())
    return found


def _asked_units(q: str) -> set[str] | None:
    if re.search(r"得分|多少分(?!钟)|几分(?!钟)|评分", q):
        return {"分"}
    counted = re.search(r"(?:多少|几)(?:个|项(?!目)|家)", q)
    if re.search(r"多少钱|资金|金额|经费|万元|预算安排|预算是多少", q) and not counted:
        return {"万元", "亿元", "元"}
    if m := re.search(r"(?:多少|几)(个|项|家|万人次|人次|人|小时|分钟|天|次|场|篇|期|册|万吨|吨|条|座|万标箱|标箱|辆|所)", q):
        u = m.group(1)
        return {"个", "项", "家"} if u in ("个", "项", "家") else {u}
    if re.search(r"率|比例|占比|百分", q):
        return {"%", "％"}
    if m := re.search(r"(万人次|人次|万标箱|万吨)", q):  # "门诊诊疗人次实际完成多少": the count's own measure word
        return {m.group(1), "万" + m.group(1) if not m.group(1).startswith("万") else m.group(1)}
    return None


def _texts(doc: ParsedDocument, fs: list[Form], named: list[Form], cue: bool, performance_only: bool = True):
    """(text, citation) pairs a performance figure may be stated in: the forms' goal cells (绩效目标 …) of the
    projects the question names, and, for a question about 绩效, the narrative's passages that speak of it."""
    d = doc.document
    for f in (named or fs):
        for row in f.table.rows:
            for c in row.cells:
                if len(c.raw) > 20 and re.search(r"目标", c.column + row.label):
                    yield c.raw, row.label, Citation(d.label, d.doc_id, f.table.title, row.label, c.column,
                                                         row.page or f.table.page, c.raw, table_ordinal=f.table.ordinal,
                                                         row_ordinal=row.ordinal, kind=f.table.kind)
    if cue or named:  # no word about 绩效, but a form's project named: the passages that speak of that project
        for p in doc.passages:
            if not cue and not any(f.project and f.project in p.text for f in named):
                continue
            if "绩效" in p.section or "绩效" in p.text or "评价" in p.text or not performance_only:
                yield p.text, p.section, Citation(d.label, d.doc_id, None, None, None, p.page, p.text, section=p.section)


def stated(question: str, q: str, doc: ParsedDocument, fs: list[Form], named: list[Form], cue: bool) -> Answer | None:
    """A figure a performance text states beside the words the question uses: 「编报绩效目标的项目50个，涉及
    项目预算资金5634.81万元」, 「平均得分99.43分」, a goal cell's 「站点维护数量162个」. The number is the one
    printed right after those words (in the unit the question asks for), the sentence quoted and cited."""
    if W.RANK.search(q) and "哪" in q:
        return None  # 「哪个项目钱最多」 asks which, never a count or an amount stated beside the words
    units = _asked_units(q)
    if units is None or not cue and not fs:
        return None
    from .documents import department_names
    rest = q
    for name in sorted(department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        rest = rest.replace(name, "|")
    keys = [k for k in _STATED_GENERIC.sub("|", rest).split("|") if len(k) >= 2]
    if not keys:
        return None
    best, best_score = None, 3
    for text, where, cite in _texts(doc, fs, named, cue, bool(re.search(r"绩效|自评|评价", q))):
        for sentence in re.split(r"[。；;！!]", text):
            prev = 0
            for n in _stated_numbers(sentence, units):
                unit = n.group(2).replace("％", "%")
                window = sentence[max(prev, n.start() - 30):n.start()]
                far = sentence[max(0, n.start() - 45):max(prev, n.start() - 30)]
                prev = n.end()
                if unit not in units and not (unit == "%" and "％" in units):
                    continue
                score = sum(r for k in keys if (r := common_run(k, window)) >= 2)
                if score >= 2 and far:  # 「绩效自评的…项目4个，涉及…万元，平均得分99.43分」: the words before the
                    score += 0.5 * sum(r for k in keys if (r := common_run(k, far)) >= 3)  # figure before it, half
                score += 0.5 * sum(r for k in keys if (r := common_run(k, where or "")) >= 3)
                if unit not in ("万元", "亿元", "元", "%") and score >= 2:  # what is counted or scored follows it:
                    after = sentence[n.end():n.end() + 30]  # 「31 个省级数据中心」, 「得分86.73，…《…补助资金…报告》」
                    score += 0.5 * sum(r for k in keys if (r := common_run(k, after)) >= 3)
                if score > best_score:
                    best, best_score = (sentence.strip(), n, unit, cite), score
    if best is None:
        return None
    sentence, n, unit, cite = best
    value = Decimal(n.group(1).replace(",", ""))
    place = cite.table or cite.section or ""
    page = f"，第{cite.page}页" if cite.page else ""
    text = f"文中说明：“{sentence}”，即 {n.group(1)} {unit}（{place}{'，' + cite.row + '行' if cite.row else ''}{page}）"
    return Answer(question, ANSWERED, text, value, unit, None,
                  [Citation(cite.document, cite.doc_id, cite.table, cite.row, cite.column, cite.page, sentence,
                            cite.section, cite.table_ordinal, cite.row_ordinal, cite.kind, unit)])
