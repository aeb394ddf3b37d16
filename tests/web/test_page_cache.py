"""Whole signed-in pages served from the cache (plans.page_cache): what a cached overview or
target page costs, and that the cache never shows stale data, another person's page, a
revoked person anything, or one language's page in the other."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.urls import reverse

from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.assessments import plan_with_version
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department
from planwatch.web.plans.page_cache import page_key

# `stored`, the sample plan with its figures, is the fixture every test here starts from.
from .test_dashboard_pages import figure, stored  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stored")]

OVERVIEW = reverse("plans:overview", args=["sample"])
TARGET = reverse("plans:target", args=["sample", "gdp-2025"])
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def person(django_user_model, name: str, role: str, **flags) -> Client:
    user = django_user_model.objects.create_user(name, password="a-long-passphrase-1", **flags)
    user.groups.add(Group.objects.get(name=role))
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def html(client, url: str = OVERVIEW, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def tokens(page: str) -> set[str]:
    return set(CSRF_FIELD.findall(page))


@pytest.mark.parametrize("url", [OVERVIEW, TARGET])
def test_a_cached_page_takes_the_sign_in_the_plan_and_the_role_only(
        member_client, django_assert_num_queries, url):
    first = html(member_client, url)
    # The session, the user, then the plan with its data version and the person's role
    # permissions: no assessment, no target, no figures.
    with django_assert_num_queries(3):
        again = html(member_client, url)
    assert CSRF_FIELD.sub("", again) == CSRF_FIELD.sub("", first)


def test_a_new_figure_shows_on_the_cached_overview_at_once(member_client):
    assert "截至 2023-12-31 的总体情况" in html(member_client)
    save_observations([figure("2024", 410.0)])
    assert "截至 2024-12-31 的总体情况" in html(member_client)


def test_a_revoked_role_is_refused_on_the_next_request(member_client, member):
    html(member_client)
    member.groups.clear()
    assert member_client.get(OVERVIEW).status_code == 403
    assert member_client.get(TARGET).status_code == 403


def test_a_new_role_changes_the_cached_page_at_once(member_client, member):
    assert "公开设置" not in html(member_client)
    member.groups.add(Group.objects.get(name="planner"))
    assert "公开设置" in html(member_client)


def test_two_people_never_see_each_others_page(django_user_model):
    first = person(django_user_model, "leader-one", "leader")
    second = person(django_user_model, "leader-two", "leader")
    html(first)
    html(second)
    page = html(second)  # from the cache
    assert "退出 leader-two" in page and "leader-one" not in page
    (token,) = tokens(page)
    assert _unmask_cipher_token(token) == second.cookies["csrftoken"].value
    assert _unmask_cipher_token(token) != first.cookies["csrftoken"].value


def test_the_csrf_token_of_a_cached_page_is_fresh_and_accepted(django_user_model):
    client = person(django_user_model, "leader-one", "leader")
    rendered, cached = tokens(html(client)), tokens(html(client))
    assert len(cached) == 1 and cached != rendered  # masked anew, as Django does each time
    response = client.post(reverse("set_language"),
                           {"language": "en", "next": OVERVIEW,
                            "csrfmiddlewaretoken": cached.pop()})
    assert response.status_code == 302


def test_english_and_chinese_are_cached_apart(member_client):
    assert "领导驾驶舱" in html(member_client)
    member_client.post(reverse("set_language"), {"language": "en", "next": OVERVIEW})
    english = html(member_client)
    assert 'lang="en"' in english and "全部目标" not in english
    member_client.post(reverse("set_language"), {"language": "zh-hans", "next": OVERVIEW})
    assert "全部目标" in html(member_client)


def test_each_query_string_is_a_page_of_its_own(member_client):
    html(member_client, as_of="2023-12-31")
    breached = html(member_client, as_of="2023-12-31", status="breached")
    table = breached[breached.index('id="target-table"'):]
    assert "(1 / 5)" in table


def test_cached_pages_are_private_to_the_person(member_client):
    for _ in range(2):
        response = member_client.get(OVERVIEW)
        assert "private" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]


def test_a_one_off_message_is_shown_once_not_stored(django_user_model):
    planner = person(django_user_model, "planner-one", "planner")
    html(planner)
    token = tokens(html(planner)).pop()
    response = planner.post(reverse("plans:publish", args=["sample"]),
                            {"published": "on", "published_as_of": "2023-12-31",
                             "csrfmiddlewaretoken": token}, follow=True)
    assert "已公开,评估截至 2023-12-31" in response.content.decode()
    assert 'role="status"' not in html(planner)


def test_a_target_that_does_not_exist_is_not_found_every_time(member_client):
    missing = reverse("plans:target", args=["sample", "no-such-target"])
    assert member_client.get(missing).status_code == 404
    assert member_client.get(missing).status_code == 404


def test_a_reporters_pages_are_kept_apart_by_their_departments(django_user_model):
    """A reporter's navigation may list its own departments' pages: joining another
    department must not leave it on the page stored before."""
    reporter = django_user_model.objects.create_user("hr", password="a-long-passphrase-1")
    reporter.groups.add(Group.objects.get(name="reporter"))
    DepartmentMembership.objects.create(
        user=reporter, department=Department.objects.get(name="区人力资源和社会保障局"))

    def key() -> str:
        request = RequestFactory().get(TARGET)
        request.user = django_user_model.objects.get(pk=reporter.pk)  # a new request's user
        return page_key(request, plan_with_version("sample")[0])

    before = key()
    assert key() == before
    DepartmentMembership.objects.create(
        user=reporter, department=Department.objects.get(name="区统计局"))
    assert key() != before
