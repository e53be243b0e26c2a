"""A question naming a department but no year, where the corpus holds several of its documents (a 2024 决算 and a
2026 预算): asked of each. Where every document that answers gives the same figure (内设机构 13 个, 公务用车 0
辆), that figure is the answer, each document cited; where they differ, the question is ambiguous and the
answer names each document's figure — never one year's figure for another's. A question only one of them can
answer is answered from it, the others said to hold no such figure."""
from __future__ import annotations

from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

# More documents than this of one department: asking each costs more than the reader gains; list them instead.
MOST = 4


def answer(engine, question: str, q: str, choice) -> Answer | None:
    docs = choice.candidates
    if not choice.named or not 1 < len(docs) <= MOST or len({d.document.department for d in docs}) != 1:
        return None
    loaded = [engine.corpus.select([d.document.doc_id])[0] for d in docs]
    got = [(d, engine.on(question, q, d, choice.named)) for d in loaded]
    said = [(d, a) for d, a in got if a.status == ANSWERED and a.value is not None]
    if any(a.status == AMBIGUOUS for _, a in got):
        return None
    if not said:
        return _texts(question, got)
    others = [a for _, a in got if not (a.status == ANSWERED and a.value is not None)]
    if any(a.status != NOT_FOUND for a in others):
        return None  # a text answer beside a figure: not comparable, the documents are listed instead
    first = said[0][1]
    if all(a.value == first.value and a.unit == first.unit for _, a in said):
        missing = [d.document.label for d, a in got if a.status == NOT_FOUND]
        text = "；\n".join(a.answer for _, a in said)
        if len(said) > 1:
            text = f"问题没有说年份；{len(said)} 份文件的数相同：\n{text}"
        if missing:
            text += f"\n（{'、'.join(missing)}没有这一项。）"
        return Answer(question, ANSWERED, text, first.value, first.unit, first.calculation,
                      [c for _, a in said for c in a.citations])
    lines = [a.answer for _, a in said]  # each begins 〔its document〕
    missing = [d.document.label for d, a in got if a.status == NOT_FOUND]
    text = "问题没有说年份，各份文件的数不同：\n" + "\n".join(lines) + \
        (f"\n（{'、'.join(missing)}没有这一项。）" if missing else "") + "\n请说明是哪一年、预算还是决算。"
    return Answer(question, AMBIGUOUS, text, None, None, None, [c for _, a in said for c in a.citations],
                  readings=[f"{d.document.label}：{a.value} {a.unit or ''}".strip() for d, a in said])


def _texts(question: str, got) -> Answer | None:
    """「国家信访局内设了哪些机构？」 with no year: what each document says (a list, a quoted passage), each one
    under its own label (every answer begins 〔its document〕) — the reader sees whether the years agree."""
    said = [(d, a) for d, a in got if a.status == ANSWERED]
    if not said:
        return None
    missing = [d.document.label for d, a in got if a.status == NOT_FOUND]
    text = "问题没有说年份；各份文件分别说明：\n" + "\n".join(a.answer for _, a in said) + \
        (f"\n（{'、'.join(missing)}没有这一项。）" if missing else "")
    return Answer(question, ANSWERED, text, None, None, None, [c for _, a in said for c in a.citations])
