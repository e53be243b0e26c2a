"""Two questions in one sentence, the second pointing back at the first: 「对个人和家庭的补助一共多少？其中退休费
多少？」「工资福利支出一共多少？其中津贴补贴占多少钱？」「政府采购预算里服务类有多少？占整个采购预算的几成？」
「打算购置多少钱的固定资产？主要买什么？」.

assistant/clauses.py asks each sentence on its own only when none refers to another; read whole, such a question is
one wrong question — a sum of the two lines, the ratio of one to the other (「占多少钱」 read as a share), the share
alone or only passages. Here each part is asked as if asked alone, the second with the first's scope before it:

- 「其中Y多少」: Y within the first's figure — 「X中的Y多少」 (X the first's subject, its scope 基本支出里… kept),
  else Y alone on the same document; 「占多少钱」 asks an amount (占 as 「合计」), not a share;
- 「占…几成 / 百分之几 / 比例」: the first's subject's share — 「X占…的几成」;
- 「主要…什么 / 哪些」: what the first's subject is spent on — 「X主要买什么」, the passages that say it.

The answer states each part in the order asked, each with its own formula and citations; its value, unit and
status are the first part's (the figure the question asks first). A first part found nowhere is said so, and the
answer is not found. Where a family already answers the whole with its 其中 part after the whole (tableanswer's
「X一共多少？其中Y多少」 read in one table, wholeparts' 「共有车辆…其中…」 sentence), its answer stands when its
figure is the first part's. A second part that sums, compares or asks 有没有 is another family's question.
"""
from __future__ import annotations

import re

from . import arith
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, AskedFigure
from .clauses import _figure

_SENTENCES = re.compile(r"(?<=[？?])")
_ASKS = re.compile(r"多少|几")
# The first part asks one figure of its own: nothing compared, ranked, changed or shared in it.
_FIRST_OPERATES = re.compile(r"其中|它|这个|比|较|差(?!旅)|增|减|变化|倍|哪|最|占|比例|比重|百分|分别|各|吗|是否|有没有|"
                             r"为什么|为啥|原因")
# 「其中退休费多少」「其中：津贴补贴占多少钱」: one line within the first's figure.
_WITHIN = re.compile(r"^其中[：:，,]?\s*(?P<rest>.+)$")
# A 其中 part doing more than naming one line: another family's question (两项加起来, 比, 有没有, 占几成 …).
_WITHIN_OTHER = re.compile(r"加起来|一共|合计|总共|之和|[和、及与]|比|较|差(?!旅)|倍|哪|最|有没有|是否|吗|分别|各|"
                           r"比例|比重|百分|几成|占比|占.{0,12}(?:几|%)")
# 「占整个采购预算的几成」「占比多少」: the first's share of a whole; no subject of its own before 占.
_SHARE = re.compile(r"^(?:它|这|这个|这部分|这笔|其|那)?(?:数|钱)?(?:又)?占(?!多少(?:钱|万?元))(?:了|到)?.{0,20}?"
                    r"(?:几成|百分之|百分比|比例|比重|份额|%|多少)")
# 「主要买什么」「具体用于哪些方面」: what the first's subject is — passages, no figure.
_WHAT = re.compile(r"^(?:主要|具体|都|大多)(?!.*(?:为什么|原因|为啥|多少|几))(?:是|用于|用在|用来|买|购置|花在|包括|有)?.{0,8}?"
                   r"(?:什么|哪些|哪几)")
# The asking words of the first part: what is left names its figure (「服务类有多少」 → 服务类).
_ASKING = re.compile(r"(?:一共|总共|共计|合计|共)?(?:定的|安排的?|预算的?|花了?|用了?|有|是|为|达到?|计划|打算)*"
                     r"(?:多少|几)(?:钱|万元|元|亿元|[辆台个家人名项套张])?的?")
# 「它占…」「这部分主要…」: a pointer back at the first part's figure, replaced by its subject.
_POINTER = re.compile(r"^(?:它|这个数|这部分钱?|这笔钱?|这些钱?|这个|这|其|那)(?:又|都)?")
# 「占多少钱」: an amount, 占 said for 合计/是 — never a share.
_AMOUNT_ZHAN = re.compile(r"占了?(?=多少(?:钱|万?元|亿元))")


def split(q: str) -> tuple[str, str, str] | None:
    """(kind, first part, second part) of a question of two sentences whose second points back at the first:
    kind is "within" (其中Y多少), "share" (占…几成) or "what" (主要…什么); None for any other question."""
    parts = [p.strip() for p in _SENTENCES.split(q) if p.strip()]
    if len(parts) != 2:
        return None
    first, second = parts
    if not _ASKS.search(first) or _FIRST_OPERATES.search(first):
        return None
    second_bare = second.rstrip("？?").strip()
    if (m := _WITHIN.match(second_bare)) is not None:
        rest = _AMOUNT_ZHAN.sub("是", m.group("rest"))
        if not _ASKS.search(rest) or _WITHIN_OTHER.search(rest):
            return None
        return "within", first, rest + "？"
    if _SHARE.match(second_bare):
        return "share", first, second
    if _WHAT.match(_POINTER.sub("", second_bare)):  # 「这些钱主要买什么」
        return "what", first, second
    return None


def subject(first: str) -> str:
    """The first part without its asking words: 「2024年政府采购预算里服务类有多少？」 → 「2024年政府采购预算里服务类」,
    「打算购置多少钱的固定资产」 → 「打算购置固定资产」."""
    return _ASKING.sub("", first.rstrip("？?")).strip("，, ")


def _second_questions(kind: str, first: str, second: str) -> list[str]:
    """The second part as asked alone, the first's subject (and its scope) before it; for 其中, Y alone after."""
    said = subject(first)
    if kind == "within":
        return [f"{said}中的{second}", second] if said else [second]
    own = _POINTER.sub("", second)  # 「它占收入预算的几成」: 它 is the first's subject, said in its place
    return [said + own] if said else [second]


def answer(eng, question: str, q: str, doc) -> Answer | None:
    found = split(q)
    if found is None:
        return None
    kind, first_q, second_q = found
    first = eng.checked(question, first_q, doc)
    if kind == "within":
        whole = eng.checked(question, q, doc)  # a family reading the whole and its 其中 part together
        if _answers_both(whole, first):
            return whole
    second = None
    for asked in _second_questions(kind, first_q, second_q):
        second = eng.checked(question, asked, doc)
        if kind == "within" and _same_line(second, first):
            continue  # 「资本性支出中的办公设备」 read as 资本性支出 again: a part is never its whole's own cell
        if kind == "what" and second.status == ANSWERED or _figure(second):
            break
    if kind == "within" and _same_line(second, first):
        second = Answer(question, NOT_FOUND, f"没有找到答案：没有单独读到“{second_q.rstrip('？?')}”，"
                                             f"读到的是上一问的同一个数")
    if kind == "what":
        second = _stating(second, first)
    said = [p.strip() for p in _SENTENCES.split(q) if p.strip()]  # each part in the asker's words
    return compose(question, said, [first, second])


def _stating(what: Answer, first: Answer) -> Answer:
    """The passages answering 「主要买什么」 narrowed to those stating the first part's figure (「拟购置固定资产64.52
    万元，主要是办公设备购置…」): the sentence that gives the figure says what it is; none such, all kept."""
    if first.value is None or what.value is not None or not what.citations:
        return what
    shown = arith.fmt(first.value)
    kept = [c for c in what.citations if c.table is None and c.text and shown in c.text.replace(",", "")]
    if not kept or len(kept) == len(what.citations):
        return what
    quote = "\n\n".join(f"「{c.text}」（{c.section}{'，第' + str(c.page) + '页' if c.page else ''}）" for c in kept)
    return Answer(what.question, what.status, f"文件中的相关说明：\n{quote}", None, None, None, kept)


def _same_line(a: Answer, b: Answer) -> bool:
    """Both answers read first the same printed line (table, row, column)."""
    if not a.citations or not b.citations or a.value is None:
        return False
    x, y = a.citations[0], b.citations[0]
    return x.row is not None and (x.table, x.row, x.column, x.page) == (y.table, y.row, y.column, y.page)


def _answers_both(whole: Answer, first: Answer) -> bool:
    """The whole question answered by one family with the first part's figure and its 其中 part said after it."""
    if whole.status != ANSWERED or whole.value is None:
        return False
    if len(whole.parts) < 2 and "其中" not in whole.answer:
        return False
    if first.status == ANSWERED and first.value is not None:
        return whole.value == first.value and whole.unit == first.unit
    return len(whole.parts) >= 2 and whole.parts[0].value == whole.value


def compose(question: str, asked: list[str], got: list[Answer]) -> Answer:
    """One answer of the parts, in the order asked: each part's words, then its answer (formula and citations its
    own); value, unit and status the first part's."""
    said = [re.split(r"[，,]", a.rstrip("？?"))[-1] for a in asked]  # each part's own ask, its lead-in left
    text = "；".join(f"{w}：{_plain(a)}" for w, a in zip(said, got)) + "。"
    cites = list(dict.fromkeys(c for a in got for c in a.citations))
    calc = "；".join(a.calculation for a in got if a.calculation) or None
    first = got[0]
    figures = [AskedFigure(w, a.value, a.unit) for w, a in zip(said, got) if a.status == ANSWERED and a.value is not None]
    if first.status == NOT_FOUND:
        return Answer(question, NOT_FOUND, text, None, None, calc, cites)
    if first.status == AMBIGUOUS:
        readings = [f"{said[0]}：{r}" for r in (first.readings or [first.answer])]
        return Answer(question, AMBIGUOUS, text, None, None, calc, cites, readings=readings)
    if first.value is None:
        return Answer(question, first.status, text, None, None, calc, cites)
    return Answer(question, ANSWERED, text, first.value, first.unit, calc, cites,
                  parts=figures if figures and figures[0].value == first.value else [])


def _plain(a: Answer) -> str:
    """A part's answer said inside the whole: its text without the closing full stop."""
    return a.answer.strip().rstrip("。")
