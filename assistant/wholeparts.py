"""A whole and its parts as the narrative states them in one sentence: 「政府采购支出总额1967.42万元，其中：政府采购
货物支出171.7万元、政府采购工程支出3万元、政府采购服务支出1792.72万元」, 「共有车辆517辆，其中机要通信用车57辆，…
特种专业技术用车375辆」, 「编报绩效目标的项目…涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元，…」.

A question naming parts of such a sentence by the words that tell them apart (货物, 服务, 特种专业技术用车) is
answered from the sentence: one part (its amount or count, never the whole's figure printed first), two parts
against each other (difference, multiple, share, sum), a part's share of the whole, or the whole itself when
it is asked by its own name (政府采购支出总额 is the procurement total, not the 支出总计). Every figure is the
sentence's, computed with Decimal, the formula shown and the sentence cited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest.values import money

from . import arith
from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .scope import years_in
from .stated import as_of
from .vocab import common_run

_UNITS = "万元|元|辆|台|个|家|项|人"
_FIG = rf"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>{_UNITS})"
_LAST_FIG = re.compile(rf"(?P<label>[^，,；;。：:、]*?)\s*(?:为|共计|合计|共|是|达)?\s*{_FIG}(?!.*\d\s*(?:{_UNITS}))", re.S)
# A part's label may hold digits (「2026 年度…协审支出」, 「轨道交通 12 号线 PPP 项目」): the figure is the last one.
_PART = re.compile(rf"\s*(?:\d+[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])?\s*(?P<label>[^，,；;。：:]{{2,40}}?)"
                   rf"\s*(?:为|共计|合计|共|是|达)?\s*{_FIG}\s*(?:[（(][^）)]*[）)])?\s*(?:等)?\s*$")  # 「…418.75万元等。」
_LEAD = re.compile(r"^.*?(?:19|20)\d{2}\s*年度?(?:末|底)?|^[（(][一二三四五六七八九十\d]+[）)]|^\d+[.、．]")
_VERBS = re.compile(r"(?:本部门|本单位|本级|全部为财政资金)")
# Words a whole's name has that say nothing about what it is.
_GENERIC = re.compile(r"总额|总金额|金额|合计|总计|共有|共|现有|实有|涉及|支出|预算|决算|资金|安排|的|为|本部门|本单位|截至|截止|"
                      r"以合同签订为准|[（()）]")
_WEAK = re.compile(r"政府|部门|单位|本级|当年|项目")
_WHOLE_ASK = re.compile(r"总额|总金额|一共|总共|合计|总计|共有|共计|总数|总体")
_MOVED = re.compile(r"增加|减少|增长|下降|上年|比|较")  # 「预算减少56.06万元，其中：…」 is a change, no whole
_ALIKE = {"辆": "辆|台", "台": "台|辆", "个": "个|家|项", "家": "家|个", "项": "项|个", "人": "人|名"}
_SUM = re.compile(r"一共|总共|合计|加起来|之和|共计")
_SHARE = re.compile(r"占|比例|比重|百分之|%|多大比|几成")


@dataclass
class Part:
    label: str
    key: str
    value: Decimal
    unit: str


@dataclass
class Stated:
    whole: Part
    parts: list[Part]
    topic: str
    passage: object
    sentence: str


def _clean(label: str, dept: str) -> str:
    label = _LEAD.sub("", label.strip())
    label = label.replace(dept, "")
    return _VERBS.sub("", label).strip(" ，,")


def _affixes(labels: list[str]) -> tuple[str, str]:
    pre = labels[0]
    for s in labels[1:]:
        while not s.startswith(pre):
            pre = pre[:-1]
    suf = labels[0]
    for s in labels[1:]:
        while not s.endswith(suf):
            suf = suf[1:]
    return pre, suf


def _keys(parts: list[Part], whole: str = "") -> tuple[str, str]:
    """Each part's word that tells it from the others (政府采购「货物」支出); the words they share. A part printed
    alone is told from its whole (授予「小微」企业合同金额 of 授予中小企业合同金额)."""
    if len(parts) == 1 and whole:
        _, suf = _affixes([parts[0].label, whole])
        key = parts[0].label[:len(parts[0].label) - len(suf)]
        lead = next((k for k in range(len(key) - 2, 1, -1) if key[:k] in whole), 0)  # 「授予」 of 政府采购授予…
        key = key[lead:]
        if 2 <= len(key) <= 4 and len(suf) >= 4:
            parts[0].key = key
        return "", ""
    if len(parts) < 2:
        return "", ""
    pre, suf = _affixes([x.label for x in parts])
    for x in parts:
        key = x.label[len(pre):len(x.label) - len(suf)] if len(x.label) > len(pre) + len(suf) else x.label
        x.key = key.strip("类") or x.label
    return pre, suf


def statements(doc) -> list[Stated]:
    out = []
    dept = doc.document.department
    prev = ""
    for p in doc.passages:
        text = p.text
        for m in re.finditer(r"其中[:：，,]?", text):
            before = text[:m.start()]
            head = _LAST_FIG.search(before[-120:]) if before.strip() else None
            if head is None and not before.strip() and prev:
                head = _LAST_FIG.search(prev[-120:])  # 「…总金额为 5227.59 万元。」 | 「其中拟采购货物…」
            tail = re.split(r"[。]", text[m.end():])[0]
            parts: list[Part] = []
            carry = ""  # 「秀峰、横岗、塘背收费站运营管理费用 1,487.40 万元」: names listed in one part's label
            for seg in re.split(r"[、，；;]|,(?!\d{3})", tail):
                if re.fullmatch(r"[\u4e00-\u9fff]{1,24}", seg.strip()) and re.match(r"、", tail[tail.find(seg) + len(seg):]):
                    carry += seg.strip() + "、"
                    continue
                seg, carry = carry + seg, ""
                pm = _PART.match(seg)
                unit = head.group("u") if head is not None else (parts[0].unit if parts else pm and pm.group("u"))
                if pm is None or pm.group("u") != unit or pm.group("label").startswith("其中"):
                    break
                if re.search(r"\d", pm.group("label")) and re.search(r"^(?:比|较|同比)|增加|减少|增长|下降|持平",
                                                                    pm.group("label")):
                    break  # 「比2026年预算增加793.14万元」: a change of the part before it, no part
                label = _clean(pm.group("label"), dept)
                value = money(pm.group("n"))
                if value is None or not label:
                    break
                parts.append(Part(label, label, value, pm.group("u")))
            if head is None:  # 「开展绩效自评，其中，一级项目 7 个、二级项目 16 个」: parts counted, no whole
                if len(parts) >= 2 and not arith.is_money(parts[0].unit):
                    _keys(parts)
                    out.append(Stated(Part("", "", Decimal(0), parts[0].unit), parts, "|", p, text))
                continue
            whole_value = money(head.group("n"))
            if not parts or whole_value is None or _MOVED.search(head.group("label")):
                continue
            whole = _clean(head.group("label"), dept)
            pre, suf = _keys(parts, whole)
            topic = _GENERIC.sub("", whole) + "|" + _GENERIC.sub("", pre + suf)
            sentence = (before[-120:] if head is not None else "") + text[m.start():m.start() + len(tail) + 4]
            out.append(Stated(Part(whole, whole, whole_value, head.group("u")), parts, topic, p,
                              text if len(text) <= 300 else sentence))
        prev = text
    return out


def _named(q: str, st: Stated) -> list[tuple[int, Part]]:
    """The parts the question names, in its order: by full label, or by the word telling them apart where
    the question is about the sentence's topic."""
    # the topic's own word: 「采购」 of 政府采购 (政府购买服务 is another thing), 「车辆」, 「用车」
    topics = [_WEAK.sub("", t) for t in st.topic.split("|")]
    on_topic = max((common_run(t, q) for t in topics if t), default=0) >= 2
    found = []
    for x in st.parts:
        at = _find(q, x.label) if len(x.label) >= 4 else -1  # 「事业」 alone is a word of many questions
        if at < 0 and len(x.key) >= 2 and on_topic:
            at = q.find(x.key)
        if at >= 0:
            found.append((at, x))
    found.sort(key=lambda f: f[0])
    # a part's key inside another's named label (用车 in 特种专业技术用车) is that label's
    return [f for f in found if not any(g is not f and g[0] <= f[0] and f[0] + len(f[1].key) <= g[0] + len(g[1].label)
                                        and q.find(g[1].label) >= 0 for g in found)]


def _find(q: str, label: str) -> int:
    """Where the question names a label, a 的 spoken inside it or not (「授予小微企业的合同金额」)."""
    at = q.find(label)
    if at < 0:
        m = re.search("的?".join(map(re.escape, label)), q)
        at = m.start() if m else -1
    return at


def _whole_mark(part: Part, whole: Part) -> str:
    """The words telling a whole from its one part printed (授予「中小」企业合同金额 vs 授予小微企业合同金额)."""
    _, suf = _affixes([part.label, whole.label])
    return whole.label[:len(whole.label) - len(suf)][-2:] if len(suf) >= 4 and part.key != part.label else whole.label


# the share's wording after 占; what is left names the whole
_SHARE_WORDS = re.compile(r"占比|百分比|百分之(?:几|多少)?|多大|比例|比重|份额|多少|几成|是|为|了|约|大约|%|[（()）？?。,，]")


def answer(question: str, q: str, doc, tabled: int = 0) -> Answer | None:
    """``tabled``: how many things the question names that a table (not the narrative) prints — two such
    are the tables' to compare, to the precision they print."""
    if any(y != doc.document.year for y in years_in(as_of(q))):
        return None  # another year's figure is no figure of this sentence
    if (ans := ranked(question, q, doc)) is not None:
        return ans  # 「交通安全应急管理经费中哪部分最少」: the parts of a whole no table line names
    best = None
    for st in statements(doc):
        named = _named(q, st)
        whole_named = len(_GENERIC.sub("", st.whole.label)) >= 2 and st.whole.label in q  # not 「预算支出」 alone
        score = len(named) * 10 + (5 if whole_named else 0) + common_run(st.whole.label, q) / 100  # 共有 vs 购置车辆
        if score and (best is None or score > best[0]):
            best = (score, st, named, whole_named)
    if best is None:
        return None
    _, st, named, whole_named = best
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, st.passage.page, st.sentence,
                    section=st.passage.section)
    said = f"文中说明：“{st.sentence.strip()}”（{st.passage.section}，第{st.passage.page}页）"
    unit = st.whole.unit
    if named and (first := _whole_first(q, st, named[0][0])):
        # 「政府采购一共花了多少？货物、工程、服务各是多少？」: the whole asked first is the answer; the parts
        # asked after it are said with it, each as the sentence prints it (no arithmetic between them).
        parts = "、".join(f"{_shown(x.label)} {arith.with_unit(x.value, x.unit)}" for _, x in named)
        return _ans(question, f"{_shown(first)}为 {arith.with_unit(st.whole.value, unit)}，其中{parts}", said,
                    st.whole.value, unit, None, cite)
    if len(named) >= 2 and tabled < 2:
        (ia, a), (ib, b) = named[0], named[1]
        if W.MULTIPLE.search(q):
            if not b.value:
                return None
            r = arith.multiple(a.value, b.value)
            text = f"{a.label}是{b.label}的 {arith.fmt(r.value)} 倍"
            return _ans(question, text, said, r.value, "倍", r.formula, cite)
        if _SHARE.search(q) and "占" in q[ia:ib + 1]:
            if not b.value:
                return None
            r = arith.share(a.value, b.value)
            return _ans(question, f"{a.label}占{b.label}的 {arith.fmt(r.value)}%", said, r.value, "%", r.formula, cite)
        if W.COMPARE.search(q) and not W.DIFF.search(q):  # 「工程采购和服务采购哪个金额大」
            less = bool(re.search(r"少|低|小", W.COMPARE.search(q).group(0)))
            missing = _unprinted(q, named, st)
            if len(named) > 2 or missing:  # 「货物、工程、服务哪类最多」: every part named is read and ranked
                return _ranked_named(question, [x for _, x in named], less, unit, said, cite, missing)
            if a.value == b.value:
                return None
            best, other = sorted((a, b), key=lambda x: x.value, reverse=not less)
            text = (f"{best.label}更{'少' if less else '多'}：{arith.with_unit(best.value, unit)}"
                    f"（{a.label} {arith.with_unit(a.value, unit)}；{b.label} {arith.with_unit(b.value, unit)}）")
            return _ans(question, text, said, best.value, unit,
                        f"{arith.fmt(best.value)}{' < ' if less else ' > '}{arith.fmt(other.value)}", cite)
        if W.DIFF.search(q) or re.search(r"比.{0,12}(?:多|少|高|低)", q):
            r = arith.difference(a.value, b.value)
            word = "多" if a.value >= b.value else "少"
            return _ans(question, f"{a.label}比{b.label}{word} {arith.with_unit(r.value, unit)}", said, r.value,
                        unit, r.formula, cite)
        if _SUM.search(q):
            total = a.value + b.value
            formula = f"{arith.fmt(a.value)} + {arith.fmt(b.value)} = {arith.fmt(total)}"
            return _ans(question, f"{a.label}和{b.label}合计 {arith.with_unit(total, unit)}", said, total, unit,
                        formula, cite)
        return None
    if len(named) == 1:
        part = named[0][1]
        if _SHARE.search(q):
            zhan = q.find("占", named[0][0])
            after = _GENERIC.sub("", _SHARE_WORDS.sub("", q[zhan:]).lstrip("占")) if zhan >= 0 else ""
            mark = _whole_mark(part, st.whole)  # 占「中小」企业合同金额; 「中小企业合同里，小微企业占几成」
            alone = len(st.parts) < 2 and mark not in q[zhan:] and not (mark in q[:named[0][0]] and not after)
            # 「占支出总计的比例」, 「占总预算」: only generic words, not the whole's own name — another whole
            spoken = re.sub(r"的|整体|全部|总体", "", _SHARE_WORDS.sub("", q[zhan:]).lstrip("占")) if zhan >= 0 else ""
            alone = alone or bool(not after and spoken and spoken not in st.whole.label)
            if not st.whole.value or zhan < 0 or alone or (after and max((common_run(t, after) for t in st.topic.split("|")
                                                                if t), default=0) < 2):
                return None  # 「占…的比例」 of another whole than the sentence's
            r = arith.share(part.value, st.whole.value)
            return _ans(question, f"{part.label}占{st.whole.label}的 {arith.fmt(r.value)}%", said, r.value, "%",
                        r.formula, cite)
        alike = _ALIKE.get(part.unit, part.unit)
        if W.DIFF.search(q) or W.MULTIPLE.search(q) or W.COMPARE.search(q) or W.RANK.search(q) or \
                arith.is_money(part.unit) or not re.search(rf"(?:多少|几)\s*(?:{alike})|(?:{alike})(?:数|数量)?(?:是|为|有)?(?:多少|几)", q):
            return None  # an amount named alone is the tables' (and the narrative figures') to give
        return _ans(question, f"{part.label}为 {arith.with_unit(part.value, part.unit)}", said, part.value,
                    part.unit, None, cite)
    core = _GENERIC.sub("", st.whole.label)  # 「政府采购安排了多少钱」: a whole no table prints, asked by its name
    alone = not tabled and len(core) >= 4 and core in q and re.search(r"多少|金额|几", q) and not _beyond(q, st.whole)
    if (whole_named or alone) and len(st.parts) >= 2 and any(x.key != x.label for x in st.parts) and \
            (alone or _WHOLE_ASK.search(st.whole.label) or _WHOLE_ASK.search(q.replace(st.whole.label, "|"))) and \
            not (W.DIFF.search(q) or W.MULTIPLE.search(q) or _SHARE.search(q)):
        return _ans(question, f"{st.whole.label}为 {arith.with_unit(st.whole.value, unit)}", said, st.whole.value,
                    unit, None, cite)
    return None


# A clause's end: what the question asks before it is asked on its own.
_CLAUSE_END = re.compile(r"[？?；;，,。]")
# A clause that computes between figures (差, 倍, 占) asks no figure of its own.
_OPERATES = re.compile(r"占|比例|比重|倍|差|相比|比.{0,8}(?:多|少|高|低)")


def asked_first(q: str, at: int) -> str:
    """The clauses before ``at`` (where the first part is named) when they ask a figure of their own and the
    clauses from ``at`` on ask each part's (「三公经费一共多少？其中出国花多少？」) — "" otherwise: a clause
    computing between figures (占, 倍, 差), or a sum asked after the parts, asks no figure of each."""
    ends = [m.end() for m in _CLAUSE_END.finditer(q, 0, at)]
    if not ends:
        return ""
    lead, rest = q[:ends[-1]], q[ends[-1]:]
    if not re.search(r"多少|几", lead) or _OPERATES.search(lead) or _OPERATES.search(rest) or \
            not re.search(r"多少|几|各|分别", rest) or W.SUM.search(rest) or W.COMPARE.search(rest):
        return ""
    return lead


def _whole_first(q: str, st: Stated, at: int) -> str:
    """The whole's name when the question asks the whole in clauses of their own before the first part it names
    (「有几辆车？其中特种专业技术用车几辆？」, 「政府采购一共花了多少？货物、工程、服务各是多少？」), and the
    clauses after ask each part's figure — "" otherwise. The lead clauses are about the sentence's topic: they
    share two characters with it, or count in the whole's counter (「几辆车」 of 「共有车辆17辆」)."""
    if not st.whole.label or not st.whole.value and not st.parts:
        return ""
    lead = asked_first(q, at)
    if not lead:
        return ""
    alike = _ALIKE.get(st.whole.unit, st.whole.unit)
    topic = max((common_run(_WEAK.sub("", t), lead) for t in st.topic.split("|") if _WEAK.sub("", t)), default=0)
    counted = not arith.is_money(st.whole.unit) and re.search(rf"(?:多少|几)\s*(?:{alike})", lead)
    return st.whole.label if topic >= 2 or counted else ""


def _unprinted(q: str, named: list[tuple[int, Part]], st: Stated) -> list[str]:
    """The items of the question's list 「货物、工程、服务」 the sentence prints no part for: said alike with the
    parts it names (as long as their words, between 、), they are missing from the sentence — never read as 0."""
    first, last = named[0], named[-1]
    if q[first[0] + len(first[1].key):first[0] + len(first[1].key) + 1] != "、" and \
            q[last[0] - 1:last[0]] != "、":
        return []
    size = len(first[1].key)
    items = []
    m = re.match(rf"((?:、[\u4e00-\u9fff]{{{size}}})+)(?=[^、]|$)", q[last[0] + len(last[1].key):])
    if m:
        items += m.group(1).split("、")[1:]
    m = re.search(rf"((?:[\u4e00-\u9fff]{{{size}}}、)+)$", q[:first[0]])
    if m:
        items += m.group(1).split("、")[:-1]
    known = [x.key for x in st.parts] + [x.label for x in st.parts]
    return [i for i in items if i and not any(i in k for k in known) and not re.search(r"哪|几|多|少|各", i)]


def _ranked_named(question, parts: list[Part], less: bool, unit: str, said: str, cite,
                  missing: list[str] = ()) -> Answer | None:
    """The parts a question names ranked, each as the sentence prints it; a tie at the top has no one answer. A
    part asked that the sentence does not print is said to be missing, the ranking being among the printed."""
    order = sorted(parts, key=lambda x: x.value, reverse=not less)
    if order[0].value == order[1].value:
        return None
    best = order[0]
    note = f"；文中没有单列“{'、'.join(missing)}”，未计入排序" if missing else ""
    text = (f"{best.label}{'最少' if less else '最多'}：{arith.with_unit(best.value, unit)}"
            f"（{'；'.join(f'{x.label} {arith.with_unit(x.value, unit)}' for x in parts)}{note}）")
    return _ans(question, text, said, best.value, unit, (" < " if less else " > ").join(arith.fmt(x.value) for x in order),
                cite)


def _shown(label: str) -> str:
    """A label as said in the answer: an empty bracket left where a unit's name was taken out dropped."""
    return re.sub(r"[（(]\s*[）)]", "", label).strip()


# 「政府采购打算花多少钱」: an intention and a spending verb ask how much; they name nothing beyond the whole.
_SPENDING = re.compile(r"(?:打算|准备|计划|预计|要|能|会|需要|可以)?(?:花费|花|开支|开销)(?:掉|了)?")


def _beyond(q: str, whole: Part) -> str:
    """The question's words the whole's name does not hold (「授予大型企业」 of 「政府采购授予大型企业的合同金额」): a
    question naming more than the whole is about something else, never answered with the whole's figure."""
    from . import labelled
    before, after, _ = labelled.item(q)
    _, left = labelled.cover(before + "|" + after, whole.label)
    missing = labelled.missing(_GENERIC.sub("", _SPENDING.sub("", re.sub(r"实际|执行数?|一共|总共", "", left))))
    return missing if labelled.weight(missing) >= 2 else ""


def _ans(question, text, said, value, unit, formula, cite) -> Answer:
    calc = f"。计算：{formula}" if formula else ""
    return Answer(question, ANSWERED, f"{text}{calc}。{said}", value, unit, formula, [cite])


def ranked(question: str, q: str, doc) -> Answer | None:
    """「管养维护项目里哪一块费用最多」: the parts of the whole the question names, as its sentence states them,
    ranked — never the other projects of a table. Only where the question names no part and the parts are
    money adding up to no more than the whole."""
    if not W.RANK.search(q):
        return None
    for st in statements(doc):
        core = _GENERIC.sub("", st.whole.label)
        if len(core) < 4 or st.whole.label not in q or len(st.parts) < 2 or _named(q, st) or \
                not arith.is_money(st.whole.unit) or sum(x.value for x in st.parts) > st.whole.value:
            continue
        less = bool(re.search(r"最(?:少|低|小)", q))
        order = sorted(st.parts, key=lambda x: x.value, reverse=not less)
        best = order[0]
        if len(order) > 1 and order[1].value == best.value:
            return None
        cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, st.passage.page, st.sentence,
                        section=st.passage.section)
        said = f"文中说明：“{st.sentence.strip()}”（{st.passage.section}，第{st.passage.page}页）"
        calc = (" < " if less else " > ").join(arith.fmt(x.value) for x in order)
        text = (f"{st.whole.label}中{'最少' if less else '最多'}的是{best.label}：{arith.with_unit(best.value, best.unit)}"
                f"（排序：{'；'.join(f'{i + 1}. {x.label} {arith.with_unit(x.value, x.unit)}' for i, x in enumerate(order))}）")
        return Answer(question, ANSWERED, f"{text}。{said}", best.value, best.unit, calc, [cite])
    return None
