"""Who reads what (issue 5): the role × page/endpoint × own/other department matrix.

Planners, supervisors, leaders and administrators read the whole plan. A department reporter
reads its own department's targets (and their figures and assessments), tasks (led or
supported), projects and supervision items — through the web and the API alike; another
department's single item is refused (403), a list shows only its own, and a page about the
whole plan sends it to its department's page. A signed-in person without a role reads
nothing of an unpublished plan; the public is sent to sign in (the web) or refused (the API).
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from django.urls import reverse

from planwatch import domain
from planwatch.domain import Observation as Figure
from planwatch.domain import parse_period
from planwatch.web.accounts.models import ApiToken
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan
from planwatch.web.work import service
from planwatch.web.work.supervision import Level

from .conftest import EDUCATION, FINANCE, reporting_plan

ROLES = ["planner", "education", "finance", "supervisor", "leader", "admin", "nobody", None]
WHOLE_PLAN = {"planner", "supervisor", "leader", "admin"}
OWN = {"education": "edu", "finance": "fin"}


def scoped_plan(plan: domain.Plan) -> domain.Plan:
    """The reporting plan with a target, a task, a project for each of 教育局 and 财政局;
    教育局 also supports 财政局's task."""
    plan = reporting_plan(plan)
    return dataclasses.replace(
        plan,
        targets=[*plan.targets,
                 domain.Target("edu-schools", "新建学校", domain.Kind.CUMULATIVE,
                               domain.Comparator.GE, 4.0, "所", 2025, period_start=2021,
                               goal="fyp.economy", department=EDUCATION),
                 domain.Target("fin-revenue", "区本级留用收入", domain.Kind.LEVEL,
                               domain.Comparator.GE, 10.0, "亿元", 2025, goal="fyp.economy",
                               base_year=2020, base_value=6.0, department=FINANCE)],
        tasks=[*plan.tasks,
               domain.Task("edu-task", "新建九年一贯制学校", 2021, goal="y2021.jobs",
                           lead_department=EDUCATION),
               domain.Task("fin-task", "盘活存量资金", 2021, goal="y2021.jobs",
                           lead_department=FINANCE),
               domain.Task("joint-task", "教育经费保障", 2021, goal="y2021.jobs",
                           lead_department=FINANCE, departments=[EDUCATION])],
        projects=[*plan.projects,
                  domain.Project("edu-project", "第二实验学校", department=EDUCATION),
                  domain.Project("fin-project", "财政大厦改造", department=FINANCE)])


@pytest.fixture
def plan(db, plan_factory):
    stored = save_plan(scoped_plan(plan_factory()))
    save_observations([Figure("示例区", "新建学校", parse_period("2022"), 2.0, "所"),
                       Figure("示例区", "区本级留用收入", parse_period("2022"), 7.0, "亿元"),
                       Figure("示例区", "地区生产总值", parse_period("2022"), 350.0, "亿元")])
    return stored


@pytest.fixture
def scope(plan, education, finance):
    """label → (url, whose): whose is "edu"/"fin" for a department's item, "whole" for a
    plan-wide page, "list" for a page every role reads filtered to its scope."""
    items = {code: service.raise_item(plan, department=department, title=f"{code}-item",
                                      detail="", level=Level.REMINDER,
                                      today=date(2021, 9, 1), by="督查室")
             for code, department in (("edu", education), ("fin", finance))}
    name = plan.name

    def history(kind, pk):
        return reverse("data:history", args=[kind, pk])

    cases = {
        "overview": (reverse("plans:overview", args=[name]), "whole"),
        "structure": (reverse("plans:structure", args=[name]), "whole"),
        "goal": (reverse("plans:goal", args=[name, "fyp.economy"]), "whole"),
        "departments": (reverse("plans:departments", args=[name]), "whole"),
        "comparison": (reverse("plans:compare", args=[name]), "whole"),
        "document": (reverse("plans:document", args=[name]), "whole"),
        "ranking": (reverse("work:ranking", args=[name]), "whole"),
        "plan history": (history("plan", plan.pk), "whole-history"),
        "work plan": (reverse("work:plan", args=[name]), "list"),
        "projects": (reverse("work:projects", args=[name]), "list"),
        "supervision": (reverse("work:supervision", args=[name]), "list"),
    }
    for code, department in (("edu", education), ("fin", finance)):
        target = plan.targets.get(department=department)
        task = plan.tasks.get(key=f"{code}-task")
        project = plan.projects.get(department=department)
        indicator = "新建学校" if code == "edu" else "区本级留用收入"
        cases |= {
            f"{code} target": (reverse("plans:target", args=[name, target.key]), code),
            f"{code} department": (reverse("plans:department", args=[name, department.pk]),
                                   code),
            f"{code} project": (reverse("work:project", args=[name, project.key]), code),
            f"{code} item": (reverse("work:item", args=[name, items[code].pk]), code),
            f"{code} target history": (history("target", target.pk), code),
            f"{code} task history": (history("task", task.pk), code),
            f"{code} project history": (history("project", project.pk), code),
            f"{code} figure history": (history("observation", Observation.objects.get(
                indicator=indicator).pk), code),
        }
    # 财政局 leads the joint task and 教育局 supports it: both read it.
    joint = plan.tasks.get(key="joint-task")
    cases["joint task history"] = (history("task", joint.pk), "edu+fin")
    return cases


def expected_status(role, whose) -> int:
    if role is None:
        return 302  # sent to sign in
    if role in WHOLE_PLAN:
        return 200
    if role == "nobody":
        return 403
    own = OWN[role]
    if whose == "whole":
        return 302  # to its department's page
    if whose == "whole-history":
        return 403
    return 200 if whose == "list" or own in whose.split("+") else 403


@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_each_role_by_its_scope(client_of, scope, role):
    client = client_of(role)
    statuses = {label: client.get(url).status_code for label, (url, _whose) in scope.items()}
    assert statuses == {label: expected_status(role, whose)
                        for label, (_url, whose) in scope.items()}


@pytest.mark.parametrize("role", ["education", "finance"])
def test_a_plan_wide_page_sends_a_reporter_to_its_department_page(
        client_of, scope, education, finance, role):
    department = education if role == "education" else finance
    own_page = reverse("plans:department", args=["sample", department.pk])
    client = client_of(role)
    sent_to = {label: client.get(url)["Location"] for label, (url, whose) in scope.items()
               if whose == "whole"}
    assert sent_to == dict.fromkeys(sent_to, own_page)


def test_a_reporter_whose_department_is_not_in_the_plan_is_refused_not_redirected(
        client_of, plan, users):
    from planwatch.web.accounts.models import DepartmentMembership
    from planwatch.web.plans.models import Department

    elsewhere = Department.objects.create(name="区外单位")
    DepartmentMembership.objects.filter(user=users["education"]).update(department=elsewhere)
    plan.published = True
    plan.save()
    response = client_of("education").get(reverse("plans:overview", args=[plan.name]))
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()


TEXTS = {"edu": ["新建九年一贯制学校", "教育经费保障", "第二实验学校", "edu-item"],
         "fin": ["盘活存量资金", "财政大厦改造", "fin-item"]}


@pytest.mark.parametrize("role", ["education", "finance", "leader"])
def test_the_work_lists_show_a_reporter_its_own_items_only(client_of, scope, role):
    client = client_of(role)
    shown = "".join(client.get(scope[page][0]).content.decode()
                    for page in ("work plan", "projects", "supervision"))
    for code, texts in TEXTS.items():
        for text in texts:
            # The joint task is 财政局's and 教育局's.
            visible = role == "leader" or OWN[role] == code or (
                text == "教育经费保障" and role == "finance")
            assert (text in shown) == visible, (role, text)


# ---------------------------------------------------------------- the API

@pytest.fixture
def tokens(users):
    return {name: ApiToken.objects.issue(user) for name, user in users.items()}


def api_get(client, tokens, role, path):
    headers = {"Authorization": f"Bearer {tokens[role]}"} if role else {}
    return client.get(f"/api/plans/sample/{path}", headers=headers)


OWN_TARGETS = {"education": {"edu-schools"}, "finance": {"fin-revenue"}}
OWN_SERIES = {"education": {"新建学校"}, "finance": {"区本级留用收入"}}


@pytest.mark.parametrize("role", ROLES)
def test_api_lists_hold_what_the_token_may_read(client, plan, tokens, role):
    every_target = set(plan.targets.values_list("key", flat=True))
    listed = {path: api_get(client, tokens, role, path) for path in
              ("targets", "observations", "assessments")}
    if role in {"nobody", None}:
        assert {path: r.status_code for path, r in listed.items()} == dict.fromkeys(listed, 403)
        return
    assert {path: r.status_code for path, r in listed.items()} == dict.fromkeys(listed, 200)
    targets = {t["key"] for t in listed["targets"].json()}
    judged = {a["target"] for a in listed["assessments"].json()}
    series = {o["indicator"] for o in listed["observations"].json()}
    if role in WHOLE_PLAN:
        # Targets without a figure to judge have no assessment.
        assert targets == every_target and {"edu-schools", "fin-revenue"} <= judged <= targets
        assert series == {"新建学校", "区本级留用收入", "地区生产总值"}
    else:
        assert targets == judged == OWN_TARGETS[role]
        assert series == OWN_SERIES[role]


@pytest.mark.parametrize("role", ROLES)
def test_api_one_indicator_outside_the_scope_is_refused(client, plan, tokens, role):
    response = api_get(client, tokens, role, "observations?indicator=区本级留用收入")
    may_read = role in WHOLE_PLAN | {"finance"}
    assert response.status_code == (200 if may_read else 403)
    if may_read:
        assert [o["value"] for o in response.json()] == [7.0]


def test_a_reporter_exports_only_the_figures_it_may_read(client_of, plan):
    response = client_of("education").get(reverse("data:export") + "?plan=sample")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "新建学校" in text
    assert "区本级留用收入" not in text and "地区生产总值" not in text


def test_a_person_without_a_role_reads_a_published_plan_through_the_api_as_the_public(
        client, plan, tokens):
    plan.published, plan.published_as_of = True, date(2021, 12, 31)
    plan.save()
    assert api_get(client, tokens, "nobody", "assessments?as_of=2023-12-31").status_code == 403
    # Every stored figure is for 2022, after the published date: the public reads none of them.
    assert api_get(client, tokens, "nobody", "observations").json() == []
    assert len(api_get(client, tokens, "leader", "observations").json()) == 3
