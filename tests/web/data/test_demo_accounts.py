"""The demo creates one illustrative account per role, passwords shown once."""

from __future__ import annotations

import io
import re

from django.contrib.auth import get_user_model

from planwatch.web.accounts.demo_accounts import ensure_demo_accounts
from planwatch.web.accounts.permissions import departments_of
from planwatch.web.accounts.roles import Role, role_of

CREATED = re.compile(r"已创建示例账户 ([\w-]+)(.*?),密码\(只显示这一次\):(\S+)")


def test_one_account_per_role_whose_printed_password_signs_in(plan):
    out = io.StringIO()
    ensure_demo_accounts(out)
    created = {name: password for name, _, password in CREATED.findall(out.getvalue())}
    users = {user.username: user for user in get_user_model().objects.all()}
    assert {name: role_of(users[name]) for name in created} == {
        "planner": Role.PLANNER, "edu-reporter": Role.REPORTER,
        "finance-reporter": Role.REPORTER, "supervisor": Role.SUPERVISOR,
        "leader": Role.LEADER}
    assert all(users[name].check_password(password) for name, password in created.items())
    assert [d.name for d in departments_of(users["edu-reporter"])] == ["区教育局"]
    assert [d.name for d in departments_of(users["finance-reporter"])] == ["区财政局"]
    # An address on a reserved domain, so `planwatch remind` shows a real mail on the demo.
    assert {name: users[name].email for name in created} == {
        name: f"{name}@example.org" for name in created}


def test_a_second_run_prints_no_password_and_changes_nobody(plan):
    ensure_demo_accounts(io.StringIO())
    hashes = dict(get_user_model().objects.values_list("username", "password"))
    out = io.StringIO()
    ensure_demo_accounts(out)
    assert "密码(只显示这一次)" not in out.getvalue()
    assert dict(get_user_model().objects.values_list("username", "password")) == hashes


def test_missing_role_groups_are_recreated_with_their_permissions(plan):
    from django.contrib.auth.models import Group

    Group.objects.all().delete()
    ensure_demo_accounts(io.StringIO())
    planner = get_user_model().objects.get(username="planner")
    assert role_of(planner) is Role.PLANNER and planner.has_perm("accounts.approve_observations")
