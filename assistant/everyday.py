"""「房租预算是多少钱」「交房租花多少」: an everyday word for a kind of spending that no line prints by that word.

The disclosures print the money under their own names, often in several places with different figures: the
department's 办公楼租金 project (its 绩效目标表's 资金总额), a unit's 房屋租金 project, the 基本支出 table's 30214
租赁费 line, and the figure a form's 年度目标 states (「2026年房租184.94万元」). Which one a person means the
word cannot tell, so each is a reading: named with its figure and citation, and the question asked back; one
reading alone is the answer, its printed name said. The words and the names they fit are data
(synonyms.EVERYDAY); a question naming a form's project or asking its targets is left to the forms.

``reworded`` says everyday wording of a printed line as the document prints it, before the line is looked for:
the two words of a name said in the other order (「养护公路」 for 2140106 公路养护) where the swapped words are a
printed name and the words as said are none, and a verb of funding between a source of money and a line
(「一般公共预算掏钱给公立医院的」 → 「一般公共预算安排的公立医院」, synonyms.FUNDING_VERBS): the source a column to
read, not a second figure to add.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ingest import model

from . import arith, synonyms
from .answer import AMBIGUOUS, ANSWERED, Answer, Citation
from .corpus import TABLE_PRIORITY, TOTAL_LABELS, CellRef, default_column, plain_label, unit_of

_MONEY = re.compile(r"多少|预算|钱|金额|花了|安排")
_TARGETS = re.compile(r"指标|目标|满意度|得分|绩效")
# Tables whose lines are no reading of the word: the forms (read as projects below), the text, unread layouts.
_SKIP = (model.NARRATIVE, model.PERFORMANCE, model.SELF_EVALUATION, model.OVERALL_PERFORMANCE, model.OTHER,
         model.INSTITUTIONS, model.FIXED_ASSETS)


def reworded(q: str, vocab) -> str:
    """The question with everyday wording of a line said as the document prints it (unchanged where none)."""
    sources = "|".join(map(re.escape, sorted(synonyms.FUNDING_SOURCES, key=len, reverse=True)))
    verbs = "|".join(map(re.escape, sorted(synonyms.FUNDING_VERBS, key=len, reverse=True)))
    q = re.sub(rf"({sources})(?:资金|的钱)?(?:{verbs})", r"\1安排的", q)
    names = set(vocab.rows)
    spans = None
    for size in (4, 5):
        for i in range(len(q) - size + 1):
            said = q[i:i + size]
            # exactly one printed name is the words said in the other order (tested first: it is a set lookup,
            # the tests after it read every name or the question's mentions)
            swapped = {said[k:] + said[:k] for k in range(2, size - 1)} & names
            if len(swapped) != 1 or not re.fullmatch(r"[\u4e00-\u9fff]+", said) or \
                    any(said in n for n in (*vocab.rows, *vocab.columns, *vocab.tables)):
                continue
            if spans is None:
                # the names the question already says (「一般公共预算支出」): no words of them are swapped
                # (预算支出 ↔ 支出预算)
                spans = [(m.start, m.end) for m in vocab.mentions(q) if m.end - m.start >= 4]
            if any(a < i + size and i < b for a, b in spans):
                continue
            return q[:i] + swapped.pop() + q[i + size:]
    return q


def answer(question: str, q: str, doc) -> Answer | None:
    word = max((w for w in synonyms.EVERYDAY if w in q), key=len, default=None)
    if word is None or not _MONEY.search(q) or _TARGETS.search(q):
        return None
    from .formfunds import _cite, _target_forms
    pieces = synonyms.EVERYDAY[word]
    forms = [(f, c, u) for f, c, u in _target_forms(doc) if any(p in f.project for p in pieces)]
    if any(f.project in q for f, _, _ in forms):
        return None  # a project named: the forms answer it
    readings: list[tuple[str, object, str, Citation]] = []  # (line, value, unit, citation)
    for f, c, unit in forms:
        readings.append((f"{f.project}项目（{f.table.title}，{f.funds[0].label}，第{f.funds[0].page or f.table.page}页）",
                         c.value, unit, _cite(doc, f, c)))
    seen = {f.project for f, _, _ in forms}
    rank = {k: i for i, k in enumerate(TABLE_PRIORITY)}
    for t in sorted(doc.tables, key=lambda t: rank.get(t.kind, len(rank))):
        if t.kind in _SKIP:
            continue
        col = default_column(t)
        for r in t.rows:
            label = plain_label(r.label or "")
            if not col or label in TOTAL_LABELS or not any(p in label for p in pieces) or \
                    any(label in s or s in label for s in seen):
                continue
            cell = r.cell(col)
            if cell is None or cell.value is None or cell.blank:
                continue  # a blank line (租赁费 not budgeted) is no figure of the word
            seen.add(label)
            ref = CellRef(doc.document, t, r, cell)
            readings.append((f"{ref.name()}（{ref.where()}）", cell.value, unit_of(ref), ref.citation()))
    for f, _, unit in forms:  # the figure a form's 年度目标 states (「2026年房租184.94万元」)
        if not f.goal or f.goal_at is None:
            continue
        for m in re.finditer(rf"(?:{'|'.join(map(re.escape, pieces))})\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)", f.goal):
            value = Decimal(m.group(1).replace(",", ""))
            if any(v == value and u == m.group(2) for _, v, u, _ in readings):
                continue  # the form's own 资金总额 restated: no other reading
            row, cell = f.goal_at
            page = row.page or f.table.page
            cite = Citation(doc.document.label, doc.document.doc_id, f.table.title, row.label,
                            cell.column if cell is not None else None, page, f.goal,
                            table_ordinal=f.table.ordinal, row_ordinal=row.ordinal, kind=f.table.kind)
            readings.append((f"{f.project}项目年度目标所述（{f.table.title}，第{page}页：“{f.goal.strip()}”）",
                             value, m.group(2), cite))
    if not readings:
        return None
    if len(readings) == 1:
        line, value, unit, cite = readings[0]
        return Answer(question, ANSWERED, f"文件没有以“{word}”为名的数，对应的是：{line}：{arith.with_unit(value, unit)}",
                      value, unit, None, [cite])
    lines = [f"{line}：{arith.with_unit(value, unit)}" for line, value, unit, _ in readings]
    text = (f"“{word}”在文件中有 {len(readings)} 种读法，数值不同：" + "；".join(lines) +
            "。请说明指哪一项（哪个项目、哪个单位，或基本支出的经济分类科目）。")
    return Answer(question, AMBIGUOUS, text, None, None, None, [c for _, _, _, c in readings], readings=lines)
