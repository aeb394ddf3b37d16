"""Uploads: a request-wide ceiling on the body, refused before it is read (413) at every
endpoint that takes a file or a body; files of a type we do not take refused by name; and
attachments only ever served back as downloads."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from planwatch.web.accounts.models import ApiToken
from planwatch.web.commands.serve import gunicorn_settings
from planwatch.web.data import views
from planwatch.web.data.models import Evidence, Submission

CEILING = 64 * 1024


def oversized(name: str) -> io.BytesIO:
    upload = io.BytesIO(b"x" * (CEILING + 1))
    upload.name = name
    return upload


def upload_endpoints(plan, finance, revenue):
    """(who, url, form or JSON body) for every endpoint that takes an upload or a body."""
    report = {"indicator": revenue.pk, "period": "2023Q1", "kind": "level", "value": "3",
              "unit": "亿元", "action": "submit"}
    return [
        ("finance", reverse("data:report", args=[finance.pk]),
         {**report, "evidence": oversized("快报.pdf")}),
        ("planner", reverse("data:import"), {"file": oversized("figures.csv")}),
        ("planner", reverse("intake:index"), {"document": oversized("规划.txt")}),
        ("planner", reverse("work:import", args=[plan.name]),
         {"file": oversized("projects.csv")}),
        ("planner", reverse("reports:narrative", args=[plan.name]),
         {"kind": "annual", "section_0": "x" * (CEILING + 1)}),
    ]


@override_settings(MAX_REQUEST_BYTES=CEILING)
def test_an_oversized_upload_to_each_endpoint_gets_413_and_writes_nothing(
        client_of, plan, finance, revenue, planwatch_home, stored_rows):
    before = stored_rows()
    for who, url, form in upload_endpoints(plan, finance, revenue):
        response = client_of(who).post(url, form)
        assert response.status_code == 413, url
        page = response.content.decode()
        assert "上传内容过大" in page and "超过本系统每次请求 64.0\xa0KB 的上限" in page, url
    assert stored_rows() == before
    assert not (planwatch_home / "uploads").exists()


@override_settings(MAX_REQUEST_BYTES=CEILING)
def test_an_oversized_api_body_gets_413_in_json_and_writes_nothing(client, plan, users):
    token = ApiToken.objects.issue(users["finance"])
    body = {"plan": plan.name, "indicator": "区本级留用收入", "period": "2023Q1", "value": "3",
            "unit": "亿元", "note": "x" * (CEILING + 1)}
    response = client.post("/api/observations", body, content_type="application/json",
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413 and "上限" in response.json()["detail"]
    assert not Submission.objects.exists()


@override_settings(MAX_REQUEST_BYTES=CEILING)
def test_the_413_page_speaks_the_chosen_language(client_of, finance, revenue):
    browser = client_of("finance")
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = browser.post(reverse("data:report", args=[finance.pk]),
                            {"evidence": oversized("a.pdf")})
    page = response.content.decode()
    assert response.status_code == 413 and "too large" in page and "上传" not in page


@override_settings(MAX_REQUEST_BYTES=CEILING)
def test_a_body_within_the_ceiling_goes_through(client_of, finance, revenue):
    evidence = io.BytesIO(b"%PDF-1.7 " + b"x" * (CEILING // 2))
    evidence.name = "快报.pdf"
    response = client_of("finance").post(reverse("data:report", args=[finance.pk]), {
        "indicator": revenue.pk, "period": "2023Q1", "kind": "level", "value": "3",
        "unit": "亿元", "action": "submit", "evidence": evidence})
    assert response.status_code == 302 and Evidence.objects.get().original_name == "快报.pdf"


def test_the_default_ceiling_fits_the_largest_upload_and_the_environment_sets_it():
    assert settings.MAX_REQUEST_BYTES > views.MAX_IMPORT_BYTES
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 10
    env = {**os.environ, "PLANWATCH_MAX_REQUEST_MB": "1.5",
           "DJANGO_SETTINGS_MODULE": "planwatch.web.settings"}
    read = [sys.executable, "-c", "from django.conf import settings; "
                                  "print(settings.MAX_REQUEST_BYTES)"]
    assert subprocess.run(read, env=env, capture_output=True, text=True,
                          check=True).stdout.strip() == str(3 * 2**19)
    env["PLANWATCH_MAX_REQUEST_MB"] = "lots"
    failed = subprocess.run(read, env=env, capture_output=True, text=True)
    assert failed.returncode != 0 and "PLANWATCH_MAX_REQUEST_MB='lots'" in failed.stderr


def test_the_gunicorn_of_planwatch_serve_bounds_the_request_head():
    from gunicorn.config import Config

    config = Config()
    for key, value in gunicorn_settings("127.0.0.1", 8000, 2).items():
        config.set(key, value)
    assert (config.limit_request_line, config.limit_request_fields,
            config.limit_request_field_size) == (4094, 50, 8190)


# --- files of the wrong type, refused by name -------------------------------------------------

def named(name: str, data: bytes = b"MZ\x90\x00 not what you think") -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def test_an_attachment_of_a_type_we_do_not_take_is_refused_by_name_and_nothing_kept(
        client_of, finance, revenue, planwatch_home):
    response = client_of("finance").post(reverse("data:report", args=[finance.pk]), {
        "indicator": revenue.pk, "period": "2023Q1", "kind": "level", "value": "3",
        "unit": "亿元", "action": "submit",
        "evidence": [named("快报.pdf", b"%PDF-1.7 fine"), named("setup.exe")]}, follow=True)
    assert "setup.exe" in response.content.decode()
    assert not Submission.objects.exists() and not Evidence.objects.exists()
    assert not (planwatch_home / "uploads").exists()


@pytest.mark.parametrize(("endpoint", "field", "name"), [
    ("data:import", "file", "figures.exe"),
    ("intake:index", "document", "规划.exe"),
    ("work:import", "file", "projects.exe"),
])
def test_an_upload_of_a_type_we_do_not_take_is_refused_by_name(client_of, plan, stored_rows,
                                                               endpoint, field, name):
    before = stored_rows()
    url = reverse(endpoint, args=[plan.name] if endpoint == "work:import" else [])
    response = client_of("planner").post(url, {field: named(name)}, follow=True)
    assert name in response.content.decode()
    assert stored_rows() == before


def test_evidence_is_served_as_an_attachment_the_browser_may_not_sniff(client_of, finance,
                                                                       revenue):
    client_of("finance").post(reverse("data:report", args=[finance.pk]), {
        "indicator": revenue.pk, "period": "2023Q1", "kind": "level", "value": "3",
        "unit": "亿元", "action": "submit", "evidence": named("快报.pdf", b"%PDF-1.7 <html>")})
    evidence = Evidence.objects.get()
    response = client_of("planner").get(reverse("data:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"%PDF-1.7 <html>"
