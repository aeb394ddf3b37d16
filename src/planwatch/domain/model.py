"""The plan's vocabulary as plain typed records: no database, no framework.

The Django models in planwatch.web mirror these; the core (planfile, extract, evaluate,
reports) works on these alone.
"""

from __future__ import annotations

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
