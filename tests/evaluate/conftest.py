"""Small builders so each test states only what matters to it."""

from datetime import date

import pytest

from planwatch.domain import (
    Attribute,
    Benchmark,
    Comparator,
    Kind,
    Observation,
    ObservationKind,
    Scope,
    Target,
    parse_period,
)
from planwatch.evaluate import assess


def make_target(kind="level", value=100.0, unit="亿元", comparator=">=", year=2025, base_year=2020,
                indicator="地区生产总值", **fields) -> Target:
    if "attribute" in fields:
        fields["attribute"] = Attribute(fields["attribute"])
    if "scope" in fields:
        fields["scope"] = Scope(fields["scope"])
    if "benchmark" in fields and isinstance(fields["benchmark"], dict):
        fields["benchmark"] = Benchmark(**fields["benchmark"])
    return Target(id=fields.pop("id", "t1"), indicator=indicator, kind=Kind(kind),
                  comparator=Comparator(comparator), value=value, unit=unit, year=year,
                  base_year=base_year, place=fields.pop("place", "绿园区"), **fields)


def series(indicator, points: dict, unit="亿元", kind="level", place="绿园区") -> list[Observation]:
    return [Observation(place, indicator, parse_period(period), value, unit,
                        ObservationKind(kind)) for period, value in points.items()]


def judge(target: Target, observations, as_of=date(2023, 12, 31), **options):
    [assessment] = assess([target], observations, as_of, **options)
    return assessment


@pytest.fixture
def one():
    return judge
