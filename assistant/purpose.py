"""「科学技术支出那28万元主要是干什么用的」「X的钱用于什么」: what a line's money is for — answered by the passage
explaining that line, quoted and cited, not by the overview sentence listing every 类 nor the line's figure.

The narrative part of a disclosure explains its lines one by one: 「（1）科学技术支出（类）技术研究与开发（款）
科技成果转化与扩散（项）28.00万元，主要用于数智气象“杭天衍”垂域模型项目。」 The sentence saying 用于 is the
answer; its subject (the words before 用于) must hold a line the question names (four characters at least; six of its words
where it names no line the tables print, a project's name), and a
figure the question states (「那28万元」) picks the passage printing that figure. A 名词解释 entry says what a
line *reflects* (「反映…用于…的支出」), the same for every department: it is taken only where no passage
explains the line itself. Where no passage says what the money is for, this family does not answer.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .answer import ANSWERED, Answer, Citation

# The asking words of a purpose (not 「花在哪」 alone: 「钱主要花在哪」 asks the whole budget's composition).
_ASKS = re.compile(r"干什么用|干啥用|做什么用|做啥用|用于什么|用于哪|用来干|用来做|用在(?:什么|哪)|什么用途|用途是|"
                   r"用途有|有什么用|派什么用场")
_LEVEL = re.compile(r"[（(]\d*[类款项][)）]")  # 「（项）」「（05项）」: the level, no word of the name
_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|亿元)")
_MIN_SHARED = 4  # a name of a line, not a word every line holds (支出, 经费)
_MIN_UNNAMED = 6  # words no line is named by: a project's name, not a word of many (公共服务)


def answer(question: str, q: str, doc, vocab) -> Answer | None:
    if not _ASKS.search(q):
        return None
    # the lines the question names (「2120815农村社会事业支出」 said with its code): the subject must hold one
    names = {re.sub(r"[\d\s]", "", q[m.start:m.end]) for m in vocab.mentions(q) if m.rows}
    names = {n for n in names if len(n) >= _MIN_SHARED}
    said = re.sub(r"[“”\"‘’「」『』\s]", "", q)
    figures = {_dec(m.group(1)) for m in _FIGURE.finditer(said)} - {None}
    best = None
    for k, p in enumerate(doc.passages):
        text = re.sub(r"\s+", "", p.text)
        for m in re.finditer(r"用于", text):
            start = max(text.rfind(c, 0, m.start()) for c in "。；;") + 1
            if len(re.sub(r"[^\u4e00-\u9fff]|主要", "", text[start:m.start()])) < 2:
                # 「普法宣传（05项）124.29万元。主要用于：…」: the line named in the sentence before
                start = max(text.rfind(c, 0, max(start - 1, 0)) for c in "。；;") + 1
            subject = _LEVEL.sub("", text[start:m.start()])
            # a line the question names, else (a project no table line names) a long run of its words
            shared = max((len(n) for n in names if n in subject), default=0)
            if shared < _MIN_SHARED and (shared := _shared(said, subject)) < _MIN_UNNAMED:
                continue
            printed = {_dec(m.group(1)) for m in _FIGURE.finditer(subject)} - {None}
            # the figure asked printed beside the line; the line explained, not a definition of what it reflects
            key = (bool(figures & printed), "反映" not in subject, shared)
            if best is None or key > best[0]:
                best = (key, k, p, text)
    if best is None or (figures and not best[0][0] and not best[0][1]):
        return None  # a figure asked that no line's explanation prints, only a definition: not this family's
    _, _, p, text = best
    where = f"{p.section}{'，第' + str(p.page) + '页' if p.page else ''}"
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)
    return Answer(question, ANSWERED, f"文件对这笔钱用途的说明：「{text}」（{where}）", None, None, None, [cite])


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _shared(said: str, subject: str) -> int:
    """The longest run of characters (no digits) the question and the sentence's subject both hold."""
    said = re.sub(r"[\d.,]", "|", said)
    best = 0
    for i in range(len(said)):
        for j in range(i + best + 1, len(said) + 1):
            if "|" in said[i:j] or said[i:j] not in subject:
                break
            best = j - i
    return best
