"""What each person may see and do. Every view and API endpoint asks here, so the role rules
(issue 5) live in one place.

Roles (see roles.py): administrator and planner (发改局) see every plan, approve and import
figures; a department reporter (责任单位) sees the plans its department works on and reads and
writes only its own department's items; supervisor (督查室) and leader read everything;
the public (no login) sees published plans only.

Reading is asked one question per kind of object — a target, an observation series (an
indicator's figures), a task, a project, a supervision item — each with a `can_read_…` for
one object and a `readable_…` for a plan's list, so a page, its links and the API answer
alike. Whoever reads the whole plan (reads_whole_plan) reads every one of them; a reporter
reads its own departments' (docs/data.md, "谁能看到什么").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.accounts.roles import Role, role_of
from planwatch.web.assessments import plan_with_version
from planwatch.web.plans.models import Department, Indicator, Plan, Target

__all__ = ["Role", "role_of", "can_view_plan", "plan_view", "visible_plans", "departments_of",
           "can_report_for", "can_see_department", "submission_scope", "readable_submissions",
           "reportable_departments", "can_approve",
           "can_manage_plans", "can_raise_supervision", "department_view", "is_published",
           "role_grounds_query", "reads_whole_plan", "whole_plan_view", "whole_plan_only", "own_departments_in",
           "can_read_target", "readable_targets", "targets_of", "can_read_series", "readable_series",
           "can_read_task", "readable_tasks", "can_read_project", "readable_projects",
           "can_read_item", "readable_items", "may_report", "has_role", "may_open_work", "PlanPages", "plan_pages"]


def _has(user, codename: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or codename in _role_permissions(user)


def _role_permissions(user) -> frozenset[str]:
    """The user's accounts permissions (through groups or granted directly), read in one
    query (or with the plan, by plan_view) and kept on the user object for the rest of the
    request — never longer: a revoked role stops working on the next request."""
    cached = getattr(user, "_planwatch_permissions", None)
    if cached is None:
        with connection.cursor() as cursor:
            cursor.execute(*_permissions_query(user))
            cached = frozenset(codename for (codename,) in cursor.fetchall())
        user._planwatch_permissions = cached
    return cached


def _permissions_query(user) -> tuple[str, list]:
    return _permissions_sql(connection.vendor), ["accounts", user.pk, user.pk]


def _auth_links():
    """The user model, the tables linking people to groups and permissions and groups to
    permissions (their _meta), and `column(link, model)`: the quoted column of a link table
    that points at `model` — what the role queries below are written from."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()

    def column(link, model) -> str:
        return connection.ops.quote_name(next(f.column for f in link.fields
                                              if f.is_relation and f.related_model is model))

    return (user_model, user_model._meta.get_field("groups").remote_field.through._meta,
            user_model._meta.get_field("user_permissions").remote_field.through._meta,
            Group._meta.get_field("permissions").remote_field.through._meta, column)


@cache
def _permissions_sql(vendor: str) -> str:
    """_role_permissions' query, built once: the same rows as Permission.objects.filter(
    Q(group__user=user) | Q(user=user), content_type__app_label=…), without compiling that
    join on every request (it cost more than running it)."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    quote = connection.ops.quote_name
    user_model, user_groups, user_permissions, group_permissions, column = _auth_links()
    return (
        f"SELECT p.{quote('codename')} FROM {quote(Permission._meta.db_table)} p"
        f" JOIN {quote(ContentType._meta.db_table)} ct ON ct.{quote('id')} = p.{quote('content_type_id')}"
        f" WHERE ct.{quote('app_label')} = %s AND ("
        f"p.{quote('id')} IN (SELECT gp.{column(group_permissions, Permission)}"
        f" FROM {quote(group_permissions.db_table)} gp"
        f" JOIN {quote(user_groups.db_table)} ug"
        f" ON ug.{column(user_groups, Group)} = gp.{column(group_permissions, Group)}"
        f" WHERE ug.{column(user_groups, user_model)} = %s)"
        f" OR p.{quote('id')} IN (SELECT up.{column(user_permissions, Permission)}"
        f" FROM {quote(user_permissions.db_table)} up"
        f" WHERE up.{column(user_permissions, user_model)} = %s))")


def role_grounds_query(user_id: int) -> tuple[str, list]:
    """What the person's role rests on, as one column of rows read inside a larger query: the
    groups they are in, the permissions those groups grant, the permissions granted to them
    directly and the departments they report for. Pages cached per person are served again
    only while these rows are unchanged (the navigation and forms differ by role, a
    reporter's by its departments). Plain lookups by user, so that PostgreSQL keeps one plan
    for the query that holds them."""
    return _role_grounds_sql(connection.vendor), [user_id] * 4


@cache
def _role_grounds_sql(vendor: str) -> str:
    from django.contrib.auth.models import Group, Permission

    quote = connection.ops.quote_name
    user_model, user_groups, user_permissions, group_permissions, column = _auth_links()
    membership = DepartmentMembership._meta

    def text(expression: str) -> str:
        return f"CAST({expression} AS VARCHAR(20))"

    user_column = column(user_groups, user_model)
    department = quote(membership.get_field("department").column)
    return (
        f"SELECT 'group:' || {text(f'ug.{column(user_groups, Group)}')}"
        f" FROM {quote(user_groups.db_table)} ug WHERE ug.{user_column} = %s"
        f" UNION ALL SELECT 'granted:' || {text(f'gp.{column(group_permissions, Permission)}')}"
        f" FROM {quote(user_groups.db_table)} ug JOIN {quote(group_permissions.db_table)} gp"
        f" ON gp.{column(group_permissions, Group)} = ug.{column(user_groups, Group)}"
        f" WHERE ug.{user_column} = %s"
        f" UNION ALL SELECT 'permission:' || {text(f'up.{column(user_permissions, Permission)}')}"
        f" FROM {quote(user_permissions.db_table)} up"
        f" WHERE up.{column(user_permissions, user_model)} = %s"
        f" UNION ALL SELECT 'department:'"
        f" || {text(f'm.{department}')}"
        f" FROM {quote(membership.db_table)} m"
        f" WHERE m.{quote(membership.get_field('user').column)} = %s")


def is_published(plan: Plan) -> bool:
    """A plan the planners have opened to the public (the dashboard's Plan.published)."""
    return plan.published


def departments_of(user):
    """The departments the user reports for (a queryset; empty for the public)."""
    if not user.is_authenticated:
        return Department.objects.none()
    return Department.objects.filter(memberships__user=user)


def can_view_plan(user, plan: Plan) -> bool:
    if is_published(plan) or _has(user, "view_all_plans"):
        return True
    return (_has(user, "report_own_department")
            and plan.departments.filter(memberships__user=user).exists())


def visible_plans(user):
    """The plans the user may open, as a queryset."""
    plans = Plan.objects.select_related("jurisdiction")
    if _has(user, "view_all_plans"):
        return plans
    visible = [plan.pk for plan in plans if can_view_plan(user, plan)]
    return plans.filter(pk__in=visible)


def can_approve(user) -> bool:
    """Approve or return submitted figures, and import files (planner, administrator)."""
    return _has(user, "approve_observations")


def can_manage_plans(user) -> bool:
    """Create, edit and publish plans, their decomposition and projects; import plan
    documents and write reports (planner, administrator)."""
    return _has(user, "manage_plans")


def can_raise_supervision(user) -> bool:
    return _has(user, "raise_supervision")


def can_report_for(user, department: Department | None) -> bool:
    """Enter figures for the department's items: its own reporters, and planners for any."""
    if can_approve(user):
        return True
    return (department is not None and _has(user, "report_own_department")
            and department.memberships.filter(user=user).exists())


def can_see_department(user, department: Department) -> bool:
    """Read a department's reporting items: those who may report for it and everyone who
    reads all plans."""
    return _has(user, "view_all_plans") or can_report_for(user, department)


def submission_scope(user) -> str:
    """Whose figures on their way to approval (submitted, returned with the reason) the person
    reads, as can_see_department answers for one department: "all" departments' (whoever
    reads all plans or approves), "own" departments' (a reporter), or "none" (the public)."""
    if _has(user, "view_all_plans") or can_approve(user):
        return "all"
    return "own" if _has(user, "report_own_department") else "none"


def readable_submissions(user, rows):
    """The submissions among `rows` (a queryset) the person may read; no extra query."""
    scope = submission_scope(user)
    if scope == "all":
        return rows
    if scope == "own":
        return rows.filter(department__memberships__user=user)
    return rows.none()


def reportable_departments(user):
    if can_approve(user):
        return Department.objects.all()
    if _has(user, "report_own_department"):
        return departments_of(user)
    return Department.objects.none()


# ---------------------------------------------------------------- reading a plan's items

def reads_whole_plan(user, plan: Plan) -> bool:
    """Every item of the plan and its plan-wide pages (overview, goals, structure, comparison,
    departments list, document, ranking): planners, supervisors, leaders and administrators;
    for a published plan also the public (and a signed-in person without a role), who read it
    as the public page shows it. A department reporter reads its own items only."""
    if _has(user, "view_all_plans"):
        return True
    return is_published(plan) and not _has(user, "report_own_department")


def _own_department_ids(user) -> frozenset[int]:
    """The ids of the departments the person belongs to, read once per request."""
    cached = getattr(user, "_planwatch_departments", None)
    if cached is None:
        cached = frozenset(departments_of(user).values_list("pk", flat=True))
        user._planwatch_departments = cached
    return cached


def own_departments_in(user, plan: Plan) -> list[Department]:
    """The person's departments that work on the plan, in the plan's order."""
    return [link.department for link in plan.department_links.select_related("department")
            .filter(department__in=_own_department_ids(user))]


def reported_indicators(plan: Plan, departments):
    """The names of the plan's indicators these departments report (their 报送部门), as a
    query."""
    return plan.indicators.filter(department__in=departments).values("name")


def targets_of(plan: Plan, departments):
    """The departments' targets: those they answer for (the target's 责任部门) and those
    measured by an indicator they report (the indicator's 报送部门)."""
    return plan.targets.filter(Q(department__in=departments)
                               | Q(indicator__in=reported_indicators(plan, departments)))


def readable_targets(user, plan: Plan):
    if reads_whole_plan(user, plan):
        return plan.targets.all()
    return targets_of(plan, _own_department_ids(user))


def can_read_target(user, plan: Plan, target: Target) -> bool:
    if reads_whole_plan(user, plan) or target.department_id in _own_department_ids(user):
        return True
    return reported_indicators(plan, _own_department_ids(user)).filter(
        name=target.indicator).exists()


def readable_series(user, plan: Plan) -> set[str] | None:
    """The indicators whose figures (observations, and the assessments made of them) the person
    may read in the plan, by name; None: all of them. A reporter reads the indicators its
    departments report and those its targets are measured by or against."""
    if reads_whole_plan(user, plan):
        return None
    names = set(reported_indicators(plan, _own_department_ids(user)).values_list(
        "name", flat=True))
    for indicator, benchmark in readable_targets(user, plan).values_list(
            "indicator", "benchmark_indicator"):
        names.update(name for name in (indicator, benchmark) if name)
    return names


def can_read_series(user, indicator: str) -> bool:
    """An indicator's figures, whatever plan measures them (an observation belongs to no
    plan): readers of every plan, and the departments that report the indicator or answer for
    a target measured by or against it."""
    if _has(user, "view_all_plans"):
        return True
    own = _own_department_ids(user)
    if not own or not _has(user, "report_own_department"):
        return False
    return (Indicator.objects.filter(name=indicator, department__in=own).exists()
            or Target.objects.filter(Q(indicator=indicator) | Q(benchmark_indicator=indicator),
                                     department__in=own).exists())


def readable_tasks(user, plan: Plan):
    """A task is a department's when it leads it (牵头) or works on it (配合)."""
    tasks = plan.tasks.all()
    if reads_whole_plan(user, plan):
        return tasks
    own = _own_department_ids(user)
    return tasks.filter(Q(lead_department__in=own)
                        | Q(department_links__department__in=own)).distinct()


def can_read_task(user, plan: Plan, task) -> bool:
    own = _own_department_ids(user)
    return (reads_whole_plan(user, plan) or task.lead_department_id in own
            or task.department_links.filter(department__in=own).exists())


def _departments_own(user, plan: Plan, rows):
    """The plan's rows (each answered for by its `department`) the person may read."""
    if reads_whole_plan(user, plan):
        return rows
    return rows.filter(department__in=_own_department_ids(user))


def _department_owns(user, plan: Plan, row) -> bool:
    return reads_whole_plan(user, plan) or row.department_id in _own_department_ids(user)


def readable_projects(user, plan: Plan):
    return _departments_own(user, plan, plan.projects.all())


def can_read_project(user, plan: Plan, project) -> bool:
    return _department_owns(user, plan, project)


def readable_items(user, plan: Plan):
    """The plan's supervision items (督办) the person may read."""
    return _departments_own(user, plan, plan.supervision_items.all())


def can_read_item(user, plan: Plan, item) -> bool:
    return _department_owns(user, plan, item)


def may_report(user) -> bool:
    """The reporting pages (数据报送) are for those who enter figures: reporters, planners and
    administrators."""
    return _has(user, "report_own_department")


@dataclass(frozen=True)
class PlanPages:
    """The plan's pages a person may open, as the navigation lists them."""

    whole: bool  # overview, structure, departments list, comparison, document
    work: bool  # 总施工图, 重点项目, 督查督办 (and 月度排名 with `whole`)
    departments: list[Department] = field(default_factory=list)  # own department pages


def has_role(user) -> bool:
    """Signed in with one of the roles; a person without one reads as the public does."""
    return _has(user, "view_all_plans") or _has(user, "report_own_department")


def may_open_work(user) -> bool:
    """The work pages (总施工图, 重点项目, 督查督办) are internal: every role reads them (a
    reporter its own items), neither the public nor a signed-in person without a role."""
    return has_role(user)


def plan_pages(user, plan: Plan) -> PlanPages:
    whole = reads_whole_plan(user, plan)
    return PlanPages(whole, may_open_work(user), [] if whole else own_departments_in(user, plan))


def plan_view(view):
    """Resolve the URL's plan name to a Plan the user may see, and pass it to the view.

    Anonymous visitors of an unpublished plan are sent to sign in; a signed-in user without
    access gets 403. The plan comes with its jurisdiction, its data version
    (`plan.data_version`, what cached pages are keyed on) and the person's role permissions
    from one query.
    """

    @wraps(view)
    def wrapper(request, plan_name: str, *args, **kwargs):
        user = request.user
        # A signed-in person's role permissions come in the plan's query: one round trip.
        reads_permissions = (user.is_authenticated and not user.is_superuser
                             and getattr(user, "_planwatch_permissions", None) is None)
        plan, codenames = plan_with_version(
            plan_name, _permissions_query(user) if reads_permissions else None)
        if reads_permissions and plan is not None:
            user._planwatch_permissions = frozenset(codenames)
        if not request.user.is_authenticated and (plan is None or not is_published(plan)):
            # Whether an unpublished plan exists is not told before signing in.
            return redirect_to_login(request.get_full_path())
        if plan is None:
            raise Http404
        if not can_view_plan(request.user, plan):
            raise PermissionDenied
        if user.is_authenticated and not has_role(user):
            # A published plan, opened by a signed-in person without a role: the signed-in
            # pages show any date, so they read it as the public does, on its public page.
            return redirect("plans:public", plan.name)
        return view(request, plan, *args, **kwargs)

    return wrapper


def department_view(view):
    """Resolve the URL's department id to a Department whose items the user may see."""

    @wraps(view)
    def wrapper(request, department_id: int, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        department = get_object_or_404(Department, pk=department_id)
        if not can_see_department(request.user, department):
            raise PermissionDenied
        return view(request, department, *args, **kwargs)

    return wrapper


def whole_plan_only(view):
    """For a page about the whole plan, behind plan_view: one who reads only its own
    departments' items (a reporter) is sent to its department's page in the plan, or refused
    (403) when none of its departments works on the plan."""

    @wraps(view)
    def checked(request, plan: Plan, *args, **kwargs):
        if reads_whole_plan(request.user, plan):
            return view(request, plan, *args, **kwargs)
        own = own_departments_in(request.user, plan)
        if not own:
            raise PermissionDenied
        return redirect("plans:department", plan.name, own[0].pk)

    return checked


def whole_plan_view(view):
    """plan_view and whole_plan_only: the plan-wide pages' decorator."""
    return plan_view(whole_plan_only(view))
