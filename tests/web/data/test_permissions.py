"""The role × action matrix on the web pages: each role can do exactly its part.

Roles: planner (发改局), a 教育局 reporter, a 财政局 reporter, supervisor (督查室), leader,
administrator, a signed-in user without a role, and the anonymous public.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.data import reporting
from planwatch.web.data.models import Submission

ROLES = ["planner", "education", "finance", "supervisor", "leader", "admin", "nobody", None]
READ_ALL = {"planner", "supervisor", "leader", "admin"}


def allowed(*names):
    return {name: name in names for name in ROLES}


def status_for(client, method, url, data=None):
    response = getattr(client, method)(url, data or {})
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_reading_the_plan(client_of, plan, role):
    status = status_for(client_of(role), "get", reverse("plans:overview", args=[plan.name]))
    # The plan lists 教育局 and 财政局: their reporters open it, on their department's page
    # (the overview is about the whole plan: test_reading_scope.py).
    expected = 200 if role in READ_ALL else (
        302 if role in {None, "education", "finance"} else 403)
    assert status == expected


@pytest.mark.parametrize("role", ROLES)
def test_reading_the_finance_department_items(client_of, finance, role):
    status = status_for(client_of(role), "get", reverse("data:department", args=[finance.pk]))
    expected = 200 if role in READ_ALL | {"finance"} else (302 if role is None else 403)
    assert status == expected


@pytest.mark.parametrize("role", ROLES)
def test_writing_a_finance_figure(client_of, finance, revenue, role):
    status = status_for(client_of(role), "post", reverse("data:report", args=[finance.pk]),
                        {"indicator": revenue.pk, "period": "2023Q1", "kind": "level",
                         "value": "3.2", "unit": "亿元", "action": "submit"})
    may_write = role in {"finance", "planner", "admin"}
    assert Submission.objects.exists() == may_write
    assert status == (302 if may_write or role is None else 403)


@pytest.mark.parametrize("role", ROLES)
def test_approving_a_figure(client_of, users, revenue, role):
    submission = reporting.save_entry(users["finance"], reporting.Entry(
        revenue, "2023Q1", "level", "3.2", "亿元"), submit=True)
    client_of(role).post(reverse("data:decide", args=[submission.pk]),
                         {"action": "approve", "version": submission.version})
    submission.refresh_from_db()
    assert (submission.status == "approved") == (role in {"planner", "admin"})


@pytest.mark.parametrize(("page", "args"), [("data:review", []), ("data:import", []),
                                            ("data:export", [])])
@pytest.mark.parametrize("role", ROLES)
def test_planner_only_pages(client_of, plan, page, args, role):
    status = status_for(client_of(role), "get", reverse(page, args=args))
    assert status == (200 if role in {"planner", "admin"} else 302 if role is None else 403)


@pytest.mark.parametrize("role", ROLES)
def test_downloading_finance_evidence(client_of, users, revenue, role):
    submission = reporting.save_entry(users["finance"], reporting.Entry(
        revenue, "2023Q1", "level", "3.2", "亿元"), submit=False)
    kept = reporting.attach_evidence(users["finance"], submission, "a.pdf", b"%PDF-1.4 x")
    response = client_of(role).get(reverse("data:evidence", args=[kept.pk]))
    may_read = role in READ_ALL | {"finance"}
    assert response.status_code == (200 if may_read else 302 if role is None else 403)
    if may_read:
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content) == b"%PDF-1.4 x"


@pytest.mark.parametrize("role", ROLES)
def test_reading_history_of_a_plan(client_of, plan, role):
    status = status_for(client_of(role), "get", reverse("data:history", args=["plan", plan.pk]))
    # The plan's own history is about the whole plan: not a department reporter's.
    expected = 200 if role in READ_ALL else (302 if role is None else 403)
    assert status == expected


def test_an_education_reporter_sees_only_education_items_on_the_home(client_of, education):
    response = client_of("education").get(reverse("data:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("data:department", args=[education.pk])


@pytest.mark.parametrize("role", ROLES)
def test_a_published_plan_is_readable_by_everyone(client_of, plan, role):
    from planwatch.web.accounts.permissions import can_view_plan

    plan.published = True
    plan.save()
    user = client_of(role).get(reverse("data:home")).wsgi_request.user
    assert can_view_plan(user, plan)
