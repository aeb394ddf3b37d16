"""From a reviewed draft to a plan: the accepted proposals become targets of a new plan or are
added to an existing one, with spans that point into the plan's stored source text.

The plan is put together by the extractor's own draft builder (goal tree from the headings,
one indicator per quantity, benchmark places) and checked by the plan file rules before it is
stored, so a plan made here is one `planwatch plan dump` writes and `plan load` takes back.
"""

from __future__ import annotations

import dataclasses

from django.db import transaction
from django.utils import timezone

from planwatch import domain
from planwatch.extract import ExtractedTarget
from planwatch.extract.plan_draft import draft_plan
from planwatch.planfile import dump_plan, parse_plan
from planwatch.web.intake.models import Decision, Draft, Proposal
from planwatch.web.plans import models as plan_models
from planwatch.web.plans.store import append_targets, plan_from_db, save_plan

GOAL_SEPARATOR = " / "
# Between a plan's stored text and a document appended to it.
DOCUMENT_BREAK = "\n\n"


class IntakeError(ValueError):
    """A draft that cannot become (part of) a plan; the message is shown to the planner."""


def proposal_rows(draft: Draft, targets: list[ExtractedTarget]) -> list[Proposal]:
    """Unsaved proposals for the extractor's targets, in document order."""
    return [Proposal(
        draft=draft, order=order, text=target.text, span_start=target.span[0],
        span_end=target.span[1], indicator=target.indicator[:100],
        comparator=target.comparator, value=target.value, unit=target.unit, kind=target.kind,
        year=target.year, period_start=target.period_start,
        goal=GOAL_SEPARATOR.join(target.goal)[:300], benchmark=target.benchmark,
        base_year=target.base_year, deadline=target.deadline, confidence=target.confidence,
        extracted=target.as_dict()) for order, target in enumerate(targets)]


def as_extracted(proposal: Proposal) -> ExtractedTarget:
    """The proposal as the planner left it, in the extractor's terms."""
    return ExtractedTarget(
        text=proposal.text, indicator=proposal.indicator, value=proposal.value,
        unit=proposal.unit, comparator=proposal.comparator, kind=proposal.kind,
        year=proposal.year, period_start=proposal.period_start,
        span=(proposal.span_start, proposal.span_end),
        goal=[part.strip() for part in proposal.goal.split(GOAL_SEPARATOR) if part.strip()],
        benchmark=proposal.benchmark, confidence=proposal.confidence,
        deadline=proposal.deadline, base_year=proposal.base_year)


def edited_fields(proposal: Proposal) -> list[str]:
    """The fields the planner changed from the extractor's reading."""
    original = proposal.extracted
    current = {"indicator": proposal.indicator, "comparator": proposal.comparator,
               "value": proposal.value, "unit": proposal.unit, "kind": proposal.kind,
               "year": proposal.year, "period_start": proposal.period_start,
               "goal": proposal.goal or None}
    return [name for name, value in current.items() if original.get(name) != value]


def accepted(draft: Draft) -> list[Proposal]:
    return list(draft.proposals.filter(decision=Decision.ACCEPTED).prefetch_related("merged"))


def draft_as_plan(draft: Draft, *, name: str, title: str, place: str | None,
                  parent: str | None) -> domain.Plan:
    """A new plan of the accepted proposals, the whole document as its source text."""
    if draft.accepted_at is not None:
        raise IntakeError("这份草稿已经入库 / this draft has already been accepted into a plan")
    chosen = accepted(draft)
    if not chosen:
        raise IntakeError("没有已接受的目标提议 / no proposal has been accepted")
    try:
        plan = draft_plan(draft.text, [as_extracted(p) for p in chosen], source=draft.file_name,
                          place=place or None, parent=parent or None)
    except ValueError as error:
        raise IntakeError(f"无法生成规划:已接受的目标都没有目标年份 / {error}") from None
    targets = [dataclasses.replace(target, note=_note(target.note, proposal))
               for target, proposal in zip(plan.targets, chosen, strict=True)]
    return dataclasses.replace(plan, name=name, title=title, source_title=title,
                               targets=targets)


def _note(note: str, proposal: Proposal) -> str:
    """The extractor's note, plus the other sentences that say the same: those the extractor
    found and the proposals the planner merged into this one."""
    restated = [*proposal.restated_texts(),
                *(merged.text for merged in proposal.merged.all()
                  if merged.decision == Decision.MERGED)]
    return "\n".join([note, *(f"另见原文:{text}" for text in restated)])


def extended(existing: domain.Plan, addition: domain.Plan, prefix: str) -> domain.Plan:
    """The existing plan with the addition's goals, indicators, places and targets added.

    The added document follows the stored source text (unless it is that text), and the added
    targets' spans move with it; keys get the prefix so they cannot clash with existing ones.
    """
    if existing.source_text in ("", addition.source_text):
        text, offset = addition.source_text, 0
    else:
        text = existing.source_text + DOCUMENT_BREAK + addition.source_text
        offset = len(existing.source_text) + len(DOCUMENT_BREAK)

    def goal(g: domain.Goal) -> domain.Goal:
        return dataclasses.replace(g, key=prefix + g.key, children=[goal(c) for c in g.children])

    def target(t: domain.Target) -> domain.Target:
        return dataclasses.replace(
            t, id=prefix + t.id, goal=prefix + t.goal if t.goal else None,
            span=domain.Span(t.span.start + offset, t.span.end + offset) if t.span else None)

    known_indicators = {i.name for i in existing.indicators}
    known_places = {existing.jurisdiction.name, *(j.name for j in existing.jurisdictions)}
    return dataclasses.replace(
        existing, source_text=text,
        jurisdictions=[*existing.jurisdictions,
                       *(j for j in addition.jurisdictions if j.name not in known_places)],
        indicators=[*existing.indicators,
                    *(i for i in addition.indicators if i.name not in known_indicators)],
        goals=[*existing.goals, *(goal(g) for g in addition.goals)],
        targets=[*existing.targets, *(target(t) for t in addition.targets)])


def checked(plan: domain.Plan) -> domain.Plan:
    """The plan as the plan file rules read it back; PlanFileError names what is wrong."""
    return parse_plan(dump_plan(plan), source_name=plan.name, base_dir=None)


def accept_as_new_plan(draft: Draft, *, name: str, title: str, place: str | None,
                       parent: str | None) -> plan_models.Plan:
    with transaction.atomic():
        draft = _locked(draft)
        if plan_models.Plan.objects.filter(name=name).exists():
            raise IntakeError(f"已有名为 {name} 的规划 / a plan named {name} exists")
        row = save_plan(checked(draft_as_plan(draft, name=name, title=title, place=place,
                                              parent=parent)))
        _mark_accepted(draft, row)
        return row


def accept_into_plan(draft: Draft, row: plan_models.Plan) -> plan_models.Plan:
    """Add the accepted targets to a stored plan, leaving every stored row as it is: what
    hangs on the plan's targets and indicators (annual decomposition, record rules, reports
    in progress) stays attached."""
    with transaction.atomic():
        draft = _locked(draft)
        # Two drafts added to one plan at once would number their goals and targets alike.
        row = plan_models.Plan.objects.select_for_update().get(pk=row.pk)
        existing = plan_from_db(row.name)
        addition = draft_as_plan(draft, name=row.name, title=row.title,
                                 place=existing.jurisdiction.name,
                                 parent=existing.jurisdiction.parent)
        plan = checked(extended(existing, addition, f"d{draft.pk}-"))
        _append(row, existing, plan)
        _mark_accepted(draft, row)
        return row


def _append(row: plan_models.Plan, existing: domain.Plan, plan: domain.Plan) -> None:
    """Store what `plan` has beyond `existing` (its extension: the same lists, longer)."""
    if plan.source_text != existing.source_text:
        row.source_text = plan.source_text
        row.save(update_fields=["source_text"])
    append_targets(row, plan.targets[len(existing.targets):],
                   goals=plan.goals[len(existing.goals):],
                   indicators=plan.indicators[len(existing.indicators):],
                   places=plan.jurisdictions[len(existing.jurisdictions):])


def _locked(draft: Draft) -> Draft:
    """The draft read again under a row lock: a second acceptance waits, then finds it taken."""
    return Draft.objects.select_for_update().get(pk=draft.pk)


def _mark_accepted(draft: Draft, row: plan_models.Plan) -> None:
    draft.plan = row
    draft.accepted_at = timezone.now()
    draft.save(update_fields=["plan", "accepted_at"])


