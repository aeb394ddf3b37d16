"""A whole plan in one call: every target assessed and the roll-up over its goal tree."""

from __future__ import annotations

from datetime import date

from planwatch.domain.model import Observation, Plan

from .assessment import Assessment, assess
from .config import EvaluationConfig
from .rollup import rollup


def assess_plan(plan: Plan, observations: list[Observation], as_of: date, *,
                config: EvaluationConfig | None = None) -> tuple[list[Assessment], dict]:
    """(assessments in the plan's target order, roll-up to each goal and the plan); targets
    without a place belong to the plan's jurisdiction."""
    assessments = assess(plan.targets, observations, as_of, config=config,
                         place=plan.jurisdiction.name)
    return assessments, rollup(assessments, plan.targets, plan.goals, config=config)
