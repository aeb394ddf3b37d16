"""The plan pages: list of plans, the goal tree with its targets, one target, the document.

Views only fetch rows and hand them to templates; wording lives in presentation.py and text
cutting in document.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from planwatch.domain.vocabulary import Kind
from planwatch.web.accounts.permissions import can_view_plan, plan_view
from planwatch.web.data.models import Observation
from planwatch.web.plans import document, presentation
from planwatch.web.plans.models import Goal, Plan, Target
from planwatch.web.plans.store import goal_children


@dataclass
class TargetRow:
    """A target with the words the pages show for it (the place to add status and outlook)."""

    target: Target
    requirement: str
    deadline: str

    @classmethod
    def of(cls, target: Target) -> TargetRow:
        return cls(target, presentation.requirement(target), presentation.deadline(target))


@dataclass
class GoalNode:
    goal: Goal
    depth: int
    targets: list[TargetRow] = field(default_factory=list)


@login_required
def home(request):
    plans = [plan for plan in Plan.objects.select_related("jurisdiction")
             if can_view_plan(request.user, plan)]
    return render(request, "plans/home.html", {"plans": plans})


@plan_view
def overview(request, plan: Plan):
    targets = list(plan.targets.select_related("department"))
    by_goal: dict[int | None, list[TargetRow]] = defaultdict(list)
    for target in targets:
        by_goal[target.goal_id].append(TargetRow.of(target))
    children = goal_children(plan)
    nodes: list[GoalNode] = []

    def walk(goal: Goal, depth: int) -> None:
        nodes.append(GoalNode(goal, depth, by_goal.pop(goal.pk, [])))
        for child in children[goal.pk]:
            walk(child, depth + 1)

    for goal in children[None]:
        walk(goal, 0)
    return render(request, "plans/overview.html", {
        "plan": plan, "nodes": nodes, "ungrouped": by_goal.get(None, []),
        "target_count": len(targets),
    })


@plan_view
def target_detail(request, plan: Plan, key: str):
    target = get_object_or_404(
        Target.objects.select_related("goal", "department"), plan=plan, key=key)
    context = None
    if target.span_start is not None and target.span_end <= len(plan.source_text):
        context = document.excerpt(plan.source_text, target.span_start, target.span_end)
    return render(request, "plans/target.html", {
        "plan": plan, "row": TargetRow.of(target), "target": target, "context": context,
        "observations": _observations(plan, target),
    })


def _observations(plan: Plan, target: Target):
    """Figures on the target's indicator and benchmark, every revision, each marked current
    or superseded."""
    places = {target.place or plan.jurisdiction.name}
    indicators = {target.indicator}
    if target.benchmark_indicator:
        indicators.add(target.benchmark_indicator)
        places.add(target.benchmark_place or target.place or plan.jurisdiction.name)
    return (Observation.objects.filter(indicator__in=indicators, place__in=places)
            .with_is_current()
            .order_by("indicator", "place", "year", "months", "kind", "provenance", "revision"))


@plan_view
def plan_document(request, plan: Plan):
    targets = list(plan.targets.all())
    marks = [document.Marked(t.key, t.span_start, t.span_end, t.kind == Kind.MILESTONE)
             for t in targets if t.span_start is not None]
    return render(request, "plans/document.html", {
        "plan": plan, "pieces": document.pieces(plan.source_text, marks), "targets": targets,
    })
