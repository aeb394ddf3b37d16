"""The dashboard pages: overview (领导驾驶舱), target, goal, department and comparison — what
they show, their filters and dates, and that their queries do not grow with the plan."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from planwatch import domain
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department, Jurisdiction
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def figure(period: str, value: float, *, indicator: str = "地区生产总值", place: str = "示例区",
           kind: str = "level", unit: str = "亿元", provenance: str = "official",
           recorded: datetime | None = None) -> domain.Observation:
    return domain.Observation(
        place=place, indicator=indicator, period=domain.parse_period(period), value=value,
        unit=unit, kind=domain.ObservationKind(kind), source="https://stats.example/1",
        provenance=domain.Provenance(provenance), recorded_at=recorded)


def judgeable(plan: domain.Plan) -> domain.Plan:
    """The sample plan with a base for every target, so the engine judges them all."""
    plan.targets = [replace(t, period_start=t.period_start or 2021) for t in plan.targets]
    return plan


GDP = [("2020", 300.5), ("2021", 320.0), ("2022", 335.0), ("2023", 350.0)]
UNEMPLOYMENT = [("2021", 3.8), ("2022", 4.6), ("2023", 4.4)]


@pytest.fixture
def stored(sample_plan):
    plan = save_plan(judgeable(sample_plan))
    save_observations(
        [figure(p, v) for p, v in GDP]
        + [figure(p, v, indicator="登记失业率", unit="%") for p, v in UNEMPLOYMENT]
        + [figure(p, v, indicator="城镇新增就业", unit="万人", provenance="illustrative")
           for p, v in [("2021", 0.9), ("2022", 0.8), ("2023", 0.85)]])
    return plan


def page(client, name: str, *args, **query) -> str:
    response = client.get(reverse(name, args=["sample", *args]), query)
    assert response.status_code == 200
    return response.content.decode()


def chart_option(html: str) -> dict:
    return json.loads(html.split('<script id="chart-option" type="application/json">')[1]
                      .split("</script>")[0])


def test_the_overview_lists_the_warnings_before_the_bars_and_the_table(member_client, stored):
    html = page(member_client, "plans:overview", as_of="2023-12-31")
    assert "截至 2023-12-31 的总体情况" in html
    # 登记失业率 is binding and above its 4% ceiling: a warning, with its explanation.
    alerts = html.index("预警目标")
    assert alerts < html.index("各目标领域进度与趋势") < html.index("全部目标")
    assert html.index("登记失业率", alerts) < html.index("各目标领域进度与趋势")
    assert "未守住控制目标" in html


def test_every_status_is_written_in_words_and_an_icon_not_only_in_colour(member_client, stored):
    html = page(member_client, "plans:overview", as_of="2023-12-31")
    assert 'class="judgement tone-bad" title="预警"><span aria-hidden="true">✖</span> 未守住控制目标' \
        in html
    assert "图例" in html and "需关注" in html and "无法判断" in html


def test_the_bars_count_the_targets_of_each_goal_area(member_client, stored):
    html = page(member_client, "plans:overview", as_of="2023-12-31")
    economy = html.index('id="area-fyp.economy"')
    assert "经济发展取得新成效" in html[economy:economy + 400]
    assert 'role="img" aria-label="进度: ' in html


def test_the_table_filters_by_status_and_department(member_client, stored):
    html = page(member_client, "plans:overview", as_of="2023-12-31", status="breached")
    table = html[html.index('id="target-table"'):]
    assert "登记失业率" in table and "(1 / 5)" in table
    assert 'href="/plans/sample/targets/gdp-2025/' not in table
    html = page(member_client, "plans:overview", as_of="2023-12-31",
                department="区发展和改革局")
    table = html[html.index('id="target-table"'):]
    assert "(1 / 5)" in table and "gdp-2025" in table


def test_sorting_by_status_puts_the_worst_first_and_the_reverse_last(member_client, stored):
    def table(sort):
        html = page(member_client, "plans:overview", as_of="2023-12-31", sort=sort)
        return html[html.index('id="target-table"'):]

    worst_first = table("status")
    assert worst_first.index("targets/unemployment/") < worst_first.index("targets/gdp-2025/")
    best_first = table("-status")
    assert best_first.index("targets/gdp-2025/") < best_first.index("targets/unemployment/")
    assert 'aria-sort="descending"' in best_first


def test_a_malformed_date_is_explained_and_the_default_used(member_client, stored):
    html = page(member_client, "plans:overview", as_of="2023-13-45")
    assert "“2023-13-45” 不是 YYYY-MM-DD 格式的日期" in html
    assert "截至 2023-12-31 的总体情况" in html  # the end of the latest data period


def test_known_on_replays_what_was_known_then(member_client, sample_plan):
    save_plan(judgeable(sample_plan))
    early = timezone.make_aware(datetime(2024, 2, 1))
    save_observations([figure(p, v, indicator="登记失业率", unit="%", recorded=early)
                       for p, v in [("2021", 3.8), ("2022", 3.9)]])
    save_observations([figure("2022", 4.6, indicator="登记失业率", unit="%")])
    now = page(member_client, "plans:target", "unemployment", as_of="2022-12-31")
    then = page(member_client, "plans:target", "unemployment", as_of="2022-12-31",
                known_on="2024-03-01")
    assert "未守住控制目标" in now
    assert "保持达标" in then and "按 2024-03-01 已知数据" in then


def test_the_target_page_shows_status_explanation_and_chart(member_client, stored):
    html = page(member_client, "plans:target", "gdp-2025", as_of="2023-12-31")
    assert 'id="status-text"' in html and "达标概率" in html
    assert "2023年为350亿元" in html
    option = chart_option(html)
    names = [series["name"] for series in option["series"]]
    assert names[:3] == ["实际值", "序时进度(目标路径)", "完成目标所需路径"]
    assert "趋势预测" in names and "80%区间" in names
    assert option["animation"] is False
    assert "vendor/echarts/echarts.min.js" in html


def test_illustrative_figures_are_flagged_on_the_chart(member_client, stored):
    html = page(member_client, "plans:target", "unplaced", as_of="2023-12-31")
    assert "图中含示例数据" in html
    assert chart_option(html)["title"]["subtext"] == "⚠ 含示例数据(非真实统计)"
    gdp = page(member_client, "plans:target", "gdp-2025", as_of="2023-12-31")
    assert "图中含示例数据" not in gdp


def test_a_relative_target_draws_both_growth_series(member_client, sample_plan):
    save_plan(judgeable(sample_plan))
    save_observations(
        [figure(str(y), g, kind="growth_pct", unit="%") for y, g in [(2021, 6), (2022, 5)]]
        + [figure(str(y), g, indicator="服务业增加值", kind="growth_pct", unit="%")
           for y, g in [(2021, 9), (2022, 8)]])
    html = page(member_client, "plans:target", "services-growth", as_of="2022-12-31")
    own, benchmark = chart_option(html)["series"][:2]
    assert own["data"] == [[2021.0, 9.0], [2022.0, 8.0]]
    assert benchmark["data"] == [[2021.0, 6.0], [2022.0, 5.0]]


def test_the_goal_page_shows_the_formula_and_the_weighted_sum(member_client, stored):
    html = page(member_client, "plans:goal", "vision", as_of="2023-12-31")
    assert "目标得分 = " in html and "约束性指标权重" in html
    assert "本领域：Σ(权重×目标得分)" in html
    assert "targets/gdp-2025/" in html and "targets/services-growth/" in html
    assert "targets/unemployment/" not in html  # outside the goal tree


def test_the_department_page_lists_its_own_targets_and_tasks(member_client, stored):
    department = Department.objects.get(name="区发展和改革局")
    html = page(member_client, "plans:department", department.pk, as_of="2023-12-31")
    assert "targets/gdp-2025/" in html and "targets/unemployment/" not in html
    assert "建设物流园" in html and "到期未完成" in html
    listing = page(member_client, "plans:departments")
    assert reverse("plans:department", args=["sample", department.pk]) in listing


def test_a_department_of_another_plan_is_not_found(member_client, stored):
    other = Department.objects.create(name="别的局")
    url = reverse("plans:department", args=["sample", other.pk])
    assert member_client.get(url).status_code == 404


def test_the_comparison_ranks_the_districts_of_the_parent_with_their_status(
        member_client, stored):
    parent = Jurisdiction.objects.get(name="示例市")
    Jurisdiction.objects.create(name="邻区", level="district", parent=parent)
    save_observations([figure(p, v * 1.5, place="邻区", provenance="illustrative")
                       for p, v in [("2020", 300.5), ("2021", 360), ("2022", 420),
                                    ("2023", 480)]])
    html = page(member_client, "plans:compare", target="gdp-2025", as_of="2023-12-31")
    assert html.index("邻区") < html.index("<strong>示例区</strong>")  # faster growth ranks first
    assert "示例数据" in html and "本区" in html


# Each page computed afresh, as a leader: session, user, the plan with its data version and
# role (goal, structure and compare ask the version again), the latest data period, then the
# page's own. The overview and the target page take two more: the figures submitted or
# returned and not yet counted (the overview's 待审核 counts, the target's 待审核数据), and the
# person's departments, which the stored page's grounds hold (plans.page_cache).
@pytest.mark.parametrize(("name", "queries"), [
    ("plans:overview", 11), ("plans:structure", 10), ("plans:target", 12), ("plans:goal", 11),
    ("plans:compare", 10)])
def test_the_pages_queries_do_not_grow_with_the_number_of_targets(
        member_client, sample_plan, name, queries):
    """An N+1 query would make the count depend on the plan's size."""
    args = {"plans:target": ["gdp-2025"], "plans:goal": ["vision"]}.get(name, [])
    url = reverse(name, args=["sample", *args])
    save_plan(judgeable(sample_plan))
    save_observations([figure(p, v) for p, v in GDP])
    member_client.get(url)
    cache.clear()  # measure the page as it is computed, not served from the page cache
    with CaptureQueriesContext(connection) as small:
        member_client.get(url)
    bigger = judgeable(sample_plan)
    bigger.targets = bigger.targets + [
        replace(bigger.targets[0], id=f"copy-{n}", span=None) for n in range(30)]
    save_plan(bigger)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        member_client.get(url)
    assert len(large) == len(small) == queries


def test_a_new_figure_changes_the_cached_page(member_client, stored):
    url = reverse("plans:target", args=["sample", "gdp-2025"])
    assert "2023年为350亿元" in member_client.get(url).content.decode()
    save_observations([figure("2024", 410.0)])
    assert "2024年为410亿元" in member_client.get(url).content.decode()


def test_english_pages_use_the_engines_english_labels(member_client, stored):
    member_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = page(member_client, "plans:overview", as_of="2023-12-31")
    assert '✖</span> Bound breached' in html and '✖</span> 未守住控制目标' not in html


def test_a_reporter_sees_only_their_own_departments_page(client, stored, django_user_model):
    from django.contrib.auth.models import Group

    from planwatch.web.accounts.models import DepartmentMembership

    reporter = django_user_model.objects.create_user("hr", password="a-long-passphrase-1")
    reporter.groups.add(Group.objects.get(name="reporter"))
    own = Department.objects.get(name="区人力资源和社会保障局")
    DepartmentMembership.objects.create(user=reporter, department=own)
    client.force_login(reporter)
    other = Department.objects.get(name="区发展和改革局")
    assert client.get(reverse("plans:department", args=["sample", own.pk])).status_code == 200
    assert client.get(reverse("plans:department", args=["sample", other.pk])).status_code == 403


def test_the_department_page_shows_its_on_time_reporting_rate(member_client, stored):
    department = Department.objects.get(name="区统计局")  # reports 地区生产总值, annually
    html = page(member_client, "plans:department", department.pk)
    # 2021–2025 due by the calendar's default (the 15th of the next month); the stored
    # figures were all recorded today, long after 2021–2023 fell due.
    assert "按时报送率" in html and "0/5" in html
