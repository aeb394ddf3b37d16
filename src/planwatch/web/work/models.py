"""Annual key work (重点工作) and investment projects with their dated stage transitions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.web import labels
from planwatch.web.data.models import KeptFile
from planwatch.web.plans.models import Department, Goal, Plan, Target
from planwatch.web.work.supervision import Level

DECOMPOSITION_METHOD = {"linear": _("等额/线性"), "geometric": _("等比"), "manual": _("逐年填报")}
SUPERVISION_LEVELS = [(level.value, labels.SUPERVISION_LEVEL[level]) for level in Level]
SUPERVISION_RULES = labels.choices(labels.SUPERVISION_RULE)


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
    quantities = models.JSONField(_("数量"), default=dict, blank=True,
                                  help_text=_("按台账累加的数量,例如 {\"释放土地面积\": 12.5}(万平方米)"))
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


class StageEvidence(KeptFile):
    """A file proving a stage transition (a permit, a signed contract, a photo), checked as
    the data pages' evidence is and downloaded only by the project's department and
    planners."""

    transition = models.ForeignKey(ProjectStageTransition, on_delete=models.CASCADE,
                                   related_name="files")

    class Meta:
        verbose_name = _("阶段佐证文件")
        verbose_name_plural = _("阶段佐证文件")
        ordering = ["uploaded_at", "pk"]


class AnnualTarget(models.Model):
    """One year of a five-year target's decomposition (总施工图): the value the year must
    reach (a level, an annual growth rate) or deliver (a flow: 累计/数量 targets)."""

    target = models.ForeignKey(Target, verbose_name=_("五年目标"), on_delete=models.CASCADE,
                               related_name="annual_targets")
    year = models.PositiveSmallIntegerField(_("年度"))
    value = models.FloatField(_("年度目标值"))
    method = models.CharField(_("分解方法"), max_length=10,
                              choices=labels.choices(DECOMPOSITION_METHOD))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("年度分解目标")
        verbose_name_plural = _("年度分解目标")
        ordering = ["target", "year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"],
                                               name="annual_target_once_a_year")]

    def __str__(self) -> str:
        return f"{self.target.key} {self.year}: {self.value:g}"


class TaskMilestone(models.Model):
    """A dated step of a task (节点), done or not."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    order = models.PositiveIntegerField(_("顺序"))
    title = models.CharField(_("节点"), max_length=300)
    due = models.DateField(_("计划完成日期"))
    done_on = models.DateField(_("实际完成日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("任务节点")
        verbose_name_plural = _("任务节点")
        ordering = ["task", "order"]

    def __str__(self) -> str:
        return f"{self.title} ({self.due})"


class RecordRule(models.Model):
    """A target measured from the project records rather than from a reported figure."""

    target = models.OneToOneField(Target, verbose_name=_("目标"), on_delete=models.CASCADE,
                                  related_name="record_rule")
    stage = models.CharField(_("达到阶段"), max_length=4,
                             choices=labels.choices(labels.PROJECT_STAGE))
    flag = models.CharField(_("项目标记"), max_length=50, blank=True,
                            help_text=_("只计带此标记的项目,例如 亿元以上"))
    quantity = models.CharField(_("累加字段"), max_length=50, blank=True,
                                help_text=_("留空则计项目个数;否则累加项目的这一数量,例如 释放土地面积"))

    class Meta:
        verbose_name = _("按台账计量的目标")
        verbose_name_plural = _("按台账计量的目标")

    def __str__(self) -> str:
        return f"{self.target.key}: {self.stage}"


class SupervisionPolicy(models.Model):
    """The plan's supervision settings: when a project counts as stalled and how long each
    level of the ladder gives the department. (When a missing report goes to supervision is
    the reporting calendar's: data.ReportingRule.)"""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE,
                                related_name="supervision_policy")
    stall_days = models.PositiveIntegerField(_("项目停滞天数"), default=90)
    reminder_days = models.PositiveIntegerField(_("提醒期限(天)"), default=7)
    warning_days = models.PositiveIntegerField(_("预警期限(天)"), default=7)
    supervision_days = models.PositiveIntegerField(_("督办期限(天)"), default=10)
    interview_days = models.PositiveIntegerField(_("约谈期限(天)"), default=10)

    class Meta:
        verbose_name = _("督办规则")
        verbose_name_plural = _("督办规则")

    def __str__(self) -> str:
        return str(self.plan)


class SupervisionItem(models.Model):
    """A 督查督办 item: raised by hand or by a rule, escalated on the ladder until the
    department explains itself, closed (销号) only by a supervisor with a reason."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="supervision_items")
    department = models.ForeignKey(Department, verbose_name=_("责任单位"), null=True,
                                   blank=True, on_delete=models.PROTECT,
                                   related_name="supervision_items")
    rule = models.CharField(_("来源"), max_length=20, choices=SUPERVISION_RULES)
    subject = models.CharField(_("对象"), max_length=200,
                               help_text=_("规则据以识别同一事项的键,例如 project:p12"))
    title = models.CharField(_("事项"), max_length=300)
    detail = models.TextField(_("情况"), blank=True)
    missing_periods = models.JSONField(
        _("逾期未报的报告期"), default=list, blank=True,
        help_text=_("数据逾期未报事项:该指标逾期未报的各报告期及其报送期限,后来逾期的报告期并入同一事项"))
    level = models.PositiveSmallIntegerField(_("级别"), choices=SUPERVISION_LEVELS)
    raised_on = models.DateField(_("提出日期"))
    raised_by = models.CharField(_("提出人"), max_length=150, blank=True)
    level_since = models.DateField(_("本级起始"))
    due_on = models.DateField(_("本级期限"))
    explanation = models.TextField(_("情况说明"), blank=True)
    corrective_action = models.TextField(_("整改措施"), blank=True)
    explained_on = models.DateField(_("说明日期"), null=True, blank=True)
    explained_by = models.CharField(_("说明人"), max_length=150, blank=True)
    return_reason = models.TextField(_("退回理由"), blank=True,
                                     help_text=_("督查室认为说明或整改不到位时填写;本级期限重新起算"))
    closed_on = models.DateField(_("销号日期"), null=True, blank=True)
    closed_by = models.CharField(_("销号人"), max_length=150, blank=True)
    close_reason = models.TextField(_("销号理由"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("督办事项")
        verbose_name_plural = _("督办事项")
        ordering = ["plan", "-level", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "rule", "subject"],
                                    condition=models.Q(closed_on__isnull=True),
                                    name="supervision_one_open_item_per_subject"),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | ~models.Q(close_reason=""),
                name="supervision_closed_with_reason"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
