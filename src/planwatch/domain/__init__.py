"""The shared vocabulary of planwatch: targets, observations, units, periods."""

from .model import (
    Benchmark,
    Department,
    Goal,
    Indicator,
    Jurisdiction,
    Observation,
    Plan,
    Project,
    Span,
    StageTransition,
    Target,
    Task,
)
from .periods import Period, PeriodError, parse_period, time_of
from .units import Unit, UnitError, compatible, conversion_factor, convert, parse_unit
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

__all__ = [
    "Attribute", "Benchmark", "Comparator", "Department", "Direction", "Frequency", "Goal",
    "Indicator", "Jurisdiction", "Kind", "Observation", "ObservationKind", "PathShape", "Period",
    "PeriodError", "Plan", "Project", "ProjectStage", "Provenance", "Scope", "Span",
    "StageTransition", "Target", "Task", "TaskStatus", "Unit", "UnitError", "compatible",
    "conversion_factor", "convert", "parse_period", "parse_unit", "time_of",
]
