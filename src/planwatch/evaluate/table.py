"""The engine's bulk input and output: targets and their data as columns of NumPy arrays.

A million targets cannot be a million objects per call; both engines (the vectorised one in
engine.py and the per-target reference in reference.py) read a TargetTable and write a
ResultTable. `prepare.build_table` makes one from domain objects; a benchmark or the web app
can fill one directly.

Each target's data sit in one row of `values`: column k holds the figure for year start + k
(column 0 is the base year), in the target's working quantity:
- level, share, multiple, zero, bound_each_year, direction_only, milestone: the level;
- growth: the growth index (base year = 1, times 1 + g each year);
- cumulative, count: the year's flow (column 0 unused);
- relative: the year's gap, own growth − benchmark growth, in points (column 0 unused).
A part-year figure later than the last full year goes in part_time/part_value: a level, an
index, or the year-to-date flow of that year.

A target on a custom path (the plan's own annual decomposition, methodology §6.2) has its
schedule in the same layout: column k of `schedule` is where the path stands at the end of
year start + k, in the working quantity (a level, the growth index, a flow's running total);
every column from 1 to the deadline is set and the deadline's is the goal. Between the year
ends the path runs straight on the working scale (in logs on a log-scale row); column 0 is
not read (the path starts from the base, or from 0 for flows). Other rows are all NaN.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from planwatch.domain.vocabulary import Kind, Scope

KINDS: tuple[Kind, ...] = tuple(Kind)
KIND_CODE = {kind: number for number, kind in enumerate(KINDS)}
SCOPES: tuple[Scope, ...] = tuple(Scope)
SCOPE_CODE = {scope: number for number, scope in enumerate(SCOPES)}

(LEVEL, GROWTH, CUMULATIVE, COUNT, MULTIPLE, RELATIVE, ZERO, SHARE, BOUND_EACH_YEAR, MILESTONE,
 DIRECTION_ONLY) = (KIND_CODE[kind] for kind in (
    Kind.LEVEL, Kind.GROWTH, Kind.CUMULATIVE, Kind.COUNT, Kind.MULTIPLE, Kind.RELATIVE,
    Kind.ZERO, Kind.SHARE, Kind.BOUND_EACH_YEAR, Kind.MILESTONE, Kind.DIRECTION_ONLY))
END_YEAR, EACH_YEAR, PERIOD_AVERAGE = (SCOPE_CODE[s] for s in (
    Scope.END_YEAR, Scope.EACH_YEAR, Scope.PERIOD_AVERAGE))

# Kinds judged against a path from the base to the goal (§6.2), and the other families.
PATH_KINDS = (LEVEL, SHARE, MULTIPLE, MILESTONE, GROWTH)
FLOW_KINDS = (CUMULATIVE, COUNT)


@dataclass
class TargetTable:
    kind: np.ndarray  # int8 code into KINDS
    sign: np.ndarray  # float: +1 when higher is better, −1 when lower is better
    band: np.ndarray  # bool: judged on both sides, |y − goal| ≤ tolerance ("稳定在", "~")
    log_path: np.ndarray  # bool: geometric path and log-scale model suit the quantity
    percent: np.ndarray  # bool: a % quantity, whose prior volatility is in points
    binding: np.ndarray  # bool: 约束性
    scope: np.ndarray  # int8 code into SCOPES
    start: np.ndarray  # float: the base year t0
    deadline: np.ndarray  # float: the deadline year T
    goal: np.ndarray  # float: G (a relative target's margin; NaN for direction_only)
    tolerance: np.ndarray  # float, in the working quantity
    values: np.ndarray  # float (n, width): column k is year start + k; NaN where missing
    part_time: np.ndarray  # float: time of a part-year figure (2023H1 → 2022.5); NaN if none
    part_value: np.ndarray  # float
    pending: np.ndarray  # bool: the benchmark of the latest year is not yet published
    schedule: np.ndarray  # float (n, width): a custom path's year-end values; NaN otherwise

    def __post_init__(self) -> None:
        n = len(self.kind)
        for field in fields(self):
            column = getattr(self, field.name)
            if len(column) != n:
                raise ValueError(f"TargetTable.{field.name} has {len(column)} rows, not {n}")
        if self.values.ndim != 2 or self.schedule.ndim != 2:
            raise ValueError("TargetTable.values and .schedule must be 2-D arrays")

    def __len__(self) -> int:
        return len(self.kind)

    @classmethod
    def empty(cls, n: int, width: int) -> TargetTable:
        """A table of n targets with `width` years of data, all data missing."""
        nan = np.full(n, np.nan)
        return cls(
            kind=np.zeros(n, np.int8), sign=np.ones(n), band=np.zeros(n, bool),
            log_path=np.zeros(n, bool), percent=np.zeros(n, bool), binding=np.zeros(n, bool),
            scope=np.zeros(n, np.int8), start=nan.copy(), deadline=nan.copy(),
            goal=nan.copy(), tolerance=np.zeros(n), values=np.full((n, width), np.nan),
            part_time=nan.copy(), part_value=nan.copy(), pending=np.zeros(n, bool),
            schedule=np.full((n, width), np.nan))

    def put_row(self, row: int, other: TargetTable, other_row: int = 0) -> None:
        """Row `row` becomes row `other_row` of another table (its years beyond the other
        table's width missing)."""
        for field in fields(self):
            column, theirs = getattr(self, field.name), getattr(other, field.name)[other_row]
            if column.ndim == 2:
                width = min(column.shape[1], len(theirs))
                column[row] = np.nan
                column[row, :width] = theirs[:width]
            else:
                column[row] = theirs

    def take(self, rows: np.ndarray | slice, *, values: bool = True) -> TargetTable:
        """The table of the given rows; without `values` its figures and schedule matrices
        are left empty (for a caller that holds them in another layout, or needs them only
        for some rows)."""
        columns = {f.name: getattr(self, f.name)[rows] for f in fields(self)
                   if f.name not in ("values", "schedule")}
        n = len(columns["kind"])
        if values:
            return TargetTable(**columns, values=self.values[rows], schedule=self.schedule[rows])
        return TargetTable(**columns, values=np.empty((n, 0)), schedule=np.empty((n, 0)))


RESULT_FLOATS = ("probability", "progress", "elapsed", "ratio", "gap", "projected", "low",
                 "high", "required_rate", "observed_rate", "latest_time", "latest_value",
                 "breaches", "scheduled")


@dataclass
class ResultTable:
    status: np.ndarray  # int8 code into labels.STATUSES
    outlook: np.ndarray  # int8 code into labels.OUTLOOKS
    warning: np.ndarray  # bool: 预警
    log_scale: np.ndarray  # bool: rates are % growth (geometric), not units a year
    probability: np.ndarray
    progress: np.ndarray  # π
    elapsed: np.ndarray  # τ
    ratio: np.ndarray  # ρ
    gap: np.ndarray  # Δ: ahead of (+) or behind (−) the path, in the target's unit
    projected: np.ndarray  # at the deadline (growth: average annual %; relative: points)
    low: np.ndarray  # 80 % interval
    high: np.ndarray
    required_rate: np.ndarray  # per year for the rest of the period
    observed_rate: np.ndarray  # per year so far
    latest_time: np.ndarray  # t of the latest figure used
    latest_value: np.ndarray
    breaches: np.ndarray  # years outside a bound (bound_each_year, relative each_year)
    scheduled: np.ndarray  # S(t): where the path stands at latest_time (path and flow kinds)

    @classmethod
    def empty(cls, n: int) -> ResultTable:
        from .labels import INSUFFICIENT_DATA, NO_OUTLOOK

        return cls(status=np.full(n, INSUFFICIENT_DATA, np.int8),
                   outlook=np.full(n, NO_OUTLOOK, np.int8), warning=np.zeros(n, bool),
                   log_scale=np.zeros(n, bool),
                   **{name: np.full(n, np.nan) for name in RESULT_FLOATS})

    def __len__(self) -> int:
        return len(self.status)

    def put(self, rows: np.ndarray | slice, part: ResultTable) -> None:
        for field in fields(self):
            getattr(self, field.name)[rows] = getattr(part, field.name)

    def row(self, i: int) -> dict:
        return {field.name: getattr(self, field.name)[i].item() for field in fields(self)}
