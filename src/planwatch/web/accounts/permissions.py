"""What each person may see and do. Every view and API endpoint asks here, so the role rules
(issue 5) live in one place.

Roles (see roles.py): administrator and planner (发改局) see every plan, approve and import
figures; a department reporter (责任单位) sees the plans its department works on and reads and
writes only its own department's items; supervisor (督查室) and leader read everything;
the public (no login) sees published plans only.
"""

from __future__ import annotations

from functools import cache, wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404

from planwatch.web.accounts.roles import Role, role_of
from planwatch.web.assessments import plan_with_version
from planwatch.web.plans.models import Department, Plan

__all__ = ["Role", "role_of", "can_view_plan", "plan_view", "visible_plans", "departments_of",
           "can_report_for", "can_see_department", "reportable_departments", "can_approve",
           "can_manage_plans", "can_raise_supervision", "department_view", "is_published",
           "role_fingerprint"]


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


@cache
def _permissions_sql(vendor: str) -> str:
    """_role_permissions' query, built once: the same rows as Permission.objects.filter(
    Q(group__user=user) | Q(user=user), content_type__app_label=…), without compiling that
    join on every request (it cost more than running it)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    quote = connection.ops.quote_name
    user_model = get_user_model()
    user_groups = user_model._meta.get_field("groups").remote_field.through._meta
    user_permissions = user_model._meta.get_field("user_permissions").remote_field.through._meta
    group_permissions = Group._meta.get_field("permissions").remote_field.through._meta

    def column(through, model) -> str:
        return quote(next(f.column for f in through.fields
                          if f.is_relation and f.related_model is model))

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


def role_fingerprint(user) -> str:
    """What the person's role lets them do, as a short text: pages cached per person depend
    on it (the navigation and forms differ by role, a reporter's by its departments). Read
    with the role permissions the request already loaded; a reporter's departments take one
    query."""
    if user.is_superuser:
        return "superuser"
    if not user.is_authenticated:
        return ""
    codenames = _role_permissions(user)
    text = ",".join(sorted(codenames))
    if "report_own_department" in codenames and "view_all_plans" not in codenames:
        departments = sorted(departments_of(user).values_list("pk", flat=True))
        text += "|" + ",".join(str(pk) for pk in departments)
    return text


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


def reportable_departments(user):
    if can_approve(user):
        return Department.objects.all()
    if _has(user, "report_own_department"):
        return departments_of(user)
    return Department.objects.none()


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
