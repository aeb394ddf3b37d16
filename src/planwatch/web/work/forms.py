"""The forms of the work pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.domain.vocabulary import ProjectStage
from planwatch.web import labels
from planwatch.web.work import models
from planwatch.web.work.decomposition import Method


class ProjectForm(forms.ModelForm):
    flags_text = forms.CharField(label=_("标记"), required=False,
                                 help_text=_("用顿号分隔,例如 亿元以上、三早"))

    class Meta:
        model = models.Project
        fields = ["key", "name", "project_type", "investment", "completed_investment",
                  "department", "location", "provenance"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["department"].queryset = plan.departments.all()
        if self.instance.pk:
            self.fields["flags_text"].initial = "、".join(self.instance.flags)

    def clean_key(self):
        key = self.cleaned_data["key"].strip()
        if models.Project.objects.filter(plan=self.plan, key=key).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("该规划已有此标识的项目"))
        return key

    def save(self, commit=True):
        project = super().save(commit=False)
        project.plan = self.plan
        project.flags = [f.strip() for f in self.cleaned_data["flags_text"].replace(
            ",", "、").split("、") if f.strip()]
        if project.order is None:
            project.order = self.plan.projects.count()
        if commit:
            project.save()
        return project


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("阶段"), choices=labels.choices(labels.PROJECT_STAGE))
    on = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    evidence = forms.CharField(label=_("佐证"), widget=forms.Textarea(attrs={"rows": 2}),
                               required=False, help_text=_("文件名、批复文号或现场照片说明"))
    evidence_file = forms.FileField(
        label=_("佐证文件"), required=False,
        help_text=_("可选;只有项目责任单位和发改局可以下载"))

    def clean(self):
        data = super().clean()
        if not (data.get("evidence") or "").strip() and not data.get("evidence_file"):
            raise forms.ValidationError(_("请填写佐证说明或上传佐证文件"))
        return data

    def stage_value(self) -> ProjectStage:
        return ProjectStage(self.cleaned_data["stage"])


class ImportForm(forms.Form):
    file = forms.FileField(label=_("项目清单(CSV 或 XLSX)"))


class DecompositionForm(forms.Form):
    method = forms.ChoiceField(label=_("分解方法"), choices=models.DECOMPOSITION_METHOD.items())
    values = forms.CharField(label=_("逐年数值"), required=False,
                             help_text=_("逐年填报时按年份顺序填写,用逗号分隔"))
    base = forms.FloatField(label=_("基期值"), required=False,
                            help_text=_("总量、比率目标按线性或等比分解时需要;目标已有基期值可不填"))

    def __init__(self, *args, years: range, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years

    def clean(self):
        data = super().clean()
        if data.get("method") != Method.MANUAL:
            data["manual"] = None
            return data
        parts = [p.strip() for p in (data.get("values") or "").replace("，", ",").split(",")
                 if p.strip()]
        if len(parts) != len(self.years):
            raise forms.ValidationError(
                _("逐年填报须给出 %(n)d 个数值(%(first)d–%(last)d)") % {
                    "n": len(self.years), "first": self.years.start,
                    "last": self.years.stop - 1})
        try:
            data["manual"] = {year: float(p) for year, p in zip(self.years, parts, strict=True)}
        except ValueError:
            raise forms.ValidationError(_("逐年数值须为数字")) from None
        return data


class RaiseForm(forms.Form):
    department = forms.ModelChoiceField(label=_("责任单位"), queryset=None)
    title = forms.CharField(label=_("事项"), max_length=300)
    detail = forms.CharField(label=_("情况"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))
    level = forms.TypedChoiceField(label=_("级别"), coerce=int,
                                   choices=models.SUPERVISION_LEVELS)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = plan.departments.all()


class ExplainForm(forms.Form):
    explanation = forms.CharField(label=_("情况说明"), widget=forms.Textarea(attrs={"rows": 4}))
    corrective_action = forms.CharField(label=_("整改措施"),
                                        widget=forms.Textarea(attrs={"rows": 4}))


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("销号或退回都须写明理由"))
