"""assessments.plan_with_version: the plan, its jurisdiction and its data version in one query,
read exactly as the ORM reads them."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.web.assessments import data_version, plan_with_version
from planwatch.web.plans.models import Plan
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def field_values(instance) -> dict:
    return {field.attname: getattr(instance, field.attname)
            for field in instance._meta.concrete_fields}


def test_the_plan_and_its_jurisdiction_are_read_as_the_orm_reads_them(
        sample_plan, django_assert_num_queries):
    save_plan(sample_plan)
    Plan.objects.filter(name="sample").update(published=True, published_as_of=date(2023, 12, 31))
    expected = Plan.objects.select_related("jurisdiction").get(name="sample")
    with django_assert_num_queries(1):
        plan, joined = plan_with_version("sample")
        place = plan.jurisdiction
    assert field_values(plan) == field_values(expected)
    assert field_values(place) == field_values(expected.jurisdiction)
    # Converted as the ORM converts: a date, not text (SQLite); a list from the JSON column.
    assert plan.published_as_of == date(2023, 12, 31) and plan.horizons == [2030, 2035]
    assert plan.data_version == data_version(expected) and joined == []


def test_an_unknown_plan_is_none(sample_plan):
    save_plan(sample_plan)
    assert plan_with_version("no-such-plan") == (None, [])


def test_the_version_read_with_the_plan_changes_with_an_edit(sample_plan):
    save_plan(sample_plan)
    before = plan_with_version("sample")[0].data_version
    target = Plan.objects.get(name="sample").targets.get(key="gdp-2025")
    target.value = 600
    target.save()
    assert plan_with_version("sample")[0].data_version != before


@pytest.mark.parametrize("rows", [[], ["甲"], ["甲", "乙", "丙"]])
def test_a_joined_query_rides_along_and_the_plan_stays_one(
        sample_plan, django_assert_num_queries, rows):
    """plan_view reads the person's role permissions this way: none, one or several rows."""
    save_plan(sample_plan)
    expected = Plan.objects.get(name="sample")
    values = " UNION ALL ".join("SELECT %s AS value" for _ in rows) or \
        "SELECT %s AS value WHERE 1 = 0"
    with django_assert_num_queries(1):
        plan, joined = plan_with_version("sample", (values, rows or ["-"]))
    assert sorted(joined) == sorted(rows)
    assert field_values(plan) == field_values(expected)
    assert plan.data_version == data_version(expected)
