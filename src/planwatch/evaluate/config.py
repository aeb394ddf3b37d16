"""Every threshold and prior of the evaluation method, in one place (methodology §6 defaults)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EvaluationConfig:
    # Schedule ratio ρ = π/τ ladder (§6.5 A).
    ahead: float = 1.10
    on_track: float = 0.95
    behind: float = 0.60
    well_behind: float = 0.0
    # Below this elapsed share ρ is unstable; the gap π − τ is then measured against it.
    min_elapsed: float = 0.15

    # Outlook ladder on P(attain) (§6.5 B).
    likely: float = 0.80
    probable: float = 0.50
    at_risk: float = 0.20
    interval: float = 0.80  # coverage of the projection interval

    # Random walk with drift (§6.4).
    recency: float = 0.7  # λ: weight of a change one year older than the latest
    prior_weight: float = 2.0  # ν0
    prior_sd_log: float = 0.03  # σ0 of annual log changes (≈ 3 % a year)
    prior_sd_points: float = 0.5  # σ0 of annual changes of a % quantity, in points
    prior_sd_relative: float = 0.03  # σ0 of other additive quantities, as a share of their scale
    prior_sd_gap_points: float = 1.5  # σ0 of a relative target's yearly gap, in points
    min_points: int = 2  # post-base annual points needed for an outlook

    # Kind-specific rules.
    approx_growth_tolerance: float = 0.5  # "g* 左右": points of tolerance on a growth rate
    relative_behind_points: float = 1.0  # a relative gap this far short is 滞后, more is 明显滞后
    direction_significant: float = 1.0  # direction_only: % (or points) a year for 符合预期
    zero_smoothing: float = 0.5  # added to counts before taking their decay ratio

    # Roll-up score (docs/evaluation.md).
    status_weight: float = 0.6  # the rest is the outlook's probability
    binding_weight: float = 2.0  # a 约束性 target counts this many times a 预期性 one
    # Points a judged status earns; statuses not listed (pending_data, insufficient_data,
    # qualitative) are not scored.
    status_points: tuple[tuple[str, float], ...] = (
        ("achieved_early", 100), ("achieved", 100), ("maintained", 100), ("zero_held", 100),
        ("ahead", 100), ("on_track", 85), ("behind", 60), ("well_behind", 30),
        ("moving_away", 0), ("breached", 0), ("rebound", 0), ("missed", 0))

    def points_of(self, status: str) -> float | None:
        return dict(self.status_points).get(status)


DEFAULT_CONFIG = EvaluationConfig()

