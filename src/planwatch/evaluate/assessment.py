"""Assessments as objects: `assess(targets, observations, as_of)` and what it returns."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date

from planwatch.domain.model import Observation, Target
from planwatch.domain.vocabulary import Kind

from . import engine
from . import labels as L
from .config import DEFAULT_CONFIG, EvaluationConfig
from .explain import explain, latest_annualised, rule, when
from .prepare import TargetInfo, build_table, plan_time
from .table import ResultTable, TargetTable


@dataclass
class Assessment:
    target_id: str
    status: str
    status_zh: str
    status_en: str
    outlook: str
    outlook_zh: str
    outlook_en: str
    probability: float | None  # P(attain) at the deadline
    progress: float | None  # π, share of the way from base to goal
    elapsed: float | None  # τ, 序时进度
    ratio: float | None  # ρ = π/τ
    gap: float | None  # Δ to the target path, in the target's unit (relative: points)
    projected: float | None  # at the deadline (growth: average annual %)
    interval: tuple[float, float] | None  # 80 %
    required_rate: float | None
    observed_rate: float | None
    warning: bool  # 预警
    explanation: str
    latest_value: float | None
    latest_period: str | None
    unit: str
    rate_unit: str  # "%" for growth rates, else the unit per year
    rule: str = ""  # the rule that fired, with its numbers and thresholds
    provenance: str | None = None  # weakest among the figures used: official|estimate|illustrative
    series: list[tuple[str, float]] = field(default_factory=list)  # the points used
    # latest_value is 折年: a part year's growth carried onto the last full year's level;
    # latest_published is that part year's own stored figure (171.7 for 2025H1's GDP).
    annualised: bool = False
    latest_published: float | None = None

    def to_dict(self) -> dict:
        data = {"id": self.target_id, **asdict(self)}
        del data["target_id"]
        data["interval"] = list(self.interval) if self.interval else None
        data["series"] = [{"period": p, "value": v} for p, v in self.series]
        return data


def assess(targets: list[Target], observations: list[Observation], as_of: date, *,
           config: EvaluationConfig | None = None, place: str | None = None) -> list[Assessment]:
    """Judge every target's schedule status and outlook from the observations published by
    as_of. `place` is the jurisdiction of targets that name none (see prepare.build_table)."""
    config = config or DEFAULT_CONFIG
    table, infos = build_table(targets, observations, as_of, place=place, config=config)
    results = engine.assess_table(table, plan_time(as_of), config)
    return assessments_from(table, results, infos, config)


def assessments_from(table: TargetTable, results: ResultTable, infos: list[TargetInfo],
                     config: EvaluationConfig = DEFAULT_CONFIG) -> list[Assessment]:
    return [_assessment(info, results.row(i), _series(table, i, info), config)
            for i, info in enumerate(infos)]


def _optional(value: float) -> float | None:
    return None if value is None or math.isnan(value) else float(value)


def _series(table: TargetTable, i: int, info: TargetInfo) -> list[tuple[str, float]]:
    points = [(str(info.start + k), float(v)) for k, v in enumerate(table.values[i])
              if not math.isnan(v)]
    part_time = float(table.part_time[i])
    if not math.isnan(part_time):
        points.append((when(part_time), float(table.part_value[i])))
    return points


def _assessment(info: TargetInfo, r: dict, series: list[tuple[str, float]],
                config: EvaluationConfig) -> Assessment:
    status, outlook = L.STATUSES[r["status"]], L.OUTLOOKS[r["outlook"]]
    low, high = _optional(r["low"]), _optional(r["high"])
    return Assessment(
        target_id=info.id, status=status.code, status_zh=status.zh, status_en=status.en,
        outlook=outlook.code, outlook_zh=outlook.zh, outlook_en=outlook.en,
        probability=_optional(r["probability"]), progress=_optional(r["progress"]),
        elapsed=_optional(r["elapsed"]), ratio=_optional(r["ratio"]), gap=_optional(r["gap"]),
        projected=_optional(r["projected"]),
        interval=(low, high) if low is not None and high is not None else None,
        required_rate=_optional(r["required_rate"]),
        observed_rate=_optional(r["observed_rate"]), warning=bool(r["warning"]),
        explanation=explain(info, r), latest_value=_optional(r["latest_value"]),
        latest_period=None if math.isnan(r["latest_time"]) else when(r["latest_time"]),
        unit=info.unit, rate_unit=_rate_unit(info, r), rule=rule(info, r, config),
        provenance=info.provenance,
        series=series, annualised=latest_annualised(info, r),
        latest_published=info.part_published if latest_annualised(info, r) else None)


def _rate_unit(info: TargetInfo, r: dict) -> str:
    if r["log_scale"] or info.kind is Kind.GROWTH:
        return "%"
    if info.kind is Kind.RELATIVE or info.unit in ("%", "％"):
        return "个百分点"
    return f"{info.unit}/年"
