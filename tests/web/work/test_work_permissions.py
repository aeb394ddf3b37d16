"""Who may do what on the work pages (roles of issue 5): the supervisor raises and closes,
a department writes explanations for its own items only, the leader reads, planners manage
decompositions and projects, the public sees nothing."""

from datetime import date

import pytest

from planwatch.web.work import models, service
from planwatch.web.work.supervision import Level

pytestmark = pytest.mark.django_db

EDUCATION = "绿园区教育局"
HOUSING = "绿园区住房和城乡建设局"
PAGES = ["/plans/luyuan/work/", "/plans/luyuan/projects/", "/plans/luyuan/supervision/",
         "/plans/luyuan/supervision/ranking/", "/plans/luyuan/projects/LY2021-001/"]


@pytest.fixture
def items(luyuan_plan):
    from planwatch.web.plans.models import Department

    def raise_for(name):
        return service.raise_item(luyuan_plan, department=Department.objects.get(name=name),
                                  title=f"{name}事项", detail="", level=Level.REMINDER,
                                  today=date(2021, 9, 1), by="督查室")

    return {EDUCATION: raise_for(EDUCATION), HOUSING: raise_for(HOUSING)}


def signed_in(client, user):
    client.force_login(user)
    return client


def item_url(item):
    return f"/plans/luyuan/supervision/{item.pk}/"


@pytest.mark.parametrize("url", PAGES)
def test_the_public_is_sent_to_sign_in(client, luyuan_plan, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", PAGES)
def test_a_leader_reads_every_work_page(client, luyuan_plan, person, url):
    assert signed_in(client, person("leader")).get(url).status_code == 200


def test_the_leader_can_neither_raise_nor_close_nor_explain(client, items, person):
    leader = signed_in(client, person("leader"))
    item = items[EDUCATION]
    assert leader.post("/plans/luyuan/supervision/raise/", {
        "department": item.department_id, "title": "x", "level": 1}).status_code == 403
    assert leader.post(item_url(item), {"action": "close", "reason": "好"}).status_code == 403
    assert leader.post(item_url(item), {"action": "explain", "explanation": "a",
                                        "corrective_action": "b"}).status_code == 403
    item.refresh_from_db()
    assert item.is_open and not item.explanation


def test_the_supervisor_raises_and_closes_with_a_reason(client, items, person):
    supervisor = signed_in(client, person("supervisor"))
    response = supervisor.post("/plans/luyuan/supervision/raise/", {
        "department": items[HOUSING].department_id, "title": "老旧小区改造滞后",
        "detail": "", "level": 3})
    raised = models.SupervisionItem.objects.get(title="老旧小区改造滞后")
    assert response.status_code == 302 and raised.level == Level.SUPERVISION
    assert raised.raised_by == "supervisor-"

    refused = supervisor.post(item_url(raised), {"action": "close", "reason": ""})
    raised.refresh_from_db()
    assert refused.status_code == 200 and raised.is_open
    supervisor.post(item_url(raised), {"action": "close", "reason": "已整改到位"})
    raised.refresh_from_db()
    assert raised.close_reason == "已整改到位" and not raised.is_open


def test_the_supervisor_cannot_write_a_departments_explanation(client, items, person):
    supervisor = signed_in(client, person("supervisor"))
    response = supervisor.post(item_url(items[EDUCATION]), {
        "action": "explain", "explanation": "a", "corrective_action": "b"})
    assert response.status_code == 403


def test_a_department_explains_its_own_items_only(client, items, person):
    reporter = signed_in(client, person("reporter", EDUCATION))
    own, other = items[EDUCATION], items[HOUSING]
    response = reporter.post(item_url(own), {"action": "explain", "explanation": "师资到位晚",
                                             "corrective_action": "九月底前开工"})
    own.refresh_from_db()
    assert response.status_code == 302 and own.explanation == "师资到位晚"
    assert own.explained_by == "reporter-" + EDUCATION
    # Another department's item is refused, as every item outside one's scope is (403).
    assert reporter.get(item_url(other)).status_code == 403
    assert reporter.post(item_url(other), {"action": "explain", "explanation": "x",
                                           "corrective_action": "y"}).status_code == 403
    assert reporter.post(item_url(own), {"action": "close", "reason": "x"}).status_code == 403


def test_a_reporter_lists_only_its_departments_items(client, items, person):
    page = signed_in(client, person("reporter", EDUCATION)).get(
        "/plans/luyuan/supervision/").content.decode()
    assert f"{EDUCATION}事项" in page and f"{HOUSING}事项" not in page


def test_only_planners_change_a_decomposition(client, luyuan_plan, person):
    url = "/plans/luyuan/work/decomposition/fyp.new-parks/"
    manual = {"fyp.new-parks-method": "manual", "fyp.new-parks-values": "2, 1, 1, 1, 1"}
    assert signed_in(client, person("leader")).post(url, manual).status_code == 403
    client.logout()
    assert signed_in(client, person("planner")).post(url, manual).status_code == 302
    schedule = luyuan_plan.targets.get(key="fyp.new-parks").annual_targets.values_list(
        "year", "value")
    assert dict(schedule) == {2021: 2, 2022: 1, 2023: 1, 2024: 1, 2025: 1}


def test_a_decomposition_that_does_not_add_up_is_refused_and_nothing_changes(
        client, luyuan_plan, person):
    planner = signed_in(client, person("planner"))
    response = planner.post("/plans/luyuan/work/decomposition/fyp.new-parks/",
                            {"fyp.new-parks-method": "manual",
                             "fyp.new-parks-values": "1, 1, 1, 1, 1"}, follow=True)
    assert "各年合计 5" in response.content.decode()
    schedule = luyuan_plan.targets.get(key="fyp.new-parks").annual_targets.values_list(
        "year", "value")
    assert dict(schedule) == {2021: 1, 2022: 1, 2023: 2, 2024: 1, 2025: 1}


def test_a_department_moves_its_own_projects_but_not_others(client, luyuan_plan, person):
    project = luyuan_plan.projects.exclude(department__name="绿园区征收办").filter(
        department__isnull=False).first()
    stage = {"action": "stage", "stage": "竣工", "on": "2021-10-01", "evidence": "竣工验收报告"}
    url = f"/plans/luyuan/projects/{project.key}/"
    stranger = signed_in(client, person("reporter", "绿园区征收办"))
    assert stranger.post(url, stage).status_code == 403
    client.logout()
    own = signed_in(client, person("reporter", project.department.name))
    assert own.post(url, stage).status_code == 302
    assert project.stages.filter(stage="竣工", evidence="竣工验收报告").exists()


def test_only_planners_register_and_import_projects(client, luyuan_plan, person):
    new = {"key": "NEW-1", "name": "新项目", "provenance": "official", "flags_text": "亿元以上"}
    reporter = signed_in(client, person("reporter", EDUCATION))
    assert reporter.post("/plans/luyuan/projects/new/", new).status_code == 403
    client.logout()
    planner = signed_in(client, person("planner"))
    assert planner.post("/plans/luyuan/projects/new/", new).status_code == 302
    assert luyuan_plan.projects.get(key="NEW-1").flags == ["亿元以上"]


def test_the_lead_department_reports_its_tasks_progress_and_others_cannot(
        client, luyuan_plan, person):
    task = luyuan_plan.tasks.get(key="w2021.livelihood.education")
    milestone = task.milestones.get()
    url = f"/plans/luyuan/work/tasks/{task.key}/"
    update = {"status": "done", f"done_{milestone.pk}": "2021-07-20"}
    assert signed_in(client, person("reporter", HOUSING)).post(url, update).status_code == 403
    client.logout()
    assert signed_in(client, person("reporter", EDUCATION)).post(url, update).status_code == 302
    task.refresh_from_db()
    milestone.refresh_from_db()
    assert (task.status, milestone.done_on) == ("done", date(2021, 7, 20))


def test_a_done_task_is_not_overdue_but_a_late_one_raises_an_item(luyuan_plan):
    late = "task:w2021.government.delivery"
    service.supervise(luyuan_plan, date(2021, 4, 1))
    assert luyuan_plan.supervision_items.filter(subject=late).exists()
    education = luyuan_plan.tasks.get(key="w2021.livelihood.education")
    education.status = "done"
    education.save()
    service.supervise(luyuan_plan, date(2021, 9, 1))
    assert not luyuan_plan.supervision_items.filter(
        subject="task:w2021.livelihood.education").exists()


def test_a_planner_decomposes_a_level_target_from_a_base_year_level(client, luyuan_plan, person):
    planner = signed_in(client, person("planner"))
    page = planner.get("/plans/luyuan/work/").content.decode()
    assert "尚未分解的五年目标" in page and "规上工业总产值" in page
    url = "/plans/luyuan/work/decomposition/fyp.industrial-output/"
    geometric = {"fyp.industrial-output-method": "geometric"}
    assert "需要基期值" in planner.post(url, geometric, follow=True).content.decode()
    planner.post(url, {**geometric, "fyp.industrial-output-base": "500"})
    schedule = dict(luyuan_plan.targets.get(key="fyp.industrial-output").annual_targets
                    .values_list("year", "value"))
    assert sorted(schedule) == [2021, 2022, 2023, 2024, 2025]
    assert schedule[2025] == pytest.approx(800)
    assert schedule[2021] == pytest.approx(500 * (800 / 500) ** 0.2)


def test_a_department_updates_its_projects_completed_investment(client, luyuan_plan, person):
    project = luyuan_plan.projects.filter(department__name=HOUSING).first()
    own = signed_in(client, person("reporter", HOUSING))
    response = own.post(f"/plans/luyuan/projects/{project.key}/", {
        "action": "edit", "key": project.key, "name": project.name,
        "investment": project.investment, "completed_investment": "4.5",
        "department": project.department_id, "provenance": project.provenance,
        "flags_text": "、".join(project.flags)})
    project.refresh_from_db()
    assert response.status_code == 302 and project.completed_investment == 4.5
    assert project.history.count() == 2


def test_only_the_supervisor_sends_an_explanation_back(client, items, person):
    item = items[EDUCATION]
    service.explain_item(item, explanation="a", corrective_action="b", today=date(2021, 9, 2),
                         by="x")
    back = {"action": "return", "reason": "说明不具体"}
    reporter = signed_in(client, person("reporter", EDUCATION))
    assert reporter.post(item_url(item), back).status_code == 403
    client.logout()
    assert signed_in(client, person("supervisor")).post(item_url(item), back).status_code == 302
    item.refresh_from_db()
    assert item.return_reason == "说明不具体" and item.explained_on is None
