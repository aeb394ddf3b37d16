"""The dashboard in a real browser: the overview, a target's chart, the reporting round trip
that changes a status, the public page, and that nothing is fetched from outside."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

from planwatch import domain
from planwatch.web.accounts.roles import Role
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department, Plan
from planwatch.web.plans.store import save_plan

from .conftest import PASSWORD, role_group

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

# How many painted pixels a canvas has: ECharts draws into it, so a blank one has none.
PAINTED_PIXELS = """() => {
  const canvas = document.querySelector('.chart canvas');
  if (!canvas) { return 0; }
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { painted++; } }
  return painted;
}"""


@pytest.fixture
def figures(site):
    """The demo's figures: the published ones and the generated series."""
    from planwatch.domain.observation_csv import read_observations
    from planwatch.samples import luyuan

    save_observations([o for path in (luyuan.OBSERVATIONS_PATH,
                                      luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH)
                       for o in read_observations(path)])
    return site


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_overview_puts_warnings_first_and_filters_in_place(signed_in_page, figures, site):
    page = signed_in_page()
    page.goto(site + "/plans/luyuan/?as_of=2025-06-30")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[1].startswith("⚑ 预警目标")
    assert page.locator("ol.alerts li").count() > 0
    assert page.locator(".area-bar").count() >= 5
    screenshot(page, "overview")
    before = page.locator("#target-table tbody tr").count()
    page.select_option("select[name=attribute]", "约束性")  # htmx swaps the table in place
    page.wait_for_url("**attribute=%E7%BA%A6%E6%9D%9F%E6%80%A7**")
    page.wait_for_function(f"document.querySelectorAll('#target-table tbody tr').length < {before}")
    rows = page.locator("#target-table tbody tr")
    assert all("约束性" in text for text in rows.all_inner_texts())


def test_a_target_page_draws_its_chart_and_states_its_status(signed_in_page, figures, site):
    page = signed_in_page()
    page.goto(site + "/plans/luyuan/targets/fyp.industrial-output/?as_of=2025-06-30")
    page.wait_for_selector(".chart[data-drawn=true] canvas")
    assert page.evaluate(PAINTED_PIXELS) > 1000
    assert page.locator("#status-text").inner_text().split() == ["◐", "滞后（需加快）"]
    assert page.locator(".illustrative-note").is_visible()  # the demo series are generated
    screenshot(page, "target")


# The deadline's and the target's labels (期限 2025, 目标 800) on the chart: each one's box
# on the canvas, from ECharts' own display list.
MARK_LABELS = """() => {
  const chart = echarts.getInstanceByDom(document.querySelector('.chart[data-drawn=true]'));
  const found = [];
  chart.getZr().storage.getDisplayList(true).forEach((element) => {
    const text = element.style && element.style.text;
    if (typeof text === 'string' && /^(期限|目标) /.test(text)) {
      const box = element.getBoundingRect().clone();
      box.applyTransform(element.getComputedTransform());
      found.push({text, left: box.x, right: box.x + box.width, top: box.y,
                  bottom: box.y + box.height});
    }
  });
  return {labels: found, width: chart.getWidth(), height: chart.getHeight()};
}"""


@pytest.mark.parametrize("viewport", [None, {"width": 375, "height": 800}],
                         ids=["desktop", "phone"])
def test_the_deadline_and_target_labels_are_drawn_whole_inside_the_chart(
        signed_in_page, figures, site, viewport):
    """The deadline is the x axis' right end: its label, and the target's beside it, used to
    run past the canvas edge ("期限 203", half a "目标"); where the target is the top of the
    figures (迷你区's 500 亿元) the two were drawn over each other."""
    save_plan(mini_plan())
    save_observations(mini_figures())
    page = signed_in_page(viewport)
    for plan, key, deadline in (("luyuan", "fyp.industrial-output", 2025),
                                ("luyuan", "h2030.gdp", 2030), ("mini", "gdp", 2025)):
        page.goto(site + f"/plans/{plan}/targets/{key}/?as_of=2023-12-31")
        page.wait_for_selector(".chart[data-drawn=true] canvas")
        drawn = page.evaluate(MARK_LABELS)
        labels = {label["text"]: label for label in drawn["labels"]}
        assert len(labels) == 2 and f"期限 {deadline}" in labels
        for label in labels.values():
            assert label["left"] >= 0 and label["right"] <= drawn["width"], label
            assert label["top"] >= 0 and label["bottom"] <= drawn["height"], label
        first, second = labels.values()
        assert (first["bottom"] <= second["top"] or second["bottom"] <= first["top"]
                or first["right"] <= second["left"] or second["right"] <= first["left"]), labels
        page.locator(".chart").screenshot(path=str(SCREENSHOTS / (
            f"chart-{key}-{'phone' if viewport else 'desktop'}.png")))


def test_a_relative_target_and_the_comparison_page(signed_in_page, site):
    from planwatch.domain.observation_csv import read_observations
    from planwatch.samples import luyuan
    from planwatch.web.data.store import save_observations as store
    from planwatch.web.plans.demo import add_sibling_districts

    store(read_observations(luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH))
    add_sibling_districts(Plan.objects.get(name="luyuan"))
    page = signed_in_page()
    page.goto(site + "/plans/luyuan/targets/fyp.gdp-growth-vs-city/?as_of=2025-06-30")
    page.wait_for_selector(".chart[data-drawn=true] canvas")
    screenshot(page, "relative-target")
    page.goto(site + "/plans/luyuan/compare/?target=fyp.industrial-output&as_of=2024-12-31")
    ranking = page.locator("table.ranking tbody tr")
    assert ranking.count() == 5
    screenshot(page, "comparison")


def mini_plan() -> domain.Plan:
    return domain.Plan(
        name="mini", title="迷你区规划", jurisdiction=domain.Jurisdiction("迷你区", "district"),
        departments=[domain.Department("迷你区统计局")],
        indicators=[domain.Indicator("地区生产总值", "亿元", department="迷你区统计局")],
        goals=[domain.Goal("economy", "经济发展", "area")],
        targets=[domain.Target("gdp", "地区生产总值", domain.Kind.LEVEL, domain.Comparator.GE,
                               500.0, "亿元", 2025, period_start=2021, goal="economy",
                               base_year=2020, department="迷你区统计局")])


def mini_figures() -> list[domain.Observation]:
    return [domain.Observation("迷你区", "地区生产总值", domain.parse_period(str(year)), value,
                               "亿元", source="统计公报")
            for year, value in [(2020, 300.0), (2021, 320.0), (2022, 335.0), (2023, 350.0)]]


def sign_in(page, site: str, username: str) -> None:
    page.goto(site + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(site + "/**")


def test_a_reported_figure_changes_the_status_once_a_planner_approves_it(
        browser, site, django_user_model):
    from planwatch.web.accounts.models import DepartmentMembership

    save_plan(mini_plan())
    save_observations(mini_figures())
    reporter = django_user_model.objects.create_user("reporter", password=PASSWORD)
    reporter.groups.add(role_group(Role.REPORTER))
    department = Department.objects.get(name="迷你区统计局")
    DepartmentMembership.objects.create(user=reporter, department=department)
    planner = django_user_model.objects.create_user("planner", password=PASSWORD)
    planner.groups.add(role_group(Role.PLANNER))
    target_url = site + "/plans/mini/targets/gdp/"

    page = browser.new_page()
    sign_in(page, site, "planner")
    page.goto(target_url)
    before = page.locator("#status-text").inner_text()
    assert "2023年为350亿元" in page.locator(".explanation").inner_text()
    page.context.clear_cookies()

    sign_in(page, site, "reporter")
    page.goto(f"{site}/data/departments/{department.pk}/")
    item = page.locator("section.report-item", has_text="地区生产总值 · 2025")
    item.locator("input[name=value]").fill("520")
    item.locator("button[value=submit]").click()
    page.wait_for_load_state()
    page.context.clear_cookies()

    sign_in(page, site, "planner")
    # Waiting for review: shown apart from what counts, on pages opened (and cached) before.
    page.goto(target_url)
    pending = page.locator("section.awaiting")
    assert "未计入评估" in pending.inner_text() and "520 亿元" in pending.inner_text()
    assert page.locator("#status-text").inner_text() == before
    screenshot(page, "target-pending")
    page.goto(site + "/plans/mini/")
    assert "待审核 1 项" in page.locator("#summary-title + dl + p").inner_text()
    screenshot(page, "overview-pending")
    page.get_by_role("link", name="去审核").click()
    page.wait_for_url(f"{site}/data/review/")
    page.locator("button[value=approve]").first.click()
    page.wait_for_load_state()
    page.goto(target_url)
    after = page.locator("#status-text").inner_text()
    assert "2025年为520亿元" in page.locator(".explanation").inner_text()
    assert before != after and after.split() == ["✔", "已实现"]
    assert page.locator("section.awaiting").count() == 0
    screenshot(page, "target-after-approval")
    page.close()


def test_the_public_page_needs_no_sign_in_and_shows_nothing_unpublished(browser, figures,
                                                                         site):
    Plan.objects.filter(name="luyuan").update(published=True,
                                              published_as_of=date(2023, 12, 31))
    page = browser.new_page()
    page.goto(site + "/public/luyuan/")
    assert "截至 2023-12-31 的实施情况" in page.inner_text("main")
    screenshot(page, "public")
    page.goto(site + "/public/luyuan/targets/fyp.industrial-output/")
    page.wait_for_selector(".chart[data-drawn=true] canvas")
    table = page.inner_text("table.observations")
    assert "2023" in table and "2024" not in table and "2025H1" not in table
    screenshot(page, "public-target")
    page.goto(site + "/plans/luyuan/?as_of=2025-06-30")  # the signed-in pages stay closed
    assert "/accounts/login/" in page.url
    page.close()


def test_no_request_leaves_this_machine(browser, figures, site):
    outside = []

    def watch(route):
        host = urlparse(route.request.url).hostname or ""
        if host not in LOCAL_HOSTS:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    Plan.objects.filter(name="luyuan").update(published=True,
                                              published_as_of=date(2024, 12, 31))
    page = browser.new_page()
    page.route("**/*", watch)
    sign_in(page, site, "reader")
    for path in ("/plans/luyuan/", "/plans/luyuan/targets/fyp.gdp-growth-vs-city/",
                 "/plans/luyuan/goals/fyp.economy/", "/plans/luyuan/compare/",
                 "/plans/luyuan/structure/", "/public/luyuan/"):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    assert outside == []
    page.close()
