"""The navigation shows each role the pages it may open, and only those: the plan pages'
breadcrumbs (shared by the work pages), the header's 数据报送 and API 令牌, the home page and the
departments list."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

ROLES_WITH_PAGES = ["planner", "education", "finance", "supervisor", "leader", "admin"]
WHOLE_PLAN = {"planner", "supervisor", "leader", "admin"}
PLAN_WIDE = ["plans:overview", "plans:structure", "plans:departments", "plans:compare",
             "plans:document"]
WORK = ["work:plan", "work:projects", "work:supervision"]


def links_in(html: str, tag: str, opening: str = "") -> set[str]:
    """The addresses (without their query) linked from the page's first <tag opening…>."""
    found = re.search(rf"<{tag}{re.escape(opening)}[\s>].*?</{tag}>", html, re.S)
    assert found, (tag, opening)
    return {href.split("?")[0] for href in re.findall(r'href="([^"]+)"', found.group(0))}


def plan_nav(html: str) -> set[str]:
    return links_in(html, "nav", ' class="breadcrumbs"')


def expected_nav(role, plan, department) -> set[str]:
    pages = [reverse("plans:home")] + [reverse(name, args=[plan.name]) for name in WORK]
    if role in WHOLE_PLAN:
        pages += [reverse(name, args=[plan.name]) for name in [*PLAN_WIDE, "work:ranking"]]
    else:
        pages.append(reverse("plans:department", args=[plan.name, department.pk]))
    return set(pages)


@pytest.fixture
def own_department(education, finance):
    return {"education": education, "finance": finance}


@pytest.mark.parametrize("role", ROLES_WITH_PAGES)
def test_the_plan_and_work_pages_list_exactly_the_roles_pages(
        client_of, plan, own_department, role):
    department = own_department.get(role)
    client = client_of(role)
    opened = [reverse(name, args=[plan.name]) for name in WORK]
    opened.append(reverse("plans:department", args=[plan.name, department.pk]) if department
                  else reverse("plans:structure", args=[plan.name]))
    expected = expected_nav(role, plan, department)
    for url in opened:
        response = client.get(url)
        assert response.status_code == 200, url
        assert plan_nav(response.content.decode()) == expected, url
    # Every page the navigation lists opens for the role.
    assert {url: client.get(url).status_code for url in expected} == dict.fromkeys(expected, 200)


def test_a_published_plan_adds_its_public_page(client_of, plan):
    plan.published = True
    plan.save()
    html = client_of("leader").get(reverse("plans:structure", args=[plan.name])).content.decode()
    assert plan_nav(html) == expected_nav("leader", plan, None) | {
        reverse("plans:public", args=[plan.name])}


@pytest.mark.parametrize("page", [*PLAN_WIDE, *WORK])
def test_a_person_without_a_role_reads_a_published_plan_on_its_public_page(
        client_of, plan, page):
    plan.published = True
    plan.save()
    response = client_of("nobody").get(reverse(page, args=[plan.name]))
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:public", args=[plan.name])


@pytest.mark.parametrize("role", ROLES_WITH_PAGES + ["nobody"])
def test_the_header_offers_reporting_to_those_who_report(client_of, plan, role):
    html = client_of(role).get(reverse("plans:home")).content.decode()
    offers = reverse("data:home") in links_in(html, "header")
    assert offers == (role in {"planner", "admin", "education", "finance"})


@pytest.mark.parametrize("role", ROLES_WITH_PAGES + ["nobody"])
def test_the_header_offers_an_api_token_to_every_role(client_of, plan, role):
    html = client_of(role).get(reverse("plans:home")).content.decode()
    offers = reverse("data:api_token") in links_in(html, "header")
    assert offers == (role != "nobody")


def test_the_departments_list_links_to_pages_its_readers_may_open(client_of, plan):
    # Only those who read the whole plan open the list (reporters are sent to their own
    # department's page: test_reading_scope.py), and they open every department's page.
    every = {reverse("plans:department", args=[plan.name, link.department_id])
             for link in plan.department_links.all()}
    leader = client_of("leader")
    listed = links_in(leader.get(reverse("plans:departments", args=[plan.name]))
                      .content.decode(), "main")
    assert every <= listed
    assert {url: leader.get(url).status_code for url in every} == dict.fromkeys(every, 200)


@pytest.mark.parametrize("role", ROLES_WITH_PAGES)
def test_the_home_page_leads_each_role_into_the_plan_where_it_may_go(client_of, plan,
                                                                     own_department, role):
    home = client_of(role).get(reverse("plans:home")).content.decode()
    overview = reverse("plans:overview", args=[plan.name])
    if role in WHOLE_PLAN:
        assert f'href="{overview}"' in home
    else:
        department = own_department[role]
        assert f'href="{overview}"' not in home
        assert f'href="{reverse("plans:department", args=[plan.name, department.pk])}"' in home
