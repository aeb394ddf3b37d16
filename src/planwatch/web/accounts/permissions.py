"""Who may see a plan. Every page that shows a plan asks here, so roles (issue 5) change
one function rather than every view."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from planwatch.web.plans.models import Plan


def can_view_plan(user, plan: Plan) -> bool:
    """For now every active signed-in user may read every plan."""
    return user.is_authenticated and user.is_active


def plan_view(view):
    """Resolve the URL's plan name to a Plan the user may see, and pass it to the view.

    Anonymous visitors are sent to sign in; a signed-in user without access gets 403.
    """

    @wraps(view)
    def wrapper(request, plan_name: str, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), name=plan_name)
        if not can_view_plan(request.user, plan):
            raise PermissionDenied
        return view(request, plan, *args, **kwargs)

    return wrapper
