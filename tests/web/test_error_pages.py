"""Refusals and missing pages speak the site's language inside its frame, not Django's bare
English "403 Forbidden" / "Not Found" pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_explained_in_chinese(client):
    response = client.get("/public/no-such-plan/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and "返回首页" in html
    assert "Not Found" not in html


def test_a_refused_page_is_explained_in_chinese(member_client):
    response = member_client.get("/data/review/")  # a leader may not review figures
    assert response.status_code == 403
    html = response.content.decode()
    assert "无权访问" in html and "退出" in html  # inside the site's frame, still signed in
    assert "403 Forbidden" not in html

