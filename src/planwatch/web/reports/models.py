"""What planners write for a report: one text per plan, report kind and narrative section.

The report never invents these sections (planwatch.reports shows a placeholder until one is
written); history keeps every earlier wording and who wrote it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planwatch.reports import NARRATIVE_SECTIONS, ReportKind
from planwatch.web.plans.models import Plan

KIND_LABELS = {ReportKind.ANNUAL: _("年度评估"), ReportKind.MIDTERM: _("中期评估"),
               ReportKind.FINAL: _("总结评估")}
# The sections keep their Chinese names in the report itself; forms and the back office
# speak the page's language.
SECTION_LABELS = dict(zip(NARRATIVE_SECTIONS, (_("总体评价"), _("存在的问题"), _("下一步建议")),
                          strict=True))


class Narrative(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="narratives")
    kind = models.CharField(_("报告类型"), max_length=10,
                            choices=[(str(kind), label) for kind, label in KIND_LABELS.items()])
    section = models.CharField(_("章节"), max_length=20,
                               choices=list(SECTION_LABELS.items()))
    text = models.TextField(_("内容"), blank=True)
    updated_by = models.CharField(_("填写人"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("填写时间"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("报告文字")
        verbose_name_plural = _("报告文字")
        ordering = ["plan", "kind", "section"]
        constraints = [models.UniqueConstraint(fields=["plan", "kind", "section"],
                                               name="narrative_once_per_section")]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.kind} {self.section}"

