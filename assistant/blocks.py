"""Answers quoted from a block of the narrative that the question names by its heading.

- A project's description, printed under fixed headings (项目概述, 立项依据, 实施主体, 实施方案, 实施周期,
  年度预算安排, 绩效目标) — the central template's 「一级项目情况」 and Shanghai's 「…项目经费情况说明」:
  「信息化运行维护项目由谁实施」 quotes what is printed under 实施主体 of that project's block;
  「人民调解项目的年度预算安排是多少」 gives the amount printed under 年度预算安排 (read from the passage
  as printed, cited).
- A section asked for by its heading: 「主要职能有哪些」 quotes every passage of the section （一）主要职能,
  in order, not the three that retrieval happens to rank first.
"""
from __future__ import annotations

import re

from ingest.model import ParsedDocument, Passage
from ingest.values import NUMBERED, money

from . import wording as W
from .answer import ANSWERED, NOT_FOUND, Answer, Citation
from .corpus import plain_label
from .vocab import common_run

# The headings of a project's description, and how a question asks for each.
_TOPICS = {
    # 「由哪些科室具体实施」「哪个处室负责实施」: who carries it out, asked by the kind of office
    "实施主体": r"由谁实施|谁来?实施|谁负责实施|实施主体|实施单位|由?哪(?:些|个|几个)[^，,？?]{0,4}?(?:具体)?(?:负责)?实施",
    "年度预算安排": r"年度预算安排|预算安排(?:了|是)?多少|安排了?多少(?:资金|钱|预算)",
    "立项依据": r"立项依据|依据是什么|根据什么立项",
    "实施周期": r"实施周期|实施期限|实施多久",
    "实施方案": r"实施方案|怎么实施|如何实施",
    "项目概述": r"项目概述|项目是做什么|项目做什么",
}
_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|项目|是多少|多少|是什么|有哪些|具体|的|了|吗|呢|是|由谁|谁|[？?，,。“”]")
_SECTION_ASK = re.compile(r"有哪些|有什么|是什么|包括哪些|包括什么|哪几")
_MAX_QUOTED = 12


def _bare(text: str) -> str:
    return NUMBERED.sub("", text.strip()).strip("：: ")


def _cite(doc: ParsedDocument, p: Passage) -> Citation:
    return Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)


def _leaf(section: str | None) -> str:
    return _bare((section or "").split("/")[-1])


def _headed(doc: ParsedDocument, topic: str) -> list[tuple[int, list[Passage]]]:
    """Every place the heading ``topic`` is printed, with the passages under it: a passage that is the heading
    itself (the passages after it, up to the next numbered heading), or a section of that name."""
    ps = doc.passages
    out = []
    for i, p in enumerate(ps):
        if _bare(p.text) == topic and len(p.text) <= len(topic) + 6:
            body = []
            for x in ps[i + 1:]:
                if NUMBERED.match(x.text.strip()) and len(x.text) <= 20:
                    break
                body.append(x)
            out.append((i, body))
        elif _leaf(p.section) == topic and (i == 0 or ps[i - 1].section != p.section):
            out.append((i, [x for x in ps[i:] if x.section == p.section][:_MAX_QUOTED]))
    return [(i, body) for i, body in out if body]


def _block_score(doc: ParsedDocument, at: int, name: str) -> int:
    """How well the project block around passage ``at`` matches the name the question gives: the longest run
    it shares with the block's opening passages (back to the block's 项目概述 and the title before it)."""
    ps = doc.passages
    start = at
    for j in range(at, max(-1, at - 20), -1):
        start = j
        if _bare(ps[j].text) == "项目概述" or _leaf(ps[j].section) == "项目概述":
            break
    texts = [ps[j].text for j in range(max(0, start - 2), at + 1)] + [ps[start].section or ""]
    return max((common_run(name, t) for t in texts), default=0)


_PRICED = re.compile(r"([\u4e00-\u9fff（）()]{2,30}?)(?:为|约|共)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")


def _priced(text: str) -> list[tuple[str, str, str]]:
    """The items a block prices one after another (name, amount as printed, unit) — two or more, else none."""
    items = [(m.group(1), m.group(2), m.group(3)) for m in _PRICED.finditer(text)]
    return items if len(items) >= 2 else []


def _names_a_line(q: str, doc: ParsedDocument) -> bool:
    """Does the question say the name of a line the document's tables print (four characters or more)?"""
    return any(len(name) >= 4 and name in q for t in doc.tables for r in t.rows
               for name in (plain_label(r.label),) if name)


def project_block(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    topic = next((t for t, pattern in _TOPICS.items() if re.search(pattern, q)), None)
    if topic is None:
        return None
    codes = re.findall(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?!\d)", q)
    if any(t.row_by_code(c) is not None for c in codes for t in doc.tables):
        return None  # 「2014004信访业务安排了多少」: a subject code names a line of the tables, no project's block
    name = _GENERIC.sub("", re.sub(_TOPICS[topic], "", q))
    if len(name) < 2:
        return None
    scored = [(_block_score(doc, i, name), i, body) for i, body in _headed(doc, topic)]
    scored = [s for s in scored if s[0] >= min(4, len(name))]
    if not scored:
        return None
    best = max(s[0] for s in scored)
    top = [s for s in scored if s[0] == best]
    if len(top) > 1:
        return None  # several projects' blocks fit equally: not guessed
    _, _, body = top[0]
    cites = [_cite(doc, p) for p in body]
    quote = "\n\n".join(f"「{p.text}」（{p.section}{'，第' + str(p.page) + '页' if p.page else ''}）" for p in body)
    if topic == "年度预算安排" and W.NUMERIC.search(q):
        m = re.fullmatch(r"\s*([\d,，.．]+)\s*(万元|元|亿元)\s*[。.]?\s*", body[0].text)
        value = money(m.group(1)) if m else None
        if value is not None:
            text = f"该项目的年度预算安排为 {body[0].text.strip().rstrip('。.')}（{body[0].section}，第{body[0].page}页）"
            return Answer(question, ANSWERED, text, value, m.group(2), None, cites[:1])
    if topic == "年度预算安排" and W.NUMERIC.search(q) and (priced := _priced(body[0].text)):
        # 「信息化系统日常维护费166.66万元，中介机构服务费418.80万元…」: the amount of the item asked, or, where the
        # question names none of them (「请法律顾问安排了多少」 of a block listing 中介机构服务费), a plain not-found
        fit = {label: common_run(name, label) for label, _, _ in priced}
        best = max(fit.values())
        hit = [x for x in priced if fit[x[0]] == best] if best >= 2 else []
        where = f"（{body[0].section}，第{body[0].page}页）"
        if len(hit) == 1:
            label, raw, unit = hit[0]
            return Answer(question, ANSWERED, f"{label}：{raw} {unit}{where}。{quote}", money(raw), unit, None, cites[:1])
        if not hit and _names_a_line(q, doc):
            return None  # 「职业年金缴费支出预算安排了多少」: a line the tables print, read there (not this block's)
        if not hit:
            listed = "、".join(f"{label} {raw} {unit}" for label, raw, unit in priced)
            return Answer(question, NOT_FOUND, f"没有找到答案：文件的年度预算安排只列出{listed}{where}，"
                                               "没有单列问题所问的这一项的金额。", citations=cites[:1])
    items = [x for x in re.split(r"[、；;]", body[0].text.strip().rstrip("。.")) if x.strip()]
    if topic == "实施主体" and W.LIST.search(q) and len(body) == 1 and len(items) >= 2 and \
            all(len(x) <= 24 for x in items):  # 「由哪些科室实施」: the offices the block lists, each named
        return Answer(question, ANSWERED, f"共 {len(items)} 个：" + "、".join(x.strip() for x in items) +
                      f"（{body[0].section}，第{body[0].page}页）", None, None, None, cites)
    return Answer(question, ANSWERED, f"文件中{topic}的说明：\n{quote}", None, None, None, cites)


def section(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """「主要职能有哪些」: every passage of the section whose heading the question says."""
    if not _SECTION_ASK.search(q) or W.NUMERIC.search(q):
        return None
    leaves: dict[str, str] = {}
    year = re.compile(r"(?:19|20)\d{2}\s*年度?")
    asked = year.sub("", q)
    for p in doc.passages:
        leaf = year.sub("", _leaf(p.section))
        if len(leaf) >= 4 and leaf in asked:
            leaves.setdefault(leaf, p.section)
    if not leaves:
        return None
    heading = leaves[max(leaves, key=len)]
    body = [p for p in doc.passages if p.section == heading][:_MAX_QUOTED]
    cites = [_cite(doc, p) for p in body]
    quote = "\n\n".join(f"「{p.text}」（第{p.page}页）" if p.page else f"「{p.text}」" for p in body)
    return Answer(question, ANSWERED, f"文件中「{heading}」的内容：\n{quote}", None, None, None, cites)


_LIST_ASK = re.compile(r"哪几项|哪几个|哪几方面|哪些方面|哪些工作|哪几类|有哪些|是哪些")
_LIST_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|哪几项|哪几个|哪几方面|哪些方面|哪几类|有哪些|是哪些|哪些|"
                           r"的|了|是|有|[？?，,。]")


def introduced(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """「重点抓好哪几项工作」: the numbered items that follow the passage introducing them
    (「…重点抓好以下工作：」), each quoted."""
    if not _LIST_ASK.search(q) or W.NUMERIC.search(q.replace("哪几", "")):
        return None
    asked = _LIST_GENERIC.sub("|", q)
    ps = doc.passages
    best, score = None, 3
    for i, p in enumerate(ps):
        if not p.text.rstrip().endswith(("：", ":")):
            continue
        n = max((common_run(part, p.text) for part in asked.split("|") if part), default=0)
        if n > score:
            best, score = i, n
    if best is None:
        return None
    items = []
    for p in ps[best + 1:best + 1 + _MAX_QUOTED]:
        if p.section != ps[best].section and not p.section.startswith(ps[best].section + " / ") or \
                not NUMBERED.match(p.text.strip()):
            break
        items.append(p)
    if len(items) < 2:
        return None
    intro = ps[best]
    cites = [_cite(doc, intro)] + [_cite(doc, p) for p in items]
    listed = "；".join(_bare(p.text) for p in items)
    text = (f"共 {len(items)} 项：{listed}（{intro.section}，第{intro.page}页：「…{intro.text[-30:]}」）")
    return Answer(question, ANSWERED, text, None, None, None, cites)


def answer(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    from . import quarters  # a project's 用款计划 by quarter, summed (assistant/quarters.py)
    return quarters.answer(question, q, doc) or project_block(question, q, doc) or section(question, q, doc) or \
        introduced(question, q, doc)
