"""The target page: every field, the source sentence in context, the figures with provenance."""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch import domain
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def _figure(place, indicator, period, value, provenance="official", kind="level"):
    return domain.Observation(place, indicator, domain.parse_period(period), value, "亿元",
                              kind=domain.ObservationKind(kind), source="https://stats.example",
                              provenance=domain.Provenance(provenance))


@pytest.fixture
def stored(sample_plan):
    save_plan(sample_plan)
    save_observations([
        _figure("示例区", "地区生产总值", "2021", 320.0),
        _figure("示例区", "地区生产总值", "2022", 350.0, provenance="illustrative"),
        _figure("别的区", "地区生产总值", "2021", 999.0),
    ])
    save_observations([_figure("示例区", "地区生产总值", "2021", 321.5)])


def _page(client, key: str) -> str:
    return client.get(reverse("plans:target", args=["sample", key])).content.decode()


def test_every_field_is_shown(member_client, stored):
    page = _page(member_client, "gdp-2025")
    for shown in ["gdp-2025", "经济发展取得新成效", "总量", "不低于", "500 亿元", "2025年",
                  "2021", "2020: 300.5", "0.5", "预期性", "区发展和改革局"]:
        assert shown in page, shown


def test_the_source_sentence_is_highlighted_in_its_context(member_client, stored):
    page = _page(member_client, "gdp-2025")
    assert "<mark>地区生产总值突破500亿元</mark>" in page
    assert "到2025年," in page and "服务业增加值增速" in page


def test_figures_of_the_targets_place_show_provenance_and_revisions(member_client, stored):
    page = _page(member_client, "gdp-2025")
    assert "321.5 亿元" in page and "320 亿元" in page and "(已修订)" in page
    assert "官方数据" in page
    assert page.count('class="badge provenance-illustrative"') == 1
    assert "示例数据" in page
    assert "999" not in page


def test_a_relative_target_shows_its_benchmark(member_client, stored):
    page = _page(member_client, "services-growth")
    assert "对标" in page and "本地 地区生产总值" in page and "+ 2 个百分点" in page


def test_the_page_takes_a_bounded_number_of_queries(
        member_client, stored, django_assert_max_num_queries):
    # Sign-in and roles take up to six; the page: plan, target, data version, latest data
    # period, goals, the figures it judges and the figures it lists.
    with django_assert_max_num_queries(13):
        member_client.get(reverse("plans:target", args=["sample", "gdp-2025"]))
