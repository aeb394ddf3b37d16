"""The database models: constraints the queries and the append-only rule rely on."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from planwatch.web.data.models import Observation
from planwatch.web.plans import models
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def _observation(**fields) -> Observation:
    values = dict(place="示例区", indicator="地区生产总值", period="2023", year=2023, months=12,
                  span=12, value=300.0, unit="亿元", kind="level", provenance="official")
    return Observation.objects.create(**{**values, **fields})


def test_two_rows_cannot_claim_the_same_revision_of_a_figure():
    _observation()
    with pytest.raises(IntegrityError), transaction.atomic():
        _observation(value=310.0)


def test_a_correction_is_a_new_revision_and_current_shows_only_the_latest():
    first = _observation()
    correction = _observation(value=310.0, revision=2)
    assert list(Observation.objects.current()) == [correction]
    assert Observation.objects.filter(pk=first.pk).exists()


def test_an_illustrative_series_is_a_separate_figure_from_the_official_one():
    official = _observation()
    illustrative = _observation(value=1.0, provenance="illustrative")
    assert set(Observation.objects.current()) == {official, illustrative}
    assert illustrative.is_illustrative and not official.is_illustrative


def test_clean_reads_the_period_label_into_year_months_and_span():
    observation = Observation(place="示例区", indicator="地区生产总值", period="2023q2",
                              value=1.0, unit="亿元", kind="level", provenance="official")
    observation.clean()
    assert (observation.period, observation.year, observation.months, observation.span) == (
        "2023Q2", 2023, 6, 3)


def test_clean_names_the_field_of_a_bad_period():
    observation = Observation(period="2023-13")
    with pytest.raises(ValidationError) as error:
        observation.clean()
    assert "period" in error.value.message_dict


def test_only_web_addresses_become_source_links():
    assert _observation(source="https://stats.example/1").source_url == "https://stats.example/1"
    assert _observation(source="javascript:alert(1)", revision=2).source_url is None


def test_goals_are_ordered_among_their_siblings(sample_plan):
    plan = save_plan(sample_plan)
    vision = plan.goals.get(key="vision")
    assert [g.key for g in vision.children.order_by("order")] == [
        "fyp.economy", "fyp.city", "y2021.jobs"]
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Goal.objects.create(plan=plan, parent=vision, order=0, key="dup", title="重复",
                                   level="area")


def test_a_target_span_must_not_end_before_it_starts(sample_plan):
    plan = save_plan(sample_plan)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Target.objects.create(plan=plan, order=99, key="bad", indicator="x", kind="level",
                                     comparator=">=", attribute="预期性", scope="end_year",
                                     span_start=10, span_end=5)
