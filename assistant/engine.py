"""The answer engine: a question in plain Chinese → an exact, cited Answer.

No language model is needed: the question is matched against a vocabulary built from the ingested
tables (plus a maintained synonym list), an operation is read from its wording, and every figure is
read from the store or computed from it with Decimal. Text questions are answered by quoting the
passages that hybrid retrieval finds. The same ``Engine.ask`` serves the CLI, the app and the evaluation.
"""
from __future__ import annotations

import re
import time

from ingest import derived, model
from ingest.home import Home
from ingest.model import ParsedDocument

from . import arith, documents, llm, sets, synonyms, yearly
from . import tableanswer, targets, textrank
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, Citation
from .corpus import CACHED_DOCUMENTS, _LRU, Corpus, unit_of
from .perf import score_rows
from .scope import corpus_summary, out_of_scope, years_in
from .stated import as_of
from .stated import counts_things as stated_count
from .tables import Measure, measures_from
from .vocab import Vocabulary, normalize, simplified



VOCAB = "vocab"  # the derived record of a document's vocabulary

# Above this many documents, text questions search the chosen document's items alone (see retriever).
LARGE_CORPUS = 64


class Engine:
    def __init__(self, home: Home | str | None = None, *, follow: bool = True):
        """``follow``: pick up what other processes ingest (the app). A batch of questions or an evaluation
        passes False: it answers from the documents ready when it began, so one run never mixes versions —
        it reloads only when a document it answers from was replaced or deleted."""
        self.home = home if isinstance(home, Home) else Home(home)
        self._follow = follow
        self._retriever = None
        self._retriever_docs: list[str] = []
        self._llm = llm.configured()
        self.reload()

    def reload(self) -> None:
        # The documents' metadata only: a document's tables, vocabulary and stated changes are read when a
        # question is about it, and a few are kept (LRU), so memory and answer time stay flat (issue 14).
        self.corpus = Corpus.load(self.home.store)
        self._vocabs = _LRU(CACHED_DOCUMENTS)
        self._indexes = _LRU(CACHED_DOCUMENTS)
        self._facts = self.corpus.facts  # .get(doc_id, default), computed on first use
        self._checked = time.monotonic()

    @property
    def vocab(self) -> Vocabulary:
        """The names every document's tables use (reads every document: tools only, never per question)."""
        if len(self.corpus.docs) == 1:
            return self.vocab_for(self.corpus.docs[0])
        return Vocabulary(self.corpus.docs)

    def vocab_for(self, doc: ParsedDocument) -> Vocabulary:
        """The names one document's tables use (a question about it is read with its own words only)."""
        return self._vocabs.get(doc.document.doc_id, lambda: self._kept_vocab(doc))

    def _kept_vocab(self, doc: ParsedDocument) -> Vocabulary:
        return self._kept(doc, VOCAB, lambda: Vocabulary([doc]), Vocabulary.load)

    def form_index(self, doc: ParsedDocument):
        """What the document's performance forms are called (assistant/formindex.py)."""
        from . import formindex
        return self._indexes.get(doc.document.doc_id, lambda: self._kept(
            doc, formindex.KIND, lambda: formindex.build(doc), formindex.FormIndex.load))

    def _kept(self, doc: ParsedDocument, kind: str, build, load):
        """What this code derives from a document, kept beside it by the code's version (ingest/derived.py),
        else derived from its tables and kept (a read-only or busy store only makes the next question derive
        it again)."""
        doc_id, store, version = doc.document.doc_id, self.home.store, derived.code_version()
        with self.corpus._lock:  # one connection, one reader at a time
            payload = derived.read(store, kind, "", version, [doc_id]).get(doc_id)
        if payload is not None:
            return load(payload)
        made = build()
        try:
            with self.corpus._lock:
                derived.write(store, kind, version, [(doc_id, "", made.dump())])
        except Exception:  # noqa: BLE001 — a record not kept is not an error of the answer
            pass
        return made

    def _scope_mentions(self, q: str, docs) -> list:
        """The names a question uses, read with the words of the documents it can be about (the one chosen,
        else the first few candidates): what out_of_scope needs, without a vocabulary of every document."""
        if len(docs) == 1:
            return self.vocab_for(docs[0]).mentions(q)
        choice = documents.choose(q, self.corpus.naming(q, docs))
        pool = [choice.doc] if choice.doc is not None else choice.candidates[:4]
        return [m for d in pool for m in self.vocab_for(d).mentions(q)]

    def _refresh(self) -> None:
        """Another process (a replica, a batch ingest) changed the store: read the metadata again. Checked
        at most once a second, one small query."""
        now = time.monotonic()
        if now - self._checked >= 1.0:
            self._checked = now
            if self.corpus.stale() and (self._follow or self.corpus.lost()):
                self.reload()

    # --- entry point ---------------------------------------------------------------------------------

    def ask(self, question: str, doc_ids: list[str] | None = None) -> Answer:
        """Answer a question; with a language model configured (BUDGETQA_LLM), it may reword the answer."""
        self._refresh()
        try:
            answer = self._ask(question, doc_ids)
        except ZeroDivisionError as e:  # a share or rate over a figure of 0 (arith.ZeroBase): cannot be computed
            said = f"（{e}）" if str(e) else ""
            answer = Answer(question, NOT_FOUND, f"无法计算：作为除数（预算数、基数或整体）的数是 0{said}，"
                                                 "比例、倍数或完成率没有意义。")
        return llm.rephrase(answer, self._llm) if self._llm is not None else answer

    def _ask(self, question: str, doc_ids: list[str] | None) -> Answer:
        from .scope import full_years
        q = full_years(normalize(simplified(question)))
        docs = self.corpus.select(doc_ids)
        if not q:
            return Answer(question, NOT_FOUND, "请输入一个问题。")
        if not docs:
            return Answer(question, NOT_FOUND, corpus_summary(docs))
        if W.CHECK.search(q):
            return self._check(question, docs)
        from . import lists  # "部门预算包括哪些单位" is about one department's units, not several departments
        if len(docs) > 1 and not lists.own_units(q):  # one figure across departments or years (assistant/across.py)
            from . import across
            ans = across.answer(self, question, q, docs)
            if ans is not None:
                return ans
        extra_years = self.corpus.extra_years(docs, years_in(q))  # only the years asked: no document read
        mentions = self._scope_mentions(q, docs)
        reason = out_of_scope(q, docs, extra_years, "".join(m.text for m in mentions))
        if reason:
            return Answer(question, NOT_FOUND, f"无法回答：{reason}。{corpus_summary(self.corpus.docs)}")
        choice = documents.choose(q, self.corpus.naming(q, docs))  # the same choice, without every name
        if choice.doc is None:
            if choice.reason:
                return Answer(question, NOT_FOUND, f"无法回答：{choice.reason}。{corpus_summary(self.corpus.docs)}")
            from . import qualifiers  # a unit with no document of its own (assistant/qualifiers.py)
            unit = qualifiers.unit_document(q, [self.corpus.select([d.document.doc_id])[0] for d in choice.candidates])
            if unit:
                return Answer(question, NOT_FOUND, f"没有找到答案：{unit}。")
            from . import samedept  # one department's documents of several years: asked of each (assistant/samedept.py)
            if (ans := samedept.answer(self, question, q, choice)) is not None:
                return ans
            names = "、".join(d.document.label for d in choice.candidates)
            why = f"问题可能指多份文件（{names}），请在问题里说明是哪个部门、哪一年、预算还是决算，或在侧栏选择文件。"
            return Answer(question, AMBIGUOUS, why, readings=[d.document.label for d in choice.candidates])
        return self.on(question, q, choice.doc, choice.named, mentions)

    def on(self, question: str, q: str, doc: ParsedDocument, named: str, mentions=None) -> Answer:
        """The question answered from one chosen document (``named``: the department's words the question used)."""
        if len(self.corpus.docs) > 1 or named or mentions is None:
            # The department's name says which document; its words are no budget line ("杭州市气象局").
            q = documents.without_name(q, named)
            mentions = self.vocab_for(doc).mentions(q)
        from . import twopart  # 「分几个领域安排，哪个领域最多」: each clause asked on its own, both answered (assistant/twopart.py)
        answer = twopart.answer(self, question, q, doc) or self.checked(question, q, doc, mentions)
        if len(self.corpus.docs) > 1 and answer.status != NOT_FOUND:
            answer.answer = f"〔{doc.document.label}〕{answer.answer}"  # several documents: say which one
        return answer

    def checked(self, question: str, q: str, doc: ParsedDocument, mentions=None) -> Answer:
        """One question (or one clause of it) answered from the document, then checked: does the figure answer
        what was asked."""
        mentions = self.vocab_for(doc).mentions(q) if mentions is None else mentions
        from . import amongwhich  # 「几个项目里，哪个最多」: a ranking over the set, no count (assistant/amongwhich.py)
        if (among := amongwhich.rewrite(q)) != q:
            q, mentions = among, self.vocab_for(doc).mentions(among)
        from . import partshare  # 「X里，Y占百分之多少」 said 「Y占X的比例」 (assistant/partshare.py)
        answer = None
        if (said := partshare.reorder(q)) is not None:  # found nothing so: the question's own order is read
            answer = self._answer(question, said, doc, self.vocab_for(doc).mentions(said))
            q, answer = (said, answer) if answer.status != NOT_FOUND else (q, None)
        if answer is None:
            answer = self._answer(question, q, doc, mentions)
        from . import wholewords  # 「支出预算是多少」 found nothing: the department's printed total (assistant/wholewords.py)
        answer = wholewords.reread(self, question, q, doc, answer) or answer
        from . import unitwords  # 「表里是按元列的，帮我换成万元」 found nothing: asked again without it (assistant/unitwords.py)
        answer = unitwords.reread(self, question, q, doc, answer) or answer
        from . import guard  # money given for days, beds or people: not an answer (assistant/guard.py)
        answer = guard.mismatch(q, answer) or answer
        from . import qualifiers  # the part asked, not its whole or a neighbour (assistant/qualifiers.py)
        answer = qualifiers.check(q, answer, doc) or answer
        from . import restates  # the narrative prints the line otherwise: both readings (assistant/restates.py)
        answer = restates.check(self, q, answer, doc) or answer
        return answer

    def _answer(self, question: str, q: str, doc: ParsedDocument, mentions) -> Answer:
        from . import operands  # 「A加上B一共多少钱」: the sum's wording, no third name (assistant/operands.py)
        mentions = operands.spoken_sum(q, mentions)
        from . import spoken  # a subject before 一共多少钱, a scope before the operands, a whole after its parts
        mentions = spoken.mentions(q, mentions, doc, self.vocab_for(doc))
        from . import scopewords  # 「表5（…）中」「按X口径」「政府采购预算中」: where to read, no operand
        mentions = scopewords.mentions(q, mentions, doc)
        hint = next((m.table for m in mentions if m.table), None)
        measures = measures_from(q, mentions)
        from . import placed  # "基本支出里的培训费和项目支出里的培训费": one line read in each part named
        measures = placed.regroup(q, mentions, doc) or measures
        from .wholes import spent  # 「一共花了多少钱」 of a 决算: its 本年支出合计, not the 支出总计
        measures = spent(doc, q, measures, self.vocab_for(doc))
        numeric = bool(W.NUMERIC.search(q))
        from . import reasons  # 「X为啥比去年少了」: the narrative's reason, quoted (assistant/reasons.py)
        if (ans := reasons.answer(self, question, q, doc)) is not None:
            return ans
        from . import staffing  # 编制 and 实有 people as the narrative states them (assistant/staffing.py)
        if (ans := staffing.answer(question, q, doc)) is not None:
            return ans
        from . import blockcount, withheld  # n projects of one unit summed; what is withheld or only counted
        if (ans := blockcount.answer(question, q, doc) or withheld.answer(question, q, doc)) is not None:
            return ans
        from . import unitblocks  # a unit's own rows of a table printed unit by unit (assistant/unitblocks.py)
        if (ans := unitblocks.answer(question, q, doc)) is not None:
            return ans
        from . import unitforms  # the performance forms a unit carries out (实施单位), named or ranked (assistant/unitforms.py)
        if (ans := unitforms.answer(question, q, doc)) is not None:
            return ans
        from . import pervehicle  # 「平均一辆车养车花多少」: a vehicle fee ÷ the vehicles held (assistant/pervehicle.py)
        if (ans := pervehicle.answer(question, q, doc, measures, hint)) is not None:
            return ans
        from . import headedparts  # 「项目支出里哪一类最多」: the numbered items under a heading's whole (assistant/headedparts.py)
        if (ans := headedparts.answer(question, q, doc)) is not None:
            return ans
        if W.RANK.search(q) and not W.PERF_WORDS.search(q):  # 哪个项目金额最大: the 项目支出表, before the forms
            from . import groups, ranks  # a group's parts named 「G-X」 (assistant/groups.py) first
            from . import unitranks  # 「哪个单位的基本支出最少」: the department's units ranked (assistant/unitranks.py)
            ans = unitranks.answer(question, q, doc, mentions, hint) or groups.prefixed(question, q, doc) or \
                groups.by_column(question, q, doc) or ranks.projects(question, q, doc)
            if ans is not None:
                return ans
        from . import quantity  # a quantity asked (数量, 几场): a 数量 column, not money (assistant/quantity.py)
        if (ans := quantity.answer(question, q, doc)) is not None:
            return ans
        from . import groupparts  # a fund printed only as its 「G-X」 lines: listed, counted, summed (assistant/groupparts.py)
        if (ans := groupparts.answer(question, q, doc)) is not None:
            return ans
        from . import itemparts  # an item's parts: counted, one's share of it (assistant/itemparts.py)
        if (ans := itemparts.answer(question, q, doc, mentions)) is not None:
            return ans
        from . import perfscores  # a project's 自评 score the text states otherwise than its form: both readings
        if (ans := perfscores.answer(question, q, doc, self.form_index(doc))) is not None:
            return ans
        from . import tablelines  # 「表5项目支出总表列了多少个项目」: a named table's item lines counted (assistant/tablelines.py)
        if (ans := tablelines.answer(question, q, doc, mentions)) is not None:
            return ans
        from . import narrated  # what one narrative sentence states: a whole and its parts (assistant/narrated.py)
        if (ans := narrated.answer(question, q, doc, measures)) is not None:
            return ans
        from . import units  # a unit of the department named in a table listed by 单位名称 (assistant/units.py)
        ans = units.answer(question, q, doc, mentions, hint)
        if ans is not None:
            return ans
        from . import stagerows  # 「培训费预算数」 in a 决算 table of 预算数 | 决算数 rows (assistant/stagerows.py)
        if (ans := stagerows.answer(question, q, doc, mentions, hint)) is not None:
            return ans
        from . import classsum  # 「工资奖金津补贴」: a 政府经济科目 class, the sum of its rows (assistant/classsum.py)
        if (ans := classsum.answer(question, q, doc, self.vocab_for(doc))) is not None:
            return ans
        from . import partshare  # a 部门整体支出 form's task over the form's 金额合计 (assistant/partshare.py)
        if (ans := partshare.task_share(question, q, doc)) is not None:
            return ans
        from . import formfunds  # the published 绩效目标表 projects' funds together: sum, rank, ambiguous
        if (ans := formfunds.answer(question, q, doc)) is not None:
            return ans
        from . import perftables  # the PDF's performance forms: targets, actuals, scores (assistant/perftables.py)
        from .perfmask import perf_query  # table lines (30107 绩效工资 …) are no words about the forms
        from . import perfaverage  # 「自评的几个项目平均得分」: the stated average, else the forms' 总分 averaged
        if (ans := perfaverage.answer(question, q, doc)) is not None:
            return ans
        from . import projectcounts  # 「多少个一级项目做了绩效自评」: the count the narrative states, not the forms counted
        if (ans := projectcounts.answer(question, q, doc)) is not None:
            return ans
        from . import perfnamed  # 「报了绩效目标的项目有哪些」: the projects the narrative names (assistant/perfnamed.py)
        if (ans := perfnamed.answer(question, q, doc)) is not None:
            return ans
        index = self.form_index(doc)
        from . import perfcompare  # 「A和B两个项目，哪个执行率高」: each project's figure, compared (assistant/perfcompare.py)
        if (ans := perfcompare.answer(question, perf_query(q, mentions, index.projects), doc, index)) is not None:
            return ans
        ans = perftables.answer(question, perf_query(q, mentions, index.projects), doc, index)
        if ans is not None:
            return ans
        from . import goalfigures  # 「年度目标里要储备多少活体生猪」: a figure of a form's goal text, its unit printed
        if (ans := goalfigures.answer(question, q, doc)) is not None:
            return ans
        from . import named  # a project's 绩效目标 in a table of 重点项目 (assistant/named.py)
        ans = named.goal(question, q, doc)
        if ans is not None:
            return ans
        from . import lists  # list questions answered with every item's name (assistant/lists.py)
        ans = lists.answer(question, q, doc)
        if ans is not None:
            return ans
        from . import blocks  # a project's 实施主体/年度预算安排, a section asked by its heading (assistant/blocks.py)
        ans = blocks.answer(question, q, doc)
        if ans is not None:
            return ans
        # 「几辆公务用车」 counts vehicles, no money line: the narrative's count is read below (assistant/stated.py).
        unprinted = self._unprinted(q, doc, mentions) if numeric and not stated_count(q) else None
        if unprinted:  # "人员经费占基本支出…" where no table or sentence gives 人员经费: never answer without it
            return self.not_found(question, f"{doc.document.label}没有单列“{unprinted}”这个数")
        from . import execution  # a 决算's 决算数 ÷ 预算数 (assistant/execution.py)
        ans = execution.answer(question, q, doc, measures, hint)
        if ans is not None:
            return ans
        from . import overview  # "这个部门的钱主要花在哪": the composition (assistant/overview.py)
        ans = overview.answer(question, q, doc, measures)
        if ans is not None:
            return ans
        if W.CHANGE.search(q) or any(y == doc.document.year - 1 for y in years_in(as_of(q))) or yearly.implicit(q):
            ans = yearly.change(self, question, q, doc, measures, hint)
            if ans is not None:
                return ans
            unnamed = q
            for m in mentions:  # "上年结转", "去年没花完" name a line of this year's budget
                unnamed = unnamed.replace(m.text, "|")
            asked = set(years_in(q))
            if not W.CHANGE.search(unnamed.replace("上年末", "")) and doc.document.year - 1 in asked and \
                    doc.document.year not in asked and len(self.corpus.docs) > 1:
                y = doc.document.year - 1
                return self.not_found(question, f"语料库没有{doc.document.department} {y} 年的文件，"
                                                 f"{doc.document.label}也没有说明这一项 {y} 年的数")
            if re.search(r"为什么|为何|什么原因|原因", q):  # why it changed: the narrative's reason, quoted
                return self._text(question, q, doc)
            if W.CHANGE.search(unnamed.replace("上年末", "")):
                # Last year's figures exist only where the narrative states a change: never guess one.
                stated = "、".join(dict.fromkeys(f.subject for f in self._facts.get(doc.document.doc_id, [])))
                return self.not_found(question, "文件没有说明这一项与上年相比的变化" +
                                       (f"（正文只说明了{stated}的增减）" if stated else ""))
        if hint == model.INSTITUTIONS and not W.COUNT.search(q) and not W.LIST.search(q):
            ans = tableanswer.institutions(question, q, doc)
            if ans is not None:
                return ans
        perf = score_rows(q, doc)
        perf_strong = bool(perf) and perf[0].score >= W.MIN_PERF_SCORE
        project = targets.named_project(q, doc)
        if project is not None and re.search(r"指标|目标", q) and not W.NUMERIC.search(q.replace("是什么", "")):
            return targets.project_overview(question, doc, project)
        if W.COUNT.search(q) and not measures and not hint:
            ans = sets.count_items(self, question, q, doc)
            if ans is not None:
                return ans
        from . import counts  # tables published, a detail table's items, counts the narrative states
        ans = counts.answer(question, q, doc, measures, hint)
        if ans is not None:
            return ans
        if perf_strong and re.search(r"什么时候|何时|依据|多久|期限", q):
            return targets.answer_target(question, q, doc, perf)
        if W.TEXT.search(q) and not (numeric and (measures or perf_strong)):
            return self._text(question, q, doc)
        listing_projects = W.LIST.search(q) and "项目" in q
        if project is not None and perf_strong and not listing_projects:
            # The question names a project of the 绩效目标表 ("村级组织办公经费…"): its targets, not a table line.
            return targets.answer(question, q, doc, perf)
        settable = measures or hint or re.search(r"类|款|项级|科目|明细|绩效|项目|渠道|来源|从哪", q)
        if settable and (W.LIST.search(q) or (W.COUNT.search(q) and not W.MULTIPLE.search(q))):
            ans = sets.count_or_list(self, question, q, doc, measures, hint)
            if ans is not None:
                return ans
        if W.RANK.search(q) or W.COMPARE.search(q):
            from . import ranks  # projects of a 项目支出表; parts of a total printed as columns (assistant/ranks.py)
            ans = ranks.projects(question, q, doc) or ranks.parts(question, q, doc, hint)
            if ans is not None:
                return ans
        table_first = measures and (W.RANK.search(q) or not W.PERF_WORDS.search(q))
        if perf_strong and not table_first:
            return targets.answer(question, q, doc, perf)
        if W.RANK.search(q):
            from . import focus  # "一般公共预算支出中…最大的项级科目": the table whose title the words repeat
            ans = sets.rank(self, question, q, doc, measures, hint or focus.titled_kind(doc, q))
            if ans is not None:
                return ans
        if measures:
            from . import named  # a project named in full, a word of which is some subject's name
            ans = named.answer(question, q, doc, mentions) if numeric or W.COMPARE.search(q) else None
            return ans or tableanswer.table(self, question, q, doc, measures, hint)
        if hint and numeric:
            ans = tableanswer.table_total(question, doc, hint)
            if ans is not None:
                return ans
        if perf_strong:
            return targets.answer_target(question, q, doc, perf)
        if numeric and _about_the_whole_budget(q, doc):
            total = frozenset(self.vocab_for(doc).rows.get("支出总计") or {"支出总计"})
            from .wholes import spent  # 「全年到底花了多少钱」 of a 决算: its 本年支出合计
            whole = spent(doc, q, [Measure(total, None, "支出总计", 0)], self.vocab_for(doc))
            return tableanswer.table(self, question, q, doc, whole, None)
        if numeric:
            ans = tableanswer.composite(self, question, q, doc)
            if ans is not None:
                return ans
            absent = next((c for c in synonyms.FUNCTION_CLASSES if c in q and c not in self.vocab_for(doc).labels), None)
            if absent:  # a 类 the document does not list: say so rather than answer a line of a similar name
                return self.not_found(question, f"{doc.document.label}的表格没有列出“{absent}”这一类支出（即没有安排）")
            from . import named  # projects and programmes by name (assistant/named.py)
            ans = named.answer(question, q, doc)
            if ans is not None:
                return ans
            ans = tableanswer.partial(self, question, q, doc)
            if ans is not None:
                return ans
            from . import focus  # "离退休的钱有多少": a word several lines' names hold, figures differ
            shared = focus.shared_word(q, doc, self.vocab_for(doc).labels)
            if shared:
                lines = [f"{c.name()}（{c.table.title}，{c.cell.column}列）：{arith.with_unit(c.value, unit_of(c))}"
                         for c in shared]
                return Answer(question, AMBIGUOUS, "问题中的说法对应多个科目，数值不同：" + "；".join(lines) +
                              "。请说明指哪一个。", None, None, None, [c.citation() for c in shared], readings=lines)
        if not numeric:
            return self._text(question, q, doc)
        return self.not_found(question, "表格里没有找到问题提到的科目或项目")

    def _unprinted(self, q: str, doc: ParsedDocument, mentions) -> str | None:
        """A canonical figure the question names (人员经费, 机关运行经费 …) that this document prints nowhere
        under any name: no mention covers it and the vocabulary has no word for it."""
        vocab = self.vocab_for(doc)
        for m in vocab.canonical(q):
            if any(x.start < m.end() and m.start() < x.end for x in mentions):
                continue
            concept = synonyms.concept_of(m.group())
            if concept in synonyms.COMPOSITES or concept is None:
                continue  # summed from its parts where not printed (see _composite)
            words = {normalize(w) for w in (concept, *synonyms.MEANINGS[concept])}
            if not words & (set(vocab.rows) | set(vocab.columns)):
                return m.group()
        return None

    def not_found(self, question: str, why: str) -> Answer:
        return Answer(question, NOT_FOUND, f"没有找到答案：{why}。{corpus_summary(self.corpus.docs)}")

    # --- table questions -----------------------------------------------------------------------------

    # --- text questions ------------------------------------------------------------------------------

    def _text(self, question: str, q: str, doc: ParsedDocument) -> Answer:
        # The document is chosen: its department's name and year would only draw its title page.
        query = re.sub(r"(?:19|20)\d{2}\s*年度?|部门预算|部门决算|（[^）]*）$", "", documents.without_name(
            q, max((n for n in documents.department_names(doc.document.department, doc.document.region) if n in q),
                   key=len, default=""))) or question
        hits = textrank.rerank(query, self.retriever(doc).search(query, k=12, doc_ids=[doc.document.doc_id], kind="passage"))
        if not hits:
            return self.not_found(question, "正文里没有找到相关的说明")
        top = hits[:3]
        cites = [Citation(doc.document.label, doc.document.doc_id, None, None, None, h.metadata.get("page"),
                          _passage_text(doc, h), section=h.metadata.get("section")) for h in top]
        quote = "\n\n".join(f"「{c.text}」（{c.section}{'，第' + str(c.page) + '页' if c.page else ''}）" for c in cites)
        return Answer(question, ANSWERED, f"文件中的相关说明：\n{quote}", None, None, None, cites)

    def retriever(self, doc: ParsedDocument | None = None):
        """Hybrid BM25 + vector retrieval, built on first use: table questions never pay for the model. In a
        large corpus (more than LARGE_CORPUS documents) a question about one document gets a retriever over
        that document's items only (kept in the LRU), never one over every document's items."""
        from assistant.retrieve import HybridRetriever
        from ingest.pipeline import index_items
        if doc is not None and len(self.corpus.docs) > LARGE_CORPUS:
            return self._vocabs.get(("retriever", doc.document.doc_id),
                                    lambda: HybridRetriever(index_items(doc), self.home.index))
        ids = [d.document.doc_id for d in self.corpus.docs]
        if self._retriever is None or self._retriever_docs != ids:
            items = [it for d in self.corpus.docs for it in index_items(d)]
            self._retriever = HybridRetriever(items, self.home.index)
            self._retriever_docs = ids
        return self._retriever

    # --- fact check ----------------------------------------------------------------------------------

    def _check(self, question: str, docs: list[ParsedDocument]) -> Answer:
        from .check import run_checks, summarize
        lines, cites = [], []
        for d in docs:
            checks = run_checks(d)
            s = summarize(checks)
            fails = [c for c in checks if c.verdict == "fail"]
            v = s.get("verdicts", s)
            lines.append(f"{d.document.label}：共 {len(checks)} 项核对，通过 {v.get('pass', 0)}，不一致 {v.get('fail', 0)}，"
                         f"无法核对 {v.get('unchecked', 0)}，不适用 {v.get('not_applicable', 0)}。")
            for c in fails[:10]:
                figures = f"：应为 {arith.fmt(c.expected)}，实为 {arith.fmt(c.found)}，相差 {arith.fmt(c.difference)}" \
                    if c.expected is not None and c.found is not None and c.difference is not None else ""
                lines.append(f"  ✗ {c.description}{figures}")
                for ref in c.cells[:3]:  # the check names cells with the engine's CellRef: cite them the same way
                    cites.append(ref.citation())
            if not fails:
                lines.append("  所有可核对的数字前后一致。")
        return Answer(question, ANSWERED, "\n".join(lines), None, None, None, cites)


_GENERIC = re.compile(r"今年|本年|全年|一年|一共|总共|总计|总|共|有|能|可以|可|花|用|钱|预算|多少|是|的|了|吗|呢|部门|单位|"
                      r"到底|究竟|实际上?|大概|大约|"
                      # 「一共打算花多少钱啊」「总共准备花多少万元」: an intention, a particle, the unit asked
                      r"打算|准备|计划|预计|要|啊|呀|吧|哈|(?:万|亿)?元|"
                      r"经费|资金|安排|\d{4}年|年度|？|\?|，|。")


def _about_the_whole_budget(q: str, doc: ParsedDocument) -> bool:
    """"组织部今年有多少钱？": nothing named but the department and money: the whole budget."""
    rest = q
    for name in sorted(documents.department_names(doc.document.department, doc.document.region), key=len, reverse=True):
        rest = rest.replace(name, "")
    return _GENERIC.sub("", rest) == ""


def _passage_text(doc: ParsedDocument, hit) -> str:
    ordinal = hit.metadata.get("row")
    p = next((p for p in doc.passages if p.ordinal == ordinal), None)
    return p.text if p else hit.text
