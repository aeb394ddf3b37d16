"""Targets measured from the project records (台账) instead of a reported figure. Pure.

"深度谋划80个亿元以上项目" counts projects flagged 亿元以上 that reached 谋划; "推进68个项目实现开复工"
counts projects that reached 开工; "五一前35个三早项目全部开复工" is the same count with a date;
"全年释放土地200万平方米" sums a quantity of the projects that reached the stage.

A project counts for a target when it passed into the target's stage (or a later one) inside
the target's window: from the first day of the target's year to its deadline. The records
become month-end cumulative figures, so the evaluation engine judges these targets like any
other count target; the pipeline of projects not yet there gives the outlook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from planwatch.domain.model import Observation, Project, Target
from planwatch.domain.periods import Period
from planwatch.domain.vocabulary import ObservationKind, ProjectStage, Provenance
from planwatch.evaluate import DEFAULT_CONFIG, Assessment, EvaluationConfig, assess
from planwatch.evaluate import labels as L
from planwatch.evaluate.engine import ladder, schedule_ratio
from planwatch.evaluate.explain import ILLUSTRATIVE_NOTE
from planwatch.evaluate.pipeline import (
    DEFAULT_PIPELINE,
    PipelineConfig,
    completion_probability,
    pipeline_outlook,
)


@dataclass(frozen=True)
class RecordMeasure:
    """How a target is read from the records."""

    stage: ProjectStage
    flag: str = ""  # only projects with this flag count
    quantity: str = ""  # sum this quantity of each project instead of counting projects

    def describe(self) -> str:
        which = f"带“{self.flag}”标记、" if self.flag else ""
        what = f"的{self.quantity}合计" if self.quantity else "的个数"
        return f"{which}达到“{self.stage}”阶段的项目{what}"


@dataclass(frozen=True)
class Record:
    """A project as the measures see it, with the quantities the data layer keeps beside it."""

    project: Project
    quantities: Mapping[str, float] = field(default_factory=dict)

    def amount(self, measure: RecordMeasure) -> float:
        if measure.flag and measure.flag not in self.project.flags:
            return 0.0
        return float(self.quantities.get(measure.quantity, 0.0)) if measure.quantity else 1.0


def window(target: Target) -> tuple[date, date]:
    """The days inside which a record counts for the target."""
    if target.year is None:
        raise ValueError(f"目标 {target.id}: 没有目标年份")
    first_year = target.period_start or (target.base_year + 1 if target.base_year
                                         else target.year)
    return date(first_year, 1, 1), target.deadline or date(target.year, 12, 31)


def arrived_on(record: Record, measure: RecordMeasure, start: date) -> date | None:
    """The first day on or after `start` the project passed into the stage or a later one."""
    days = [s.on for s in record.project.stages
            if s.stage.order >= measure.stage.order and s.on >= start]
    return min(days) if days else None


def measured(records: Iterable[Record], measure: RecordMeasure, start: date,
             day: date) -> float:
    """The target's value on `day`: what the records had delivered since `start`."""
    total = 0.0
    for record in records:
        arrived = arrived_on(record, measure, start)
        if arrived is not None and arrived <= day:
            total += record.amount(measure)
    return round(total, 9)  # sums of decimal areas: 208.9, not 208.89999999999998


def record_observations(target: Target, measure: RecordMeasure, records: Sequence[Record],
                        as_of: date, place: str) -> list[Observation]:
    """Month-end cumulative figures from the window's first month to as_of (records dated
    after the deadline never count), and the year's count once the year is over."""
    start, end = window(target)
    last = min(as_of, end)
    provenance = ledger_provenance(records)
    source = f"项目台账:{measure.describe()}"
    figures = []
    for year in range(start.year, last.year + 1):
        for month in range(1, 13):
            period = Period(year, months=month, span=1)
            if period.end_date > as_of or (year == start.year and month < start.month):
                break
            figures.append(Observation(
                place, target.indicator, period,
                measured(records, measure, start, min(period.end_date, end)), target.unit,
                ObservationKind.CUMULATIVE, source, provenance))
        year_end = date(year, 12, 31)
        if year_end <= as_of:
            figures.append(Observation(
                place, target.indicator, Period(year),
                measured(records, measure, date(year, 1, 1), min(year_end, end)), target.unit,
                ObservationKind.COUNT, source, provenance))
    return figures


def ledger_provenance(records: Sequence[Record]) -> Provenance:
    """Illustrative when any project of the ledger is: its counts rest on every project."""
    return (Provenance.ILLUSTRATIVE if any(
        r.project.provenance is Provenance.ILLUSTRATIVE for r in records)
        else Provenance.OFFICIAL)


def assess_from_records(target: Target, measure: RecordMeasure, records: Sequence[Record],
                        as_of: date, place: str, *, config: EvaluationConfig | None = None,
                        pipeline: PipelineConfig = DEFAULT_PIPELINE) -> Assessment:
    """The engine's judgement of a record-measured target, with the outlook from the pipeline
    and, for a target dated inside its year (五一前), the schedule on the target's own clock."""
    config = config or DEFAULT_CONFIG
    observations = record_observations(target, measure, records, as_of, place)
    assessment = assess([target], observations, as_of, config=config, place=place)[0]
    return with_pipeline(assessment, target, measure, records, as_of, config=config,
                         pipeline=pipeline)


def with_pipeline(assessment: Assessment, target: Target, measure: RecordMeasure,
                  records: Sequence[Record], as_of: date, *,
                  config: EvaluationConfig = DEFAULT_CONFIG,
                  pipeline: PipelineConfig = DEFAULT_PIPELINE) -> Assessment:
    """The engine's judgement of the ledger's figures (record_observations), completed: the
    outlook from the pipeline of projects not there yet and, for a target dated inside its
    year (五一前), the schedule on the target's own clock."""
    start, end = window(target)
    reached = measured(records, measure, start, min(as_of, end))
    assessment = replace(assessment, provenance=ledger_provenance(records).value)
    if target.deadline is not None:
        assessment = _on_own_clock(assessment, target, reached, start, end, as_of, config)
    if target.value is None:
        return assessment
    years_left = max(0.0, (end - as_of).days / 365.25)
    pending = []  # past the deadline nothing more can arrive: the outcome is known
    for record in records if years_left > 0 else ():
        amount = record.amount(measure)
        arrived = arrived_on(record, measure, start)
        if amount == 0 or (arrived is not None and arrived <= as_of):
            continue
        now = record.project.stage_on(as_of)
        to_go = measure.stage.order - (now.order if now is not None else -1)
        pending.append((completion_probability(to_go, years_left, pipeline), amount))
    outlook = pipeline_outlook(reached, target.value, pending, config)
    return replace(assessment, probability=outlook.probability, projected=outlook.projected,
                   interval=outlook.interval, outlook=outlook.outlook,
                   outlook_zh=outlook.outlook_zh, outlook_en=outlook.outlook_en,
                   explanation=_noted(assessment, assessment.explanation if not pending else
                                      f"{_without_no_outlook(assessment.explanation)}项目储备："
                                      f"{len(pending)}个在途项目，预计到期可达 "
                                      f"{outlook.projected:.1f}{target.unit}"
                                      f"（达标概率 {outlook.probability:.0%}）。"))


def _noted(assessment: Assessment, explanation: str) -> str:
    """The explanation with the illustrative-data note once, at its end, when the ledger is
    illustrative — as every engine explanation on illustrative figures has it."""
    explanation = explanation.replace(ILLUSTRATIVE_NOTE, "")
    return explanation + (ILLUSTRATIVE_NOTE if assessment.provenance == "illustrative" else "")


def _without_no_outlook(explanation: str) -> str:
    """The engine's explanation less its "no outlook yet" clause, which the pipeline answers."""
    explanation = explanation.replace(ILLUSTRATIVE_NOTE, "")  # _noted says it at the end
    clauses = [c for c in explanation.rstrip("。").split("；") if "暂无法研判" not in c]
    return "；".join(clauses) + "。"


def _on_own_clock(assessment: Assessment, target: Target, reached: float, start: date,
                  end: date, as_of: date, config: EvaluationConfig) -> Assessment:
    """A target due on a day inside its year is on a clock from the window's start to that
    day: τ is the share of those days gone; at the deadline it is met or missed."""
    goal = target.value or 0.0
    progress = reached / goal if goal else None
    if as_of >= end:
        label = L.STATUSES[L.ACHIEVED if reached >= goal else L.MISSED]
        elapsed, ratio = 1.0, progress
    else:
        elapsed = ((as_of - start).days + 1) / ((end - start).days + 1)
        cfg = config
        ratio = float(schedule_ratio(np.array([progress]), np.array([elapsed]), cfg)[0])
        code = L.ACHIEVED_EARLY if reached >= goal else int(ladder(np.array([ratio]), cfg)[0])
        label = L.STATUSES[code]
    explanation = _noted(assessment, f"截至{min(as_of, end)}已达 {reached:g}{target.unit}，"
                         f"目标 {goal:g}{target.unit}（{end}前），完成度 {progress:.0%}，"
                         f"序时进度 {elapsed:.0%}，{label.zh}。")
    return replace(assessment, status=label.code, status_zh=label.zh, status_en=label.en,
                   progress=progress, elapsed=elapsed, ratio=ratio,
                   gap=reached - elapsed * goal, latest_value=reached,
                   latest_period=str(min(as_of, end)), explanation=explanation)

