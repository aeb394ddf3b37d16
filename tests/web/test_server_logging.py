"""What an operator sees on the server's standard error when a page fails."""

from __future__ import annotations

import io
import logging

import pytest
from django.test import Client
from django.urls import path

from planwatch.web import urls as site_urls


def _failing_view(request):
    raise RuntimeError("planwatch-test-failure")


urlpatterns = [path("boom/", _failing_view), *site_urls.urlpatterns]


@pytest.fixture
def server_stderr():
    """What the site's logging writes to the server's standard error during the test."""
    handler = next(handler for handler in logging.getLogger("django.request").handlers
                   if isinstance(handler, logging.StreamHandler))
    written = io.StringIO()
    original = handler.setStream(written)
    yield written
    handler.setStream(original)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_an_unhandled_exception_is_written_with_its_traceback_to_standard_error(server_stderr):
    response = Client(raise_request_exception=False).get("/boom/")

    assert response.status_code == 500
    written = server_stderr.getvalue()
    assert "ERROR django.request: Internal Server Error: /boom/" in written
    assert "Traceback" in written and "RuntimeError: planwatch-test-failure" in written


@pytest.mark.django_db
def test_a_missing_page_is_not_an_error_on_standard_error(client, server_stderr):
    assert client.get("/no-such-page/").status_code == 404
    assert server_stderr.getvalue() == ""


def test_the_back_office_names_planwatch_not_django():
    from django.contrib import admin

    assert "planwatch" in str(admin.site.site_header)
