"""Our stylesheet is served by the application itself (whitenoise), with no collectstatic step."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_the_stylesheet_is_served_without_signing_in(client):
    response = client.get("/static/planwatch/site.css")
    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)


@pytest.mark.django_db
def test_pages_link_the_stylesheet(client):
    assert 'href="/static/planwatch/site.css"' in client.get("/accounts/login/").content.decode()
