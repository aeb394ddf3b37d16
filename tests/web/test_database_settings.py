"""How planwatch talks to PostgreSQL: parameters bound on the server and, unless the operator
turns it off for a pooler that cannot keep them, prepared statements — so the one query that
serves a cached page keeps its plan instead of being planned on every request."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from .test_dashboard_pages import stored  # noqa: F401


def database_options(url: str, **environment: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, **environment,
           "DJANGO_SETTINGS_MODULE": "planwatch.web.settings"}
    read = [sys.executable, "-c", "import json; from django.conf import settings; "
                                  "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"]
    return json.loads(subprocess.run(read, env=env, capture_output=True, text=True,
                                     check=True).stdout)


POSTGRES = "postgresql://planwatch@db.example:5432/planwatch"


def test_postgresql_binds_on_the_server_and_prepares_repeated_queries():
    assert database_options(POSTGRES) == {"server_side_binding": True, "prepare_threshold": 5}


@pytest.mark.parametrize("off", ["0", "off", "false", "no"])
def test_prepared_statements_can_be_turned_off_for_a_pooler(off):
    assert database_options(POSTGRES, PLANWATCH_DB_PREPARED=off) == {
        "server_side_binding": True}


def test_sqlite_needs_no_options(tmp_path):
    assert database_options(f"sqlite:///{tmp_path / 'planwatch.sqlite3'}") == {}


@pytest.mark.django_db
def test_the_cached_pages_query_is_planned_once_per_connection(member, stored):  # noqa: F811
    """On PostgreSQL the query keeps its plan; SQLite has no planner cache to ask. psycopg
    prepares a query on its sixth run, and PostgreSQL settles on one plan for all parameters
    after five more."""
    client = Client()
    client.force_login(member)
    for _ in range(15):
        assert client.get(reverse("plans:overview", args=["sample"])).status_code == 200
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans FROM pg_prepared_statements")
        prepared = dict(cursor.fetchall())
    grounds = [statement for statement in prepared if '"django_session"' in statement
               and '"plans_plan_changes"' in statement]
    assert len(grounds) == 1 and prepared[grounds[0]] >= 1
