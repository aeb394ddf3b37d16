"""Whole signed-in pages served from the cache (plans.page_cache): what a cached overview or
target page costs, and that the cache never shows stale data, another person's page, a
revoked, signed-out or changed person anything, or one language's page in the other."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department

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
def test_a_cached_page_takes_one_query(member_client, django_assert_num_queries, url):
    first = html(member_client, url)
    # The session, the person, their role and the plan's data version, read together: no
    # assessment, no target, no figures.
    with django_assert_num_queries(1):
        again = html(member_client, url)
    assert CSRF_FIELD.sub("", again) == CSRF_FIELD.sub("", first)


def test_a_stale_page_reads_its_grounds_once_on_the_way_to_a_new_one(member_client):
    """The grounds read to find the stored page stale are the ones the new page is stored
    under: rendering again costs what a first render does."""
    html(member_client)
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        html(member_client)
    save_observations([figure("2024", 410.0)])
    with CaptureQueriesContext(connection) as again:
        html(member_client)
    assert len(again) == len(first)


def signed_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("url", [OVERVIEW, TARGET])
def test_a_changed_password_signs_the_old_session_out(member_client, member, url):
    html(member_client, url)
    member.set_password("another-long-passphrase-2")
    member.save()
    assert signed_out(member_client.get(url))


@pytest.mark.parametrize("url", [OVERVIEW, TARGET])
def test_a_deactivated_person_is_signed_out(member_client, member, url):
    html(member_client, url)
    member.is_active = False
    member.save()
    assert signed_out(member_client.get(url))


@pytest.mark.parametrize("url", [OVERVIEW, TARGET])
def test_an_ended_session_is_signed_out(member_client, url):
    html(member_client, url)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert signed_out(member_client.get(url))


def test_signing_out_ends_the_cached_page(member_client):
    html(member_client)
    html(member_client)
    cookie = member_client.cookies["sessionid"].value
    member_client.post(reverse("logout"))
    member_client.cookies["sessionid"] = cookie  # the old cookie, replayed
    assert signed_out(member_client.get(OVERVIEW))


def test_a_renamed_person_sees_the_new_name(member_client, member):
    assert "退出 reader" in html(member_client)
    member.username = "reader-renamed"
    member.save()
    assert "退出 reader-renamed" in html(member_client)


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


def test_a_permission_granted_to_the_role_changes_the_cached_page_at_once(member_client):
    assert "公开设置" not in html(member_client)
    Group.objects.get(name="leader").permissions.add(
        Permission.objects.get(codename="manage_plans"))
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
    """A reporter's navigation lists its own departments' pages: joining another department
    must not leave it on the page stored before."""
    reporter = django_user_model.objects.create_user("hr", password="a-long-passphrase-1")
    reporter.groups.add(Group.objects.get(name="reporter"))
    own = Department.objects.get(name="区人力资源和社会保障局")
    DepartmentMembership.objects.create(user=reporter, department=own)
    client = Client()
    client.force_login(reporter)
    target = reverse("plans:target", args=["sample", "unemployment"])
    statistics = Department.objects.get(name="区统计局")
    other_page = reverse("plans:department", args=["sample", statistics.pk])
    assert other_page not in html(client, target)
    assert other_page not in html(client, target)  # from the cache
    DepartmentMembership.objects.create(user=reporter, department=statistics)
    assert other_page in html(client, target)
