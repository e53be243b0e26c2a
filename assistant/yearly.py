"""Year-on-year questions: 「X比上年(执行数/预算)增加了多少」「增长了百分之几」「2025年X(的执行数)是多少」.

Two sources give another year's figure, and only they do — never a substitute:
1. a column printing last year beside this year's (2025年执行数, 上年预算数, 2020年 …; assistant/lastyear.py):
   change = this year − last year and rate = change ÷ last year × 100, both cells cited;
2. the narrative's change sentences (ingest/changes.py): the change and rate as stated, last year's figure
   as stated or this year's figure − the change, with the formula.
The kind of last-year figure asked (执行数, 年初预算, 预算, 决算) must match the one printed; when the question
names none, the one printed is used and said.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest.changes import ChangeFact

from . import arith, lastyear, wholepart
from . import wording as W
from .answer import ANSWERED, Answer, Citation
from .corpus import TOTAL_LABELS, CellRef, unit_of
from .scope import years_in
from .tables import candidates, measures_from
from .vocab import normalize

_RATE = re.compile(r"百分|幅度|%|几成|增长率|增幅|降幅|减幅|下降率")
_CHANGE = re.compile(r"增加|减少|变化|下降|增长|多了|少了|增减|差|多花|少花|多用|少用|多多少|少多少|降低|上升|提高|压减|节约|变动|涨|降了|减了"
                     # 「比上年多安排了多少」「少拨了多少」: more or less of the money put in, not the money itself
                     r"|多(?:安排|支出|拨|列|编|给|投入|花费)|(?<!多)少(?:安排|支出|拨|列|编|给|投入|花费)")
_WHOLES = ("收入", "支出", "收支")
# 「是增还是减，变化多少」: the direction and the change asked, not two things compared
_WHICH_WAY = re.compile(r"(?:增|涨|多|升)了?还是(?:减|降|少)|(?:减|降|少)了?还是(?:增|涨|多|升)")


def change(eng, question, q, doc, measures, hint) -> Answer | None:
    """A year-on-year question answered from a last-year column, else from the narrative's statement."""
    year = doc.document.year
    q = _pointed(q)
    own = re.sub(r"(?:上年|年初|以前年度)(?:财政拨款)?(?:结转|结余)(?:和结余|结余)?|上年末", "", q)
    if not (W.CHANGE.search(own) or implicit(own) or year - 1 in years_in(own)):
        return None  # "上年结转" is a line of this year's budget, not last year's figure
    wanted = wanted_basis(q, year)
    if re.search(r"为什么|为何|什么原因|原因", q):  # why it changed: the statement, with its reason, quoted
        found = _matching_fact(eng, q, doc, asked_subject(q), wanted, "change", [], least=4)
        return _why(question, doc, found[0]) if found else None
    ask = "rate" if _RATE.search(q) else ("change" if _CHANGE.search(_after_subject(q)) else "prior")
    if _prior_asked(q, year):
        ask = "prior"
    if (W.MULTIPLE.search(q) or W.COMPARE.search(q)) and not _WHICH_WAY.search(q):
        ask = "other"
    from . import restated  # a change stated twice: 「扣除中央基建后」, or the table's and the narrative's
    if (ans := restated.deducted(eng, question, q, doc, wanted, ask)) is not None:
        return ans
    from . import sumchange  # 「A加上B、C，合计比上年多了多少」: the change of the sum (assistant/sumchange.py)
    if (ans := sumchange.answer(eng, question, q, doc, measures, hint, wanted, ask)) is not None:
        return ans
    cands = [c for m in measures for c in candidates(doc, m, hint, q)]
    if implicit(q) and not W.CHANGE.search(q) and year - 1 not in years_in(q):
        # "X减少了多少" with no year named: only a statement of the narrative about X itself answers it
        subject = asked_subject(q)
        found = _matching_fact(eng, q, doc, subject, wanted, ask, [], least=4)
        from . import partchange  # no statement of the whole: its parts' stated changes summed (assistant/partchange.py)
        return _from_fact(eng, question, q, doc, found[0], found[1], ask) if found else \
            partchange.answer(eng, question, q, doc, measures, ask, wanted)
    if ask != "other" or not W.MULTIPLE.search(q):  # 「2020年和2021年的X哪年多」: the two columns compared too
        pair = lastyear.find(cands, q, wanted)
        if pair is not None and ask != "prior" and _of_a_line(pair, doc, measures, hint, q):
            pair = lastyear.completed(pair, q)  # last year's column named: this year's cell beside it
        if pair is not None and (pair.now is not None or ask == "prior"):
            # 「扣除中央基建投资后」 printed beside: two readings of the change (restated.two_columns)
            return restated.two_columns(question, q, doc, pair, ask) or \
                restated.against_columns(eng, question, q, doc, pair, ask, wanted) or \
                _from_columns(question, q, doc, pair, ask)
    subject = asked_subject(q)
    found = _matching_fact(eng, q, doc, subject, wanted, ask, measures)
    if found is None:
        from . import partchange  # no statement of the whole: its parts' stated changes summed (assistant/partchange.py)
        if (ans := partchange.answer(eng, question, q, doc, measures, ask, wanted)) is not None:
            return ans
        other = lastyear.find(cands, q, None) if wanted and ask != "other" else None
        if other is not None and other.basis and other.basis != wanted:
            return eng.not_found(question, f"{doc.document.label}只列出了{_basis_word(other.basis)}"
                                           f"（{other.prior.where()}），没有{_basis_word(wanted)}")
        if ask == "rate":  # 「…与上年同期相比，增加144.81%」: a rate printed after the words asked (labelled.py)
            from . import labelled
            return labelled.rate(question, q, doc)
        return None
    fact, fact_cands = found
    return restated.twice_stated(eng, question, q, doc, fact) or restated.elsewhere(eng, question, q, doc, fact, ask) or \
        _from_fact(eng, question, q, doc, fact, fact_cands or cands, ask)


def _of_a_line(pair, doc, measures, hint, q) -> bool:
    """Was last year's cell found through a line the question names (or with no line named at all)? A bare
    column word (执行数) finds the table's total row; beside a line named elsewhere (职业年金缴费, printed in
    another table) that total is not what was asked. A word that is a line or a column (一般公共预算, dual) names
    no line of its own."""
    lined = [m for m in measures if m.rows and not m.dual]
    if not lined:
        return True
    at = (id(pair.prior.table), pair.prior.row.ordinal, pair.prior.column)
    return any((id(c.table), c.row.ordinal, c.column) == at for m in lined for c in candidates(doc, m, hint, q))


# --- the question ------------------------------------------------------------------------------------

_ASKING = re.compile(r"多少|几|吗|呢|什么|哪|怎么|为何|为啥|是否|有没有")
_POINTING = re.compile(r"(?:那个|那项|那一项|那笔|那一笔|那块|那一块|那条|那行)[。！!…~～]*$")


def _pointed(q: str) -> str:
    """「X2025年执行数是多少？2026年预算涨了好多倍那个」: a last sentence asking nothing that points at the item
    (…那个) only says which item is meant — what it says moved is not asked."""
    parts = [p for p in re.split(r"(?<=[？?])", q) if p.strip()]
    if len(parts) > 1 and _POINTING.search(parts[-1].strip()) and not _ASKING.search(parts[-1]) and \
            any(_ASKING.search(p) for p in parts[:-1]):
        return "".join(parts[:-1])
    return q


_BOTH = re.compile(r"(?:多少|几)[^，,？?]*[，,][^，,]*(?:比|较|同比|与|跟)[^，,]*(?:多少|几)")


def both(q: str) -> bool:
    """「组织部今年三公经费多少，比去年少了多少」: the figure asked, then its change — one answer states both (the
    value is the change, the last thing asked)."""
    return bool(_BOTH.search(q))


_CLAUSES = re.compile(r"[，,；;。？?！!]")


def _prior_asked(q: str, year: int) -> bool:
    """「X比上年减了不少，那上年的X是多少」「X是1800万元，按说明里的增减推算，上一年是多少」: a clause asking nothing
    states the direction or names the method — only the clause that asks says what is asked, here last year's
    figure (it names last year, and no change, rate, multiple or comparison)."""
    clauses = [c for c in _CLAUSES.split(q) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    if not asking or len(asking) == len(clauses):
        return False  # every clause asks (「X是多少，比上年增加了多少」): read as a whole, as before
    last = asking[-1]
    prior = rf"上年|去年|上一年|前一年|{year - 1}\s*年"
    return bool(re.search(prior, last)) and not (_CHANGE.search(last) or _RATE.search(last) or
                                                 W.MULTIPLE.search(last) or W.COMPARE.search(last))


def implicit(q: str) -> bool:
    """「交通运输专项资金支出减少了多少」: a change asked with no year named and nothing compared with."""
    return bool(re.search(r"(?:增加|减少|增长|下降|降低)了?(?:多少|百分之几|几)", q)) and not re.search(r"比|较|与|相比", q)


def wanted_basis(q: str, year: int) -> str | None:
    """What last-year figure the question asks for: 执行数, 年初预算, 决算数, 预算 — None: not said."""
    prior = rf"(?:上年|去年|上一年|{year - 1}\s*年度?)"
    if re.search(r"执行(?:数|率|进度|情况|了)|预算执行", q):  # 案件执行（项）is a line, not a basis
        return "执行数"
    if "年初预算" in q:
        return "年初预算"
    q = re.sub(r"一般公共预算|政府性基金预算|国有资本经营预算", "", q)  # a kind of budget names no basis
    if re.search(prior + r"[^，,比较]{0,14}决算", q):
        return "决算数"
    if re.search(prior + r"[^，,比较]{0,14}预算", q):
        return "预算"
    return None


def _after_subject(q: str) -> str:
    m = re.search(r"比|较|同比|相比", q)
    return q[m.start():] if m else q


def asked_subject(q: str) -> str:
    """The thing the question asks about, without years, comparisons and question words."""
    t = re.sub(r"[（(](?:按|根据|依据)[^）)]*[）)]", "", q)
    # 「按说明里的增减推算，」: the clause naming the method only — a subject named before it stays the subject
    t = re.sub(r"(?:^|(?<=[，,]))[^，,]*?(?:根据|按照|按|依据)[^，,]*[，,]", "", t)
    # 「我是跑政法口的记者，想核实一下：X比上年增长了百分之几」: what follows a colon is a clause of its own (the
    # words before it only introduce the question)
    clauses = [c for c in re.split(r"[，,：:]", t) if c]
    asking = [i for i, c in enumerate(clauses) if re.search(r"多少|几|是|比|较", c)]
    if asking:  # 「X，2025年执行数是多少」「X扣掉Y以后，比上年增长了百分之几」: X named in an earlier clause
        for i in range(asking[-1], -1, -1):
            if (found := _subject_of(clauses[i])):
                return found
        return ""
    return _subject_of(t)


def _subject_of(t: str) -> str:
    t = re.sub(r"(?<![\d年.])(\d{2})年", r"20\1年", t)  # 「26年」「比23年执行数」
    # 「2020年和2021年的培训费」: the two years compared name no subject; what follows them does
    years = r"(?:(?:19|20)\d{2}\s*年度?|上年|去年|上一年|今年|本年)"
    t = re.sub(rf"{years}(?:和|跟|与|同|及|、){years}的?", "", t)
    t = re.split(r"(?:比|较|与)(?=上年|去年|上一年|同期|(?:19|20)\d{2}|年初)|同比|相比|为什么|为何", t)[0]
    t = re.split(r"(?:和|跟|同)(?=上年|去年|今年|本年|(?:19|20)\d{2})|还是|哪个|哪一|哪年", t)[0]
    t = re.sub(r"(?:上年|去年|上一年|今年|本年)?[（(]?(?:19|20)\d{2}\s*年度?[）)]?", "", t)
    t = re.sub(r"^(?:那么?|那请问|请问|所以)?(?:上年|去年|上一年|今年|本年)", "", t)  # 「…，那上年的X是多少」
    t = re.split(r"是多少|有多少|为多少|多少|是几|是|增加|减少|增长|下降|降低|多了|少了|变化|变动|百分之几|几", t)[0]
    t = t.strip("的？?。 ")
    t = re.sub(r"(?:今年|本年|当年)?的?(?:当年)?(?:预算执行数|执行数|年初预算数|年初预算|决算数|预算数|预算|决算|执行了?)$", "", t)
    t = re.sub(r"(?:今年|本年)的?$", "", t.strip("的 "))
    # 「信息化建设这块，2025年实际执行了多少」: 实际 before a stage word and 这块/这一项 after the item name nothing
    t = re.sub(r"(?:这一?块|这一?项|这部分|这一部分|这方面|这笔|方面)$", "", re.sub(r"实际$", "", t.strip("的 ")))
    return t.strip("的 ")


def canon(text: str, drop: tuple[str, ...] = ()) -> str:
    """A subject in a comparable form: 收入预算 = 预算收入 = 收入总计; 一般公共预算财政拨款 = 一般公共预算拨款."""
    for d in drop:
        text = text.replace(d, "")
    text = re.sub(r"[“”\"‘’\s]", "", text)
    text = re.sub(r"[（(]\d*[类款项][）)]", "/", text)
    text = re.sub(r"[（(]\d+[）)]|[（(]本级[）)]", "", text)
    text = text.replace("收入支出", "收支").replace("收、支", "收支").replace("财政拨款", "拨款")
    # 合计 and 本年 stay: 本年支出合计 is not 支出总计 (that holds the carry-over too)
    text = re.sub(r"本部门|本单位|部门|当年|年度|年初|执行数|预算数|决算数|预算|决算|总计|总额|总(?!合)|安排|的", "", text)
    return text


def _stem(c: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"(.*?)(收入|支出|收支)", c)
    return (m.group(1), m.group(2)) if m else None


def score(asked: str, subject: str, drop: tuple[str, ...] = (), short: bool = True) -> int:
    """How well a stated subject names what was asked: 5 the same, 4 the same line of a subject path,
    3 the same whole (收支 for 收入), 2 the same with a qualifier every such figure has; 0 another thing."""
    # 「行政运行（项）」: a level said (类/款/项, a code) names the line's place, which canon() reads as the path's
    # break, not a word the stated subject must hold
    quals = [x for x in re.findall(r"[（(]([^）)]+)[）)]", asked) if not re.fullmatch(r"\d*[类款项]?|\d+", x)]
    main = canon(re.sub(r"[（(][^）)]+[）)]", "", asked), drop)
    if not main and re.search(r"总额|总计|预算|收支", asked):
        main = "收支"  # "部门预算总额": the whole budget
    path = [p for p in canon(subject, drop).split("/") if p and p != "支出"]
    if not path and canon(subject, drop) in _WHOLES:
        path = [canon(subject, drop)]  # 「安排支出预算」: the whole 支出, asked as 「支出预算」
    full = "".join(path)
    if not main or not full:
        return 0
    a, b = _stem(main), _stem(full)
    if a and b and (a[1] == b[1] or "收支" in (a[1], b[1])) and a[0] == b[0]:
        return 5 if a[1] == b[1] else 3
    if (a and not a[0]) or (b and not b[0]):
        return 0  # a whole (收入, 支出) is only ever the same whole
    if main == full or all(q in full for q in quals) and main == full:
        return 5
    leaf = path[-1]
    if len(path) > 2 and any(main == "".join(path[i:]) for i in range(1, len(path) - 1)):
        return 5  # 「组织事务的一般行政管理事务」: the 款 and 项 of a 类/款/项 path, not another 款's 项
    strip = (lambda s: s[:-2] if s.endswith("支出") and len(s) > 3 else s)
    if strip(main) in (strip(leaf), strip(full)) and all(canon(q) in full for q in quals):
        return 4
    if short and len(strip(main)) >= 4 and strip(leaf).endswith(strip(main)) and not leaf.startswith("其他") and \
            all(canon(q) in full for q in quals):
        return 3  # a line named short: 职业年金缴费支出 of 机关事业单位职业年金缴费支出（项）
    extra = full.replace(main, "", 1) if main in full else (main.replace(full, "", 1) if full in main else None)
    if extra is not None and re.fullmatch(r"(?:一般公共|拨款|支出|经费)*", extra):
        return 2
    return 0


def _matching_fact(eng, q, doc, subject, wanted, ask, measures, least: int = 1, keep=None):
    """``keep``: only the statements it accepts (reasons.py: the direction and size the question says)."""
    facts = [f for f in eng._facts.get(doc.document.doc_id, []) if keep is None or keep(f)]
    if not subject:  # "2025年年初预算数是多少": the whole budget's
        fits = [f for f in facts if (not wanted or lastyear.compatible(wanted, _basis(f, doc))) and _usable(f, ask)]
        whole = next((f for f in fits if _stem(canon(f.subject)) and not _stem(canon(f.subject))[0]), None)
        # No statement of the whole: a part the text prints as all of it (「收入预算3,121.42万元，其中：财政拨款收入
        # 3,121.42万元，比2024年预算增加107.62万元」), its change stated — the answer says the part is the whole.
        if whole is None and wholepart.asks_whole(q):
            whole = next((f for f in fits if wholepart.whole_part(f)), None)
        return (whole, _fact_cells(eng, doc, whole)) if whole is not None else None
    from .documents import department_names
    drop = tuple(sorted({doc.document.department, *department_names(doc.document.department, doc.document.region)},
                        key=len, reverse=True))
    subject = without_department(subject, drop, doc.document.region)
    best, best_score = None, 0
    by_code = _coded(doc, subject)
    short = None  # a name a table line prints as it is (事业单位医疗) is that line, never a longer one shortened
    for f in facts:
        if wanted and not lastyear.compatible(wanted, _basis(f, doc)):
            continue
        if not _usable(f, ask) or _against(q, f):
            continue
        s = max(score(subject, f.subject, drop), score(subject, qualified(f), drop)) if subject else 0
        if s == 3 and (plain := max(score(subject, f.subject, drop, False), score(subject, qualified(f), drop, False))) < 3:
            if short is None:
                asked = canon(re.sub(r"[（(][^）)]+[）)]", "", subject), drop)
                short = not any(canon(r.label) == asked for t in doc.tables for r in t.rows if r.label)
            s = s if short else plain
        if by_code:  # 行政单位医疗（2101101）is the line the narrative prints as 行政事业单位医疗（2101101）
            printed = re.search(rf"[（(]\s*{by_code[0]}\s*[）)]", f.sentence)
            if printed or any(score(n, f.subject, drop) >= 4 for n in by_code[1:]):
                s = max(s, 5 if printed else 4)
        if s > best_score:
            best, best_score = f, s
    if best is not None and best_score >= least:
        return best, _fact_cells(eng, doc, best)
    whole = canon(subject, drop)
    if whole in _WHOLES:  # 「收入预算比上年增加了多少」: a part the text prints as all of that whole (wholepart.py)
        part = next((f for f in facts if (not wanted or lastyear.compatible(wanted, _basis(f, doc))) and
                     _usable(f, ask) and wholepart.whole_part(f)[:2] in (whole, "收入" if whole == "收支" else whole)), None)
        if part is not None:
            return part, _fact_cells(eng, doc, part)
    return _by_mentions(eng, q, doc, measures, wanted, ask) if least <= 1 else None


def without_department(subject: str, names: tuple[str, ...], region: str | None = None) -> str:
    """「广州市府办公厅委托业务费」: the department named short before the subject (…办公厅) taken off with
    whatever abbreviation precedes its name; what is left of it once the name is taken (广州市府) too."""
    for n in names:  # longest first
        at = subject.find(n)
        if 0 <= at <= 6 and len(subject) > at + len(n):
            return subject[at + len(n):].lstrip("的")
    if region:
        short = re.sub(r"(?:省|市|区|县|自治区|自治州)$", "", region)
        m = re.match(rf"(?:{re.escape(region)}|{re.escape(short)})(?:市府|区府|县府|省府|市政府|区政府|县政府|政府)", subject)
        if m and len(subject) > m.end():
            return subject[m.end():].lstrip("的")
    return subject


def _against(q: str, f: ChangeFact) -> bool:
    """「…为什么比2025年执行数减少」: a statement that it increased is about another line (or another year)."""
    down, up = bool(re.search(r"减少|下降|降低|压减", q)), bool(re.search(r"增加|增长|上升|提高", q))
    moved = f.change if f.change is not None else f.rate
    return down != up and moved is not None and moved != 0 and (moved > 0) == down


def _coded(doc, subject: str) -> list[str]:
    """A subject asked with its code (「行政单位医疗（2101101）」): the code, then the names the tables print
    for it — the narrative may call the line otherwise than the question does."""
    m = re.search(r"(?<!\d)(\d{5}|\d{7})(?!\d)", subject or "")
    if m is None:
        return []
    from .corpus import plain_label
    names = {plain_label(r.label) for t in doc.tables for r in t.rows if r.code == m.group(1)}
    return [m.group(1), *sorted(n for n in names if n)]


def qualified(f: ChangeFact) -> str:
    """The subject as its passage first names it: 「一般公共预算财政拨款支出年初预算…。与上年相比，财政拨款支出减少…」
    states the change of 一般公共预算财政拨款支出, named short the second time."""
    at = f.passage.text.find(f.sentence[:12])
    m = re.search(r"([^\s，,。；;：:\d“”]{1,12}?)" + re.escape(f.subject), f.passage.text[:at]) if at > 0 else None
    return re.sub(r"^年度?", "", m.group(0)) if m else f.subject


def _basis(f: ChangeFact, doc) -> str | None:
    """What the statement compares with; a 决算's plain "上年" is last year's 决算, a 预算's last year's
    budget (never its 执行数: a statement that does not say so is not about execution)."""
    return f.basis or ("决算数" if doc.document.kind == "决算" else "预算")


def _usable(f: ChangeFact, ask: str) -> bool:
    if ask == "rate":
        return f.rate is not None or f.change is not None
    if ask == "change":
        return f.change is not None or (f.prior is not None and f.current is not None)
    return f.change is not None or f.prior is not None


def _fact_cells(eng, doc, f: ChangeFact) -> list[CellRef]:
    subject = measures_from(normalize(f.subject), eng.vocab_for(doc).mentions(normalize(f.subject)))
    return [c for m in subject for c in candidates(doc, m, None)]


def _by_mentions(eng, q, doc, measures, wanted, ask):
    """The stated change about what the question names through the vocabulary; with nothing named, the
    document's total."""
    names_asked = set().union(*(m.rows or {m.column} for m in measures)) if measures else set()
    total_fact = None
    for f in eng._facts.get(doc.document.doc_id, []):
        if (wanted and not lastyear.compatible(wanted, _basis(f, doc))) or not _usable(f, ask):
            continue
        subject = measures_from(normalize(f.subject), eng.vocab_for(doc).mentions(normalize(f.subject)))
        names = set().union(*(m.rows or {m.column} for m in subject)) if subject else {f.subject}
        cands = [c for m in subject for c in candidates(doc, m, None)]
        if (names_asked & names) or f.subject in q:
            return f, cands
        if total_fact is None and names & {"支出总计", "收入总计"}:
            total_fact = (f, cands)
    if not measures and total_fact is not None and \
            re.search(r"预算总|总额|一共|总共|收支|预算(比|较|和)|(今年|本年)(比|较)(去年|上年)|比(去年|上年)(多|少)", q):
        return total_fact
    return None


# --- answers -----------------------------------------------------------------------------------------

def _basis_word(basis: str | None) -> str:
    return {"执行数": "上年执行数", "年初预算": "上年年初预算", "预算": "上年预算", "决算数": "上年决算数"}.get(basis or "", "上年")


def _in_unit(value: Decimal, unit: str, q: str) -> tuple[Decimal, str, list[str]]:
    """A figure in the unit the question asks for ("多少万元" of a 元 table), converted exactly and shown."""
    from .figures import ASKS_WAN
    want = "万元" if ASKS_WAN.search(q) else ("元" if re.search(r"多少元|几元", q) else None)
    if want and unit != want and arith.is_money(unit):
        c = arith.convert(value, unit, want)
        return c.value, want, [c.formula]
    return value, unit, []


def _direction(d: Decimal) -> str:
    return "增加" if d > 0 else ("减少" if d < 0 else "持平")


def _from_columns(question, q, doc, pair: lastyear.Pair, ask, name: str | None = None) -> Answer:
    """``name``: what the row is called, where its cells' own name would be another column's (扣除…后预算数)."""
    now, prior = pair.now, pair.prior
    unit = unit_of(prior)
    name = name or (now or prior).name()
    if name in (*TOTAL_LABELS, "小计"):  # the total row read under a 小计 column: the table's total, named by its title
        name = f"{(now or prior).table.title}合计"
    which = _basis_word(pair.basis)
    said = "" if wanted_basis(q, doc.document.year) else f"（表中所列的上年数是{which}）"
    if now is None:  # last year's column named in the question: its cell
        value, u, conv = _in_unit(prior.value, unit, q)
        text = f"{name}（{prior.cell.column.split('/')[0]}）为 {arith.with_unit(value, u)}（{prior.where()}）"
        return Answer(question, ANSWERED, text, value, u, "；".join(conv) or None, [prior.citation()])
    cites = [now.citation(), prior.citation()] + [c.citation() for c in (pair.change, pair.rate) if c is not None]
    where = f"今年 {arith.with_unit(now.value, unit)}（{now.where()}），{which} {arith.with_unit(prior.value, unit)}（{prior.where()}）"
    d = now.value - prior.value
    diff = f"{arith.fmt(now.value)} − {arith.fmt(prior.value)} = {arith.fmt(d)}"
    printed = f"；表中增减列为 {pair.change.cell.raw}" if pair.change is not None else ""
    if ask == "other":  # which year is more: the larger of the two cells, both shown
        more = "上年" if prior.value > now.value else ("今年" if prior.value < now.value else "两年一样")
        value, u, conv = _in_unit(max(prior.value, now.value), unit, q)
        return Answer(question, ANSWERED, f"{name}{more}多：{where}{said}", value, u, "；".join([diff, *conv]), cites)
    if ask == "prior":
        value, u, conv = _in_unit(prior.value, unit, q)
        text = f"{name}的{which}为 {arith.with_unit(value, u)}（{prior.where()}）{said}"
        return Answer(question, ANSWERED, text, value, u, "；".join(conv) or None, cites)
    if ask == "rate":
        if prior.value == 0:
            return Answer(question, ANSWERED, f"{name}{which}为 0，无法计算增长率：{where}", None, None, None, cites)
        r = arith.round2(abs(d) / prior.value * 100)
        formula = f"({diff}) ÷ {arith.fmt(prior.value)} × 100 = {'−' if d < 0 else ''}{arith.fmt(r)}%"
        stated = f"；表中增减率为 {pair.rate.cell.raw}" if pair.rate is not None else ""
        text = f"{name}比{which}{_direction(d)} {arith.fmt(r)}%：{where}{said}{stated}"
        return Answer(question, ANSWERED, text, r, "%", formula, cites)
    value, u, conv = _in_unit(abs(d), unit, q)
    text = f"{name}比{which}{_direction(d)} {arith.with_unit(value, u)}：{where}{said}{printed}"
    return Answer(question, ANSWERED, text, value, u, "；".join([diff, *conv]), cites)


def _why(question, doc, fact: ChangeFact) -> Answer:
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page,
                    fact.passage.text, section=fact.passage.section)
    return Answer(question, ANSWERED, f"文中说明：“{fact.passage.text.strip()}”", None, None, None, [cite])


def _from_fact(eng, question, q, doc, fact: ChangeFact, cands: list[CellRef], ask) -> Answer:
    cite = Citation(doc.document.label, doc.document.doc_id, None, None, None, fact.passage.page,
                    fact.sentence, section=fact.passage.section)
    unit = fact.unit
    stated = f"文中说明：“{fact.sentence}”"
    which = _basis_word(fact.basis)
    said = "" if wanted_basis(q, doc.document.year) or fact.basis is None else f"（文中比较的是{which}）"
    cites = [cite]
    shown: list[str] = []
    now_value, now_text = fact.current, "（文中所列）"
    if now_value is None:
        current = next((c for c in cands if arith.is_money(unit_of(c))), None)
        if current is not None:
            now_value, cites = current.value, [current.citation(), cite]
            if unit_of(current) != unit:  # the change is stated in 万元: this year's figure converted, shown
                c = arith.convert(current.value, unit_of(current), unit)
                now_value = c.value
                shown.append(c.formula)
            now_text = f"（{current.where()}）"
    delta = fact.change
    if delta is None and fact.prior is not None and now_value is not None:
        delta = now_value - fact.prior
        # The change as a magnitude, each way round (the answer states 减少 18.02, not −18.02)
        hi, lo = (now_value, fact.prior) if delta >= 0 else (fact.prior, now_value)
        shown.append(f"{'增加' if delta >= 0 else '减少'} {arith.fmt(hi)} − {arith.fmt(lo)} = {arith.fmt(abs(delta))}")
    prior = fact.prior
    if prior is None and delta is not None and now_value is not None:
        p = arith.prior(now_value, delta)
        prior = p.value
        shown.append(f"上年 {p.formula}")
    now = f"今年 {arith.with_unit(now_value, unit)}{now_text}" if now_value is not None else ""
    direction = _direction(delta if delta is not None else (fact.rate or Decimal(0)))
    if ask == "rate":
        if fact.rate is not None:
            value = abs(fact.rate)
            if delta is not None and prior:
                shown.append(f"核算 {arith.change_rate(delta, prior).formula}")
            text = f"{fact.subject}比{which}{direction} {arith.fmt(value)}%（文中所列）。{stated}"
            return Answer(question, ANSWERED, text, value, "%", "；".join(shown) or None, cites)
        if delta is None or not prior:
            return eng.not_found(question, f"文中说明了“{fact.subject}”的变化，但没有上年数，无法计算增长率")
        r = arith.change_rate(delta, prior)
        text = f"{fact.subject}比{which}{direction} {arith.fmt(r.value)}%：{now}，上年 {arith.with_unit(prior, unit)}。{stated}"
        return Answer(question, ANSWERED, text, r.value, "%", "；".join([*shown, r.formula]), cites)
    if ask == "change" and delta is not None:
        value, u, conv = _in_unit(abs(delta), unit, q)
        whole = wholepart.whole_part(fact) if wholepart.asks_whole(q) else ""  # the whole asked: its one part stated
        said += f"（{wholepart.said(whole, fact)}）" if whole else ""
        text = f"{fact.subject}比{which}{direction} {arith.with_unit(value, u)}{said}。{stated}"
        if both(q) and now:  # 「X多少，比去年少了多少」: this year's figure asked too, stated first
            text = f"{fact.subject}{now}；{text}"
        return Answer(question, ANSWERED, text, value, u, "；".join([*shown, *conv]) or None, cites)
    if prior is None:
        return eng.not_found(question, f"文中说明了“{fact.subject}”的变化，但表格里找不到它今年的数，无法推算上年数")
    if ask == "other" and now_value is not None:
        if W.MULTIPLE.search(q):
            if base_is_prior(q, doc.document.year):  # 「2021年的X是2020年的多少倍」: this year's over last year's
                m = arith.multiple(now_value, prior)
                text = f"今年{fact.subject}是上年的 {arith.fmt(m.value)} 倍：{now}，上年 {arith.with_unit(prior, unit)}。{stated}"
            else:
                m = arith.multiple(prior, now_value)
                text = f"上年{fact.subject}是今年的 {arith.fmt(m.value)} 倍：{now}，上年 {arith.with_unit(prior, unit)}。{stated}"
            return Answer(question, ANSWERED, text, m.value, "倍", "；".join([*shown, m.formula]), cites)
        hi = max(prior, now_value)
        more = "上年" if prior > now_value else "今年"
        text = f"{more}多：上年 {arith.with_unit(prior, unit)}，{now}。{stated}"
        return Answer(question, ANSWERED, text, hi, unit, "；".join(shown) or None, cites)
    value, u, conv = _in_unit(prior, unit, q)
    how = "（文中所列）" if fact.prior is not None else f"：{now}，{direction} {arith.fmt(abs(delta))} {unit}"
    text = f"{doc.document.year - 1}年{fact.subject}（{which}）为 {arith.with_unit(value, u)}{how}。{stated}"
    return Answer(question, ANSWERED, text, value, u, "；".join([*shown, *conv]) or None, cites)


def base_is_prior(q: str, year: int) -> bool:
    """「A是B的几倍」 divides by B: True where B, said after 是 and before 的…倍, is last year (上年, 去年, the year
    before the document's) and not this year — 「今年的培训费是上年的多少倍」, 「2021年的X是2020年的多少倍」."""
    m = re.search(r"是(?P<b>[^，,。？?；;是]*?)的?(?:多少|几)(?:个)?倍", q)
    if m is None:
        return False
    b = m.group("b")
    prior = re.search(rf"上年|去年|上一年|前一年|{year - 1}\s*年", b)
    now = re.search(rf"今年|本年|{year}\s*年", b)
    return bool(prior) and not now
