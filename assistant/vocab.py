"""Finding what a question names: rows (by label, code or synonym), columns and tables.

The vocabulary is built from the ingested tables plus the maintained synonym list; the longest name
wins where two overlap ("其他国有土地使用权出让收入安排的支出" over "土地出让").
"""
from __future__ import annotations

import base64
import marshal
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from ingest import model
from ingest.model import ParsedDocument

from . import synonyms
from .concepts import column_concept, is_figure, row_concept
from .corpus import plain_label, value_columns

_NOT_NAMES = {"合计", "小计", "总计", "预算数", "金额", "项目", "其他", "其他支出", "其他收入"}
# Labels that name a period or a stage of a table, not a budget line ("2025年", "决算数", "增减变化金额").
_PERIOD_LABEL = re.compile(r"^(?:(?:19|20)\d{2}年度?.{0,4}|(?:全年|年初)?(?:预算|决算)数?|增减.{0,4})$")
_CODE = re.compile(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?!\d)")
# The canonical figures' names (synonyms.MEANINGS) long enough to be unmistakable, longest first.
_CANONICAL = re.compile("|".join(sorted({re.escape(w) for c, aliases in synonyms.MEANINGS.items()
                                         for w in (c, *aliases) if len(w) >= 4}, key=len, reverse=True)))
_NUMERIC_TABLES = {model.SUMMARY, model.INCOME, model.EXPENDITURE, model.FISCAL_SUMMARY, model.GPB_EXPENDITURE,
                   model.GPB_BASIC, model.GOV_FUND, model.STATE_CAPITAL, model.THREE_PUBLIC, model.FIXED_ASSETS,
                   model.NARRATIVE, model.BASIC, model.PROJECT, model.OPERATING, model.FISCAL_EXPENDITURE,
                   model.ECONOMIC_TABLE, model.PROCUREMENT, model.SERVICES}
# "A-货物", "C-服务": a procurement category printed after its letter is said "货物", "服务类".
_LETTERED = re.compile(r"^[A-Z][-－.．、]([\u4e00-\u9fff]{2,})$|^([\u4e00-\u9fff]{2,})\s*[A-Z]$")  # or "一、货物A"


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC  # opencc-python-reimplemented: its dictionaries ship in the package
    return OpenCC("t2s")


def simplified(question: str) -> str:
    """Traditional characters to simplified (人員經費佔… → 人员经费占…) with a maintained converter; a question
    already in simplified characters comes back unchanged."""
    return _t2s().convert(question)


def normalize(question: str) -> str:
    q = question.strip().replace(" ", "").replace("\u3000", "")
    q = q.translate(str.maketrans("０１２３４５６７８９？！，（）", "0123456789?!,（）"))
    # 「204-06-04基层司法业务」: a function code written in its 类-款-项 pieces is the code (2040604); only the
    # pieces of a code (3+2+2 or 3+2 digits), never a date or a range (2025-01-01, 1-12).
    q = _CODE_PIECES.sub(lambda m: "".join(g for g in m.groups() if g), q)
    # 「“项”级科目」: a level of the subject tree quoted is the level named (项级), as every reader of levels says it.
    q = _QUOTED_LEVEL.sub(r"\1", q)
    # 「…的“年初预算数”是多少」: a column's word quoted is still the column's word (quoted, it was read as a line's
    # name the tables do not print, and the table's total answered).
    q = _QUOTED_COLUMN.sub(r"\1", q)
    # 「您好，想了解一下…？谢谢！」: the greeting and the thanks around a question name nothing asked (left in,
    # their words were read as a line's name the document does not print).
    q = _COURTESY_TAIL.sub("", _COURTESY_HEAD.sub("", q)) or q
    # 「多少个亿」「几个亿」: an amount in 亿元 said as people say it, no count of things (个 read so counted lines).
    q = re.sub(r"(多少|几)个亿(?!元)", r"\1亿元", q)
    return q.replace("(", "（").replace(")", "）")


_DASH = r"\-－—–‐"  # hyphens, full-width hyphens and dashes people type between the pieces
_CODE_PIECES = re.compile(rf"(?<![\d{_DASH}.])(\d{{3}})[{_DASH}](\d{{2}})(?:[{_DASH}](\d{{2}}))?(?![\d{_DASH}.])")
_COURTESY_HEAD = re.compile(r"^(?:(?:您好|你好|老师好|领导好|hi|hello)[!,.。~～]*)?"
                            r"(?:(?:(?:我|俺)?(?:想|想要|希望)(?:了解|咨询|请教|打听|问问?|知道)(?:一下|下)?|"
                            r"(?:了解|咨询|请教|打听|问)(?:一下|下)|请问|麻烦(?:您|你)?(?:帮我)?(?:查一下|看一下|问一下)?)"
                            r"[,:：]?)?", re.I)
_COURTESY_TAIL = re.compile(r"[,.。]?(?:谢谢|多谢|感谢|麻烦了|辛苦了)(?:您|你|啦|了|哈)?[!.。~～]*$")


_COLUMN_WORDS = r"(?:年初|调整|全年|上年)?(?:预算|决算|执行)数"
_QUOTED_COLUMN = re.compile(r"[“”\"‘’「」『』]" + f"({_COLUMN_WORDS})" + r"[“”\"‘’「」『』]")
_QUOTED_LEVEL = re.compile(r"[“”\"'‘’「」『』【】]([类款项])[“”\"'‘’「」『』【】](?=级|科目)")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    rows: set[str] = field(default_factory=set)  # plain row labels it may mean
    column: str | None = None  # a column leaf it may mean
    table: str | None = None  # a table kind it names
    qualifier: bool = False  # a bracketed column after a row ("公务用车运行维护费（基本支出）")

    @property
    def is_row(self) -> bool:
        return bool(self.rows)


class Vocabulary:
    def __init__(self, docs: list[ParsedDocument]):
        self.rows: dict[str, set[str]] = {}
        self.columns: dict[str, str] = {}
        self.tables: dict[str, str] = {}
        self.codes: dict[str, dict[str, int]] = {}  # code → the labels printed beside it, how often
        labels: set[str] = set()
        leaves: set[str] = set()
        grouped: set[str] = set()  # column paths of a group's 小计
        concepts: set[str] = set()  # canonical figures some column holds (Column.meaning)
        row_concepts: dict[str, set[str]] = {}  # canonical figure → labels of the rows that print it
        sided: dict[str, set[str]] = {}  # 收入总计 / 支出总计 → the label the grand total row prints
        for d in docs:
            for t in d.tables:
                if t.kind not in _NUMERIC_TABLES or t.kind == model.NARRATIVE:
                    continue
                concepts.update(c for c in (column_concept(t, p, d.document.year) for p in value_columns(t))
                                if is_figure(c))
                for r in t.rows:
                    label = plain_label(r.label)
                    if not label or label in _NOT_NAMES or _PERIOD_LABEL.match(label):
                        continue
                    rc = row_concept(r)
                    if rc:
                        row_concepts.setdefault(rc, set()).add(label)
                    labels.add(label)
                    self._add_row(label, label)
                    if not r.code:  # a unit's own line in a table by unit (单位名称)
                        _unit_aliases(self, label, d.document.department, d.document.region)
                    if r.code:
                        named = self.codes.setdefault(r.code, {})
                        named[label] = named.get(label, 0) + 1
                    if label.endswith("支出") and len(label) >= 6:
                        self._add_row(label[:-2], label)
                    if "、" in label and len(label) >= 5:
                        self._add_row(label.replace("、", ""), label)  # "上年结余、结转" said 上年结余结转
                    lettered = _LETTERED.match(label)
                    if lettered:
                        word = lettered.group(1) or lettered.group(2)
                        self._add_row(word, label)
                        self._add_row(word + "类", label)
                if t.kind == model.SUMMARY:
                    # The grand total of each side, however printed ("总计", "收入合计"): 收入总计 / 支出总计.
                    for side in ("收入", "支出"):
                        closing = [plain_label(r.label) for r in t.rows if r.side == side and
                                   re.fullmatch(rf"(?:{side})?(?:总计|合计)", plain_label(r.label))]
                        if closing and closing[-1] != f"{side}总计":
                            sided.setdefault(f"{side}总计", set()).add(closing[-1])
                leaves.update(c.split("/")[-1] for c in value_columns(t))
                grouped.update(c for c in value_columns(t) if c.count("/") >= 1 and c.split("/")[-1] == "小计")
        for leaf in leaves - _NOT_NAMES:
            self.columns[leaf] = leaf
        # A group's total column ("2026年政府采购项目/小计") answers to the group's name: 政府采购项目.
        for path in grouped:
            group = re.sub(r"^(?:19|20)\d{2}年度?", "", path.split("/")[-2])
            if len(group) >= 4 and group not in leaves:
                self.columns.setdefault(group, path)
                # 「公务用车购置和运行维护费」: a group printed with 及 is said with 和 or 与 as often.
                for said in {group.replace("及", w) for w in "和与"} - {group}:
                    self.columns.setdefault(said, path)
        # Canonical figures, whatever a template calls them: their words reach the columns and the rows
        # that hold them (before the older leaf synonyms, which only fill what is left).
        for concept, aliases in synonyms.MEANINGS.items():
            names = [normalize(a) for a in (concept, *aliases)]
            if concept in concepts:
                for a in names:
                    if a not in leaves:
                        self.columns[a] = concept
        for name, printed in sided.items():
            if name not in labels:
                for label in printed:
                    self._add_row(name, label)
        for key, aliases in synonyms.ROWS.items():
            label = plain_label(key)
            targets = {label} if label in labels else sided.get(label, set())
            for target in targets:
                for a in aliases:
                    self._add_row(normalize(a), target)
        for leaf, aliases in synonyms.COLUMNS.items():
            if leaf in leaves:
                for a in aliases:
                    self.columns.setdefault(normalize(a), leaf)
        # Rows that print a canonical figure ("1、因公出国（境）费用"), under the words for it no name has taken.
        taken = {a: set(labels_) for a, labels_ in self.rows.items()}
        for concept, aliases in synonyms.MEANINGS.items():
            for label in row_concepts.get(concept, ()):
                for a in (normalize(a) for a in (concept, *aliases)):
                    # Not over a name the older synonyms gave a column or other rows (the sample's words).
                    if (a not in self.columns or self.columns[a] in concepts) and \
                            (a not in taken or label in taken[a] or taken[a] <= row_concepts[concept]):
                        self._add_row(a, label)
        present = {t.kind for d in docs for t in d.tables}
        for kind, aliases in synonyms.TABLES.items():
            if kind in present:
                for a in aliases:
                    self.tables[normalize(a)] = kind
                # 「基本支出决算表里」「三公经费支出预算表」: a table's name said with its stage before 表
                staged = (f"{a[:-1]}{stage}表" for a in map(normalize, aliases) if a.endswith("表") and
                          not re.search(r"总表$|预算|决算", a) for stage in ("预算", "决算"))
                for a in staged:
                    self.tables.setdefault(a, kind)
        # The document's own table titles, without their number, year and 部门 ("2024年部门收入预算总表" →
        # 收入预算总表): "收入预算总表里…" names that table, not the narrative's "收入预算".
        for d in docs:
            for t in d.tables:
                if t.kind in _NUMERIC_TABLES and t.kind != model.NARRATIVE:
                    for name in _title_names(t.title):
                        self.tables.setdefault(name, t.kind)
        # Figures only the narrative states ("本年度拟购置固定资产总额"), under names no table uses.
        stated: dict[str, set[str]] = {}  # a canonical figure no table prints → narrative labels naming it
        for d in docs:
            for t in d.tables:
                if t.kind == model.NARRATIVE:
                    for r in t.rows:
                        label = plain_label(r.label)
                        concept = _stated_concept(label)
                        printed = concept is not None and (concept in concepts or concept in row_concepts)
                        # A sentence's figure of something a table prints ("财政拨款“三公”经费预算 223.80") is
                        # read from the table, to the precision it prints: its words are no name of their own.
                        if label not in self.rows and label not in self.columns and label not in self.tables \
                                and not printed:
                            self.rows[label] = {label}
                            # "本部门政府采购预算总额" is asked as "政府采购预算总额".
                            short = re.sub(r"^(?:本部门|本单位|本局|我局|我部门)", "", label)
                            if short != label and len(short) >= 6 and short not in self.rows and \
                                    short not in self.columns and short not in self.tables:
                                self.rows[short] = {label}
                        if concept and concept not in concepts and concept not in row_concepts:
                            stated.setdefault(concept, set()).add(label)
        # "机关运行经费财政拨款预算 1158.60 万元": the words for that figure reach the sentence that states it,
        # over an older synonym that equated it with another column (机关运行经费 ≈ 公用经费 in the sample).
        for concept, printed in stated.items():
            words = {normalize(a) for a in (concept, *synonyms.MEANINGS[concept])}
            for a in words:
                if a in leaves or self.columns.get(a) in words:
                    continue  # a column that is this very figure ("本年财政拨款收入" → 财政拨款收入) stays
                self.columns.pop(a, None)
                if a not in self.rows:
                    self.rows[a] = set(printed)
        # A colloquial name (synonyms.ROWS) of a figure only the narrative states ("中介机构服务费418.80万元"
        # asked as 「请中介机构干活的钱」), under words no name has taken.
        for key, aliases in synonyms.ROWS.items():
            label = plain_label(key)
            if label not in labels and self.rows.get(label) == {label}:
                for a in aliases:
                    if normalize(a) not in self.rows and normalize(a) not in self.columns:
                        self._add_row(normalize(a), label)
        self.labels = labels
        self.concepts = concepts  # canonical figures the columns hold
        self.row_concepts = row_concepts  # canonical figures rows print → their labels
        self._longest = max((len(k) for k in (*self.rows, *self.columns, *self.tables)), default=1)

    # Kept beside the document (ingest/derived.py): the largest disclosure's vocabulary takes ~90 ms to build
    # from its tables and ~1 ms to load, and a question about a department not read lately needs it first.
    _FIELDS = ("rows", "columns", "tables", "codes", "labels", "concepts", "row_concepts", "_longest")

    def dump(self) -> str:
        data = tuple(getattr(self, f) for f in self._FIELDS)
        return base64.b64encode(zlib.compress(marshal.dumps(data), 1)).decode("ascii")

    @classmethod
    def load(cls, payload: str) -> "Vocabulary":
        v = cls.__new__(cls)
        for f, value in zip(cls._FIELDS, marshal.loads(zlib.decompress(base64.b64decode(payload)))):
            setattr(v, f, value)
        return v

    @staticmethod
    def canonical(q: str):
        """Where the question says a canonical figure's name (synonyms.MEANINGS), longest first."""
        return list(_CANONICAL.finditer(q))

    def _add_row(self, alias: str, label: str) -> None:
        if len(alias) >= 2:
            self.rows.setdefault(alias, set()).add(label)

    def mentions(self, q: str) -> list[Mention]:
        spans: list[Mention] = []
        for i in range(len(q)):
            for j in range(min(len(q), i + self._longest), i + 1, -1):
                s = q[i:j]
                if s in self.rows or s in self.columns or s in self.tables:
                    spans.append(Mention(i, j, s, set(self.rows.get(s, ())), self.columns.get(s),
                                         self.tables.get(s)))
        for m in _CODE.finditer(q):
            code = m.group(1)
            if code in self.codes:
                spans.append(Mention(m.start(), m.end(), code, set(self.codes[code])))
        spans.sort(key=lambda m: (-(m.end - m.start), m.start))
        # A canonical name the question says in full ("公务用车购置及运行费") is not a shorter name inside it
        # ("公务用车购置"): where the document has no such figure, nothing is read there.
        canonical = [c.span() for c in _CANONICAL.finditer(q)]
        spans = [m for m in spans if not any(a <= m.start and m.end <= b and m.end - m.start < b - a
                                             for a, b in canonical)]
        chosen: list[Mention] = []
        for m in spans:
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        out = _tidy(q, chosen + self._fuzzy(q, chosen))
        for m in out:  # a code said alone: the name printed beside it most often (not a table's other use of it)
            if m.text in self.codes and len(m.rows) > 1:
                named = self.codes[m.text]
                top = max(named[n] for n in m.rows if n in named)
                m.rows = {n for n in m.rows if named.get(n) == top}
        return out

    def _sharing_four(self, seg: str) -> set[str]:
        """The labels that share a run of four characters with ``seg`` — the only ones whose common run can reach
        the four _fuzzy asks for (every label read against every stretch of every question was most of the time a
        sixteen-document corpus spent on a question). The index of four-character runs is built once per
        vocabulary, again only if its labels changed."""
        index = getattr(self, "_fours", None)
        if index is None or index[0] != len(self.labels):
            grams: dict[str, set[str]] = {}
            for label in self.labels:
                for k in range(len(label) - 3):
                    grams.setdefault(label[k:k + 4], set()).add(label)
            index = self._fours = (len(self.labels), grams)
        found: set[str] = set()
        for k in range(len(seg) - 3):
            found |= index[1].get(seg[k:k + 4], set())
        return found

    def _fuzzy(self, q: str, taken: list[Mention]) -> list[Mention]:
        """Names said almost as printed ("职工医疗保险缴费" for 职工基本医疗保险缴费): the labels sharing the
        longest run of characters with a stretch of the question no exact name covered."""
        covered = set()
        for m in taken:
            covered.update(range(m.start, m.end))
        out = []
        for run in re.finditer(r"[\u4e00-\u9fff（）“”]{4,}", q):
            text = "".join(ch if run.start() + k not in covered else "|" for k, ch in enumerate(run.group()))
            for part in re.finditer(r"[^|和与及或、]{4,}", text):
                seg = part.group()
                lead = len(seg) - len(seg.lstrip("中的里下是比"))
                seg = seg[lead:]
                if len(seg) < 4 or _CANONICAL.search(seg):
                    continue  # a canonical figure the document does not print is not some other line
                best, labels = 0, set()
                for label in self._sharing_four(seg):  # a run of 4 or more is needed: only labels sharing one
                    n = common_run(seg, label)
                    if n > best:
                        best, labels = n, {label}
                    elif n == best:
                        labels.add(label)
                labels = {label for label in labels if best >= 0.4 * len(label)}
                if best >= 4 and best >= 0.6 * len(seg) and 0 < len(labels) <= 3:
                    start = run.start() + part.start() + lead
                    out.append(Mention(start, start + len(seg), seg, labels))
        return out


_TITLE_PREFIX = re.compile(r"^(?:(?:公开|预算|决算)?\d+表|表[\d一二三四五六七八九十]+)[:：、.．]?|^(?:19|20)\d{2}\s*年度?|^(?:市级|区级|县级)?部门|"
                           r"^[\u4e00-\u9fff]{2,12}?(?:局|委|办|院|厅|部|处)(?=\d{4}|部门)")


def _unit_aliases(vocab: "Vocabulary", label: str, department: str, region: str | None) -> None:
    """"局本级", "本级" name the department's own line (杭州市气象局 in a table by unit); "气象服务中心" a
    unit's line printed with the region before it (杭州市气象服务中心)."""
    if label in (department, f"{department}本级", f"{department}（本级）"):
        for alias in ("本级", "局本级", "机关本级", "部门本级", "单位本级"):
            vocab._add_row(alias, label)
    elif region and label.startswith(region) and len(label) - len(region) >= 4 and \
            re.search(r"(中心|站|所|院|队|馆|局|处|室|会|校)$", label):
        vocab._add_row(label[len(region):], label)


def _title_names(title: str) -> set[str]:
    """A table's title as a question says it: without its number, year, 市级/部门 and unit."""
    text = normalize(re.sub(r"[（(]单位[:：][^）)]*[）)]", "", title)).replace("“", "").replace("”", "")
    text = re.sub(r"(?<=表)(?:公开|预算|决算)?\d+表$", "", text)  # "收入决算表公开02表": its number printed after it
    out = set()
    while True:
        if text.endswith("表") and len(text) >= 5:
            out.add(text)
        stripped = _TITLE_PREFIX.sub("", text, count=1)
        if stripped == text:
            return out
        text = stripped


def _stated_concept(label: str) -> str | None:
    """The spending figure a narrative sentence's label is about ("机关运行经费财政拨款预算" → 机关运行经费,
    "财政拨款“三公”经费预算" → 三公经费): the longest canonical name it holds. Sources of money (财政拨款 …)
    only qualify a figure in a sentence; they are not read from the narrative."""
    best, found = 0, None
    for concept in synonyms.STATED:
        for a in (concept, *synonyms.MEANINGS[concept]):
            if len(a) >= 4 and a in label and len(a) > best:
                best, found = len(a), concept
    return found


def common_run(a: str, b: str) -> int:
    """Length of the longest common substring."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


_TOTAL_WORD = re.compile(r"(?:预算)?总额")


def _tidy(q: str, mentions: list[Mention]) -> list[Mention]:
    mentions = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for m in mentions:
        if len(out) >= 2 and out[-1].rows and m.start == out[-1].end and re.fullmatch(r"支出(?:合计|总计|总额)", m.text) \
                and re.fullmatch(r"[和与及、]", q[out[-2].end:out[-1].start]):
            out[-1].end += 2  # "A支出和B缴费支出合计": B's 支出, then the sum asked, not the 支出合计 line
            continue
        if out and out[-1].column and not out[-1].rows and m.start == out[-1].end and \
                _TOTAL_WORD.fullmatch(m.text):
            out[-1].end = m.end  # "“三公”经费预算总额": that figure's total, not the budget's 支出总计
            continue
        if out and m.rows and out[-1].rows and m.rows & out[-1].rows and m.rows != out[-1].rows \
                and m.start - out[-1].end <= 1:
            out[-1].rows = m.rows & out[-1].rows  # "30108机关事业单位基本养老保险缴费": the code settles it
            out[-1].end = m.end
            continue
        if out and out[-1].text.isdigit() and out[-1].rows and m.rows and not m.rows & out[-1].rows \
                and m.start - out[-1].end <= 1 and any(m.text in r for r in out[-1].rows):
            # 「2080506职业年金缴费支出」: the name said short after its code is the code's line (机关事业单位职业
            # 年金缴费支出), not another line printing the short name (30109 职业年金缴费)
            out[-1].end = m.end
            continue
        if out and m.rows and m.rows == out[-1].rows and m.column == out[-1].column \
                and not re.search(r"[占比是与和减除]", q[out[-1].end:m.start]):
            if m.start <= out[-1].end:  # "2011350事业运行": one name, code and label
                out[-1].end = max(out[-1].end, m.end)
            continue  # the same thing named twice ("看病、医疗这类卫生健康方面"; a code and then its name)
        if out and q[out[-1].end:m.start] in ("（", "(") and (m.rows or m.column):
            if out[-1].rows and m.column and not m.rows:
                m.qualifier = True  # "…（基本支出）" only says where to look
            else:
                out[-1] = m  # "卖地的钱（土地出让收入）": the bracketed name is the precise one
                continue
        out.append(m)
    return out
