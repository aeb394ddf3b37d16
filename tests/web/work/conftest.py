"""Fixtures for the work tests: the Lüyuan plan stored with its 2021 work plan and ledger,
and people in each role."""

from __future__ import annotations

import io

import pytest

from planwatch.planfile import load_plan
from planwatch.samples import luyuan


@pytest.fixture
def luyuan_plan(db):
    """The stored Lüyuan plan with work.yaml and the illustrative project ledger loaded."""
    from planwatch.web.plans.store import save_plan
    from planwatch.web.work.store import load_work_beside

    row = save_plan(load_plan(luyuan.PLAN_PATH))
    load_work_beside(row, luyuan.PLAN_PATH, io.StringIO())
    return row


@pytest.fixture
def person(django_user_model):
    """A function making a user in a role, optionally a member of departments."""
    from django.contrib.auth.models import Group

    from planwatch.web.accounts.models import DepartmentMembership
    from planwatch.web.plans.models import Department

    def make(role: str, *departments: str):
        user = django_user_model.objects.create_user(f"{role}-{'-'.join(departments)}",
                                                     password="a-long-passphrase-1")
        user.groups.add(Group.objects.get(name=role))
        for name in departments:
            DepartmentMembership.objects.create(user=user,
                                                department=Department.objects.get(name=name))
        return user

    return make
