"""The back office: every planwatch model is registered, and its list, search and form open."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db

APPS = ("plans", "data", "work")
THROUGH_TABLES = {"PlanPlace", "PlanDepartment", "TaskDepartment", "ProjectStageTransition"}


def _models():
    return [model for label in APPS for model in apps.get_app_config(label).get_models()
            if not model.__name__.startswith("Historical")]


def test_every_model_is_registered_or_edited_inline_with_its_parent():
    registered = {model.__name__ for model in _models() if admin.site.is_registered(model)}
    assert registered | THROUGH_TABLES == {model.__name__ for model in _models()}


@pytest.fixture
def admin_page(admin_client, sample_plan):
    from planwatch import domain

    save_plan(sample_plan)
    save_observations([domain.Observation("示例区", "地区生产总值", domain.parse_period(2021),
                                          320.0, "亿元")])

    def get(model, view: str, *args):
        meta = model._meta
        return admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}",
                                        args=args))

    return get


@pytest.mark.parametrize("model", [m for m in _models() if m.__name__ not in THROUGH_TABLES],
                         ids=lambda model: model.__name__)
def test_the_list_search_and_a_record_open(admin_page, model):
    assert admin_page(model, "changelist").status_code == 200
    first = model.objects.first()
    if first is not None:
        assert admin_page(model, "change", first.pk).status_code == 200


def test_an_observation_cannot_be_deleted_or_changed_in_the_back_office(admin_page):
    observation = Observation.objects.get()
    assert admin_page(Observation, "delete", observation.pk).status_code == 403
    page = admin_page(Observation, "change", observation.pk).content.decode()
    assert 'name="value"' not in page


def test_a_changed_observation_posted_to_the_back_office_is_refused(admin_client, admin_page):
    observation = Observation.objects.get()
    response = admin_client.post(
        reverse("admin:data_observation_change", args=[observation.pk]), {
            "place": "示例区", "indicator": "地区生产总值", "period": "2021", "value": "999",
            "unit": "亿元", "kind": "level", "source": "改", "provenance": "official"})
    assert response.status_code == 403
    assert list(Observation.objects.values_list("revision", "value")) == [(1, 320.0)]


def test_a_correction_added_in_the_back_office_is_the_next_revision(admin_client, admin_page):
    response = admin_client.post(reverse("admin:data_observation_add"), {
        "place": "示例区", "indicator": "地区生产总值", "period": "2021", "value": "321",
        "unit": "亿元", "kind": "level", "source": "核实", "provenance": "official"})
    assert response.status_code == 302
    assert list(Observation.objects.order_by("revision").values_list(
        "revision", "value", "recorded_by")) == [(1, 320.0, ""), (2, 321.0, "admin")]
