"""Performance forms (绩效目标表 …) whose figures are all printed as plain integers or words (资金总额 20000,
≥30个, 提升): no row reads as figures, so every row would be taken for the header. A form's header is its
first two lines (项目名称 | the project, 主管部门 | the department); the rest are its rows, as in a form that
prints 5859.6."""
from __future__ import annotations

from dataclasses import replace

from . import model

_FORMS = (model.PERFORMANCE, model.SELF_EVALUATION, model.OVERALL_PERFORMANCE)


def form_split(split, kind: str):
    if kind in _FORMS and not split.data and split.numbers is None and len(split.header) > 3:
        return replace(split, header=split.header[:2], data=split.header[2:])
    return split
