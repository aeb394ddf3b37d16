"""The roles of issue 5 as Django groups, each with the permissions it grants.

A person's role is the group they are in (the back office assigns it); administrators are
Django superusers or members of the administrator group. The groups are created by a data
migration, so every database has them.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    PLANNER = "planner"
    REPORTER = "reporter"
    SUPERVISOR = "supervisor"
    LEADER = "leader"
    PUBLIC = "public"


ROLE_LABELS = {
    Role.ADMINISTRATOR: "系统管理员",
    Role.PLANNER: "规划管理(发改局)",
    Role.REPORTER: "责任单位填报人",
    Role.SUPERVISOR: "督查室",
    Role.LEADER: "领导(只读)",
    Role.PUBLIC: "公众",
}

# codename of accounts.DepartmentMembership permissions each group carries.
ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.ADMINISTRATOR: ("view_all_plans", "report_own_department", "approve_observations",
                         "manage_plans", "raise_supervision"),
    Role.PLANNER: ("view_all_plans", "report_own_department", "approve_observations",
                   "manage_plans"),
    Role.REPORTER: ("report_own_department",),
    Role.SUPERVISOR: ("view_all_plans", "raise_supervision"),
    Role.LEADER: ("view_all_plans",),
}

# When a person is in several groups the strongest role names them.
PRECEDENCE = (Role.ADMINISTRATOR, Role.PLANNER, Role.SUPERVISOR, Role.LEADER, Role.REPORTER)


def role_of(user) -> Role:
    if not user.is_authenticated or not user.is_active:
        return Role.PUBLIC
    if user.is_superuser:
        return Role.ADMINISTRATOR
    groups = {group.name for group in user.groups.all()}
    for role in PRECEDENCE:
        if role.value in groups:
            return role
    return Role.PUBLIC


def role_group(role: Role):
    """The role's group, recreated with its permissions if missing (a database flushed by a
    transactional test, or groups deleted by hand in the back office)."""
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name=role.value)
    if created:
        group.permissions.set(Permission.objects.filter(
            content_type__app_label="accounts", codename__in=ROLE_PERMISSIONS[role]))
    return group
