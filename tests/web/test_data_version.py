"""assessments.data_version: the plan's change counter, which database triggers bump on every
write a plan's pages read (migration plans/0003_plan_changes), and the highest observation id.

Every kind of write changes the version of its plan and of no other plan (observations are
global: a new one changes every plan's version); writes that record no history — a
bulk_create, a QuerySet.update(), raw SQL — count too, because the triggers live in the
database."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from planwatch import domain
from planwatch.web.assessments import data_version, plan_with_version
from planwatch.web.data.models import Submission
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department, Goal, Plan, Target
from planwatch.web.plans.store import save_plan
from planwatch.web.work.models import ProjectStageTransition, RecordRule
from planwatch.web.work.store import Method, save_schedule

MIGRATION = importlib.import_module("planwatch.web.plans.migrations.0003_plan_changes")


@pytest.fixture
def plans(db, plan_factory) -> tuple[Plan, Plan]:
    """Two stored plans of the same shape: what one's writes do must not reach the other."""
    return save_plan(plan_factory("sample")), save_plan(plan_factory("other"))


def gdp_target(plan: Plan) -> Target:
    return plan.targets.get(key="gdp-2025")


def new_goal(plan: Plan) -> Goal:
    return Goal.objects.create(plan=plan, order=9, key="extra", title="新增目标", level="area")


def add_rule(plan: Plan) -> RecordRule:
    return RecordRule.objects.create(target=gdp_target(plan), stage="开工")


def new_submission(plan: Plan) -> Submission:
    return Submission.objects.create(
        indicator=plan.indicators.get(name="地区生产总值"),
        department=Department.objects.get(name="区统计局"), place="示例区", period="2024",
        kind="level", value=410, unit="亿元", entered_value=410, entered_unit="亿元",
        created_by="someone", updated_by="someone")


def edit_target(plan):
    target = gdp_target(plan)
    target.value = 600
    target.save()


def edit_plan(plan):
    plan.title = "新标题"
    plan.save()


def delete_goal(plan):
    plan.goals.get(key="fyp.city").delete()


def rename_goal(plan):
    plan.goals.filter(key="fyp.city").update(title="城乡建设")


def move_submission(plan):
    submission = new_submission(plan)
    submission.status = "submitted"
    submission.save()


def delete_submission(plan):
    new_submission(plan).delete()


def edit_project(plan):
    project = plan.projects.get(key="p1")
    project.completed_investment = 3.0
    project.save()


def add_stage(plan):
    ProjectStageTransition.objects.create(project=plan.projects.get(key="p1"), order=2,
                                          stage="投产", on=date(2022, 1, 1))


def move_stage(plan):
    ProjectStageTransition.objects.filter(project__plan=plan, stage="开工").update(
        on=date(2021, 6, 1))


def decompose(plan):
    # The first decomposition is bulk-created: no history row is written.
    save_schedule(gdp_target(plan), Method.MANUAL,
                  {2021: 320.0, 2022: 360.0, 2023: 400.0, 2024: 450.0, 2025: 500.0})


def edit_rule(plan):
    RecordRule.objects.filter(target=gdp_target(plan)).update(flag="亿元以上")


def delete_rule(plan):
    RecordRule.objects.get(target=gdp_target(plan)).delete()


def raw_target_edit(plan):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE plans_target SET note = 'x' WHERE plan_id = %s", [plan.pk])


def new_target(plan):
    target = gdp_target(plan)
    target.pk, target.key = None, "gdp-2030"
    target.save()


def delete_target(plan):
    plan.targets.get(key="unplaced").delete()


WRITES = {
    "a target edited": edit_target,
    "a target added": new_target,
    "a target deleted": delete_target,
    "a target written by raw SQL": raw_target_edit,
    "the plan edited": edit_plan,
    "a goal added": new_goal,
    "a goal deleted": delete_goal,
    "a goal renamed without history": rename_goal,
    "a submission entered": new_submission,
    "a submission moving": move_submission,
    "a submission deleted": delete_submission,
    "a project edited": edit_project,
    "a stage transition added": add_stage,
    "a stage transition moved": move_stage,
    "a first annual decomposition": decompose,
    "a record rule added": add_rule,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_changes_its_plans_version_and_no_other(plans, write):
    plan, other = plans
    before, other_before = data_version(plan), data_version(other)
    write(plan)
    assert data_version(plan) != before
    assert plan_with_version("sample")[0].data_version == data_version(plan)
    assert data_version(other) == other_before


RULE_WRITES = {"a record rule edited in place": edit_rule, "a record rule deleted": delete_rule}


@pytest.mark.parametrize("write", RULE_WRITES.values(), ids=RULE_WRITES.keys())
def test_a_record_rule_edited_or_deleted_changes_the_version(plans, write):
    """Record rules keep no history: before the triggers an edit in place went unseen until
    the cached pages expired."""
    plan, other = plans
    add_rule(plan)
    add_rule(other)
    before, other_before = data_version(plan), data_version(other)
    write(plan)
    assert data_version(plan) != before
    assert data_version(other) == other_before


def test_a_new_observation_changes_every_plans_version(plans):
    versions = [data_version(plan) for plan in plans]
    save_observations([domain.Observation("示例区", "地区生产总值", domain.parse_period(2021),
                                          320.0, "亿元")])
    assert all(data_version(plan) != version for plan, version in zip(plans, versions,
                                                                      strict=True))


def test_each_write_gives_a_new_version(plans):
    plan, _ = plans
    versions = [data_version(plan)]
    for write in (edit_target, edit_target, new_goal, add_rule, edit_rule, delete_rule):
        write(plan)
        versions.append(data_version(plan))
    assert len(set(versions)) == len(versions)


def counter(plan_id: int) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT changes FROM plans_plan_changes WHERE plan_id = %s", [plan_id])
        row = cursor.fetchone()
    return None if row is None else row[0]


def test_a_new_plan_gets_its_counter_from_its_first_insert(plans):
    assert all(counter(plan.pk) > 0 for plan in plans)


def test_a_plan_without_a_counter_reads_as_zero(plans):
    plan, _ = plans
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM plans_plan_changes WHERE plan_id = %s", [plan.pk])
    assert data_version(plan) == "0.0" == plan_with_version("sample")[0].data_version
    edit_plan(plan)
    assert data_version(plan) == "1.0"


def test_a_deleted_plan_keeps_its_counter_and_the_other_plan_is_untouched(plans):
    """No foreign key to the plan: a plan recreated under the same id counts on."""
    plan, other = plans
    other_before = data_version(other)
    plan_id, changes = plan.pk, counter(plan.pk)
    plan.delete()
    assert counter(plan_id) > changes
    assert data_version(other) == other_before


def triggers() -> set[tuple[str, str]]:
    """(table, trigger) of every trigger in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT event_object_table, trigger_name"
                           " FROM information_schema.triggers")
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        return set(cursor.fetchall())


def test_every_watched_table_has_its_triggers_after_all_migrations(db):
    """SQLite drops a table's triggers when a later migration remakes the table: such a
    migration must create them again."""
    expected = {(table, MIGRATION.trigger_name(table, event))
                for table in MIGRATION.PLAN_OF_ROW for event in MIGRATION.ROWS}
    assert expected <= triggers()
    assert not {table for table, _ in triggers()} & {"data_observation"}


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_existing_plan_a_counter(plan_factory):
    executor = MigrationExecutor(connection)
    executor.migrate([("plans", "0002_publication")])
    try:
        plan = save_plan(plan_factory("sample"))
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert counter(plan.pk) == 0
    before = data_version(plan)
    edit_plan(plan)
    assert data_version(plan) != before
