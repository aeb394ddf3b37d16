"""Who may use the planners' pages (intake and reports): planners and administrators.

The data layer's roles give planners and administrators the `manage_plans` permission;
reporters, supervisors, leaders and the public lack it and are turned away.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from planwatch.web.accounts import permissions


def is_planner(user) -> bool:
    # The role permissions are read once and kept on the user for the request, so the
    # navigation can ask on every page without a query of its own.
    return permissions.can_manage_plans(user)


def planner_required(view):
    """Anonymous visitors are sent to sign in; signed-in users who are not planners get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_planner(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
