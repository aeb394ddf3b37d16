"""Whole signed-in pages kept in the cache, so that a leader reopening the overview (领导驾驶舱)
or a target page costs one query and a cache read — no assessment, no template, not even the
ORM's session and user lookups.

A page is stored for the session that rendered it (the cache key is the session key, the path
with its query string, the language and today's date: the period selector offers the dates up
to today), together with its grounds: everything the full request checked or showed, as it was
when the page was rendered —

- the session's contents (who is signed in, with what password hash, any pending message),
- the person's password hash, active, staff and superuser flags and name,
- the person's role permissions and the departments they report for (role_grounds),
- the plan's id and its data version (any new figure, plan edit or move of a submission
  changes it).

`served_from_cache` answers before the view's sign-in and access checks: it reads all of these
in one query and serves the stored page only when every one is unchanged; otherwise (and on any
doubt: an expired session, a changed role, a new figure) the request takes the full way, whose
checks run as always and whose page replaces the stored one. So the cache never decides who
may see a page: it only repeats a page that the full checks allowed, to the same session, while
nothing they rested on has changed.

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
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
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

from planwatch.web.accounts.permissions import role_grounds, role_grounds_query
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

    session: dict
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
    grounds all hold, before the view's own decorators (sign-in, plan_view) run."""

    @wraps(view)
    def wrapper(request, plan_name: str, *args, **kwargs):
        return served_from_cache(request, plan_name) or view(request, plan_name, *args, **kwargs)

    return wrapper


def served_from_cache(request, plan_name: str) -> HttpResponse | None:
    if request.method != "GET" or CookieStorage.cookie_name in request.COOKIES:
        return None
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return None
    entry = page_store.get(entry_key(session_key, request))
    if entry is None or current_grounds(session_key, entry.grounds.user_id,
                                        plan_name) != entry.grounds:
        return None
    return private(entry.page.response(request))


def whole_page(request, plan: Plan, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page rendered by `render`, stored with its grounds when it is a plain GET with
    nothing one-off on it, so that served_from_cache can answer the next same request."""
    if (request.method != "GET" or len(get_messages(request))
            or not request.user.is_authenticated or request.session.session_key is None):
        return private(render())
    role = role_grounds(request.user)  # before rendering: what the page was rendered for
    response = render()
    stored = StoredPage.of(response) if response.status_code == 200 else None
    if stored is not None:
        # The session as it will be saved after this request, which the next one will read.
        grounds = Grounds(dict(request.session.items()), request.user.pk,
                          person_grounds(request.user.password, request.user.is_active,
                                         request.user.is_superuser, request.user.is_staff,
                                         request.user.get_username()),
                          role, plan.pk, plan.data_version)
        page_store.set(entry_key(request.session.session_key, request), Entry(stored, grounds),
                       PAGE_SECONDS)
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


def person_grounds(password: str, *flags) -> tuple:
    # A digest: the grounds live in the cache, which need not hold password hashes.
    return (hashlib.blake2b(password.encode(), digest_size=16).digest(), *flags)


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
    return Grounds(_session_store().decode(session_data), user_id,
                   person_grounds(password, *flags),
                   frozenset(row[-1] for row in rows if row[-1] is not None),
                   plan_id, version_token(version))


@cache
def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore()


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
