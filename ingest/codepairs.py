"""Tables that classify each row twice, each classification a code column and its name column
(陕西/西安: 部门经济科目编码 | 部门经济科目名称 | 政府经济科目编码 | 政府经济科目名称): the row's name is the
one printed beside the code the row is read by (30101 基本工资, not the coarser 50101 工资奖金津补贴, which
stays a cell of the row)."""
from __future__ import annotations


def paired_name(words: list[int], positions, roles: dict[int, str], text: dict[int, str]) -> int | None:
    """The name column to read the row's name from, where the row has two or more code columns; None:
    the usual rule (the rightmost name before the figures)."""
    codes = [c for c in positions if roles.get(c) == "code"]
    if len(codes) < 2 or not words:
        return None
    first = next((c for c in codes if text.get(c, "").replace(" ", "").isdigit()), None)
    if first is None:
        return None
    nxt = min((c for c in codes if c > first), default=None)
    paired = [c for c in words if c > first and (nxt is None or c < nxt)]
    return paired[0] if paired else None
