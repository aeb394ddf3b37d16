"""The edge cases methodology §6 names: zero or negative base, sign change, a base that
already meets the target, one data point, no data after the base, a passed deadline,
part-year data, a missing benchmark year, tolerance for "左右"."""

import math
from datetime import date

import pytest

from .conftest import judge, make_target, series


def test_zero_base_uses_a_linear_path():
    a = judge(make_target(value=50, indicator="数字经济产值"),
              series("数字经济产值", {"2020": 0, "2023": 30}))
    assert a.progress == pytest.approx(0.6)
    assert a.status == "on_track"
    assert a.rate_unit == "亿元/年"


def test_negative_base_and_sign_change_use_a_linear_path():
    a = judge(make_target(value=20, indicator="利润总额"),
              series("利润总额", {"2020": -10, "2021": -2, "2022": 5, "2023": 11}))
    assert a.progress == pytest.approx(0.7)
    assert a.ratio == pytest.approx(0.7 / 0.6)
    assert a.status == "ahead"
    assert a.probability is not None and 0 <= a.probability <= 1


def test_base_already_meeting_the_target_is_maintained_never_achieved_early():
    a = judge(make_target(value=6.5, unit="亿吨", indicator="粮食产能"),
              series("粮食产能", {"2020": 6.69, "2023": 6.9}, unit="亿吨"))
    assert a.status == "maintained"
    assert a.progress is None and a.ratio is None


def test_one_data_point_gives_a_status_but_no_outlook():
    a = judge(make_target(value=500), series("地区生产总值", {"2020": 300, "2023": 380}))
    assert a.status == "behind"
    assert (a.outlook, a.probability, a.interval) == ("no_outlook", None, None)
    assert "暂无法研判" in a.explanation


def test_no_data_after_the_base_is_insufficient():
    a = judge(make_target(value=500), series("地区生产总值", {"2020": 300}))
    assert (a.status, a.outlook) == ("insufficient_data", "no_outlook")
    assert a.status_zh == "数据不足，无法评估"


def test_base_value_from_the_target_wins_over_the_base_year_figure():
    a = judge(make_target(value=500, base_value=250),
              series("地区生产总值", {"2020": 300, "2023": 400}))
    assert a.progress == pytest.approx(math.log(400 / 250) / math.log(500 / 250))


def test_passed_deadline_with_the_final_figure_is_achieved_or_missed():
    observations = series("地区生产总值", {"2020": 300, "2024": 480, "2025": 499})
    a = judge(make_target(value=500), observations, date(2026, 6, 30))
    assert (a.status, a.probability, a.elapsed) == ("missed", 0.0, 1.0)


def test_passed_deadline_without_the_final_figure_is_judged_on_the_latest():
    observations = series("地区生产总值", {"2020": 300, "2023": 480})
    a = judge(make_target(value=500), observations, date(2026, 3, 31))
    assert a.status == "ahead"


def test_part_year_data_count_in_elapsed_time():
    target = make_target("cumulative", 100, indicator="固定资产投资")
    observations = series("固定资产投资", {"2021": 20, "2022": 20}) + series(
        "固定资产投资", {"2023H1": 10}, kind="cumulative")
    a = judge(target, observations, date(2023, 6, 30))
    assert a.elapsed == pytest.approx(0.5)
    assert a.progress == pytest.approx(0.5)
    assert a.latest_period == "2023年上半年"


def test_monthly_flows_add_up_to_the_year_so_far():
    target = make_target("count", 12, "个", indicator="签约项目")
    observations = series("签约项目", {"2021": 2, "2022": 3, "2023-01": 1, "2023-02": 1,
                                     "2023-03": 2}, unit="个", kind="count")
    a = judge(target, observations, date(2023, 3, 31))
    assert a.latest_value == 9
    assert a.elapsed == pytest.approx((2.25) / 5)


def test_figures_published_after_the_as_of_date_are_ignored():
    observations = series("地区生产总值", {"2020": 300, "2022": 350, "2023": 510})
    a = judge(make_target(value=500), observations, date(2023, 6, 30))
    assert a.latest_value == 350


def test_missing_benchmark_year_is_pending_data():
    target = make_target("relative", 0, "个百分点", benchmark={"indicator": "地区生产总值",
                                                          "place": "长春市"})
    observations = (series("地区生产总值", {"2021": 7, "2022": 6, "2023": 6}, unit="%",
                           kind="growth_pct")
                    + series("地区生产总值", {"2021": 6.2, "2022": -1.0}, unit="%",
                             kind="growth_pct", place="长春市"))
    a = judge(target, observations)
    assert (a.status, a.status_zh) == ("pending_data", "待数据")
    assert "长春市地区生产总值" in a.explanation


def test_relative_growth_from_levels_when_rates_are_missing():
    target = make_target("relative", 0, "个百分点", benchmark={"indicator": "地区生产总值",
                                                          "place": "长春市"})
    observations = (series("地区生产总值", {"2020": 100, "2021": 108, "2022": 117})
                    + series("地区生产总值", {"2021": 6.0, "2022": 5.0}, unit="%",
                             kind="growth_pct", place="长春市"))
    a = judge(target, observations)
    assert a.status == "on_track"
    assert a.latest_value == pytest.approx((117 / 108 - 1) * 100 - 5.0)


def test_approximate_growth_target_tolerates_half_a_point():
    observations = series("地区生产总值", {"2021": 5.6, "2022": 5.6, "2023": 5.6}, unit="%",
                          kind="growth_pct")
    exact = judge(make_target("growth", 6, "%"), observations)
    approximate = judge(make_target("growth", 6, "%", comparator="~"), observations)
    assert exact.status == "behind"
    assert approximate.status == "on_track"


def test_growth_rates_carry_a_level_forward():
    observations = (series("地区生产总值", {"2020": 300, "2021": 320})
                    + series("地区生产总值", {"2022": 5.0, "2023": 5.0}, unit="%",
                             kind="growth_pct"))
    a = judge(make_target(value=500), observations)
    assert a.latest_value == pytest.approx(320 * 1.05 * 1.05)


def test_half_year_growth_moves_a_growth_target_half_a_year():
    observations = series("地区生产总值", {"2021": 6, "2022": 6, "2023H1": 6}, unit="%",
                          kind="growth_pct")
    a = judge(make_target("growth", 6, "%"), observations, date(2023, 6, 30))
    assert a.elapsed == pytest.approx(0.5)
    assert a.progress == pytest.approx(0.5)


def test_a_half_year_growth_rate_without_any_level_is_not_a_figure():
    observations = series("地区生产总值", {"2021H1": 6.0}, unit="%", kind="growth_pct")
    a = judge(make_target(value=500), observations, date(2021, 6, 30))
    assert a.status == "insufficient_data"


def test_a_deadline_within_its_year_is_judged_on_the_figure_dated_then():
    target = make_target("count", 35, "个", indicator="三早项目开复工", year=2021,
                         deadline=date(2021, 4, 30))
    observations = series("三早项目开复工", {"2021-03": 20}, unit="个", kind="cumulative")
    before = judge(target, observations, date(2021, 3, 31))
    assert before.status in ("behind", "well_behind", "on_track", "ahead")
    assert before.elapsed == pytest.approx(0.75)
    late = series("三早项目开复工", {"2021-04": 33, "2021": 40}, unit="个", kind="cumulative")
    after = judge(target, late, date(2022, 3, 31))
    assert (after.status, after.latest_value, after.elapsed) == ("missed", 33, 1.0)


def test_a_share_is_never_projected_beyond_100_percent():
    a = judge(make_target("share", 100, "%", indicator="覆盖率"),
              series("覆盖率", {"2020": 90, "2021": 94, "2022": 98}, unit="%"),
              date(2022, 12, 31))
    assert a.projected == 100 and a.interval[1] == 100
    assert a.interval[0] <= a.projected
