"""Observations between the core's dataclasses and the append-only table.

save_observations(observations) is idempotent: the same file stored twice adds nothing.
For each figure (place, indicator, period, kind, provenance) the last row the input gives
becomes current: when it differs from the stored current revision (value, unit or source),
it is added as the next revision and the older rows stay. A figure seen for the first time
keeps every distinct row of the input in order, so a file that lists an estimate and then
its final figure stores both, final current.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max

from planwatch import domain
from planwatch.web.data.models import Observation

FigureKey = tuple[str, str, str, str, str]
Content = tuple[float, str, str]


def figure_key(place: str, indicator: str, period: str, kind: str, provenance: str) -> FigureKey:
    return (place, indicator, period, str(kind), str(provenance))


def _content(value: float, unit: str, source: str) -> Content:
    return (float(value), unit, source)


def save_observations(observations: Iterable[domain.Observation], *,
                      recorded_by: str | None = None) -> int:
    """Store what is new among the observations; return how many rows were added."""
    incoming: dict[FigureKey, list[domain.Observation]] = {}
    for observation in observations:
        key = figure_key(observation.place, observation.indicator, observation.period.label,
                         observation.kind, observation.provenance)
        rows = incoming.setdefault(key, [])
        if not rows or _content_of(rows[-1]) != _content_of(observation):
            rows.append(observation)
    with transaction.atomic():
        stored = _current_revisions(incoming)
        new_rows = []
        for key, rows in incoming.items():
            revision, current = stored.get(key, (0, None))
            if current is not None:
                if current == _content_of(rows[-1]):
                    continue
                rows = rows[-1:]
            for offset, observation in enumerate(rows, start=1):
                new_rows.append(_row(observation, revision + offset, recorded_by))
        Observation.objects.bulk_create(new_rows)
    return len(new_rows)


def _content_of(observation: domain.Observation) -> Content:
    return _content(observation.value, observation.unit, observation.source)


def _current_revisions(keys: Iterable[FigureKey]) -> dict[FigureKey, tuple[int, Content]]:
    """The highest revision stored for each figure and what it says."""
    keys = set(keys)
    if not keys:
        return {}
    candidates = Observation.objects.filter(
        indicator__in={key[1] for key in keys}, place__in={key[0] for key in keys})
    result = {}
    for row in candidates.order_by("revision"):
        key = figure_key(row.place, row.indicator, row.period, row.kind, row.provenance)
        if key in keys:
            result[key] = (row.revision, _content(row.value, row.unit, row.source))
    return result


def _row(observation: domain.Observation, revision: int, recorded_by: str | None) -> Observation:
    period = observation.period
    extra = {"recorded_at": observation.recorded_at} if observation.recorded_at else {}
    return Observation(
        place=observation.place, indicator=observation.indicator, period=period.label,
        year=period.year, months=period.months, span=period.span, value=observation.value,
        unit=observation.unit, kind=observation.kind, source=observation.source,
        provenance=observation.provenance, revision=revision,
        recorded_by=observation.recorded_by or recorded_by or "", **extra)


def next_revision(row: Observation) -> int:
    """The revision number a new row for the same figure as `row` must take."""
    stored = Observation.objects.filter(
        place=row.place, indicator=row.indicator, period=row.period, kind=row.kind,
        provenance=row.provenance).aggregate(Max("revision"))["revision__max"]
    return (stored or 0) + 1


def to_domain(row: Observation) -> domain.Observation:
    return domain.Observation(
        place=row.place, indicator=row.indicator, period=domain.Period(row.year, row.months,
                                                                       row.span),
        value=row.value, unit=row.unit, kind=domain.ObservationKind(row.kind),
        source=row.source, provenance=domain.Provenance(row.provenance),
        recorded_by=row.recorded_by or None, recorded_at=row.recorded_at)
