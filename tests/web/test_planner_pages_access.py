"""Intake and reports are planners' work: planners and administrators reach every page and
action; reporters, supervisors and leaders get 403; the public is sent to sign in."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from planwatch.web.intake.models import Decision, Draft, Proposal
from planwatch.web.plans.store import save_plan
from planwatch.web.reports.models import Narrative

pytestmark = pytest.mark.django_db

ALLOWED = ("planner", "administrator")
REFUSED = ("reporter", "supervisor", "leader")


@pytest.fixture
def world(sample_plan):
    plan = save_plan(sample_plan)
    draft = Draft.objects.create(file_name="a.txt", text="到2025年,地区生产总值突破500亿元。")
    proposal = Proposal.objects.create(
        draft=draft, order=0, text="地区生产总值突破500亿元", span_start=6, span_end=19,
        indicator="地区生产总值", comparator=">=", value=500, unit="亿元", kind="level",
        year=2025, confidence=0.9, extracted={})
    return plan, draft, proposal


def pages(world) -> list[str]:
    plan, draft, _ = world
    return [reverse("intake:index"), reverse("intake:review", args=[draft.pk]),
            reverse("intake:accept", args=[draft.pk]),
            reverse("reports:page", args=[plan.name])]


def actions(world) -> list[tuple[str, dict]]:
    """Posts that change something, each with data that would succeed for a planner."""
    plan, draft, proposal = world
    return [
        (reverse("intake:decide", args=[draft.pk, proposal.pk]), {"action": "reject"}),
        (reverse("intake:accept", args=[draft.pk]), {"into": "existing", "plan": plan.name}),
        (reverse("reports:narrative", args=[plan.name]), {"kind": "midterm", "section_2": "x"}),
        (reverse("intake:index"), {}),
    ]


@pytest.fixture
def signed_in(client, django_user_model):
    def sign_in(role: str):
        user = django_user_model.objects.create_user(role, password="a-long-passphrase-1")
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return sign_in


@pytest.mark.parametrize("role", ALLOWED)
def test_planners_and_administrators_reach_every_page(signed_in, world, role):
    client = signed_in(role)
    for url in pages(world):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", REFUSED)
def test_other_roles_are_refused_every_page_and_action(signed_in, world, role):
    client = signed_in(role)
    for url in pages(world):
        assert client.get(url).status_code == 403, url
    for url, data in actions(world):
        assert client.post(url, data).status_code == 403, url
    _, _, proposal = world
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING
    assert not Narrative.objects.exists()


def test_the_public_is_sent_to_sign_in(client, world):
    for url in pages(world):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    for url, data in actions(world):
        assert client.post(url, data).status_code == 302


def test_a_planners_actions_take_effect(signed_in, world):
    client = signed_in("planner")
    _, _, proposal = world
    decide, _, narrative, _ = actions(world)
    for url, data in (decide, narrative):
        assert client.post(url, data).status_code == 302, url
    proposal.refresh_from_db()
    assert proposal.decision == Decision.REJECTED
    assert Narrative.objects.get().text == "x"


def test_the_navigation_offers_intake_to_planners_only(signed_in, world):
    url = reverse("intake:index")
    assert f'href="{url}"' in signed_in("planner").get(reverse("plans:home")).content.decode()
    assert f'href="{url}"' not in signed_in("leader").get(reverse("plans:home")).content.decode()


def test_a_plans_pages_offer_its_reports_to_planners_only(signed_in, world):
    plan, _, _ = world
    url = reverse("reports:page", args=[plan.name])
    overview = reverse("plans:overview", args=[plan.name])
    assert f'href="{url}"' in signed_in("planner").get(overview).content.decode()
    assert f'href="{url}"' not in signed_in("leader").get(overview).content.decode()


def test_the_pages_speak_english_on_request(signed_in, world):
    plan, draft, _ = world
    client = signed_in("planner")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    intake = client.get(reverse("intake:index")).content.decode()
    assert "Upload and extract targets" in intake and "Document intake" in intake
    review = client.get(reverse("intake:review", args=[draft.pk])).content.decode()
    assert "Review proposed targets" in review and "Accept" in review
    reports = client.get(reverse("reports:page", args=[plan.name])).content.decode()
    assert "Mid-term evaluation" in reports and "Download Word" in reports


@pytest.mark.parametrize("model", [Draft, Proposal, Narrative], ids=lambda m: m.__name__)
def test_the_back_office_lists_and_opens_drafts_and_narratives(admin_client, world, model):
    plan, _, _ = world
    Narrative.objects.create(plan=plan, kind="midterm", section="下一步建议", text="x")
    meta = model._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change",
                     args=[model.objects.first().pk])
    assert admin_client.get(change).status_code == 200
