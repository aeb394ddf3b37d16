"""What the overview (领导驾驶舱) and the goal, department and public pages show, built from one
PlanAssessment: a line per target with its judgement, the 预警 list, the status and outlook
bars per goal area, and the table's filters and sort orders.

No queries here: the views fetch, these functions arrange.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from planwatch.domain.vocabulary import Attribute
from planwatch.evaluate import DEFAULT_CONFIG, Assessment
from planwatch.evaluate.rollup import target_score
from planwatch.web import labels
from planwatch.web.assessments import PlanAssessment
from planwatch.web.data.models import SubmissionStatus
from planwatch.web.plans import presentation
from planwatch.web.plans.judgement import (
    TONES,
    Judgement,
    is_alert,
    outlook_label,
    outlook_of,
    severity,
    status_label,
    status_of,
)
from planwatch.web.plans.models import Goal, Target

# The goal levels the overview groups by: the plan's 目标领域 and the annual 重点工作 areas.
AREA_LEVELS = ("area", "annual_area")


@dataclass(frozen=True)
class Pending:
    """Reported figures not yet counted: submitted and waiting for a planner, or returned to
    the department with the planner's reason."""

    submitted: int = 0
    returned: int = 0

    def __bool__(self) -> bool:
        return bool(self.submitted or self.returned)


@dataclass
class TargetLine:
    target: Target
    area: Goal | None
    assessment: Assessment | None
    unjudged: str | None
    requirement: str = field(init=False)
    deadline: str = field(init=False)
    pending: Pending = field(default=Pending(), init=False)  # set by with_pending

    def __post_init__(self) -> None:
        self.requirement = presentation.requirement(self.target)
        self.deadline = presentation.deadline(self.target)

    @cached_property
    def kind_label(self) -> str:
        return self.target.get_kind_display()

    @cached_property
    def attribute_label(self) -> str:
        return self.target.get_attribute_display()

    @cached_property
    def status(self) -> Judgement | None:
        return status_of(self.assessment) if self.assessment else None

    @cached_property
    def outlook(self) -> Judgement | None:
        return outlook_of(self.assessment) if self.assessment else None

    @cached_property
    def alert(self) -> bool:
        return self.assessment is not None and is_alert(self.assessment)

    @cached_property
    def score(self) -> float | None:
        return target_score(self.assessment) if self.assessment else None

    @cached_property
    def weight(self) -> float:
        """The target's weight in its goal's score (rollup's rule)."""
        return (DEFAULT_CONFIG.binding_weight if self.target.attribute == Attribute.BINDING
                else 1.0)


def areas_by_goal(judged: PlanAssessment) -> dict[int, Goal]:
    """Each goal's area: itself or the nearest goal above it at an AREA_LEVELS level."""
    parent: dict[int, Goal | None] = {}
    for parent_id, goals in judged.goal_children.items():
        for goal in goals:
            parent[goal.pk] = parent_id
    by_id = {goal.pk: goal for goals in judged.goal_children.values() for goal in goals}
    areas = {}
    for goal_id in by_id:
        node = goal_id
        while node is not None and by_id[node].level not in AREA_LEVELS:
            node = parent[node]
        if node is not None:
            areas[goal_id] = by_id[node]
    return areas


def target_lines(judged: PlanAssessment) -> list[TargetLine]:
    areas = areas_by_goal(judged)
    return [TargetLine(row, areas.get(row.goal_id), judged.of(row.key),
                       judged.unjudged.get(row.key)) for row in judged.rows]


def alerts(lines: list[TargetLine]) -> list[TargetLine]:
    """The 预警 list, worst first."""
    return sorted((line for line in lines if line.alert),
                  key=lambda line: severity(line.assessment))


@dataclass(frozen=True)
class Segment:
    tone: str
    count: int
    share: float  # percent of the bar

    @property
    def icon(self) -> str:
        return TONES[self.tone][0]

    @property
    def label(self) -> str:
        return str(TONES[self.tone][1])


@dataclass
class AreaBar:
    area: Goal
    summary: dict | None
    status: list[Segment]
    outlook: list[Segment]
    status_counts: list[tuple[str, int]]
    outlook_counts: list[tuple[str, int]]


def _segments(tones: Counter) -> list[Segment]:
    total = sum(tones.values())
    return [Segment(tone, tones[tone], round(100 * tones[tone] / total, 1))
            for tone in TONES if tones[tone]]


def area_bars(judged: PlanAssessment, lines: list[TargetLine]) -> list[AreaBar]:
    """One bar of statuses and one of outlooks for each goal area with judged targets."""
    by_area: dict[int, list[TargetLine]] = {}
    order: list[Goal] = []
    for line in lines:
        if line.area is None or line.assessment is None:
            continue
        if line.area.pk not in by_area:
            order.append(line.area)
        by_area.setdefault(line.area.pk, []).append(line)
    bars = []
    for area in order:
        members = by_area[area.pk]
        statuses = Counter(line.assessment.status for line in members)
        outlooks = Counter(line.assessment.outlook for line in members)
        bars.append(AreaBar(
            area=area, summary=judged.goal_summary(area.key),
            status=_segments(Counter(line.status.tone for line in members)),
            outlook=_segments(Counter(line.outlook.tone for line in members)),
            status_counts=[(status_label(code), n) for code, n in statuses.most_common()],
            outlook_counts=[(outlook_label(code), n) for code, n in outlooks.most_common()]))
    return bars


# The table's filters: query parameter → (label, the value a line has for it).
FILTERS = {
    "area": (_("目标领域"), lambda line: line.area.key if line.area else ""),
    "department": (_("责任部门"), lambda line: line.target.department.name
                   if line.target.department else ""),
    "kind": (_("类型"), lambda line: line.target.kind),
    "attribute": (_("属性"), lambda line: line.target.attribute),
    "status": (_("进度"), lambda line: line.assessment.status if line.assessment else ""),
    "outlook": (_("趋势"), lambda line: line.assessment.outlook if line.assessment else ""),
}
SORTS = {
    "order": lambda line: line.target.order,
    "indicator": lambda line: line.target.indicator,
    "area": lambda line: (line.area.order if line.area else 9999, line.target.order),
    "department": lambda line: line.target.department.name if line.target.department else "~",
    "kind": lambda line: line.target.kind,
    "attribute": lambda line: line.target.attribute,
    "status": lambda line: severity(line.assessment),
    "outlook": lambda line: (line.assessment.probability if line.assessment
                             and line.assessment.probability is not None else 2.0),
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    selected: bool


def filter_choices(lines: list[TargetLine], chosen: dict[str, str]) -> dict[str, list[Choice]]:
    """For each filter, the values present among the lines with their labels."""
    words = {
        "area": {line.area.key: line.area.title for line in lines if line.area},
        "kind": {str(k): str(v) for k, v in labels.KIND.items()},
        "attribute": {str(k): str(v) for k, v in labels.ATTRIBUTE.items()},
    }
    result = {}
    for name, (_label, value_of) in FILTERS.items():
        values = dict.fromkeys(value_of(line) for line in lines if value_of(line))
        label = words.get(name, {})
        if name == "status":
            label = {code: status_label(code) for code in values}
        elif name == "outlook":
            label = {code: outlook_label(code) for code in values}
        result[name] = [Choice(value, label.get(value, value), chosen.get(name) == value)
                        for value in values]
    return result


def filtered(lines: list[TargetLine], chosen: dict[str, str]) -> list[TargetLine]:
    for name, value in chosen.items():
        if value and name in FILTERS:
            value_of = FILTERS[name][1]
            lines = [line for line in lines if value_of(line) == value]
    return lines


def sorted_lines(lines: list[TargetLine], key: str) -> list[TargetLine]:
    """Lines in the order asked for; "-status" reverses. Unknown keys keep the plan's order."""
    descending = key.startswith("-")
    sort_key = SORTS.get(key.lstrip("-"), SORTS["order"])
    return sorted(lines, key=sort_key, reverse=descending)


def target_series(target: Target, home: str) -> set[tuple[str, str]]:
    """(place, indicator) of the series a stored target reads: its own and its benchmark's."""
    place = target.place or home
    series = {(place, target.indicator)}
    if target.benchmark_indicator:
        series.add((target.benchmark_place or place, target.benchmark_indicator))
    return series


def with_pending(lines: list[TargetLine], figures: list[tuple[str, str, str]],
                 home: str) -> Pending:
    """Mark each line with the figures of its series not yet counted, given as (indicator,
    place, status) of each submitted or returned submission; the plan's totals, each figure
    once however many targets read it."""
    by_series: dict[tuple[str, str], Counter] = {}
    for indicator, place, status in figures:
        by_series.setdefault((place, indicator), Counter())[status] += 1
    for line in lines:
        counts = sum((by_series.get(series, Counter())
                      for series in target_series(line.target, home)), Counter())
        line.pending = Pending(counts[SubmissionStatus.SUBMITTED],
                               counts[SubmissionStatus.RETURNED])
    statuses = Counter(status for _indicator, _place, status in figures)
    return Pending(statuses[SubmissionStatus.SUBMITTED], statuses[SubmissionStatus.RETURNED])
