"""The figures behind one target, as a report shows them: series for charts, base, latest value.

Level-type and flow targets are drawn from the engine's own series (the points it used, in the
target's unit after conversion); growth and relative targets from the published growth rates,
which readers know, with the benchmark's beside them. A point is flagged illustrative when the
observation behind it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from planwatch.domain import (
    Kind,
    Observation,
    ObservationKind,
    Period,
    PeriodError,
    Plan,
    Provenance,
    Target,
    parse_period,
)

from .model import ChartSpec, SeriesPoint

FLOW_KINDS = (Kind.CUMULATIVE, Kind.COUNT)
# Kinds whose base-year level means something to a reader (not flows, rates or milestones).
LEVEL_KINDS = (Kind.LEVEL, Kind.SHARE, Kind.MULTIPLE, Kind.ZERO, Kind.BOUND_EACH_YEAR,
               Kind.DIRECTION_ONLY)
RATE_KINDS = (Kind.GROWTH, Kind.RELATIVE)
# The engine states part-year points in words: 2023年上半年, 2023年1—9月.
_ENGINE_HALF = re.compile(r"^(\d{4})年上半年$")
_ENGINE_MONTHS = re.compile(r"^(\d{4})年1[—–-](\d{1,2})月$")
_ENGINE_YEAR = re.compile(r"^(\d{4})年?$")


def engine_period(label: str | None) -> Period | None:
    """The period of a point as the engine labels it ("2022", "2022年", "2023年上半年")."""
    if not label:
        return None
    if match := _ENGINE_YEAR.match(label):
        return parse_period(match[1])
    if match := _ENGINE_HALF.match(label):
        return parse_period(f"{match[1]}H1")
    if match := _ENGINE_MONTHS.match(label):
        try:
            return parse_period(f"{match[1]}-{int(match[2]):02d}")
        except PeriodError:
            return None
    return None


def place_of(target: Target, plan: Plan) -> str:
    return target.place or plan.jurisdiction.name


def base_year_of(target: Target) -> int | None:
    if target.base_year is not None:
        return target.base_year
    return target.period_start - 1 if target.period_start is not None else None


class TargetFigures:
    """One target's figures: what its table row and chart show."""

    def __init__(self, target: Target, assessment: Any, plan: Plan,
                 observations: Sequence[Observation]) -> None:
        self.target, self.assessment = target, assessment
        self.place = place_of(target, plan)
        self.start = base_year_of(target)
        own = [o for o in observations if o.place == self.place
               and o.indicator == target.indicator]
        self.illustrative_periods = {o.period.label for o in own
                                     if o.provenance is Provenance.ILLUSTRATIVE}
        self._own = own
        self._observations = observations

    # ---------------------------------------------------------------- the table row

    @property
    def base(self) -> float | None:
        if self.target.base_value is not None:
            return self.target.base_value
        if self.target.kind not in LEVEL_KINDS:
            return None
        for label, value in self.assessment.series:
            period = engine_period(label)
            if period is not None and period.is_annual and period.year == self.start:
                return value
        return None

    @property
    def goal(self) -> float | None:
        """The target value in the unit of the figures (翻番: the multiple of the base)."""
        value = self.target.value
        if self.target.kind is Kind.MULTIPLE:
            return value * self.base if value is not None and self.base is not None else None
        return value

    @property
    def latest(self) -> float | None:
        """The latest figure: a growth target's average annual growth so far, a flow target's
        total so far, a relative target's latest gap, otherwise the latest level."""
        if self.target.kind is Kind.GROWTH:
            return self.assessment.observed_rate
        return self.assessment.latest_value

    @property
    def latest_is_illustrative(self) -> bool:
        period = engine_period(self.assessment.latest_period)
        if period is None:
            return False
        if self.target.kind in FLOW_KINDS or self.target.kind in RATE_KINDS:
            # Totals and averages rest on every period up to the latest one.
            return any(parse_period(label).t <= period.t for label in self.illustrative_periods)
        return period.label in self.illustrative_periods

    # ---------------------------------------------------------------- the chart

    def chart(self, title: str) -> ChartSpec | None:
        """The chart of the target, or None when there is nothing after the base to draw."""
        if self.target.kind in RATE_KINDS:
            return self._rate_chart(title)
        if self.target.kind not in LEVEL_KINDS and self.target.kind not in FLOW_KINDS:
            return None
        points = self._engine_points()
        if not any(self.start is None or p.t > self.start for p in points):
            return None
        unit = self.assessment.unit
        if self.target.kind in FLOW_KINDS:
            return self._flow_chart(title, points, unit)
        deadline = float(self.target.year) if self.target.year else None
        goal = self.goal
        path: tuple[tuple[float, float], ...] = ()
        if self.target.kind is Kind.BOUND_EACH_YEAR and goal is not None and self.start:
            path = ((float(self.start), goal), (deadline or points[-1].t, goal))
        elif goal is not None and self.base is not None and deadline and self.start:
            path = self._path(self.base, goal, deadline)
        return ChartSpec(
            title=title, unit=unit, observed=points, observed_label=f"{self.place}实际值",
            path=path, target=(deadline, goal) if deadline and goal is not None else None,
            projection=self._projection(deadline), band=self._band(deadline))

    def _engine_points(self) -> tuple[SeriesPoint, ...]:
        points = []
        for label, value in self.assessment.series:
            period = engine_period(label)
            if period is not None:
                points.append(SeriesPoint(period.t, value, period.label,
                                          period.label in self.illustrative_periods))
        return tuple(sorted(points, key=lambda p: p.t))

    def _path(self, base: float, goal: float, deadline: float) -> tuple[tuple[float, float], ...]:
        """The 序时进度 path: through the plan's own year-end values on a custom path (the
        annual decomposition), else geometric where the engine works on growth rates (rate
        unit %), else straight."""
        if self.target.schedule:
            return self._through_schedule(base)
        years = range(self.start, int(deadline) + 1)
        span = deadline - self.start
        geometric = (self.assessment.rate_unit == "%" and base > 0 and goal > 0)
        if geometric:
            return tuple((float(y), base * (goal / base) ** ((y - self.start) / span))
                         for y in years)
        return tuple((float(y), base + (goal - base) * (y - self.start) / span) for y in years)

    def _through_schedule(self, start_value: float) -> tuple[tuple[float, float], ...]:
        """The custom path from the base (0 for a flow's running total) through each
        scheduled year end, in the target's own measure as the schedule holds it."""
        return ((float(self.start), start_value),
                *((float(year), value) for year, value in sorted(self.target.schedule.items())))

    def _flow_chart(self, title: str, flows: tuple[SeriesPoint, ...], unit: str) -> ChartSpec:
        running, total = [], 0.0
        if self.start is not None:  # nothing is done at the base: the line starts from zero
            running.append(SeriesPoint(float(self.start), 0.0, str(self.start)))
        for point in flows:
            total += point.value
            running.append(SeriesPoint(point.t, total, point.label, point.illustrative))
        deadline = float(self.target.year) if self.target.year else None
        path: tuple[tuple[float, float], ...] = ()
        if self.target.schedule and self.start is not None:
            path = self._through_schedule(0.0)
        elif deadline and self.start is not None and self.target.value is not None:
            path = ((float(self.start), 0.0), (deadline, self.target.value))
        return ChartSpec(
            title=title, unit=unit, observed=tuple(running), observed_label=f"{self.place}累计完成",
            path=path,
            target=(deadline, self.target.value) if deadline and self.target.value else None,
            projection=self._projection(deadline), band=self._band(deadline))

    def _rate_chart(self, title: str) -> ChartSpec | None:
        own = self._rates(self.place, self.target.indicator)
        if not own:
            return None
        benchmark: tuple[SeriesPoint, ...] = ()
        benchmark_label = ""
        if self.target.benchmark is not None:
            place = self.target.benchmark.place or self.place
            benchmark = self._rates(place, self.target.benchmark.indicator)
            benchmark_label = f"{place}{self.target.benchmark.indicator}增速"
        path: tuple[tuple[float, float], ...] = ()
        if self.target.kind is Kind.GROWTH and self.target.value is not None:
            first = float(self.start if self.start is not None else own[0].t)
            path = ((first, self.target.value), (float(self.target.year or own[-1].t),
                                                 self.target.value))
        return ChartSpec(title=title, unit="%", observed=own,
                         observed_label=f"{self.place}{self.target.indicator}增速",
                         benchmark=benchmark, benchmark_label=benchmark_label, path=path)

    def _rates(self, place: str, indicator: str) -> tuple[SeriesPoint, ...]:
        """Published annual growth rates after the base year; a revision replaces its period."""
        by_period: dict[str, Observation] = {}
        for o in self._observations:
            if (o.place == place and o.indicator == indicator
                    and o.kind is ObservationKind.GROWTH_PCT and o.period.is_annual
                    and (self.start is None or o.period.year > self.start)
                    and (self.target.year is None or o.period.year <= self.target.year)):
                by_period[o.period.label] = o
        ordered = sorted(by_period.values(), key=lambda o: o.period.t)
        return tuple(SeriesPoint(o.period.t, o.value, o.period.label,
                                 o.provenance is Provenance.ILLUSTRATIVE) for o in ordered)

    def _projection(self, deadline: float | None) -> tuple[float, float] | None:
        projected = self.assessment.projected
        if deadline is None or projected is None or math.isnan(projected):
            return None
        return (deadline, projected)

    def _band(self, deadline: float | None) -> tuple[float, float] | None:
        interval = self.assessment.interval
        if deadline is None or interval is None:
            return None
        return (interval[0], interval[1])
