"""The Reports page: choose kind, as-of date and format; preview in HTML; download; write the
narrative sections. Planners and administrators only.

Choosing is a GET form, so a report's address names it and can be shared between planners;
downloads and the preview take the same parameters.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from planwatch.evaluate import EvaluationError
from planwatch.reports import ReportError, ReportKind
from planwatch.web.assessments import assess_plan, default_as_of
from planwatch.web.intake.access import planner_required
from planwatch.web.plans.models import Plan
from planwatch.web.reports import service
from planwatch.web.reports.forms import FormatForm, NarrativeForm, ReportForm

DEFAULT_KIND = ReportKind.MIDTERM
# The preview is our own report HTML, but it is shown inside our page: it may load nothing
# and run nothing (default-src 'none' leaves no script source), only show itself with its
# inline styles and chart images. (A CSP `sandbox` would be stricter still, but Chromium
# then paints the framed report blank.)
PREVIEW_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                  "frame-ancestors 'self'")


def planner_plan_view(view):
    @planner_required
    @wraps(view)
    def wrapper(request, plan_name: str, *args, **kwargs):
        plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), name=plan_name)
        return view(request, plan, *args, **kwargs)

    return wrapper


def _choice_form(request, plan: Plan) -> ReportForm:
    """The chosen report; what the address leaves out is the default (mid-term, as of the
    end of the latest data period)."""
    return ReportForm({"kind": request.GET.get("kind", str(DEFAULT_KIND)),
                       "as_of": request.GET.get("as_of") or default_as_of(plan).isoformat(),
                       "known_on": request.GET.get("known_on", "")})


def _query(form: ReportForm) -> str:
    data = form.cleaned_data
    params = {"kind": data["kind"], "as_of": data["as_of"].isoformat()}
    if data["known_on"]:
        params["known_on"] = data["known_on"].isoformat()
    return urlencode(params)


def _page(request, plan: Plan, *, failure: str | None = None, status: int = 200):
    form = _choice_form(request, plan)
    chosen = form.is_valid()
    kind = ReportKind(form.cleaned_data["kind"]) if chosen else DEFAULT_KIND
    # What the report will cover, said before anyone waits for it (judging takes well under
    # a second; writing the report takes the seconds).
    judged = (assess_plan(plan, form.cleaned_data["as_of"],
                          known_on=form.cleaned_data["known_on"]) if chosen else None)
    return render(request, "reports/page.html", {
        "judged": judged,
        "unjudged": [(row, judged.unjudged[row.key]) for row in judged.rows
                     if row.key in judged.unjudged] if judged else [],
        "plan": plan, "form": form, "formats": FormatForm().fields["format"].choices,
        "query": _query(form) if chosen else "", "as_of": request.GET.get("as_of", ""),
        "preview": chosen and "preview" in request.GET,
        "narrative_form": NarrativeForm.initial_for(kind, service.narrative_of(plan, kind)),
        "kind_label": dict(form.fields["kind"].choices)[str(kind)], "failure": failure,
    }, status=status)


page = planner_plan_view(_page)


def _report(request, plan: Plan, format: str, *, attachment: bool = True) -> HttpResponse:
    """The report as a response, or the Reports page (400) saying why it cannot be made."""
    form = _choice_form(request, plan)
    if not form.is_valid():
        return _page(request, plan, status=400)
    choice = form.choice()
    try:
        data = service.report_file(plan, choice, format)
    except (EvaluationError, ReportError) as error:
        return _page(request, plan, failure=str(error), status=400)
    response = HttpResponse(data, content_type=service.CONTENT_TYPES[format])
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{choice.file_name(plan, format)}"'
    return response


@planner_plan_view
def download(request, plan: Plan):
    format_form = FormatForm(request.GET)
    if not format_form.is_valid():
        return _page(request, plan, status=400)
    return _report(request, plan, format_form.cleaned_data["format"])


@xframe_options_sameorigin
@planner_plan_view
def preview(request, plan: Plan):
    response = _report(request, plan, "html", attachment=False)
    if response.status_code == 200:
        response["Content-Security-Policy"] = PREVIEW_POLICY
    return response


@require_POST
@planner_plan_view
def narrative(request, plan: Plan):
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        return _page(request, plan, status=400)
    kind = ReportKind(form.cleaned_data["kind"])
    service.save_narrative(plan, kind, form.texts(), request.user.get_username())
    back = {"kind": str(kind)}
    if request.POST.get("as_of"):
        back["as_of"] = request.POST["as_of"]
    return redirect(f"{reverse('reports:page', args=[plan.name])}?{urlencode(back)}")
