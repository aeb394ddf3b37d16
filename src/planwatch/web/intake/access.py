"""Who may use the planners' pages (intake and reports): planners and administrators.

The data layer's roles give planners the `accounts.manage_plans` permission; superusers hold
every permission. Reporters, leaders and the public are turned away.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

PLANNER_PERMISSION = "accounts.manage_plans"


def is_planner(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(PLANNER_PERMISSION)


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
