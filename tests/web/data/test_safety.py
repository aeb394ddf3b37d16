"""Safety: lockout, argon2, CSRF, session expiry, upload limits, attachments never rendered."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib.auth.hashers import get_hasher
from django.test import Client
from django.urls import reverse

from planwatch.web.data import views
from planwatch.web.data.models import Observation, Submission


def test_five_wrong_passwords_lock_a_reporter_out_even_with_the_right_one(users, client):
    users["finance"].set_password("a-long-passphrase-1")
    users["finance"].save()
    for _ in range(5):
        client.post(reverse("login"), {"username": "finance", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "finance",
                                              "password": "a-long-passphrase-1"})
    assert response.status_code == 429


def test_passwords_are_hashed_with_argon2_and_sessions_expire():
    assert get_hasher().algorithm == "argon2"
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_a_report_form_posted_without_the_csrf_token_is_refused(users, finance, revenue):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["finance"])
    response = browser.post(reverse("data:report", args=[finance.pk]), {
        "indicator": revenue.pk, "period": "2023Q1", "value": "3", "action": "submit"})
    assert response.status_code == 403 and not Submission.objects.exists()


def test_an_html_attachment_is_refused_and_nothing_is_kept(client_of, finance, revenue,
                                                          planwatch_home):
    page = io.BytesIO(b"<script>alert(1)</script>")
    page.name = "evil.html"
    client_of("finance").post(reverse("data:report", args=[finance.pk]), {
        "indicator": revenue.pk, "period": "2023Q1", "kind": "level", "value": "3",
        "unit": "亿元", "action": "save", "evidence": page})
    assert not (planwatch_home / "uploads").exists() or not any(
        (planwatch_home / "uploads").iterdir())


def test_an_import_larger_than_the_limit_is_refused_before_reading(client_of, plan,
                                                                  monkeypatch):
    monkeypatch.setattr(views, "MAX_IMPORT_BYTES", 100)
    upload = io.BytesIO(b"place,indicator,period,value,unit,kind,source\n" + b"x" * 200)
    upload.name = "big.csv"
    response = client_of("planner").post(reverse("data:import"), {"file": upload},
                                         follow=True)
    assert "上限" in response.content.decode() and not Observation.objects.exists()


def test_the_import_page_previews_problems_then_commits_all_rows(client_of, plan):
    planner = client_of("planner")
    bad = io.BytesIO("place,indicator,period,value,unit,kind,source\n"
                     "示例区,地区生产总值,2023,abc,亿元,level,x\n".encode("gbk"))
    bad.name = "bad.csv"
    page = planner.post(reverse("data:import"), {"file": bad}).content.decode()
    assert "不是数字" in page and "确认导入" not in page
    good = io.BytesIO("place,indicator,period,value,unit,kind,source\n"
                      "示例区,地区生产总值,2023,350,亿元,level,x\n".encode())
    good.name = "good.csv"
    page = planner.post(reverse("data:import"), {"file": good}).content.decode()
    assert "将新增 1 条" in page and not Observation.objects.exists()
    planner.post(reverse("data:import"), {"action": "commit"})
    assert Observation.objects.get().value == 350
