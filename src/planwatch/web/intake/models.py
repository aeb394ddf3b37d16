"""A draft: an uploaded document's text, the extractor's proposals and the planner's decisions.

Everything a planner does on the review page is stored as it happens, so a review can be left
and taken up again; the draft keeps the extractor's own reading of each proposal beside the
edited one, so what the planner changed stays visible.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from planwatch.web import labels
from planwatch.web.plans.models import Plan


class Draft(models.Model):
    file_name = models.CharField(_("文件名"), max_length=255)
    text = models.TextField(_("文档文本"), help_text=_("读取出的全文;提议的原文位置以字符偏移指向这里"))
    reference_year = models.PositiveSmallIntegerField(_("文档年份"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("上传人"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    plan = models.ForeignKey(Plan, verbose_name=_("已并入规划"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(_("入库时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("导入草稿")
        verbose_name_plural = _("导入草稿")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("intake:review", args=[self.pk])


class Decision(models.TextChoices):
    PENDING = "pending", _("待审")
    ACCEPTED = "accepted", _("接受")
    REJECTED = "rejected", _("拒绝")
    MERGED = "merged", _("已合并")


class Proposal(models.Model):
    """One target the extractor proposes, as the planner has edited and decided it."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="proposals")
    order = models.PositiveIntegerField(_("顺序"))
    text = models.TextField(_("原文"))
    span_start = models.PositiveIntegerField(_("原文起点"))
    span_end = models.PositiveIntegerField(_("原文终点"))
    indicator = models.CharField(_("指标"), max_length=100)
    comparator = models.CharField(_("比较"), max_length=2,
                                  choices=labels.choices(labels.COMPARATOR))
    value = models.FloatField(_("目标值"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=labels.choices(labels.KIND))
    year = models.PositiveSmallIntegerField(_("目标年份"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("起始年份"), null=True, blank=True)
    goal = models.CharField(_("所属目标"), max_length=300, blank=True,
                            help_text=_("标题路径,各级以“ / ”分隔"))
    benchmark = models.JSONField(_("对标"), null=True, blank=True)
    base_year = models.PositiveSmallIntegerField(_("基期年"), null=True, blank=True)
    deadline = models.DateField(_("截止日期"), null=True, blank=True)
    confidence = models.FloatField(_("置信度"))
    extracted = models.JSONField(_("提取结果"), help_text=_("提取器的原始读法,用于显示修改"))
    decision = models.CharField(_("审核结果"), max_length=10, choices=Decision.choices,
                                default=Decision.PENDING)
    merged_into = models.ForeignKey("self", verbose_name=_("合并到"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="merged")

    class Meta:
        verbose_name = _("目标提议")
        verbose_name_plural = _("目标提议")
        ordering = ["draft", "order"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "order"], name="proposal_order_unique"),
            models.CheckConstraint(condition=models.Q(span_start__lte=models.F("span_end")),
                                   name="proposal_span_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} ({self.text})"

    @property
    def anchor(self) -> str:
        return f"p{self.pk}"

    @property
    def restatements(self) -> list[tuple[int, int]]:
        """Other places in the document the extractor found stating this same target."""
        return [(start, end) for start, end in self.extracted.get("restatements", [])]

    def restated_texts(self) -> list[str]:
        return [self.draft.text[start:end] for start, end in self.restatements]
