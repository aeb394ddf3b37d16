"""The target and structure pages link to the history tabs (修订记录) of the plan, its targets
and each figure — for those who may open them, and every link opens."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department, Indicator, Plan, Target

# `stored`: the sample plan with its figures.
from .test_dashboard_pages import figure, stored  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stored")]

HISTORY_LINK = re.compile(r'href="(/data/history/(\w+)/(\d+)/)"')


def history_links(html: str) -> set[tuple[str, int]]:
    return {(kind, int(pk)) for _url, kind, pk in HISTORY_LINK.findall(html)}


def opens_every_history_link(client, html: str) -> None:
    for url, _kind, _pk in HISTORY_LINK.findall(html):
        assert client.get(url).status_code == 200, url


def test_the_target_page_links_the_targets_and_each_figures_history(member_client):
    html = member_client.get(reverse("plans:target", args=["sample", "gdp-2025"])).content.decode()
    target = Target.objects.get(key="gdp-2025")
    figures = set(Observation.objects.filter(indicator="地区生产总值").values_list("pk", flat=True))
    assert history_links(html) == {("target", target.pk)} | {
        ("observation", pk) for pk in figures}
    opens_every_history_link(member_client, html)


def test_the_structure_page_links_the_plans_and_each_targets_history(member_client):
    html = member_client.get(reverse("plans:structure", args=["sample"])).content.decode()
    plan = Plan.objects.get(name="sample")
    assert history_links(html) == {("plan", plan.pk)} | {
        ("target", pk) for pk in plan.targets.values_list("pk", flat=True)}
    opens_every_history_link(member_client, html)


def reporter(django_user_model, department: str):
    user = django_user_model.objects.create_user(department)
    user.groups.add(Group.objects.get(name="reporter"))
    DepartmentMembership.objects.create(user=user,
                                        department=Department.objects.get(name=department))
    return user


def test_a_reporter_is_linked_to_the_history_of_the_figures_it_may_read_only(
        client, django_user_model):
    """人社局 reports 服务业增加值 here, so it reads the growth target measured by it — but
    not the 地区生产总值 figures it is benchmarked on (统计局's, for 发改局's target)."""
    Indicator.objects.filter(plan__name="sample", name="服务业增加值").update(
        department=Department.objects.get(name="区人力资源和社会保障局"))
    save_observations([figure("2022", 120.0, indicator="服务业增加值")])
    client.force_login(reporter(django_user_model, "区人力资源和社会保障局"))
    html = client.get(reverse("plans:target", args=["sample", "services-growth"])
                      ).content.decode()
    own = Observation.objects.get(indicator="服务业增加值")
    assert history_links(html) == {("target", Target.objects.get(key="services-growth").pk),
                                   ("observation", own.pk)}
    assert "<td>地区生产总值</td>" in html  # the benchmark's figures are listed, unlinked
    opens_every_history_link(client, html)
    benchmark = Observation.objects.filter(indicator="地区生产总值").first()
    assert client.get(reverse("data:history", args=["observation", benchmark.pk])
                      ).status_code == 403


def test_a_reporter_is_linked_to_the_history_of_its_own_figures(client, django_user_model):
    client.force_login(reporter(django_user_model, "区统计局"))
    html = client.get(reverse("plans:target", args=["sample", "gdp-2025"])).content.decode()
    figures = set(Observation.objects.filter(indicator="地区生产总值").values_list("pk", flat=True))
    assert {pk for kind, pk in history_links(html) if kind == "observation"} == figures
    opens_every_history_link(client, html)
