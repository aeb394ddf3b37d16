"""Whole signed-in pages kept in the cache, so that a leader reopening the overview (领导驾驶舱)
or a target page costs one query and a cache read — no assessment, no template, not even the
ORM's session and user lookups.

A page is stored for the session that rendered it (the cache key is the session key, the path
with its query string, the language and today's date: the period selector offers the dates up
to today), together with its grounds: everything the full request checked or showed —

- the session's contents (who is signed in, with what password hash, any pending message),
- the person's password hash, active, staff and superuser flags and name,
- the person's groups, the permissions granted them and the departments they report for,
- the plan's id and its data version (any new figure, plan edit or move of a submission
  changes it).

`cached_page` answers before the view's sign-in and access checks: it reads all of these in
one query (current_grounds) and serves the stored page only when every one is unchanged;
otherwise (and on any doubt: an ended session, a changed role, a new figure) the request takes
the full way, whose checks run as always and whose page replaces the stored one. The grounds
a page is stored under are read before those checks and the rendering start, so a change
while the page is made leaves the grounds stale, never the page. The cache never decides who
may see a page: it only repeats a page that the full checks allowed, to the same session,
while nothing they rested on has changed.

What differs on every request is punched in when serving: the CSRF token, freshly masked as
Django's {% csrf_token %} would be. A page carrying a one-off message (after publishing, say)
is rendered and not stored.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.models import Session
from django.core.cache import cache as page_store
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from planwatch.web.accounts.permissions import role_grounds_query
from planwatch.web.assessments import VERSION_COLUMNS, version_columns, version_token
from planwatch.web.plans.models import Plan

# How long a stored page lives at most; a new figure or plan change sooner changes its
# grounds (data_version), so this only bounds edits the version cannot see.
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


@dataclass(frozen=True)
class Grounds:
    """What a stored page was rendered on; it is served again only while all of it holds."""

    session: str  # the session row as stored: the same text is the session the checks accepted
    user_id: int
    person: tuple  # password digest, active, superuser, staff, name
    role: frozenset[str]
    plan_id: int
    data_version: str


@dataclass(frozen=True)
class Entry:
    page: StoredPage
    grounds: Grounds


def cached_page(view):
    """For a view taking the plan's name first: answer from the cache when the stored page's
    grounds all hold, before the view's own decorators (sign-in, plan_view) run. Otherwise
    read the grounds now, before the view checks and renders anything, for whole_page to
    store its page under: a change after this read makes them stale, never the page."""

    @wraps(view)
    def wrapper(request, plan_name: str, *args, **kwargs):
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if (request.method != "GET" or not session_key
                or CookieStorage.cookie_name in request.COOKIES):
            return view(request, plan_name, *args, **kwargs)
        key = entry_key(session_key, request)
        entry = page_store.get(key)
        grounds = (current_grounds(session_key, entry.grounds.user_id, plan_name)
                   if entry is not None else None)
        if entry is not None and grounds == entry.grounds:
            return private(entry.page.response(request))
        # The signed-in person's id, from the session the sign-in reads next anyway.
        signed_in = request.session.get(SESSION_KEY)
        if signed_in is not None:
            user_id = get_user_model()._meta.pk.to_python(signed_in)
            if grounds is None or grounds.user_id != user_id:  # read above for a stale page
                grounds = current_grounds(session_key, user_id, plan_name)
            request.page_to_store = (key, grounds)
        return view(request, plan_name, *args, **kwargs)

    return wrapper


def whole_page(request, plan: Plan, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page rendered by `render`, stored under the grounds cached_page read when it is a
    plain GET with nothing one-off on it, so that the next same request is answered from the
    cache."""
    key, grounds = getattr(request, "page_to_store", (None, None))
    if (grounds is None or len(get_messages(request)) or grounds.user_id != request.user.pk
            or grounds.plan_id != plan.pk):
        return private(render())
    response = render()
    stored = StoredPage.of(response) if response.status_code == 200 else None
    if stored is not None:
        page_store.set(key, Entry(stored, grounds), PAGE_SECONDS)
    return private(response)


def entry_key(session_key: str, request) -> str:
    parts = [session_key, request.get_full_path(), get_language() or "",
             timezone.localdate().isoformat()]
    # Hashed: the session key is a secret, and some cache backends limit a key's length.
    return "planwatch:page:" + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=20,
                                              key=_key_secret()).hexdigest()


@cache
def _key_secret() -> bytes:
    return hashlib.sha256(("planwatch.page_cache" + settings.SECRET_KEY).encode()).digest()


def current_grounds(session_key: str, user_id: int, plan_name: str) -> Grounds | None:
    """The grounds as they are now, for this session, person and plan, in one query; None
    when the session has ended or the person or the plan is gone."""
    role_sql, role_params = role_grounds_query(user_id)
    with connection.cursor() as cursor:
        cursor.execute(_grounds_sql(connection.vendor, role_sql), [
            *role_params, session_key,
            connection.ops.adapt_datetimefield_value(timezone.now()), plan_name, user_id])
        rows = cursor.fetchall()
    if not rows or rows[0][0] is None:
        return None
    session_data, password, *flags = rows[0][:6]
    plan_id, *version = rows[0][6:7 + VERSION_COLUMNS]
    # The password as a digest: the grounds live in the cache, which need not hold its hash.
    password_digest = hashlib.blake2b(password.encode(), digest_size=16).digest()
    return Grounds(session_data, user_id,
                   (password_digest, *(bool(flag) for flag in flags[:3]), flags[3]),
                   frozenset(row[-1] for row in rows if row[-1] is not None),
                   plan_id, version_token(version))


@cache
def _grounds_sql(vendor: str, role_sql: str) -> str:
    quote = connection.ops.quote_name
    user, session, plan = get_user_model()._meta, Session._meta, Plan._meta

    def column(meta, name: str, alias: str) -> str:
        return f"{alias}.{quote(meta.get_field(name).column)}"

    return (
        f"SELECT {column(session, 'session_data', 's')}, {column(user, 'password', 'u')},"
        f" {column(user, 'is_active', 'u')}, {column(user, 'is_superuser', 'u')},"
        f" {column(user, 'is_staff', 'u')}, {column(user, user.model.USERNAME_FIELD, 'u')},"
        f" {column(plan, 'id', 'p')}, {version_columns(column(plan, 'id', 'p'))}, role.*"
        f" FROM {quote(user.db_table)} u"
        f" LEFT JOIN ({role_sql}) role ON 1 = 1"
        f" LEFT JOIN {quote(session.db_table)} s ON {column(session, 'session_key', 's')} = %s"
        f" AND {column(session, 'expire_date', 's')} > %s"
        f" JOIN {quote(plan.db_table)} p ON {column(plan, 'name', 'p')} = %s"
        f" WHERE {column(user, 'id', 'u')} = %s")


def private(response: HttpResponse) -> HttpResponse:
    """Shared caches (a proxy) must not keep a page rendered for one person."""
    patch_cache_control(response, private=True)
    return response
