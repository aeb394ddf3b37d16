"""Observations: figures for a place, an indicator and a period, never overwritten.

A correction is a new row with the next revision number; the earlier rows stay, so what was
known at any time can be shown. A figure's identity is (place, indicator, period, kind,
provenance): an illustrative series never becomes a revision of an official one.
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
    history = HistoricalRecords()

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("监测数据")
        verbose_name_plural = _("监测数据")
        ordering = ["place", "indicator", "year", "months", "kind", "provenance", "revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "indicator", "period", "kind", "provenance", "revision"],
                name="observation_revision_unique"),
            models.CheckConstraint(condition=models.Q(revision__gte=1),
                                   name="observation_revision_positive"),
        ]
        indexes = [models.Index(fields=["indicator", "place", "year"],
                                name="observation_series")]

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
