"""「“单位预留机动经费”到底是啥意思」「X指什么」: what a term means — and 「万里街道办事处是个什么性质的机关」: what
the department is — answered by the passage that says it, quoted and cited, never by the term's figure.

A term's meaning is where the disclosures print it: the 名词解释 part (「七、单位预留机动经费：指预算单位年初
预留用于…的经费。」), or a sentence of the narrative 「X是指…」. Every such definition of the document is read
(its term: the words before 「：指」「是指」…); the longest term the question says is the one asked, its
passage quoted — continued into the next passage where the page cut the sentence. A question naming a table
line is asked its meaning here before the line's figure could answer it.

What the department is (its 性质: 派出机关, 行政机关, 参公事业单位 …) is the sentence of its 职能 part saying
「<the department>是…机关/机构/单位」: the department's own name (or 本部门/本单位) before 是, a kind of organ
after it. Where the document prints no such sentence, this family does not answer (retrieval does).
"""
from __future__ import annotations

import re

from .answer import ANSWERED, Answer, Citation

# The asking words of a meaning (not 「是什么」 alone: 「X的预算是什么」 asks a figure).
_MEANS = re.compile(r"啥意思|什么意思|是何意|指什么|指的是什么|指的是啥|指啥|含义|意思是|什么叫|何为|何谓|"
                    r"是干什么的|是干啥的|是做什么的|是个啥|是个什么东西|是什么东西|怎么理解|如何理解|怎么解释|"
                    # 「“提租补贴”是什么？标准是多少」: a quoted term asked what it is, or a standard asked after
                    # 是什么 — the definition states it (「人均标准90元/月」), not the line's figure
                    r"[”\"」]是(?:个)?什么|是什么[？?，,。]?.{0,8}标准")
# 「提租补贴（项）：指…」: the level a 名词解释 names beside the term is no word of it.
_LEVEL = re.compile(r"[（(][类款项][)）]")
# 「七、单位预留机动经费：指…」「（八）机关运行经费：指…」「“三公”经费是指…」: a term and its definition.
_NUMBERING = r"(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、．.]\s*)?"
_DEFINED = re.compile(rf"^{_NUMBERING}[“\"]?(?P<term>[^：:，,。；;！？]{{2,30}}?)[”\"]?\s*"
                      r"(?:[：:]\s*(?:是指|系指|指|即|是)|是指|系指)")
# 「…是个什么性质的机关」「属于什么单位」「单位性质是什么」: what the department is.
_NATURE = re.compile(r"什么性质|性质是|是(?:一个|个|一家|家)?什么(?:样|类型|类)?的?(?:机关|机构|单位|部门|组织)|"
                     r"属于(?:什么|哪类|哪种)(?:样的?)?(?:机关|机构|单位|部门|组织)|(?:机关|机构|单位)性质|什么级别的?(?:机关|单位)")
_ORGAN = r"(?:机关|机构|单位|部门|组织)"


def answer(question: str, q: str, doc, named: str = "") -> Answer | None:
    """The passage saying what the term asked means (or what the department is); None where none says it."""
    if (m := _NATURE.search(q)) is not None:
        before = re.sub(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|[，,？?“”\"\s]|的$", "", q[:m.start()])
        # the department asked (its name taken out before: engine.on), not a unit of it named before the words
        return _nature(question, q, doc) if len(before) <= 2 else None
    if not _MEANS.search(q):
        return None
    said = re.sub(r"[“”\"‘’「」『』\s]", "", q)
    best = None
    for k, p in enumerate(doc.passages):
        m = _DEFINED.match(re.sub(r"\s+", "", p.text))
        if m is None:
            continue
        term = _LEVEL.sub("", re.sub(r"[“”\"]", "", m.group("term")))  # 「“三公”经费：指…」 said 三公经费
        if term in said and (best is None or len(term) > len(best[0])):
            best = (term, k)
    if best is None:
        # 「“项目支出”指的是什么」 of a document defining 「项目支出预算：是…」: the quoted term and a stage word after it
        quoted = re.findall(r"[“\"「]([^”\"」]{2,20})[”\"」]", q)
        for k, p in enumerate(doc.passages):
            m = _DEFINED.match(re.sub(r"\s+", "", p.text))
            term = _LEVEL.sub("", re.sub(r"[“”\"]", "", m.group("term"))) if m else ""
            if any(re.fullmatch(re.escape(x) + r"(?:预算|决算)", term) for x in quoted):
                best = (term, k)
                break
    if best is None:
        return None
    term, k = best
    used = [doc.passages[k]]
    text = re.sub(r"\s+", "", used[0].text)
    for nxt in doc.passages[k + 1:k + 3]:  # a definition cut by the page (「…不可预见支出的」「经费。」)
        if re.search(r"[。！？]$", text) or nxt.section != used[0].section or _DEFINED.match(re.sub(r"\s+", "", nxt.text)):
            break
        text += re.sub(r"\s+", "", nxt.text)
        used.append(nxt)
    return _quoted(question, f"“{term}”", text, used, doc)


def _nature(question: str, q: str, doc) -> Answer | None:
    from . import documents
    names = sorted(documents.department_names(doc.document.department, doc.document.region), key=len, reverse=True)
    subjects = "|".join(re.escape(n) for n in [*names, "本部门", "本单位", "本机关"])
    said = re.compile(rf"(?:{subjects})(?:[（(]部门[)）])?(?:是|为|系)(?P<what>[^。；;！？]{{1,40}}?{_ORGAN})")
    for p in doc.passages:
        text = re.sub(r"\s+", "", p.text)
        m = said.search(text)
        if m is None or m.start() > 4:  # the sentence the passage opens with, its subject the department
            continue
        end = text.find("。", m.end())
        return _quoted(question, doc.document.department, text[:end + 1] if end >= 0 else text, [p], doc)
    return None


def _quoted(question: str, what: str, text: str, used, doc) -> Answer:
    pages = "、".join(dict.fromkeys(f"第{p.page}页" for p in used if p.page))
    where = f"{used[0].section}{'，' + pages if pages else ''}"
    cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)
             for p in used]
    return Answer(question, ANSWERED, f"文件对{what}的说明：「{text}」（{where}）", None, None, None, cites)
