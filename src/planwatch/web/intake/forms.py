"""The intake forms: the upload, one proposal's fields, and where accepted targets go."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from planwatch.web.intake.models import Proposal
from planwatch.web.plans.models import Plan

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
PLAN_NAME = RegexValidator(r"^[a-z0-9][a-z0-9_-]*$",
                           _("只能用小写字母、数字、- 和 _,并以字母或数字开头"))


class UploadForm(forms.Form):
    # An empty file is the readers' to refuse, in the same words as any unreadable one.
    document = forms.FileField(
        label=_("规划文档"), allow_empty_file=True, help_text=_("txt、docx、pdf 或 html,不超过 20 MB"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(DOCUMENT_SUFFIXES)}))
    reference_year = forms.IntegerField(
        label=_("文档年份"), required=False, min_value=1949, max_value=2100,
        help_text=_("“今年”“全年”所指的年份;留空则从文档推断"))

    def clean_document(self):
        document = self.cleaned_data["document"]
        if Path(document.name).suffix.lower() not in DOCUMENT_SUFFIXES:
            raise forms.ValidationError(
                _("无法读取 %(name)s:只接受 txt、docx、pdf、html 文件"),
                params={"name": document.name})
        if document.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("无法读取 %(name)s:文件超过 20 MB"), params={"name": document.name})
        return document


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["indicator", "comparator", "value", "unit", "kind", "year", "period_start",
                  "goal"]
        widgets = {"goal": forms.TextInput(attrs={"size": 24})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.auto_id = f"p{self.instance.pk}-%s"
        self.fields["value"].required = True

    def clean(self):
        data = super().clean()
        start, year = data.get("period_start"), data.get("year")
        if start and year and start > year:
            self.add_error("period_start", _("起始年份不能晚于目标年份"))
        return data


class NewPlanForm(forms.Form):
    name = forms.CharField(label=_("标识"), max_length=50, validators=[PLAN_NAME],
                           help_text=_("网址和命令行中使用的短名,例如 luyuan"))
    title = forms.CharField(label=_("标题"), max_length=200)
    place = forms.CharField(label=_("行政区"), max_length=100, required=False,
                            help_text=_("留空则从文档标题推断"))
    parent = forms.CharField(label=_("上级行政区"), max_length=100, required=False)


class ExistingPlanForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("并入规划"), queryset=Plan.objects.all(),
                                  to_field_name="name", empty_label=None)
