"""The REST API under /api (django-ninja; OpenAPI schema at /api/openapi.json, browsable
docs at /api/docs).

Read plans, targets, current observations and assessments; submit observations. A caller is
identified by a per-user token (`Authorization: Bearer …`, issued on /data/api-token/) or
by the browser session (with its CSRF token); without either, only published plans are
readable, and only as their public page shows them. Every endpoint asks accounts.permissions,
exactly as the pages do — a list holds what the caller may read (a department reporter: its own
targets and their figures), one named item outside that is 403 — and writes go
through data.reporting, so a figure submitted here waits for a planner's approval like one
typed into the department page.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from planwatch.domain import parse_period
from planwatch.web.accounts.models import ApiToken
from planwatch.web.accounts.permissions import (
    can_view_plan,
    has_role,
    readable_series,
    readable_targets,
    reads_whole_plan,
    visible_plans,
)
from planwatch.web.data import reporting
from planwatch.web.data.models import Observation
from planwatch.web.plans.models import Indicator, Plan


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        return ApiToken.objects.user_for(token)


def public(request):
    """No credentials: the public, who read published plans only, as the public page shows
    them. A request that brings a token which is not (or no longer) valid is refused rather
    than answered as the public: its caller would otherwise take the public's view for its own."""
    if "Authorization" in request.headers:
        return None
    return AnonymousUser()


api = NinjaAPI(title="planwatch API", version="1", urls_namespace="api",
               description="规划实施监测评估系统接口 / plan monitoring API")
READ = [BearerToken(), django_auth, public]
WRITE = [BearerToken(), django_auth]


def _user(request):
    return request.auth


def _published_moment(request, plan: Plan) -> date | None:
    """For the public (and a signed-in person without a role), the date the planners published
    the plan's assessments as of; for the roles, None: they read the plan as its pages show it.

    The public reads what /public/ shows and no more: no assessment at a later date, no figure
    for a later period, no replay of superseded revisions."""
    if has_role(_user(request)):
        return None
    if plan.published_as_of is None:
        raise HttpError(404, "该规划尚未公开评估结果 / no assessment published for this plan")
    return plan.published_as_of


def _plan(request, name: str) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), name=name)
    if not can_view_plan(_user(request), plan):
        raise HttpError(403, "无权查看该规划 / not allowed to read this plan")
    return plan


class PlanOut(Schema):
    name: str
    title: str
    jurisdiction: str
    period_start: int
    period_end: int
    base_year: int


class TargetOut(Schema):
    key: str
    indicator: str
    kind: str
    comparator: str
    value: float | None
    unit: str
    year: int | None
    department: str | None
    text: str


class ObservationOut(Schema):
    id: int
    place: str
    indicator: str
    period: str
    value: float
    unit: str
    kind: str
    source: str
    provenance: str
    revision: int
    recorded_at: str


class AssessmentOut(Schema):
    target: str
    status: str
    status_zh: str
    outlook: str
    outlook_zh: str
    probability: float | None
    progress: float | None
    elapsed: float | None
    gap: float | None
    projected: float | None
    warning: bool
    explanation: str
    latest_value: float | None
    latest_period: str | None
    unit: str


class SubmissionIn(Schema):
    plan: str
    indicator: str
    period: str
    value: str
    unit: str = ""
    kind: str = "level"
    note: str = ""
    version: int = 0
    submit: bool = True


class SubmissionOut(Schema):
    id: int
    indicator: str
    period: str
    value: float
    unit: str
    status: str
    version: int


@api.get("/plans", response=list[PlanOut], auth=READ, summary="可查看的规划")
def plans(request):
    return [PlanOut(name=p.name, title=p.title, jurisdiction=p.jurisdiction.name,
                    period_start=p.period_start, period_end=p.period_end,
                    base_year=p.base_year) for p in visible_plans(_user(request))]


@api.get("/plans/{name}/targets", response=list[TargetOut], auth=READ, summary="规划的目标")
def targets(request, name: str):
    plan = _plan(request, name)
    readable = readable_targets(_user(request), plan).select_related("department")
    return [TargetOut(key=t.key, indicator=t.indicator, kind=t.kind, comparator=t.comparator,
                      value=t.value, unit=t.unit, year=t.year,
                      department=t.department.name if t.department else None, text=t.text)
            for t in readable]


@api.get("/plans/{name}/observations", response=list[ObservationOut], auth=READ,
         summary="规划指标的当前数据(已审核)")
def observations(request, name: str, indicator: str | None = None):
    from planwatch.web.data.exporter import plan_indicator_names

    plan = _plan(request, name)
    names = plan_indicator_names(plan)
    readable = readable_series(_user(request), plan)
    if indicator is not None:
        if readable is not None and indicator in names - readable:
            raise HttpError(403, "无权查看该指标的数据 / not allowed to read this indicator")
        names &= {indicator}
    elif readable is not None:
        names &= readable
    rows = Observation.objects.current().filter(indicator__in=names).order_by(
        "indicator", "place", "year", "months", "kind", "provenance")
    published = _published_moment(request, plan)
    if published is not None:
        rows = [o for o in rows.filter(year__lte=published.year)
                if parse_period(o.period).end_date <= published]
    return [ObservationOut(id=o.id, place=o.place, indicator=o.indicator, period=o.period,
                           value=o.value, unit=o.unit, kind=o.kind, source=o.source,
                           provenance=o.provenance, revision=o.revision,
                           recorded_at=o.recorded_at.isoformat()) for o in rows]


@api.get("/plans/{name}/assessments", response=list[AssessmentOut], auth=READ,
         summary="目标评估(可指定评估日与“截至某日所知”)")
def assessments(request, name: str, as_of: date | None = None, known_on: date | None = None):
    from planwatch.web.assessments import assess_plan, default_as_of

    plan = _plan(request, name)
    published = _published_moment(request, plan)
    if published is not None:
        if as_of is not None and as_of > published:
            raise HttpError(403, f"公开的评估截至 {published.isoformat()} / "
                                 f"assessments are published as of {published.isoformat()}")
        if known_on is not None:
            raise HttpError(403, "“截至某日所知”回放需要登录 / replaying a past day needs "
                                 "signing in")
        as_of = as_of or published
    # A department is judged on its own targets only, as its pages show them.
    rows = None if reads_whole_plan(_user(request), plan) else readable_targets(
        _user(request), plan).select_related("goal", "department")
    judged = assess_plan(plan, as_of or default_as_of(plan), known_on=known_on, rows=rows)
    return [AssessmentOut(target=a.target_id, status=a.status, status_zh=a.status_zh,
                          outlook=a.outlook, outlook_zh=a.outlook_zh,
                          probability=a.probability, progress=a.progress, elapsed=a.elapsed,
                          gap=a.gap, projected=a.projected, warning=a.warning,
                          explanation=a.explanation, latest_value=a.latest_value,
                          latest_period=a.latest_period, unit=a.unit)
            for a in judged.assessments]


@api.post("/observations", response={200: SubmissionOut}, auth=WRITE,
          summary="报送数据(进入审核,审核通过后才参与评估)")
def submit(request, body: SubmissionIn):
    user = _user(request)
    indicator = get_object_or_404(Indicator.objects.select_related(
        "department", "plan__jurisdiction"), plan__name=body.plan, name=body.indicator)
    try:
        saved = reporting.save_entry(user, reporting.Entry(
            indicator, body.period, body.kind, body.value, body.unit, body.note, body.version),
            submit=body.submit)
    except reporting.NotAllowed as error:
        raise HttpError(403, str(error)) from None
    except reporting.StaleVersion as error:
        raise HttpError(409, str(error)) from None
    except reporting.ReportingError as error:
        raise HttpError(422, str(error)) from None
    return SubmissionOut(id=saved.pk, indicator=indicator.name, period=saved.period,
                         value=saved.value, unit=saved.unit, status=saved.status,
                         version=saved.version)
