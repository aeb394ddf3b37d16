"""The work records in the database: the work plan (总施工图), the project ledger and the
decompositions, read from the pure files and turned back into the pure records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.db import transaction

from planwatch import domain
from planwatch.web.plans.models import Department, Plan, PlanDepartment, Target
from planwatch.web.plans.store import target_from_row
from planwatch.web.work import models
from planwatch.web.work.decomposition import DecompositionError, Method, decompose
from planwatch.web.work.files import (
    ProjectList,
    WorkFileError,
    WorkPlan,
    check_projects,
    read_work_plan,
)
from planwatch.web.work.records import Record, RecordMeasure


@transaction.atomic
def save_work_plan(plan: Plan, work: WorkPlan, source: str) -> None:
    """Store a work plan for a stored plan: departments it adds, decompositions, record
    rules, tasks with milestones. Everything is checked before anything is written."""
    targets = {row.key: row for row in plan.targets.select_related("goal", "department")}
    goals = {goal.key: goal for goal in plan.goals.all()}
    schedules = []
    for i, spec in enumerate(work.decompositions):
        row = targets.get(spec.target)
        if row is None:
            raise WorkFileError(f"{source}: $.decompositions[{i}].target: 规划中没有目标 "
                                f"{spec.target}")
        try:
            schedule = decompose(target_from_row(row), spec.method, base=spec.base,
                                 manual=spec.values)
        except DecompositionError as exc:
            raise WorkFileError(f"{source}: $.decompositions[{i}]: {exc}") from None
        schedules.append((row, spec.method, schedule))
    for key in work.record_targets:
        if key not in targets:
            raise WorkFileError(f"{source}: $.record_targets: 规划中没有目标 {key}")
    departments = _ensure_departments(plan, work.departments)
    for i, item in enumerate(work.tasks):
        task = item.task
        for name in [task.lead_department, *task.departments]:
            if name and name not in departments:
                raise WorkFileError(f"{source}: $.tasks[{i}]: 部门“{name}”不在规划的部门中")
        if task.goal and task.goal not in goals:
            raise WorkFileError(f"{source}: $.tasks[{i}].goal: 规划中没有目标领域 {task.goal}")

    for row, method, schedule in schedules:
        save_schedule(row, method, schedule)
    for key, measure in work.record_targets.items():
        models.RecordRule.objects.update_or_create(
            target=targets[key], defaults={"stage": measure.stage, "flag": measure.flag,
                                           "quantity": measure.quantity})
    first = plan.tasks.count()
    for n, item in enumerate(work.tasks):
        task = item.task
        row, _ = models.Task.objects.update_or_create(
            plan=plan, key=task.key, defaults=dict(
                order=first + n, title=task.title, year=task.year,
                goal=goals.get(task.goal), lead_department=departments.get(task.lead_department),
                deadline=task.deadline, status=task.status))
        row.department_links.all().delete()
        models.TaskDepartment.objects.bulk_create(
            models.TaskDepartment(task=row, department=departments[name], order=k)
            for k, name in enumerate(task.departments))
        row.milestones.all().delete()
        models.TaskMilestone.objects.bulk_create(
            models.TaskMilestone(task=row, order=k, title=m.title, due=m.due, done_on=m.done_on)
            for k, m in enumerate(item.milestones))
    models.SupervisionPolicy.objects.get_or_create(plan=plan)


def _ensure_departments(plan: Plan, wanted: list[tuple[str, str | None]]
                        ) -> dict[str, Department]:
    """The plan's departments by name, after adding those the work plan names."""
    order = plan.department_links.count()
    for name, short_name in wanted:
        department, _ = Department.objects.get_or_create(
            name=name, defaults={"short_name": short_name or ""})
        _, created = PlanDepartment.objects.get_or_create(
            plan=plan, department=department, defaults={"order": order})
        order += created
    return {d.name: d for d in plan.departments.all()}


def save_schedule(target: Target, method: Method, schedule: dict[int, float]) -> None:
    """Replace the target's annual targets with a new decomposition."""
    target.annual_targets.all().delete()
    models.AnnualTarget.objects.bulk_create(
        models.AnnualTarget(target=target, year=year, value=value, method=method)
        for year, value in sorted(schedule.items()))


def schedule_of(target: Target) -> dict[int, float]:
    return {row.year: row.value for row in target.annual_targets.all()}


def measure_of(rule: models.RecordRule) -> RecordMeasure:
    return RecordMeasure(domain.ProjectStage(rule.stage), rule.flag, rule.quantity)


def records_of(plan: Plan) -> list[Record]:
    """The plan's project ledger as the pure records."""
    projects = plan.projects.select_related("department").prefetch_related("stages")
    return [Record(domain.Project(
        key=p.key, name=p.name, investment=p.investment,
        completed_investment=p.completed_investment,
        department=p.department.name if p.department else None, location=p.location,
        project_type=p.project_type, flags=list(p.flags),
        stages=[domain.StageTransition(domain.ProjectStage(s.stage), s.on, s.evidence)
                for s in p.stages.all()],
        provenance=domain.Provenance(p.provenance)), dict(p.quantities)) for p in projects]


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, dry run, would do): the keys of the projects it added and of
    those it changed (a field, or a stage date added or corrected), and the stage records it
    added. Every other project of the file stays as it was."""

    created_keys: frozenset[str]
    updated_keys: frozenset[str]
    stages_added: int

    @property
    def created(self) -> int:
        return len(self.created_keys)

    @property
    def updated(self) -> int:
        return len(self.updated_keys)

    def outcome(self, key: str) -> str:
        """created, updated or unchanged: what happens to the file's project `key`."""
        if key in self.created_keys:
            return "created"
        return "updated" if key in self.updated_keys else "unchanged"


@transaction.atomic
def import_projects(plan: Plan, projects: ProjectList, *, dry_run: bool = False
                    ) -> ImportResult | None:
    """Add or update projects checked against the plan (check_plan_projects) by key, and add
    the stage dates they do not have yet (a date already recorded for a stage is corrected to
    the file's). None, with nothing written, when the file has any problem. A dry run says
    what it would do, project by project, and writes nothing."""
    if not projects.ok:
        return None
    departments = {d.name: d for d in plan.departments.all()}
    existing = {p.key: p for p in plan.projects.prefetch_related("stages")}
    created, updated = set(), set()
    added = 0
    order = len(existing)
    for record in projects.records:
        p = record.project
        fields = dict(name=p.name, investment=p.investment,
                      completed_investment=p.completed_investment,
                      department=departments[p.department] if p.department else None,
                      location=p.location,
                      project_type=p.project_type, flags=list(p.flags),
                      provenance=p.provenance, quantities=dict(record.quantities))
        row = existing.get(p.key)
        if row is None:
            row = models.Project.objects.create(plan=plan, key=p.key, order=order, **fields)
            order += 1
            created.add(p.key)
        elif any(getattr(row, name) != _stored(value) for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
            updated.add(p.key)
        stages_new, stages_changed = _merge_stages(row, p.stages)
        added += stages_new
        if stages_changed and p.key not in created:
            updated.add(p.key)
    if dry_run:
        # Counted by doing it: the same code decides what a real import would change.
        transaction.set_rollback(True)
    return ImportResult(frozenset(created), frozenset(updated), added)


def plan_department_names(plan: Plan) -> set[str]:
    return set(plan.departments.values_list("name", flat=True))


def check_plan_projects(plan: Plan, path: Path, file_name: str | None = None) -> ProjectList:
    """check_projects with the plan's departments, the only ones a project may name."""
    return check_projects(path, file_name, plan_department_names(plan))


def _stored(value):
    return value.value if isinstance(value, domain.Provenance) else value


def _merge_stages(row: models.Project, stages: list[domain.StageTransition]
                  ) -> tuple[int, int]:
    """Record the file's stage dates the project lacks or has otherwise: how many stage
    records were added, and how many added or corrected."""
    have = {s.stage: s for s in row.stages.all()}
    added = changed = 0
    for transition in stages:
        current = have.get(transition.stage.value)
        if current is None or current.on != transition.on:
            record_stage(row, transition.stage, transition.on, transition.evidence)
            added += current is None
            changed += 1
    return added, changed


def record_stage(project: models.Project, stage: domain.ProjectStage, on, evidence: str
                 ) -> models.ProjectStageTransition:
    """Record the day a project reached a stage (once per stage; a second entry corrects
    the date and evidence)."""
    row = project.stages.filter(stage=stage.value).first()
    if row is not None:
        row.on, row.evidence = on, evidence or row.evidence
        row.save()
        return row
    last = project.stages.order_by("-order").first()
    return models.ProjectStageTransition.objects.create(
        project=project, order=(last.order + 1) if last else 0, stage=stage.value, on=on,
        evidence=evidence)


WORK_FILE = "work.yaml"


def load_work_beside(plan: Plan, plan_path: Path, out: TextIO) -> None:
    """Load the work plan (work.yaml) kept beside a plan file, and the project ledger it
    names, if there is one."""
    path = plan_path.parent / WORK_FILE
    if not path.exists():
        return
    work = read_work_plan(path)
    save_work_plan(plan, work, str(path))
    print(f"已载入总施工图 {path.name}:{len(work.tasks)} 项任务,{len(work.decompositions)} "
          f"项年度分解,{len(work.record_targets)} 项按台账计量的目标 / loaded the work plan",
          file=out)
    if work.projects_file is not None:
        projects = check_plan_projects(plan, work.projects_file)
        result = import_projects(plan, projects)
        if result is None:
            raise projects.error()
        print(f"已导入项目台账 {work.projects_file.name}:{result.created} 个项目"
              f" / imported {result.created} projects", file=out)
