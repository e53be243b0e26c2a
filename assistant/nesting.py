"""How a table's lines nest: ``children`` (the lines right under a line — by code, an economic class's items, the
lines adding up to it, or the printed numbering 一、/其中：), and a line under its parent in a table printed without subject codes or numbering (杭州: 自然资源海洋气象等支出 /
气象事务 / 行政运行, one name a row): 「气象事务里的行政运行」 is the first row of that name after the parent
row, on its side, whose figures are no larger than the parent's (行政运行 appears under many 款)."""
from __future__ import annotations

import re
import weakref
from decimal import Decimal

from ingest.model import Row, Table

TOP_ITEM = re.compile(r"^([一二三四五六七八九十]+|\d+)、")

# The 类 of the economic classification (部门预算支出经济分类), as printed where a table gives no codes.
ECONOMIC_CLASSES = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "对企业补助", "资本性支出",
                    "债务利息及费用支出", "对社会保障基金补助")


def _plain(label: str) -> str:
    from .corpus import plain_label
    return plain_label(label)


def _fits(child: Row, parent: Row) -> bool:
    """Every figure the child prints is within its parent's figure of the same column."""
    shared = 0
    for c in child.cells:
        p = parent.cell(c.column)
        if c.value is None or p is None or p.value is None:
            continue
        if abs(c.value) > abs(p.value):
            return False
        shared += 1
    return shared > 0


def under(table: Table, parents: frozenset[str], labels: frozenset[str]) -> set[int]:
    """ids of the rows named ``labels`` that the uncoded table nests under a row named ``parents``."""
    out: set[int] = set()
    rows = table.rows
    for i, p in enumerate(rows):
        if p.code or _plain(p.label) not in parents:
            continue
        for r in rows[i + 1:]:
            if r.side != p.side:
                continue
            if r.code or _plain(r.label) in parents:
                break
            if _plain(r.label) in labels:
                if _fits(r, p):
                    out.add(id(r))
                break
    return out


# --- a line's children read from the sums, where no code or numbering prints the tree -------------------

# What a table's sums say of its tree is worked out once per table object: a document's tables are read from the
# store into an LRU and never changed after (corpus.Corpus.parsed), and the search over sums is the costliest
# step of a question that reaches it (a ranking asks it of every line). Keyed by id with a weak reference, so a
# table leaving the LRU takes its memo with it.
_MEMO: dict[int, tuple[weakref.ref, dict]] = {}


def _memo(table: Table) -> dict:
    key = id(table)
    entry = _MEMO.get(key)
    if entry is None or entry[0]() is not table:
        entry = (weakref.ref(table, lambda _ref, key=key: _MEMO.pop(key, None)), {})
        _MEMO[key] = entry
    return entry[1]


def per_table(table: Table) -> dict:
    """A memo kept as long as the table object lives (tables are not hashable: keyed by identity, dropped with
    the table): what every question works out alike from a table is worked out once."""
    return _memo(table)

_BUDGET = 4000  # parses tried before giving up on a table (a long list of equal figures)


def _adds_up(parts: list[Decimal], whole: Decimal) -> bool:
    """The parts add up to the whole to the rounding of the figures printed (half the whole's last place each)."""
    return abs(sum(parts, Decimal(0)) - whole) <= Decimal(1).scaleb(whole.as_tuple().exponent) / 2 * len(parts)


def _stop(r: Row) -> bool:
    return bool(r.code) or bool(TOP_ITEM.match(r.label)) or any(w in r.label for w in ("合计", "总计"))


def summed(table: Table, parent: Row) -> list[Row]:
    """The lines right under ``parent`` read from the sums (``_summed``), once per table and line."""
    memo = _memo(table)
    key = ("summed", id(parent))
    if key not in memo:
        memo[key] = _summed(table, parent)
    return list(memo[key])


def _summed(table: Table, parent: Row) -> list[Row]:
    """The lines right under ``parent`` in a table printed without codes or numbering (社会保障和就业支出 /
    行政事业单位养老支出 / 行政单位离退休 …, one name a row): the run of lines after it, on its side, whose
    figures add up to the parent's in every column both print (to the rounding of the figures printed), each
    line's own run of children skipped over the same way. A line whose run closes on nothing is a leaf; the
    first reading that closes is taken, children tried before leaves. No closing run: no children."""
    rows = [r for r in table.rows if r.side == parent.side]
    if parent not in rows or _stop(parent):
        return []
    cols = [c.column for c in parent.cells if c.value is not None]
    from .corpus import default_column
    main = default_column(table, parent.side)
    if not cols or main not in cols:
        return []
    budget = [_BUDGET]

    def vec(r: Row) -> list:
        return [(r.cell(c).value if r.cell(c) is not None and r.cell(c).value is not None else None) for c in cols]

    target_of = {id(r): vec(r) for r in rows}
    at_main = cols.index(main)

    def closes(acc: list, kids: list[Row], target: list) -> bool:
        for k, t in enumerate(target):
            if t is None:
                continue
            vals = [target_of[id(r)][k] for r in kids]
            exp = min([t.as_tuple().exponent] + [v.as_tuple().exponent for v in vals if v is not None])
            if abs(acc[k] - t) > Decimal(1).scaleb(exp) / 2 * len(kids):
                return False
        return True

    def runs(j: int, target: list, acc: list, kids: list[Row]):
        if kids and closes(acc, kids, target):
            yield j, kids
            return
        budget[0] -= 1
        if budget[0] <= 0 or j >= len(rows) or _stop(rows[j]) or target_of[id(rows[j])][at_main] is None:
            return
        if target[at_main] >= 0 and acc[at_main] > target[at_main]:
            return
        v = target_of[id(rows[j])]
        nxt = [a + (x or 0) for a, x in zip(acc, v)]
        for end in ends(j):
            yield from runs(end, target, nxt, kids + [rows[j]])

    def ends(i: int):
        """Where the subtree of rows[i] can end: after a closing run of children, else right after it."""
        for end, _ in runs(i + 1, target_of[id(rows[i])], [Decimal(0)] * len(cols), []):
            yield end
        yield i + 1

    start = rows.index(parent)
    for _, kids in runs(start + 1, target_of[id(parent)], [Decimal(0)] * len(cols), []):
        return kids if budget[0] > 0 else []
    return []


def children(table: Table, parent: Row) -> list[Row]:
    """The lines right under ``parent``: by code where the table prints codes; an economic class's items; the
    lines adding up to it where nothing is printed; else by the printed numbering (一、… then 其中：…)."""
    from .corpus import default_column, plain_label
    if parent.code:
        return [r for r in table.rows if r.parent_code == parent.code]
    idx = table.rows.index(parent)
    if plain_label(parent.label) in ECONOMIC_CLASSES:
        # An economic class printed without codes (杭州: 商品和服务支出, 办公费 …): its items follow it up to
        # the next class or the total.
        out = []
        for r in table.rows[idx + 1:]:
            if r.side != parent.side or plain_label(r.label) in ECONOMIC_CLASSES or r.code or \
                    re.search(r"合计|总计", r.label):
                break
            out.append(r)
        col = default_column(table, parent.side)
        total = parent.cell(col) if col else None
        parts = [r.cell(col) for r in out]
        # Only items that add up to the class, to the rounding of the figures printed (a table by unit prints
        # the class under each unit instead).
        if total is None or total.value is None or not parts or any(c is None or c.value is None for c in parts):
            return []
        return out if _adds_up([c.value for c in parts], total.value) else []
    if not TOP_ITEM.match(parent.label) and not any(r.code for r in table.rows):
        kids = summed(table, parent)  # no codes, no numbering: the lines whose figures add up to it
        if kids:
            return kids
    # Uncoded tables nest by their printed numbering: "一、…" items, then "其中：…" rows under them.
    out = []
    top = bool(TOP_ITEM.match(parent.label))
    for r in table.rows[idx + 1:]:
        if r.side != parent.side:
            continue
        if top and TOP_ITEM.match(r.label):
            break
        if not top and plain_label(r.label) in ("合计",):
            break
        if top or TOP_ITEM.match(r.label):
            out.append(r)
    return out if top else [r for r in out if TOP_ITEM.match(r.label)]


# --- the 类/款/项 of a table printed without codes, rebuilt from its sums ---------------------------------

_LEVELS = ("类", "款", "项")


def uncoded_levels(table: Table) -> dict[int, tuple[str, str]]:
    """The 类/款/项 of a table printed without codes (``_uncoded_levels``), once per table."""
    memo = _memo(table)
    if "levels" not in memo:
        memo["levels"] = _uncoded_levels(table)
    return dict(memo["levels"])


def _uncoded_levels(table: Table) -> dict[int, tuple[str, str]]:
    """``id(row)`` → (FUNCTION | ECONOMIC, 类/款/项) for a table printing its subjects by name alone, indented
    (杭州: 科学技术支出 / 技术研究与开发 / 科技成果转化与扩散): each line under the run of lines adding up to it
    (``summed``), the lines under no other line its 类. Only a reading that holds: the 类 add up to the
    table's total, each 类 named as spending (or an economic class), nothing nests deeper than a 项 (an
    economic class: than a 款). Else {} — a ranking 「哪个项级科目」 then says it cannot tell, rather than guess at the tree."""
    from .corpus import default_column, plain_label, total_row
    if any(r.code for r in table.rows):
        return {}
    out: dict[int, tuple[str, str]] = {}
    for side in dict.fromkeys(r.side for r in table.rows):
        rows = [r for r in table.rows if r.side == side]
        col = default_column(table, side)
        total = total_row(table, col)
        if total is None or col is None or total not in rows or total.cell(col) is None \
                or total.cell(col).value is None:
            continue
        body = [r for r in rows[rows.index(total) + 1:] if not _stop(r)]
        if not body:
            continue
        economic = any(plain_label(r.label) in ECONOMIC_CLASSES for r in body)
        depth: dict[int, int] = {}

        def place(r: Row, d: int) -> bool:
            """``r`` at depth ``d`` and its lines under it; False where the tree would go too deep."""
            depth[id(r)] = d
            if economic:  # a class's items follow it (``children``); an item has none
                if d == 0 and plain_label(r.label) not in ECONOMIC_CLASSES:
                    return False  # a line under no class: not the classification read right
                kids = children(table, r) if d == 0 else []
            else:
                kids = summed(table, r)
            if not kids:
                return True
            return d < (1 if economic else 2) and all(place(k, d + 1) for k in kids)

        tops = []
        for r in body:
            if id(r) in depth:
                continue
            tops.append(r)
            if not place(r, 0):
                break
        else:
            values = [t.cell(col).value if t.cell(col) is not None else None for t in tops]
            whole = total.cell(col).value
            # A 功能分类 类 is named as spending (科学技术支出, 自然资源海洋气象等支出): a list of income sources or
            # of services adding up to its total is no subject tree.
            named = all(plain_label(r.label).endswith("支出") for r in tops) or economic
            if tops and named and None not in values and _adds_up(values, whole):
                from ingest.model import ECONOMIC, FUNCTION
                kind = ECONOMIC if economic else FUNCTION
                out.update({id(r): (kind, _LEVELS[depth[id(r)]]) for r in body if id(r) in depth})
    return out


def uncoded_rows(table: Table, kind: str, level: str, leaves: bool = False) -> list[Row]:
    """The lines of ``kind`` at ``level`` of a table printed without codes (``uncoded_levels``); ``leaves``:
    the lines with no line under them, whatever their level."""
    found = uncoded_levels(table)
    mine = [r for r in table.rows if found.get(id(r), ("",))[0] == kind]
    if not leaves:
        return [r for r in mine if found[id(r)][1] == level]
    depth = {id(r): _LEVELS.index(found[id(r)][1]) for r in mine}
    return [r for k, r in enumerate(mine) if k + 1 == len(mine) or depth[id(mine[k + 1])] <= depth[id(r)]]
