"""Counts the narrative states: 「内设机构 13 个」, 「实有车辆 15 辆」, 「公务接待 10 批次」, 「纳入编制范围的
预算单位 2 家」. A count question about something no table lists is answered with the number the text
prints beside the words the question uses, the sentence quoted and cited; never a number guessed. Equivalent
measure words (辆/台, 个/家) are read alike; the answer keeps the text's own.

The units a budget covers (预算单位) are also read where the text lists them instead of counting them: 「本部
以及下属 1 家预算单位」 (1 + 1), 「下属单位具体包括：A、B」, 「部门预算包括：A和B」, or 「编制范围的单位…见下表」 with
the table under it — each counted item named and cited.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from .answer import ANSWERED, Answer, Citation
from .documents import department_names
from .vocab import common_run

_WORDS = "个|家|辆|台|人次|人|名|张|处|所|篇|册|期|批次|次|座|平方米"
# 「哪几家」「哪几个」 ask which ones (a list), not how many: no count answers them.
_ASK = re.compile(rf"(?<!哪)(?:多少|几)\s*({_WORDS})")
_WHICH_UNITS = re.compile(r"哪几\s*(家|个)|哪些")
_PEOPLE = re.compile(r"(?:人员|人数)(?:有|是|共有|一共)?(?:多少|几)()(?!钱|经费|万|元)")
_ALIKE = {"辆": ("辆", "台"), "台": ("台", "辆"), "个": ("个", "家"), "家": ("家", "个"), "人": ("人", "名"),
          "名": ("名", "人"), "次": ("次", "批次"), "批次": ("批次", "次")}
# Words of a count question that say nothing about what is counted.
_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|预算|决算|一共|总共|共有|共|现在|目前|里说|里面|里|中|"
                      rf"说|是|的|了|吗|呢|(?:多少|几)\s*(?:{_WORDS})?|[？?，,。（）()]")
# What is counted in a table or a section instead (the engine's own counts).
_NOT_STATED = re.compile(r"科目|类级|款级|项级|绩效|项目|明细|指标|职责|职能(?!机构)|方面")
# What the narrative calls a thing a question names in one word: 「几辆车」 is 「共有车辆 66 辆」 or 「公务用车…保有量
# 15 辆」; 「处室」 is printed 「处（室）」. Data, not branches: a new wording is a line here.
COUNTED: dict[str, tuple[str, ...]] = {
    "车": ("车辆", "公务用车", "保有量", "用车"),
    "处室": ("内设", "处室", "机构"),
    "机构": ("内设", "机构"),
    "接待": ("公务接待", "接待"),
}
# A count of what is held now (共有, 实有, 截至 …) is not one of what the budget will buy (购置车辆 1 辆).
_STOCK = re.compile(r"共有|实有|现有|保有|截至|截止|年末|年底")
_PURCHASE = re.compile(r"购置|购买|采购|新增|买")
_AS_OF = re.compile(r"(?:截至|截止|到)\s*((?:19|20)\d{2})\s*年\s*(?:底|末|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)")


def counts_things(q: str) -> bool:
    """Does the question count things no money table measures (几辆, 多少台, 几批次)?"""
    m = _ASK.search(q)
    return m is not None and m.group(1) in ("辆", "台", "批次", "人次", "人", "名", "平方米")


def as_of(q: str) -> str:
    """The question without a date it gives a stock as of (「截至2025年底」): a 2026 budget states the
    department's cars as of the end of 2025, which is no question about the year before."""
    return _AS_OF.sub("", q)


def count(question: str, q: str, doc, measures=()) -> Answer | None:
    m = _ASK.search(q) or _PEOPLE.search(q)  # 「离退休人员有多少」 counts people without saying 人
    if m is None and _WHICH_UNITS.search(q) and "单位" in q and not _NOT_STATED.search(q):
        return units(question, q, doc)  # 「预算单位有哪几家」: the units the text names (counted as it names them)
    if m is None or _NOT_STATED.search(q):
        return None
    word = m.group(1) or "人"
    if measures and not _narrative_count(q, word, doc, measures):
        return None
    if re.search(r"单位", q) and word in ("个", "家"):
        ans = units(question, q, doc)
        if ans is not None:
            return ans
    units_ = _ALIKE.get(word, (word,))
    rest = q
    for name in sorted(department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        rest = rest.replace(name, "|")
    keys = [k for k in _GENERIC.sub("|", rest).split("|") if len(k) >= 2]
    own = [k for k in keys if len(k) >= 3]  # the question's own words for what is counted
    keys += [w for k, words in COUNTED.items() if k in q for w in words]
    if not keys:
        return None
    # 「房屋70,193.21平方米」: an area as printed, thousands and decimals
    number = re.compile(rf"(\d[\d,]*(?:\.\d+)?)\s*({'|'.join(sorted(units_, key=len, reverse=True))})")
    buying = bool(_PURCHASE.search(q))
    held = bool(_STOCK.search(q)) and not buying  # 「截至2022年末…有多少台」: what is held, never what was bought
    best, best_score = None, 1
    for p, sentence in _sentences(doc):
        stock = bool(_STOCK.search(sentence)) and not (buying or _PURCHASE.search(sentence[:30]))
        for n in number.finditer(sentence):
            around = sentence[max(0, n.start() - 20):n.end() + 12]
            window = re.sub(r"[（）()\s]", "", around)
            # 「单价100万元（含）以上设备（不含车辆）901台」: an aside in brackets does not part the words the
            # question says together (单价100万元以上的设备)
            bare = re.sub(r"[（(][^（）()]{0,6}[）)]|\s", "", sentence[max(0, n.start() - 30):n.start()])
            run = max(max(common_run(k, window), common_run(k, bare)) for k in keys)
            score = run + (1 if stock else 0) + (1 if n.group(2) == word else 0)
            if not buying and _PURCHASE.search(window):
                score -= 4 if held else 2  # 「购置公务用车5辆」 counts what was bought, not what the department has
            elif buying and _PURCHASE.search(window):
                score += 1  # 「计划购置几辆车」: what the budget buys, not what is held
            score += _attached(sentence, n, own, q)  # 「执法执勤用车4辆、特种专业技术用车6辆」: the kind asked
            if n.group(2) == "平方米" and not _area_named(sentence, n, keys):
                continue  # 「房屋70,193.21平方米」 answers an area of 房屋, never 「土地有多少平方米」
            if score > best_score:
                best, best_score = (p, sentence, n), score
    if best is None:
        return None
    p, sentence, n = best
    value, unit = Decimal(n.group(1).replace(",", "")), n.group(2)
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence.strip(),
                    section=p.section)
    printed = ""
    if word == "辆" and unit == "台":  # 「共有车辆 27 台」 asked in 辆: vehicles are counted in 辆, the same 27
        unit, printed = "辆", f"（文中记作“{n.group(1)} 台”）"
    text = f"文中说明：“{sentence.strip()}”，即 {n.group(1)} {unit}{printed}（{p.section}{f'，第{p.page}页' if p.page else ''}）"
    return Answer(question, ANSWERED, text, value, unit, None, [cite])


def _attached(sentence: str, n, own: list[str], q: str) -> int:
    """The words right before the number (「购置车辆 1 辆」) or right after it (「0 辆公务用车」): +2 where they
    name what the question counts in its own words, -1 where they name a kind (公务用车, 特种专业技术用车) the
    question does not ask about. Of two counts in one sentence, the one of the kind asked."""
    before = re.search(r"[\u4e00-\u9fff]{1,10}$", re.sub(r"\s", "", sentence[:n.start()]))
    after = re.match(r"\s*([\u4e00-\u9fff]{1,8})", sentence[n.end():])
    words = [w for w in (before.group() if before else "", after.group(1) if after else "") if w]
    if any(common_run(k, w) >= 4 for k in own for w in words):
        return 2
    kinds = [k for word, ks in COUNTED.items() if word in q for k in ks[1:]]  # ks[0]: the general word
    return -1 if any(k in w and k not in q for k in kinds for w in words) else 0


def _area_named(sentence: str, n, keys: list[str]) -> bool:
    """An area is some thing's area: the words printed right before it (「房屋」 in 「分布构成情况为：房屋70,193.21
    平方米」) must be the thing the question names. A count of cars is of cars whatever the words around say; an
    area has no such word of its own, so a label the sentence does not print is not guessed."""
    before = re.search(r"[\u4e00-\u9fff]{1,10}$", re.sub(r"\s", "", sentence[:n.start()]))
    label = before.group() if before else ""
    return bool(label) and any(common_run(k, label) >= 2 for k in keys)


def _narrative_count(q: str, word: str, doc, measures) -> bool:
    """A question that names a table line ("公务用车", "公务接待") but counts what no money table counts (辆,
    批次): the narrative's count — unless a table prints that line's quantity (固定资产 车辆 数量)."""
    if word in ("个", "张", "处", "所", "篇", "册", "期", "座"):
        return bool(re.search(r"单位|机构|处室", q)) and not _institutions_table(doc)
    if word in ("家",):
        return not _institutions_table(doc)
    from .tables import Measure, candidates
    for m in measures:
        if m.rows and any(not c.cell.blank for c in candidates(doc, Measure(m.rows, "数量", m.text, 0), None)):
            return False
    return True


def _institutions_table(doc) -> bool:
    return any(t.kind == model.INSTITUTIONS and t.rows for t in doc.tables)


def _sentences(doc):
    """(passage, sentence) in reading order; a passage cut mid-sentence by the layout (「…编制范」 | 「围的单位
    包括：」) is read joined to the next."""
    carry = None
    for p in doc.passages:
        text = p.text
        if carry is not None and carry.page == p.page:
            text = carry.text + text
            p = carry.__class__(carry.ordinal, carry.section, text, carry.page)
        carry = p if text and not re.search(r"[。；;：:！？!?）)]\s*$", text) and len(text) < 300 else None
        for sentence in re.split(r"[。；;]", text):
            if sentence.strip():
                yield p, sentence


# --- the units a budget covers -----------------------------------------------------------------------

_SUB = re.compile(r"(本部|本级|机关)[^，。；]{0,6}?(?:以及|和|及|、)\s*(?:下属|所属)\s*(\d+)\s*(家|个)")
# The count stated whole: 「纳入2022年度本部门决算编制范围的单位共28个」.
_TOTAL = re.compile(r"(?:纳入|列入)[^，。；]{0,40}?(?:编制范围|汇总)[^，。；]{0,10}?单位\s*(?:共有|共计|共|合计|有|为)\s*(\d+)\s*(家|个)")
_LISTED = re.compile(r"包括[:：]|具体包括[:：]?|具体有[:：]|分别是[:：]?|分别为[:：]?")
_TABLE_BELOW = re.compile(r"见下表|如下表|详见下表|包括[:：]\s*$")
_UNIT_NAME = re.compile(r"局|委|办|院|所|站|中心|部|室|队|馆|处|会|校|本级|单位")


_UNIT_KIND = re.compile(r"(?<![非])(?:行政单位|事业单位|参公单位|参照公务员法管理的?事业单位|企业单位)")


def units(question: str, q: str, doc) -> Answer | None:
    """How many units the budget covers, from the text that names them."""
    subordinate = "下属" in q or "所属" in q
    dept = doc.document.department
    kind = _UNIT_KIND.search(q)
    if kind:  # 「有几家事业单位」: the count the text prints after that kind (「事业单位 4 家」), not all the units
        for p, sentence in _sentences(doc):
            m = re.search(rf"(?<![非])({kind.group(0)})\s*(\d+)\s*(家|个)", sentence)
            if m:
                return _quoted(question, doc, p, sentence, Decimal(m.group(2)), m.group(3),
                               f"即{m.group(1)} {m.group(2)} {m.group(3)}", None)
    found = []  # (score, answer)
    for p, sentence in _sentences(doc):
        if "单位" not in sentence and "包括" not in sentence:
            continue
        lead = sentence
        m = None if subordinate else _TOTAL.search(sentence)
        if m:
            found.append((_score(q, sentence) + 3, _quoted(question, doc, p, sentence, Decimal(m.group(1)),
                                                           m.group(2), f"即 {m.group(1)} {m.group(2)}", None)))
            continue
        m = _SUB.search(sentence)
        if m:
            n = int(m.group(2))
            value = n if subordinate else n + 1
            calc = None if subordinate else f"本部 1 + 下属 {n} = {n + 1}"
            said = f"即 {value} {m.group(3)}" + ("" if subordinate else f"（{calc}）")
            found.append((_score(q, sentence) + 2, _quoted(question, doc, p, sentence, Decimal(value),
                                                           m.group(3), said, calc)))
            continue
        listed = _LISTED.search(sentence)
        if listed and re.search(r"单位|编制范围|预算包括|决算包括", sentence[:listed.end()]):
            lead, tail = sentence[:listed.end()], sentence[listed.end():]
            items = _items(tail)
            if len(items) >= 2 and all(_UNIT_NAME.search(i) for i in items) and \
                    not all(re.search(r"^(本级|下属|所属)", i.replace(dept, "")) for i in items):
                word = _word(q)
                said = f"列出 {len(items)} {word}：" + "、".join(items)
                found.append((_score(q, lead), _quoted(question, doc, p, sentence, Decimal(len(items)), word, said,
                                                       f"计数 {len(items)}")))
                continue
        if _TABLE_BELOW.search(sentence) and re.search(r"单位", sentence):
            listed_rows = _table_below(doc, p)
            if listed_rows:
                table, names = listed_rows
                word = _word(q)
                cites = [Citation(doc.document.label, doc.document.doc_id, table.title, name, None, table.page, name,
                                  table_ordinal=table.ordinal) for name in names]
                cites.insert(0, Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page,
                                         sentence.strip(), section=p.section))
                text = (f"文中说明：“{sentence.strip()}”，下表列出 {len(names)} {word}：" + "、".join(names) +
                        f"（{table.title}，第{table.page}页）")
                found.append((_score(q, sentence) + 1, Answer(question, ANSWERED, text, Decimal(len(names)), word,
                                                               f"计数 {len(names)}", cites)))
    if not found:
        return None
    return max(found, key=lambda f: f[0])[1]


def _word(q: str) -> str:
    m = _ASK.search(q) or _WHICH_UNITS.search(q)
    return m.group(1) if m and m.group(1) else "个"


def _score(q: str, text: str) -> int:
    words = [w for w in ("编制范围", "预算单位", "下属单位", "所属单位", "单位构成", "部门预算包括", "部门决算包括")
             if w in q or w[:2] in q]
    return sum(common_run(w, text) for w in words) or 1


def _items(tail: str) -> list[str]:
    """「A（x、y）、B和C」 → [A（x、y）, B, C]: split at 、 and 和 outside brackets; numbering dropped."""
    tail = re.split(r"[，,。]", tail.strip())[0] if not re.search(r"\d[.、]", tail) else tail
    out, depth, cur = [], 0, ""
    for ch in tail:
        depth += ch in "（("
        depth -= ch in "）)"
        if depth == 0 and ch in "、和，,":
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    items = [re.sub(r"^\s*\d+[.、．]\s*|决算$|预算$", "", i).strip() for i in out]
    merged: list[str] = []
    for i in items:  # 「人力资源和社会保障局」: a piece that names no unit is joined to the next
        if merged and not _UNIT_NAME.search(merged[-1]):
            merged[-1] += "和" + i
        else:
            merged.append(i)
    return [i for i in merged if len(i) >= 2]


def _table_below(doc, p) -> tuple | None:
    """The unit list printed as a table right under a sentence: its rows' names; a list whose rows the reader
    took for header lines (numbering 「1/2/3」 over the names) is read from those lines."""
    below = [t for t in doc.tables if t.page is not None and p.page is not None and
             p.page <= t.page <= p.page + 1 and t.kind in (model.OTHER, model.INSTITUTIONS)]
    if not below:
        return None
    t = min(below, key=lambda t: (t.page, t.ordinal))
    names = [r.label for r in t.rows if r.label and _UNIT_NAME.search(r.label)]
    if names:
        return t, names
    paths = [c.path.split("/") for c in t.columns]
    for numbers, labels in zip(paths, paths[1:]):
        if len(numbers) >= 2 and numbers == [str(i) for i in range(1, len(numbers) + 1)] and \
                len(labels) == len(numbers) and all(_UNIT_NAME.search(x) for x in labels):
            return t, labels
    return None


def _quoted(question, doc, p, sentence, value, unit, said, calc) -> Answer:
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, sentence.strip(),
                    section=p.section)
    text = f"文中说明：“{sentence.strip()}”，{said}（{p.section}{f'，第{p.page}页' if p.page else ''}）"
    return Answer(question, ANSWERED, text, value, unit, calc, [cite])
