"""The department's reporting page: its messages read as Chinese sentences, and each form
starts from the indicator's usual 口径 and unit."""

from __future__ import annotations

from django.urls import reverse


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
