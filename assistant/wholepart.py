"""「2025年预算比2024年预算多了多少」 where the narrative states no change of the whole budget, only of its one part:

    「收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元；事业收入0万元；…」

The passage prints the whole and, after 其中, a part of the same figure: the part is all of the whole this
year, and its stated change is the one the text gives for the budget. The answer states the part's change as
printed and says so — 「文中没有单列收入预算的增减；收入预算3,121.42万元全部是财政拨款收入」 — never as a change of
the whole the text did not state. Read by yearly.py (the change asked) and reasons.py (why it changed).
"""
from __future__ import annotations

import re

from ingest.changes import ChangeFact

_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)"


def whole_part(f: ChangeFact) -> str:
    """The whole a stated change's subject is all of, as the passage prints it (「收入预算3,121.42万元」 before
    「其中：财政拨款收入3,121.42万元」, the same figure); "" where the passage prints none."""
    m = re.search(rf"((?:收入|支出)(?:预算)?(?:总额|总计|合计)?(?:为|是)?\s*{_AMOUNT})[，,]\s*其中[：:]?\s*"
                  rf"{re.escape(f.subject)}\s*(?:为|是)?\s*{_AMOUNT}", re.sub(r"\s+", "", f.passage.text))
    return m.group(1) if m and m.group(2) == m.group(3) else ""


def asks_whole(q: str) -> bool:
    """「2025年预算比2024年预算多了多少」「收入预算增加了多少」: the whole budget asked, no part of it named — neither
    before the asking words nor after a why (「为什么安排了其他教育支出」 names a line)."""
    from .yearasked import asked_subject, canon
    after = re.sub(r"^[^，,]*?(?:为什么|为何|为啥)", "", q)
    return all(canon(asked_subject(t)) in ("", "收入", "支出", "收支") for t in {q, after})


def said(whole: str, f: ChangeFact) -> str:
    """「文中没有单列收入预算的增减；收入预算3,121.42万元全部是财政拨款收入」: why a part's change answers the whole."""
    name = re.sub(r"(?:为|是)?\d.*", "", whole)
    return f"文中没有单列{name}的增减；{whole}全部是{f.subject}"
