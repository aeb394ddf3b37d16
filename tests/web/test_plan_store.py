"""save_plan / plan_from_db: a plan stored and read back is the same plan."""

from __future__ import annotations

import dataclasses

import pytest

from planwatch import domain
from planwatch.web.plans import models
from planwatch.web.plans.store import PlanNotFound, PlanStoreError, plan_from_db, save_plan

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
