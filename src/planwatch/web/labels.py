"""How the domain vocabulary reads on screen: Chinese first, English through the catalogue.

The messages are written in Chinese (the interface's own language); locale/en translates them.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from planwatch.domain.vocabulary import (
    Attribute,
    Comparator,
    Direction,
    Frequency,
    Kind,
    ObservationKind,
    PathShape,
    ProjectStage,
    Provenance,
    Scope,
    TaskStatus,
)
from planwatch.web.data.calendar import ItemState
from planwatch.web.work.supervision import Level, Rule

KIND = {
    Kind.LEVEL: _("总量"),
    Kind.GROWTH: _("增速"),
    Kind.CUMULATIVE: _("累计"),
    Kind.COUNT: _("数量"),
    Kind.MULTIPLE: _("倍增"),
    Kind.RELATIVE: _("相对基准"),
    Kind.ZERO: _("清零"),
    Kind.SHARE: _("比率"),
    Kind.BOUND_EACH_YEAR: _("逐年控制"),
    Kind.MILESTONE: _("里程碑"),
    Kind.DIRECTION_ONLY: _("方向性"),
}

# The comparator as the plan would say it before the number: 不低于 800 亿元.
COMPARATOR = {
    Comparator.GE: _("不低于"),
    Comparator.LE: _("不高于"),
    Comparator.EQ: _("达到"),
    Comparator.GT: _("高于"),
    Comparator.LT: _("低于"),
    Comparator.APPROX: _("约"),
}

DIRECTION = {Direction.HIGHER: _("越高越好"), Direction.LOWER: _("越低越好")}
ATTRIBUTE = {Attribute.BINDING: _("约束性"), Attribute.EXPECTED: _("预期性")}
SCOPE = {Scope.END_YEAR: _("期末年份"), Scope.EACH_YEAR: _("每一年"),
         Scope.PERIOD_AVERAGE: _("期间平均")}
PATH_SHAPE = {PathShape.LINEAR: _("线性"), PathShape.GEOMETRIC: _("几何增长"),
              PathShape.CUSTOM: _("自定义")}
FREQUENCY = {Frequency.MONTHLY: _("月度"), Frequency.QUARTERLY: _("季度"),
             Frequency.HALF_YEARLY: _("半年"), Frequency.ANNUAL: _("年度")}
OBSERVATION_KIND = {ObservationKind.LEVEL: _("数值"), ObservationKind.GROWTH_PCT: _("同比增速"),
                    ObservationKind.CUMULATIVE: _("累计值"), ObservationKind.COUNT: _("完成数")}
PROVENANCE = {Provenance.OFFICIAL: _("官方数据"), Provenance.ESTIMATE: _("估计数"),
              Provenance.ILLUSTRATIVE: _("示例数据")}
TASK_STATUS = {TaskStatus.NOT_STARTED: _("未开始"), TaskStatus.IN_PROGRESS: _("推进中"),
               TaskStatus.DONE: _("已完成"), TaskStatus.DELAYED: _("滞后")}
PROJECT_STAGE = {ProjectStage.PLANNING: _("谋划"), ProjectStage.SIGNED: _("签约"),
                 ProjectStage.SITED: _("落位"), ProjectStage.STARTED: _("开工"),
                 ProjectStage.IN_STATISTICS: _("入统"), ProjectStage.COMPLETED: _("竣工"),
                 ProjectStage.PRODUCING: _("投产")}
SUPERVISION_LEVEL = {Level.REMINDER: _("提醒"), Level.WARNING: _("预警"),
                     Level.SUPERVISION: _("督办"), Level.INTERVIEW: _("约谈")}
SUPERVISION_RULE = {Rule.MANUAL: _("人工提出"), Rule.OVERDUE_REPORT: _("数据逾期未报"),
                    Rule.TARGET_BEHIND: _("目标进度滞后"), Rule.PROJECT_STALLED: _("项目推进停滞"),
                    Rule.TASK_OVERDUE: _("任务逾期未完成")}
# What an import does to each project of the file (work.store.ImportResult.outcome).
IMPORT_OUTCOME = {"created": pgettext_lazy("import outcome", "新增"),
                  "updated": pgettext_lazy("import outcome", "更新"),
                  "unchanged": pgettext_lazy("import outcome", "不变")}
NO_DEPARTMENT = _("未明确责任单位")  # planwatch.web.work.pipeline.NO_DEPARTMENT on screen
REPORT_ITEM_STATE = {ItemState.DUE: _("待报"), ItemState.OVERDUE: _("逾期"),
                     ItemState.ESCALATED: _("逾期超过宽限期(催报时列入督办)"),
                     ItemState.DRAFT: _("草稿"), ItemState.SUBMITTED: _("已提交待审核"),
                     ItemState.RETURNED: _("已退回")}
# The levels docs/plan.schema.json allows, in the order a plan nests them.
GOAL_LEVEL = {"vision": _("远景目标"), "horizon": _("阶段目标"), "period": _("规划期目标"),
              "area": _("目标领域"), "annual": _("年度工作"), "annual_area": _("年度重点工作"),
              "measure": _("举措")}
JURISDICTION_LEVEL = {"country": _("国家"), "province": _("省"), "city": _("市"),
                      "district": _("区"), "county": _("县"), "town": _("乡镇街道"),
                      "zone": _("开发区")}


def choices(labels: dict[StrEnum | str, object]) -> list[tuple[str, object]]:
    """Model field choices from one of the label tables above, in the enum's order."""
    return [(str(value), label) for value, label in labels.items()]
