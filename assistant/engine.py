"""The answer engine: a question in plain Chinese → an exact, cited Answer.

No language model is needed: the question is matched against a vocabulary built from the ingested
tables (plus a maintained synonym list), an operation is read from its wording, and every figure is
read from the store or computed from it with Decimal. Text questions are answered by quoting the
passages that hybrid retrieval finds. The same ``Engine.ask`` serves the CLI, the app and the evaluation.
"""
from __future__ import annotations

import re
import time

from ingest import derived
from ingest.home import Home
from ingest.model import ParsedDocument

from . import arith, documents, llm, textrank
from . import wording as W
from .answer import AMBIGUOUS, ANSWERED, NOT_FOUND, Answer, Citation
from .corpus import CACHED_DOCUMENTS, _LRU, Corpus
from .scope import corpus_summary, out_of_scope, years_in
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
        from . import mentioned  # 「有A和B两份材料，2024年的…」「（不是2025年那份）」: the documents asked (assistant/mentioned.py)
        q, docs, aside = mentioned.asked(q, self.corpus.select(doc_ids), self.corpus.named_in)
        if aside:
            return Answer(question, NOT_FOUND, aside)
        if not q:
            return Answer(question, NOT_FOUND, "请输入一个问题。")
        if not docs:
            return Answer(question, NOT_FOUND, corpus_summary(docs))
        if W.CHECK.search(q) and not W.CHECKING_A_FIGURE.search(q):
            # The document the question names is checked, never the whole corpus (a check reads every table).
            if len(docs) == 1:
                return self._check(question, docs)
            choice = documents.choose(q, self.corpus.naming(q, docs))
            if choice.doc is not None:
                return self._check(question, [choice.doc])
            if choice.reason:
                return Answer(question, NOT_FOUND, f"无法回答：{choice.reason}。{corpus_summary(self.corpus.docs)}")
            names = "、".join(d.document.label for d in choice.candidates[:12])
            more = f"等 {len(choice.candidates)} 份" if len(choice.candidates) > 12 else ""
            return Answer(question, AMBIGUOUS, f"要核对哪一份文件？请在问题里说明部门、年份、预算还是决算（可选：{names}{more}），"
                                               "或在侧栏选择文件。", readings=[d.document.label for d in choice.candidates])
        from . import docclauses  # 「X 2024年…百分之多少？2026年又安排了多少？」: each sentence its own document
        if len(docs) > 1 and (ans := docclauses.answer(self, question, q, docs, doc_ids)) is not None:
            return ans
        from . import lists  # "部门预算包括哪些单位" is about one department's units, not several departments
        if len(docs) > 1 and not lists.own_units(q):  # one figure across departments or years (assistant/across.py)
            from . import across, linewords  # 「哪个部门出差花钱最多」: 差旅费 of each (assistant/linewords.py)
            # every document's vocabulary is read only when the question says such a word
            said, read_as = linewords.reworded(q, linewords.Pooled([self.vocab_for(d) for d in docs]), most=1) \
                if linewords.says_a_line_word(q) else (q, "")
            ans = across.answer(self, question, said, docs)
            if ans is not None:
                ans.answer = read_as + ans.answer
                return ans
        extra_years = self.corpus.extra_years(docs, years_in(q))  # only the years asked: no document read
        mentions = self._scope_mentions(q, docs)
        # the words each name covers (「网费电话费」: one name of 邮电费 over both words, 电话 no refusal's word)
        reason = out_of_scope(q, docs, extra_years, "".join(q[m.start:m.end] for m in mentions))
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
        from . import relyears  # 「明年」「前年」: the year meant against the chosen document, asked again written out
        if (said := relyears.absolute(q, choice.doc.document.year)) is not None and years_in(q):
            # 「2026年预算里前年的X」: the year said chose the document, the year meant is asked of it
            answer = self.on(question, said, choice.doc, choice.named)
            answer.answer = relyears.note(q, choice.doc.document.year, choice.doc.document.label) + answer.answer
            return answer
        if said is not None:  # no year said: the year meant chooses the document
            again = self._ask(said, doc_ids)
            again.question = question
            again.answer = relyears.note(q, choice.doc.document.year, choice.doc.document.label) + again.answer
            return again
        from . import otherunit  # 「西安市儿童医院…」: a unit no document is of, the document chosen by year alone
        if (unit := otherunit.refusal(q, choice.doc, choice.named)) is not None:
            return Answer(question, NOT_FOUND, f"没有找到答案：{unit}。{corpus_summary(self.corpus.docs)}")
        from . import misspelt  # a name read with one character corrected: the answer says so (assistant/misspelt.py)
        # 「信息华建设」: a line of the document said with one wrong character is read as printed, and said so
        q, line_read = misspelt.read_line(q, self.vocab_for(choice.doc), choice.doc, choice.named)
        answer = self.on(question, q, choice.doc, choice.named, None if line_read else mentions)
        answer.answer = misspelt.note(choice.reading) + misspelt.note(line_read) + answer.answer
        return answer

    def on(self, question: str, q: str, doc: ParsedDocument, named: str, mentions=None) -> Answer:
        """The question answered from one chosen document (``named``: the department's words the question used)."""
        if len(self.corpus.docs) > 1 or named or mentions is None:
            # The department's name says which document; its words are no budget line ("杭州市气象局").
            q = documents.without_name(q, named)
            mentions = self.vocab_for(doc).mentions(q)
        from . import everyday  # 「养护公路」「一般公共预算掏钱给X的」: said as the document prints it (assistant/everyday.py)
        if (said := everyday.reworded(q, self.vocab_for(doc))) != q:
            q, mentions = said, self.vocab_for(doc).mentions(said)
        from . import linewords  # 「出差的钱」「水电费」: economic lines said in everyday words (assistant/linewords.py)
        said, read_as = linewords.reworded(q, self.vocab_for(doc))
        if said != q:
            q, mentions = said, self.vocab_for(doc).mentions(said)
        from . import roughsaid  # 「听说X有一千三百多万，是真的吗」: X asked, the rough figure checked (assistant/roughsaid.py)
        from . import twopart  # 「分几个领域安排，哪个领域最多」: each clause asked on its own, both answered (assistant/twopart.py)
        from . import ownsum  # 「X是多少？我把A、B、C加起来只有N」: X asked, the asker's sum set beside it (assistant/ownsum.py)
        from . import clauses  # 「编制多少人？实有多少？」: two figures in sentences of their own, each asked (assistant/clauses.py)
        from . import compound  # 「X一共多少？其中Y多少？」「…多少？占…几成？」: each part asked alone (assistant/compound.py)
        answer = roughsaid.answer(self, question, q, doc) or ownsum.answer(self, question, q, doc) or \
            twopart.answer(self, question, q, doc) or clauses.answer(self, question, q, doc) or \
            compound.answer(self, question, q, doc) or self.checked(question, q, doc, mentions)
        if read_as:
            answer.answer = read_as + answer.answer
        if len(self.corpus.docs) > 1 and answer.status != NOT_FOUND:
            answer.answer = f"〔{doc.document.label}〕{answer.answer}"  # several documents: say which one
        return answer

    def checked(self, question: str, q: str, doc: ParsedDocument, mentions=None) -> Answer:
        """One question (or one clause of it) answered from the document, then checked: does the figure answer
        what was asked."""
        from . import quoteback  # 「说明里写“…0.3万元”，这个数对吗？表上是多少」: the claim judged against the table (assistant/quoteback.py)
        if (quoted := quoteback.answer(self, question, q, doc)) is not None:
            return quoted
        mentions = self.vocab_for(doc).mentions(q) if mentions is None else mentions
        from . import amongwhich  # 「几个项目里，哪个最多」: a ranking over the set, no count (assistant/amongwhich.py)
        if (among := amongwhich.rewrite(q)) != q:
            q, mentions = among, self.vocab_for(doc).mentions(among)
        from . import operands  # 「A、B和C这几项加在一起」: 这几项 points at the items listed, no count (assistant/operands.py)
        if (listed := operands.listed_sum(q)) != q:
            q, mentions = listed, self.vocab_for(doc).mentions(listed)
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
        from . import statedpart  # 「政府采购支出里服务采购有多少」 found nothing: the part the narrative states (assistant/statedpart.py)
        answer = statedpart.reread(question, q, doc, answer) or answer
        from . import guard  # money given for days, beds or people: not an answer (assistant/guard.py)
        answer = guard.mismatch(q, answer) or answer
        from . import stagesaid  # a 决算 asked for a line's 预算: its 决算 figure is no answer (assistant/stagesaid.py)
        answer = stagesaid.check(q, answer, doc) or answer
        from . import qualifiers  # the part asked, not its whole or a neighbour (assistant/qualifiers.py)
        answer = qualifiers.check(q, answer, doc) or answer
        from . import restates  # the narrative prints the line otherwise: both readings (assistant/restates.py)
        answer = restates.check(self, q, answer, doc) or answer
        return answer

    def _answer(self, question: str, q: str, doc: ParsedDocument, mentions) -> Answer:
        from . import dispatch  # the families, in the order they are tried (assistant/dispatch.py)
        return dispatch.answer(self, question, q, doc, mentions)

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


def _passage_text(doc: ParsedDocument, hit) -> str:
    ordinal = hit.metadata.get("row")
    p = next((p for p in doc.passages if p.ordinal == ordinal), None)
    return p.text if p else hit.text
