"""The plan as rows: the database twin of planwatch.domain.model's Plan, Goal, Target ….

Optional text is stored as "" (Django's convention for text columns) and read back as None.

Every field of the domain records has a column here so that a plan stored and read back is
the same plan (planwatch.web.plans.store converts both ways). Lists whose order the plan
gives (goals, targets, indicators, departments) keep it in an `order` column.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.web import labels


class Jurisdiction(models.Model):
    """A place with a government: 绿园区 → 长春市 → 吉林省."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    level = models.CharField(_("层级"), max_length=20, choices=labels.choices(
        labels.JURISDICTION_LEVEL))
    parent = models.ForeignKey("self", verbose_name=_("上级"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    code = models.CharField(_("行政区划代码"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("行政区")
        verbose_name_plural = _("行政区")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A government department that answers for targets, indicators and tasks."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    name = models.SlugField(_("标识"), max_length=50, unique=True,
                            help_text=_("命令行中使用的短名,例如 luyuan"))
    title = models.CharField(_("标题"), max_length=200)
    jurisdiction = models.ForeignKey(Jurisdiction, verbose_name=_("行政区"),
                                     on_delete=models.PROTECT, related_name="plans")
    period_start = models.PositiveSmallIntegerField(_("规划期起始年"))
    period_end = models.PositiveSmallIntegerField(_("规划期末年"))
    base_year = models.PositiveSmallIntegerField(_("基期年"))
    horizons = models.JSONField(_("远景年份"), default=list, blank=True)
    source_text = models.TextField(_("规划原文"), blank=True,
                                   help_text=_("逐字保存;目标的原文位置以字符偏移指向这里"))
    source_title = models.CharField(_("原文标题"), max_length=300, blank=True)
    source_url = models.URLField(_("原文链接"), max_length=500, blank=True)
    related_places = models.ManyToManyField(
        Jurisdiction, through="PlanPlace", related_name="+", verbose_name=_("相关行政区"))
    departments = models.ManyToManyField(
        Department, through="PlanDepartment", related_name="plans", verbose_name=_("部门"))
    # Publication is the planner's decision, not a property of the plan file: the public page
    # shows the plan and its assessments as of `published_as_of` only while `published`.
    published = models.BooleanField(_("向公众公开"), default=False)
    published_as_of = models.DateField(
        _("公开评估截至日期"), null=True, blank=True,
        help_text=_("公众页面按此日期展示评估结果;留空则只公开规划本身"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("规划")
        verbose_name_plural = _("规划")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:overview", args=[self.name])


class PlanPlace(models.Model):
    """A jurisdiction the plan refers to (its parents, siblings), in the plan's order."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="place_links")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "jurisdiction"],
                                               name="plan_place_once")]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.jurisdiction}"


class PlanDepartment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="department_links")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "department"],
                                               name="plan_department_once")]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.department}"


class Goal(models.Model):
    """A node of the goal tree: vision → horizon goals → goal areas → key-work areas → measures.

    `order` is the position among siblings, so a depth-first walk by (parent, order)
    gives the plan's own sequence.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    parent = models.ForeignKey("self", verbose_name=_("上级目标"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")
    order = models.PositiveIntegerField(_("顺序"))
    key = models.CharField(_("标识"), max_length=100)
    title = models.CharField(_("标题"), max_length=300)
    level = models.CharField(_("层级"), max_length=20, choices=labels.choices(labels.GOAL_LEVEL))
    year = models.PositiveSmallIntegerField(_("年度"), null=True, blank=True)
    span_start = models.PositiveIntegerField(_("原文起点"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("原文终点"), null=True, blank=True)

    class Meta:
        verbose_name = _("目标领域")
        verbose_name_plural = _("目标领域")
        ordering = ["plan", "parent_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="goal_key_unique_in_plan"),
            models.UniqueConstraint(fields=["plan", "parent", "order"],
                                    name="goal_order_unique_among_siblings"),
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """What a plan measures: its unit, which way is good, and who reports it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveIntegerField(_("顺序"))
    name = models.CharField(_("指标名称"), max_length=100)
    unit = models.CharField(_("单位"), max_length=30)
    direction = models.CharField(_("方向"), max_length=10,
                                 choices=labels.choices(labels.DIRECTION))
    definition = models.TextField(_("口径"), blank=True)
    attribute = models.CharField(_("属性"), max_length=10,
                                 choices=labels.choices(labels.ATTRIBUTE))
    frequency = models.CharField(_("频度"), max_length=12,
                                 choices=labels.choices(labels.FREQUENCY))
    department = models.ForeignKey(Department, verbose_name=_("报送部门"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"],
                                               name="indicator_name_unique_in_plan")]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """One quantitative or qualitative commitment of the plan (planwatch.domain.Target)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveIntegerField(_("顺序"))
    key = models.CharField(_("标识"), max_length=100)
    goal = models.ForeignKey(Goal, verbose_name=_("所属目标"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="targets")
    indicator = models.CharField(_("指标"), max_length=100, db_index=True)
    kind = models.CharField(_("类型"), max_length=20, choices=labels.choices(labels.KIND))
    comparator = models.CharField(_("比较"), max_length=2,
                                  choices=labels.choices(labels.COMPARATOR))
    value = models.FloatField(_("目标值"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("目标年份"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("起始年份"), null=True, blank=True)
    place = models.CharField(_("地区"), max_length=100, blank=True)
    base_year = models.PositiveSmallIntegerField(_("基期年"), null=True, blank=True)
    base_value = models.FloatField(_("基期值"), null=True, blank=True)
    tolerance = models.FloatField(_("容差"), default=0.0)
    attribute = models.CharField(_("属性"), max_length=10,
                                 choices=labels.choices(labels.ATTRIBUTE))
    scope = models.CharField(_("考核范围"), max_length=20, choices=labels.choices(labels.SCOPE))
    path = models.CharField(_("路径形态"), max_length=10, blank=True,
                            choices=labels.choices(labels.PATH_SHAPE))
    direction = models.CharField(_("方向"), max_length=10, blank=True,
                                 choices=labels.choices(labels.DIRECTION))
    benchmark_indicator = models.CharField(_("对标指标"), max_length=100, blank=True)
    benchmark_place = models.CharField(_("对标地区"), max_length=100, blank=True)
    benchmark_margin = models.FloatField(_("领先幅度"), null=True, blank=True)
    department = models.ForeignKey(Department, verbose_name=_("责任部门"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="targets")
    deadline = models.DateField(_("截止日期"), null=True, blank=True)
    text = models.TextField(_("原文"), blank=True)
    span_start = models.PositiveIntegerField(_("原文起点"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("原文终点"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("目标")
        verbose_name_plural = _("目标")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="target_key_unique_in_plan"),
            models.CheckConstraint(
                condition=models.Q(span_start__isnull=True, span_end__isnull=True)
                | models.Q(span_start__lte=models.F("span_end")),
                name="target_span_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} ({self.key})"

    def get_absolute_url(self) -> str:
        return reverse("plans:target", args=[self.plan.name, self.key])
