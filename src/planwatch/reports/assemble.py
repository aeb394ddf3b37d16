"""From a plan and its observations to a ReportInput: assess with the engine, roll up.

The one place the command line and the web app make a report's input, so both give the same
report for the same data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from planwatch.domain import Observation, Plan

from .model import ReportInput, ReportKind


def assess_for_report(plan: Plan, observations: Sequence[Observation], kind: ReportKind,
                      as_of: date, *, config=None, narrative: Mapping[str, str] | None = None,
                      explanations: Mapping[str, str] | None = None) -> ReportInput:
    """Assess every target of the plan as of the date; raises EvaluationError on bad targets."""
    from planwatch.evaluate import DEFAULT_CONFIG, assess, rollup

    config = config or DEFAULT_CONFIG
    observations = list(observations)
    assessments = assess(plan.targets, observations, as_of, config=config,
                         place=plan.jurisdiction.name)
    return ReportInput(
        plan=plan, kind=kind, as_of=as_of, assessments=assessments, observations=observations,
        rollup=rollup(assessments, plan.targets, plan.goals, config=config), config=config,
        narrative=dict(narrative or {}), explanations=dict(explanations or {}))
