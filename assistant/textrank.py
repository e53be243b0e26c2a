"""Text questions: of the passages retrieval found, those that name the thing asked come first.

Retrieval ranks by shared words (BM25) and by vectors (with the offline hash embedder, little more than shared
characters): 「货运交通管理经费主要用来干什么」 shares 交通管理经费 with 「轨道交通管理经费增加…」 as much as
with the passage about 货运交通管理 itself. The question's subject — its words without the department, the
year and the asking words, and without a generic tail (经费, 资金, 项目 …) — is looked for whole in each
passage: a passage (or its heading) that names it outranks one that does not, one that names it at its
start (「4.货运交通管理 13,815.58 万元，主要用于…」) more, and a question about a use (用来干什么, 用途)
prefers the passage stating one (主要用于). Otherwise retrieval's order stands, and always for a question
about a change or its reason (the passage explaining it need not name the subject first).
"""
from __future__ import annotations

import re

_ASK = re.compile(r"(?:是)?(?:指什么|指的是什么|什么意思).*$|"
                  r"(?:主要)?(?:是|都)?(?:用来|用于|用在|拿来|花在|花到)?(?:干什么|干啥|做什么|干嘛|什么|哪些方面|哪些|哪里|哪儿|哪)"
                  r"(?:用途|用的)?.*$|(?:的)?(?:主要)?(?:用途|内容|情况)(?:是什么|有哪些|是)?.*$|"
                  r"(?:是)?(?:怎么|如何|怎样).*$|(?:为什么|为何|什么原因).*$")
# 「部门预算里说的“机关运行经费”」: where the thing is said, not the thing.
_WHERE = re.compile(r"^.*?(?:里|中)(?:说的|提到的|讲的)|^.*?(?:预算|决算|说明|文件|报告)(?:里|中)的")
_PLAIN = re.compile(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|今年|本年|[？?，,。！!“”\"]")
_GENERIC_TAIL = re.compile(r"(?:的)?(?:经费|资金|费用|项目|支出|预算|的钱|钱)+$")
# 「…新建工程，建好以后拿来干什么」: when the thing is finished is no part of its name, and asks its use.
_DONE = re.compile(r"(?:建好|建成|完工|竣工|投用|投入使用|装好|修好|做好|办好)了?(?:以后|之后|后)?$")
_USE = re.compile(r"用来|用于|用途|干什么|做什么|干嘛|花在|花到")
# A passage stating a use: 「主要用于…」, a building's 「建成后作为…场所」.
_STATES_USE = re.compile(r"主要用于|用于|(?:建成|竣工|完工|投入使用)(?:以)?后")


def subject(q: str) -> str:
    """「货运交通管理经费主要用来干什么」 → 货运交通管理."""
    text = _PLAIN.sub("", q)
    text = _ASK.sub("", text)
    where = _WHERE.sub("", text)
    text = where if len(where) >= 4 else text
    text = re.sub(r"^(?:那个|这个|那项|这项|那|这|该)(?=.{4})", "", text)  # 「那个…工程」: which one, not its name
    return _GENERIC_TAIL.sub("", _DONE.sub("", text)).strip("的")


def _score(subj: str, hit, use: bool) -> int:
    text = re.sub(r"\s", "", hit.text)
    section = re.sub(r"\s", "", str(hit.metadata.get("section") or ""))
    score = 0
    at = text.find(subj)
    if at >= 0:
        score += 2 + (1 if at <= 8 else 0)
    elif subj in section:
        score += 2
    if use and score and _STATES_USE.search(text):
        score += 1
    return score


_WHY = re.compile(r"为什么|为何|原因|增加|减少|增长|下降|变化")  # a change's reason: retrieval's order


def rerank(q: str, hits: list) -> list:
    subj = subject(q)
    if len(subj) < 4 or _WHY.search(q):
        return hits
    use = bool(_USE.search(q))
    scored = [(_score(subj, h, use), i, h) for i, h in enumerate(hits)]
    return [h for _, _, h in sorted(scored, key=lambda x: (-x[0], x[1]))]
