"""Overdue reports on the supervision list, one series per indicator: the database side of
supervision.overdue_reports, shared by `planwatch supervise` (work.service) and
`planwatch remind` (data.reminders) so that the two keep one list.

A department that misses a monthly figure usually misses the next ones too; an item per
period buried the list in near-identical items. The series item is raised once, with the
periods then missing; periods that go overdue later join it (the item's history keeps each
change); its place on the ladder runs from the day it was raised, so it climbs by its oldest
period and a new period does not restart the clock. A period already listed on an item —
open or closed, and on the per-period items of before — is never listed again.
"""

from __future__ import annotations

from datetime import date

from planwatch.web.plans.models import Department, Plan
from planwatch.web.work import models
from planwatch.web.work import supervision as S


def listed_periods(plan: Plan, indicator: str) -> set[str]:
    """The periods of an indicator already on the supervision list, open or closed."""
    series = S.overdue_series_subject(indicator)
    per_period = S.overdue_period_subject(indicator, "")
    listed: set[str] = set()
    for subject, missing in plan.supervision_items.filter(
            rule=S.Rule.OVERDUE_REPORT, subject__startswith=series).values_list(
            "subject", "missing_periods"):
        if subject == series:
            listed.update(entry["period"] for entry in missing)
        elif subject.startswith(per_period):
            listed.add(subject[len(per_period):])
    return listed


def as_stored(missing: S.MissingReport) -> dict:
    return {"period": missing.period, "due": missing.due.isoformat(),
            "escalate_after": missing.escalate_after.isoformat()}


def from_stored(entry: dict) -> S.MissingReport:
    return S.MissingReport(entry["period"], date.fromisoformat(entry["due"]),
                           date.fromisoformat(entry["escalate_after"]))


def note_overdue_reports(plan: Plan, finding: S.Finding, department: Department | None,
                         today: date, ladder: S.Ladder, *, by: str = "") -> bool:
    """Put a finding of supervision.overdue_reports on the list: its periods not listed yet
    join the indicator's open series item, or raise one. True when an item was raised."""
    indicator = finding.subject.removeprefix(S.overdue_series_subject(""))  # "report:<name>"
    listed = listed_periods(plan, indicator)
    new = [m for m in finding.missing if m.period not in listed]
    if not new:
        return False
    item = plan.supervision_items.filter(rule=S.Rule.OVERDUE_REPORT, subject=finding.subject,
                                         closed_on__isnull=True).first()
    if item is not None:
        series = sorted([*map(from_stored, item.missing_periods), *new],
                        key=lambda m: (m.due, m.period))
        item.missing_periods = [as_stored(m) for m in series]
        item.title = S.overdue_series_title(indicator, series)
        item.detail = S.overdue_series_detail(series, today)
        item.save(update_fields=["missing_periods", "title", "detail"])
        return False
    models.SupervisionItem.objects.create(
        plan=plan, department=department, rule=S.Rule.OVERDUE_REPORT,
        subject=finding.subject, title=S.overdue_series_title(indicator, new),
        detail=S.overdue_series_detail(new, today),
        missing_periods=[as_stored(m) for m in new], level=S.Level.REMINDER, raised_on=today,
        raised_by=by, level_since=today, due_on=ladder.due(today, S.Level.REMINDER))
    return True
