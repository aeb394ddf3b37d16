"""The API: same permissions as the pages, token or session, OpenAPI schema published."""

from __future__ import annotations

import pytest

from planwatch.domain import Observation as Figure
from planwatch.domain import parse_period
from planwatch.web.accounts.models import ApiToken
from planwatch.web.data.models import Submission
from planwatch.web.data.store import save_observations

ROLES = ["planner", "education", "finance", "supervisor", "leader", "admin", "nobody"]


@pytest.fixture
def tokens(users):
    return {name: ApiToken.objects.issue(user) for name, user in users.items()}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def figure(plan, indicator="区本级留用收入", period="2023Q1", value=3.2, unit="亿元"):
    return {"plan": plan.name, "indicator": indicator, "period": period, "value": str(value),
            "unit": unit}


def test_the_openapi_schema_lists_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {"/api/plans", "/api/plans/{name}/targets",
                                    "/api/plans/{name}/observations",
                                    "/api/plans/{name}/assessments", "/api/observations"}


@pytest.mark.parametrize("role", ROLES)
def test_submitting_a_finance_figure_by_token(client, plan, tokens, role):
    response = client.post("/api/observations", figure(plan), content_type="application/json",
                           headers=bearer(tokens[role]))
    may_write = role in {"finance", "planner", "admin"}
    assert response.status_code == (200 if may_write else 403), response.content
    assert Submission.objects.exists() == may_write
    if may_write:
        assert response.json()["status"] == "submitted"


def test_an_education_reporter_cannot_read_finance_data_it_does_not_see(client, plan, tokens,
                                                                         users):
    # The reporter reads the plan (its department is in it) but cannot submit for finance.
    response = client.post("/api/observations", figure(plan), content_type="application/json",
                           headers=bearer(tokens["education"]))
    assert response.status_code == 403 and "不能填报" in response.json()["detail"]


@pytest.mark.parametrize("role", ROLES)
def test_reading_plans_targets_and_observations(client, plan, tokens, role):
    save_observations([Figure("示例区", "地区生产总值", parse_period("2023"), 350.0, "亿元")])
    headers = bearer(tokens[role])
    may_read = role != "nobody"
    listed = client.get("/api/plans", headers=headers).json()
    assert [p["name"] for p in listed] == (["sample"] if may_read else [])
    for path in ("targets", "observations"):
        response = client.get(f"/api/plans/sample/{path}", headers=headers)
        assert response.status_code == (200 if may_read else 403)
    if may_read:
        values = client.get("/api/plans/sample/observations", headers=headers).json()
        # 地区生产总值 is 统计局's: a 教育局 or 财政局 reporter does not read it
        # (test_reading_scope.py holds the whole matrix).
        reads_gdp = role not in {"education", "finance"}
        assert [(o["indicator"], o["value"]) for o in values] == (
            [("地区生产总值", 350.0)] if reads_gdp else [])


def test_assessments_come_from_the_shared_service_and_replay_a_past_day(client, plan, tokens):
    save_observations([Figure("示例区", "地区生产总值", parse_period("2022"), 350.0, "亿元")])
    headers = bearer(tokens["leader"])
    judged = client.get("/api/plans/sample/assessments?as_of=2023-06-30", headers=headers)
    assert judged.status_code == 200
    by_target = {a["target"]: a for a in judged.json()}
    assert by_target["gdp-2025"]["latest_value"] == 350.0
    before = client.get("/api/plans/sample/assessments?as_of=2023-06-30&known_on=2000-01-01",
                        headers=headers).json()
    assert {a["target"]: a for a in before}["gdp-2025"]["latest_value"] is None


def test_without_credentials_only_published_plans_are_readable(client, plan):
    assert client.get("/api/plans").json() == []
    assert client.get("/api/plans/sample/targets").status_code == 403
    assert client.post("/api/observations", figure(plan),
                       content_type="application/json").status_code == 401


def test_a_wrong_or_replaced_token_is_refused(client, plan, users):
    old = ApiToken.objects.issue(users["finance"])
    new = ApiToken.objects.issue(users["finance"])
    for token, status in ((old, 401), ("made-up", 401), (new, 200)):
        response = client.post("/api/observations", figure(plan, period=f"2023Q{status // 100}"),
                               content_type="application/json", headers=bearer(token))
        assert response.status_code == status


def test_the_session_api_needs_the_csrf_token(plan, users):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["finance"])
    refused = browser.post("/api/observations", figure(plan), content_type="application/json")
    assert refused.status_code in (401, 403)
    assert not Submission.objects.exists()


def test_a_stale_version_is_a_conflict_with_the_reason(client, plan, tokens):
    headers = bearer(tokens["finance"])
    first = client.post("/api/observations", {**figure(plan), "submit": False},
                        content_type="application/json", headers=headers).json()
    client.post("/api/observations", {**figure(plan, value=3.3), "version": first["version"],
                                      "submit": False},
                content_type="application/json", headers=headers)
    stale = client.post("/api/observations", {**figure(plan, value=3.4),
                                              "version": first["version"]},
                        content_type="application/json", headers=headers)
    assert stale.status_code == 409 and "已被 finance" in stale.json()["detail"]


def test_a_unit_that_does_not_convert_is_unprocessable(client, plan, tokens):
    response = client.post("/api/observations", figure(plan, unit="万人"),
                           content_type="application/json", headers=bearer(tokens["finance"]))
    assert response.status_code == 422 and "不能换算" in response.json()["detail"]
