"""The project pipeline in numbers, pure: where the projects stand on a day (by stage and by
department, counts, planned and completed investment) and what moved in each month of a
year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from planwatch.domain.model import Project
from planwatch.domain.vocabulary import ProjectStage

STAGES = list(ProjectStage)
NO_DEPARTMENT = "未明确责任单位"


@dataclass
class Cell:
    count: int = 0
    investment: float = 0.0  # planned total investment, 亿元
    completed: float = 0.0  # investment completed so far, 亿元

    def add(self, project: Project) -> None:
        self.count += 1
        self.investment += project.investment or 0.0
        self.completed += project.completed_investment or 0.0


@dataclass
class Row:
    """One line of a pipeline table: a cell per stage and the line's total."""

    label: str
    cells: dict[ProjectStage, Cell] = field(default_factory=lambda: {s: Cell() for s in STAGES})
    total: Cell = field(default_factory=Cell)

    def add(self, stage: ProjectStage, project: Project) -> None:
        self.cells[stage].add(project)
        self.total.add(project)

    def in_order(self) -> list[Cell]:
        return [self.cells[s] for s in STAGES]


def by_stage(projects: Iterable[Project], day: date) -> Row:
    """How many projects stand at each stage on `day` (their furthest stage reached)."""
    row = Row("合计")
    for project in projects:
        stage = project.stage_on(day)
        if stage is not None:
            row.add(stage, project)
    return row


def by_department(projects: Iterable[Project], day: date) -> list[Row]:
    """The same, one row per responsible department, in name order."""
    rows: dict[str, Row] = {}
    for project in projects:
        stage = project.stage_on(day)
        if stage is None:
            continue
        name = project.department or NO_DEPARTMENT
        rows.setdefault(name, Row(name)).add(stage, project)
    return [rows[name] for name in sorted(rows)]


def by_month(projects: Iterable[Project], year: int) -> list[Row]:
    """Per month of `year`: how many projects passed into each stage that month. The
    month's total counts each project once, however many stages it passed that month, so
    its investment sums are those of the projects that moved."""
    rows = [Row(f"{year}-{month:02d}") for month in range(1, 13)]
    for project in projects:
        moved: set[int] = set()
        for transition in project.stages:
            if transition.on.year == year:
                row = rows[transition.on.month - 1]
                row.cells[transition.stage].add(project)
                moved.add(transition.on.month)
        for month in moved:
            rows[month - 1].total.add(project)
    return rows


def default_day(projects: Iterable[Project], today: date) -> date:
    """The day the pipeline page opens on: the end of the latest year in which a project
    passed a stage, no later than today (today when nothing is recorded) — a ledger whose
    last movement is years old is shown as it stood then, not as an empty current year."""
    days = [t.on for project in projects for t in project.stages if t.on <= today]
    if not days:
        return today
    return min(date(max(days).year, 12, 31), today)
