"""Year-on-year statements of the narrative, read for the family of phrasings the disclosures use:

    2026 年收入预算 5,876.67 万元，比上年执行数增加 48.92 万元，增长 0.8%
    与上年相比收入总计、支出总计均增加 789,183.4 万元，增长 46.66%
    比 2025 年年初预算数 44021.20 万元增加 148.16 万元
    2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%
    （1）科学技术支出（类）…（项）28.00 万元，主要用于…。比上年执行数减少 113.53 万元
    会议费 32 万元，较上年减少 14.2 万元（44.38%）

Each statement becomes a ``ChangeFact``: what changed (as the text names it), the change (signed, in the
sentence's unit), the rate, this year's and last year's figure where the text states them, and what the
year is compared with (执行数, 年初预算, 预算, 决算数; None: just 上年). Nothing is computed here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest.model import Passage

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(rf"(?P<num>{NUM})(?P<unit>万元|亿元|元)")
_VERB = re.compile(r"增加|减少|增长|下降|降低|上升|提高|减|持平|无变化|没有变化|未变化|(?<=上年)一致|(?<=上年)相同|(?<=上年度)一致")
_UP = ("增加", "增长", "上升", "提高")
# What the year is compared with: 上年, 2025年, 上年执行数, 2025年年初预算数 44021.20万元, 2023年度 … or 同比.
_COMPARATOR = re.compile(r"(?:与|较|比|对比)(?=(?:上年|去年|上一年|同期|20\d{2}|年初|预算|执行|决算))|同比")
_PRIOR_WORDS = re.compile(r"上年|去年|上一年|同期|20\d{2}")
_REASON = re.compile(r"原因|由于")
_RATE_AFTER = re.compile(rf"^[，,]?(?:增长|下降|降低|减少|上升|增幅|减幅|降幅|涨幅|增长率|下降率)(?:为|了)?(?P<num>{NUM})%")
_RATE_PAREN = re.compile(rf"^[（(](?:增长|下降|降低|减少|增幅|减幅|降幅)?(?P<num>{NUM})%[）)]")
_CLAUSE_BREAK = re.compile(r"[，；：:、。]|,(?!\d{3})")
# 「（10）」「3、」「第一，」 and the circled 「⑥」 of a list inside an item
_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|第[一二三四五六七八九十]+[，、]|[\u2460-\u2473])+")
_CODE = re.compile(r"[（(]\d{3,}[）)]")
_YEAR = re.compile(r"^.*?20\d{2}年(?:度)?")
_LEAD = re.compile(r"^(?:其中|另外|此外|同时|包括|主要|相应|全年|本部门|本单位|我部门|我单位|我厅|我局|我委|部门|单位|本级|当年|本年|今年|年度|度|年|的)+")
_TAIL = re.compile(r"(?:均为|各为|共计|合计|总额为|金额为|预算数为|预算安排|安排|预算为|为|是|达|数为|分别为)+$")
_GENERIC = re.compile(r"^(?:上年|去年|当年|本年|年初|预算|决算|执行数|执行|安排|数|为|年|度|金额|合计|共计|资金|的|其中|)+$|"
                      r"^(?:支出|收入)?(?:决算|执行)数?$|^(?:决算|执行)(?:支出|收入)$")
# An amount whose label is a comparison or a change ("比上年减少 N 万元") is no figure of either year.
_CHANGE_LABEL = re.compile(r"(?:增加|减少|增长|下降|降低|上升|提高|减)(?:了|为)?$|(?:与|较|比|同比)(?:上年|去年|上一年|20\d{2})")


# A change restated without a part: 「扣除中央基建后」「剔除一次性项目后」「不含基建投资」
_DEDUCTED = re.compile(r"(?:扣除|剔除|扣减|除去|不含|不考虑)[^，,、]{1,16}?(?:后|以后|外|因素)?")


def _whole(name: str) -> str:
    """「财政拨款收支总决算 20727.53 万元。与2023年度相比，财政拨款收、支总计各增加…」: one whole."""
    return re.sub(r"总(?:决算|预算)数?$|总额$", "总计", name)


@dataclass(frozen=True)
class ChangeFact:
    subject: str  # what changed, as the narrative names it
    change: Decimal | None  # signed (> 0 an increase), in ``unit``; None when only a rate is stated
    current: Decimal | None  # this year's figure where the narrative states it with the change
    sentence: str
    passage: Passage
    rate: Decimal | None = None  # signed percentage the text states
    prior: Decimal | None = None  # last year's figure where the text states it
    basis: str | None = None  # 执行数, 年初预算, 预算, 决算数 — None: "上年" unqualified
    unit: str = "万元"


@dataclass
class _Amount:
    start: int
    end: int
    value: Decimal | None  # None: a heading naming what the next sentences are about
    unit: str
    names: list[str]  # cleaned labels (several: "收入总计、支出总计均为 N")
    raw_label: str


def clean_subject(text: str) -> str:
    text = re.sub(r"[“”\"]", "", text.strip()).lstrip("）)")
    if "（" in text and "）" not in text[text.rindex("（"):]:
        text = text[text.rindex("（") + 1:]  # an aside opened and not closed: what it names
    text = _NUMBERING.sub("", text)
    text = _CODE.sub("", text)
    if re.search(r"20\d{2}年", text):
        head = _YEAR.match(text)
        before, rest = re.sub(r"20\d{2}年(?:度)?$", "", head.group()), text[head.end():]
        # 「公务用车运行维护费2026年预算数」: the thing named before the year, the year's stage word after it
        named = re.fullmatch(r"[\u4e00-\u9fff（）()“”]{2,60}", before.strip()) and \
            not re.search(r"(?:局|厅|委员会|委|办公室|部|院|中心|街道办事处|政府|本级|部门|单位|截至|截止|[省市区县])$", before.strip())
        text = before if named and _GENERIC.match(_TAIL.sub("", _LEAD.sub("", rest))) else rest
    text = re.sub(r"^[^，。；]*?(?:局|厅|委员会|委|办公室|部|院|中心|街道办事处|政府)(?=\d{4}|本级|（本级）)", "", text)
    text = re.sub(r"[（(]本级[）)]", "", text)
    for _ in range(2):
        text = _LEAD.sub("", text.strip("，,：:、 "))
        text = _TAIL.sub("", text)
        text = re.sub(r"(?:较|比|同比|与|各|均|分别)$", "", text)
    return text.strip("，,：:、 ")


def _names(label: str) -> list[str]:
    """"2022年度收入总计、支出总计均为" → [收入总计, 支出总计]; "其中：工资福利支出（301）" → [工资福利支出]."""
    shared = re.search(r"(?:均为|各为|都为|分别为|均|各)$", label)
    parts = label.split("、") if shared else [label.split("、")[-1]]
    names = [clean_subject(p) for p in parts]
    names = [n for n in names if n]
    if len(names) > 1:  # "财政拨款收入总计、支出总计": the first's qualifier is the others' too
        names = _share_prefix(names)
    return names


def _share_prefix(names: list[str]) -> list[str]:
    first = names[0]
    m = re.search(r"收入|支出|收支", first)
    if m and m.start() > 0 and all(re.match(r"收入|支出|收支", n) for n in names[1:]):
        prefix = first[: m.start()]
        return [first] + [prefix + n for n in names[1:]]
    return names


def _amounts(s: str, every: bool = False) -> list[_Amount]:
    out = []
    for m in _AMOUNT.finditer(s):
        left = max([b.end() for b in _CLAUSE_BREAK.finditer(s, 0, m.start())] + [0])
        raw = s[left:m.start()]
        # "…收入总计、支出总计均为": the list before the amount is one label
        if re.search(r"(?:均为|各为|都为|均|各)$", raw):
            left2 = max([b.end() for b in re.finditer(r"[，；：:。]|,(?!\d{3})", s[:m.start()])] + [0])
            raw = s[left2:m.start()]
        if _CHANGE_LABEL.search(raw) and not every:
            continue
        out.append(_Amount(m.start(), m.end(), Decimal(m.group("num").replace(",", "")), m.group("unit"),
                           _names(raw), raw))
    return out


def _is_prior_label(raw: str, prior_year: str | None) -> bool:
    if re.search(r"上年|去年|上一年", raw) and not re.search(r"上年结转|上年结余", raw):
        return True
    return bool(prior_year and re.search(prior_year + r"\s*年", raw))


def _basis(obj: str) -> str | None:
    if "执行" in obj:
        return "执行数"
    if "年初预算" in obj:
        return "年初预算"
    if "决算" in obj:
        return "决算数"
    if "预算" in obj:
        return "预算"
    return None


def _split(text: str) -> list[str]:
    text = re.sub(r"(?<![\d.])\s+|\s+(?![\d.])", "", text)
    text = text.replace("收、支", "收支").replace("收入、支出总计", "收入总计、支出总计")
    text = re.sub(r"收入、支出(?=(?:预算)?(?:总计|总额|合计|预算))", "收支", text)
    text = re.sub(r"[（(]其中[^（）()]*?[）)]", "", text)  # "（其中：…）" lists parts; the sentence is about the whole
    return [s for s in re.split(r"[。；;！？!?\n]", text) if s.strip()]


def _section_subject(p: Passage) -> str:
    last = (p.section or "").split("/")[-1].strip()
    name = clean_subject(re.sub(r"（详见.*?）|\(详见.*?\)", "", last))
    return "" if _GENERIC.match(name) or re.search(r"情况|说明|部分|概况", name) else name


def _facts_of(sentences: list[str], p: Passage, inner: bool = False) -> list[ChangeFact]:
    facts: list[ChangeFact] = []
    earlier: list[_Amount] = []  # labelled amounts of the passage's earlier sentences
    for s in sentences:
        amounts = _amounts(s)
        reason = _REASON.search(s)
        pos = 0
        last: ChangeFact | None = None
        for v in _VERB.finditer(s):
            if v.start() < pos or (reason and v.start() > reason.start()):
                continue
            after = s[v.end():]
            am = re.match(rf"(?:了|为)?(?P<num>{NUM})(?P<unit>万元|亿元|元|%)", after)
            still = v.group() in ("持平", "无变化", "没有变化", "未变化", "一致", "相同")
            if not am and not still:
                continue
            if still and s[max(0, v.start() - 2):v.start()].endswith("基本"):
                continue  # "与上年基本持平": a comment, not a figure
            seg_start = last_end = pos
            comp = None
            for c in _COMPARATOR.finditer(s, seg_start, v.start()):
                comp = c
            if comp is None:
                # "基本支出增加 20.64 万元": a subject right before the verb, no comparison named
                clause = s[max([b.end() for b in _CLAUSE_BREAK.finditer(s, last_end, v.start())] + [last_end]):v.start()]
                subject = clean_subject(clause)
                if not am or am.group("unit") == "%" or len(subject) < 2 or _GENERIC.match(subject) or \
                        _AMOUNT.search(clause):
                    continue
                sign = -1 if v.group() not in _UP else 1
                value = Decimal(am.group("num").replace(",", "")) * sign
                facts.append(ChangeFact(subject, value, None, s, p, unit=am.group("unit")))
                pos = v.end() + am.end()
                continue
            obj_end = s.find("相比", comp.end(), v.start())
            obj = s[comp.end():obj_end if obj_end >= 0 else v.start()]
            if comp.group() != "同比" and not _PRIOR_WORDS.search(obj):
                pos = v.end()
                continue  # "决算数较预算数减少": the year's own budget, not last year
            prior_year = next(iter(re.findall(r"(20\d{2})", obj)), None)
            basis = _basis(obj)
            prior = None
            unit = am.group("unit") if am and am.group("unit") != "%" else None
            in_obj = [a for a in _amounts(s, every=True) if comp.end() <= a.start < (obj_end if obj_end >= 0 else v.start())]
            if in_obj:
                prior, unit = in_obj[-1].value, unit or in_obj[-1].unit
            subjects: list[str] = []
            current = None
            if obj_end >= 0:  # "与上年相比，收入总计、支出总计均增加"
                after_names = s[obj_end + 2:v.start()].strip("，,")
                if after_names:
                    subjects = _names(after_names + ("均" if "、" in after_names else ""))
                    # "财政拨款收入总计、支出总计均为 N，与上年相比收入总计、支出总计均增加": the fuller label
                    labels = [n for a in amounts if a.end <= comp.start() for n in a.names]
                    subjects = [next((m for m in labels if m.endswith(n) and m != n), n) for n in subjects]
            if not subjects:
                head_start = max([b.end() for b in _CLAUSE_BREAK.finditer(s, 0, comp.start())] + [0])
                head = s[head_start:comp.start()]
                if head and not _AMOUNT.search(head):
                    subjects = [n for n in _names(head) if not _GENERIC.match(n)]
            before = [a for a in amounts if a.end <= comp.start()]
            priors = [a for a in before if _is_prior_label(a.raw_label, prior_year)]
            if priors and prior is None:
                prior, unit = priors[-1].value, unit or priors[-1].unit
            nows = [a for a in before if a not in priors]
            if not subjects and nows:
                near = nows[-1]
                current, unit = near.value, unit or near.unit
                subjects = [n for n in near.names if not _GENERIC.match(n)]
            if not subjects:  # the item was named in an earlier sentence, or in the heading above
                named = [a for a in earlier if any(not _GENERIC.match(n) for n in a.names)]
                if named:
                    subjects = [n for n in named[-1].names if not _GENERIC.match(n)]
                    if current is None and named[-1].value is not None:
                        current, unit = named[-1].value, unit or named[-1].unit
                elif _section_subject(p) and not inner:
                    subjects = [_section_subject(p)]
            if not subjects:
                pos = v.end()
                continue
            if last is not None and len(subjects) == 1 and _DEDUCTED.fullmatch(subjects[0]):
                # 「…比2025年执行数减少20,766.6万元，扣除中央基建后比2025年执行数增加2,775.6万元」: the same
                # subject's change stated again without a part, the part said as the subject's qualifier
                subjects = [f"{last.subject}（{subjects[0]}）"]
                current = None
            if current is None and len(subjects) >= 1:  # "…支出2940.05万元。与2023年度相比，…支出减少"
                same = [a for a in earlier + nows if a.value is not None and subjects[0] in a.names or
                        any(_whole(n).endswith(_whole(subjects[0])) for n in a.names)]
                if same:
                    current, unit = same[-1].value, unit or same[-1].unit
            sign = -1 if v.group() not in _UP else 1
            change = rate = None
            end = v.end()
            if still:
                change, rate = Decimal(0), Decimal(0)
            elif am.group("unit") == "%":
                rate = Decimal(am.group("num").replace(",", "")) * sign
                end = v.end() + am.end()
            else:
                change = Decimal(am.group("num").replace(",", "")) * sign
                end = v.end() + am.end()
                r = _RATE_AFTER.match(s[end:]) or _RATE_PAREN.match(s[end:])
                if r:
                    rate = Decimal(r.group("num").replace(",", "")) * (sign if change else 1)
                    end += r.end()
            for subject in dict.fromkeys(subjects):
                last = ChangeFact(subject, change, current if len(subjects) == 1 or current is None else current,
                                  s, p, rate=rate, prior=prior, basis=basis, unit=unit or "万元")
                facts.append(last)
            if len(subjects) > 1 and {n[-4:] for n in subjects} == {"收入总计", "支出总计"}:
                prefix = subjects[0][:-4]
                facts.append(ChangeFact(prefix + "收支总计", change, current, s, p, rate=rate, prior=prior,
                                        basis=basis, unit=unit or "万元"))
            pos = end
        earlier += amounts
        head = re.fullmatch(r"(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．])+([^，,：:]{2,20}?)[：:]?", s)
        if not amounts and head and not _VERB.search(s):  # "2.公务接待费": a heading, the next sentences' subject
            earlier.append(_Amount(0, 0, None, "", [clean_subject(head.group(1))], head.group(1)))
    return facts


def change_facts(passages: list[Passage]) -> list[ChangeFact]:
    facts: list[ChangeFact] = []
    for p in passages:
        text = p.text
        # An aside in brackets with changes of its own ("（公务用车购置费0万元，比上年减少70万元；…）") is read
        # on its own and taken out of the text.
        for aside in re.findall(r"[（(]([^（）()]*?(?:增加|减少|持平)[^（）()]*?)[）)]", text):
            if _AMOUNT.search(re.sub(r"\s+", "", aside)):
                facts += _facts_of(_split(aside), p, inner=True)
                text = text.replace(aside, "")
        text = re.sub(r"[（(]\s*[）)]", "", text)
        facts += _facts_of(_split(text), p)
    return facts
