"""What is pending shows beside what counts (issue 5): a department's submitted figure appears
on the overview and the target page at once, marked as not yet counted in the assessment;
approval moves it into the observations; a return shows the planner's reason. Readers see
the pending figures of the departments whose reporting they may read, nobody else's.

The pages are cached whole per person; these tests open each page once before the change,
so a page that missed the change would be served stale from the cache."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.accounts.permissions import readable_submissions
from planwatch.web.assessments import data_version
from planwatch.web.data import reporting
from planwatch.web.data.models import Submission
from planwatch.web.plans.models import Department, Indicator, Plan, Target

# `stored`: the sample plan with 地区生产总值 figures up to 2023 (reported by 区统计局).
from .test_dashboard_pages import stored  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stored")]

OVERVIEW = reverse("plans:overview", args=["sample"])
GDP_TARGET = reverse("plans:target", args=["sample", "gdp-2025"])
SERVICES_TARGET = reverse("plans:target", args=["sample", "services-growth"])
STATISTICS, LABOUR = "区统计局", "区人力资源和社会保障局"


@pytest.fixture
def people(django_user_model):
    """name → user: a planner, a leader, a 统计局 and a 人社局 reporter, one without a role."""

    def make(name: str, role: str | None, department: str | None = None):
        user = django_user_model.objects.create_user(name)
        if role:
            user.groups.add(Group.objects.get(name=role))
        if department:
            DepartmentMembership.objects.create(
                user=user, department=Department.objects.get(name=department))
        return user

    return {"planner": make("planner", "planner"), "leader": make("leader", "leader"),
            "statistics": make("statistics", "reporter", STATISTICS),
            "labour": make("labour", "reporter", LABOUR), "nobody": make("nobody", None)}


def page(people, name: str, url: str) -> str:
    client = Client()
    client.force_login(people[name])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def submit(user, indicator: str, period: str, value: str, unit: str = "亿元") -> Submission:
    return reporting.save_entry(user, reporting.Entry(
        Indicator.objects.get(plan__name="sample", name=indicator), period, "level", value,
        unit), submit=True)


def awaiting_block(html: str) -> str:
    """The target page's 待审核数据 section ("" when there is none)."""
    start = html.find('id="awaiting-title"')
    return "" if start < 0 else html[start:html.index("</section>", start)]


def test_a_submitted_figure_shows_on_the_overview_at_once_and_is_not_counted(people):
    before = page(people, "leader", OVERVIEW)
    assert "待审核" not in before and "未计入评估" not in before
    submit(people["statistics"], "地区生产总值", "2024", "410")
    html = page(people, "leader", OVERVIEW)
    summary = html[html.index('id="summary-title"'):html.index('id="alerts-title"')]
    assert "未计入评估" in summary and "待审核 1 项" in summary
    # The assessment still rests on the approved figures only.
    assert "截至 2023-12-31 的总体情况" in html
    # Marked on the targets that read the series: 地区生产总值 and the growth target
    # benchmarked on it; the others not.
    table = html[html.index('id="target-table"'):]
    rows = table.split("<tr")
    marked = [row for row in rows if "待审核 1 项" in row]
    assert len(marked) == 2
    assert any("gdp-2025" in row for row in marked)
    assert any("services-growth" in row for row in marked)


def test_planners_are_sent_to_the_review_and_leaders_are_not(people):
    submit(people["statistics"], "地区生产总值", "2024", "410")
    review = f'href="{reverse("data:review")}"'
    assert review in page(people, "planner", OVERVIEW)
    assert review not in page(people, "leader", OVERVIEW)


def test_the_target_page_lists_the_submitted_figure_apart_from_the_observations(people):
    page(people, "leader", GDP_TARGET)
    submit(people["statistics"], "地区生产总值", "2024", "41000", unit="万元")
    html = page(people, "leader", GDP_TARGET)
    block = awaiting_block(html)
    assert "未计入评估" in block
    assert "2024" in block and "4.1 亿元" in block and STATISTICS in block
    assert "已提交待审核" in block and "statistics" in block
    # Neither the judgement nor the observations table takes it.
    assert "2023年为350亿元" in html
    observations = html[html.index("监测数据"):html.index('id="awaiting-title"')]
    assert "4.1 亿元" not in observations


def test_approval_moves_the_figure_into_the_observations(people):
    submission = submit(people["statistics"], "地区生产总值", "2024", "410")
    assert awaiting_block(page(people, "leader", GDP_TARGET))
    reporting.approve(people["planner"], submission, submission.version)
    html = page(people, "leader", GDP_TARGET)
    assert awaiting_block(html) == ""
    assert "2024年为410亿元" in html
    observations = html[html.index("监测数据"):]
    assert "410 亿元" in observations
    assert "待审核" not in page(people, "leader", OVERVIEW)


def test_a_returned_figure_shows_the_planners_reason(people):
    submission = submit(people["statistics"], "地区生产总值", "2024", "410")
    page(people, "statistics", GDP_TARGET)
    reporting.return_submission(people["planner"], submission, submission.version,
                                "口径应为现价")
    block = awaiting_block(page(people, "statistics", GDP_TARGET))
    assert "已退回" in block and "口径应为现价" in block and "planner" in block
    html = page(people, "leader", OVERVIEW)
    summary = html[html.index('id="summary-title"'):html.index('id="alerts-title"')]
    assert "已退回 1 项" in summary and "待审核 1 项" not in summary


def test_a_draft_is_not_shown(people):
    reporting.save_entry(people["statistics"], reporting.Entry(
        Indicator.objects.get(plan__name="sample", name="地区生产总值"), "2024", "level", "410",
        "亿元"), submit=False)
    assert awaiting_block(page(people, "leader", GDP_TARGET)) == ""
    assert "待审核" not in page(people, "leader", OVERVIEW)


def test_a_reporter_sees_only_its_own_departments_pending_figures(people):
    """The growth target reads 服务业增加值 (人社局's here) against 地区生产总值 (统计局's):
    the 人社局 reporter sees its own figure waiting, not 统计局's."""
    labour = Department.objects.get(name=LABOUR)
    Indicator.objects.filter(plan__name="sample", name="服务业增加值").update(department=labour)
    Target.objects.filter(key="services-growth").update(department=labour)
    submit(people["labour"], "服务业增加值", "2024", "120")
    submit(people["statistics"], "地区生产总值", "2024", "410")
    own = awaiting_block(page(people, "labour", SERVICES_TARGET))
    assert "120 亿元" in own and "410 亿元" not in own and STATISTICS not in own
    both = awaiting_block(page(people, "leader", SERVICES_TARGET))
    assert "120 亿元" in both and "410 亿元" in both


def test_a_reader_without_a_role_sees_no_pending_figures(people, client):
    """Whatever page such a person is given (the signed-in page or the public one), and the
    public page itself, show nothing of the departments' unapproved figures."""
    Plan.objects.filter(name="sample").update(published=True)
    submit(people["statistics"], "地区生产总值", "2024", "410")
    nobody = Client()
    nobody.force_login(people["nobody"])
    for url in (OVERVIEW, GDP_TARGET, reverse("plans:public_target", args=["sample", "gdp-2025"])):
        for reader in (nobody, client):
            response = reader.get(url, follow=True)
            assert response.status_code == 200
            assert "待审核" not in response.content.decode()
    assert not readable_submissions(people["nobody"], Submission.objects.all()).exists()


def test_every_move_of_a_submission_changes_the_data_version(people):
    plan = Plan.objects.get(name="sample")
    gdp = Indicator.objects.get(plan=plan, name="地区生产总值")
    versions = [data_version(plan)]
    submission = submit(people["statistics"], "地区生产总值", "2024", "410")
    versions.append(data_version(plan))
    reporting.return_submission(people["planner"], submission, submission.version, "请核实")
    versions.append(data_version(plan))
    submission.refresh_from_db()
    reporting.save_entry(people["statistics"], reporting.Entry(
        gdp, "2024", "level", "400", "亿元", version=submission.version), submit=True)
    versions.append(data_version(plan))
    submission.refresh_from_db()
    reporting.approve(people["planner"], submission, submission.version)
    versions.append(data_version(plan))
    assert len(set(versions)) == len(versions) == 5
