"""The one place the web app judges a plan: stored targets and observations → assessments.

`assess_plan(plan, as_of, known_on=None)` loads the plan's targets and goal tree and the
observations those targets read (their indicator and benchmark, in their places), then runs
planwatch.evaluate on them. Every page, report and export that shows a status calls this, so
they all agree.

Which figures count:
- only the current revision of each figure (a stored observation is an approved one: a
  department's submission becomes an Observation row only when a planner approves it);
- `known_on` replays the past: only rows recorded by the end of that day count, each figure
  at the latest revision recorded by then — "what did we know on 1 March 2024";
- where the same period has an official figure, an estimate and an illustrative one, the
  official one is used (the engine keeps the last figure it is given for a period, so rows are
  handed over illustrative first, official last).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache

from django.db import connection
from django.utils import timezone

from planwatch import domain
from planwatch.evaluate import (
    Assessment,
    EvaluationError,
    ResultTable,
    TargetInfo,
    TargetTable,
    assess_table,
    assessments_from,
    build_table,
    plan_time,
    rollup,
)
from planwatch.evaluate.labels import OUTLOOK_BY_CODE, STATUS_BY_CODE
from planwatch.web.data.models import Observation
from planwatch.web.data.store import figure_key, to_domain
from planwatch.web.plans import models
from planwatch.web.plans.store import goal_children, goal_tree_of, target_from_row
from planwatch.web.work.decomposition import scheduled
from planwatch.web.work.models import AnnualTarget, RecordRule
from planwatch.web.work.records import Record, RecordMeasure, record_observations, with_pipeline
from planwatch.web.work.store import measure_of, records_of

# Later wins in the engine; the official figure must be the one it keeps.
PROVENANCE_ORDER = {"illustrative": 0, "estimate": 1, "official": 2}


@dataclass
class PlanAssessment:
    """A plan judged as of a date. `targets[i]`, `infos[i]`, `assessments[i]` and row i of the
    engine's table and results are the same target; a stored target the engine cannot judge
    (no deadline, a unit no figure converts to) is left out of them and listed in `unjudged`
    with the reason, so one bad target never hides the others."""

    plan: models.Plan
    as_of: date
    known_on: date | None
    rows: list[models.Target]
    targets: list[domain.Target]
    goals: list[domain.Goal]
    goal_children: dict[int | None, list[models.Goal]]
    observations: list[domain.Observation]
    table: TargetTable
    results: ResultTable
    infos: list[TargetInfo]
    assessments: list[Assessment]
    rollup: dict
    unjudged: dict[str, str]
    by_key: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.by_key = {target.id: i for i, target in enumerate(self.targets)}

    def of(self, key: str) -> Assessment | None:
        index = self.by_key.get(key)
        return None if index is None else self.assessments[index]

    def goal_summary(self, key: str) -> dict | None:
        """The roll-up of one goal (None when none of its targets is assessed)."""
        return next((group for group in self.rollup["goals"] if group["key"] == key), None)


def assess_plan(plan: models.Plan, as_of: date, *, known_on: date | None = None,
                rows: Iterable[models.Target] | None = None) -> PlanAssessment:
    """Judge the plan's targets (or the given ones of it) as of a date, on the figures known
    on `known_on` (default: everything stored now).

    The work side joins in (docs/work.md): a target with a stored annual decomposition
    (总施工图) follows it as its custom path; a target measured from the project ledger is
    judged on the ledger's figures, with the pipeline's outlook, instead of stored figures
    (the ledger as it stands: `known_on` does not replay it)."""
    rows = list(rows if rows is not None else plan.targets.select_related("goal", "department"))
    decompositions = _decompositions(rows)
    targets = [scheduled(target_from_row(row), decompositions[row.pk])
               if row.pk in decompositions else target_from_row(row) for row in rows]
    children = goal_children(plan)
    goals = goal_tree_of(children)
    place = plan.jurisdiction.name
    ledger = _Ledger.of(plan, rows, targets, as_of, place)
    observations = ledger.replacing(relevant_observations(plan, targets, known_on=known_on))
    unjudged: dict[str, str] = {}
    try:
        table, infos = build_table(targets, observations, as_of, place=place)
    except EvaluationError:
        unjudged = _unjudgeable(targets, observations, as_of, place)
        targets = [target for target in targets if target.id not in unjudged]
        table, infos = build_table(targets, observations, as_of, place=place)
    ledger.rows_into(table, infos, targets, as_of, place)
    results = assess_table(table, plan_time(as_of))
    assessments = ledger.completed(assessments_from(table, results, infos), results, targets,
                                   as_of)
    return PlanAssessment(
        plan=plan, as_of=as_of, known_on=known_on, rows=rows, targets=targets, goals=goals,
        goal_children=children, observations=observations, table=table, results=results, infos=infos,
        assessments=assessments, rollup=rollup(assessments, targets, goals),
        unjudged=unjudged)


def _decompositions(rows: list[models.Target]) -> dict[int, dict[int, float]]:
    """The stored annual decompositions of the targets, by target id (one query)."""
    annual: dict[int, dict[int, float]] = {}
    for target_id, year, value in AnnualTarget.objects.filter(
            target_id__in=[row.pk for row in rows]).values_list("target_id", "year", "value"):
        annual.setdefault(target_id, {})[year] = value
    return annual


@dataclass
class _Ledger:
    """The targets measured from the project ledger (work.records): their figures, which
    stand in for stored ones, and the pipeline that gives their outlook."""

    measures: dict[str, RecordMeasure]  # by target key
    records: list[Record]
    figures: dict[str, list[domain.Observation]]  # the ledger's figures, by target key

    @classmethod
    def of(cls, plan: models.Plan, rows: list[models.Target], targets: list[domain.Target],
           as_of: date, place: str) -> _Ledger:
        """The rules of the targets (one query) and, when there are any, the ledger (the
        projects and their stages: one query each, whatever the number of targets)."""
        measures = {rule.target.key: measure_of(rule) for rule in RecordRule.objects.filter(
            target_id__in=[row.pk for row in rows]).select_related("target")}
        records = records_of(plan) if measures else []
        figures = {target.id: record_observations(target, measures[target.id], records, as_of,
                                                  target.place or place)
                   for target in targets if target.id in measures}
        return cls(measures, records, figures)

    def replacing(self, observations: list[domain.Observation]) -> list[domain.Observation]:
        """Stored figures of the measured series give way to the ledger's."""
        if not self.figures:
            return observations
        measured = {(o.place, o.indicator) for figures in self.figures.values() for o in figures}
        return [o for o in observations if (o.place, o.indicator) not in measured] + [
            o for figures in self.figures.values() for o in figures]

    def rows_into(self, table: TargetTable, infos: list[TargetInfo],
                  targets: list[domain.Target], as_of: date, place: str) -> None:
        """Each measured target's row of the table from its own figures only (two targets
        may count different projects of one indicator)."""
        for i, target in enumerate(targets):
            if target.id in self.figures:
                own, [infos[i]] = build_table([target], self.figures[target.id], as_of,
                                              place=place)
                table.put_row(i, own)

    def completed(self, assessments: list[Assessment], results: ResultTable,
                  targets: list[domain.Target], as_of: date) -> list[Assessment]:
        """The measured targets' judgements with the pipeline outlook (and a dated target's
        own clock), written back into the results the charts read."""
        for i, target in enumerate(targets):
            if target.id in self.measures:
                assessments[i] = with_pipeline(assessments[i], target, self.measures[target.id],
                                               self.records, as_of)
                _put_assessment(results, i, assessments[i])
        return assessments


def _put_assessment(results: ResultTable, i: int, assessment: Assessment) -> None:
    low, high = assessment.interval or (None, None)
    results.status[i] = STATUS_BY_CODE[assessment.status]
    results.outlook[i] = OUTLOOK_BY_CODE[assessment.outlook]
    for name, value in (("probability", assessment.probability),
                        ("projected", assessment.projected), ("low", low), ("high", high),
                        ("progress", assessment.progress), ("elapsed", assessment.elapsed),
                        ("ratio", assessment.ratio), ("gap", assessment.gap),
                        ("latest_value", assessment.latest_value)):
        getattr(results, name)[i] = math.nan if value is None else value


def _unjudgeable(targets: list[domain.Target], observations: list[domain.Observation],
                 as_of: date, place: str) -> dict[str, str]:
    """Each target the engine refuses, with its reason (only run once the whole plan failed)."""
    reasons = {}
    for target in targets:
        try:
            build_table([target], observations, as_of, place=place)
        except EvaluationError as error:
            reasons[target.id] = str(error)
    return reasons


def series_places(plan: models.Plan, targets: Iterable[domain.Target]
                  ) -> set[tuple[str, str]]:
    """(place, indicator) of every series the targets read: their own and their benchmark's."""
    home = plan.jurisdiction.name
    wanted = set()
    for target in targets:
        place = target.place or home
        wanted.add((place, target.indicator))
        if target.benchmark is not None:
            wanted.add((target.benchmark.place or place, target.benchmark.indicator))
    return wanted


def relevant_observations(plan: models.Plan, targets: Iterable[domain.Target], *,
                          known_on: date | None = None) -> list[domain.Observation]:
    """The counted figures of every series the targets read, in the order the engine needs."""
    wanted = series_places(plan, targets)
    if not wanted:
        return []
    rows = counted_observations(known_on=known_on).filter(
        place__in={place for place, _ in wanted},
        indicator__in={indicator for _, indicator in wanted})
    chosen = [row for row in latest_revisions(rows) if (row.place, row.indicator) in wanted]
    chosen.sort(key=lambda row: (PROVENANCE_ORDER.get(row.provenance, 0), row.year, row.months))
    return [to_domain(row) for row in chosen]


def counted_observations(*, known_on: date | None = None):
    """Observation rows that may count: all of them, or those recorded by the end of
    `known_on`."""
    rows = Observation.objects.all()
    if known_on is not None:
        rows = rows.filter(recorded_at__lt=end_of_day(known_on))
    return rows


def end_of_day(day: date) -> datetime:
    """The first instant after `day` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def latest_revisions(rows) -> list[Observation]:
    """The highest revision of each figure among the rows (one query)."""
    latest: dict = {}
    for row in rows.order_by("revision"):
        latest[figure_key(row.place, row.indicator, row.period, row.kind, row.provenance)] = row
    return list(latest.values())


def latest_data_date(plan: models.Plan) -> date | None:
    """The end of the latest period any counted figure of the plan's jurisdiction covers
    (months count from January, so the latest year, then the most months, ends last)."""
    latest = counted_observations().filter(place=plan.jurisdiction.name).order_by(
        "-year", "-months").values_list("period", flat=True).first()
    return None if latest is None else domain.parse_period(latest).end_date


def data_version(plan: models.Plan) -> str:
    """A token that changes whenever anything an assessment or a cached page of the plan
    reads changes: the plan's change counter, which database triggers bump on every write to
    the plan, its targets, goals, submissions, projects and their stages, annual targets and
    record rules (migration plans/0003_plan_changes), and the highest observation id (rows are
    only ever added, to every plan at once, and the bulk import must not pay for a trigger).
    Two reads of indexed rows, whatever the plan's size; pages cache what they render under
    it."""
    with connection.cursor() as cursor:
        cursor.execute(_data_version_sql(connection.vendor), [plan.pk])
        return version_token(cursor.fetchone())


def plan_with_version(name: str, joined: tuple[str, list] | None = None
                      ) -> tuple[models.Plan | None, list]:
    """The plan called `name` with its jurisdiction, and its data_version as
    `plan.data_version`, read in one query: the lookup every signed-in plan page starts with,
    so a cached page costs one query here rather than two. The version is the one of this
    request's start; a view that changes the plan's data asks data_version() again.

    `joined`, a query of one column and its parameters, rides along in the same round trip
    (plan_view reads the person's role permissions so); its values come back second."""
    plan_columns, place_columns, sql = _plan_with_version_sql(
        connection.vendor, joined[0] if joined else None)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(joined[1] if joined else []), name])
        rows = cursor.fetchall()
    if not rows:
        return None, []
    plan = plan_columns.instance(rows[0])
    plan.jurisdiction = place_columns.instance(rows[0])
    plan.data_version = version_token(
        rows[0][place_columns.end:place_columns.end + VERSION_COLUMNS])
    values = [row[-1] for row in rows if row[-1] is not None] if joined else []
    return plan, values


def version_token(values) -> str:
    """The data version of the VERSION_COLUMNS values that version_columns read."""
    return ".".join(str(value) for value in values)


# The counter table the triggers of migration plans/0003_plan_changes keep.
PLAN_CHANGES_TABLE = "plans_plan_changes"


def version_columns(plan_id: str) -> str:
    """The data version's VERSION_COLUMNS columns, for a query in which the SQL expression
    `plan_id` is the plan's id (version_token makes them the token): its change counter (0
    before any write has given it a row) and the highest observation id."""
    quote = connection.ops.quote_name
    return (f"COALESCE((SELECT changes FROM {quote(PLAN_CHANGES_TABLE)}"
            f" WHERE plan_id = {plan_id}), 0),"
            f" COALESCE((SELECT MAX(id) FROM {quote(Observation._meta.db_table)}), 0)")


# How many columns version_columns reads.
VERSION_COLUMNS = 2


@cache
def _data_version_sql(vendor: str) -> str:
    """data_version's query, built once per database vendor; the plan's id is its one
    parameter."""
    return f"SELECT {version_columns('this_plan.id')} FROM (SELECT %s AS id) this_plan"


@dataclass(frozen=True)
class _ModelColumns:
    """A model's columns at row[start:end] of a raw query, with the ORM's converters (dates
    on SQLite, JSON fields …), to build the instance the ORM would."""

    model: type
    start: int
    end: int
    attnames: list[str]
    converters: list[tuple[int, list, object]]

    @classmethod
    def of(cls, model, start: int) -> _ModelColumns:
        fields = model._meta.concrete_fields
        converters = []
        for i, model_field in enumerate(fields):
            column = model_field.get_col(model._meta.db_table)
            found = (connection.ops.get_db_converters(column)
                     + model_field.get_db_converters(connection))
            if found:
                converters.append((i, found, column))
        return cls(model, start, start + len(fields), [f.attname for f in fields], converters)

    def instance(self, row):
        values = list(row[self.start:self.end])
        for i, converters, column in self.converters:
            for converter in converters:
                values[i] = converter(values[i], column, connection)
        return self.model.from_db(connection.alias, self.attnames, values)


@cache
def _plan_with_version_sql(vendor: str, joined: str | None
                           ) -> tuple[_ModelColumns, _ModelColumns, str]:
    """plan_with_version's columns and query, built once per database vendor (and joined
    query): the joined rows repeat the plan's, which is one row."""
    quote = connection.ops.quote_name
    plan_meta, place_meta = models.Plan._meta, models.Jurisdiction._meta
    plan_columns = _ModelColumns.of(models.Plan, 0)
    place_columns = _ModelColumns.of(models.Jurisdiction, plan_columns.end)
    selected = [f"p.{quote(f.column)}" for f in plan_meta.concrete_fields] + [
        f"j.{quote(f.column)}" for f in place_meta.concrete_fields]
    plan_id = f"p.{quote(plan_meta.pk.column)}"
    extra_column, extra_table = ((", joined.*", f" LEFT JOIN ({joined}) joined ON 1 = 1")
                                 if joined else ("", ""))
    return plan_columns, place_columns, (
        f"SELECT {', '.join(selected)}, {version_columns(plan_id)}{extra_column}"
        f" FROM {quote(plan_meta.db_table)} p JOIN {quote(place_meta.db_table)} j"
        f" ON j.{quote(place_meta.pk.column)} = p.{quote(plan_meta.get_field('jurisdiction').column)}"
        f"{extra_table} WHERE p.{quote(plan_meta.get_field('name').column)} = %s")


def default_as_of(plan: models.Plan, today: date | None = None) -> date:
    """The as-of date a signed-in page opens on: the end of the latest data period, no later
    than today."""
    today = today or timezone.localdate()
    latest = latest_data_date(plan)
    return min(latest, today) if latest else today




@dataclass(frozen=True)
class PlaceAssessment:
    place: str
    assessment: Assessment
    illustrative: bool  # some figure it rests on is generated demo data


def assess_places(plan: models.Plan, row: models.Target, places: list[str], as_of: date, *,
                  known_on: date | None = None) -> list[PlaceAssessment]:
    """The same target judged for each place (a district and its siblings), on each place's
    own figures; a benchmark without a place of its own follows the place.

    Rates, shares and relative targets are comparable as they stand. A target on an amount
    (a level, a cumulative total, a count) is scaled to each place's size — its figures over
    the home place's, on the periods both report — so every district is held to the same
    ambition rather than to the home district's number."""
    target = target_from_row(row)
    home = target.place or plan.jurisdiction.name
    plain = [replace(target, id=place, place=place, benchmark=None if target.benchmark is None
                     else replace(target.benchmark, place=target.benchmark.place or place))
             for place in places]
    observations = relevant_observations(plan, [*plain, replace(target, place=home)],
                                         known_on=known_on)
    if target.kind in SIZED_KINDS:
        sizes = relative_sizes(observations, target.indicator, home)
        plain = [_scaled(copy, sizes.get(copy.place)) for copy in plain]
    table, infos = build_table(plain, observations, as_of)
    results = assess_table(table, plan_time(as_of))
    illustrative = {o.place for o in observations
                    if o.provenance == "illustrative" and o.period.end_date <= as_of}
    return [PlaceAssessment(place, assessment, place in illustrative)
            for place, assessment in zip(places, assessments_from(table, results, infos),
                                         strict=True)]


SIZED_KINDS = (domain.Kind.LEVEL, domain.Kind.CUMULATIVE, domain.Kind.COUNT)


def relative_sizes(observations: list[domain.Observation], indicator: str, home: str
                   ) -> dict[str, float]:
    """Each place's amount of the indicator relative to the home place's: the mean ratio of
    their figures for the same period and kind."""
    amounts: dict[tuple[str, str, str], float] = {}
    for o in observations:
        if o.indicator == indicator and o.kind is not domain.ObservationKind.GROWTH_PCT:
            amounts[(o.place, o.period.label, str(o.kind))] = o.value
    ratios: dict[str, list[float]] = {}
    for (place, period, kind), value in amounts.items():
        base = amounts.get((home, period, kind))
        if base:
            ratios.setdefault(place, []).append(value / base)
    return {place: sum(values) / len(values) for place, values in ratios.items()}


def _scaled(target: domain.Target, size: float | None) -> domain.Target:
    if size is None or target.value is None:
        return target
    base = None if target.base_value is None else target.base_value * size
    return replace(target, value=target.value * size, base_value=base)
