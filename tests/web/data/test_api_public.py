"""The API without credentials reads a published plan exactly as its public page shows it:
assessments as of the published date, figures up to it, no replay — never the planners' view."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.domain import Observation as Figure
from planwatch.domain import parse_period
from planwatch.web.data.store import save_observations

PUBLISHED = date(2023, 12, 31)


@pytest.fixture
def published(plan):
    save_observations([Figure("示例区", "地区生产总值", parse_period("2023"), 350.0, "亿元"),
                       Figure("示例区", "地区生产总值", parse_period("2024"), 420.0, "亿元")])
    plan.published, plan.published_as_of = True, PUBLISHED
    plan.save()
    return plan


def gdp(assessments: list[dict]) -> dict:
    return {a["target"]: a for a in assessments}["gdp-2025"]


def test_the_public_reads_figures_up_to_the_published_date_only(client, published):
    figures = client.get("/api/plans/sample/observations").json()
    assert [(o["period"], o["value"]) for o in figures] == [("2023", 350.0)]


def test_the_public_reads_assessments_as_of_the_published_date(client, published):
    response = client.get("/api/plans/sample/assessments")
    assert response.status_code == 200
    assert gdp(response.json())["latest_value"] == 350.0


def test_the_public_cannot_ask_for_a_later_date_or_replay_a_past_day(client, published):
    later = client.get("/api/plans/sample/assessments?as_of=2024-12-31")
    assert later.status_code == 403 and "2023-12-31" in later.json()["detail"]
    replay = client.get("/api/plans/sample/assessments?known_on=2023-06-30")
    assert replay.status_code == 403


def test_an_earlier_date_is_within_what_is_published(client, published):
    response = client.get("/api/plans/sample/assessments?as_of=2023-06-30")
    assert response.status_code == 200


def test_a_plan_published_without_assessments_has_no_public_figures(client, plan):
    plan.published, plan.published_as_of = True, None
    plan.save()
    assert client.get("/api/plans/sample/targets").status_code == 200
    assert client.get("/api/plans/sample/observations").status_code == 404
    assert client.get("/api/plans/sample/assessments").status_code == 404


def test_a_signed_in_reader_still_chooses_any_date(client, published, users):
    client.force_login(users["leader"])
    figures = client.get("/api/plans/sample/observations").json()
    assert [o["period"] for o in figures] == ["2023", "2024"]
    later = client.get("/api/plans/sample/assessments?as_of=2024-12-31").json()
    assert gdp(later)["latest_value"] == 420.0


def test_a_token_that_is_not_valid_is_refused_not_read_as_the_public(client, published):
    response = client.get("/api/plans", headers={"Authorization": "Bearer made-up"})
    assert response.status_code == 401
