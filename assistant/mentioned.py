"""Documents a question mentions but does not ask about: 「国家信访局有2024年决算和2026年预算两份材料，2024年的…」,
「普陀区财政局2024年决算里，…？（不是2025年预算那份）」.

People set the scene before they ask — what the corpus holds of a department (「有A和B两份材料」), or which
document they do not mean (「不是2025年预算那份」「而不是2026年的那份」). Such words name a year without asking
it: read as part of the question they make it one across two documents (two years of one department), and a
figure of one document is compared with nothing.

- A document set aside (不是…那份) is no document the question can be about: the documents of that year (and
  kind, where it is said) are left out of those it is asked of, and the words taken out of the question. With
  nothing left, the question is refused — never answered from the document it set aside.
- What is held, said as a statement (「有A和B两份材料」), is taken out where the rest of the question names a year
  of its own, so that the one document asked is chosen by that year (and 决算/预算) as if the scene had not been
  set; where the rest names none the words are kept — they may be all that says which documents are asked
  (「有2024年决算和2026年预算两份材料，分别是多少」).
"""
from __future__ import annotations

import re

from .scope import years_in

_YEAR = r"(?:19|20)\d{2}\s*年度?"
_CLAUSE_END = r"(?=[，,。；;：:]|$)"
_QUESTION = re.compile(r"多少|几|吗|呢|哪|什么|怎么|为何|为什么|是否|[?？]")

# What is held, said as a statement: 「（国家信访局）有2024年决算和2026年预算两份材料」, 「…两份文件里」,
# 「2024年决算、2026年预算都有」. From 有 (or the first year) to the clause's end; a count of documents or 都有
# ends it, so a question's own clause (「2024年的…有多少」) is never one.
_HELD = re.compile(rf"(?:(?:手上|手里|手头)?有|收录了?|公开了?|公布了?|发布了?)?{_YEAR}[^，,。；;：:？?（）()]*?"
                   rf"(?:[两二三四几多]份(?:材料|文件|报告|资料|公开材料)?(?:里|中|当中)?|都有|都在){_CLAUSE_END}")

# A document set aside: 「不是2025年预算那份」, 「而不是2026年的」 (in brackets), 「不是预算那份」. 是不是 asks, it
# sets nothing aside. A year, or a kind with a word for a document (那份, 文件): 「（不是预算数）」 is a column.
_NOT = r"(?:而?不是|并非|而非|不要看?|别看|不看)"
_DOC = r"(?:那一?份|那个|那本|文件|材料|报告)"
_EXCLUDED = re.compile(rf"(?<!是)[，,]?\s*{_NOT}(?P<year>{_YEAR})?的?(?:部门)?(?P<kind>预算|决算)?的?(?P<doc>{_DOC})?")


def asked(q: str, docs: list, named_in) -> tuple[str, list, str]:
    """The question without the words that only mention documents, the documents it can be about, and why
    none is left (else ""). ``named_in(q, docs)``: the documents whose department the question names."""
    rest, aside = q, []
    for m in reversed(list(_EXCLUDED.finditer(q))):
        year, kind, doc = m.group("year"), m.group("kind"), m.group("doc")
        inside = q[:m.start()].count("（") + q[:m.start()].count("(") > q[:m.start()].count("）") + q[:m.start()].count(")")
        if not (year and (doc or inside) or kind and doc):
            continue  # 「不是2025年的两倍」「（不是预算数）」: no document set aside
        aside.append((int(year_digits(year)) if year else None, kind))
        rest = rest[:m.start()] + rest[m.end():]
    rest = re.sub(r"[（(]\s*[）)]", "", rest)  # the brackets that held only what was set aside
    kept = [d for d in docs if not any((y is None or d.document.year == y) and (k is None or d.document.kind == k)
                                       for y, k in aside)]
    if aside:
        # 「万里街道2024年的…（不是2024年预算那份）」 with that one document of it held: no other department's.
        named = named_in(rest, docs)
        ids = {id(d) for d in kept}
        left = [d for d in named if id(d) in ids] if named else kept
        if not left:
            said = "、".join(f"{y or ''}{'年' if y else ''}{k or ''}" for y, k in aside)
            who = "、".join(dict.fromkeys(d.document.department for d in named)) or "语料库"
            held = "、".join(d.document.label for d in named[:12])
            return rest, [], f"没有找到答案：问题说不是{said}那份，{who}没有别的文件" + (f"（有：{held}）。" if held else "。")
    held = rest
    for m in reversed(list(_HELD.finditer(rest))):
        if not _QUESTION.search(m.group()):  # a clause that asks something is no statement of what is held
            held = held[:m.start()] + held[m.end():]
    if held != rest and years_in(held):
        rest = held  # the rest names the year asked: the documents held were only mentioned
    return rest, kept, ""


def year_digits(said: str) -> str:
    return re.match(r"\d{4}", said).group()
