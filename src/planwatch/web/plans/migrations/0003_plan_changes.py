"""A change counter per plan, kept by the database: the plan's half of its data version.

`assessments.data_version` used to find out whether anything a plan's pages read had changed
by reading ten maxima and counts over the plan's history tables on every request — a query
that grew with the plan. Now every write to a table a plan's pages read bumps the plan's row
of plans_plan_changes (one upsert, row-level trigger), and the version reads that one row.

The triggers sit on the tables themselves, not on their django-simple-history twins: a write
that records no history (bulk_create of a decomposition, QuerySet.update(), the back office's
record rules, raw SQL) is seen as well. Observations are not watched here: they stay
append-only and global, and the version reads their highest id (no trigger slows the bulk
import).

A plan's row is never deleted, not even with the plan: counting on from where it stood, a plan
recreated under the same id could not repeat a token. A plan without a row reads as 0.

SQLite drops a table's triggers when a migration remakes the table (most AlterField /
AddField there): tests/web/test_data_version.py checks every trigger is still present.
"""

from django.db import migrations

COUNTER = "plans_plan_changes"

# Each watched table, and the plan of one of its rows ({row} is NEW or OLD).
PLAN_OF_ROW = {
    "plans_plan": "{row}.id",
    "plans_target": "{row}.plan_id",
    "plans_goal": "{row}.plan_id",
    "data_submission": "(SELECT plan_id FROM plans_indicator WHERE id = {row}.indicator_id)",
    "work_project": "{row}.plan_id",
    "work_projectstagetransition":
        "(SELECT plan_id FROM work_project WHERE id = {row}.project_id)",
    "work_annualtarget": "(SELECT plan_id FROM plans_target WHERE id = {row}.target_id)",
    "work_recordrule": "(SELECT plan_id FROM plans_target WHERE id = {row}.target_id)",
}

# The rows an event touches: an update moving a row to another plan counts for both plans.
ROWS = {"INSERT": ["NEW"], "UPDATE": ["NEW", "OLD"], "DELETE": ["OLD"]}


def trigger_name(table: str, event: str) -> str:
    return f"{table}_plan_changes_{event.lower()}"


def bump(table: str, event: str) -> str:
    """One statement that adds 1 to the counter of each plan the event touched (a row of a
    plan that is gone — its parent deleted first — counts for none)."""
    plans = " UNION ".join(f"SELECT {PLAN_OF_ROW[table].format(row=row)} AS plan_id"
                           for row in ROWS[event])
    # SQLite needs the WHERE to read ON CONFLICT as the upsert, not as a join's ON.
    return (f"INSERT INTO {COUNTER} (plan_id, changes) SELECT plan_id, 1 FROM ({plans}) AS touched"
            f" WHERE plan_id IS NOT NULL"
            f" ON CONFLICT (plan_id) DO UPDATE SET changes = {COUNTER}.changes + 1")


def create_trigger(vendor: str, table: str, event: str) -> list[str]:
    name = trigger_name(table, event)
    if vendor == "postgresql":
        return [f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
                f" BEGIN {bump(table, event)}; RETURN NULL; END $$",
                f"CREATE TRIGGER {name} AFTER {event} ON {table}"
                f" FOR EACH ROW EXECUTE FUNCTION {name}()"]
    return [f"CREATE TRIGGER {name} AFTER {event} ON {table}"
            f" FOR EACH ROW BEGIN {bump(table, event)}; END"]


def drop_trigger(vendor: str, table: str, event: str) -> list[str]:
    name = trigger_name(table, event)
    if vendor == "postgresql":
        return [f"DROP TRIGGER {name} ON {table}", f"DROP FUNCTION {name}()"]
    return [f"DROP TRIGGER {name}"]


def create(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements = [
        f"CREATE TABLE {COUNTER} (plan_id bigint NOT NULL PRIMARY KEY,"
        f" changes bigint NOT NULL DEFAULT 0)",
        # Every plan there is gets its row; a new one gets it from its first insert.
        f"INSERT INTO {COUNTER} (plan_id, changes) SELECT id, 0 FROM plans_plan",
    ] + [statement for table in PLAN_OF_ROW for event in ROWS
         for statement in create_trigger(vendor, table, event)]
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for table in PLAN_OF_ROW:
        for event in ROWS:
            for statement in drop_trigger(vendor, table, event):
                schema_editor.execute(statement)
    schema_editor.execute(f"DROP TABLE {COUNTER}")


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0002_publication"),
        ("data", "0006_observation_one_index"),
        ("work", "0006_stage_evidence_files"),
    ]

    operations = [migrations.RunPython(create, drop)]
