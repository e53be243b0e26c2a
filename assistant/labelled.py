"""A figure the narrative prints right after the label a question names: 「授予小微企业合同金额 1015.5 万元」,
「面向中小企业预留政府采购项目预算金额664.98万元」, 「房屋70,193.21平方米」, 「建安工程投资费用3000.00万元及以下的…
竣工决算审计由区财政局负责」, 「政府性基金预算财政拨款收入与上年同期相比，增加144.81%」.

The question is read as an item and an ask: the words before 「多少 / 几 / 百分之几」 (and, where the question goes
on — 「投资多少以下的基本建设项目由…负责」 — the words after it) against every figure of every passage: the words
printed between the figure and the figure before it in its sentence (its label), then the sentence and passage
before it (context, half weight), and, where the question goes on after its ask, the words printed after the
figure. A figure is taken only with the unit the question asks (平方米 is never money, % never an amount), its
label naming the item (most of the question's words, four characters or more of them in the label itself), and
no change word in its label unless a change is asked. No list of items: the question's own words are matched.
The figure is the passage's as printed (Decimal), quoted and cited with its section and page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .answer import ANSWERED, Answer, Citation

_NUM = r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_MONEY = ("万元", "亿元", "千元", "元")
_MEASURES = ("平方米", "平方公里", "公里", "公顷", "立方米", "千米", "米", "吨", "亩", "千瓦", "分")
# Counts the narrative's count sentences answer (stated.py) — asked in these units, a count is theirs.
_STATED = ("人次", "批次", "辆", "台", "套", "个", "家", "项", "人", "名", "户", "次", "件", "所", "座", "张", "天")
_COUNTS = (*_STATED, "条", "头", "艘", "架", "标箱")
_AREAS = ("平方米", "平方公里", "公顷", "亩")
_UNIT = "|".join(sorted((*_MONEY, *_MEASURES, *_COUNTS, "%", "％"), key=len, reverse=True))
# 「6600 万人次」, 「10.8 万头」: a count or measure printed in 万 or 亿 of its unit (never money: 万元 is a unit).
_FIGURE = re.compile(rf"{_NUM}\s*(?P<u>(?:[万亿](?!元))?(?:{_UNIT}))")
# A rate, not a total: 「人均月补贴90元」, 「30 元/月/平」 — what a question asks with 人均, 每人, 每月, 每平米.
_PER = re.compile(r"人均|每人|每名|每位|每户|每月|每年每|月均|每平方?米?|每平|单价|/月|/人|/平|/年")
_RATE_SAID = re.compile(r"人均|每|月均|单价|标准")
# A target a narrative sets (主要工作目标): 「力争…达 6600 万人次」; the words name no item.
_TARGET = re.compile(r"(?:大约|大概|约|差不多)?值(?=多少|几)|大约|大概|差不多|力争|争取|计划|打算|预计|目标是?|要求|今年|本年度?|当年|全年|一年|(?<![主重需只必])要(?![求素点])")
_SAY = {"平米": "平方米", "㎡": "平方米", "公斤": "千克", "％": "%"}
# The ask: where the figure stands in the question.
_ASK = re.compile(r"(?:是|为|有|达到?|共|一共|总共|合计)?(?:多少|几)(?P<u>平方米|平米|平方公里|公里|公顷|立方米|吨|亩|万元|亿元|元|钱|分(?![配摊担别类期批项成钟])"
                  rf"|万?(?:{'|'.join(sorted(_COUNTS, key=len, reverse=True))}))?"
                  r"|(?:是|有|达到?)?多(?:大|长|高|重|宽|深)|百分之几|百分之多少|多少个百分点|几个百分点")
_COUNT_ASK = re.compile(rf"(?:多少|几)\s*(万?(?:{'|'.join(sorted(_COUNTS, key=len, reverse=True))}))")
_SIZE_ASK = re.compile(r"多(?:大|长|高|重|宽|深)")
_MONEYISH = re.compile(r"金额|支出|经费|费用|资金|预算|收入|投资|钱|万元|元|拨款|成本|价|额")
_RATE_ASK = re.compile(r"百分之|百分点|%|增长率|增幅|降幅|减幅|下降率")
# What a question says that names no item: where it reads (说明里), its year, question words.
_FRAME = re.compile(r"^[^，,]*?(?:按|根据|按照|依据)[^，,]*[，,]|[，,；;：:]|(?:19|20)\d{2}\s*年度?|(?:部门)?(?:预算|决算)?(?:说明|公开)(?:里|中|显示)?|"
                    r"(?:预算|决算)?(?:里|中)(?:讲|说|提到?)的|(?:预算|决算)(?:里|中)|"
                    r"文中|正文(?:里|中)?|文件(?:里|中)?|请问|[？?。！!“”\"'\s]")
_WEAK = set("的了里中在是有为和与及其")
_CHANGE = re.compile(r"增加|减少|增长|下降|降低|上升|提高|压减|节约|增幅|减幅|降幅|比上年|较上年|上年|同比|相比")
_WHY = re.compile(r"为什么|为何|原因|用于|用途|依据")
_UP, _DOWN = re.compile(r"增加|增长|上升|提高|多"), re.compile(r"减少|下降|降低|压减|节约|少")


@dataclass
class Hit:
    value: Decimal
    number: str  # as printed
    unit: str
    label: str  # the words printed before it (back to the figure before it in its sentence)
    sentence: str
    passage: object
    near: int  # the question's characters the label (and, asked after the ask, the words after it) cover
    far: float  # … the sentence before the label covers (half weight) and the passage before it (quarter)
    covered: int  # … all of these cover
    wanted: int  # the question's item characters
    missing: str = ""  # the longest run of the question's words printed nowhere near it (「大型」 of 大型企业)
    follows: str = ""  # what is printed right after it (「/月/平」)

    @property
    def weight(self) -> float:
        return self.near + self.far


def asked_unit(q: str) -> str | None:
    """「多少平方米」 → 平方米; 「百分之几」 → %; 「几辆」 → 辆; an amount (多少钱, 金额, 支出, 投资) → 万元 (money of
    any unit); None: nothing said of what is measured."""
    if _RATE_ASK.search(q):
        return "%"
    counted = _COUNT_ASK.search(q)
    if counted:
        return counted.group(1)
    m = _ASK.search(q)
    said = m.group("u") if m else None
    if said and said not in ("万元", "亿元", "元", "钱"):
        return _SAY.get(said, said)
    if not said and _SIZE_ASK.search(q) and "面积" in q:
        return "面积"  # 「建筑面积多大」: an area in whatever unit the text prints it
    return "万元" if said or _MONEYISH.search(q) else None


def _base(u: str) -> str:
    u = _SAY.get(u, u)
    return u[1:] if u[:1] in "万亿" and u not in _MONEY else u  # 6600 万人次 is a count of 人次


def _same_unit(asked: str, printed: str) -> bool:
    printed = _SAY.get(printed, printed)
    if asked in _MONEY:
        return printed in _MONEY
    if asked == "面积":
        return printed in _AREAS
    if asked == "*":  # nothing said of what is measured: any figure but money and rates
        return printed not in _MONEY and printed != "%"
    return _base(printed) == _base(asked)


def _head(q: str) -> str:
    """The last two characters of what the question measures (建筑面积 → 面积, 「几条断头路」 → 头路)."""
    before, after, _ = item(q)
    said = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", after or before)
    said = re.sub(r"(?:是|为|有|达到?|的|呢|吗)+$", "", said)
    return said[-2:] if len(said) >= 2 else said or "|"


def per_asked(q: str) -> bool:
    """「人均每月补多少钱」, 「每平米每月租金」: a rate is asked, never a line's total."""
    return bool(_PER.search(q))


def rated(h: "Hit") -> bool:
    """The figure is printed as a rate: 「人均月补贴90元」, 「30 元/月/平」, 「补贴标准为每人每月…」."""
    return bool(_RATE_SAID.search(h.label[-30:])) or h.follows.lstrip().startswith("/")


def cover(said: str, text: str) -> tuple[int, str]:
    """How many of ``said``'s characters ``text`` prints in runs of two or more (longest first, each run of the
    text used once); and what of ``said`` is left uncovered ("|" where a run was)."""
    n, left, text = 0, said, text
    while True:
        best = ""
        for i in range(len(left) - 1):
            if len(left) - i <= len(best):
                break
            if "|" in left[i:i + 2] or left[i:i + 2] not in text:
                continue  # no run of two starts here (most places: this keeps the search linear)
            # A run in the text stays one when cut shorter: grow it while it is printed.
            j = i + 2
            while j < len(left) and left[j] != "|" and left[i:j + 1] in text:
                j += 1
            if j - i > len(best):
                best = left[i:j]
        if len(best) < 2:
            return n, left
        n += weight(best)
        left = left.replace(best, "|", 1)
        text = text.replace(best, "|", 1)


def item(q: str) -> tuple[str, str, re.Match | None]:
    """The question's words before its ask and after it, without its frame."""
    q = _FRAME.sub("", q)
    m = None
    for m in _ASK.finditer(q):
        pass  # the last ask: 「…是多少」
    if m is None:
        return q, "", None
    after = re.sub(r"^(?:的|呢|吗)+|(?:是多少|多少|呢|吗)$", "", q[m.end():])
    return q[:m.start()], after, m


def missing(left: str) -> str:
    runs = ["".join(ch for ch in run if ch not in _WEAK) for run in re.split(r"[|的了里中在是有为和与及其]", left)]
    return max(runs, key=weight, default="")


def weight(text: str) -> int:
    """The characters that name something: a Chinese character, a Latin letter or a digit, not a weak word."""
    return sum(1 for ch in text if ch not in _WEAK and ("\u4e00" <= ch <= "\u9fff" or ch.isascii() and ch.isalnum()))


class _Figure:
    """A figure of a passage as _FIGURE found it, with where its sentence starts (``left``)."""
    __slots__ = ("_m", "left")

    def __init__(self, m: re.Match, text: str):
        self._m = m
        self.left = max(text.rfind(ch, 0, m.start()) for ch in "。！？!?") + 1

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()

    def group(self, name: str) -> str:
        return self._m.group(name)


def _figures(doc) -> list[tuple[object, list[_Figure]]]:
    """Every passage's figures, found once per document (each question read them all again)."""
    # Kept on the parsed document (a corpus's DocumentRef reads it from its LRU): evicted with it.
    held = doc.parsed() if hasattr(doc, "parsed") else doc
    found = getattr(held, "_labelled_figures", None)
    if found is None:
        found = [(p, [_Figure(m, p.text) for m in _FIGURE.finditer(p.text)]) for p in held.passages]
        try:
            held._labelled_figures = found
        except AttributeError:
            pass  # a document that takes no attribute: found again next time
    return found


def hits(q: str, doc, unit: str | None = None, change: bool | None = None) -> list[Hit]:
    """Every figure of the narrative in the unit asked, scored against the question's item; best first.
    ``change``: a change is asked (its label must say one), not asked (its label must not), None: either."""
    before, after, _ = item(q)
    unit = unit or asked_unit(q)
    wanted = weight(before) + weight(after)
    if wanted < 2:
        return []
    up, down = bool(_UP.search(before)), bool(_DOWN.search(before))
    said = before + "|" + after
    grams = {said[i:i + 2] for i in range(len(said) - 1) if weight(said[i:i + 2]) == 2}
    out = []
    for p, figures in _figures(doc):
        text = p.text
        prev = 0
        for f in figures:
            start, prev_end = f.start(), prev
            prev = f.end()
            if not _same_unit(unit, f.group("u")):
                continue
            left = f.left
            if not any(g in text[max(0, left - 150):f.end() + 60] for g in grams):
                continue  # no word of the question anywhere near: it scores nothing
            label = text[max(left, prev_end):start]
            # A change is said in the figure's own clause (「提高发放的补贴，…人均月补贴90元」 states no change).
            moved = bool(_CHANGE.search(re.split(r"[，,；;]", label)[-1] if change is False else label))
            if change is not None and moved != change:
                continue
            if change and up != down and (bool(_UP.search(label)) != up and bool(_DOWN.search(label)) != down):
                continue  # 「增长了百分之几」 of a figure the text says fell
            near, rest = cover(before, label)
            own, rest = cover(rest, text[left:max(left, prev_end)])
            far, rest = cover(rest, text[max(0, left - 150):left])
            tail, rest_after = 0, ""
            if after:
                end = min((i for i in (text.find(ch, f.end()) for ch in "。；;") if i >= 0), default=len(text))
                tail, rest_after = cover(after, text[f.end():end][:60])
                # 「…项目由…负责」, 「新改建多少公里自行车道」 (「新改建自行车道超 800 公里」): said before the figure —
                # in its label it names the figure as the label does.
                named, rest_after = cover(rest_after, label)
                back, rest_after = cover(rest_after, text[left:start])
                own += back
                tail += named
                # A question going on after its ask mirrors a figure inside its clause: the item's head may be
                # printed after it (「申请400.00万元以上基本建设项目…的可行性研究报告评审经费」), up to the clause's
                # end or the next figure.
                clause = re.split(r"[，,。；;：:]", text[f.end():end])[0]
                nxt = _FIGURE.search(clause)
                head, rest = cover(rest, clause[:nxt.start()] if nxt else clause)
                tail += head
            right = text.find("。", f.end())
            sentence = text[left:(right + 1 if right >= 0 else len(text))].strip()
            out.append(Hit(Decimal(f.group("n").replace(",", "")), f.group("n"), _SAY.get(f.group("u"), f.group("u")),
                           label.strip(" ，,：:;；"), sentence, p, near + tail, own / 2 + far / 4,
                           near + own + far + tail, wanted, missing(rest + "|" + rest_after), text[f.end():f.end() + 6]))
    out.sort(key=lambda h: (-h.weight, -h.near))
    return out


def best(q: str, doc, unit: str | None = None, change: bool | None = None, least: float = 0.75,
         per: bool | None = None) -> Hit | None:
    """The one figure whose label names the item: most of the question's words (``least``), four or more
    characters of them in the label itself, ahead of the next figure (a tie of two values is no answer)."""
    found = hits(q, doc, unit, change)
    if per_asked(q) if per is None else per:
        found = [h for h in found if rated(h)]  # a rate asked: a total printed beside it is no answer
    # A figure whose words leave out one the question says (用地面积 for 建筑面积) gives way to one that names
    # them all, its sentence or the one before it naming the rest (「本工程规划建筑面积约为13459平方米」).
    if found and weight(found[0].missing) >= 2:
        head = _head(q)
        found = [h for h in found if weight(h.missing) < 2 and head in h.label] or found
    if not found:
        return None
    top = found[0]
    if unit == "*" and _head(q) not in top.label:
        return None  # nothing said of the unit: the thing measured is named right before its figure
    if top.near < min(4, top.wanted) or top.covered < least * top.wanted or weight(top.missing) >= 2:
        return None  # 「授予大型企业…」 of a text that prints 授予小微企业 and 授予中小企业 only
    if len(found) > 1 and found[1].weight == top.weight and found[1].value != top.value:
        # 「固定资产金额91,973.02万元」 and 「拟购置固定资产64.52万元」 name the item alike: the one whose own clause
        # says nothing besides it (a money word, 本部门) is the item's figure; the other says what is done with it.
        tied = sorted((h for h in found if h.weight == top.weight), key=lambda h: _extra(q, h))
        # Only a clause that says the item and nothing else wins: 「政府采购预算总额」 and 「委托业务费预算总额」
        # both add words to 「预算总额」, so neither is the department's whole — the tables answer that.
        if _extra(q, tied[0]) > 0 or _extra(q, tied[0]) >= _extra(q, tied[1]):
            return None
        top = tied[0]
    return top


_OWN_FRAME = re.compile(r"本部门|本单位|本机关|本年度?|截至|截止|金额|资金|总额|合计|共|为|是|达|约")


def _extra(q: str, h: Hit) -> int:
    """The characters of a figure's own clause (its label's last) that neither the question says nor a frame or
    money word is."""
    clause = re.sub(r"\s", "", re.split(r"[，,：:；;]", h.label)[-1])
    clause = re.sub(r"^.*?(?:19|20)\d{2}年度?", "", clause)  # 「杭州市气象局2026年…」: who and when, no item word
    before, after, _ = item(q)
    _, left = cover(_OWN_FRAME.sub("", clause), before + "|" + after)
    return weight(left.replace("|", ""))


def table_cover(q: str, doc) -> int:
    """How many of the question's item characters the best table line names (its table's title, its row or
    column): a stated figure is preferred only where its label names the item better than any table line."""
    from ingest import model
    before, after, _ = item(q)
    said = before + after
    best_n = 0
    for t in doc.tables:
        if t.kind == model.NARRATIVE or not t.rows:
            continue
        title = t.title or ""
        names = {f"{r.code or ''}{r.label}" for r in t.rows if r.label} | {c.path for c in t.columns}
        for name in names:
            n, _ = cover(said, title + "|" + name)
            best_n = max(best_n, n)
    return best_n


def lookup(question: str, q: str, doc, lines=()) -> Answer | None:
    """「政府采购授予小微企业的合同金额是多少」, 「房屋有多少平方米」: one figure asked by the narrative's label for it
    — an amount only where that label names the item better than any table line does. Changes (yearly.py),
    counts (stated.py), shares and calculations (wholeparts.py, the tables) are other families'."""
    from . import wording as W
    from .scope import years_in
    from .stated import as_of
    # The department's name chose the document: it names no item (and, printed in every passage, it would
    # make every figure look near the question's words).
    q = _said_short(q.replace(doc.document.department, ""), doc.document.department)
    # The document's own stage (「决算数」 of a 决算, 「预算数」 of a 预算) is what every figure its narrative states is:
    # it names no item. The other stage (a 决算 asked for its 预算数) stays in the words and finds no label.
    q = re.sub(rf"的?{doc.document.kind}(?:数|金额|额)(?=是|为|有|共|一共|合计|多少|几|$)", "", q)
    unit = asked_unit(q)
    if item(q)[2] is None:
        return None  # 「实行什么样的编制管理」: no figure asked
    if unit == "%" or unit in _STATED or W.CHANGE.search(q) or _WHY.search(q) or \
            any(w.search(q) for w in (W.DIFF, W.MULTIPLE, W.COMPARE, W.RANK, W.SUM, W.SHARE)):
        return None
    if any(y != doc.document.year for y in years_in(as_of(q))):
        return None  # another year's figure is no figure of this document's sentences
    # A count or measure in its own unit (几条, 多少公里, 多少万头), or nothing said of the unit (「力争机场旅客吞
    # 吐量达到多少」): a figure of that unit, or of any unit but money, whose label names the item. The words of a
    # target (力争, 计划, 今年 …) name no item.
    # A rate asked (人均每月): the figure must be printed as one (rated), its words 「人均标准 90 元/月」 need not
    # repeat the question's 每月.
    per = per_asked(q)
    hit = best(_PER.sub("", _TARGET.sub("", q)) if per else _TARGET.sub("", q), doc, unit or "*", change=False, per=per)
    if hit is None:
        return None
    if unit in _MONEY and not (per and rated(hit)):  # no table line prints a rate
        # ``lines``: the table cells the question's names already found — when one of them names the item as
        # well as the sentence does, every table need not be read to know the table wins.
        said = "".join(item(q)[:2])
        found = max((cover(said, f"{c.table.title or ''}|{name}")[0] for c in lines
                     for name in ((f"{c.row.code or ''}{c.row.label}",) if c.row.label else ()) + (c.cell.column,)),
                    default=0)
        if hit.covered <= found or hit.covered <= table_cover(q, doc):
            return None
        # The sentence restates a cell the question's names found (行政经费（机关运行经费） 1,443.41 in both):
        # the table's cell is the figure to cite, the sentence says which of the cells found is meant.
        same = [c for c in lines if c.cell.value == hit.value and (c.unit or "") == hit.unit]
        if same:
            return restated(question, doc, hit, same[0])
    return quoted(question, doc, hit)


def _said_short(q: str, department: str) -> str:
    """「广州市政府办公厅的…」 of 广州市人民政府办公厅: the department said short (its characters, in order) opens
    the question; it named the document, no item."""
    m = re.match(r"[\u4e00-\u9fff]{4,30}?(?=的|(?:19|20)\d{2}年)", q)
    if m is None or not department:
        return q
    chars = iter(department)
    return q[m.end():] if all(ch in chars for ch in m.group()) else q


def rate(question: str, q: str, doc) -> Answer | None:
    """「…比上年增长了百分之几」 where no stated change (ingest/changes.py) names the item: the rate printed after
    the words the question uses, in the direction it asks."""
    hit = best(q, doc, "%", change=True)
    return quoted(question, doc, hit) if hit is not None else None


def _cited(doc, hit: Hit) -> tuple[Citation, str]:
    """The sentence's citation, and where it stands as an answer's text says it (section, page)."""
    p = hit.passage
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, p.page, hit.sentence,
                    section=p.section, unit=hit.unit)
    return cite, f"{p.section}{f'，第{p.page}页' if p.page else ''}"


def restated(question: str, doc, hit: Hit, ref) -> Answer:
    """A stated figure a table cell prints too: the cell answers, the sentence is quoted beside it."""
    from . import arith
    cite, where = _cited(doc, hit)
    text = (f"{ref.name()}：{arith.with_unit(ref.value, ref.unit or '')}（{ref.where()}）；"
            f"文中亦说明：“{hit.sentence}”（{where}）")
    return Answer(question, ANSWERED, text, ref.value, ref.unit, None, [ref.citation(), cite])


def quoted(question: str, doc, hit: Hit, said: str = "") -> Answer:
    cite, where = _cited(doc, hit)
    label = re.split(r"[，,：:；;]", hit.label)[-1].strip()  # the label's last clause: 「分布构成情况为：房屋」
    label = re.sub(r"^(?:其中|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\))", "", label)
    label = re.sub(r"^(?:(?:19|20)\d{2}\s*年度?|本部门|本单位)+", "", label.replace(doc.document.department, "")).strip()
    text = (f"文中说明：“{hit.sentence}”，即{label or '所问的数'}{said} {hit.number}{hit.unit}"
            f"（{where}）")
    from . import arith
    from .figures import ASKS_YI
    from .vocab import normalize
    if arith.is_money(hit.unit) and hit.unit != "亿元" and ASKS_YI.search(normalize(question)):
        # asked in 亿 (「大约值多少亿元」「几个亿」): the printed figure converted exactly, the conversion shown
        r = arith.convert(hit.value, hit.unit, "亿元")
        return Answer(question, ANSWERED, f"{text}，合 {arith.fmt(r.value)} 亿元。计算：{r.formula}",
                      r.value, "亿元", r.formula, [cite])
    return Answer(question, ANSWERED, text, hit.value, hit.unit, None, [cite])


def unrated(q: str, answer: Answer) -> Answer | None:
    """「人均每月补多少钱」 answered with a line's total (提租补贴 68.70 万元): a total is no rate. Not found, unless
    a sentence cited prints the rate (人均, 每…, 元/月)."""
    from .answer import AMBIGUOUS, NOT_FOUND
    from . import arith
    if not per_asked(q) or answer.status not in (ANSWERED, AMBIGUOUS) or not answer.citations:
        return None
    if answer.status == ANSWERED and (answer.value is None or not arith.is_money(answer.unit)):
        return None
    if answer.status == ANSWERED and "÷" in (answer.calculation or ""):
        return None  # money divided by people or vehicles (assistant/percapita.py): the rate asked, computed
    if answer.status == AMBIGUOUS and not all(arith.is_money(c.unit) for c in answer.citations):
        return None
    if any(_RATE_SAID.search("|".join(w or "" for w in (c.table, c.row, c.column, c.text))) for c in answer.citations):
        return None  # a table of rates (人均补贴标准), a sentence that prints one
    said = _PER.search(q).group(0)
    shown = f"（表中的{arith.with_unit(answer.value, answer.unit)}是这一项的合计）" if answer.value is not None else ""
    return Answer(answer.question, NOT_FOUND, f"没有找到答案：问题问的是“{said}”的标准，文件没有说明这一标准{shown}，"
                                              f"合计金额不是所问的数，因此不作回答。")
