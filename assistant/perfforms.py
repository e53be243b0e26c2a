"""Performance forms as the PDF reader stores them, read: 项目支出绩效目标表, 整体绩效目标表, 绩效自评表 of every
template.

The reader keeps such a form as any other table (``Table``/``Row``/``Cell`` with column paths), but a form's
real header is usually a row inside it (一级指标 | 二级指标 | 三级指标 | 指标值 …, or 年度指标值 | 实际完成值 |
分值 | 得分), its project sits in the title or in a 项目名称 column, and its funds (年度资金总额 …) come before
the indicators. ``forms(doc)`` reads every form of a document into a ``Form`` (project, funds rows, total score,
goal) holding ``Target`` records: (project, 一级/二级/三级指标, 指标值 as printed + its number, comparator and
unit, 实际完成值, 分值, 得分, page, row), the roles taken from the header words the form prints (in a header row
or in its column paths), a cell no header names placed by what it holds (an indicator level word, a value such
as ``≥95%``). Answering from them is assistant/perftables.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ingest import model
from ingest.model import Cell, ParsedDocument, Row, Table

from .corpus import CACHED_DOCUMENTS, _LRU

FORM_KINDS = (model.PERFORMANCE, model.OVERALL_PERFORMANCE, model.SELF_EVALUATION)

# Header words a form prints, and the role of the column (or label) under them.
_ROLES = [
    ("L1", re.compile(r"^一级指标$")),
    ("L2", re.compile(r"^二级指标$")),
    ("NAME", re.compile(r"^(三级指标|指标内容|指标名称|绩效指标名称|具体指标|绩效指标)$")),
    ("TARGET", re.compile(r"^(本年|年度|预期)?(绩效)?(指标值|目标值)$|^年度目标值$|^指标值\S{0,4}$")),
    ("ACTUAL", re.compile(r"^(实际完成值|实际完成|实际值|完成值|全年实际值|实际完成情况值)$")),
    ("WEIGHT", re.compile(r"^(分值|权重|分值权重)")),
    ("SCORE", re.compile(r"^得分")),
    ("REASON", re.compile(r"偏差原因")),
    ("UNIT", re.compile(r"(度量|计量)单位$")),
    ("CMP", re.compile(r"^(绩效)?指标性质$|^指标方向$")),
    ("PROJECT", re.compile(r"^(项目名称|活动|任务名称|转移支付名称)$")),
]
_INDICATOR_ROLES = {"L1", "L2", "NAME", "TARGET", "ACTUAL", "WEIGHT", "SCORE", "UNIT", "CMP"}
_L1 = re.compile(r"^(产出指标|效益指标|满意度指标|成本指标|过程指标|效果指标|管理指标|决策指标)(（\d+分）)?$")
_L2 = re.compile(r"^(数量指标|质量指标|时效指标|成本指标|经济成本指标|社会成本指标|生态环境成本指标|经济效益指标|"
                 r"社会效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|满意度指标)(（\d+分）)?$")
_L1_PREFIX = re.compile(r"^(产出指标|效益指标|满意度指标|成本指标)")
_L2_PREFIX = re.compile(r"^(数量指标|质量指标|时效指标|经济成本指标|社会成本指标|生态环境成本指标|成本指标|经济效益指标|"
                        r"社会效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|满意度指标)")
_CMP_CHARS = "≥≤><=＞＜＝》《"
_VALUE = re.compile(r"^[≥≤><=＞＜＝》《]|^[\d.]+\s*%?$|^\D{0,4}[≥≤><=＞＜＝][\d.]|^\d[\d.,]*\s*[\u4e00-\u9fff%（）()/]{0,6}$|"
                    r"^(优|良|高|中|低|好|较好|长期|是|否|达标|合格|定性|有效|提升|提高|改善|稳定|无)$")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_FUNDS = re.compile(r"资金总额|年度金额|项目资金|金额合计|项目总额|预算支出总额|总体资金情况|资金情况")
_TOTAL_SCORE = re.compile(r"^总分|^合计得分|^总得分")
_ITEM_NO = re.compile(r"^指标\d+[：:]")
_GOAL_LABEL = re.compile(r"^(整体|年度|总体|实施期|项目)?(总体)?(绩效)?目标$")


def _role_of(text: str) -> str | None:
    t = re.sub(r"[（(][^）)]*[）)]$", "", text.replace(" ", "")).strip()
    for role, pattern in _ROLES:
        if pattern.search(t):
            return role
    return None


def _leaf(path: str) -> str:
    return path.split("/")[-1].split("#")[0]


def _is_value(text: str) -> bool:
    return bool(text) and len(text) <= 24 and bool(_VALUE.search(text.replace(" ", "")))


def _is_level(text: str) -> str | None:
    t = text.replace(" ", "")
    if _L2.match(t) and not _L1.match(t):
        return "L2"
    if _L1.match(t):
        return "L1"
    return None


# An indicator named for what it counts (「参加考试人数」「培训人次」「检查次数」) whose value is printed bare: its unit.
_COUNTED_BY = re.compile(r"(人次|(?<=\S)人(?=数$)|次(?=数$)|天(?=数$)|场(?=次?数$)|户(?=数$)|个(?=数$))数?$")


@dataclass
class Value:
    """An indicator value as printed, with its number, comparator and unit when it reads as a quantity."""
    raw: str
    number: Decimal | None = None
    unit: str | None = None
    comparator: str | None = None
    column: str | None = None  # the column path it was printed in ("" for the row's label)

    def shown(self) -> str:
        """The value as a sentence says it: ``≥1000吨`` for a cell printed ``吨≥1000``."""
        if self.number is None:
            return self.raw
        return f"{self.comparator or ''}{self.number}{self.unit or ''}"

    @classmethod
    def read(cls, raw: str, column: str | None, unit: str | None = None, cmp: str | None = None) -> "Value":
        text = raw.replace(" ", "").replace("《", "").replace("》", "≥")
        comparator = next((c for c in text if c in _CMP_CHARS), None) or (cmp or None)
        comparator = {"＞": ">", "＜": "<", "＝": "="}.get(comparator, comparator)
        nums = _NUMBER.findall(text)
        number = None
        found_unit = None
        if len(nums) == 1 and len(re.sub(r"[\d.,≥≤><=＞＜＝%]", "", text)) <= 6:
            number = Decimal(nums[0].replace(",", ""))
            rest = re.sub(r"[\d.,≥≤><=＞＜＝\s]", "", text)
            found_unit = rest or None
        shown = raw.strip()
        if cmp and not any(c in shown for c in _CMP_CHARS) and cmp not in ("定性",):
            shown = cmp + shown
        if unit and unit not in shown and unit != "定性":
            shown += unit
            found_unit = found_unit or unit
        found_unit = found_unit or (unit if unit != "定性" else None)
        return cls(shown, number, found_unit, comparator, column)


@dataclass
class Target:
    doc: ParsedDocument
    table: Table
    row: Row
    project: str
    level1: str
    level2: str
    name: str
    target: Value | None = None
    actual: Value | None = None
    weight: Value | None = None
    score: Value | None = None


@dataclass
class Form:
    """One form: its project, funds rows, targets and the total score it prints."""
    doc: ParsedDocument
    table: Table
    project: str
    funds: list[Row] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    total: tuple[Row, Cell] | None = None
    goal: str | None = None
    goal_at: tuple[Row, Cell | None] | None = None


def project_of_title(title: str) -> str:
    t = re.sub(r"^\s*(预算\s*\d+\s*表|表\s*\d+\s*[：:]?|公开\s*\d+\s*表|表[一二三四五六七八九十]+[：:]?)\s*", "", title)
    t = re.sub(r"\s+", "", t)
    t = re.sub(r"[（(]\s*\d{4}\s*年度?[）)]$", "", t)
    t = re.sub(r"(项目)?(支出)?(绩效目标|绩效自评|绩效指标|绩效)(申报)?表$", "", t)
    t = re.sub(r"^(\d{4}年)?(市级|区级|县级)?部门", "", t)
    return t.strip("：: ")


def _project_of_header(t: Table) -> str | None:
    """A form that prints 项目名称 | <the project> across its top: the reader took that line as the first
    level of its column paths, so the project is the first path segment after the 项目名称 one."""
    heads = [c.path.split("/")[0].split("#")[0] for c in t.columns]
    for k, h in enumerate(heads):
        if re.match(r"^(项目名称|转移支付名称|专项资金名称)$", h) and "/" in t.columns[k].path:
            nxt = next((x for x in heads[k + 1:] if x != h), None)
            if nxt and not _role_of(nxt) and re.search(r"[\u4e00-\u9fff]", nxt):
                return re.sub(r"^\d{4}年", "", nxt)
            return None
    return None


# Read forms of the documents in use: a question re-reads none of them (memory bounded like the corpus LRU).
_FORMS = _LRU(CACHED_DOCUMENTS)


def _plain_project(text: str) -> str:
    return re.sub(r"^[0-9A-Z]{10,}[-－—]", "", text.replace(" ", "")).strip()


def forms(doc: ParsedDocument) -> list[Form]:
    """The document's performance forms, read once per document (kept with the few documents in use)."""
    return _FORMS.get((doc.document.doc_id, id(doc.tables)), lambda: _forms(doc))


def _forms(doc: ParsedDocument) -> list[Form]:
    out = []
    for t in doc.tables:
        if t.kind not in FORM_KINDS or not t.rows:
            continue
        if any(c.path == "绩效指标描述" for c in t.columns):
            continue  # the text form: assistant/targets.py
        out.append(_read(doc, t))
    return out


def _read(doc: ParsedDocument, t: Table) -> Form:
    title_project = _project_of_header(t) or project_of_title(t.title)
    if t.kind == model.OVERALL_PERFORMANCE or "整体" in t.title:
        title_project = "部门整体支出"
    form = Form(doc, t, title_project)
    # Column paths that name a role (a form whose header the reader took as its header: 预算12表)
    path_roles = {c.path: r for c in t.columns if (r := _role_of(_leaf(c.path))) is not None}
    mapping: dict[str, str] = {p: r for p, r in path_roles.items() if r in _INDICATOR_ROLES | {"PROJECT"}}
    label_role: str | None = None
    in_indicators = sum(1 for r in mapping.values() if r in ("NAME", "TARGET")) >= 1
    project = title_project
    l1 = l2 = ""
    for row in t.rows:
        texts = [(c.column, c.raw.strip()) for c in row.cells if c.raw.strip()]
        roles = [(_role_of(x), col) for col, x in texts] + [(_role_of(row.label), None)]
        named = [r for r, _ in roles if r in _INDICATOR_ROLES]
        if len(named) >= 2 and len(row.label) <= 12:
            # a header row inside the form: its words name the columns below it
            mapping = {col: r for r, col in roles if r is not None and col is not None}
            label_role = _role_of(row.label)
            in_indicators = True
            l1 = l2 = ""
            continue
        label = row.label.strip()
        if _TOTAL_SCORE.match(label):
            nums = [c for c in row.cells if c.value is not None and mapping.get(c.column) != "WEIGHT"]
            if nums:
                form.total = (row, nums[-1])
            continue
        if not in_indicators and (_is_level(label) or any(_is_level(x) or _ITEM_NO.match(x) for _, x in texts)):
            in_indicators = True  # indicators under no header row of their own: placed by what they hold
        if not in_indicators:
            if _FUNDS.search(label) or label.startswith("其中") or label in ("上年结转", "其他资金", "财政拨款") \
                    or any(_FUNDS.search(x) for _, x in texts):
                form.funds.append(row)
            elif len(label) > 30 and form.goal is None:
                form.goal, form.goal_at = label, (row, None)
            elif _GOAL_LABEL.search(label) and form.goal is None:
                prose = next((c for c in row.cells if len(c.raw) > 15 and re.search(r"[\u4e00-\u9fff]{6}", c.raw)), None)
                if prose is not None:
                    form.goal, form.goal_at = prose.raw, (row, prose)
            continue
        slots: dict[str, tuple[str, str | None]] = {}
        loose: list[tuple[str, str | None]] = []
        for col, x in texts:
            r = mapping.get(col)
            if r and r not in slots:
                slots[r] = (x, col)
            else:
                loose.append((x, col))
        if label:
            loose.insert(0, (label, ""))  # where the label sits is not stored: placed by what it holds
        free = [r for r in ("L1", "L2", "NAME", "TARGET", "ACTUAL", "WEIGHT", "SCORE", "UNIT", "CMP", "PROJECT")
                if r not in slots]
        scored_form = t.kind == model.SELF_EVALUATION or "ACTUAL" in mapping.values()
        for x, col in loose:
            level = _is_level(x)
            if level and level not in slots:
                slots[level] = (x, col)
                continue
            if level == "L2" and "L1" not in slots and x.startswith("成本指标"):
                slots["L1"] = (x, col)
                continue
            want: list[str]
            if col == "" and label_role and label_role not in slots and \
                    (label_role not in ("TARGET", "ACTUAL") or _is_value(x)) and \
                    (label_role != "UNIT" or len(x) <= 5):
                want = [label_role]
            elif re.match(r"^\d+(\.\d+)?$", x) and scored_form and "TARGET" in slots:
                want = ["WEIGHT", "SCORE", "ACTUAL"]  # a bare number after the values: 分值, 得分
            elif _is_value(x):
                want = ["TARGET", "ACTUAL", "WEIGHT", "SCORE"] if scored_form else ["TARGET"]
            elif "UNIT" in mapping.values() and len(x) <= 5 and not re.search(r"\d", x) and "UNIT" not in slots:
                want = ["UNIT"]
            elif "PROJECT" in mapping.values() and "PROJECT" not in slots and (re.match(r"^[0-9A-Z]{10,}-", x)):
                want = ["PROJECT"]
            elif "NAME" not in slots:
                want = ["NAME", "PROJECT"]
            else:  # text after the name: a target or an actual value in words ("国家标准范围之内"), else a remark
                want = ["TARGET", "ACTUAL", "REASON"] if scored_form else ["TARGET", "REASON"]
            slot = next((r for r in want if r not in slots and (r in free or r == "REASON")), None)
            if slot:
                slots[slot] = (x, col)
        if "PROJECT" in slots and ("PROJECT" in mapping.values() or label_role == "PROJECT"):
            project = _plain_project(slots["PROJECT"][0]) or project
        if "L1" in slots:
            l1, l2 = re.sub(r"（\d+分）$", "", slots["L1"][0]), ""
        if "L2" in slots:
            l2 = re.sub(r"（\d+分）$", "", slots["L2"][0])
        name = slots.get("NAME", ("", None))[0]
        # 产出指标数量指标财政评审项目数量: the levels printed in front of the name
        if name and (m := _L1_PREFIX.match(name)) and len(name) > len(m.group()) + 1:
            l1, name = m.group(), name[m.end():]
            if (m2 := _L2_PREFIX.match(name)) and len(name) > len(m2.group()):
                l2, name = m2.group(), name[m2.end():]
        name = _ITEM_NO.sub("", name)
        if not name or "TARGET" not in slots and "ACTUAL" not in slots:
            continue
        unit = slots.get("UNIT", (None, None))[0]
        cmp = slots.get("CMP", (None, None))[0]
        def val(role):
            if role not in slots:
                return None
            x, col = slots[role]
            return Value.read(x, col, unit if role in ("TARGET", "ACTUAL") else None,
                              cmp if role == "TARGET" else None)
        target = Target(doc, t, row, project, l1, l2, name, val("TARGET"), val("ACTUAL"), val("WEIGHT"),
                        val("SCORE"))
        if "成本" in l1 + l2 or re.search(r"费|资金|金额|投入|经费", name):
            for v in (target.target, target.actual):
                if v is not None and v.unit == "万":  # "1700万" of a cost: 万元
                    v.unit = "万元"
        counted = _COUNTED_BY.search(name)
        for v in (target.target, target.actual):
            if counted and v is not None and v.number is not None and not v.unit:
                v.unit = counted.group(1)  # 「参加考试人数」 printed 37500: people, the name's own counter
        form.targets.append(target)
    return form


# --- answering -------------------------------------------------------------------------------------
