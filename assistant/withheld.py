"""What the document says it does not publish, and items it only counts.

「西安市委宣传部下面有哪些内设处室？」 of a document whose 「一、部门主要职责及机构设置」 reads 「本部门按照保密审查
机制确定此项内容为涉密内容，按规定不予公开」: the question's subject is that withheld section's (机构设置 ← 内设处室,
内设机构, 下设科室 …; 职责 ← 职能; 工作任务 ← 重点工作) and the question asks for a list of what that section
would have named (哪些, 哪几, 名单), so it is refused quoting the statement — no unrelated
passage answers it.

「单价100万元以上设备具体是什么？」 where every sentence naming those items gives only their number
(「单价100万元（含）以上设备（不含车辆）2台（套）。」, nothing after it saying 主要是/包括 what they are): the
document does not say which items they are; refused quoting the count.
"""
from __future__ import annotations

import re

from .answer import NOT_FOUND, Answer, Citation

_WITHHELD = re.compile(r"不予公开|不宜公开|不公开|涉密内容")
# A question's words for the subject of a section heading's topic.
_TOPICS = (
    ("机构", re.compile(r"内设|处室|科室|机构|下设|下属部门|部门设置")),
    ("职责", re.compile(r"职责|职能|管什么|负责什么|干什么的")),
    ("工作任务", re.compile(r"工作任务|重点工作|今年要干|主要工作")),
)
# A list asked (「有哪些内设机构」): what the section would have named. 「主要职责是什么」 asks what the section
# says, and is answered by quoting it (Engine._text).
_WHICH = re.compile(r"哪些|哪几|列一下|列出|名单|名称|多少个|几个")
_SPECIFIC = re.compile(r"(?:具体)?(?:都)?(?:是|有|包括)?(?:什么|哪些|哪几[台套个件辆种]?|啥)(?:设备|东西|车辆?)?[？?。]*$")
_COUNTED = re.compile(r"^\s*(?:共|共计|合计)?\s*\d+\s*(?:台|套|辆|个|件|处|项)")


def _cite(doc, p) -> Citation:
    return Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)


def answer(question: str, q: str, doc) -> Answer | None:
    return _withheld(question, q, doc) or _only_counted(question, q, doc)


def _withheld(question: str, q: str, doc) -> Answer | None:
    if not _WHICH.search(q):
        return None
    for p in doc.passages:
        if not _WITHHELD.search(p.text) or len(p.text) > 120:
            continue
        heading = p.section.split("/")[-1]
        if any(word in heading and said.search(q) for word, said in _TOPICS):
            where = f"（{p.section}{'，第' + str(p.page) + '页' if p.page else ''}）"
            return Answer(question, NOT_FOUND, f"没有找到答案：文件说明此项不公开——「{p.text}」{where}",
                          citations=[_cite(doc, p)])
    return None


def _plain(text: str) -> str:
    return re.sub(r"[（(][^（）()]{0,8}[）)]|\s", "", text).replace("的", "").replace("在", "")


def _only_counted(question: str, q: str, doc) -> Answer | None:
    """Items the question asks to be named (「具体是什么」「是哪些」) that the document only counts."""
    m = _SPECIFIC.search(q)
    if not m or not re.search(r"具体|哪些|哪几|是什么", m.group(0)):
        return None
    subject = q[:m.start()]
    subject = re.sub(r"^.*?(?:19|20)\d{2}年度?(?:部门)?(?:预算|决算)?(?:里面|当中|中|里|的)?", "", subject)
    subject = _plain(re.sub(r"^(?:本部门|部门|单位)", "", subject))
    if len(subject) < 4 or not re.search(r"\d", subject + "x") or not re.search(r"设备|车|资产|房", subject):
        return None
    found = []
    for p in doc.passages:
        text = _plain(p.text)
        at = text.find(subject)
        while at >= 0:
            after = text[at + len(subject):]
            if not _COUNTED.match(after):
                return None  # named otherwise than by a count: another family reads it
            rest = re.split(r"[。；;]", after, maxsplit=1)[0]
            if re.search(r"主要是|主要为|包括|分别是|为：|：", rest):
                return None
            found.append(p)
            at = text.find(subject, at + 1)
    if not found:
        return None
    p = found[0]
    where = f"（{p.section}{'，第' + str(p.page) + '页' if p.page else ''}）"
    return Answer(question, NOT_FOUND, f"没有找到答案：文件只给出数量，没有说明具体是哪些——「{p.text}」{where}",
                  citations=[_cite(doc, p)])
