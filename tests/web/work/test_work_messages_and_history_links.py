"""What the work pages say after an action, and where they lead for the record of changes:
messages stand in the page column (a refusal as an alert that says why, a success as a
status), and task and project pages link to their history tabs."""

import re
from datetime import date

import pytest

from planwatch.web.work import service
from planwatch.web.work.supervision import Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(luyuan_plan):
    from planwatch.web.plans.models import Department

    return service.raise_item(luyuan_plan, department=Department.objects.get(name="绿园区教育局"),
                              title="学校改造滞后", detail="", level=Level.REMINDER,
                              today=date(2021, 9, 1), by="督查室")


def main_column(response) -> str:
    """The page's <main>: what stands in the page column."""
    return re.search(r"<main\b.*</main>", response.content.decode(), re.S).group(0)


def url(item):
    return f"/plans/luyuan/supervision/{item.pk}/"


def test_a_closure_without_a_reason_is_refused_with_an_alert_saying_why(client, item, person):
    client.force_login(person("supervisor"))
    refused = client.post(url(item), {"action": "close", "reason": "  "})
    item.refresh_from_db()
    assert refused.status_code == 200 and item.is_open
    assert '<p class="error" role="alert">未销号:销号须写明理由</p>' in main_column(refused)


def test_a_return_without_a_reason_is_refused_with_an_alert(client, item, person):
    service.explain_item(item, explanation="已安排", corrective_action="月底前完成",
                         today=date(2021, 9, 2), by="edu")
    client.force_login(person("supervisor"))
    refused = client.post(url(item), {"action": "return", "reason": ""})
    item.refresh_from_db()
    assert item.explained_on == date(2021, 9, 2)
    assert 'role="alert">未退回:退回须写明理由</p>' in main_column(refused)


def test_an_explanation_missing_its_corrective_action_is_refused_with_an_alert(
        client, item, person):
    client.force_login(person("reporter", "绿园区教育局"))
    refused = client.post(url(item), {"action": "explain", "explanation": "已安排",
                                      "corrective_action": ""})
    item.refresh_from_db()
    assert item.explained_on is None
    assert 'role="alert">未提交:情况说明和整改措施都要填写</p>' in main_column(refused)


def test_the_closure_is_confirmed_as_a_status_inside_the_page_column(client, item, person):
    client.force_login(person("supervisor"))
    page = client.post(url(item), {"action": "close", "reason": "已整改到位"}, follow=True)
    assert '<p class="success" role="status">已销号</p>' in main_column(page)
    before_main = page.content.decode().split("<main", 1)[0]
    assert "已销号" not in before_main


def test_the_project_page_links_to_the_projects_history_tab(client, luyuan_plan, person):
    client.force_login(person("planner"))
    project = luyuan_plan.projects.get(key="LY2021-001")
    page = client.get("/plans/luyuan/projects/LY2021-001/").content.decode()
    link = f'href="/data/history/project/{project.pk}/"'
    assert link in page
    assert client.get(f"/data/history/project/{project.pk}/").status_code == 200


def test_the_work_plan_links_each_task_to_its_history_tab(client, luyuan_plan, person):
    client.force_login(person("leader"))
    page = client.get("/plans/luyuan/work/").content.decode()
    for task in luyuan_plan.tasks.all():
        assert f'href="/data/history/task/{task.pk}/"' in page
    task = luyuan_plan.tasks.first()
    assert client.get(f"/data/history/task/{task.pk}/").status_code == 200
