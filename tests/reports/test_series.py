"""TargetFigures: a target's base, goal, latest figure and chart, read from the engine's output."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain import Comparator, Kind, PathShape, Target, parse_period
from planwatch.evaluate.explain import when
from planwatch.reports.series import TargetFigures, engine_period

from .conftest import made_assessment, make_small_plan, observation


@given(st.integers(2000, 2060), st.sampled_from(["", "H1", "-03", "-09", "-11"]))
def test_engine_period_reads_back_every_label_the_engine_writes(year, suffix):
    period = parse_period(f"{year}{suffix}")
    assert engine_period(when(period.t)) == period


@pytest.mark.parametrize("label", [None, "", "2023年下半年", "二〇二三年", "2023Q5"])
def test_engine_period_of_anything_else_is_none(label):
    assert engine_period(label) is None


def figures(target, assessment, observations=()):
    return TargetFigures(target, assessment, make_small_plan(), list(observations))


def test_doubling_target_is_counted_in_the_figures_unit_from_the_engines_base():
    target = Target("firms", "规上工业企业户数", Kind.MULTIPLE, Comparator.GE, 2.0, "倍", 2025,
                    2021)
    assessment = made_assessment("firms", "behind", "unlikely", latest_value=74.0,
                                 latest_period="2022年", unit="户",
                                 series=[("2020", 62.0), ("2021", 70.0), ("2022", 74.0)])
    seen = figures(target, assessment)
    assert (seen.base, seen.goal, seen.latest) == (62.0, 124.0, 74.0)
    chart = seen.chart("规上工业企业户数")
    assert chart.unit == "户" and chart.target == (2025.0, 124.0)
    assert chart.path[0] == (2020.0, 62.0) and chart.path[-1] == pytest.approx((2025.0, 124.0))


def test_growth_target_shows_the_average_growth_so_far_and_draws_published_rates():
    target = Target("gdp-growth", "地区生产总值", Kind.GROWTH, Comparator.GE, 6.0, "%", 2025, 2021)
    assessment = made_assessment("gdp-growth", "on_track", "likely", observed_rate=6.4,
                                 latest_value=1.132, latest_period="2022年", unit="%",
                                 series=[("2020", 1.0), ("2021", 1.07), ("2022", 1.132)])
    data = [observation("地区生产总值", "2021", 7.0, "%", "growth_pct"),
            observation("地区生产总值", "2022", 5.8, "%", "growth_pct", provenance="illustrative")]
    seen = figures(target, assessment, data)
    assert seen.latest == 6.4 and seen.base is None
    assert seen.latest_is_illustrative  # the average rests on the illustrative 2022 rate
    chart = seen.chart("地区生产总值年均增速")
    assert [(p.label, p.value, p.illustrative) for p in chart.observed] == [
        ("2021", 7.0, False), ("2022", 5.8, True)]
    assert chart.path == ((2020.0, 6.0), (2025.0, 6.0))


def test_flow_target_is_drawn_as_a_running_total_from_zero():
    target = Target("schools", "九年一贯制学校", Kind.COUNT, Comparator.GE, 8.0, "所", 2025, 2021)
    assessment = made_assessment("schools", "behind", "at_risk", latest_value=3.0,
                                 latest_period="2022年", unit="所", projected=7.5,
                                 interval=(5.0, 10.0), series=[("2021", 1.0), ("2022", 2.0)])
    chart = figures(target, assessment).chart("九年一贯制学校")
    assert [(p.t, p.value) for p in chart.observed] == [(2020.0, 0.0), (2021.0, 1.0),
                                                         (2022.0, 3.0)]
    assert chart.path == ((2020.0, 0.0), (2025.0, 8.0))
    assert (chart.projection, chart.band) == ((2025.0, 7.5), (5.0, 10.0))


def test_a_flow_target_on_its_annual_decomposition_is_drawn_through_the_running_totals():
    target = Target("schools", "九年一贯制学校", Kind.COUNT, Comparator.GE, 8.0, "所", 2025, 2021,
                    path=PathShape.CUSTOM, schedule={2021: 1, 2022: 3, 2023: 5, 2024: 7, 2025: 8})
    assessment = made_assessment("schools", "on_track", "likely", latest_value=3.0,
                                 latest_period="2022年", unit="所",
                                 series=[("2021", 1.0), ("2022", 2.0)])
    chart = figures(target, assessment).chart("九年一贯制学校")
    assert chart.path == ((2020.0, 0.0), (2021.0, 1), (2022.0, 3), (2023.0, 5), (2024.0, 7),
                          (2025.0, 8))


def test_a_level_target_on_its_annual_decomposition_is_drawn_from_the_base_through_it():
    target = Target("gdp", "地区生产总值", Kind.LEVEL, Comparator.GE, 500.0, "亿元", 2025, 2021,
                    base_value=300.0, path=PathShape.CUSTOM,
                    schedule={2021: 310.0, 2023: 400.0, 2025: 500.0})
    assessment = made_assessment("gdp", "on_track", "likely", latest_value=330.0,
                                 latest_period="2022年", unit="亿元",
                                 series=[("2020", 300.0), ("2021", 315.0), ("2022", 330.0)])
    chart = figures(target, assessment).chart("地区生产总值")
    assert chart.path == ((2020.0, 300.0), (2021.0, 310.0), (2023.0, 400.0), (2025.0, 500.0))


def test_qualitative_targets_and_targets_without_data_have_no_chart():
    milestone = Target("hub", "物流枢纽", Kind.MILESTONE, Comparator.EQ, None, "项", 2025, 2021)
    assert figures(milestone, made_assessment("hub", "qualitative", "no_outlook",
                                              series=[("2020", 0.0)])).chart("物流枢纽") is None
    level = Target("gdp", "地区生产总值", Kind.LEVEL, Comparator.GE, 500.0, "亿元", 2030, 2021)
    only_base = made_assessment("gdp", "insufficient_data", "no_outlook", series=[("2020", 280.9)])
    assert figures(level, only_base).chart("地区生产总值") is None
