"""List questions answered with every item's name (assistant/lists.py), on small documents shaped as the
real disclosures print them."""
from decimal import Decimal

from assistant import lists
from ingest import model
from ingest.model import Cell, Column, Document, Passage, ParsedDocument, Row, Table


def _doc(tables=(), passages=()):
    d = Document("0" * 16, "t", "", "某局", 2026, "预算", "万元", "t.pdf", "0" * 64)
    return ParsedDocument(d, list(tables), [Passage(i, s, t, 4 + i) for i, (s, t) in enumerate(passages)])


def test_units_inline_after_the_intro():
    doc = _doc(passages=[("三、部门预算构成", "本部门预算为汇总预算。下属单位具体包括：某市信息中心、某市公文交换站。")])
    a = lists.answer("q", "部门预算包括哪些下属单位？", doc)
    assert "某市信息中心" in a.answer and "某市公文交换站" in a.answer and a.citations[0].page == 4


def test_units_in_the_numbered_passages_under_the_intro():
    sec = "（部门）机构设置"
    doc = _doc(passages=[(sec, "本部门包括本部以及下属 2 家预算单位，具体包括："), (sec, "1. 某街道社区事务受理服务中心。"),
                         (sec, "2. 某街道综合行政执法队。"), ("名词解释", "（一）财政拨款收入：…")])
    a = lists.answer("q", "部门预算包括哪些单位？", doc)
    assert "某街道社区事务受理服务中心" in a.answer and "某街道综合行政执法队" in a.answer and "财政拨款" not in a.answer


def test_parts_of_a_figure_from_its_table():
    t = Table(0, "政府采购预算明细表", model.PROCUREMENT, [Column(0, "采购类别"), Column(1, "金额")], page=15)
    t.rows = [Row(0, "A-货物", [Cell("金额", "716.97", Decimal("716.97"))]),
              Row(1, "C-服务", [Cell("金额", "12,231.51", Decimal("12231.51"))]),
              Row(2, "合计", [Cell("金额", "12,948.48", Decimal("12948.48"))])]
    a = lists.answer("q", "政府采购预算分哪几类？", _doc([t]))
    assert "A-货物" in a.answer and "C-服务" in a.answer and "合计" not in a.answer


def test_a_question_about_what_a_line_means_is_left_to_the_text():
    assert lists.answer("q", "其他收入主要包括什么？", _doc()) is None


def test_own_units_is_no_cross_department_question():
    assert lists.own_units("普陀区财政局2024年部门决算包括哪些单位？")
    assert not lists.own_units("哪些部门的三公经费超过10万元？")
