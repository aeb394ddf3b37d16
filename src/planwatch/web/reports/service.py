"""A stored plan's report: judged by the web app's one assessment service, written by the pure
planwatch.reports package with the planners' narrative from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from planwatch.evaluate import DEFAULT_CONFIG
from planwatch.reports import ReportInput, ReportKind, build_report, render
from planwatch.web.assessments import assess_plan
from planwatch.web.plans import models as plan_models
from planwatch.web.plans.store import plan_from_db
from planwatch.web.reports.models import Narrative
from planwatch.web.work.models import SupervisionItem
from planwatch.web.work.supervision import Rule

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class ReportChoice:
    """Which report: its kind, the date it is made as of, and optionally the day whose
    knowledge it replays (figures recorded by then)."""

    kind: ReportKind
    as_of: date
    known_on: date | None = None

    def file_name(self, plan: plan_models.Plan, format: str) -> str:
        return f"{plan.name}-{self.kind}-{self.as_of.isoformat()}.{format}"


def narrative_of(plan: plan_models.Plan, kind: ReportKind) -> dict[str, str]:
    """The sections planners have written for the plan's reports of this kind."""
    return {row.section: row.text for row in plan.narratives.filter(kind=kind)
            if row.text.strip()}


def save_narrative(plan: plan_models.Plan, kind: ReportKind, texts: dict[str, str],
                   author: str) -> None:
    """Store each section's text; an unchanged section is left alone (no history row)."""
    with transaction.atomic():
        stored = {row.section: row for row in plan.narratives.filter(kind=kind)}
        for section, text in texts.items():
            row = stored.get(section)
            if row is None:
                if text.strip():
                    Narrative.objects.create(plan=plan, kind=kind, section=section, text=text,
                                             updated_by=author)
            elif row.text != text:
                row.text, row.updated_by = text, author
                row.save()


def department_explanations(plan: plan_models.Plan, as_of: date) -> dict[str, str]:
    """Target id → the responsible department's latest written explanation of its lag (from
    the supervision items raised on lagging targets), as written by the as-of date."""
    target_ids = set(plan.targets.values_list("key", flat=True))
    items = (SupervisionItem.objects.filter(plan=plan, rule=Rule.TARGET_BEHIND,
                                            explained_on__lte=as_of)
             .exclude(explanation="").order_by("explained_on", "pk"))
    explanations = {}
    for item in items:
        # The rule names its item target:<id>:<month> (planwatch.web.work.supervision).
        target_id = item.subject.removeprefix("target:").rpartition(":")[0]
        if target_id in target_ids:
            explanations[target_id] = (f"{item.explanation}(整改措施:{item.corrective_action})"
                                       if item.corrective_action else item.explanation)
    return explanations


def report_input(plan: plan_models.Plan, choice: ReportChoice) -> tuple[ReportInput, dict]:
    """The report's input and the targets the engine could not judge (id → reason)."""
    judged = assess_plan(plan, choice.as_of, known_on=choice.known_on)
    report = ReportInput(
        plan=plan_from_db(plan.name), kind=choice.kind, as_of=choice.as_of,
        assessments=judged.assessments, observations=judged.observations,
        rollup=judged.rollup, config=DEFAULT_CONFIG, narrative=narrative_of(plan, choice.kind),
        explanations=department_explanations(plan, choice.as_of))
    return report, judged.unjudged


def report_file(plan: plan_models.Plan, choice: ReportChoice, format: str) -> bytes:
    report, _ = report_input(plan, choice)
    return render(build_report(report), format)
