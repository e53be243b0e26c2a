"""Named items the subject vocabulary does not reach: projects and programmes by name.

A 项目支出表's projects ("交通运输专项资金-港航业领域"), the projects heading a 项目支出绩效目标表 (printed with
their code: "11000022T000000455794-评审工作经费", amount under 项目总额), a transfer programme named in a
绩效目标表's header ("普惠金融发展专项资金" with its 年度金额 row), and the amounts the narrative states for a
named project ("深圳市轨道交通 12 号线 PPP 项目运营期管理项目 133,006.31 万元"). A question names them
loosely ("地铁12号线和13号线PPP项目运营期管理", "评审工作经费项目"): each part of the question is matched to
the items sharing the longest run of characters with it; only a part that settles on one amount is read.
Lookup, sum, difference and comparison; every amount a stored cell, cited, the arithmetic exact (Decimal).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest import model

from . import arith, figures
from . import wording as W
from .answer import ANSWERED, Answer
from .corpus import CellRef, default_column, plain_label, same_amount, unit_of
from .vocab import common_run

# Everyday words for what budgets print under another name.
_SAY = (("地铁", "轨道交通"),)
# A project's code printed before its name ("11000022T000000455794-评审工作经费").
_PROJECT_CODE = re.compile(r"^[0-9A-Z]{10,}[-－—]")
_PUNCT = re.compile(r"[\s\-－—_·、，,。.．:：;；“”\"'（）()《》]")
_ASK = re.compile(r"的?[多少](?:安排|花|用)了?(?:多少钱?|多少万元)|"  # 「B的多安排多少钱」: the difference asked
                  r"(?:的)?(?:预算|钱|金额)?(?:相差|差额|差距|差了?)(?:是|有|为)?(?:多少钱?|多少万元)|"  # 「…的预算相差多少」
                  r"(?:一共|总共|合计|共|加起来|加在一起|之和|相加)?(?:安排了?|预算|花了?|用了?)?"
                  r"(?:是|有|为)?(?:多少钱?|多少万元|几何|哪个多|哪个少|哪个更多|哪个更少|谁多|谁少)"
                  r"|多多少钱?|少多少钱?|(?:的)?(?:几倍|多少倍)|[?？。]")
_SPLIT = re.compile(r"和|与|及|跟|、|比|同")
# 「…这三个项目」: the count said after the names lists them, it names none.
_GENERIC_TAIL = re.compile(r"(?:项目|这个项目|这项|的预算|的钱|的|里|中|(?:这|那)(?:[两二三四五六七八九十几]|\d{1,2})(?:个|项))+$")
_GENERIC_HEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?|的|里|中|在|年|其中)+")
_COUNTED = re.compile(r"([两二三四五六七八九十])(?:个|项)")


@dataclass(frozen=True)
class Item:
    key: str  # the name as compared: no spaces, punctuation or code
    ref: CellRef
    name: str = ""  # the name said in the answer, where the row's label is not it (a programme in a header)


def _key(name: str) -> str:
    name = _PROJECT_CODE.sub("", plain_label(name))
    name = re.sub(r"^\d+[.．、]", "", name)
    return _PUNCT.sub("", name)


def _said(text: str) -> str:
    for word, printed in _SAY:
        text = text.replace(word, printed)
    return _PUNCT.sub("", text)


def items(doc) -> list[Item]:
    out: list[Item] = []
    for t in doc.tables:
        if t.kind in (model.PROJECT, model.NARRATIVE, model.SERVICES, model.PROCUREMENT):
            col = "金额" if t.kind == model.NARRATIVE else default_column(t)
            for r in t.rows:
                c = r.cell(col) if col else None
                if c is not None and c.value is not None and _key(r.label):
                    out.append(Item(_key(r.label), CellRef(doc.document, t, r, c)))
        elif t.kind == model.PERFORMANCE:
            for r in t.rows:
                if _PROJECT_CODE.match(r.label or ""):  # a project heading its targets, amount first
                    c = next((c for c in r.cells if c.value is not None), None)
                    if c is not None:
                        out.append(Item(_key(r.label), CellRef(doc.document, t, r, c)))
            # A programme named in the header, its amount on the 年度金额 / 资金总额 row.
            names = [c.path for c in t.columns if len(c.path) >= 6 and c.path != doc.document.department
                     and not re.search(r"名称|部门|指标|单位|#|/", c.path)]
            amount = next((r for r in t.rows if re.search(r"年度金额|资金总额|金额合计", r.label or "")), None)
            if len(names) == 1 and amount is not None:
                c = next((c for c in amount.cells if c.value is not None), None)
                said = re.search(r"[（(](万元|元|亿元)[）)]", "".join([amount.label or ""] + [x.raw for x in amount.cells]))
                if c is not None and (t.unit or c.unit or said):
                    out.append(Item(_key(names[0]), CellRef(doc.document, t, amount, c,
                                                            None if t.unit or c.unit else said.group(1)), names[0]))
    return out


def _parts(q: str) -> list[str]:
    text = _ASK.sub("|", q)
    text = re.sub(r"(?:19|20)\d{2}年度?", "", text)
    parts = []
    for p in re.split(r"\|", text):
        for s in _SPLIT.split(p):
            s = _GENERIC_TAIL.sub("", _GENERIC_HEAD.sub("", s))
            if s:
                parts.append(s)
    return parts


def _loose(part: str, pool: list[Item]) -> list[Item]:
    """「给纯电动泥头车的奖励补贴」: a 给 before the name and a 的 inside it are the speaker's, not the name's — read
    so only among the parts the narrative lists after 「其中」, which no table line names."""
    said = re.sub(r"^给", "", _said(part).replace("的", ""))
    return _match(said, [it for it in pool if _listed(it.ref)], True) if said != _said(part) else []


def _match(part: str, pool: list[Item], loose: bool = False) -> list[Item]:
    """The items this part of the question names: the longest shared run, at least 4 characters and most of
    the part (a short part, "12号线", must be in the name whole)."""
    said = _said(part)
    if len(said) < 2:
        return []
    best, found = 0, []
    for it in pool:
        n = common_run(said, it.key.replace("的", "") if loose else it.key)
        if n > best:
            best, found = n, [it]
        elif n == best and n:
            found.append(it)
    # The whole printed name said ("会计服务"), else six or more characters and most of what was said: a
    # shorter stretch ("在职人员" of 在职人员经费) names no project.
    need = max(6, int(0.7 * len(said) + 0.999))
    kept = [it for it in found if best >= need or best == len(it.key.replace("的", "") if loose else it.key)]
    return kept or (_in_order(said, pool) if not loose else [])


def _in_order(said: str, pool: list[Item]) -> list[Item]:
    """「地铁12号线PPP运营期管理项目」 of 「深圳市轨道交通12号线PPP项目运营期管理项目」: a name said with a word of it
    left out, its stretches in the printed order covering most of what was said (four fifths, six characters or
    more), every number said printed whole in it (12号线 never 13号线's); the items covered best."""
    numbers = re.findall(r"\d+", said)
    best, found = 0, []
    for it in pool:
        if not all(re.search(rf"(?<!\d){n}(?!\d)", it.key) for n in numbers):
            continue
        n = _covered(said, it.key)
        if n > best:
            best, found = n, [it]
        elif n == best and n:
            found.append(it)
    if best >= max(6, 0.8 * len(said)):
        return found
    # 「4号线三期」 of 「深圳市轨道交通4号线三期工程运营管理项目」: a short name, every word of it printed in order
    # and a number among them, names the one item holding them all (two such items: no answer).
    return found if numbers and best == len(said) >= 4 and len(found) == 1 else []


def _covered(said: str, key: str) -> int:
    """How much of ``said`` is found in ``key`` as stretches of two or more characters, in the same order."""
    i = j = covered = 0
    while i < len(said):
        n, at = 0, -1
        for k in range(len(said), i + 1, -1):
            at = key.find(said[i:k], j)
            if at >= 0:
                n = k - i
                break
        if n >= 2:
            covered, i, j = covered + n, i + n, at + n
        else:
            i += 1
    return covered


def _one(found: list[Item]) -> Item | None:
    """The one amount the matches settle on (a project printed in a table and stated in the text: the table)."""
    if not found:
        return None
    first = found[0]
    if all(same_amount(first.ref, it.ref) for it in found):
        return next((it for it in found if it.ref.table.kind != model.NARRATIVE), first)
    return None


def _distribute(parts: list[str]) -> list[str]:
    """"12号线和13号线PPP项目运营期管理": the first part shares the second's tail; "12号线PPP项目运营期管理是13号线的几倍":
    the second shares the first's."""
    if len(parts) == 2 and len(parts[1]) < len(parts[0]):
        a, b = parts
        lead = re.match(r"^(.*?)(\d+|[A-Za-z]+)([\u4e00-\u9fff]{1,3})$", b)
        if lead and not lead.group(1):
            at = a.find(lead.group(3))
            if at > 0 and re.search(r"(?:\d|[A-Za-z])$", a[:at]) and a[at + len(lead.group(3)):]:
                return [a, b + a[at + len(lead.group(3)):]]
    if len(parts) == 2 and len(parts[0]) < len(parts[1]):
        a, b = parts
        lead = re.match(r"^(.*?)(\d+|[A-Za-z]+)([\u4e00-\u9fff]{1,3})$", a)
        if lead:
            at = b.find(lead.group(3))
            if at > 0 and re.search(r"\d|[A-Za-z]", b[:at]):
                return [a + b[at + len(lead.group(3)):], b]
    return parts


def _tiled(part: str, mentions) -> bool:
    """The part is nothing but two or more of the names found, back to back (「邮电费差旅费」)."""
    inside = sorted((m for m in mentions if m.rows and m.text in part), key=lambda m: -len(m.text))
    rest, n = part, 0
    for m in inside:
        if m.text in rest:
            rest, n = rest.replace(m.text, "", 1), n + 1
    return n >= 2 and not rest

def answer(question: str, q: str, doc, mentions=None) -> Answer | None:
    """With ``mentions`` (the names the vocabulary found), answer only where each of them is a fragment of a
    longer name the question says ("交通运输专项资金港航业领域": not the 交通运输支出 line)."""
    if mentions is not None:
        ans = _in_named_table(question, q, doc, mentions)
        if ans is not None:
            return ans
    pool = items(doc)
    if not pool:
        return None
    # 「五个领域（港航、绿色交通、…）加起来」: the list in brackets only spells out the n counted
    q = re.sub(r"((?:[两二三四五六七八九十])(?:个|项)[\u4e00-\u9fff]{0,4})[（(][^）)]*、[^）)]*[）)]", r"\1", q)
    # 「A是B的几倍」: A and B the two parts, as 「A比B」
    parts = _distribute(_parts(re.sub(r"(?<=[\u4e00-\u9fff])(?:的钱|的预算)?是(?=.{2,}?的?(?:几倍|多少倍))", "比", q, count=1)
                                if W.MULTIPLE.search(q) else q))
    # 「深圳市交通运输局2026年地铁12号线PPP、…」: the department's name before the first project's chose the
    # document; it is no word of the project's name.
    dept = doc.document.department
    if parts and dept and parts[0].startswith(dept) and len(parts[0]) > len(dept) + 1:
        parts[0] = _GENERIC_HEAD.sub("", parts[0][len(dept):]) or parts[0]
    # 「交通运输专项资金里，民航业领域比现代物流业领域」: the words before 里/中 lead every part's name
    lead = re.match(r"^(.{4,}?)(?:里面|当中|之中|里|中)[，,]?(.{2,})$", parts[0]) if len(parts) >= 2 else None
    early = mentions is not None
    # A name found with the year's 年 before it (「2026年轨道交通」) is compared as the parts are, the year aside.
    said = [_GENERIC_HEAD.sub("", m.text) or m.text for m in mentions or ()]
    if early and not (all(any(m in p or p in m for p in parts) for m in said) and
                      any(m in p and len(m) < len(p) for m in said for p in parts)):
        return None
    if early and any(_tiled(p, mentions) for p in parts):
        return None  # 「邮电费差旅费加起来」: two whole names said back to back, no longer name
    counted = _COUNTED.search(q)
    if counted and len(parts) == 1 and re.search(r"加起来|合计|一共|总共|之和|共", q):
        n = W.small_count(counted.group(1))
        core = parts[0].replace(counted.group(0), "")
        ans = _counted_sum(question, core, n, pool)
        if ans is not None:
            return ans
    if not parts or len(parts) > 4:
        return None
    chosen = []
    for k, p in enumerate(parts):
        rest = lead.group(2) if lead and k == 0 else p
        found = _match(p, pool)
        it = _one(found) or (_one(_match(lead.group(1) + rest, pool)) if lead else None) or \
            (_one(_loose(p, pool)) if not found else None)
        if it is None:
            return None
        chosen.append(it)
    refs = [it.ref for it in chosen]
    if early and all(r.table.kind == model.NARRATIVE for r in refs) and \
            not all(_listed(r) and not _tabled(doc, r) and _covers(p, it) for p, it, r in zip(parts, chosen, refs)):
        return None  # the text restating a table's line: the table answers
    if len({(r.table.ordinal, r.row.ordinal) for r in refs}) < len(refs):
        return None
    names = [it.name or _key(it.ref.row.label) for it in chosen]
    if len(refs) == 1:
        ref = _in_column_said(refs[0], mentions)
        if ref is not refs[0]:
            names[0] += f"（{ref.cell.column.split('/')[-1]}）"
        text = f"{names[0]}：{arith.with_unit(ref.value, unit_of(ref))}（{ref.where()}）"
        return Answer(question, ANSWERED, text, ref.value, unit_of(ref), None, [ref.citation()])
    vals, unit, conv = figures.common_unit(refs)
    if len(refs) == 2 and W.MULTIPLE.search(q):
        r = arith.multiple(vals[0], vals[1])
        return figures.computed(question, f"{names[0]}是{names[1]}的 {arith.fmt(r.value)} 倍", r, "倍", refs,
                                conversions=conv)
    if len(refs) == 2 and (re.search(r"多多少|少多少|相差|差多少|差额|高多少|低多少", q) or W.DIFF.search(q)):
        r = arith.difference(vals[0], vals[1])
        hi, lo = (0, 1) if vals[0] >= vals[1] else (1, 0)
        return figures.computed(question, f"{names[hi]}比{names[lo]}多 {arith.with_unit(r.value, unit)}", r, unit,
                                refs, conversions=conv)
    if re.search(r"哪个|哪一个|谁", q) and re.search(r"多|少|高|低|大|小", q):
        less = bool(re.search(r"哪个(?:更)?[少低小]|谁(?:更)?[少低小]", q))
        order = sorted(range(len(refs)), key=lambda i: vals[i], reverse=not less)
        top = order[0]
        calc = "；".join(conv + [(" < " if less else " > ").join(arith.fmt(vals[i]) for i in order)])
        text = f"{names[top]}更{'少' if less else '多'}：{arith.with_unit(vals[top], unit)}（" + "；".join(
            f"{names[i]} {arith.with_unit(vals[i], unit)}（{refs[i].where()}）" for i in range(len(refs))) + "）"
        return Answer(question, ANSWERED, text, vals[top], unit, calc, [c.citation() for c in refs])
    r = arith.total(vals)
    return figures.computed(question, f"{'、'.join(names)}合计 {arith.with_unit(r.value, unit)}", r, unit, refs,
                            conversions=conv)


def _covers(part: str, it: Item) -> bool:
    """The part said is mostly the item's name, not the name and more (「基本支出里公用经费」 names no 基本支出)."""
    said = re.sub(r"^给", "", _said(part).replace("的", ""))
    key = it.key.replace("的", "")
    return max(common_run(said, key), _covered(said, key)) >= 0.7 * len(said)  # a word left out (PPP运营期)


def _listed(ref: CellRef) -> bool:
    """A part the narrative lists in a 「其中，A x 万元，B y 万元」 sentence after its whole's own sentence."""
    said = next((c.raw for c in ref.row.cells if re.search(r"说明|备注", c.column) and c.raw), "")
    return bool(re.match(r"\s*其中", said))


def _tabled(doc, ref: CellRef) -> bool:
    """A line of that name printed in a table: the narrative's 「其中，A x 万元，B y 万元」 items no table prints
    (a project's parts) are answered from the text, the ones a table prints from the table."""
    key = _key(ref.row.label)
    return any(_key(r.label) == key for t in doc.tables if t.kind != model.NARRATIVE for r in t.rows)


def _counted_sum(question: str, core: str, n: int, pool: list[Item]) -> Answer | None:
    """"交通运输专项资金五个领域加起来": the items whose name holds the words said, when exactly n are printed
    (one table's rows; the narrative restating them is not counted twice)."""
    said = _said(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", core))
    for kind in (model.PROJECT, model.SERVICES, model.PROCUREMENT, model.NARRATIVE):
        found = [it for it in pool if it.ref.table.kind == kind and len(said) >= 4 and
                 common_run(said, it.key) >= 4 and _prefix_of(said, it.key)]
        if len(found) == n:
            refs = [it.ref for it in found]
            vals, unit, conv = figures.common_unit(refs)
            r = arith.total(vals)
            return figures.computed(question, f"{'、'.join(it.key for it in found)}合计 {arith.with_unit(r.value, unit)}",
                                    r, unit, refs, conversions=conv)
    return None


def _prefix_of(said: str, key: str) -> bool:
    """The name starts with a stretch of the question of four or more characters ("交通运输专项资金…")."""
    n = 0
    while n < min(len(said), len(key)) and said[n] == key[n]:
        n += 1
    if n >= 4:
        return True
    head = re.match(r"^[\u4e00-\u9fff]{4,}", key)
    return bool(head and head.group(0) in said and len(head.group(0)) >= 6)


_GOAL = re.compile(r"绩效目标|目标是|目标包括|目标有")


def goal(question: str, q: str, doc) -> Answer | None:
    """「重点项目管养维护项目的绩效目标是什么」: a table listing projects with a 绩效目标 column (the 重点项目
    tables of 深圳, 广州) quotes that project's cell."""
    if not _GOAL.search(q):
        return None
    asked = re.search(r"(?:几|多少)([个项次家人场所条台辆本期])([\u4e00-\u9fff]{2,10})", q)
    if re.search(r"多少|几", q) and not asked:
        return None
    pool = []
    for t in doc.tables:
        col = next((c.path for c in t.columns if c.path.split("/")[-1] == "绩效目标"), None)
        if col is None or t.kind == model.PERFORMANCE:
            continue
        unit = ""  # the unit heading the rows below it (a row with no 绩效目标 of its own)
        for r in t.rows:
            c = r.cell(col)
            if c is not None and c.raw.strip() and _key(r.label):
                pool.append(Item(_key(re.sub(r"[（(][^）)]*[）)]$", "", r.label)), CellRef(doc.document, t, r, c), unit))
            elif plain_label(r.label) not in ("合计", "总计"):
                unit = plain_label(r.label)
    if not pool:
        return None
    text = re.sub(r"(?:的)?(?:绩效目标|目标).*$", "", q)
    text = re.sub(r"^.*?(?:19|20)\d{2}年度?", "", text)
    text = re.sub(r"^(?:重点项目|项目)", "", text)
    text = re.sub(r"的$", "", re.sub(r"^.*[，,]", "", text))
    units = sorted({it.name for it in pool if it.name and it.name in text}, key=len, reverse=True)
    text = text.replace(units[0], "") if units else text
    found = _match(text, pool) if text else []
    if "重点项目" in q:  # the 重点项目 table, not the 项目支出表 listing every project (of every unit)
        found = [it for it in found if it.ref.table.kind != model.PROJECT] or found
    named_unit = [it for it in found if it.name and it.name in q]
    if named_unit and len(found) > 1:  # "公文交换站专项工作经费": the unit's own project
        found = named_unit
    rows = {(it.ref.table.ordinal, it.ref.row.ordinal): it for it in found}
    if len(rows) != 1:
        return None
    ref = next(iter(rows.values())).ref
    cite = ref.citation()
    if asked:  # "要促进几个综合监督单位…": the number the goal states before those words
        unit, noun = asked.groups()
        said = [m for m in re.finditer(rf"(\d+(?:\.\d+)?)\s*{unit}([\u4e00-\u9fff]{{2,10}})", ref.cell.raw)
                if common_run(noun, m.group(2)) >= 3]
        if len({m.group(1) for m in said}) != 1:
            return None
        n = said[0].group(1)
        return Answer(question, ANSWERED, f"{plain_label(ref.row.label)}的绩效目标写明：「{said[0].group(0)}」，即 {n} {unit}"
                                          f"（{ref.table.title}，第{ref.page}页）", Decimal(n), unit, None, [cite])
    return Answer(question, ANSWERED, f"{plain_label(ref.row.label)}的绩效目标：「{ref.cell.raw.strip()}」（{ref.table.title}，"
                                      f"第{ref.page}页）", None, None, None, [cite])


def _in_named_table(question: str, q: str, doc, mentions) -> Answer | None:
    """「财政拨款收支总表里的其他支出」: a line too generic to be a name on its own (其他支出, 其他收入) is read in the
    table the question names, where that table prints it once."""
    if len(mentions) != 1 or not mentions[0].table or mentions[0].rows or mentions[0].column:
        return None
    m = mentions[0]
    rest = re.match(r"^(?:里的|中的|里|中|的)(.{2,12}?)(?:是多少|有多少|多少|为多少|是|[?？])", q[m.end:])
    if not rest:
        return None
    said = rest.group(1)
    for t in doc.tables:
        if t.kind != m.table:
            continue
        rows = [r for r in t.rows if plain_label(r.label) == said]
        col = default_column(t, rows[0].side) if len(rows) == 1 else None
        c = rows[0].cell(col) if col else None
        if c is not None and c.value is not None:
            ref = CellRef(doc.document, t, rows[0], c)
            value, unit, shown, calc = figures.amount(ref, q)
            return Answer(question, ANSWERED, f"{ref.name()}：{shown}（{ref.where()}）", value, unit, calc,
                          [ref.citation()])
    return None


def _in_column_said(ref: CellRef, mentions) -> CellRef:
    """「气象业务建设项目里单位资金有多少」: the item's row, read in the column the question names (a column of
    its own table), not its default column."""
    from dataclasses import replace

    from .tables import _column_for  # the one way a column's name is resolved in a table
    said = list(mentions or ())
    # a column's name first; then one also a line's name elsewhere (一般公共预算拨款 of the 收支总表, 上年结余结转)
    leaves = [m.column for m in said if m.column and not m.rows] + [m.column for m in said if m.column and m.rows] + \
        [r for m in said if m.rows and not m.column for r in sorted(m.rows)]
    for leaf in dict.fromkeys(leaves):
        col = _column_for(ref.table, ref.row, leaf)
        cell = ref.row.cell(col) if col else None
        if cell is not None and cell.column != ref.cell.column:
            return replace(ref, cell=cell)
    return ref
