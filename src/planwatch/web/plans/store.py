"""Plans between the core's dataclasses and the database, both ways, losslessly.

save_plan(plan) stores a planwatch.domain.Plan; plan_from_db(name) reads it back as an equal
Plan. Storing a plan equal to the one already stored under its name writes nothing (so
loading the same file twice leaves every table, history included, as it was); storing a
changed plan replaces the old one's goals, indicators, targets, tasks and projects in one
transaction, keeping the plan row (and its URL) itself.

append_targets(row, targets, goals=…, indicators=…, places=…) adds to a stored plan without
touching a stored row (document intake's "add to an existing plan"); save_plan stores a plan's
goals, indicators and targets through the same code, so a target's columns are mapped once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.db import transaction
from django.db.models import Max

from planwatch import domain
from planwatch.web.plans import models
from planwatch.web.work import models as work_models
from planwatch.web.work.decomposition import (
    DecompositionError,
    Method,
    annual_values,
    decompose,
    scheduled,
)


class PlanNotFound(LookupError):
    def __init__(self, name: str):
        super().__init__(f"没有名为 {name!r} 的规划 / no plan named {name!r}")
        self.name = name


class PlanStoreError(ValueError):
    """A plan whose parts refer to each other inconsistently (a target's unknown goal …)."""


def save_plan(plan: domain.Plan) -> models.Plan:
    with transaction.atomic():
        existing = models.Plan.objects.filter(name=plan.name).first()
        if existing is not None and _as_the_file_gives(existing, plan) == plan:
            return existing
        places = _save_jurisdictions([plan.jurisdiction, *plan.jurisdictions])
        departments = _save_departments(plan.departments, _named_departments(plan))
        fields = dict(
            title=plan.title, jurisdiction=places[plan.jurisdiction.name],
            period_start=plan.period_start, period_end=plan.period_end,
            base_year=plan.base_year, horizons=list(plan.horizons),
            source_text=plan.source_text, source_title=plan.source_title,
            source_url=plan.source_url)
        if existing is None:
            row = models.Plan.objects.create(name=plan.name, **fields)
        else:
            row = existing
            _delete_contents(row)
            for field, value in fields.items():
                setattr(row, field, value)
            row.save()
        _link_places(row, [places[place.name] for place in plan.jurisdictions])
        models.PlanDepartment.objects.bulk_create(
            models.PlanDepartment(plan=row, department=departments[department.name],
                                  order=order)
            for order, department in enumerate(plan.departments))
        goals = _append(row, plan.targets, plan.goals, plan.indicators, departments)
        _save_schedules(row, plan.targets)
        _save_tasks(row, plan.tasks, goals, departments)
        _save_projects(row, plan.projects, departments)
        return row


def append_targets(row: models.Plan, targets: Sequence[domain.Target], *,
                   goals: Sequence[domain.Goal] = (),
                   indicators: Sequence[domain.Indicator] = (),
                   places: Sequence[domain.Jurisdiction] = ()) -> None:
    """Add targets to a stored plan, after its own, with the goals (new top-level goals after
    the stored ones), indicators and places they need; all in one transaction, or nothing.

    No stored row changes, so whatever hangs on the plan's targets, goals and indicators stays
    attached. Indicators and places the plan already has are skipped; a goal or target key it
    already has is refused, as is a target under a goal neither stored nor added.
    """
    with transaction.atomic():
        departments = _save_departments(
            [], [*(t.department for t in targets), *(i.department for i in indicators)])
        _link_places(row, _places_to_link(row, places))
        _append(row, targets, goals, indicators, departments)


def _places_to_link(row: models.Plan,
                    places: Sequence[domain.Jurisdiction]) -> list[models.Jurisdiction]:
    """The rows of the places the plan does not refer to yet; a place stored already (by
    another plan) is taken as it is, not overwritten with what this plan says of it."""
    known = {row.jurisdiction.name,
             *row.place_links.values_list("jurisdiction__name", flat=True)}
    wanted = list({place.name: place for place in places if place.name not in known}.values())
    stored = models.Jurisdiction.objects.in_bulk([place.name for place in wanted],
                                                 field_name="name")
    added = _save_jurisdictions([place for place in wanted if place.name not in stored])
    return [stored.get(place.name) or added[place.name] for place in wanted]


def _save_jurisdictions(places: list[domain.Jurisdiction]) -> dict[str, models.Jurisdiction]:
    rows = {}
    for place in places:
        rows[place.name], _ = models.Jurisdiction.objects.update_or_create(
            name=place.name, defaults={"level": place.level, "code": place.code or ""})
    # Parents second: a plan may list a district before the city above it.
    for place in places:
        parent = None
        if place.parent:
            parent = (rows.get(place.parent)
                      or models.Jurisdiction.objects.filter(name=place.parent).first())
            if parent is None:
                raise PlanStoreError(f"行政区 {place.name} 的上级 {place.parent} 未定义 / "
                                     f"jurisdiction {place.name}: unknown parent {place.parent}")
        if rows[place.name].parent_id != (parent.pk if parent else None):
            rows[place.name].parent = parent
            rows[place.name].save(update_fields=["parent"])
    return rows


def _named_departments(plan: domain.Plan) -> list[str | None]:
    """The departments named only on a target, indicator, project or task."""
    return [*(t.department for t in plan.targets), *(i.department for i in plan.indicators),
            *(p.department for p in plan.projects), *(t.lead_department for t in plan.tasks),
            *(name for task in plan.tasks for name in task.departments)]


def _save_departments(listed: Sequence[domain.Department],
                      named: Iterable[str | None]) -> dict[str, models.Department]:
    """The listed departments (with their short names) and every other one named."""
    short_names = {department.name: department.short_name for department in listed}
    named = [*short_names, *named]
    rows = {}
    for name in dict.fromkeys(n for n in named if n):
        if name in short_names:
            rows[name], _ = models.Department.objects.update_or_create(
                name=name, defaults={"short_name": short_names[name] or ""})
        else:
            rows[name], _ = models.Department.objects.get_or_create(name=name)
    return rows


def _link_places(row: models.Plan, places: list[models.Jurisdiction]) -> None:
    first = _next_order(row.place_links.all())
    models.PlanPlace.objects.bulk_create(
        models.PlanPlace(plan=row, jurisdiction=place, order=order)
        for order, place in enumerate(places, first))


def _next_order(rows) -> int:
    """The order after the last of these rows (0 when there are none)."""
    last = rows.aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


def _delete_contents(row: models.Plan) -> None:
    # Targets and tasks first: deleting the goal tree before them would only null out their
    # goal columns on the way (on_delete=SET_NULL) before they are deleted anyway.
    row.targets.all().delete()
    row.tasks.all().delete()
    row.projects.all().delete()
    row.indicators.all().delete()
    row.goals.filter(parent__isnull=True).delete()
    row.place_links.all().delete()
    row.department_links.all().delete()


def _span_columns(span: domain.Span | None) -> dict:
    return {"span_start": span.start if span else None, "span_end": span.end if span else None}


def _span_of(row) -> domain.Span | None:
    return None if row.span_start is None else domain.Span(row.span_start, row.span_end)


def _append(row: models.Plan, targets: Sequence[domain.Target], goals: Sequence[domain.Goal],
            indicators: Sequence[domain.Indicator],
            departments: dict[str, models.Department]) -> dict[str, models.Goal]:
    """Store goals, indicators and targets after the plan's own; its goal rows by key."""
    saved = _save_goals(row, goals)
    _save_indicators(row, indicators, departments)
    _save_targets(row, targets, saved, departments)
    return saved


def _save_goals(row: models.Plan, goals: Sequence[domain.Goal]) -> dict[str, models.Goal]:
    """The new goals as top-level goals after the stored ones; every goal row by key."""
    saved = {goal.key: goal for goal in row.goals.all()}

    def save_level(children: Sequence[domain.Goal], parent: models.Goal | None,
                   first: int) -> None:
        for order, goal in enumerate(children, first):
            if goal.key in saved:
                raise PlanStoreError(f"目标标识 {goal.key} 重复 / duplicate goal key {goal.key}")
            saved[goal.key] = models.Goal.objects.create(
                plan=row, parent=parent, order=order, key=goal.key, title=goal.title,
                level=goal.level, year=goal.year, **_span_columns(goal.span))
            save_level(goal.children, saved[goal.key], 0)

    save_level(goals, None, _next_order(row.goals.filter(parent__isnull=True)))
    return saved


def _goal_row(goals: dict[str, models.Goal], key: str | None, owner: str) -> models.Goal | None:
    if key is None:
        return None
    if key not in goals:
        raise PlanStoreError(f"{owner}: 未定义的目标 {key} / unknown goal {key}")
    return goals[key]


def _save_indicators(row, indicators, departments) -> None:
    """The indicators the plan does not have yet (by name), after its own."""
    known = set(row.indicators.values_list("name", flat=True))
    new = [indicator for indicator in indicators if indicator.name not in known]
    models.Indicator.objects.bulk_create(
        models.Indicator(
            plan=row, order=order, name=indicator.name, unit=indicator.unit,
            direction=indicator.direction, definition=indicator.definition,
            attribute=indicator.attribute, frequency=indicator.frequency,
            department=departments.get(indicator.department))
        for order, indicator in enumerate(new, _next_order(row.indicators.all())))


def _save_targets(row, targets, goals, departments) -> None:
    keys = set(row.targets.values_list("key", flat=True))
    for order, target in enumerate(targets, _next_order(row.targets.all())):
        if target.id in keys:
            raise PlanStoreError(f"目标标识 {target.id} 重复 / duplicate target key {target.id}")
        keys.add(target.id)
        benchmark = target.benchmark
        models.Target.objects.create(
            plan=row, order=order, key=target.id,
            goal=_goal_row(goals, target.goal, f"目标 {target.id}"),
            indicator=target.indicator, kind=target.kind, comparator=target.comparator,
            value=target.value, unit=target.unit, year=target.year,
            period_start=target.period_start, place=target.place or "",
            base_year=target.base_year,
            base_value=target.base_value, tolerance=target.tolerance,
            attribute=target.attribute, scope=target.scope, path=target.path or "",
            direction=target.direction or "",
            benchmark_indicator=benchmark.indicator if benchmark else "",
            benchmark_place=(benchmark.place or "") if benchmark else "",
            benchmark_margin=benchmark.margin if benchmark else None,
            department=departments.get(target.department), deadline=target.deadline,
            text=target.text, note=target.note, **_span_columns(target.span))


def _as_the_file_gives(row: models.Plan, plan: domain.Plan) -> domain.Plan:
    """The stored plan without the decompositions of the targets the file gives none: a plan
    file that leaves out schedules (the sample plan, whose 2021 decomposition is in its work
    file) is the plan already stored, not a change that would drop them."""
    stored = plan_from_db(row.name)
    without = {target.id for target in plan.targets if not target.schedule}
    plain = {target.key: target_from_row(target) for target in
             row.targets.filter(key__in=without).select_related("goal", "department")}
    stored.targets = [plain.get(target.id, target) for target in stored.targets]
    return stored


def _save_schedules(row: models.Plan, targets: Sequence[domain.Target]) -> None:
    """A target's schedule is stored as its annual decomposition (总施工图, web/work's
    AnnualTarget), entered by hand: the annual values it is made of."""
    rows = {target.key: target for target in row.targets.all()}
    for target in targets:
        if not target.schedule:
            continue
        try:
            annual = decompose(target, Method.MANUAL,
                               manual=annual_values(target, target.schedule))
        except DecompositionError as error:
            raise PlanStoreError(f"{error} / schedule: {target.id}") from None
        work_models.AnnualTarget.objects.bulk_create(
            work_models.AnnualTarget(target=rows[target.id], year=year, value=value,
                                     method=Method.MANUAL)
            for year, value in annual.items())


def _save_tasks(row, tasks, goals, departments) -> None:
    for order, task in enumerate(tasks):
        task_row = work_models.Task.objects.create(
            plan=row, order=order, key=task.key, title=task.title, year=task.year,
            goal=_goal_row(goals, task.goal, f"任务 {task.key}"),
            lead_department=departments.get(task.lead_department), deadline=task.deadline,
            status=task.status, **_span_columns(task.span))
        work_models.TaskDepartment.objects.bulk_create(
            work_models.TaskDepartment(task=task_row, department=departments[name], order=n)
            for n, name in enumerate(task.departments))


def _save_projects(row, projects, departments) -> None:
    for order, project in enumerate(projects):
        project_row = work_models.Project.objects.create(
            plan=row, order=order, key=project.key, name=project.name,
            investment=project.investment, completed_investment=project.completed_investment,
            department=departments.get(project.department), location=project.location,
            project_type=project.project_type, flags=list(project.flags),
            provenance=project.provenance)
        for n, transition in enumerate(project.stages):
            work_models.ProjectStageTransition.objects.create(
                project=project_row, order=n, stage=transition.stage, on=transition.on,
                evidence=transition.evidence)


def plan_from_db(name: str) -> domain.Plan:
    row = models.Plan.objects.select_related("jurisdiction__parent").filter(name=name).first()
    if row is None:
        raise PlanNotFound(name)
    places = [link.jurisdiction for link in
              row.place_links.select_related("jurisdiction__parent").order_by("order")]
    return domain.Plan(
        name=row.name, title=row.title, jurisdiction=_jurisdiction(row.jurisdiction),
        period_start=row.period_start, period_end=row.period_end, base_year=row.base_year,
        horizons=list(row.horizons), source_text=row.source_text,
        source_title=row.source_title, source_url=row.source_url,
        jurisdictions=[_jurisdiction(place) for place in places],
        departments=[domain.Department(link.department.name,
                                       link.department.short_name or None)
                     for link in row.department_links.select_related("department")],
        indicators=[_indicator(i) for i in row.indicators.select_related("department")],
        goals=goal_tree(row),
        targets=[_with_schedule(t) for t in row.targets.select_related(
            "goal", "department").prefetch_related("annual_targets")],
        tasks=_tasks(row),
        projects=_projects(row),
    )


def _jurisdiction(row: models.Jurisdiction) -> domain.Jurisdiction:
    return domain.Jurisdiction(name=row.name, level=row.level,
                               parent=row.parent.name if row.parent else None,
                               code=row.code or None)


def _indicator(row: models.Indicator) -> domain.Indicator:
    return domain.Indicator(
        name=row.name, unit=row.unit, direction=domain.Direction(row.direction),
        definition=row.definition, attribute=domain.Attribute(row.attribute),
        frequency=domain.Frequency(row.frequency),
        department=row.department.name if row.department else None)


def goal_children(row: models.Plan) -> dict[int | None, list[models.Goal]]:
    """The plan's goal rows by parent id (None: the roots), siblings in order (one query)."""
    children: dict[int | None, list[models.Goal]] = defaultdict(list)
    for goal in row.goals.order_by("order"):
        children[goal.parent_id].append(goal)
    return children


def goal_tree(row: models.Plan) -> list[domain.Goal]:
    """The plan's goals as a tree of domain Goals, siblings in the plan's order."""
    return goal_tree_of(goal_children(row))


def goal_tree_of(children: dict[int | None, list[models.Goal]]) -> list[domain.Goal]:
    """The tree of domain Goals from goal_children's grouping (for callers that keep both)."""

    def build(goal: models.Goal) -> domain.Goal:
        return domain.Goal(key=goal.key, title=goal.title, level=goal.level, year=goal.year,
                           span=_span_of(goal), children=[build(c) for c in children[goal.pk]])

    return [build(goal) for goal in children[None]]


def target_from_row(row: models.Target) -> domain.Target:
    """A stored target as the core sees it; expects goal and department selected with it."""
    benchmark = None
    if row.benchmark_indicator:
        benchmark = domain.Benchmark(row.benchmark_indicator, row.benchmark_place or None,
                                     row.benchmark_margin)
    return domain.Target(
        id=row.key, indicator=row.indicator, kind=domain.Kind(row.kind),
        comparator=domain.Comparator(row.comparator), value=row.value, unit=row.unit,
        year=row.year, period_start=row.period_start, place=row.place or None,
        goal=row.goal.key if row.goal else None, base_year=row.base_year,
        base_value=row.base_value, tolerance=row.tolerance,
        attribute=domain.Attribute(row.attribute), scope=domain.Scope(row.scope),
        path=domain.PathShape(row.path) if row.path else None,
        direction=domain.Direction(row.direction) if row.direction else None,
        benchmark=benchmark, department=row.department.name if row.department else None,
        deadline=row.deadline, text=row.text, span=_span_of(row), note=row.note)


# Significant digits a schedule is read back to: the annual values it is stored as sum or
# compound back to the plan's figures up to rounding (0.1 + 0.2), which must not show.
SCHEDULE_DIGITS = 12


def _with_schedule(row: models.Target) -> domain.Target:
    """A stored target with its decomposition as its schedule (path custom), as a plan file
    states it."""
    target = target_from_row(row)
    annual = {annual.year: annual.value for annual in row.annual_targets.all()}
    on_schedule = scheduled(target, annual) if annual else target
    if not on_schedule.schedule:
        return target
    return replace(on_schedule, schedule={
        year: float(f"{value:.{SCHEDULE_DIGITS}g}") for year, value in on_schedule.schedule.items()})


def _tasks(row: models.Plan) -> list[domain.Task]:
    tasks = row.tasks.select_related("goal", "lead_department").prefetch_related(
        "department_links__department")
    return [domain.Task(
        key=task.key, title=task.title, year=task.year,
        goal=task.goal.key if task.goal else None,
        lead_department=task.lead_department.name if task.lead_department else None,
        departments=[link.department.name for link in task.department_links.all()],
        deadline=task.deadline, status=domain.TaskStatus(task.status), span=_span_of(task))
        for task in tasks]


def _projects(row: models.Plan) -> list[domain.Project]:
    projects = row.projects.select_related("department").prefetch_related("stages")
    return [domain.Project(
        key=project.key, name=project.name, investment=project.investment,
        completed_investment=project.completed_investment,
        department=project.department.name if project.department else None,
        location=project.location, project_type=project.project_type,
        flags=list(project.flags),
        stages=[domain.StageTransition(domain.ProjectStage(s.stage), s.on, s.evidence)
                for s in project.stages.all()],
        provenance=domain.Provenance(project.provenance))
        for project in projects]
