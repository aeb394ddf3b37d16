"""The department's reporting page: its messages read as Chinese sentences, and each form
starts from the indicator's usual 口径 and unit."""

from __future__ import annotations

import re

from django.urls import reverse

from planwatch.domain import Observation as Figure
from planwatch.domain import ObservationKind, parse_period
from planwatch.web.data.store import save_observations


def report(client, department, indicator, action: str, version: int):
    page = client.post(reverse("data:report", args=[department.pk]), {
        "indicator": indicator.pk, "period": "2023Q1", "kind": "level", "value": "3.2",
        "unit": "亿元", "note": "", "version": str(version), "action": action}, follow=True)
    return [str(message) for message in page.context["messages"]]


def test_submitting_says_submitted_once_and_a_draft_says_saved(client_of, finance, revenue):
    client = client_of("finance")
    assert report(client, finance, revenue, "save", 0) == ["区本级留用收入 2023Q1:已保存草稿"]
    assert report(client, finance, revenue, "submit", 1) == [
        "区本级留用收入 2023Q1:已提交待审核"]


def forms(page: str) -> list[str]:
    return re.findall(r'<form method="post" action="[^"]*/report/".*?</form>', page, re.S)


def test_each_form_starts_from_the_indicators_usual_kind_and_unit(client_of, education,
                                                                    finance, plan):
    save_observations([
        Figure("示例区", "新建学校", parse_period("2019"), 2, "所", kind=ObservationKind.COUNT),
        Figure("示例区", "新建学校", parse_period("2020"), 3, "所", kind=ObservationKind.COUNT),
        Figure("示例区", "区本级留用收入", parse_period("2020Q4"), 5.1, "%",
               kind=ObservationKind.GROWTH_PCT)])
    schools = forms(client_of("education").get(
        reverse("data:department", args=[education.pk])).content.decode())
    assert schools and all('<option value="count" selected>' in form
                           and 'name="unit" value="所"' in form for form in schools)
    revenue = forms(client_of("finance").get(
        reverse("data:department", args=[finance.pk])).content.decode())
    assert revenue and all('<option value="growth_pct" selected>' in form
                           and 'name="unit" value="%"' in form for form in revenue)


def test_without_figures_a_form_starts_from_the_level_and_the_indicators_unit(
        client_of, finance, plan):
    revenue = forms(client_of("finance").get(
        reverse("data:department", args=[finance.pk])).content.decode())
    assert revenue and all('<option value="level" selected>' in form
                           and 'name="unit" value="亿元"' in form for form in revenue)
