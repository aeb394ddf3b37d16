"""The plan's vocabulary as plain typed records: no database, no framework.

The Django models in planwatch.web mirror these; the core (planfile, extract, evaluate,
reports) works on these alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

from .periods import Period
from .vocabulary import (
    Attribute,
    Comparator,
    Direction,
    Frequency,
    Kind,
    ObservationKind,
    PathShape,
    ProjectStage,
    Provenance,
    Scope,
    TaskStatus,
)


@dataclass(frozen=True)
class Span:
    """[start, end) character offsets into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class Jurisdiction:
    name: str  # 绿园区
    level: str  # province | city | district | county | town | zone
    parent: str | None = None  # the parent's name: 长春市
    code: str | None = None  # administrative division code, e.g. 220106


@dataclass(frozen=True)
class Department:
    name: str  # 区发展和改革局
    short_name: str | None = None  # 发改局


@dataclass
class Goal:
    """A node of the plan's goal tree: vision, horizon goal, goal area, key-work area, measure."""

    key: str  # stable identifier within the plan, e.g. "fyp.economy"
    title: str
    level: str  # vision | horizon | area | annual_area | measure
    year: int | None = None  # the year of an annual key-work area
    span: Span | None = None
    children: list[Goal] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    direction: Direction = Direction.HIGHER
    definition: str = ""
    attribute: Attribute = Attribute.EXPECTED
    frequency: Frequency = Frequency.ANNUAL
    department: str | None = None  # the department that reports it


@dataclass(frozen=True)
class Benchmark:
    """What a relative target is compared against: another indicator, or another place's."""

    indicator: str
    place: str | None = None  # None: the target's own place
    margin: float = 0.0  # 个百分点 the target must exceed the benchmark by


# Kinds a plan can schedule year by year (总施工图): amounts, rates and totals on a path.
SCHEDULED_KINDS = (Kind.LEVEL, Kind.SHARE, Kind.GROWTH, Kind.CUMULATIVE, Kind.COUNT)
# How far a schedule's last year may sit from the goal: published decompositions round.
SCHEDULE_RELATIVE_SLACK = 1e-3
SCHEDULE_GROWTH_SLACK_POINTS = 0.05  # a growth target's compounded average, in points


@dataclass
class Target:
    id: str
    indicator: str
    kind: Kind
    comparator: Comparator
    value: float | None
    unit: str
    year: int | None  # the deadline year
    period_start: int | None = None
    place: str | None = None
    goal: str | None = None  # the key of the goal it belongs to
    base_year: int | None = None
    base_value: float | None = None
    tolerance: float = 0.0
    attribute: Attribute = Attribute.EXPECTED
    scope: Scope = Scope.END_YEAR
    path: PathShape | None = None  # None: chosen by kind and unit
    # path CUSTOM: the target's own measure scheduled at the end of each year (the plan's
    # annual decomposition): a level; a cumulative or count target's running total; a growth
    # target's average annual growth since the base. The deadline year's value is the goal.
    schedule: dict[int, float] = field(default_factory=dict)
    direction: Direction | None = None  # None: from the comparator, else higher is better
    benchmark: Benchmark | None = None
    department: str | None = None
    deadline: date | None = None  # a dated target within its year: "五一"前 → 2021-04-30
    text: str = ""  # the source sentence, verbatim
    span: Span | None = None
    note: str = ""

    @property
    def good_direction(self) -> Direction:
        if self.direction is not None:
            return self.direction
        return self.comparator.direction or Direction.HIGHER

    @property
    def start_year(self) -> int | None:
        """The base year t0: base_year, else the year before the period starts."""
        if self.base_year is not None:
            return self.base_year
        return None if self.period_start is None else self.period_start - 1

    def schedule_problems(self) -> list[tuple[str, str]]:
        """What is wrong with the target's schedule, as (field, reason); empty when a custom
        path can be followed (or the target has neither)."""
        custom = self.path is PathShape.CUSTOM
        if not self.schedule:
            return [("schedule", "custom 路径需要逐年进度表 schedule / a custom path needs its "
                                 "schedule")] if custom else []
        if not custom:
            return [("path", "有逐年进度表 schedule 时 path 应为 custom / a schedule needs "
                             "path: custom")]
        if self.kind not in SCHEDULED_KINDS:
            names = "、".join(kind.value for kind in SCHEDULED_KINDS)
            return [("schedule", f"{self.kind.value} 目标不按年度进度表评估(只有 {names}) / "
                                 "this kind has no yearly schedule")]
        problems = []
        start = self.start_year
        for year, value in sorted(self.schedule.items()):
            if start is not None and self.year is not None and not start < year <= self.year:
                problems.append((f"schedule.{year}", f"年份 {year} 不在基期 {start} 之后、目标年 "
                                 f"{self.year} 之前 / year outside base..deadline"))
            elif not math.isfinite(value):
                problems.append((f"schedule.{year}", f"数值必须是有限数 {value!r} / value must "
                                 "be finite"))
        if self.year is not None and self.value is not None and not problems:
            last = self.schedule.get(self.year)
            if last is None:
                problems.append(("schedule", f"进度表须给出目标年 {self.year} 的值(即目标值) / "
                                             "the schedule must reach the deadline year"))
            elif not self._ends_on_goal(last):
                problems.append((f"schedule.{self.year}", f"目标年的进度值 {last:g} 应等于目标值 "
                                 f"{self.value:g} / the schedule must end on the goal"))
        return problems

    def _ends_on_goal(self, last: float) -> bool:
        if self.kind is Kind.GROWTH:
            return abs(last - self.value) <= SCHEDULE_GROWTH_SLACK_POINTS + 1e-9
        return math.isclose(last, self.value, rel_tol=SCHEDULE_RELATIVE_SLACK, abs_tol=1e-9)


@dataclass(frozen=True)
class Observation:
    place: str
    indicator: str
    period: Period
    value: float
    unit: str
    kind: ObservationKind = ObservationKind.LEVEL
    source: str = ""
    provenance: Provenance = Provenance.OFFICIAL
    recorded_by: str | None = None
    recorded_at: datetime | None = None


@dataclass
class Task:
    """A piece of annual key work (重点工作) under a goal."""

    key: str
    title: str
    year: int
    goal: str | None = None
    lead_department: str | None = None
    departments: list[str] = field(default_factory=list)
    deadline: date | None = None
    status: TaskStatus = TaskStatus.NOT_STARTED
    span: Span | None = None


@dataclass(frozen=True)
class StageTransition:
    stage: ProjectStage
    on: date
    evidence: str = ""


@dataclass
class Project:
    """A key investment project (重点项目) and the dated stages it has reached."""

    key: str
    name: str
    investment: float | None = None  # planned total, 亿元
    completed_investment: float | None = None  # 亿元
    department: str | None = None
    location: str = ""
    project_type: str = ""
    flags: list[str] = field(default_factory=list)  # 亿元以上, 三早 …
    stages: list[StageTransition] = field(default_factory=list)
    provenance: Provenance = Provenance.ILLUSTRATIVE

    def stage_on(self, day: date) -> ProjectStage | None:
        """The furthest stage the project had reached on a day."""
        reached = [s.stage for s in self.stages if s.on <= day]
        return max(reached, key=lambda stage: stage.order) if reached else None


@dataclass
class Plan:
    name: str  # short identifier used on the command line: luyuan
    title: str  # 长春市绿园区国民经济和社会发展第十四个五年规划
    jurisdiction: Jurisdiction
    period_start: int = 2021
    period_end: int = 2025
    base_year: int = 2020
    horizons: list[int] = field(default_factory=list)  # 2030, 2035
    source_text: str = ""  # the plan document, verbatim; spans point into it
    source_title: str = ""
    source_url: str = ""
    jurisdictions: list[Jurisdiction] = field(default_factory=list)  # parents, siblings
    departments: list[Department] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)

    def walk_goals(self):
        for goal in self.goals:
            yield from goal.walk()
