"""The site's icon is served where browsers look for it, and the language menu names each
language in its own tongue."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_pages_link_the_site_icon_and_it_is_served(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<link rel="icon" href="/static/planwatch/favicon.svg" type="image/svg+xml">' in html
    icon = client.get("/static/planwatch/favicon.svg")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/svg+xml"
    assert b"<svg" in b"".join(icon.streaming_content)


def test_the_browsers_own_request_for_favicon_ico_finds_the_icon(client):
    # Browsers ask for /favicon.ico on their own, whatever the page links.
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/planwatch/favicon.svg"


@pytest.mark.parametrize("interface", ["zh-hans", "en"])
def test_each_language_is_named_in_itself_whatever_the_interface_language(client, interface):
    client.cookies["django_language"] = interface
    html = client.get("/accounts/login/").content.decode()
    assert '<option value="zh-hans" lang="zh-hans"' in html and ">简体中文</option>" in html
    assert ">English</option>" in html
    assert "英语" not in html and "Simplified Chinese" not in html
