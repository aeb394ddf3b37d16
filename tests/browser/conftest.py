"""Browser tests: Debian's Chromium through Playwright against Django's live server."""

from __future__ import annotations

import os

import pytest

from planwatch.planfile import load_plan
from planwatch.samples import luyuan
from planwatch.web.accounts.roles import ROLE_PERMISSIONS, Role
from planwatch.web.plans.store import save_plan

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "a-long-passphrase-1"


@pytest.fixture(autouse=True)
def planwatch_home(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_HOME", str(tmp_path / "planwatch-home"))


@pytest.fixture
def site(live_server, django_user_model):
    """The live server with the Lüyuan plan stored and a member who can sign in."""
    save_plan(load_plan(luyuan.PLAN_PATH))
    reader = django_user_model.objects.create_user("reader", password=PASSWORD)
    reader.groups.add(role_group(Role.LEADER))  # roles decide who reads a plan
    return live_server.url


def role_group(role):
    """The role's group as the accounts migration makes it; a live-server test flushes the
    database after each test, and with it the groups that migration created."""
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name=role.value)
    if created:
        group.permissions.set(Permission.objects.filter(
            content_type__app_label="accounts", codename__in=ROLE_PERMISSIONS[role]))
    return group


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One Chromium for the session, started after the test database exists.

    Playwright's sync API keeps an event loop in this thread from here on; the ORM calls
    that fixtures and the database flush make around it are plain synchronous code, so
    Django's async-safety check is lifted while the browser lives.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def signed_in_page(browser, site):
    """A new page (optionally phone-sized) signed in with the keyboard alone: the user name
    field has focus when the sign-in page opens."""
    pages = []

    def open_page(viewport: dict | None = None, username: str = "reader"):
        page = browser.new_page(**({"viewport": viewport} if viewport else {}))
        pages.append(page)
        page.goto(site + "/")
        page.wait_for_function("document.activeElement?.id === 'id_username'")
        page.keyboard.type(username)
        page.keyboard.press("Tab")
        page.keyboard.type(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(site + "/")
        return page

    yield open_page
    for page in pages:
        page.close()
