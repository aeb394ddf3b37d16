"""Observations: figures for a place, an indicator and a period, never overwritten.

A correction is a new row with the next revision number; the earlier rows stay, so what was
known at any time can be shown. A figure's identity is (place, indicator, period, kind,
provenance): an illustrative series never becomes a revision of an official one.

Observations have no simple_history table: a row is never changed, and it records who
entered it, when, and from which import batch, so the revisions of a figure are its audit
trail (who, when, before and after). A copy of every row in a history table said nothing
more, and doubled what a bulk import writes (docs/data.md, History).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.domain.periods import PeriodError, parse_period
from planwatch.web import labels


class ObservationQuerySet(models.QuerySet):
    def with_is_current(self) -> ObservationQuerySet:
        """Each row annotated `is_current`: no later revision of the same figure exists."""
        newer = Observation.objects.filter(
            place=models.OuterRef("place"), indicator=models.OuterRef("indicator"),
            period=models.OuterRef("period"), kind=models.OuterRef("kind"),
            provenance=models.OuterRef("provenance"), revision__gt=models.OuterRef("revision"))
        return self.annotate(is_current=~models.Exists(newer))

    def current(self) -> ObservationQuerySet:
        """Only the latest revision of every figure."""
        return self.with_is_current().filter(is_current=True)


class Observation(models.Model):
    place = models.CharField(_("地区"), max_length=100)
    indicator = models.CharField(_("指标"), max_length=100)
    period = models.CharField(_("期间"), max_length=10, help_text=_("2023、2023H1、2023Q2、2023-06"))
    year = models.PositiveSmallIntegerField(_("年份"))
    months = models.PositiveSmallIntegerField(_("截至月数"), help_text=_("从1月起算覆盖的月数"))
    span = models.PositiveSmallIntegerField(_("期间长度(月)"))
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("单位"), max_length=30)
    kind = models.CharField(_("口径"), max_length=12,
                            choices=labels.choices(labels.OBSERVATION_KIND))
    source = models.TextField(_("来源"), blank=True)
    provenance = models.CharField(_("数据性质"), max_length=12,
                                  choices=labels.choices(labels.PROVENANCE))
    revision = models.PositiveIntegerField(_("修订版次"), default=1)
    recorded_by = models.CharField(_("录入人"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("录入时间"), default=timezone.now)
    # No database-level constraint: a million-row import would otherwise queue a million
    # deferred referential checks for commit time. Batches are never deleted (PROTECT, and
    # the back office offers no delete), and the importer writes the id it just created.
    # No index either: no query looks rows up by batch (a row shows its batch through the
    # batch's own key), and keeping one up to date was a sixth of an import's database work.
    import_batch = models.ForeignKey("ImportBatch", verbose_name=_("导入批次"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+",
                                     db_constraint=False, db_index=False)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("监测数据")
        verbose_name_plural = _("监测数据")
        ordering = ["place", "indicator", "year", "months", "kind", "provenance", "revision"]
        # One index serves both the figure's identity and reading a series: it leads with
        # the indicator, then the place (a series, an indicator across places, the figures a
        # department reports). A second index by (indicator, place, year) cost an import as
        # much again as this one and answered nothing this one cannot.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "place", "period", "kind", "provenance", "revision"],
                name="observation_figure_revision_unique"),
            models.CheckConstraint(condition=models.Q(revision__gte=1),
                                   name="observation_revision_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.indicator} {self.period}: {self.value:g} {self.unit}"

    def clean(self) -> None:
        """Read the period label into year, months and span (2023Q2 → 2023, 6, 3)."""
        try:
            period = parse_period(self.period)
        except PeriodError as error:
            raise ValidationError({"period": str(error)}) from error
        self.period, self.year, self.months, self.span = (
            period.label, period.year, period.months, period.span)

    @property
    def source_url(self) -> str | None:
        """The source when it is a web address (only http and https are ever linked)."""
        return self.source if self.source.startswith(("http://", "https://")) else None

    @property
    def is_illustrative(self) -> bool:
        return self.provenance == "illustrative"


class ImportBatch(models.Model):
    """One committed import of an observations file: who, when, what file, how many rows."""

    file_name = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("文件摘要"), max_length=64)
    rows_read = models.PositiveIntegerField(_("读取行数"), default=0)
    rows_added = models.PositiveIntegerField(_("新增行数"), default=0)
    imported_by = models.CharField(_("导入人"), max_length=150, blank=True)
    imported_at = models.DateTimeField(_("导入时间"), default=timezone.now)

    class Meta:
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class ReportingRule(models.Model):
    """The reporting calendar of one indicator: when each period's figure is due, how long
    the grace period is, and which values are plausible. The frequency and the responsible
    department are the indicator's own (plans.Indicator)."""

    indicator = models.OneToOneField("plans.Indicator", verbose_name=_("指标"),
                                     on_delete=models.CASCADE, related_name="reporting_rule")
    lag_months = models.PositiveSmallIntegerField(
        _("报送滞后月数"), default=1, help_text=_("期末后第几个月报送,1 表示次月"))
    due_day = models.PositiveSmallIntegerField(_("截止日"), default=15,
                                               help_text=_("该月的第几天截止(1–28)"))
    grace_days = models.PositiveSmallIntegerField(_("宽限天数"), default=10)
    minimum = models.FloatField(_("合理下限"), null=True, blank=True,
                                help_text=_("数值、累计值、完成数按指标单位"))
    maximum = models.FloatField(_("合理上限"), null=True, blank=True)
    growth_minimum = models.FloatField(_("增速合理下限(%)"), null=True, blank=True)
    growth_maximum = models.FloatField(_("增速合理上限(%)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("报送规则")
        verbose_name_plural = _("报送规则")
        constraints = [
            models.CheckConstraint(condition=models.Q(due_day__gte=1, due_day__lte=28),
                                   name="reporting_due_day_in_month"),
        ]

    def __str__(self) -> str:
        return str(self.indicator)


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交待审核")
    APPROVED = "approved", _("已审核")
    RETURNED = "returned", _("已退回")


OPEN_STATUSES = (SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)


class Submission(models.Model):
    """A department's figure for one indicator and period on its way to approval.

    draft → submitted → approved (an Observation revision is appended, and only then does
    evaluation see the figure) or returned (with the planner's reason, back to the reporter).
    `version` grows with every save: a form carries the version it was read at, and a save
    from a stale form is refused rather than overwriting a colleague's change.
    """

    indicator = models.ForeignKey("plans.Indicator", verbose_name=_("指标"),
                                  on_delete=models.CASCADE, related_name="submissions")
    department = models.ForeignKey("plans.Department", verbose_name=_("报送部门"),
                                   on_delete=models.PROTECT, related_name="submissions")
    place = models.CharField(_("地区"), max_length=100)
    period = models.CharField(_("期间"), max_length=10)
    kind = models.CharField(_("口径"), max_length=12,
                            choices=labels.choices(labels.OBSERVATION_KIND))
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("单位"), max_length=30)
    entered_value = models.FloatField(_("填报数值"))
    entered_unit = models.CharField(_("填报单位"), max_length=30)
    note = models.TextField(_("说明"), blank=True)
    source = models.TextField(_("来源"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.DRAFT)
    return_reason = models.TextField(_("退回原因"), blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    created_by = models.CharField(_("填报人"), max_length=150)
    updated_by = models.CharField(_("最后修改人"), max_length=150)
    updated_at = models.DateTimeField(_("最后修改时间"), default=timezone.now)
    reviewed_by = models.CharField(_("审核人"), max_length=150, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    observation = models.ForeignKey(Observation, verbose_name=_("入库数据"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("填报")
        verbose_name_plural = _("填报")
        ordering = ["-updated_at"]
        constraints = [
            # One figure in progress per item: two reporters starting the same item at once
            # collide here instead of both being saved.
            models.UniqueConstraint(
                fields=["indicator", "place", "period", "kind"],
                condition=models.Q(status__in=[s.value for s in OPEN_STATUSES]),
                name="submission_one_open_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value:g} {self.unit}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class KeptFile(models.Model):
    """An uploaded file kept as evidence: the bytes live under PLANWATCH_HOME/uploads under a
    random name and are only ever sent back as a download (never rendered inline). A figure's
    evidence here, a project stage's in the work app."""

    stored_name = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(_("文件名"), max_length=255)
    size = models.PositiveIntegerField(_("大小(字节)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.CharField(_("上传人"), max_length=150)
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


class Evidence(KeptFile):
    """A file attached to a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE,
                                   related_name="evidence")

    class Meta:
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        ordering = ["uploaded_at"]


class Reminder(models.Model):
    """One reminder sent to a department by `planwatch remind`, as sent."""

    department = models.ForeignKey("plans.Department", verbose_name=_("部门"),
                                   on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(_("发送时间"), default=timezone.now)
    recipients = models.JSONField(_("收件人"), default=list)
    subject = models.CharField(_("主题"), max_length=200)
    body = models.TextField(_("正文"))
    due_count = models.PositiveIntegerField(_("待报项数"), default=0)
    overdue_count = models.PositiveIntegerField(_("逾期项数"), default=0)
    escalated = models.JSONField(_("超过宽限期转督办的事项"), default=list)

    class Meta:
        verbose_name = _("催报记录")
        verbose_name_plural = _("催报记录")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.department} {self.sent_at:%Y-%m-%d}"
