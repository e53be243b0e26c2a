"""Counts the narrative states: 「内设机构 13 个」, 「实有车辆 15 辆」, 「人员编制 105 人」, 「纳入编制范围的
预算单位 2 家」. A count question about something no table lists is answered with the number the text
prints beside the words the question uses, the sentence quoted and cited; never a number computed or
guessed. Equivalent measure words (辆/台, 个/家) are read alike; the answer keeps the text's own.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .answer import ANSWERED, Answer, Citation
from .documents import department_names
from .vocab import common_run

_ASK = re.compile(r"(?:多少|几)\s*(个|家|辆|台|人|名|张|处|所|篇|册|期|次|座)")
_ALIKE = {"辆": "辆台", "台": "台辆", "个": "个家", "家": "家个", "人": "人名", "名": "名人"}
# Words of a count question that say nothing about what is counted.
_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|预算|决算|一共|总共|共有|共|现在|目前|里说|里面|里|中|"
                      r"说|是|的|了|吗|呢|(?:多少|几)\s*[个家辆台人名张处所篇册期次座]?|[？?，,。（）()]")
# What is counted in a table or a section instead (the engine's own counts).
_NOT_STATED = re.compile(r"科目|类级|款级|项级|绩效|项目|明细|指标|职责|职能|方面")


def count(question: str, q: str, doc) -> Answer | None:
    m = _ASK.search(q)
    if m is None or _NOT_STATED.search(q):
        return None
    units = _ALIKE.get(m.group(1), m.group(1))
    rest = q
    for name in sorted(department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        rest = rest.replace(name, "|")
    keys = [k for k in _GENERIC.sub("|", rest).split("|") if len(k) >= 2]
    if not keys:
        return None
    number = re.compile(rf"(\d+)\s*([{units}])")
    best, best_score = None, 1
    for p in doc.passages:
        for sentence in re.split(r"[。；;]", p.text):
            for n in number.finditer(sentence):
                window = sentence[max(0, n.start() - 20):n.end() + 12]
                score = max(common_run(k, window) for k in keys)
                if score > best_score:
                    best, best_score = (p, sentence, n), score
    if best is None:
        return None
    p, sentence, n = best
    value, unit = Decimal(n.group(1)), n.group(2)
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence.strip(),
                    section=p.section)
    text = f"文中说明：“{sentence.strip()}”，即 {n.group(1)} {unit}（{p.section}{f'，第{p.page}页' if p.page else ''}）"
    return Answer(question, ANSWERED, text, value, unit, None, [cite])
