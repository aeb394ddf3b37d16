"""The API's browsable docs work offline: Swagger UI comes from our own static files, never a CDN."""

from __future__ import annotations

import re

import pytest


def referenced_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


@pytest.mark.django_db
def test_the_api_docs_page_loads_nothing_from_another_host(client):
    html = client.get("/api/docs").content.decode()
    urls = referenced_urls(html)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls), html
    assert [url for url in urls if "//" in url] == []


@pytest.mark.django_db
def test_every_file_the_api_docs_page_needs_is_served_by_the_app(client):
    for url in referenced_urls(client.get("/api/docs").content.decode()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content), url
