"""From domain objects (Target, Observation) to the engine's columnar TargetTable.

This is where the kinds of figures meet the kinds of targets: units are converted to the
target's, growth rates are chained into an index, year-to-date figures become part-year
flows, a relative target's own growth is set against its benchmark's, and data published
after the as-of date are left out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from planwatch.domain.model import Observation, Target
from planwatch.domain.units import UnitError, conversion_factor, parse_unit
from planwatch.domain.vocabulary import (
    Attribute,
    Comparator,
    Kind,
    ObservationKind,
    PathShape,
    Provenance,
)

from . import table as T
from .config import DEFAULT_CONFIG, EvaluationConfig
from .table import TargetTable


class EvaluationError(ValueError):
    """Targets or observations the engine cannot judge; the message names target and field."""


# Dimensions whose quantities move additively (linear path) rather than by growth.
_ADDITIVE_DIMENSIONS = {"percent", "percentage_point", "ratio", "multiple", "rank", "years",
                        "days"}
_LEVEL_FIGURES = (ObservationKind.LEVEL, ObservationKind.COUNT)
_FLOW_FIGURES = (ObservationKind.LEVEL, ObservationKind.COUNT, ObservationKind.CUMULATIVE)


@dataclass(frozen=True)
class TargetInfo:
    """What explanations and reports need to know about a target beyond the numbers."""

    id: str
    indicator: str
    kind: Kind
    place: str | None  # None: named nowhere, and there are no figures anyway
    unit: str  # the unit of latest_value, projected and rates per year
    start: int
    deadline: int
    value: float | None
    binding: bool
    goal: str | None
    benchmark: str = ""  # a relative target's benchmark, in words
    margin: float = 0.0  # points a relative target must beat its benchmark by
    band: bool = False  # judged on both sides: within tolerance of the goal
    tolerance: float = 0.0  # in the target's unit (a growth target's: in the index)
    provenance: str | None = None  # the weakest provenance among the figures in its window
    custom_path: bool = False  # 序时进度 follows the plan's own annual decomposition
    # The part-year point is 折年 (annualised): the last full year's level carried on by the part year's
    # growth rate, not a figure as published; part_published is the part year's own stored
    # level (half a year's GDP), when there is one, in the target's unit.
    annualised: bool = False
    part_published: float | None = None


def build_table(targets: list[Target], observations: list[Observation], as_of: date, *,
                place: str | None = None,
                config: EvaluationConfig = DEFAULT_CONFIG) -> tuple[TargetTable, list[TargetInfo]]:
    """The TargetTable of `targets` with the observations published by `as_of`.

    `place` is the jurisdiction of targets that name none; without it, the single place the
    observations cover (EvaluationError if they cover several).
    """
    published = [obs for obs in observations if obs.period.end_date <= as_of]
    series: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for obs in published:
        series[(obs.place, obs.indicator)].append(obs)
    default_place = place or _single_place(targets, observations)
    spans = [_years(target) for target in targets]
    width = max([deadline - start + 1 for start, deadline in spans] + [2])
    table = TargetTable.empty(len(targets), width)
    infos = []
    for row, (target, (start, deadline)) in enumerate(zip(targets, spans, strict=True)):
        target_place = target.place or default_place
        builder = _Row(table, row, target, start, deadline, config)
        benchmark = builder.fill(series, target_place)
        if builder.due_within_year:  # "五一"前: judged on the part-year figure dated then
            table.deadline[row] = plan_time(target.deadline)
        infos.append(TargetInfo(
            id=target.id, indicator=target.indicator, kind=target.kind, place=target_place,
            unit=builder.unit, start=start, deadline=deadline, value=target.value,
            binding=target.attribute is Attribute.BINDING, goal=target.goal,
            benchmark=benchmark,
            margin=target.benchmark.margin if target.benchmark is not None else 0.0,
            band=bool(table.band[row]), tolerance=float(table.tolerance[row]),
            provenance=builder.weakest_provenance(),
            custom_path=target.path is PathShape.CUSTOM, annualised=builder.annualised,
            part_published=builder.part_published))
    return table, infos


def plan_time(as_of: date) -> float:
    """as_of on the plan's time axis, counting whole months: a period that ends on or before
    as_of sits at or before it (30 June 2024 → 2023.5, the place of 2024H1 figures)."""
    next_day = date.fromordinal(as_of.toordinal() + 1)
    months = as_of.month if next_day.month != as_of.month else as_of.month - 1
    return as_of.year - 1 + months / 12


def _single_place(targets: list[Target], observations: list[Observation]) -> str | None:
    if all(target.place for target in targets):
        return None
    places = sorted({obs.place for obs in observations})
    if len(places) <= 1:  # no figures at all: the place changes nothing
        return places[0] if places else None
    unplaced = next(target for target in targets if not target.place)
    raise EvaluationError(
        f"target {unplaced.id}: place: not given, and the observations cover "
        f"{len(places)} places ({', '.join(places) or 'none'}); name the target's place")


def _years(target: Target) -> tuple[int, int]:
    if target.year is None:
        raise EvaluationError(f"target {target.id}: year: no deadline year")
    if target.base_year is not None:
        start = target.base_year
    elif target.period_start is not None:
        start = target.period_start - 1
    else:
        raise EvaluationError(f"target {target.id}: base_year: neither base_year nor "
                              "period_start is given")
    if target.year <= start:
        raise EvaluationError(f"target {target.id}: year: deadline {target.year} is not after "
                              f"the base year {start}")
    return start, target.year


class _Row:
    """Fills one row of the table from a target and its observations."""

    def __init__(self, table: TargetTable, row: int, target: Target, start: int, deadline: int,
                 config: EvaluationConfig) -> None:
        self.table, self.row, self.target = table, row, target
        self.start, self.deadline, self.config = start, deadline, config
        self.values = table.values[row]
        self.unit = target.unit
        self.provenances: set[Provenance] = set()
        self.annualised, self.part_published = False, None
        self.due_within_year = (target.deadline is not None and target.deadline.year == deadline
                                and target.deadline < date(deadline, 12, 31))
        # A full-year figure of a year whose deadline falls within it comes too late to count.
        self.last_column = deadline - start - (1 if self.due_within_year else 0)

    # -------------------------------------------------------------- shared helpers

    def error(self, field: str, reason: str) -> EvaluationError:
        return EvaluationError(f"target {self.target.id}: {field}: {reason}")

    def column(self, year: int) -> int | None:
        k = year - self.start
        return k if 0 <= k <= self.last_column else None

    def converted(self, obs: Observation, unit: str) -> float:
        try:
            return obs.value * conversion_factor(obs.unit, unit)
        except UnitError as exc:
            raise self.error("unit", f"observation {obs.place}/{obs.indicator}/{obs.period}: "
                             f"{exc}") from None

    def dimension(self, unit: str) -> str:
        try:
            return parse_unit(unit).dimension
        except UnitError as exc:
            raise self.error("unit", str(exc)) from None

    def seen(self, observations: list[Observation]) -> None:
        self.provenances.update(obs.provenance for obs in observations
                                if self.column(obs.period.year) is not None)

    def weakest_provenance(self) -> str | None:
        for provenance in (Provenance.ILLUSTRATIVE, Provenance.ESTIMATE, Provenance.OFFICIAL):
            if provenance in self.provenances:
                return provenance.value
        return None

    def set(self, **columns) -> None:
        for name, value in columns.items():
            getattr(self.table, name)[self.row] = value

    # -------------------------------------------------------------- per kind

    def fill(self, series: dict, place: str | None) -> str:
        target = self.target
        kind = target.kind
        self.set(kind=T.KIND_CODE[kind], start=self.start, deadline=self.deadline,
                 binding=target.attribute is Attribute.BINDING,
                 scope=T.SCOPE_CODE[target.scope], tolerance=target.tolerance,
                 sign=-1.0 if kind is Kind.ZERO else float(target.good_direction.sign),
                 band=target.comparator is Comparator.APPROX
                 and kind in (Kind.BOUND_EACH_YEAR, Kind.RELATIVE))
        own = series.get((place, target.indicator), [])
        self.seen(own)
        if kind is Kind.GROWTH:
            self.fill_growth(own)
        elif kind in (Kind.CUMULATIVE, Kind.COUNT):
            self.fill_flows(own)
        elif kind is Kind.RELATIVE:
            return self.fill_relative(series, place, own)
        else:
            self.fill_levels(own)
        if target.path is PathShape.CUSTOM or target.schedule:
            self.fill_schedule()
        return ""

    def fill_schedule(self) -> None:
        """A custom path's year-end values in the working quantity; a year the plan leaves
        out is filled between its neighbours on the working scale, and the deadline's value
        is the goal itself (the schedule was checked to end on it)."""
        target = self.target
        problems = target.schedule_problems()
        if problems:
            raise self.error(*problems[0])
        kind, years = target.kind, self.deadline - self.start
        waypoints = {}
        for year, value in target.schedule.items():
            k = year - self.start
            if kind is Kind.GROWTH:
                value = (1 + value / 100) ** k
            waypoints[k] = value
        waypoints[years] = float(self.table.goal[self.row])
        geometric = bool(self.table.log_path[self.row]) and all(
            value > 0 for value in waypoints.values())
        known = sorted(waypoints)
        origin = 0.0 if kind in (Kind.CUMULATIVE, Kind.COUNT) else self.values[0]
        for k in range(1, years + 1):
            if k in waypoints:
                self.table.schedule[self.row, k] = waypoints[k]
                continue
            before = max([j for j in known if j < k], default=0)
            after = min(j for j in known if j > k)
            low = waypoints.get(before, origin)
            share = (k - before) / (after - before)
            high = waypoints[after]
            self.table.schedule[self.row, k] = (
                low * (high / low) ** share if geometric and low > 0
                else low + (high - low) * share)

    def fill_levels(self, own: list[Observation]) -> None:
        target, kind = self.target, self.target.kind
        if kind is Kind.MULTIPLE:
            # 翻番: the goal is a multiple of the base, in the figures' own unit.
            levels = [obs for obs in own if obs.kind in _LEVEL_FIGURES]
            self.unit = levels[0].unit if levels else target.unit
        dimension = self.dimension(self.unit)
        additive = dimension in _ADDITIVE_DIMENSIONS
        # A custom path keeps the working scale of its kind and unit: the plan's schedule
        # decides where the path runs, not whether the quantity grows or adds.
        log_path = (target.path is PathShape.GEOMETRIC or (
            target.path in (None, PathShape.CUSTOM) and kind in (Kind.LEVEL, Kind.MULTIPLE)
            and not additive))
        self.set(log_path=log_path, percent=dimension in ("percent", "percentage_point"))
        growth: dict[int, float] = {}
        for obs in own:
            k = self.column(obs.period.year)
            if k is None or not obs.period.is_annual:
                continue
            if obs.kind in _LEVEL_FIGURES:
                self.values[k] = self.converted(obs, self.unit)
            elif obs.kind is ObservationKind.GROWTH_PCT:
                growth[k] = obs.value
        if log_path:  # a growth rate carries a level forward where the level is missing
            for k in range(1, len(self.values)):
                if math.isnan(self.values[k]) and not math.isnan(self.values[k - 1]) \
                        and k in growth:
                    self.values[k] = self.values[k - 1] * (1 + growth[k] / 100)
        if target.base_value is not None:
            self.values[0] = target.base_value
        elif kind is Kind.MILESTONE and math.isnan(self.values[0]):
            self.values[0] = 0.0
        self.fill_part(own, log_path)
        base = self.values[0]
        if kind is Kind.MULTIPLE:
            goal = target.value * base if target.value is not None else math.nan
        elif kind is Kind.ZERO:
            goal = target.value if target.value is not None else 0.0
        elif kind is Kind.DIRECTION_ONLY or target.value is None:
            goal = math.nan
        else:
            goal = target.value
        self.set(goal=goal)

    def last_filled(self) -> int:
        filled = [k for k in range(1, len(self.values)) if not math.isnan(self.values[k])]
        return filled[-1] if filled else 0

    def fill_part(self, own: list[Observation], log_path: bool) -> None:
        """The latest part-year figure of the year after the last full year: a level for
        additive quantities, a growth rate carried onto the level for growing ones."""
        year = self.start + self.last_filled() + 1
        wanted = (ObservationKind.GROWTH_PCT,) if log_path else _LEVEL_FIGURES
        candidates = [obs for obs in own if obs.period.year == year and obs.kind in wanted
                      and not obs.period.is_annual and year <= self.deadline]
        if not candidates:
            return
        obs = max(candidates, key=lambda o: o.period.months)
        if log_path:
            previous = self.values[year - 1 - self.start]
            value = previous * (1 + obs.value / 100) ** obs.period.fraction
        else:
            value = self.converted(obs, self.unit)
        if not math.isnan(value):  # a growth rate with no level to carry is no figure
            self.set(part_time=obs.period.t, part_value=value)
            if log_path:
                self.annualised = True
                published = [o for o in own if o.period == obs.period
                             and o.kind in _LEVEL_FIGURES]
                if published:  # the later row wins, as for every figure
                    self.part_published = self.converted(published[-1], self.unit)

    def fill_growth(self, own: list[Observation]) -> None:
        """年均增长 g*: chain the yearly growth rates (or ratios of levels) into an index."""
        target = self.target
        if target.value is None:
            raise self.error("value", "a growth target needs its rate")
        self.unit = "%"
        self.set(log_path=True, percent=False)
        rates, levels = self.annual_rates_and_levels(own)
        self.values[0] = 1.0
        anchor = 0 if 0 in levels else None  # the latest column with both level and index
        for k in range(1, len(self.values)):
            if k in rates and not math.isnan(self.values[k - 1]):
                self.values[k] = self.values[k - 1] * (1 + rates[k] / 100)
            elif k in levels and anchor is not None:
                self.values[k] = self.values[anchor] * levels[k] / levels[anchor]
            if k in levels and not math.isnan(self.values[k]):
                anchor = k
        last = self.last_filled()
        year = self.start + last + 1
        partial = [obs for obs in own if obs.period.year == year and not obs.period.is_annual
                   and obs.kind is ObservationKind.GROWTH_PCT and year <= self.deadline]
        if partial and not math.isnan(self.values[last]):
            obs = max(partial, key=lambda o: o.period.months)
            self.set(part_time=obs.period.t, part_value=self.values[last] * (
                1 + obs.value / 100) ** obs.period.fraction)
        years = self.deadline - self.start
        tolerance = target.tolerance or (self.config.approx_growth_tolerance
                                         if target.comparator is Comparator.APPROX else 0.0)
        goal = (1 + target.value / 100) ** years
        self.set(goal=goal,
                 tolerance=goal - (1 + (target.value - tolerance) / 100) ** years)

    def fill_flows(self, own: list[Observation]) -> None:
        """累计 and 新建: the year's flow in each column, a year-to-date figure as part-year."""
        target = self.target
        if target.value is None or target.value <= 0:
            raise self.error("value", "a cumulative or count target needs a positive total")
        self.set(goal=target.value, log_path=False,
                 percent=self.dimension(self.unit) in ("percent", "percentage_point"))
        for obs in own:
            k = self.column(obs.period.year)
            if k and obs.period.is_annual and obs.kind in _FLOW_FIGURES:
                self.values[k] = self.converted(obs, self.unit)
        year = self.start + self.last_filled() + 1
        within = [obs for obs in own if obs.period.year == year and not obs.period.is_annual
                  and obs.kind in _FLOW_FIGURES and year <= self.deadline]
        if not within:
            return
        latest = max(within, key=lambda o: (o.period.months, o.kind is ObservationKind.CUMULATIVE))
        if latest.kind is ObservationKind.CUMULATIVE:
            value = self.converted(latest, self.unit)
        else:  # flows of single months or quarters add up to the year so far
            value = sum(self.converted(obs, self.unit) for obs in within
                        if obs.kind is not ObservationKind.CUMULATIVE
                        and obs.period.span == latest.period.span)
        self.set(part_time=latest.period.t, part_value=value)

    def fill_relative(self, series: dict, place: str, own: list[Observation]) -> str:
        """A growth gap to a benchmark: own growth − benchmark growth, year by year."""
        target = self.target
        benchmark = target.benchmark
        if benchmark is None:
            raise self.error("benchmark", "a relative target needs a benchmark "
                             "{indicator, place, margin}")
        bench_place = benchmark.place or place
        mine = self.yearly_growth(own)
        bench_series = series.get((bench_place, benchmark.indicator), [])
        self.seen(bench_series)
        theirs = self.yearly_growth(bench_series)
        for k, rate in mine.items():
            if k in theirs:
                self.values[k] = rate - theirs[k]
        latest_own = max(mine, default=0)
        tolerance = target.tolerance or (self.config.approx_growth_tolerance
                                         if target.comparator is Comparator.APPROX else 0.0)
        self.unit = "个百分点"
        self.set(goal=benchmark.margin, tolerance=tolerance, log_path=False, percent=True,
                 pending=latest_own > 0 and latest_own not in theirs)
        where = "" if bench_place == place else bench_place
        return f"{where}{benchmark.indicator}"

    def annual_rates_and_levels(self, observations: list[Observation]
                                ) -> tuple[dict[int, float], dict[int, float]]:
        """Full-year growth rates (%) and levels (in the first level's unit) by column."""
        rates, levels = {}, {}
        level_unit = None
        for obs in observations:
            k = self.column(obs.period.year)
            if k is None or not obs.period.is_annual:
                continue
            if obs.kind is ObservationKind.GROWTH_PCT:
                rates[k] = obs.value
            elif obs.kind is ObservationKind.LEVEL:
                level_unit = level_unit or obs.unit
                levels[k] = self.converted(obs, level_unit)
        return rates, levels

    def yearly_growth(self, observations: list[Observation]) -> dict[int, float]:
        rates, levels = self.annual_rates_and_levels(observations)
        for k in levels:
            if k not in rates and k - 1 in levels and levels[k - 1] > 0 and k >= 1:
                rates[k] = (levels[k] / levels[k - 1] - 1) * 100
        return {k: rate for k, rate in rates.items() if k >= 1}
