"""save_plan / plan_from_db: a plan stored and read back is the same plan."""

from __future__ import annotations

import dataclasses

import pytest

from planwatch import domain
from planwatch.web.plans import models
from planwatch.web.plans.store import (
    PlanNotFound,
    PlanStoreError,
    append_targets,
    plan_from_db,
    save_plan,
)

pytestmark = pytest.mark.django_db


def test_a_stored_plan_reads_back_equal(sample_plan):
    save_plan(sample_plan)
    assert plan_from_db("sample") == sample_plan


def test_the_goal_tree_keeps_the_plans_order(sample_plan):
    save_plan(sample_plan)
    vision = plan_from_db("sample").goals[0]
    assert [goal.key for goal in vision.children] == ["fyp.economy", "fyp.city", "y2021.jobs"]
    assert [goal.key for goal in vision.children[0].children] == ["fyp.economy.m1"]


def test_storing_the_same_plan_again_writes_nothing(sample_plan, plan_factory, row_counts):
    save_plan(sample_plan)
    before = row_counts()
    save_plan(plan_factory())
    assert row_counts() == before


def test_a_changed_plan_replaces_the_stored_one_under_the_same_row(
        sample_plan, plan_factory, row_counts):
    first = save_plan(sample_plan)
    counts = row_counts()
    changed = plan_factory()
    changed.targets[0].value = 520.0
    changed.title = "示例区规划(修订)"
    second = save_plan(changed)
    assert second.pk == first.pk
    assert plan_from_db("sample") == changed
    assert models.Target.objects.get(key="gdp-2025").value == 520.0
    live_tables = {t: n for t, n in row_counts().items() if "historical" not in t}
    assert live_tables == {t: n for t, n in counts.items() if "historical" not in t}


def test_departments_named_only_on_a_target_are_stored_without_joining_the_plan_list(
        sample_plan):
    unlisted = dataclasses.replace(sample_plan, departments=sample_plan.departments[:2])
    save_plan(unlisted)
    assert models.Department.objects.filter(name="区商务局").exists()
    assert plan_from_db("sample") == unlisted


def test_two_plans_share_jurisdictions_and_departments(sample_plan, plan_factory):
    save_plan(sample_plan)
    save_plan(plan_factory("other"))
    assert models.Plan.objects.count() == 2
    assert models.Jurisdiction.objects.filter(name="示例市").count() == 1
    assert plan_from_db("other") == plan_factory("other")


def test_a_target_under_an_unknown_goal_is_refused_and_nothing_is_written(
        sample_plan, row_counts):
    before = row_counts()
    broken = dataclasses.replace(sample_plan, targets=[
        dataclasses.replace(sample_plan.targets[0], goal="no.such.goal")])
    with pytest.raises(PlanStoreError, match="no.such.goal"):
        save_plan(broken)
    assert row_counts() == before


def test_a_parent_jurisdiction_defined_nowhere_is_refused(sample_plan, row_counts):
    before = row_counts()
    orphan = dataclasses.replace(sample_plan, jurisdictions=sample_plan.jurisdictions[:1])
    with pytest.raises(PlanStoreError, match="示例省"):
        save_plan(orphan)
    assert row_counts() == before


def test_a_parent_stored_by_another_plan_is_found(sample_plan, plan_factory):
    save_plan(sample_plan)
    second = dataclasses.replace(plan_factory("other"), jurisdictions=[])
    save_plan(second)
    assert models.Plan.objects.get(name="other").jurisdiction.parent.name == "示例市"


def test_an_unknown_plan_name_is_reported():
    with pytest.raises(PlanNotFound, match="nothing"):
        plan_from_db("nothing")


def test_the_luyuan_plan_survives_the_database_unchanged():
    from planwatch.planfile import dump_plan, load_plan
    from planwatch.samples import luyuan

    plan = load_plan(luyuan.PLAN_PATH)
    save_plan(plan)
    stored = plan_from_db(plan.name)
    assert stored == plan
    assert dump_plan(stored) == dump_plan(plan)
    assert isinstance(stored.targets[0].kind, domain.Kind)


# append_targets: adding to a stored plan (document intake) without touching a stored row.

def _addition() -> dict:
    """Two targets under a new goal area, one new indicator, one known; a new place."""
    return dict(
        targets=[
            domain.Target("add-parks", "口袋公园", domain.Kind.COUNT, domain.Comparator.GE,
                          20.0, "个", 2025, period_start=2021, goal="add.green",
                          department="区城市管理局", text="新建口袋公园20个"),
            domain.Target("add-gdp", "地区生产总值", domain.Kind.GROWTH, domain.Comparator.APPROX,
                          6.0, "%", 2025, goal="fyp.economy", base_year=2020),
        ],
        goals=[domain.Goal("add.green", "绿色发展", "area")],
        indicators=[domain.Indicator("口袋公园", "个"),
                    domain.Indicator("地区生产总值", "%", definition="不应覆盖已有口径")],
        places=[domain.Jurisdiction("示例市", "city"), domain.Jurisdiction("邻近区", "district")],
    )


def test_appending_keeps_every_stored_row_and_adds_after_them(sample_plan):
    row = save_plan(sample_plan)
    stored_pks = {t.key: t.pk for t in row.targets.all()}
    addition = _addition()
    append_targets(row, addition["targets"], goals=addition["goals"],
                   indicators=addition["indicators"], places=addition["places"])
    plan = plan_from_db("sample")
    assert plan.targets == [*sample_plan.targets, *addition["targets"]]
    assert plan.goals == [*sample_plan.goals, *addition["goals"]]
    assert plan.indicators == [*sample_plan.indicators, addition["indicators"][0]]
    assert plan.jurisdictions == [*sample_plan.jurisdictions,
                                  domain.Jurisdiction("邻近区", "district")]
    assert {t.key: t.pk for t in row.targets.filter(key__in=stored_pks)} == stored_pks
    assert models.Department.objects.filter(name="区城市管理局").exists()


def test_appending_twice_numbers_on_after_the_last_target(sample_plan):
    row = save_plan(sample_plan)
    addition = _addition()
    first, second = addition["targets"]
    append_targets(row, [first], goals=addition["goals"])
    append_targets(row, [second])
    orders = list(row.targets.values_list("order", flat=True))
    assert orders == list(range(len(sample_plan.targets) + 2))
    assert [t.id for t in plan_from_db("sample").targets][-2:] == ["add-parks", "add-gdp"]


def test_a_place_another_plan_stored_is_linked_as_it_is(sample_plan, plan_factory):
    save_plan(plan_factory("other"))
    row = save_plan(dataclasses.replace(sample_plan, jurisdictions=[]))
    append_targets(row, [], places=[domain.Jurisdiction("示例市", "district")])
    city = models.Jurisdiction.objects.get(name="示例市")
    assert (city.level, city.parent.name) == ("city", "示例省")
    assert [p.name for p in plan_from_db("sample").jurisdictions] == ["示例市"]


def test_every_appended_target_has_its_history_and_stored_ones_get_none(sample_plan):
    row = save_plan(sample_plan)
    stored_history = list(models.Target.history.values_list("history_id", flat=True))
    addition = _addition()
    append_targets(row, addition["targets"], goals=addition["goals"])
    added = models.Target.history.exclude(history_id__in=stored_history)
    assert sorted((h.key, h.history_type, h.value) for h in added) == [
        ("add-gdp", "+", 6.0), ("add-parks", "+", 20.0)]


@pytest.mark.parametrize("clash", ["gdp-2025", "add-parks"])
def test_a_target_key_the_plan_has_or_that_repeats_is_refused(sample_plan, row_counts, clash):
    row = save_plan(sample_plan)
    before = row_counts()
    addition = _addition()
    repeated = dataclasses.replace(addition["targets"][1], id=clash)
    with pytest.raises(PlanStoreError, match=clash):
        append_targets(row, [addition["targets"][0], repeated], goals=addition["goals"],
                       indicators=addition["indicators"])
    assert row_counts() == before


def test_a_goal_key_the_plan_has_is_refused(sample_plan, row_counts):
    row = save_plan(sample_plan)
    before = row_counts()
    with pytest.raises(PlanStoreError, match="fyp.city"):
        append_targets(row, [], goals=[domain.Goal("fyp.city", "城乡建设", "area")])
    assert row_counts() == before


def test_a_failure_on_the_last_target_writes_nothing_at_all(sample_plan, row_counts):
    row = save_plan(sample_plan)
    before = row_counts()
    addition = _addition()
    stray = dataclasses.replace(addition["targets"][1], goal="no.such.goal")
    with pytest.raises(PlanStoreError, match="no.such.goal"):
        append_targets(row, [addition["targets"][0], stray], goals=addition["goals"],
                       indicators=addition["indicators"], places=addition["places"])
    assert row_counts() == before
