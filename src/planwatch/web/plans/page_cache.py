"""Whole signed-in pages kept in the cache, so that a leader reopening the overview (领导驾驶舱)
or a target page costs the sign-in's queries, the plan lookup and a cache read — no
assessment, no template.

A stored page is keyed on everything it shows: the person (their id and name, staff flag and
role permissions: the navigation and the publishing form differ by role), the plan and its
data version (any new figure, plan edit or move of a submission changes it), the path with
its query string, the language and today's date (the period selector offers the dates up to
today). Access is checked on every request before the cache is read (plan_view), so a
revoked role stops working at once; the cache never answers for whether someone may see a
page.

What differs on every request is punched in when serving: the CSRF token, freshly masked as
Django's {% csrf_token %} would be. A page carrying a one-off message (after publishing,
say) is rendered and not stored.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from planwatch.web.accounts.permissions import role_fingerprint
from planwatch.web.plans.models import Plan

# How long a stored page lives at most; a new figure or plan change sooner changes its key
# (data_version), so this only bounds edits the version cannot see.
PAGE_SECONDS = 600

# What {% csrf_token %} writes; the token is 64 letters and digits (Django's masked form).
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@dataclass(frozen=True)
class StoredPage:
    content_type: str
    pieces: tuple[bytes, ...]  # the body cut where the CSRF token stood

    @classmethod
    def of(cls, response: HttpResponse) -> StoredPage | None:
        """The page to store, or None when it cannot be served again safely."""
        body = response.content
        tokens = {match.group(1) for match in CSRF_FIELD.finditer(body)}
        # One render masks one token for all its forms; two would mean a form we do not know.
        if len(tokens) > 1:
            return None
        pieces = tuple(body.split(tokens.pop())) if tokens else (body,)
        return cls(response["Content-Type"], pieces)

    def response(self, request) -> HttpResponse:
        body = (get_token(request).encode().join(self.pieces) if len(self.pieces) > 1
                else self.pieces[0])
        return HttpResponse(body, content_type=self.content_type)


def page_key(request, plan: Plan) -> str:
    user = request.user
    parts = [str(user.pk), user.get_username(), str(user.is_staff), role_fingerprint(user),
             str(plan.pk), plan.data_version, request.get_full_path(), get_language() or "",
             timezone.localdate().isoformat()]
    # Hashed: the parts hold user-chosen text, and some cache backends limit key length.
    return "planwatch:page:" + hashlib.blake2b("\x1f".join(parts).encode(),
                                              digest_size=20).hexdigest()


def whole_page(request, plan: Plan, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page from the cache, or rendered by `render` and stored when it is a plain GET
    with nothing one-off on it."""
    if request.method != "GET" or len(get_messages(request)):
        return private(render())
    key = page_key(request, plan)
    stored = cache.get(key)
    if stored is not None:
        return private(stored.response(request))
    response = render()
    stored = StoredPage.of(response) if response.status_code == 200 else None
    if stored is not None:
        cache.set(key, stored, PAGE_SECONDS)
    return private(response)


def private(response: HttpResponse) -> HttpResponse:
    """Shared caches (a proxy) must not keep a page rendered for one person."""
    patch_cache_control(response, private=True)
    return response
