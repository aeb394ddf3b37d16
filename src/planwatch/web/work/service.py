"""The work side of a stored plan, judged and supervised: record-measured targets, this
year's 总施工图 targets, supervision runs, item actions and the monthly ranking.

Views and the `planwatch supervise` command call these; the rules themselves are pure
(supervision.py, records.py, decomposition.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from planwatch import domain
from planwatch.evaluate import Assessment, EvaluationError, assess
from planwatch.web.assessments import (
    assess_plan,
    relevant_observations,
)
from planwatch.web.data.calendar import ItemState
from planwatch.web.data.ontime import on_time_reporting
from planwatch.web.data.reporting import department_items
from planwatch.web.plans.models import Department, Plan, Target
from planwatch.web.plans.store import target_from_row
from planwatch.web.work import models
from planwatch.web.work import supervision as S
from planwatch.web.work.decomposition import annual_target
from planwatch.web.work.overdue import note_overdue_reports
from planwatch.web.work.records import assess_from_records, record_observations
from planwatch.web.work.store import measure_of, records_of, schedule_of


class ActionError(ValueError):
    """An item action that is not allowed as asked (a closure without a reason …)."""


# ---------------------------------------------------------------- judging

@dataclass
class RecordTarget:
    target: Target
    rule: models.RecordRule
    assessment: Assessment


def record_assessments(plan: Plan, as_of: date) -> list[RecordTarget]:
    """Every target of the plan measured from the project ledger, judged as of a date."""
    rules = list(models.RecordRule.objects.filter(target__plan=plan).select_related(
        "target__goal", "target__department").order_by("target__order"))
    records = records_of(plan)
    place = plan.jurisdiction.name
    return [RecordTarget(rule.target, rule, assess_from_records(
        target_from_row(rule.target), measure_of(rule), records, as_of, place))
        for rule in rules]


@dataclass
class LedgerFigures:
    """A record-measured target's figures as the ledger gives them on a day: what its
    judgement and chart rest on, in place of stored figures of its indicator."""

    rule: models.RecordRule
    figures: list[domain.Observation]


def ledger_figures(plan: Plan, row: Target, as_of: date) -> LedgerFigures | None:
    """The ledger figures a target is judged on (None: it is not measured from the ledger).
    Select the row with its record_rule, and an unmeasured target costs no query."""
    try:
        rule = row.record_rule
    except models.RecordRule.DoesNotExist:
        return None
    return LedgerFigures(rule, record_observations(
        target_from_row(row), measure_of(rule), records_of(plan), as_of,
        row.place or plan.jurisdiction.name))


@dataclass
class ScheduledTarget:
    target: Target
    schedule: dict[int, float]
    method: str
    year: int | None  # the year judged (None: as_of outside the decomposition)
    assessment: Assessment | None
    problem: str = ""


def schedule_assessments(plan: Plan, as_of: date) -> list[ScheduledTarget]:
    """Each decomposed target judged against its annual target for as_of's year."""
    rows = list(plan.targets.filter(annual_targets__isnull=False).distinct().select_related(
        "goal", "department").prefetch_related("annual_targets").order_by("order"))
    result = []
    targets = [target_from_row(row) for row in rows]
    observations = relevant_observations(plan, targets)
    for row, target in zip(rows, targets, strict=True):
        schedule = schedule_of(row)
        method = next(iter(row.annual_targets.all())).method
        year = as_of.year if as_of.year in schedule else None
        if year is None:
            result.append(ScheduledTarget(row, schedule, method, None, None))
            continue
        annual = annual_target(target, schedule, year)
        try:
            judged = assess([annual], observations, as_of, place=plan.jurisdiction.name)[0]
        except EvaluationError as exc:
            result.append(ScheduledTarget(row, schedule, method, year, None, str(exc)))
            continue
        result.append(ScheduledTarget(row, schedule, method, year, judged))
    return result


def default_day(plan: Plan, today: date) -> date:
    """The day the 总施工图 page opens on: the end of the latest year of the decomposition
    in which a decomposed target has a figure, no later than today (today when none has) —
    as the pipeline page does: a decomposition whose figures stop years ago is shown as it
    stood then, not as a current year outside it."""
    rows = list(plan.targets.filter(annual_targets__isnull=False).distinct().select_related(
        "goal", "department"))
    years = set(models.AnnualTarget.objects.filter(target__in=rows).values_list(
        "year", flat=True))
    figures = relevant_observations(plan, [target_from_row(row) for row in rows])
    with_data = {figure.period.year for figure in figures
                 if figure.period.end_date <= today} & years
    if not with_data:
        return today
    return min(date(max(with_data), 12, 31), today)


def target_statuses(plan: Plan, as_of: date) -> dict[str, tuple[str, str]]:
    """Every judged target's (status, explanation), as the plan's pages show them
    (record-measured targets judged from the ledger, decomposed ones on their schedule)."""
    return {a.target_id: (a.status, a.explanation) for a in assess_plan(plan, as_of).assessments}


# ---------------------------------------------------------------- supervision runs

def policy_of(plan: Plan) -> models.SupervisionPolicy:
    return models.SupervisionPolicy.objects.get_or_create(plan=plan)[0]


def ladder_of(policy: models.SupervisionPolicy) -> S.Ladder:
    return S.Ladder(policy.reminder_days, policy.warning_days, policy.supervision_days,
                    policy.interview_days)


@dataclass(frozen=True)
class RunResult:
    raised: int
    escalated: int
    open_items: int


def findings(plan: Plan, today: date) -> list[S.Finding]:
    """What the automatic rules find in the plan on a day."""
    policy = policy_of(plan)
    domain_plan_targets = [target_from_row(row) for row in
                           plan.targets.select_related("goal", "department")]
    tasks = [domain.Task(key=t.key, title=t.title, year=t.year,
                         lead_department=t.lead_department.name if t.lead_department else None,
                         deadline=t.deadline, status=domain.TaskStatus(t.status))
             for t in plan.tasks.select_related("lead_department")]
    projects = [record.project for record in records_of(plan)]
    # Figures the ledger gives are nobody's report to miss.
    measured = set(models.RecordRule.objects.filter(target__plan=plan).values_list(
        "target__indicator", flat=True))
    missing: dict[tuple[str, str], list[S.MissingReport]] = defaultdict(list)
    for department in plan.departments.all():
        for item in department_items(department, today):
            if (item.indicator.plan_id == plan.pk and item.state is ItemState.ESCALATED
                    and item.indicator.name not in measured):
                missing[department.name, item.indicator.name].append(
                    S.MissingReport(item.period.label, item.due, item.escalate_after))
    overdue = [S.overdue_reports(indicator, department, periods, today)
               for (department, indicator), periods in missing.items()]
    return [*overdue,
            *S.lagging_targets(domain_plan_targets, target_statuses(plan, today), today),
            *S.stalled_projects(projects, today, policy.stall_days),
            *S.overdue_tasks(tasks, today)]


@transaction.atomic
def supervise(plan: Plan, today: date) -> RunResult:
    """Raise an item for every new finding and move open items up the ladder. Running it
    again on the same day (or for an earlier day) changes nothing."""
    policy = policy_of(plan)
    ladder = ladder_of(policy)
    departments = {d.name: d for d in Department.objects.all()}
    open_subjects = set(plan.supervision_items.filter(closed_on__isnull=True).values_list(
        "rule", "subject"))
    done_subjects = set(plan.supervision_items.filter(closed_on__isnull=False).values_list(
        "rule", "subject"))
    raised = 0
    for finding in findings(plan, today):
        if finding.rule is S.Rule.OVERDUE_REPORT:  # a series: new periods join its open item
            raised += note_overdue_reports(plan, finding, departments.get(finding.department),
                                           today, ladder)
            continue
        key = (finding.rule.value, finding.subject)
        if key in open_subjects or key in done_subjects:
            continue
        models.SupervisionItem.objects.create(
            plan=plan, department=departments.get(finding.department), rule=finding.rule,
            subject=finding.subject, title=finding.title, detail=finding.detail,
            level=S.Level.REMINDER, raised_on=today, raised_by="",
            level_since=today, due_on=ladder.due(today, S.Level.REMINDER))
        open_subjects.add(key)
        raised += 1
    escalated = 0
    for item in plan.supervision_items.filter(closed_on__isnull=True):
        standing = S.escalate(S.Standing(S.Level(item.level), item.level_since, item.due_on),
                              item.explained_on, today, ladder)
        if standing.level != item.level:
            item.level, item.level_since, item.due_on = (
                standing.level, standing.level_since, standing.due_on)
            item.save(update_fields=["level", "level_since", "due_on"])
            escalated += 1
    return RunResult(raised, escalated,
                     plan.supervision_items.filter(closed_on__isnull=True).count())


# ---------------------------------------------------------------- item actions

def raise_item(plan: Plan, *, department: Department | None, title: str, detail: str,
               level: S.Level, today: date, by: str) -> models.SupervisionItem:
    """An item raised by hand (a supervisor); it may start on any level of the ladder."""
    if not title.strip():
        raise ActionError("事项不能为空")
    ladder = ladder_of(policy_of(plan))
    number = plan.supervision_items.filter(rule=S.Rule.MANUAL).count() + 1
    return models.SupervisionItem.objects.create(
        plan=plan, department=department, rule=S.Rule.MANUAL,
        subject=f"manual:{today:%Y%m%d}:{number}", title=title.strip(), detail=detail.strip(),
        level=level, raised_on=today, raised_by=by, level_since=today,
        due_on=ladder.due(today, level))


def explain_item(item: models.SupervisionItem, *, explanation: str, corrective_action: str,
                 today: date, by: str) -> None:
    """The department's written explanation and corrective action."""
    if not item.is_open:
        raise ActionError("事项已销号,不能再说明")
    if not explanation.strip() or not corrective_action.strip():
        raise ActionError("情况说明和整改措施都要填写")
    item.explanation, item.corrective_action = explanation.strip(), corrective_action.strip()
    item.explained_on, item.explained_by = today, by
    item.save()


def return_explanation(item: models.SupervisionItem, *, reason: str, today: date) -> None:
    """The supervisor sends an explanation back as not enough: the level's deadline starts
    again from today, and without a new explanation by then the item climbs (the explanation
    sent back stays in the item's history)."""
    if not item.is_open or item.explained_on is None:
        raise ActionError("只有已说明、未销号的事项可以退回")
    if not reason.strip():
        raise ActionError("退回须写明理由")
    ladder = ladder_of(policy_of(item.plan))
    item.return_reason = reason.strip()
    item.explained_on, item.explained_by = None, ""
    item.level_since, item.due_on = today, ladder.due(today, S.Level(item.level))
    item.save()


def close_item(item: models.SupervisionItem, *, reason: str, today: date, by: str) -> None:
    """销号: only with a reason (the caller checks that `by` is a supervisor)."""
    if not item.is_open:
        raise ActionError("事项已销号")
    if not reason.strip():
        raise ActionError("销号须写明理由")
    item.closed_on, item.closed_by, item.close_reason = today, by, reason.strip()
    item.save()


# ---------------------------------------------------------------- monthly ranking

def month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def monthly_ranking(plan: Plan, month: date) -> list[tuple[int | None, S.DepartmentMonth]]:
    """The plan's departments ranked for a month (RANKING_FORMULA)."""
    first, last = month_bounds(month)
    reporting = on_time_reporting(plan, plan.indicators.select_related("reporting_rule"),
                                  first, last)
    schedule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    statuses = target_statuses(plan, last)
    for target in plan.targets.select_related("department"):
        status = statuses.get(target.key, ("", ""))[0]
        if target.department is None or status in ("", "pending_data", "insufficient_data",
                                                   "qualitative"):
            continue
        tally = schedule[target.department.name]
        tally[1] += 1
        tally[0] += status in S.ON_SCHEDULE_STATUSES
    closure: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in plan.supervision_items.select_related("department"):
        if item.department is None:
            continue
        due_in = first <= item.due_on <= last
        closed_in = item.closed_on is not None and first <= item.closed_on <= last
        if due_in or closed_in:
            tally = closure[item.department.name]
            tally[1] += 1
            tally[0] += item.closed_on is not None and item.closed_on <= item.due_on
    months = [S.DepartmentMonth(d.name, reporting.get(d.pk, S.Tally(0, 0)),
                                S.Tally(*schedule[d.name]), S.Tally(*closure[d.name]))
              for d in plan.departments.all()]
    return S.ranked(months)
