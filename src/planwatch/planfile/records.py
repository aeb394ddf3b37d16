"""Plan dataclasses ↔ plain YAML data, field by field, in the order a person reads them.

One table of fields per record serves both directions, so reading and writing cannot drift
apart: what `encode` leaves out (a field at its default) `decode` puts back.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from datetime import date
from typing import Any

from planwatch.domain import (
    Attribute,
    Benchmark,
    Comparator,
    Department,
    Direction,
    Frequency,
    Goal,
    Indicator,
    Jurisdiction,
    Kind,
    PathShape,
    Plan,
    Project,
    ProjectStage,
    Provenance,
    Scope,
    Span,
    StageTransition,
    Target,
    Task,
    TaskStatus,
)

from .yamltext import FlowList, FlowMap

QUALITATIVE_KINDS = frozenset({Kind.MILESTONE, Kind.DIRECTION_ONLY})
_UNSET = object()  # Field.absent not given


def _same(value: Any) -> Any:
    return value


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _plain_number(value: float | None) -> float | int | None:
    """8.0 is written 8: the file reads as the plan does, and 8 loads back as 8.0."""
    if value is not None and math.isfinite(value) and value == int(value) and abs(value) < 2**53:
        return int(value)
    return value


def _span(value: list[int]) -> Span:
    return Span(value[0], value[1])


def _span_data(span: Span) -> FlowList:
    return FlowList([span.start, span.end])


def _enum(enum_type) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    return enum_type, lambda member: member.value


def _schedule(data: dict[int, Any]) -> dict[int, float]:
    return {int(year): float(value) for year, value in data.items()}


def _schedule_data(schedule: dict[int, float]) -> FlowMap:
    return FlowMap((year, _plain_number(value)) for year, value in sorted(schedule.items()))


_DATE = (date.fromisoformat, date.isoformat)
_SPAN = (_span, _span_data)
_NUMBER = (_number, _plain_number)
_FLOW = (list, FlowList)
_LIST = (list, list)


@dataclasses.dataclass(frozen=True)
class Field:
    attr: str
    key: str = ""  # the YAML key, when it differs from the attribute
    codec: tuple[Callable[[Any], Any], Callable[[Any], Any]] = (_same, _same)
    # Write the field even at its default, when a reader would miss it: (record) → bool.
    shown: Callable[[Any], bool] | None = None
    # The value an absent key stands for, where the dataclass itself has no default.
    absent: Any = _UNSET

    @property
    def yaml_key(self) -> str:
        return self.key or self.attr


class Record:
    """How one dataclass is read from and written to a YAML mapping."""

    def __init__(self, cls: type, *fields: Field):
        self.cls = cls
        self.fields = fields
        self._defaults = {f.name: f for f in dataclasses.fields(cls)}

    def _default(self, field: Field) -> Any:
        if field.absent is not _UNSET:
            return field.absent
        spec = self._defaults[field.attr]
        if spec.default is not dataclasses.MISSING:
            return spec.default
        if spec.default_factory is not dataclasses.MISSING:
            return spec.default_factory()
        return dataclasses.MISSING

    def decode(self, data: dict[str, Any]) -> Any:
        values = {}
        for field in self.fields:
            if field.yaml_key in data and data[field.yaml_key] is not None:
                values[field.attr] = field.codec[0](data[field.yaml_key])
            elif field.yaml_key in data:
                values[field.attr] = None
            elif field.absent is not _UNSET:
                values[field.attr] = field.absent
        return self.cls(**values)

    def encode(self, record: Any) -> dict[str, Any]:
        data = {}
        for field in self.fields:
            value = getattr(record, field.attr)
            default = self._default(field)
            required = default is dataclasses.MISSING
            if not required and value == default and not (field.shown and field.shown(record)):
                continue
            data[field.yaml_key] = None if value is None else field.codec[1](value)
        return data


def _records(record: Record) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    return (lambda items: [record.decode(item) for item in items],
            lambda items: [record.encode(item) for item in items])


def _nested(record: Record) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    return record.decode, record.encode


JURISDICTION = Record(Jurisdiction, Field("name"), Field("level"), Field("code"), Field("parent"))
DEPARTMENT = Record(Department, Field("name"), Field("short_name"))
INDICATOR = Record(
    Indicator, Field("name"), Field("unit"), Field("direction", codec=_enum(Direction)),
    Field("attribute", codec=_enum(Attribute)), Field("frequency", codec=_enum(Frequency)),
    Field("department"), Field("definition"))
GOAL = Record(Goal, Field("key"), Field("level"), Field("title"), Field("year"),
              Field("span", codec=_SPAN))
# A goal's children are goals: the field refers to the record being defined.
GOAL.fields += (Field("children", codec=_records(GOAL)),)
BENCHMARK = Record(Benchmark, Field("indicator"), Field("place", shown=lambda b: True),
                   Field("margin", codec=_NUMBER, shown=lambda b: True))


def _quantitative(target: Target) -> bool:
    return target.kind not in QUALITATIVE_KINDS


TARGET = Record(
    Target, Field("id"), Field("goal"), Field("indicator"), Field("kind", codec=_enum(Kind)),
    Field("comparator", codec=_enum(Comparator), shown=_quantitative, absent=Comparator.EQ),
    Field("value", codec=_NUMBER, shown=_quantitative, absent=None),
    Field("unit", shown=_quantitative, absent=""),
    Field("year"), Field("period_start"), Field("deadline", codec=_DATE), Field("place"),
    Field("base_year"), Field("base_value", codec=_NUMBER),
    Field("tolerance", codec=_NUMBER), Field("attribute", codec=_enum(Attribute),
                                             shown=lambda target: True),
    Field("scope", codec=_enum(Scope)), Field("path", codec=_enum(PathShape)),
    Field("schedule", codec=(_schedule, _schedule_data)),
    Field("direction", codec=_enum(Direction)), Field("benchmark", codec=_nested(BENCHMARK)),
    Field("department"), Field("text"), Field("span", codec=_SPAN), Field("note"))
TASK = Record(Task, Field("key"), Field("goal"), Field("title"), Field("year"),
              Field("lead_department"), Field("departments", codec=_LIST),
              Field("deadline", codec=_DATE), Field("status", codec=_enum(TaskStatus)),
              Field("span", codec=_SPAN))
STAGE = Record(StageTransition, Field("stage", codec=_enum(ProjectStage)),
               Field("on", key="date", codec=_DATE), Field("evidence"))
PROJECT = Record(
    Project, Field("key"), Field("name"), Field("investment", codec=_NUMBER),
    Field("completed_investment", codec=_NUMBER), Field("department"), Field("location"),
    Field("project_type"), Field("flags", codec=_FLOW), Field("stages", codec=_records(STAGE)),
    Field("provenance", codec=_enum(Provenance), shown=lambda project: True))
PLAN = Record(
    Plan, Field("name"), Field("title"), Field("jurisdiction", codec=_nested(JURISDICTION)),
    Field("period_start", shown=lambda plan: True), Field("period_end", shown=lambda plan: True),
    Field("base_year", shown=lambda plan: True), Field("horizons", codec=_FLOW),
    Field("jurisdictions", codec=_records(JURISDICTION)),
    Field("departments", codec=_records(DEPARTMENT)),
    Field("indicators", codec=_records(INDICATOR)), Field("goals", codec=_records(GOAL)),
    Field("targets", codec=_records(TARGET)), Field("tasks", codec=_records(TASK)),
    Field("projects", codec=_records(PROJECT)))

FORMAT_VERSION = 1


def plan_from_data(data: dict[str, Any], source_text: str) -> Plan:
    """A Plan from data that validate_plan_data found no issue with."""
    plan = PLAN.decode(data)
    source = data["source"]
    plan.source_text = source_text
    plan.source_title = source.get("title") or ""
    plan.source_url = source.get("url") or ""
    return plan


def plan_to_data(plan: Plan, *, source_file: str | None = None) -> dict[str, Any]:
    body = PLAN.encode(plan)
    source: dict[str, Any] = {}
    if plan.source_title:
        source["title"] = plan.source_title
    if plan.source_url:
        source["url"] = plan.source_url
    if source_file is not None:
        source["file"] = source_file
    else:
        source["text"] = plan.source_text
    head = {"planwatch": FORMAT_VERSION}
    head.update((key, body.pop(key)) for key in ("name", "title", "jurisdiction", "period_start",
                                                 "period_end", "base_year") if key in body)
    if "horizons" in body:
        head["horizons"] = body.pop("horizons")
    return {**head, "source": source, **body}
