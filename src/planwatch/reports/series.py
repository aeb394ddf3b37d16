"""The figures behind one target: its observed series, latest value and target path.

A target's series is the observations of its place and indicator of the kind its progress is
measured in (growth targets on growth rates, levels on levels …), part-year figures included,
ordered on the plan's time axis; a revised figure for the same period replaces the earlier one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from planwatch.domain import (
    Comparator,
    Kind,
    Observation,
    ObservationKind,
    PathShape,
    Plan,
    Provenance,
    Target,
)

from .model import SeriesPoint

OBSERVATION_KIND = {
    Kind.GROWTH: ObservationKind.GROWTH_PCT,
    Kind.RELATIVE: ObservationKind.GROWTH_PCT,
    Kind.COUNT: ObservationKind.COUNT,
    Kind.CUMULATIVE: ObservationKind.LEVEL,
}
# Quantities that grow by multiplication (money, output, counts of firms) follow a geometric
# target path; rates and shares a linear one — as the evaluation methodology prescribes.
GEOMETRIC_KINDS = (Kind.LEVEL, Kind.MULTIPLE)
LINEAR_UNITS = ("%", "％", "百分点", "个百分点", "倍")


def place_of(target: Target, plan: Plan) -> str:
    return target.place or plan.jurisdiction.name


def observed_series(target: Target, plan: Plan, observations: Sequence[Observation],
                    *, indicator: str | None = None, place: str | None = None,
                    ) -> tuple[SeriesPoint, ...]:
    """The points of a target's series (or of its benchmark's, given indicator and place)."""
    wanted_place = place or place_of(target, plan)
    wanted_indicator = indicator or target.indicator
    wanted_kind = OBSERVATION_KIND.get(target.kind, ObservationKind.LEVEL)
    by_period: dict[str, Observation] = {}
    for observation in observations:
        if (observation.place == wanted_place and observation.indicator == wanted_indicator
                and observation.kind == wanted_kind):
            by_period[observation.period.label] = observation
    ordered = sorted(by_period.values(), key=lambda o: (o.period.t, o.period.span))
    return tuple(SeriesPoint(o.period.t, o.value, o.period.label,
                             o.provenance is Provenance.ILLUSTRATIVE) for o in ordered)


def latest_point(points: Sequence[SeriesPoint], base_year: int | None) -> SeriesPoint | None:
    """The newest point after the base year; the base itself is not progress."""
    after_base = [p for p in points if base_year is None or p.t > base_year]
    return after_base[-1] if after_base else None


def target_path(target: Target) -> tuple[tuple[float, float], ...]:
    """The 序时进度 path from the base to the target value, one point per year."""
    if (target.value is None or target.base_value is None or target.base_year is None
            or target.year is None or target.year <= target.base_year
            or target.kind not in (Kind.LEVEL, Kind.MULTIPLE, Kind.SHARE, Kind.ZERO)):
        return ()
    years = range(target.base_year, target.year + 1)
    span = target.year - target.base_year
    if _geometric(target):
        ratio = target.value / target.base_value
        return tuple((float(y), target.base_value * ratio ** ((y - target.base_year) / span))
                     for y in years)
    step = (target.value - target.base_value) / span
    return tuple((float(y), target.base_value + step * (y - target.base_year)) for y in years)


def _geometric(target: Target) -> bool:
    if target.path is not None:
        return target.path is PathShape.GEOMETRIC
    return (target.kind in GEOMETRIC_KINDS and target.unit not in LINEAR_UNITS
            and target.base_value is not None and target.value is not None
            and target.base_value > 0 and target.value > 0
            and not math.isclose(target.base_value, target.value))


COMPARATOR_SIGNS = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤",
                    Comparator.LT: "<", Comparator.EQ: "", Comparator.APPROX: "约"}
