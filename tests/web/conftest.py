"""Shared fixtures for the web tests: a private PLANWATCH_HOME, a small complete plan, users."""

from __future__ import annotations

import argparse
import importlib
from datetime import date

import pytest
from django.db import connection

from planwatch import domain

SOURCE = ("<script>alert('x')</script>示例区规划。到2025年,地区生产总值突破500亿元。"
          "服务业增加值增速高于地区生产总值增速2个百分点以上。"
          "建成区域物流中心。登记失业率控制在4%以内。")


def _span(text: str) -> domain.Span:
    start = SOURCE.index(text)
    return domain.Span(start, start + len(text))


def build_plan(name: str = "sample") -> domain.Plan:
    """A small plan that uses every field the store has to keep."""
    return domain.Plan(
        name=name, title="示例区国民经济和社会发展第十四个五年规划",
        jurisdiction=domain.Jurisdiction("示例区", "district", parent="示例市", code="990101"),
        horizons=[2030, 2035], source_text=SOURCE, source_title="示例区规划",
        source_url="https://example.org/plan",
        jurisdictions=[domain.Jurisdiction("示例市", "city", parent="示例省"),
                       domain.Jurisdiction("示例省", "province")],
        departments=[domain.Department("区发展和改革局", "发改局"),
                     domain.Department("区人力资源和社会保障局"), domain.Department("区统计局"),
                     domain.Department("区商务局", "商务局")],
        indicators=[
            domain.Indicator("地区生产总值", "亿元", definition="现价", department="区统计局"),
            domain.Indicator("服务业增加值", "亿元"),
            domain.Indicator("城镇新增就业", "万人"),
            domain.Indicator("登记失业率", "%", direction=domain.Direction.LOWER,
                             attribute=domain.Attribute.BINDING,
                             frequency=domain.Frequency.QUARTERLY)],
        goals=[domain.Goal("vision", "远景目标", "vision", children=[
            domain.Goal("fyp.economy", "经济发展取得新成效", "area", span=_span("地区生产总值突破500亿元"),
                        children=[domain.Goal("fyp.economy.m1", "扩大投资", "measure")]),
            domain.Goal("fyp.city", "城乡建设实现新突破", "area"),
            domain.Goal("y2021.jobs", "稳就业", "annual_area", year=2021),
        ])],
        targets=[
            domain.Target("gdp-2025", "地区生产总值", domain.Kind.LEVEL, domain.Comparator.GE,
                          500.0, "亿元", 2025, period_start=2021, goal="fyp.economy",
                          base_year=2020, base_value=300.5, tolerance=0.5,
                          department="区发展和改革局", text="地区生产总值突破500亿元",
                          span=_span("地区生产总值突破500亿元")),
            domain.Target("services-growth", "服务业增加值", domain.Kind.RELATIVE,
                          domain.Comparator.GT, 2.0, "个百分点", 2025, goal="fyp.economy",
                          scope=domain.Scope.PERIOD_AVERAGE,
                          benchmark=domain.Benchmark("地区生产总值", None, 2.0),
                          span=_span("服务业增加值增速高于地区生产总值增速2个百分点以上")),
            domain.Target("logistics", "区域物流中心", domain.Kind.MILESTONE, domain.Comparator.EQ,
                          None, "", 2025, goal="fyp.city", deadline=date(2025, 6, 30),
                          span=_span("建成区域物流中心"), note="定性目标"),
            domain.Target("unemployment", "登记失业率", domain.Kind.BOUND_EACH_YEAR,
                          domain.Comparator.LE, 4.0, "%", 2025, place="示例区",
                          attribute=domain.Attribute.BINDING, scope=domain.Scope.EACH_YEAR,
                          path=domain.PathShape.LINEAR, direction=domain.Direction.LOWER,
                          department="区人力资源和社会保障局", span=_span("登记失业率控制在4%以内")),
            domain.Target("unplaced", "城镇新增就业", domain.Kind.CUMULATIVE, domain.Comparator.GE,
                          4.0, "万人", 2025, period_start=2021),
        ],
        tasks=[domain.Task("t1", "建设物流园", 2021, goal="y2021.jobs",
                           lead_department="区发展和改革局",
                           departments=["区人力资源和社会保障局", "区商务局"],
                           deadline=date(2021, 12, 31), status=domain.TaskStatus.IN_PROGRESS,
                           span=_span("建成区域物流中心"))],
        projects=[domain.Project("p1", "物流园一期", investment=12.5, department="区商务局",
                                 location="西新镇", project_type="产业", flags=["亿元以上", "三早"],
                                 stages=[domain.StageTransition(domain.ProjectStage.SIGNED,
                                                                date(2021, 3, 1), "签约仪式"),
                                         domain.StageTransition(domain.ProjectStage.STARTED,
                                                                date(2021, 5, 10))])],
    )


@pytest.fixture(autouse=True)
def planwatch_home(tmp_path, monkeypatch):
    """Every test gets its own data directory; nothing touches ~/.local/share/planwatch."""
    home = tmp_path / "planwatch-home"
    monkeypatch.setenv("PLANWATCH_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Pages cache what they render under the data's version; a test database reuses row ids,
    so one test's pages must not be served to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def chinese_after_each_test():
    """A page requested in English leaves English active in the thread (the language
    middleware, like Django's, activates and never deactivates); the next test starts in
    Chinese, as a fresh process would."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def sample_plan() -> domain.Plan:
    return build_plan()


@pytest.fixture
def plan_factory():
    """build_plan itself, for tests that need a second, fresh copy or another name."""
    return build_plan


@pytest.fixture
def row_counts():
    """A function giving the number of rows in every table (history tables included)."""

    def count() -> dict[str, int]:
        with connection.cursor() as cursor:
            result = {}
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                result[table] = cursor.fetchone()[0]
            return result

    return count


@pytest.fixture
def stored_rows(row_counts):
    """Row counts of every table but the sign-in's own (sessions, django-axes' access log)."""

    def count() -> dict[str, int]:
        return {table: rows for table, rows in row_counts().items()
                if table != "django_session" and not table.startswith("axes_")}

    return count


@pytest.fixture
def member(django_user_model):
    """A signed-in reader: the leader role, which reads every plan."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("reader", password="a-long-passphrase-1")
    user.groups.add(Group.objects.get(name="leader"))
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def planwatch_command():
    """Run a web subcommand as `planwatch` would: its own parser, then run(args)."""

    def run(name: str, *argv: str) -> int:
        module = importlib.import_module(f"planwatch.web.commands.{name}")
        parser = argparse.ArgumentParser(prog=f"planwatch {name}")
        module.add_arguments(parser)
        return module.run(parser.parse_args(argv))

    return run
