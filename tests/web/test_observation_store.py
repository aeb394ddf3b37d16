"""save_observations: idempotent, append-only, and never mixing illustrative with real."""

from __future__ import annotations

import pytest

from planwatch import domain
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations, to_domain

pytestmark = pytest.mark.django_db


def figure(value: float, *, period: str = "2023", provenance: str = "official",
           source: str = "https://stats.example/2023") -> domain.Observation:
    return domain.Observation("示例区", "地区生产总值", domain.parse_period(period), value, "亿元",
                              source=source, provenance=domain.Provenance(provenance))


def test_the_same_figures_stored_twice_add_nothing_the_second_time():
    figures = [figure(300.0), figure(150.0, period="2023H1")]
    assert save_observations(figures) == 2
    assert save_observations(figures) == 0
    assert Observation.objects.count() == 2


def test_a_changed_value_becomes_the_next_revision_and_the_old_row_stays():
    save_observations([figure(300.0)])
    assert save_observations([figure(305.5)]) == 1
    rows = Observation.objects.order_by("revision")
    assert [(r.revision, r.value) for r in rows] == [(1, 300.0), (2, 305.5)]
    assert [r.value for r in Observation.objects.current()] == [305.5]


def test_a_changed_source_alone_is_a_new_revision():
    save_observations([figure(300.0)])
    assert save_observations([figure(300.0, source="https://stats.example/final")]) == 1


def test_an_estimate_then_its_final_figure_in_one_file_keeps_both_final_current():
    rows = [figure(299.0, source="工作报告预计数"), figure(300.2, source="统计公报")]
    assert save_observations(rows) == 2
    assert save_observations(rows) == 0
    assert [r.value for r in Observation.objects.current()] == [300.2]


def test_illustrative_figures_never_revise_official_ones():
    save_observations([figure(300.0)])
    assert save_observations([figure(280.0, provenance="illustrative")]) == 1
    current = {(r.provenance, r.revision, r.value) for r in Observation.objects.current()}
    assert current == {("official", 1, 300.0), ("illustrative", 1, 280.0)}


def test_the_recorder_is_kept_and_rows_read_back_as_the_same_observations():
    original = figure(300.0, period="2023-06")
    save_observations([original], recorded_by="统计局")
    row = Observation.objects.get()
    assert row.recorded_by == "统计局"
    back = to_domain(row)
    assert (back.place, back.indicator, back.period, back.value, back.unit, back.kind,
            back.source, back.provenance) == (
        original.place, original.indicator, original.period, original.value, original.unit,
        original.kind, original.source, original.provenance)
