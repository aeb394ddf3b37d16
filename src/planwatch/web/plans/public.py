"""The public transparency pages (no sign-in): a published plan, its assessments as of the date
the planner published, each target with its chart, and the open-data download.

Only plans a planner has published are found here; anything else is "not found", so the
public cannot even learn which unpublished plans exist. Figures for periods after the
published date are never shown.
"""

from __future__ import annotations

from functools import cache

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from planwatch.domain import parse_period
from planwatch.web.assessments import assess_plan, data_version
from planwatch.web.plans import dashboard, opendata
from planwatch.web.plans.models import Plan, Target
from planwatch.web.plans.store import target_from_row
from planwatch.web.plans.views import (
    COLUMNS,
    fragment_key,
    target_context,
    target_observations,
)


class PublishedMoment:
    """The published as-of date, in the shape the templates expect of a Moment."""

    known_on = None
    problems: list[str] = []

    def __init__(self, plan: Plan):
        self.as_of = plan.published_as_of
        self.choices = []
        self.query = ""


def _published(plan_name: str) -> Plan:
    return get_object_or_404(Plan.objects.select_related("jurisdiction"), name=plan_name,
                             published=True)


def plan(request, plan_name: str):
    plan = _published(plan_name)

    @cache
    def page() -> dict:
        if plan.published_as_of is None:
            return {"lines": [dashboard.TargetLine(row, None, None, None) for row in
                              plan.targets.select_related("goal", "department")]}
        judged = assess_plan(plan, plan.published_as_of)
        lines = dashboard.target_lines(judged)
        return {"summary": judged.rollup["plan"], "formula": judged.rollup["formula"],
                "lines": lines, "bars": dashboard.area_bars(judged, lines),
                "alerts": dashboard.alerts(lines)}

    return render(request, "plans/public.html", {
        "plan": plan, "public": True, "moment": PublishedMoment(plan), "columns": COLUMNS,
        "page": page, "fragment": fragment_key(request, plan, data_version(plan))})


def target(request, plan_name: str, key: str):
    plan = _published(plan_name)
    row = get_object_or_404(Target.objects.select_related("goal", "department"), plan=plan,
                            key=key)
    as_of = plan.published_as_of

    @cache
    def page() -> dict:
        if as_of is None:
            line = dashboard.TargetLine(row, None, None, None)
            return {"row": line, "line": line, "excerpt": None, "chart": None,
                    "observations": [], "illustrative": False}
        shown = [o for o in target_observations(plan, row).filter(year__lte=as_of.year)
                 if parse_period(o.period).end_date <= as_of]
        return target_context(plan, row, assess_plan(plan, as_of, rows=[row]), shown)

    return render(request, "plans/target.html", {
        "plan": plan, "target": row, "moment": PublishedMoment(plan), "page": page,
        "public": True, "fragment": fragment_key(request, plan, data_version(plan))})


def open_data(request, plan_name: str):
    plan = _published(plan_name)
    if plan.published_as_of is None:
        return HttpResponse("该规划尚未公开评估结果 / no assessment published for this plan",
                            status=404, content_type="text/plain; charset=utf-8")
    judged = assess_plan(plan, plan.published_as_of)
    payload = opendata.open_data_zip(
        title=plan.title, place=plan.jurisdiction.name, as_of=plan.published_as_of,
        targets=[target_from_row(row) for row in judged.rows], observations=judged.observations,
        assessments=judged.assessments, rollup=judged.rollup)
    response = HttpResponse(payload, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="{plan.name}-open-data-{plan.published_as_of.isoformat()}.zip"')
    return response
