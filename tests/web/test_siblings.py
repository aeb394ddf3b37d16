"""The demo's illustrative sibling districts: deterministic, flagged, and compared."""

from __future__ import annotations

import pytest

from planwatch import domain
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.demo import add_sibling_districts
from planwatch.web.plans.models import Jurisdiction
from planwatch.web.plans.siblings import SIBLINGS, sibling_observations
from planwatch.web.plans.store import save_plan


def figure(period, value, kind="level", unit="亿元"):
    return domain.Observation("示例区", "地区生产总值", domain.parse_period(period), value, unit,
                              kind=domain.ObservationKind(kind), source="x")


def test_each_sibling_gets_every_figure_flagged_illustrative_and_the_same_every_time():
    home = [figure("2021", 100.0), figure("2021", 6.0, "growth_pct", "%")]
    first, second = sibling_observations(home), sibling_observations(home)
    assert first == second
    assert len(first) == len(SIBLINGS) * len(home)
    assert {o.provenance for o in first} == {domain.Provenance.ILLUSTRATIVE}
    assert {o.place for o in first} == {name for name, *_ in SIBLINGS}
    levels = [o.value for o in first if o.kind is domain.ObservationKind.LEVEL]
    assert len(set(levels)) == len(SIBLINGS) and all(50 < v < 200 for v in levels)


@pytest.mark.django_db
def test_the_demo_districts_sit_under_the_plans_parent_and_are_added_once(sample_plan):
    plan = save_plan(sample_plan)
    save_observations([figure("2020", 300.0), figure("2021", 320.0)])
    assert add_sibling_districts(plan) == 2 * len(SIBLINGS)
    assert add_sibling_districts(plan) == 0
    parent = Jurisdiction.objects.get(name="示例市")
    assert {name for name, *_ in SIBLINGS} <= set(parent.children.values_list("name", flat=True))
    assert not Observation.objects.filter(place="南关区").exclude(provenance="illustrative")


@pytest.mark.django_db
def test_the_dashboard_demo_publishes_the_plan_as_of_its_latest_full_data_year(sample_plan):
    import io

    from planwatch.web.plans.demo import set_up_dashboard_demo

    plan = save_plan(sample_plan)
    save_observations([figure("2020", 300.0), figure("2021", 320.0), figure("2022H1", 5.0,
                                                                            "growth_pct", "%")])
    out = io.StringIO()
    set_up_dashboard_demo(plan, out)
    plan.refresh_from_db()
    assert plan.published and plan.published_as_of.isoformat() == "2021-12-31"
    assert "/public/sample/" in out.getvalue()
