"""Annual key work (重点工作) and investment projects with their dated stage transitions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.web import labels
from planwatch.web.plans.models import Department, Goal, Plan


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveIntegerField(_("顺序"))
    key = models.CharField(_("标识"), max_length=100)
    title = models.CharField(_("任务"), max_length=500)
    year = models.PositiveSmallIntegerField(_("年度"))
    goal = models.ForeignKey(Goal, verbose_name=_("所属目标"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="tasks")
    lead_department = models.ForeignKey(
        Department, verbose_name=_("牵头部门"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="led_tasks")
    departments = models.ManyToManyField(Department, through="TaskDepartment",
                                         related_name="tasks", verbose_name=_("配合部门"))
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=12,
                              choices=labels.choices(labels.TASK_STATUS))
    span_start = models.PositiveIntegerField(_("原文起点"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("原文终点"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("重点任务")
        verbose_name_plural = _("重点任务")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"],
                                               name="task_key_unique_in_plan")]

    def __str__(self) -> str:
        return self.title


class TaskDepartment(models.Model):
    """A department working on a task, in the order the plan names them."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="department_links")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["task", "order"]
        constraints = [models.UniqueConstraint(fields=["task", "department"],
                                               name="task_department_once")]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.department}"


class Project(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="projects")
    order = models.PositiveIntegerField(_("顺序"))
    key = models.CharField(_("标识"), max_length=100)
    name = models.CharField(_("项目名称"), max_length=300)
    investment = models.FloatField(_("计划总投资(亿元)"), null=True, blank=True)
    completed_investment = models.FloatField(_("已完成投资(亿元)"), null=True, blank=True)
    department = models.ForeignKey(Department, verbose_name=_("责任部门"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="projects")
    location = models.CharField(_("地点"), max_length=200, blank=True)
    project_type = models.CharField(_("项目类型"), max_length=100, blank=True)
    flags = models.JSONField(_("标记"), default=list, blank=True,
                             help_text=_("例如 亿元以上、三早"))
    provenance = models.CharField(_("数据性质"), max_length=12,
                                  choices=labels.choices(labels.PROVENANCE))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("重点项目")
        verbose_name_plural = _("重点项目")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"],
                                               name="project_key_unique_in_plan")]

    def __str__(self) -> str:
        return self.name


class ProjectStageTransition(models.Model):
    """The day a project reached a stage (谋划 → 签约 → … → 投产), with the evidence."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveIntegerField(_("顺序"))
    stage = models.CharField(_("阶段"), max_length=4,
                             choices=labels.choices(labels.PROJECT_STAGE))
    on = models.DateField(_("日期"))
    evidence = models.TextField(_("佐证"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("项目阶段")
        verbose_name_plural = _("项目阶段")
        ordering = ["project", "order"]
        constraints = [models.UniqueConstraint(fields=["project", "order"],
                                               name="stage_transition_order_unique")]

    def __str__(self) -> str:
        return f"{self.stage} {self.on}"
