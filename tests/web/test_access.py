"""Every page needs a signed-in user; anonymous visitors are sent to the sign-in page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db

PAGES = [("plans:home", []), ("plans:overview", ["sample"]), ("plans:document", ["sample"]),
         ("plans:target", ["sample", "gdp-2025"])]


@pytest.fixture(autouse=True)
def stored_plan(sample_plan):
    return save_plan(sample_plan)


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(client, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_a_signed_in_member_sees_the_page(member_client, name, args):
    assert member_client.get(reverse(name, args=args)).status_code == 200


def test_an_unknown_plan_or_target_is_not_found(member_client):
    assert member_client.get(reverse("plans:overview", args=["nothing"])).status_code == 404
    assert member_client.get(reverse("plans:target", args=["sample", "nope"])).status_code == 404


def test_the_sign_in_page_signs_a_member_in(client, member):
    response = client.post(reverse("login"), {"username": "reader",
                                              "password": "a-long-passphrase-1"})
    assert response.status_code == 302
    assert client.get(reverse("plans:home")).status_code == 200


def test_repeated_wrong_passwords_lock_the_account_out(client, member):
    for _ in range(5):
        client.post(reverse("login"), {"username": "reader", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "reader",
                                              "password": "a-long-passphrase-1"})
    assert response.status_code == 429


def test_the_interface_speaks_chinese_by_default_and_english_on_request(member_client):
    page = member_client.get(reverse("plans:home"), headers={"accept-language": "en-US,en"})
    assert "规划" in page.content.decode() and page["Content-Language"] == "zh-hans"
    member_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Plans" in member_client.get(reverse("plans:home")).content.decode()
