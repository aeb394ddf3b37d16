"""A plan with two reporting departments (教育局, 财政局) and one user per role."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.auth.models import Group

from planwatch import domain
from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.plans.models import Department, Indicator
from planwatch.web.plans.store import save_plan

EDUCATION, FINANCE = "区教育局", "区财政局"


def reporting_plan(plan: domain.Plan) -> domain.Plan:
    return dataclasses.replace(
        plan,
        departments=[*plan.departments, domain.Department(EDUCATION),
                     domain.Department(FINANCE)],
        indicators=[*plan.indicators,
                    domain.Indicator("新建学校", "所", frequency=domain.Frequency.ANNUAL,
                                     department=EDUCATION),
                    domain.Indicator("区本级留用收入", "亿元",
                                     frequency=domain.Frequency.QUARTERLY,
                                     department=FINANCE)])


@pytest.fixture
def plan(db, plan_factory):
    return save_plan(reporting_plan(plan_factory()))


@pytest.fixture
def education(plan):
    return Department.objects.get(name=EDUCATION)


@pytest.fixture
def finance(plan):
    return Department.objects.get(name=FINANCE)


@pytest.fixture
def revenue(plan):
    return Indicator.objects.get(plan=plan, name="区本级留用收入")


@pytest.fixture
def schools(plan):
    return Indicator.objects.get(plan=plan, name="新建学校")


@pytest.fixture
def users(django_user_model, education, finance):
    """username → user: one per role, reporters of 教育局 and of 财政局, and a superuser."""

    def make(name: str, role: str | None, department=None, **extra):
        # No password: hashing one with argon2 per user per test would dominate the run.
        user = django_user_model.objects.create_user(name, **extra)
        if role:
            user.groups.add(Group.objects.get(name=role))
        if department is not None:
            DepartmentMembership.objects.create(user=user, department=department)
        return user

    return {
        "planner": make("planner", "planner"),
        "education": make("education", "reporter", education),
        "finance": make("finance", "reporter", finance),
        "supervisor": make("supervisor", "supervisor"),
        "leader": make("leader", "leader"),
        "admin": make("root", None, is_superuser=True, is_staff=True),
        "nobody": make("nobody", None),
    }


@pytest.fixture
def client_of(client, users):
    """A test client signed in as the named user (None: anonymous)."""

    def sign_in(name: str | None):
        client.logout()
        if name is not None:
            client.force_login(users[name])
        return client

    return sign_in
