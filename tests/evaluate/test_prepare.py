"""From targets and observations to the engine's table: units, places, refusals."""

from datetime import date

import numpy as np
import pytest

from planwatch.domain import Observation, parse_period
from planwatch.evaluate import EvaluationError, build_table

from .conftest import make_target, series

AS_OF = date(2023, 12, 31)


def test_figures_are_converted_to_the_target_unit():
    observations = series("地区生产总值", {"2020": 3_000_000}, unit="万元") + series(
        "地区生产总值", {"2021": 3.2e10}, unit="元")
    table, [info] = build_table([make_target(value=500)], observations, AS_OF)
    assert table.values[0, :2].tolist() == [300.0, 320.0]
    assert info.unit == "亿元"


def test_incompatible_units_are_refused_naming_target_and_observation():
    observations = series("地区生产总值", {"2021": 3}, unit="万人")
    with pytest.raises(EvaluationError, match=r"^target t1: unit: observation 绿园区/地区生产总值"
                                              r"/2021: cannot convert 万人 to 亿元"):
        build_table([make_target(value=500)], observations, AS_OF)


def test_a_target_without_place_takes_the_only_place_of_the_data():
    table, [info] = build_table([make_target(value=500, place=None)],
                                series("地区生产总值", {"2021": 320}), AS_OF)
    assert info.place == "绿园区"
    assert table.values[0, 1] == 320


def test_a_target_without_place_and_data_from_several_places_is_refused():
    observations = series("地区生产总值", {"2021": 320}) + series(
        "地区生产总值", {"2021": 7000}, place="长春市")
    with pytest.raises(EvaluationError, match="target t1: place: not given, and the "
                                              "observations cover 2 places"):
        build_table([make_target(value=500, place=None)], observations, AS_OF)


def test_the_plan_jurisdiction_is_the_default_place():
    observations = series("地区生产总值", {"2021": 320}) + series(
        "地区生产总值", {"2021": 7000}, place="长春市")
    _, [info] = build_table([make_target(value=500, place=None)], observations, AS_OF,
                            place="绿园区")
    assert info.place == "绿园区"


@pytest.mark.parametrize(("fields", "message"), [
    ({"year": None}, "target t1: year: no deadline year"),
    ({"base_year": None}, "target t1: base_year: neither base_year nor period_start"),
    ({"year": 2020}, "target t1: year: deadline 2020 is not after the base year 2020"),
])
def test_targets_without_a_time_frame_are_refused(fields, message):
    with pytest.raises(EvaluationError, match=message):
        build_table([make_target(value=500, **fields)], [], AS_OF)


def test_period_start_gives_the_base_year():
    table, _ = build_table([make_target(value=500, base_year=None, period_start=2021)], [],
                           AS_OF)
    assert table.start[0] == 2020


def test_relative_targets_need_a_benchmark_and_flows_a_positive_total():
    with pytest.raises(EvaluationError, match="target t1: benchmark: a relative target needs"):
        build_table([make_target("relative", 2, "个百分点")], [], AS_OF)
    with pytest.raises(EvaluationError, match="target t1: value: a cumulative or count"):
        build_table([make_target("cumulative", 0)], [], AS_OF)


def test_growth_index_chains_rates_and_bridges_gaps_with_levels():
    observations = (series("地区生产总值", {"2021": 10.0, "2022": 10.0}, unit="%",
                           kind="growth_pct")
                    + series("地区生产总值", {"2020": 100, "2023": 133.1}))
    table, _ = build_table([make_target("growth", 10, "%")], observations, AS_OF)
    assert table.values[0, :4] == pytest.approx([1.0, 1.1, 1.21, 1.331])
    assert table.goal[0] == pytest.approx(1.1 ** 5)


def test_later_figures_for_the_same_period_replace_earlier_ones():
    observations = [Observation("绿园区", "地区生产总值", parse_period("2021"), v, "亿元")
                    for v in (310, 315)]
    table, _ = build_table([make_target(value=500)], observations, AS_OF)
    assert table.values[0, 1] == 315


def test_a_multiple_is_a_multiple_of_the_base_in_the_figures_unit():
    table, [info] = build_table([make_target("multiple", 2, "倍")],
                                series("地区生产总值", {"2020": 40, "2022": 50}, unit="家"), AS_OF)
    assert (table.goal[0], info.unit) == (80, "家")
    assert np.isnan(table.values[0, 1])


def test_without_any_figures_a_missing_place_changes_nothing():
    table, [info] = build_table([make_target(value=500, place=None)], [], AS_OF)
    assert info.place is None
    assert np.isnan(table.values[0]).all()
