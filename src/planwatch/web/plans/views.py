"""The plan pages: the list of plans, the overview (领导驾驶舱), a target, a goal, a department,
the comparison across districts, and the plan document.

Views fetch rows and the plan's assessment (planwatch.web.assessments) and hand them to
templates; arranging lives in dashboard.py, wording in presentation.py and judgement.py,
charts in charts.py, text cutting in document.py.

These pages let the reader choose any date, so each requires signing in even for a published
plan (which plan_view opens to the public): the public has its own pages (public.py), fixed
at the published date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property
from urllib.parse import parse_qsl, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache as django_cache
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from planwatch.domain.vocabulary import Kind
from planwatch.evaluate import EvaluationError, score_formula
from planwatch.web.accounts.permissions import (
    can_approve,
    can_manage_plans,
    can_read_series,
    can_read_target,
    can_see_department,
    can_view_plan,
    plan_view,
    readable_submissions,
    reads_whole_plan,
    submission_scope,
    targets_of,
    whole_plan_view,
)
from planwatch.web.assessments import (
    assess_places,
    assess_plan,
    data_version,
    default_as_of,
)
from planwatch.web.data.calendar import Tally
from planwatch.web.data.models import Observation, Submission, SubmissionStatus
from planwatch.web.data.ontime import on_time_reporting
from planwatch.web.plans import charts, dashboard, document
from planwatch.web.plans.judgement import outlook_of, severity, status_of
from planwatch.web.plans.models import Department, Goal, Jurisdiction, Plan, Target
from planwatch.web.plans.page_cache import PAGE_SECONDS, cached_page, whole_page
from planwatch.web.work import service as work_service
from planwatch.web.work.models import Project, Task


def health(request):
    """A trivial page for load balancers and for the benchmark's framework floor."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@login_required
def home(request):
    plans = [plan for plan in Plan.objects.select_related("jurisdiction")
             if can_view_plan(request.user, plan)]
    return render(request, "plans/home.html", {"plans": plans})


class Moment:
    """The as-of date (and optional known-on date) a page is judged at, from the query string.

    A malformed date is not an error page: the page opens on the default and says why.
    """

    def __init__(self, request, plan: Plan, version: str | None = None):
        self.problems: list[str] = []
        self.as_of = (self._date(request, "as_of", _("评估截至日期"))
                      or cached_default_as_of(plan, version or data_version(plan)))
        self.known_on = self._date(request, "known_on", _("数据截至日期"))
        self.choices = period_choices(plan, self.as_of)

    def _date(self, request, name: str, label: str) -> date | None:
        text = request.GET.get(name, "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.problems.append(_("%(label)s “%(text)s” 不是 YYYY-MM-DD 格式的日期,已改用默认值")
                                 % {"label": label, "text": text})
            return None

    @cached_property
    def query(self) -> str:
        """The query string that keeps this moment on links to other pages."""
        values = {"as_of": self.as_of.isoformat()}
        if self.known_on:
            values["known_on"] = self.known_on.isoformat()
        return urlencode(values)


def cached_default_as_of(plan: Plan, version: str) -> date:
    """default_as_of, remembered while the plan's data stay the same (and for today only)."""
    key = f"planwatch:as-of:{plan.pk}:{version}:{timezone.localdate().isoformat()}"
    return django_cache.get_or_set(key, lambda: default_as_of(plan), PAGE_SECONDS)


def fragment_key(request, plan: Plan, version: str, audience: str = "") -> str:
    """What a cached page fragment depends on: the page and its query, the plan's data,
    the language, today's date (which dates the period selector offers), and `audience`:
    what of it differs by reader (whose pending figures, which history links)."""
    return "|".join([request.get_full_path(), str(plan.pk), version, get_language() or "",
                     timezone.localdate().isoformat(), audience])


# Submissions shown beside the assessment as not yet counted in it.
AWAITING = (SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)


def awaiting_submissions(user, plan: Plan):
    """The plan's figures submitted or returned and not yet counted, those the person may
    read (accounts.permissions.readable_submissions)."""
    return readable_submissions(user, Submission.objects.filter(indicator__plan=plan,
                                                                status__in=AWAITING))


def pending_audience(user) -> str:
    """Whose pending figures a page shows the person, and whether it links to the review."""
    scope = submission_scope(user)
    return ":".join([scope, str(user.pk) if scope == "own" else "",
                     "review" if can_approve(user) else ""])


def period_choices(plan: Plan, as_of: date) -> list[tuple[str, str]]:
    """The half-year and year ends of the plan period up to today, and the chosen date."""
    today = timezone.localdate()
    choices = {}
    for year in range(plan.period_start, plan.period_end + 1):
        for end, words in ((date(year, 6, 30), _("%(year)s年上半年")),
                           (date(year, 12, 31), _("%(year)s年"))):
            if end <= today:
                choices[end.isoformat()] = words % {"year": year}
    choices.setdefault(as_of.isoformat(), as_of.isoformat())
    return sorted(choices.items())


def _judged_page(request, plan: Plan, **rows):
    moment = Moment(request, plan)
    judged = assess_plan(plan, moment.as_of, known_on=moment.known_on, **rows)
    return moment, judged


@cached_page
@login_required
@whole_plan_view
def overview(request, plan: Plan):
    return whole_page(request, plan, lambda: _overview(request, plan))


def _overview(request, plan: Plan):
    version = plan.data_version
    moment = Moment(request, plan, version)
    chosen = {name: request.GET.get(name, "") for name in dashboard.FILTERS}
    sort = request.GET.get("sort", "order")

    @cache
    def page() -> dict:
        judged = assess_plan(plan, moment.as_of, known_on=moment.known_on)
        lines = dashboard.target_lines(judged)
        pending = dashboard.with_pending(
            lines, list(awaiting_submissions(request.user, plan).values_list(
                "indicator__name", "place", "status")), plan.jurisdiction.name)
        return {
            "pending": pending, "can_review": can_approve(request.user),
            "summary": judged.rollup["plan"], "formula": judged.rollup["formula"],
            "alerts": dashboard.alerts(lines), "bars": dashboard.area_bars(judged, lines),
            "lines": dashboard.sorted_lines(dashboard.filtered(lines, chosen), sort),
            "total": len(lines), "filters": dashboard.filter_choices(lines, chosen),
            "filter_labels": {name: label for name, (label, _v) in dashboard.FILTERS.items()},
            "chosen": chosen, "sort": sort, "columns": COLUMNS,
            "base_query": urlencode({**dict(parse_qsl(moment.query)),
                                     **{k: v for k, v in chosen.items() if v}}),
        }

    return render(request, "plans/overview.html", {
        "plan": plan, "moment": moment, "page": page, "can_publish": can_manage_plans(request.user),
        "fragment": fragment_key(request, plan, version, pending_audience(request.user))})


@require_POST
@login_required
@plan_view
def publish(request, plan: Plan):
    """The planner's publication choice: whether the public sees the plan, and as of when."""
    if not can_manage_plans(request.user):
        raise PermissionDenied
    text = request.POST.get("published_as_of", "").strip()
    try:
        as_of = date.fromisoformat(text) if text else None
    except ValueError:
        messages.error(request, _("公开评估截至日期“%(text)s”不是 YYYY-MM-DD 格式的日期,未保存")
                       % {"text": text})
        return redirect("plans:overview", plan.name)
    plan.published = request.POST.get("published") == "on"
    plan.published_as_of = as_of
    plan.save(update_fields=["published", "published_as_of"])
    messages.success(request, _("已公开,评估截至 %(day)s") % {"day": as_of or "—"}
                     if plan.published else _("已取消公开"))
    return redirect("plans:overview", plan.name)


# The target table's columns: sort key → heading.
COLUMNS = [("indicator", _lazy("指标")), ("area", _lazy("目标领域")),
           ("department", _lazy("责任部门")), ("kind", _lazy("类型")),
           ("attribute", _lazy("属性")), ("status", _lazy("进度")), ("outlook", _lazy("趋势"))]


@dataclass
class GoalNode:
    goal: Goal
    depth: int
    lines: list[dashboard.TargetLine] = field(default_factory=list)


@login_required
@whole_plan_view
def structure(request, plan: Plan):
    """规划结构: the goal tree in the plan's order, each target with its judgement."""
    moment, judged = _judged_page(request, plan)
    by_goal: dict[int | None, list[dashboard.TargetLine]] = defaultdict(list)
    for line in dashboard.target_lines(judged):
        by_goal[line.target.goal_id].append(line)
    nodes: list[GoalNode] = []

    def walk(goal: Goal, depth: int) -> None:
        nodes.append(GoalNode(goal, depth, by_goal.pop(goal.pk, [])))
        for child in judged.goal_children.get(goal.pk, []):
            walk(child, depth + 1)

    for goal in judged.goal_children.get(None, []):
        walk(goal, 0)
    return render(request, "plans/structure.html", {
        "plan": plan, "moment": moment, "nodes": nodes, "ungrouped": by_goal.get(None, []),
        "target_count": len(judged.rows),
    })


@cached_page
@login_required
@plan_view
def target_detail(request, plan: Plan, key: str):
    # Asked before the cache answers; whoever reads the whole plan needs no target row for it.
    if not reads_whole_plan(request.user, plan):
        target = get_object_or_404(plan.targets, key=key)
        if not can_read_target(request.user, plan, target):
            raise PermissionDenied
    return whole_page(request, plan, lambda: _target_detail(request, plan, key))


def _target_detail(request, plan: Plan, key: str):
    target = get_object_or_404(
        Target.objects.select_related("goal", "department", "record_rule"), plan=plan, key=key)
    version = plan.data_version
    moment = Moment(request, plan, version)
    history_series = [indicator for indicator in target_indicators(target)
                      if can_read_series(request.user, indicator)]

    @cache
    def page() -> dict:
        judged = assess_plan(plan, moment.as_of, known_on=moment.known_on, rows=[target])
        return target_context(plan, target, judged, target_observations(plan, target))

    return render(request, "plans/target.html", {
        "plan": plan, "target": target, "moment": moment, "page": page,
        "history_series": history_series,
        "awaiting": target_awaiting(request.user, plan, target),
        "fragment": fragment_key(request, plan, version, "|".join(history_series))})


def target_indicators(target: Target) -> list[str]:
    """The indicators whose figures the target page lists: its own, then its benchmark's."""
    return list(dict.fromkeys(filter(None, [target.indicator, target.benchmark_indicator])))


def target_awaiting(user, plan: Plan, target: Target) -> list[Submission]:
    """The target's figures submitted or returned and not yet counted that the person may
    read, by indicator and period (one query)."""
    series = dashboard.target_series(target, plan.jurisdiction.name)
    rows = awaiting_submissions(user, plan).filter(
        indicator__name__in={indicator for _place, indicator in series},
        place__in={place for place, _indicator in series}).select_related(
        "indicator", "department").order_by("indicator__order", "period", "kind")
    return [row for row in rows if (row.place, row.indicator.name) in series]


def target_context(plan: Plan, target: Target, judged, observations) -> dict:
    """What the target page shows, signed in or public: its judgement, chart, source
    sentence and the figures listed."""
    excerpt = None
    if target.span_start is not None and target.span_end <= len(plan.source_text):
        excerpt = document.excerpt(plan.source_text, target.span_start, target.span_end)
    line = dashboard.target_lines(judged)[0]
    chart = chart_data = None
    if line.assessment is not None:
        chart_data = charts.chart_input(judged, judged.by_key[target.key])
        chart = charts.echarts_option(chart_data)
    return {
        "row": line, "line": line, "excerpt": excerpt, "chart": chart,
        "observations": observations,
        "illustrative": chart_data is not None and chart_data.illustrative,
        # A target measured from the project ledger is judged on the ledger's counts, not on
        # stored figures of its indicator: the page lists those and marks these 未采用.
        "ledger": work_service.ledger_figures(plan, target, judged.as_of),
    }


def target_observations(plan: Plan, target: Target):
    """Figures on the target's indicator and benchmark, every revision, each marked current
    or superseded."""
    series = dashboard.target_series(target, plan.jurisdiction.name)
    return (Observation.objects.filter(indicator__in={indicator for _place, indicator in series},
                                       place__in={place for place, _indicator in series})
            .with_is_current()
            .order_by("indicator", "place", "year", "months", "kind", "provenance", "revision"))


@login_required
@whole_plan_view
def goal_detail(request, plan: Plan, key: str):
    goal = get_object_or_404(plan.goals, key=key)
    moment, judged = _judged_page(request, plan)
    keys = _goal_and_below(judged, goal.pk)
    lines = [line for line in dashboard.target_lines(judged) if line.target.goal_id in keys]
    scored = [line for line in lines if line.score is not None]
    return render(request, "plans/goal.html", {
        "plan": plan, "goal": goal, "moment": moment, "lines": lines,
        "summary": judged.goal_summary(goal.key), "formula": score_formula(),
        "weighted_total": sum(line.weight * line.score for line in scored),
        "weight_total": sum(line.weight for line in scored),
        "children": judged.goal_children.get(goal.pk, []),
    })


def _goal_and_below(judged, goal_id: int) -> set[int]:
    found, stack = set(), [goal_id]
    while stack:
        node = stack.pop()
        found.add(node)
        stack.extend(child.pk for child in judged.goal_children.get(node, []))
    return found


@login_required
@plan_view
def department_detail(request, plan: Plan, department_id: int):
    department = get_object_or_404(Department, pk=department_id, plans=plan)
    if not can_see_department(request.user, department):
        raise PermissionDenied
    moment, judged = _judged_page(
        request, plan, rows=targets_of(plan, [department]).select_related("goal", "department"))
    lines = dashboard.target_lines(judged)
    tasks = list(Task.objects.filter(
        Q(lead_department=department) | Q(department_links__department=department),
        plan=plan).distinct().order_by("deadline", "order"))
    projects = list(Project.objects.filter(plan=plan, department=department))
    indicators = list(plan.indicators.filter(department=department).select_related(
        "reporting_rule"))
    today = timezone.localdate()
    return render(request, "plans/department.html", {
        "plan": plan, "department": department, "moment": moment, "lines": lines,
        "alerts": dashboard.alerts(lines), "tasks": tasks, "projects": projects,
        "indicators": indicators, "columns": COLUMNS,
        "reporting": reporting_so_far(plan, department, indicators, today),
        "due": [task for task in tasks if task.deadline and task.status != "done"
                and task.deadline >= today],
        "overdue": [task for task in tasks if task.deadline and task.status != "done"
                    and task.deadline < today],
    })


def reporting_so_far(plan: Plan, department: Department, indicators, today: date) -> Tally:
    """The department's on-time reporting over every deadline of the plan before today."""
    return on_time_reporting(plan, indicators, date.min, today - timedelta(days=1)).get(
        department.pk, Tally(0, 0))


@login_required
@whole_plan_view
def departments(request, plan: Plan):
    # Only those who read the whole plan come here, and they open every department's page.
    return render(request, "plans/departments.html", {
        "plan": plan, "departments": [link.department for link in
                                      plan.department_links.select_related("department")]})


@login_required
@whole_plan_view
def plan_document(request, plan: Plan):
    targets = list(plan.targets.all())
    marks = [document.Marked(t.key, t.span_start, t.span_end, t.kind == Kind.MILESTONE)
             for t in targets if t.span_start is not None]
    return render(request, "plans/document.html", {
        "plan": plan, "pieces": document.pieces(plan.source_text, marks), "targets": targets,
    })


def comparison_group(plan: Plan) -> tuple[Jurisdiction | None, list[str]]:
    """The jurisdiction whose districts are compared — the plan's own when it has children
    (a city's plan), else its parent's — and their names, the plan's own place first."""
    home = plan.jurisdiction
    parent = home if home.children.exists() else home.parent
    if parent is None:
        return None, [home.name]
    names = list(parent.children.order_by("code", "name").values_list("name", flat=True))
    return parent, sorted(names, key=lambda name: name != home.name)


@login_required
@whole_plan_view
def comparison(request, plan: Plan):
    moment = Moment(request, plan)
    parent, places = comparison_group(plan)
    reported = set(Observation.objects.filter(place__in=places).values_list(
        "indicator", "place").distinct())
    shared = {indicator for indicator, _place in reported
              if sum(1 for i, _p in reported if i == indicator) > 1}
    candidates = [row for row in plan.targets.select_related("goal", "department")
                  if row.indicator in shared and row.kind not in COMPARISON_SKIPS]
    chosen = next((row for row in candidates if row.key == request.GET.get("target")),
                  candidates[0] if candidates else None)
    ranking, problem = [], None
    if chosen is not None:
        try:
            ranking = sorted(assess_places(plan, chosen, places, moment.as_of,
                                           known_on=moment.known_on),
                             key=lambda entry: severity(entry.assessment), reverse=True)
        except EvaluationError as error:
            problem = str(error)
    return render(request, "plans/compare.html", {
        "plan": plan, "moment": moment, "parent": parent, "places": places,
        "candidates": candidates, "chosen": chosen, "problem": problem,
        "ranking": [(entry, status_of(entry.assessment), outlook_of(entry.assessment))
                    for entry in ranking],
    })


# Kinds that say nothing comparable across districts.
COMPARISON_SKIPS = (Kind.MILESTONE, Kind.DIRECTION_ONLY)
