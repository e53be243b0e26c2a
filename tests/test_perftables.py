"""Performance forms read through the model (assistant/perftables.py), on small forms shaped as the real
templates print them: a 项目绩效自评表 whose header is a row inside it, a 绩效目标表 whose indicator value
is printed where the reader takes the row's name, a form whose header is its column paths, and figures the
text states about performance."""
from decimal import Decimal

from assistant import perftables
from ingest import model
from ingest.model import Cell, Column, Document, Passage, ParsedDocument, Row, Table


def _doc(tables, passages=()):
    d = Document("0" * 16, "t", "", "某局", 2024, "决算", "万元", "t.pdf", "0" * 64)
    return ParsedDocument(d, list(tables), [Passage(i, s, t, 9) for i, (s, t) in enumerate(passages)])


def _row(k, label, page=30, **cells):
    return Row(ordinal=k, label=label, page=page,
               cells=[Cell(column=c, raw=v, value=_num(v)) for c, v in cells.items()])


def _num(v):
    try:
        return Decimal(v.rstrip("%"))
    except Exception:
        return None


def _self_evaluation():
    cols = ["项目名称/主管部门/项目资金", "项目名称/主管部门/项目资金#2", "培训专项/[292]某局",
            "培训专项/某局/年初预算数", "培训专项/实施单位/全年预算数", "培训专项/某局/全年执行数",
            "培训专项/某局/分值", "培训专项/某局/执行率", "培训专项/某局/得分"]
    t = Table(ordinal=3, title="培训专项项目绩效自评表（2024年度）", kind=model.SELF_EVALUATION,
              columns=[Column(k, p) for k, p in enumerate(cols)], page=30)
    t.rows = [
        _row(0, "年度资金总额：", **{cols[3]: "100.00", cols[4]: "120.00", cols[5]: "90.00", cols[6]: "10",
                                   cols[7]: "75.00%", cols[8]: "7.5"}),
        _row(1, "三级指标", **{cols[0]: "绩效指标", cols[1]: "一级指标", cols[2]: "二级指标", cols[4]: "年度指标值",
                              cols[5]: "实际完成值", cols[6]: "分值", cols[7]: "得分"}),
        _row(2, "培训人数", **{cols[1]: "产出指标", cols[2]: "数量指标", cols[4]: "≥300人", cols[5]: "366人",
                              cols[6]: "20", cols[7]: "20"}),
        _row(3, "参训人员满意度", **{cols[1]: "满意度指标", cols[2]: "服务对象满意度指标", cols[4]: "≥90%",
                                cols[5]: "95%", cols[6]: "10", cols[7]: "10"}),
        _row(4, "总分", **{cols[6]: "100", cols[7]: "97.5"}),
    ]
    return t


def _target_form():
    cols = ["项目名称/主管部门", "办公楼租金/某局", "办公楼租金/某局#2", "办公楼租金/实施单位"]
    t = Table(ordinal=4, title="办公楼租金项目绩效目标表", kind=model.PERFORMANCE,
              columns=[Column(k, p) for k, p in enumerate(cols)], page=31)
    t.rows = [
        _row(0, "资金总额", 31, **{cols[0]: "专项资金情况（万元）", cols[3]: "202.17"}),
        _row(1, "指标值", 31, **{cols[0]: "绩效目标指标", cols[1]: "一级指标", cols[2]: "二级指标", cols[3]: "三级指标"}),
        _row(2, "万元≤184.94", 31, **{cols[1]: "成本指标", cols[2]: "经济成本指标", cols[3]: "财政投入总数"}),
        _row(3, "吨≥1000", 31, **{cols[1]: "产出指标", cols[2]: "数量指标", cols[3]: "冻猪肉储备量"}),
    ]
    return t


def _ask(doc, q):
    return perftables.answer(q, q, doc)


def test_a_self_evaluation_form_gives_target_actual_score_and_rate():
    doc = _doc([_self_evaluation()])
    a = _ask(doc, "培训专项的培训人数实际是多少？")
    assert (a.value, a.unit) == (Decimal("366"), "人") and "≥300人" in a.answer
    assert a.citations[0].page == 30 and a.citations[0].column.endswith("全年执行数")
    a = _ask(doc, "培训专项的参训人员满意度目标是多少？")
    assert (a.value, a.unit) == (Decimal("90"), "%")
    a = _ask(doc, "培训专项的自评得分是多少？")
    assert a.value == Decimal("97.5") and a.unit == "分"
    a = _ask(doc, "培训专项的预算执行率是多少？")
    assert a.value == Decimal("75.00") and a.unit == "%"


def test_a_value_printed_where_the_row_name_is_read_is_the_target():
    doc = _doc([_target_form()])
    a = _ask(doc, "办公楼租金项目的财政投入总数上限是多少？")
    assert (a.value, a.unit) == (Decimal("184.94"), "万元") and "≤184.94万元" in a.answer
    a = _ask(doc, "办公楼租金项目冻猪肉储备量目标是多少吨？")
    assert (a.value, a.unit) == (Decimal("1000"), "吨")


def test_no_answer_for_a_project_the_forms_do_not_hold():
    doc = _doc([_self_evaluation()])
    assert _ask(doc, "全国信访信息系统维护费项目的培训人数是多少？") is None


def test_projects_of_the_forms_are_listed_and_counted():
    doc = _doc([_self_evaluation(), _target_form()])
    a = _ask(doc, "做了绩效自评的项目有哪些？")
    assert "培训专项" in a.answer and "办公楼租金" not in a.answer
    a = _ask(doc, "编报绩效目标的项目有几个？")
    assert a.value == Decimal("1")


def test_a_figure_the_performance_text_states():
    doc = _doc([], [("四、绩效目标设置情况", "编报绩效目标的项目50个，涉及项目预算资金5634.81万元。")])
    a = _ask(doc, "编报绩效目标的项目涉及多少项目预算资金？")
    assert (a.value, a.unit) == (Decimal("5634.81"), "万元") and a.citations[0].page == 9
    a = _ask(doc, "编报绩效目标的项目有多少个？")
    assert (a.value, a.unit) == (Decimal("50"), "个")
