"""List questions answered with every item's name: 「部门预算包括哪些单位」, 「收入包括哪几项」, 「“三公”经费包括
哪几项」, 「政府采购预算分哪几类」, 「有哪些项目支出」, 「哪些表是空表」, 「交通运输专项资金分哪些领域」.

The items come from where the document gives them: the units from the passage that introduces them
(「…具体包括：」) — inline, in the numbered passages under it, or in the table printed right after it (read
as rows, or as the column path of a table whose body the reader took for its header); the parts of a
figure from its canonical table (ingest/templates.toml kinds: 收入总表, 三公经费支出表, 政府采购预算表,
项目支出表); a named thing's kinds from the narrative's own words. Every item is cited (passage or
table, row, page)."""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model
from ingest.model import ParsedDocument, Table
from ingest.values import NUMBERED

from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .corpus import TOTAL_LABELS, plain_label
from .vocab import common_run

# A question about the department's own units ("部门预算包括哪些单位", "有哪些直属事业单位").
# 「包括哪几家单位」「由哪几部分单位的决算组成」 ask the same names as 「包括哪些单位」.
# 「还包括哪个下属单位」「下属的差额拨款事业单位是哪个」 ask the one unit's name; 「有12个直属事业单位，能列一下都
# 叫什么吗」 asks them listed by name.
_OWN_UNITS = re.compile(r"(包括|包含|下设|下属|所属|直属|有|由)(哪些|哪几(?:家|个|部分)?|哪一?[个家])(下属|直属|所属|二级|预算)?"
                        r"(事业)?(单位|医院|机构)|"
                        r"哪些(下属|直属|所属|二级|预算)(事业)?单位|(单位|机构)(有|包括|包含)哪些|"
                        r"(下属|直属|所属|二级|预算|派出)的?[\u4e00-\u9fff]{0,8}(单位|机构)又?(?:是|为)哪(?:些|几[个家]|一?[个家])|"
                        r"(下属|直属|所属|二级)[\u4e00-\u9fff]{0,6}(单位|机构).{0,12}(?:都|分别|各)?(?:叫什么|叫啥|是什么名字|名称是)")
# 「部门决算包括：局本级决算、…和信息中心决算」: the passage says what the department's budget is made of.
_MADE_OF = re.compile(r"部门(?:预算|决算)(?:是|由)?(?:包括|包含|由)")
# 「…具体包括：」「下设 1 个预算单位，为国家信访局本级」: where the names begin.
_INTRO = re.compile(r"(包括|包含|如下|见下表|以下)[：:]?\s*$|具体包括[：:]|包括[：:]|\d+\s*[个家](?:预算)?单位[，,]\s*(?:分别)?[为是][：:]?")
_UNIT_WORD = re.compile(r"单位|医院|中心|机构|处|所|站|局|团|队|院|部")
_SPLIT = re.compile(r"[、；;，,。]|\s+\d+[.、．]\s*")


def own_units(q: str) -> bool:
    """Is the question about one department's own units (not "which departments")?"""
    return bool(_OWN_UNITS.search(q)) and not re.search(r"哪些部门|哪个部门|各部门", q)


def answer(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    if own_units(q):  # before the list words: 「包括哪个下属单位」「都叫什么」 ask the units' names too
        return _units(question, q, doc)
    if not W.LIST.search(q) and not re.search(r"分哪|有哪|包括哪|包含哪", q):
        return None
    if not re.search(r"哪些|哪几|分哪", q):
        return None  # "其他收入主要包括什么" asks what a line means: the text answers it
    if re.search(r"空表", q):
        return _empty_tables(question, doc)
    ans = _table_parts(question, q, doc)
    if ans is not None:
        return ans
    return _kinds_in_text(question, q, doc) or _amounts_in_text(question, q, doc)


def _cite_passage(doc, p) -> Citation:
    return Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, p.text, section=p.section)


def _items_of(text: str) -> list[str]:
    out = []
    for part in _SPLIT.split(text):
        part = NUMBERED.sub("", part.strip()).strip("：:。 ")
        if 2 <= len(part) <= 40:
            out.append(part)
    return out


# 「除了厅本级，还包括哪些」, 「下属单位有哪些」: the department's own 本级 is not one of the units asked.
_BUT_OWN = re.compile(r"除(了)?.{0,8}(本级|机关|本部)|下属|直属|所属")


def _not_own(q: str, names: list, department: str, name=lambda x: x) -> list:
    """The units asked: without the department's own 本级 (本级/机关, or its own name) when the question
    leaves it out — and all of them when that would leave none."""
    if not _BUT_OWN.search(q):
        return names
    kept = [x for x in names if not re.search(r"本级|本部$|机关$|（机关）", name(x)) and
            re.sub(r"（[^）]*）$", "", name(x)) != department]
    return kept or names


# 「包括哪几家单位，一共几家」: the names and their count both asked (哪几家 alone asks the names).
_HOW_MANY = re.compile(r"(?<!哪)(?:多少|几)\s*(个|家)")
_COUNTED = re.compile(r"共 (\d+) (?:个|家)")


def _units(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    ans = _listed_units(question, q, doc)
    if ans is None:
        from .units import listed  # no passage lists them: the rows of a table listed by 单位名称 (assistant/units.py)
        ans = listed(question, q, doc, lambda rows, name: _not_own(q, rows, doc.document.department, name))
    asked = _HOW_MANY.search(q)
    if ans is not None and asked and ans.value is None and (n := _COUNTED.search(ans.answer)):
        ans.value, ans.unit, ans.calculation = Decimal(n.group(1)), asked.group(1), f"计数 {n.group(1)}"
    return ans


def _listed_units(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    department = doc.document.department
    # The institutions table when the document has one (the engine's own list).
    orgs = next((t for t in doc.tables if t.kind == model.INSTITUTIONS and t.rows), None)
    if orgs is not None:
        rows = [r for r in orgs.rows if plain_label(r.label) not in TOTAL_LABELS]
        return _from_rows(question, doc, orgs, _not_own(q, rows, department, lambda r: plain_label(r.label)), "单位")
    word = re.search(r"(下属|直属|所属|二级|预算)?(事业)?(单位|医院|机构)", q).group()
    best, best_score = None, 0
    for k, p in enumerate(doc.passages):
        text = p.text.strip()
        m = None
        for m in _INTRO.finditer(text):
            pass
        made_of = m is not None and bool(_MADE_OF.search(text[:m.end()][-40:]))
        if m is None or not (re.search(r"单位|医院|机构", text) or made_of):
            continue
        # a lead naming the budget's make-up (「部门决算包括：」) counts as one naming its units, no more: of
        # 「…部门决算包括：本级决算、下属单位决算。…编制范围的单位包括：」 the second lists them
        score = max(common_run(word, text[:m.start()][-40:]), 2 if made_of else 0) + \
            (2 if re.search(r"单位构成|机构设置|部门构成|预算构成", p.section) else 0)
        if m.end() >= len(text) - 1:
            score += 3  # the list follows the passage ("…的单位包括：")
        if score > best_score:
            best, best_score = (k, m), score
    if best is None or best_score < 2:
        return None
    k, m = best
    p = doc.passages[k]
    inline = _joined_units(_items_of(p.text[m.end():]))
    cites = [_cite_passage(doc, p)]
    items = [x for x in inline if _UNIT_WORD.search(x)]
    if len(items) < 2 and k + 1 < len(doc.passages):
        # the names printed as the next paragraph ("北京市财政监督检查分局、北京市财政局国库支付中心、…")
        nxt = doc.passages[k + 1]
        names = [x for x in _items_of(nxt.text) if _UNIT_WORD.search(x) and not re.search(r"\d", x)]
        if nxt.section == p.section and len(names) >= 2 and len(names) >= 0.6 * len(_items_of(nxt.text)):
            items, cites = names, cites + [_cite_passage(doc, nxt)]
    if len(items) < 2:
        # the numbered passages right under it
        for nxt in doc.passages[k + 1:k + 40]:
            if nxt.section != p.section or not NUMBERED.match(nxt.text.strip()):
                break
            items.append(NUMBERED.sub("", nxt.text.strip()).strip("。 "))
            cites.append(_cite_passage(doc, nxt))
    if len(items) < 2:
        # a table printed right after it (its page or the next)
        t = next((t for t in doc.tables if t.page is not None and p.page is not None and p.page <= t.page <= p.page + 1
                  and t.kind in (model.OTHER, model.INSTITUTIONS)), None)
        if t is not None:
            rows = [r for r in t.rows if _UNIT_WORD.search(r.label) and plain_label(r.label) not in TOTAL_LABELS]
            if rows:
                rows = _not_own(q, rows, department, lambda r: plain_label(r.label))
                return _from_rows(question, doc, t, rows, "单位", intro=p)
            named = next((c.path for c in t.columns if re.search(r"单位|名称", c.path.split("/")[0])), None) or \
                next((c.path for c in t.columns if sum(1 for s in c.path.split("/") if _UNIT_WORD.search(s)) >= 2), None)
            if named:
                parts = [s for s in named.split("/") if _UNIT_WORD.search(s) and not re.search(r"名称$", s)]
                if parts:
                    items = parts
                    cites.append(Citation(doc.document.label, doc.document.doc_id, t.title, None, named, t.page,
                                          "、".join(parts), table_ordinal=t.ordinal, kind=t.kind))
    items = _not_own(q, items, department)
    if not items:
        return None
    where = f"（{p.section}{'，第' + str(p.page) + '页' if p.page else ''}）"
    stated = _stated_count(p.text, q)
    if stated is not None and stated > len(items):
        # 「本部以及下属1家预算单位…具体包括：1. 本部」 and the other name not read: the count the text states,
        # the names read — never a count of the names alone
        text = (f"文中说明共 {stated} 家单位，读出名称的 {len(items)} 家：" + "、".join(items) + where +
                f"；其余 {stated - len(items)} 家的名称未能从文件中读出")
        return Answer(question, ANSWERED, text, None, None, None, cites)
    text = f"共 {len(items)} 个：" + "、".join(items) + where
    return Answer(question, ANSWERED, text, None, None, None, cites)


def _joined_units(items: list[str]) -> list[str]:
    """「机关服务中心决算和信息中心决算」 → two units; 「局本级决算」 → 「局本级」 where every item ends so (the
    parts of a 部门决算 named by their own 决算). A 和 is split only where both sides name a unit."""
    out = []
    for x in items:
        parts = re.split(r"和|以及|及", x)
        out += parts if len(parts) > 1 and all(_UNIT_WORD.search(y) for y in parts) else [x]
    for suffix in ("决算", "预算"):
        if len(out) >= 2 and all(x.endswith(suffix) and len(x) > len(suffix) + 1 for x in out):
            out = [x[:-len(suffix)] for x in out]
    return out


def _stated_count(text: str, q: str) -> int | None:
    """How many units the passage says the budget covers (「本部以及下属1家」: 2; the 下属 alone when asked),
    read as the narrative's unit counts are (assistant/stated.py)."""
    from .stated import _SUB
    m = _SUB.search(text)
    if m is None:
        return None
    return int(m.group(2)) + (0 if _BUT_OWN.search(q) else 1)


def _from_rows(question, doc, t: Table, rows, what: str, intro=None) -> Answer | None:
    if not rows:
        return None
    names = list(dict.fromkeys(r.label for r in rows))
    cites = ([_cite_passage(doc, intro)] if intro is not None else []) + [
        Citation(doc.document.label, doc.document.doc_id, t.title, r.label, None, r.page or t.page, r.label,
                 table_ordinal=t.ordinal, row_ordinal=r.ordinal, kind=t.kind) for r in rows]
    return Answer(question, ANSWERED, f"共 {len(names)} 项：" + "、".join(names) + f"（{t.title}）",
                  None, None, None, cites)


def _empty_tables(question: str, doc: ParsedDocument) -> Answer | None:
    empty = []
    for t in doc.tables:
        if t.kind in (model.OTHER, model.NARRATIVE) or t.kind in (model.PERFORMANCE, model.SELF_EVALUATION,
                                                                   model.OVERALL_PERFORMANCE):
            continue
        cells = [c for r in t.rows for c in r.cells]
        blank = all(c.blank or c.value == 0 or not c.raw.strip() for c in cells)
        noted = bool(t.note and re.search(r"空表|本部门无|没有.{0,20}(收支|支出|安排)", t.note))
        if noted or blank:
            empty.append(t)
    if not empty:
        return None
    cites = [Citation(doc.document.label, doc.document.doc_id, t.title, None, None, t.page, t.note or "（空表）",
                      table_ordinal=t.ordinal, kind=t.kind) for t in empty]
    text = f"共 {len(empty)} 张空表：" + "、".join(f"{t.title}（{t.note or '表内无数字'}）" for t in empty)
    return Answer(question, ANSWERED, text, None, None, None, cites)


# What a list question names, and the canonical table that holds its parts.
_PARTS = [
    (re.compile(r"三公"), model.THREE_PUBLIC),
    (re.compile(r"政府采购|采购预算"), model.PROCUREMENT),
    (re.compile(r"项目支出|哪些项目"), model.PROJECT),
    (re.compile(r"收入(?!来源|渠道)(?!.*从哪)"), model.INCOME),
]
_NUMBERED_PART = re.compile(r"^(其中[:：])?\s*[（(][一二三四五六七八九十]+[)）]|^[A-Z]-")


def _table_parts(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    kind = next((k for pattern, k in _PARTS if pattern.search(q)), None)
    if kind is None:
        return None
    t = next((t for t in doc.tables if t.kind == kind and (t.rows or t.columns)), None)
    if t is None:
        return None
    rows = [r for r in t.rows if plain_label(r.label) not in TOTAL_LABELS and not r.label.startswith("合计")]
    if kind == model.THREE_PUBLIC:
        parts = [r for r in rows if _NUMBERED_PART.match(r.label)]
        if len(parts) >= 2:
            return _from_rows(question, doc, t, parts, "项")
        leaves = [c.path for c in t.columns if re.search(r"出国|公务用车|公务接待", c.path) and "/" not in c.path]
        if leaves:
            return _columns(question, doc, t, leaves)
        return None
    if kind in (model.PROCUREMENT, model.PROJECT):
        items = [r for r in rows if r.label and not r.code or kind == model.PROJECT]
        return _from_rows(question, doc, t, items, "项") if items else None
    if kind == model.INCOME:
        total = next((r for r in t.rows if plain_label(r.label) in TOTAL_LABELS), t.rows[0] if t.rows else None)
        if total is None:
            return None
        cols = [c.column for c in total.cells if c.value and not re.search(r"合计|小计|总计|单位|名称|其中", c.column)
                and "/" not in c.column.replace("本年收入/", "")]
        if not cols:
            return None
        return _columns(question, doc, t, cols, total)
    return None


def _columns(question, doc, t: Table, cols: list[str], row=None) -> Answer:
    names = [c.split("/")[-1] for c in cols]
    cites = [Citation(doc.document.label, doc.document.doc_id, t.title, row.label if row else None, c,
                      (row.page if row else None) or t.page, (row.cell(c).raw if row and row.cell(c) else c),
                      table_ordinal=t.ordinal, row_ordinal=row.ordinal if row else None, kind=t.kind) for c in cols]
    return Answer(question, ANSWERED, f"共 {len(names)} 项：" + "、".join(names) + f"（{t.title}）",
                  None, None, None, cites)


def _kinds_in_text(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """「交通运输专项资金分哪些领域」: the distinct 「交通运输专项资金-X领域」 the narrative names."""
    m = re.search(r"([\u4e00-\u9fff“”]{2,20}?)(?:分|有|包括|包含)(?:哪些|哪几)(?:个|项|类|种)?([\u4e00-\u9fff]{1,3})", q)
    if not m:
        return None
    subject, kind = m.group(1), m.group(2)
    subject = re.sub(r"^年度?|^的", "", subject)
    if len(subject) < 3 or kind in ("项", "些", "个", "类"):
        return None
    pattern = re.compile(re.escape(subject) + r"[-—－：:]?([\u4e00-\u9fff]{1,10}?" + re.escape(kind) + ")")
    found: dict[str, object] = {}
    for p in doc.passages:
        for x in pattern.finditer(p.text):
            found.setdefault(x.group(1), p)
    if len(found) < 2:
        return None
    names = list(found)
    cites = [_cite_passage(doc, p) for p in dict.fromkeys(found.values())]
    return Answer(question, ANSWERED, f"{subject}共 {len(names)} 个{kind}：" + "、".join(names), None, None, None, cites)


_AMOUNT_ITEM = re.compile(r"([\u4e00-\u9fff（）()“”]{2,30}?)\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*万?元")
_LIST_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|有哪些|哪些|哪几(?:个|项|类)?|包括|包含|分别|是|的|了|吗|呢|[？?，,。]")


def _amounts_in_text(question: str, q: str, doc: ParsedDocument) -> Answer | None:
    """「编报绩效目标的项目有哪些」: the passage that speaks of what the question names and lists it after
    其中： as names with their amounts (「中介机构服务费418.80万元，财政业务费10.00万元，…」)."""
    keys = [k for k in _LIST_GENERIC.sub("|", q).split("|") if len(k) >= 4]
    if not keys or re.search(r"科目|类级|款级|项级|分类的|几类", q):
        return None
    best, best_score = None, 5
    for p in doc.passages:
        at = p.text.find("其中：") if "其中：" in p.text else p.text.find("其中:")
        if at < 0:
            continue
        items = [m.group(1).lstrip("，,、；;：:") for m in _AMOUNT_ITEM.finditer(p.text[at + 3:])]
        if len(items) < 2:
            continue
        score = max(common_run(k, p.text[:at]) for k in keys)
        if score > best_score:
            best, best_score = (p, items), score
    if best is None:
        return None
    p, items = best
    return Answer(question, ANSWERED, f"共 {len(items)} 项：" + "、".join(items) +
                  f"（{p.section}{'，第' + str(p.page) + '页' if p.page else ''}）", None, None, None,
                  [_cite_passage(doc, p)])
