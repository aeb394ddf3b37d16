"""Too many wrong passwords lock the account (django-axes); the person is told so in the site's
frame and language, not by axes' bare English line."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def sign_in(client, password: str):
    return client.post("/accounts/login/", {"username": "reader", "password": password})


def test_the_sixth_wrong_password_meets_a_chinese_lockout_page(client, member):
    for attempt in range(4):
        assert sign_in(client, f"wrong-{attempt}").status_code == 200
    locked = sign_in(client, "wrong-5")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "账户已暂时锁定" in html and "连续 5 次登录失败" in html
    assert "Account locked" not in html


def test_a_locked_account_stays_locked_even_with_the_right_password(client, member):
    for attempt in range(5):
        sign_in(client, f"wrong-{attempt}")
    assert "账户已暂时锁定" in sign_in(client, "a-long-passphrase-1").content.decode()
