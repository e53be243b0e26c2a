"""Does what an answer cites cover everything the question names? (the part asked, not its whole)

A question can name a part the document does not publish — the share of a transfer that goes to one
district (「分给朝阳区多少」), one line of a programme (「轨道交通5号线运营补贴」 under 轨道交通管理), a threshold
other than the one printed (「单价100万元以上的设备」 where the text counts 单价20万元以上), or ask for what no
figure can be (「去的是哪个国家」). The engine, finding the whole or a neighbour, would answer with it: a wrong
figure stated with confidence. Here every qualifier the question names is looked for in what the answer
cites (the row, column, table, the quoted passage; a performance form as a whole, since one form is one
project); one left uncovered makes the answer "not found", saying what is missing and what the document
does print. Words that are only the department, the year, 预算/决算, table names or the question's own
wording are never qualifiers.

`check(q, answer, doc)` is called once, by the engine, after every other check. `unit_document(q, docs)`
answers a question naming a unit that has no document of its own (「普陀区国库收付中心2024年单独的支出决算」).
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import arith
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer

# What a figure cannot answer: a place, a country, a person.
_WHERE_WHO = re.compile(r"哪个国家|哪些国家|哪国|哪一国|什么国家|去了?的?是?哪[里儿]?(?![个些项类款一])|在哪[里儿]?(?![张一个]?[表页])|"
                        r"什么地方|哪个城市|哪个地区|是谁|谁[去负带]|哪位|什么人")
# A threshold: 「单价100万元以上」, 「50万元（含）以上」.
_THRESHOLD = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|元|万)\s*(?:[（(]含[）)])?\s*(以上|以下|及以上|以内|起)")
# A numbered part of something: 「5号线」, 「三期」, 「2标段」.
_NUMBERED = re.compile(r"(\d+|[一二三四五六七八九十]+)\s*(号线|号楼|标段|期工程|期)")
# A place, read as a jieba word: 朝阳区, 鼓楼区, 青龙县, 真如镇, 石泉路街道.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,5}(?:区|县|镇|乡|街道|旗)$")
_NOT_PLACE = re.compile(r"(?:社区|园区|辖区|城区|市区|新区|景区|片区|小区|开发区|保护区|示范区|自贸区|试验区|功能区|"
                        r"郊区|山区|牧区|老区|灾区|区县|县区|各区|全区|本区|全县|本县|各县|各镇|全镇|本镇|各乡|"
                        r"各街道|本街道|全街道|保税区|风景区|核心区|集聚区|产业区|先行区|管理区|服务区|校区|"
                        r"营区|矿区|林区|库区|湖区|港区|厂区|院区|病区|禁区|专区|分区|地区|政区|农村|乡镇|城乡)$")
# Verbs that hand money to a place: the place is then who receives it.
_TO_PLACE = re.compile(r"分给|分到|给|拨给|拨付给|下达给?|落实到|用于|补助给?|转移给?|安排给|分配给|在")


def _flat(text: str | None) -> str:
    return re.sub(r"[\s　]+", "", text or "")


def _cover(answer: Answer, doc) -> str:
    """Everything the answer's citations print: row, column, table and passage; a performance form whole."""
    parts = []
    ordinals = set()
    for c in answer.citations:
        parts += [c.table, c.row, c.column, c.text, c.section]
        if c.table_ordinal is not None and c.kind and "绩效" in c.kind:
            ordinals.add(c.table_ordinal)
    if doc is not None and ordinals:
        for t in doc.tables:
            if t.ordinal in ordinals:
                parts += [t.title, t.project, t.goal, t.note]
                for r in t.rows:
                    parts.append(r.label)
                    parts += [cell.raw for cell in r.cells]
    parts.append(answer.answer)
    return _flat("|".join(p for p in parts if p))


def _words(q: str) -> list[str]:
    from .segment import jieba_tokenizer
    return list(jieba_tokenizer().cut(q))


def _own_names(doc) -> str:
    if doc is None:
        return ""
    d = doc.document
    return _flat(f"{d.department}|{d.region}|{d.title}")


def _missing(q: str, answer: Answer, doc) -> str | None:
    """What the question names that the answer's citations leave uncovered (a sentence), else None."""
    cover = _cover(answer, doc)
    flat = _flat(q)
    m = _WHERE_WHO.search(flat)
    if m and answer.value is not None:
        return f"问题问的是“{m.group(0)}”，这不是一个数能回答的，文件只给出了金额"
    for m in _THRESHOLD.finditer(flat):
        number = m.group(1)
        if not re.search(rf"(?<![\d.]){re.escape(number)}(?:\.0+)?{m.group(2)[0]}", cover):
            printed = _THRESHOLD.search(cover)
            said = f"，文件说的是“{printed.group(0)}”的数" if printed else ""
            return f"问题问的是“{m.group(0)}”，文件没有按这个标准统计{said}"
    for m in _NUMBERED.finditer(flat):
        if m.group(0) not in cover:
            return f"文件没有单列“{_item_around(flat, m.start(), m.end())}”这一项"
    titled = _titled(flat, cover, doc, answer)
    if titled:
        return f"文件没有单列“{titled}”这一项"
    item = _sibling(q, answer, doc)
    if item:
        return f"文件没有单列“{item}”这一项"
    from . import subparts  # a part inside a line, or a unit, the document does not break out
    part = subparts.missing(q, answer, doc, cover)
    if part:
        return part
    own = _own_names(doc)
    words = _words(flat)
    for i, w in enumerate(words):
        if not _PLACE.match(w) or _NOT_PLACE.search(w):
            continue
        if w in cover or w in own or w[:-1] in own or (len(w) > 3 and w[:2] in own):
            continue
        before = "".join(words[max(0, i - 2):i])
        if not _TO_PLACE.search(before) and i + 1 < len(words) and words[i + 1] not in ("的",):
            continue  # 「朝阳区」 as the start of a name the document may print some other way
        return f"问题问的是分到“{w}”的数，文件没有按地区分列"
    return None


# An item the question names by its title or in quotes: 「编印《人民信访》的印刷费」. A law, rule or table named
# as where a figure is from is no item.
_TITLED = re.compile(r"《([^》]{2,30})》|[“「]([^”」]{2,30})[”」]")
_SOURCE = re.compile(r"(?:表|法|条例|规定|办法|通知|意见|决定|纲要|准则|制度|细则|公开|说明|预算|决算)$")


def _titled(flat: str, cover: str, doc, answer: Answer | None = None) -> str | None:
    """A title or quoted name of the question that the answer's citations do not print (《X》 as such, a quoted
    name bare: the sentence quotes it), else None."""
    bare = _bare(cover)
    for m in _TITLED.finditer(flat):
        name = m.group(1) or m.group(2)
        if _bare(name) in bare or _SOURCE.search(name) or name in _own_names(doc) or name in _neutral(doc) \
                or _said_beside(name, answer, doc):
            continue
        return m.group(0) if m.group(1) else name
    return None


def _said_beside(name: str, answer: Answer | None, doc) -> bool:
    """Does the document's text print the quoted name right before the answer's very figure? A form's indicator
    「引进高层次人次 744人」 that the narrative calls 「引进高层次人才744人」: the user quotes the narrative's name
    for the same figure — the same item, not a part of it the document leaves unprinted."""
    if doc is None or answer is None or answer.value is None:
        return False
    unit = re.escape(answer.unit or "")
    said = re.compile(re.escape(name) + r"[^。；;，,\d]{0,4}?(\d[\d,]*(?:\.\d+)?)" + unit)
    for p in doc.passages:
        for m in said.finditer(_flat(p.text)):
            if Decimal(m.group(1).replace(",", "")) == answer.value:
                return True
    return False


def _bare(text: str) -> str:
    """Only the letters, digits and characters: 「老少牵手,关爱」 as printed 「老少牵手，关爱」."""
    return re.sub(r"[^\w]", "", text)


def _phrase(flat: str, run: str) -> str:
    """The whole name a run of the question belongs to: 「社区公共服务中心新建工程」 around 「新建工程」."""
    at = flat.find(run)
    return _item_around(flat, at, at + len(run), 16, r"[，。？?！!、的是有了多少几年]") if at >= 0 else run


def _item_around(flat: str, start: int, end: int, reach: int = 8,
                 stop: str = r"[，。？?！!、的里中是有了多少安排几]|年|预算|决算") -> str:
    """The name a numbered part belongs to: 「轨道交通5号线运营补贴」 around 「5号线」."""
    left = start
    while left > 0 and not re.match(stop, flat[left - 1]) and start - left < reach:
        left -= 1
    right = end
    while right < len(flat) and not re.match(stop, flat[right]) and right - end < reach:
        right += 1
    return flat[left:right]


def _whole(answer: Answer) -> str:
    """What the document prints that the answer found: its figure and where."""
    if answer.value is None:
        return ""
    c = answer.citations[0] if answer.citations else None
    where = ""
    if c is not None:
        where = "、".join(x for x in (c.table, c.row and f"{c.row}行") if x)
    return f"文件印出的是{('（' + where + '）') if where else ''} {arith.with_unit(answer.value, answer.unit)}"


def check(q: str, answer: Answer, doc) -> Answer | None:
    """A not-found answer where the answer's figure leaves a qualifier of the question uncovered; else None."""
    if answer.status == AMBIGUOUS and answer.citations and all(arith.is_money(c.unit) for c in answer.citations) \
            and len({c.row for c in answer.citations}) == 1:
        # One line read in several tables (all funds | its 财政拨款 part): the line is what the question names,
        # checked as an answered line is; the readings stand unless it leaves a qualifier uncovered.
        why = _missing(q, Answer(answer.question, ANSWERED, "", Decimal(0), answer.citations[0].unit,
                                 citations=answer.citations[:1]), doc)
        return None if why is None else Answer(answer.question, NOT_FOUND, f"没有找到答案：{why}。")
    if answer.status == AMBIGUOUS and answer.citations and all(arith.is_money(c.unit) for c in answer.citations):
        left = [_unnamed(q, Answer(answer.question, ANSWERED, "", citations=[c]), doc) for c in answer.citations]
        if all(left):
            lines = "；".join(f"{c.row}（{c.table}）" for c in answer.citations if c.row)
            return Answer(answer.question, NOT_FOUND,
                          f"没有找到答案：文件没有单列“{_phrase(_flat(q), max(left[0], key=len))}”的数；名称相近的只有{lines}，"
                          f"都不是所问的项目，因此不作回答。")
        return None
    if answer.status == ANSWERED and answer.value is not None:
        why = _missing(q, answer, doc)
        if why is None:
            return None
        whole = _whole(answer)
        return Answer(answer.question, NOT_FOUND,
                      f"没有找到答案：{why}。" + (f"{whole}，不是所问的部分，因此不作回答。" if whole else ""))
    return None


# The question's own wording: never a qualifier of the item asked about.
_GENERIC = re.compile(
    r"是多少|有多少|多少钱|多少|几倍|几台|几个|几项|几|安排了?|单独|单列|一共|总共|合计|共计|花了|花在|花|用了|用于|用在|"
    r"经费|资金|费用|钱|支出|收入|预算数?|决算数?|金额|数额|数字|数|拨款|财政拨款|一般公共预算|政府性基金|"
    r"基本支出|项目支出|人员经费|公用经费|本年|今年|上年|去年|全年|年度|年初|部门|单位|本级|万元|元|占|比例|"
    r"比重|百分之|分别|各|是|为|有|了|的|中|里|其中|和|与|及|以及|或|在|给|对|从|按|把|被|上|下|吗|呢|啊|"
    r"什么|哪些|哪个|哪|怎么|如何|情况|具体|主要|相关|方面|项目|科目|总额|总计|共|都|也|还|又|要|能|会|"
    r"这|那|该|此|次|一|个|项|笔|年|月|日|说明|表|表格|文件|公开|多|少|大|小|高|低|增加|减少|变化|同比|"
    r"实际|计划|执行|完成|目标|绩效|指标|分给|分到|拨给|下达|补助|补贴|运营|运行|维护|管理|工作|业务|专项")


def _covered_mask(flat: str, cover: str, neutral: str) -> list[int]:
    """Per character of the question: 2 covered by the citations, 1 neutral wording, 0 neither."""
    mask = [0] * len(flat)
    n = len(flat)
    for i in range(n):
        for j in range(min(n, i + 12), i + 1, -1):  # the longest piece of the question the citations print
            if flat[i:j] in cover:
                for k in range(i, j):
                    mask[k] = 2
                break
    for m in _GENERIC.finditer(flat):
        for k in range(m.start(), m.end()):
            if mask[k] == 0:
                mask[k] = 1
    for i in range(n):
        if mask[i] == 0 and not re.match(r"[\u4e00-\u9fff]", flat[i]):
            mask[i] = 1
    for i in range(n):
        for j in range(min(n, i + 12), i + 1, -1):
            if mask[i] == 0 and flat[i:j] in neutral:
                for k in range(i, j):
                    mask[k] = max(mask[k], 1)
                break
    return mask


def _neutral(doc) -> str:
    """The document's table titles and column headers, its own names, and the synonym list's phrases."""
    from . import synonyms
    parts = [_own_names(doc)]
    if doc is not None:
        for t in doc.tables:
            parts.append(t.title)
            parts += [c.path for c in t.columns]
    for table in (synonyms.ROWS, synonyms.COLUMNS):
        for k, vs in table.items():
            parts.append(k)
            parts += vs
    return _flat("|".join(p for p in parts if p))


# Names people use for a line printed under another name (the synonym list holds the budget tables' own).
_ALIASES = {"地铁": "轨道交通", "轨道": "轨道交通", "公交": "公共交通"}
_LABEL_NOISE = re.compile(r"^[\dA-Za-z\-\s.、]+|其他|[（(][^）)]*[）)]|项目$|经费$|资金$|费$|支出$")


def _item_labels(answer: Answer, doc) -> list[str]:
    """The names of the lines or projects an answer cites (a performance form: its project)."""
    labels = []
    for c in answer.citations:
        if c.kind and "绩效" in c.kind:
            t = next((t for t in (doc.tables if doc is not None else []) if t.ordinal == c.table_ordinal), None)
            name = (t.project if t is not None and t.project else None) or (c.column or "").split("/")[0]
            if name:
                labels.append(name)
        elif c.row:
            labels.append(c.row)
    return [_flat(re.sub(r"^(?:第\d+行)?[\d\s\-]*(?:[一二三四五六七八九十]+、)?", "", x)) for x in labels if x]


def _sibling(q: str, answer: Answer, doc) -> str | None:
    """「来访接待场所运行维护费」 answered by 「信息化运行维护」: the question and the cited line name the same
    head with different qualifiers before it — a neighbour, not the item asked. The item's name, else None."""
    from . import wording as W
    if answer.calculation or W.RANK.search(q) or W.COMPARE.search(q) or W.CHANGE.search(q) or \
            re.search(r"比|占|倍|加起来|合计|一共|相差|差额|哪", q):
        return None  # a figure computed from several lines, or a choice among them: each line is named
    labels = _item_labels(answer, doc)
    if len(set(labels)) != 1:
        return None
    cover = _cover(answer, doc)
    flat = _flat(q)
    for a, b in _ALIASES.items():
        flat = flat.replace(a, b) if b not in flat else flat
    neutral = _neutral(doc)
    for label in labels:
        if label in flat:
            continue
        best = ""
        for i in range(len(label)):
            for j in range(len(label), i + 1, -1):
                if j - i > len(best) and label[i:j] in flat:
                    best = label[i:j]
                    break
        if len(best) < 3 or _GENERIC.fullmatch(best):  # 「主任」 shared by 村主任 and 村书记主任: too little
            continue
        at = flat.find(best)
        left = at
        while left > 0 and re.match(r"[\u4e00-\u9fff]", flat[left - 1]) and flat[left - 1] not in "的中里和与及在给年":
            left -= 1
        mine = flat[left:at]
        mine = re.sub(r"^(?:" + _GENERIC.pattern + r")+", "", mine)
        theirs = _LABEL_NOISE.sub("", label[:label.find(best)])
        own = _own_names(doc)
        if len(mine) >= 2 and len(theirs) >= 2 and mine not in label and theirs not in flat \
                and mine not in own and mine not in neutral and mine + best not in cover:
            end = at + len(best)
            while end < len(flat) and re.match(r"[\u4e00-\u9fff]", flat[end]) and \
                    not _GENERIC.match(flat[end:]) or flat[end:end + 1] == "费":
                end += 1
            return flat[left:end]
    return None


def _unnamed(q: str, answer: Answer, doc) -> list[str]:
    """Runs of the question (two characters or more, not wording) that the cited line does not print."""
    flat = _flat(q)
    mask = _covered_mask(flat, _cover(answer, doc), _neutral(doc))
    return [m.group(0) for m in re.finditer(r"[\u4e00-\u9fff]{2,}", "".join(
        ch if mask[i] == 0 else " " for i, ch in enumerate(flat)))]


_UNIT = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:中心|管理所|财政所|服务所|服务站|工作站|大队|支队|纪念馆|图书馆|博物馆|研究院|研究所|学校|医院)")


def unit_document(q: str, candidates) -> str | None:
    """A question naming a unit that has no document of its own (普陀区国库收付中心, printed in 普陀区财政局's
    list of units as 「预算不单列，并入本级」): why no figure of the unit alone is given, naming the document
    that holds it; else None. ``candidates`` are the documents the question could be about, read whole."""
    from .documents import department_names
    flat = _flat(q)
    names = {n for d in candidates for n in department_names(d.document.department, d.document.region)}
    for m in _UNIT.finditer(flat):
        unit = m.group(0)
        if any(unit in n or n.endswith(unit) for n in names):
            continue  # the department itself
        for start in range(0, len(unit) - 3):
            name = unit[start:]
            for d in candidates:
                line = _printed(d, name)
                if line is None:
                    continue
                alone = "预算不单列" in line or "并入" in line or "不单独" in line
                said = f"（文件的单位名单写着：“{line}”）" if alone else f"（文件写着：“{line}”）"
                return (f"“{unit}”是一个单位，没有单独公开的部门预算或决算文件，它的数并在{d.document.label}里"
                        f"{said}；文件没有单列这个单位的数。最接近的文件是{d.document.label}")
    return None


def _printed(doc, name: str) -> str | None:
    """The line of the document (a table row or a passage's sentence) that prints a unit's name."""
    for t in doc.tables:
        paths = [c.path for c in t.columns]
        for seg in (x for path in paths for x in path.split("/")):  # a list read as a header row
            if name in _flat(seg):
                notes = [path for path in paths if re.search(r"不单列|并入|不单独", path)]
                return " ".join(_flat(x) for x in [seg] + notes)[:80]
        for r in t.rows:
            texts = [r.label] + [c.raw for c in r.cells]
            if any(name in _flat(x) for x in texts if x):
                return " ".join(_flat(x) for x in texts if x)[:80]
    for p in doc.passages:
        text = _flat(p.text)
        at = text.find(name)
        if at >= 0:
            end = re.search(r"[。；\n]", text[at:])
            return text[max(0, at - 10):at + (end.start() if end else 60)][:80]
    return None
