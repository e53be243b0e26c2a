"""A disclosure's metadata (department, region, year, kind …) read from its own text.

Disclosures carry no code line: the department and year are printed on the cover, in the 目录, in the
tables' boilerplate ("编制部门：…", "部门名称 …") and in titles ("国家信访局2024年度部门决算"). Each is
read from the strongest evidence present, in this order: the cover title (first 1–2 pages), labelled
lines on the cover, labelled lines and titles anywhere. Nothing here knows a department, region or
template: names are recognised by shape (a region prefix ending in 省/市/区/县/自治州/旗 …, a
department ending in 局/委员会/部/院/厅/办公室/中心/街道办事处/政府 …).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import IngestError
from .textnorm import join_spaced, normalise


@dataclass(frozen=True)
class Meta:
    department: str  # full name without a scope note: 西安市卫生健康委员会, not …（汇总）
    year: int  # the year the disclosure is about: a 2024 决算 published in 2025 is 2024
    kind: str  # 预算 | 决算
    title: str  # the cover title, spaces removed; built from the fields when there is no cover
    region: str = ""  # 上海市普陀区, 西安市, 中央 …; "" when the name has no region and is not central
    scope: str = "部门"  # 部门 (department, incl. 汇总/本级) | 单位 (one unit's own 单位预算/单位决算)
    text_unit: str = "万元"  # the unit the narrative states amounts in
    part: str = ""  # 说明 (narrative only) | 报表 (tables only) | "" (both)


_YEAR = r"(?:[12]\d{3}|[一二][〇零○][〇零○一二三四五六七八九]{2})"
_YEAR_IN_TITLE = re.compile(rf"({_YEAR})\s*年度?(?!\s*[\d一二三四五六七八九十]{{1,2}}\s*月)")
# "部门预算", "单位决算", "部门综合预算", "预算信息公开" — but not a table title ("部门预算表").
_KIND = re.compile(r"(?:(?:[省市区县旗]级)?(?:部门|单位)(综合)?(预算|决算)|(预算|决算)(?:信息)?公开)(?!\S{0,2}表)")
_TOC = re.compile(r"^目录$")
_SCOPE_NOTE = re.compile(r"[（(](汇总|本级|本部|机关|部门|单位|合并|[^（()）]{0,6}(?:本级|汇总))[)）]$|(?<=\S{3})(?:本级|汇总)$")
_NAME = re.compile(r"[\u4e00-\u9fff（）()·]{3,40}")
# Last character of a department or unit name: 局 委(员会) 部 院 厅 办(公室/公厅/事处) 中心 府 …
_DEPT_END = set("局委部院厅办处署站所馆会社队团校学园台宫场狱司室组府心库厂")
_NOT_NAME = re.compile(r"预算|决算|公开|说明|合计|^本|^该|^我|^各|^下属|^所属|^其他")
# Region level suffixes, longest first (黑龙江省, 齐齐哈尔市, 普陀区, 青龙满族自治县 …).
_LEVELS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "盟", "区", "县", "旗")
_PARTY = re.compile(r"^(?:中国共产党|中共)")
_CENTRAL_NAME = re.compile(r"^(?:国家|国务院|中央|全国|最高人民|中华人民共和国|中国)")
_CENTRAL_TEXT = re.compile(r"中央部门|中央单位|中央本级|中央国家机关|中央和国家机关")
# Labelled lines: "编制部门：X", "部门名称：X", "预算主管部门：X"; table rows: "部门名称 X".
_LABEL = re.compile(r"(预算主管部门|主管部门|编制部门|编制单位|填报单位|部门名称|单位名称|预算单位|部门|单位)\s*[:：]\s*(\S+)")
_ROW_LABEL = re.compile(r"^(?:部门名称|单位名称|编制部门|编制单位|预算单位|[省市区县]?级?主管部门)\s+(?:\[\d+\]\s*)?(\S+)")
_TITLE_NAME = re.compile(rf"^(?:第[一二三四五六七八九十]+部分|附件\d*[:：]?)?(\S{{3,40}}?)(?:(?:{_YEAR}年度?)?(?:[省市区县]级)?"
                         r"(?:部门|单位)(?:综合)?(?:预算|决算)|(?:基本情况|概况)$)")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+部分)")
_YEAR_CONTEXT = re.compile(rf"({_YEAR})\s*年度?\s*(?:[省市区县]级)?\s*(?:部门|单位)\s*(?:综合)?\s*(?:预算|决算)"
                           rf"|[（(]\s*({_YEAR})\s*年度?\s*[)）]|({_YEAR})\s*年度?部门\S{{0,20}}?(?:预算|决算)(?:总)?表")
_PROSE = re.compile(r"[。，；]")
_INDICATOR = re.compile(r"[≥≤＞＜><]")
_GAP = re.compile(r"[\u4e00-\u9fff，。；：、）”]\s+[\u4e00-\u9fff（“]")
_AMOUNT_WAN, _AMOUNT_YUAN = re.compile(r"\d\s*万元"), re.compile(r"\d\s*元(?![/／每])")
_BARE_YUAN = re.compile(r"(?<![万亿千单公多纪])元(?=[\s，。；、）]|$)")
_CHANGE = re.compile(r"\d\s*万?元|增加|减少|增长|下降|持平|主要用于|主要原因")
_NUMBER = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(?:万元|元)")
_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def read_meta(pages: list[str], source: str) -> Meta:
    """Metadata of one disclosure file from the text of its pages (``pages[i]`` = page i+1).

    Raises ``IngestError`` (in Chinese, naming ``source``) when no department or no year is found;
    the other fields fall back to 预算 / 部门 / 万元 / "" when there is no evidence either way.
    """
    pages = [normalise(p or "") for p in pages]
    lines = [[ln.strip() for ln in join_spaced(p).split("\n") if ln.strip()] for p in pages]
    title, stray, after = _cover_title(lines)
    department, noted = _department(title, after, lines)
    if not department:
        raise IngestError(f"{source}：没有在封面、目录或表格中找到部门名称（如“编制部门：…”“部门名称：…”），"
                          "无法确定这是哪个部门的预算/决算公开。")
    year = _year(title, stray, lines)
    if year is None:
        raise IngestError(f"{source}：没有在封面、目录或表格标题中找到年度（如“2025年部门预算”），"
                          "无法确定这份公开属于哪一年。")
    text = "\n".join(_compact(ln) for page in lines for ln in page)
    kind = _kind(title, text)
    own = len(re.findall(r"单位(?:综合)?(?:预算|决算)", title or text))
    scope = "单位" if own > len(re.findall(r"部门(?:综合)?(?:预算|决算)", title or text)) and not noted else "部门"
    return Meta(department=department, year=year, kind=kind, title=title or f"{department}{year}年度部门{kind}",
                region=_region(department, title, text), scope=scope, text_unit=_text_unit(lines),
                part=_part(lines))


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _cover_title(lines: list[list[str]]) -> tuple[str, str | None, list[str]]:
    """(title, stray year, the two lines after it) from the first lines of page 1 (or 2): the lines
    up to the one that says 部门预算/决算. A year printed apart ("国家信访局 年度部门预算" above a big
    "2026") is put back. ("", None, []) when the first lines are no cover (a heading, a sentence)."""
    for page in lines[:2]:
        acc: list[str] = []
        for i, ln in enumerate(page[:6]):
            if _TOC.match(_compact(ln)) or len(acc) >= 4:
                break
            if not re.fullmatch(r"附件\s*\d*", ln):
                acc.append(ln)
            joined = _compact("".join(acc))
            m = _KIND.search(joined)
            if not m:
                continue
            if len(joined) > 60 or _HEADING.match(joined) or re.search(r"[，。；：、,;:]", joined):
                break
            rest = [_compact(x) for x in page[i + 1:i + 4]]
            stray = None
            if rest and re.fullmatch(rf"{_YEAR}(?:年度?)?", rest[0]) and not _YEAR_IN_TITLE.search(joined):
                stray = re.match(_YEAR, rest.pop(0)).group(0)
                at = re.search(r"(?<![\d〇零○一二三四五六七八九])年", joined)
                at_pos = at.start() if at else m.start()
                joined = joined[:at_pos] + stray + ("" if at else "年度") + joined[at_pos:]
            return joined, stray, rest[:2]
    return "", None, []


def _clean_name(name: str) -> tuple[str, bool]:
    """(name without a trailing scope note, whether it had one) or ("", False) if not a name."""
    name = _compact(name).strip("：:，,。")
    note = _SCOPE_NOTE.search(name)
    if note:
        name = name[:note.start()]
    bare = _PARTY.sub("", name)
    ok = _NAME.fullmatch(name) and name[-1] in _DEPT_END and not _NOT_NAME.search(name)
    return (name, bool(note)) if ok and _region_prefix(bare) != bare else ("", False)


def _department(title: str, after: list[str], lines: list[list[str]]) -> tuple[str, bool]:
    """(name, whether it carried a scope note such as （汇总）): from the cover title, else the cover
    line under it ("2024年度部门决算" / "XX局"), else a vote of labelled lines and titles."""
    m = _KIND.search(title)
    pieces = [title[:m.start()], title[m.end():]] if m else []
    for piece in pieces + after:
        piece = re.sub(rf"{_YEAR}\s*年?度?|[省市区县]级$", "", piece)
        name, note = _clean_name(piece)
        if name:
            return name, note
    votes: Counter[str] = Counter()
    notes: set[str] = set()
    for p, page in enumerate(lines):
        for ln in page:
            found = []
            for m in _LABEL.finditer(ln):
                value = re.split(r"(?:金额)?单位\s*[:：]", m.group(2))[0]
                weight = 3 if p < 2 and m.group(1) == "预算主管部门" else 1 if "主管" in m.group(1) else 2
                found.append((value, weight))
            # A merged cell read per column repeats its text: "部门名称 部门名称 北京市财政局 北京市财政局".
            m = _ROW_LABEL.match(re.sub(r"(\S+)(?:\s+\1)+(?=\s|$)", r"\1", ln))
            if m:
                found.append((m.group(1), 1))
            m = _TITLE_NAME.match(_compact(ln))
            if m:
                found.append((m.group(1), 1))
            for value, weight in found:
                name, note = _clean_name(value)
                if name:
                    votes[name] += weight
                    if note:
                        notes.add(name)
    if not votes:
        return "", False
    best = votes.most_common(1)[0][0]
    return best, best in notes


def _year(title: str, stray: str | None, lines: list[list[str]]) -> int | None:
    """The cover title's year, else the year beside 部门预算/决算 in titles and table headings most often."""
    m = _YEAR_IN_TITLE.search(title) or re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", title)
    if m or stray:
        return int((m.group(1) if m else stray).translate(_DIGITS))
    votes = Counter(next(g for g in m.groups() if g).translate(_DIGITS)
                    for page in lines for ln in page for m in _YEAR_CONTEXT.finditer(_compact(ln)))
    return int(votes.most_common(1)[0][0]) if votes else None


def _kind(title: str, text: str) -> str:
    m = _KIND.search(title)
    if m:
        return m.group(2) or m.group(3)
    final = len(re.findall(r"(?:部门|单位)决算|决算(?:总)?表", text))
    budget = len(re.findall(r"(?:部门|单位)(?:综合)?预算|预算(?:总)?表|预算\d+表", text))
    return "决算" if final > budget else "预算"


def _region_prefix(name: str) -> str:
    """The leading region levels of a name: 上海市普陀区财政局 → 上海市普陀区, 国家信访局 → ""."""
    out = ""
    for _ in range(3):  # province, city, district/county
        level = _level(name[len(out):])
        if not level:
            break
        out += level
    return out


def _level(s: str) -> str:
    """The shortest region name at the start of ``s``: a body of 2–4 characters (up to 8 before
    自治区/州/县/旗) and a level suffix. One-character bodies count only before 县 (沛县): 城市, 社区
    and 园区 are words, not places."""
    for n in range(1, min(9, len(s))):
        if not "\u4e00" <= s[n - 1] <= "\u9fff":
            return ""
        for suffix in _LEVELS:
            if s.startswith(suffix, n) and (n > 1 or suffix == "县") and (n <= 4 or suffix.startswith("自治")):
                return s[:n] + suffix
    return ""


def _region(department: str, title: str, text: str) -> str:
    name = _PARTY.sub("", department)
    if prefix := _region_prefix(name):
        return prefix
    if _CENTRAL_NAME.match(name):
        return "中央"
    return _region_prefix(title) or ("中央" if len(_CENTRAL_TEXT.findall(text)) >= 2 else "")


def _prose(lines: list[list[str]], gaps: bool = False) -> list[str]:
    """Narrative lines: clause punctuation, ten or more ideographs, no indicator comparators, and
    (unless ``gaps``) no gap between two runs of text: a table row read as text has one between its
    cells; so does narrative whose numbers sit on their own baseline, which is fine for counting units."""
    return [ln for page in lines for ln in page
            if _PROSE.search(ln) and not _INDICATOR.search(ln) and (gaps or not _GAP.search(ln))
            and len(re.findall(r"[\u4e00-\u9fff]", ln)) >= 10]


def _text_unit(lines: list[list[str]]) -> str:
    prose = "\n".join(_prose(lines, gaps=True))
    wan, yuan = len(_AMOUNT_WAN.findall(prose)), len(_AMOUNT_YUAN.findall(prose))
    if not wan and not yuan:  # numbers printed apart from their unit (on a baseline of their own)
        wan, yuan = prose.count("万元"), len(_BARE_YUAN.findall(prose))
    return "元" if yuan > wan else "万元"


def _part(lines: list[list[str]]) -> str:
    """说明 / 报表 for a file that holds only the narrative / only the tables of a disclosure: prose
    stating amounts and changes vs rows of numbers under a 单位：万元 line."""
    narrative = sum(1 for ln in _prose(lines) if _CHANGE.search(ln)) >= 5
    rows = units = 0
    for ln in (ln for page in lines for ln in page):
        units += bool(_UNIT_LINE.search(ln))
        n = sum(1 for t in ln.split() if _NUMBER.match(t))
        rows += n >= 2 and n * 2 >= len(ln.split()) and not _PROSE.search(ln)
    tables = (rows >= 8 and units >= 1) or rows >= 30
    return "说明" if narrative and not tables else "报表" if tables and not narrative else ""
