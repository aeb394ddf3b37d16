"""The Reports page's forms: which report, and the planners' narrative sections."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.reports import FORMATS, NARRATIVE_SECTIONS, ReportKind
from planwatch.web.reports.models import KIND_LABELS, SECTION_LABELS
from planwatch.web.reports.service import ReportChoice

FORMAT_LABELS = {"docx": _("Word"), "xlsx": _("Excel"), "pdf": _("PDF"), "html": _("网页")}


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("报告类型"),
                             choices=[(str(k), label) for k, label in KIND_LABELS.items()])
    as_of = forms.DateField(label=_("评估截止日期"),
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    known_on = forms.DateField(
        label=_("数据已知于"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("留空用目前库中的全部数据;填写则只用当天及以前录入的数据"))

    def choice(self) -> ReportChoice:
        data = self.cleaned_data
        return ReportChoice(ReportKind(data["kind"]), data["as_of"], data["known_on"])


class FormatForm(forms.Form):
    format = forms.ChoiceField(choices=[(f, FORMAT_LABELS[f]) for f in FORMATS])


def section_field(index: int) -> str:
    return f"section_{index}"


class NarrativeForm(forms.Form):
    """One text box per narrative section of planwatch.reports, in the report's order."""

    kind = forms.ChoiceField(widget=forms.HiddenInput,
                             choices=[(str(k), label) for k, label in KIND_LABELS.items()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="narrative-%s", **kwargs)
        for index, section in enumerate(NARRATIVE_SECTIONS):
            self.fields[section_field(index)] = forms.CharField(
                label=SECTION_LABELS[section], required=False, strip=False,
                widget=forms.Textarea(attrs={"rows": 5}))

    def texts(self) -> dict[str, str]:
        return {section: self.cleaned_data[section_field(index)].strip()
                for index, section in enumerate(NARRATIVE_SECTIONS)}

    @classmethod
    def initial_for(cls, kind: ReportKind, stored: dict[str, str]) -> NarrativeForm:
        return cls(initial={"kind": str(kind), **{
            section_field(index): stored.get(section, "")
            for index, section in enumerate(NARRATIVE_SECTIONS)}})
