"""The outlook of a count target from its project pipeline (methodology §6.4, count).

Each outstanding project is one Bernoulli trial: it reaches the target's stage by the
deadline with a probability set by how many stages it still has to pass and how much time is
left. The number that arrive is Poisson-binomial; P(K_T ≥ N) comes from its exact
distribution (dynamic programming). A target that sums a quantity (土地面积) instead of
counting uses the normal approximation of the weighted sum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from . import labels as L
from .config import DEFAULT_CONFIG, EvaluationConfig
from .engine import outlook_of


@dataclass(frozen=True)
class PipelineConfig:
    """P(a project reaches the target stage within one year) by stages still to pass:
    one stage away (在建, about to be counted) 0.9, two 0.6, three 0.4, further (未启动) 0.2.
    Over h years the chance is 1 − (1 − q)^h: a constant hazard through the year."""

    one_stage: float = 0.9
    two_stages: float = 0.6
    three_stages: float = 0.4
    further: float = 0.2

    def yearly(self, stages_to_go: int) -> float:
        if stages_to_go <= 0:
            return 1.0
        return (self.one_stage, self.two_stages, self.three_stages)[stages_to_go - 1] \
            if stages_to_go <= 3 else self.further


DEFAULT_PIPELINE = PipelineConfig()


def completion_probability(stages_to_go: int, years_left: float,
                           config: PipelineConfig = DEFAULT_PIPELINE) -> float:
    """P(a project `stages_to_go` stages short arrives within `years_left` years)."""
    if stages_to_go <= 0:
        return 1.0
    if years_left <= 0:
        return 0.0
    return 1.0 - (1.0 - config.yearly(stages_to_go)) ** years_left


def at_least(probabilities: Sequence[float], needed: int) -> float:
    """P(at least `needed` of independent trials succeed), exactly (Poisson-binomial)."""
    if needed <= 0:
        return 1.0
    if needed > len(probabilities):
        return 0.0
    # distribution[k] = P(k successes so far) for k < needed; distribution[needed] pools
    # every k ≥ needed.
    distribution = [1.0] + [0.0] * needed
    for p in probabilities:
        pooled = distribution[needed] + distribution[needed - 1] * p
        for k in range(needed - 1, 0, -1):
            distribution[k] = distribution[k] * (1 - p) + distribution[k - 1] * p
        distribution[0] *= 1 - p
        distribution[needed] = pooled
    return min(1.0, max(0.0, distribution[needed]))


@dataclass(frozen=True)
class PipelineOutlook:
    probability: float
    projected: float  # expected count (or total) at the deadline
    interval: tuple[float, float]  # 80 % (config.interval) range at the deadline
    outlook: str
    outlook_zh: str
    outlook_en: str


def pipeline_outlook(reached: float, goal: float, pending: Sequence[tuple[float, float]],
                     config: EvaluationConfig = DEFAULT_CONFIG) -> PipelineOutlook:
    """The outlook of a ≥ target that has `reached` so far, from the pending projects given
    as (probability of arriving by the deadline, amount each adds: 1 when counting)."""
    mean = reached + sum(p * x for p, x in pending)
    variance = sum(p * (1 - p) * x * x for p, x in pending)
    tail = (1 - config.interval) / 2
    if variance == 0:
        probability = 1.0 if mean >= goal - 1e-9 else 0.0
        low = high = mean
    else:
        spread = math.sqrt(variance)
        z = special.ndtri(1 - tail)
        low, high = max(reached, mean - z * spread), mean + z * spread
        if all(x == 1 for _, x in pending):
            probability = at_least([p for p, _ in pending], math.ceil(goal - reached - 1e-9))
        else:  # a weighted sum of amounts: its normal approximation
            probability = float(special.ndtr((mean - goal) / spread))
    label = L.OUTLOOKS[int(outlook_of(np.array([probability]), config)[0])]
    return PipelineOutlook(probability, mean, (low, high), label.code, label.zh, label.en)

