"""Every target kind reaches every schedule status it can produce (methodology §6.3, §6.5).

Base year 2020, deadline 2025; judged at the end of 2023 (τ = 0.6) unless the case is at the
deadline (end of 2025). Each row: kind, expected status, target fields, observations.
"""

from datetime import date

import pytest

from .conftest import judge, make_target, series

MID = date(2023, 12, 31)
END = date(2025, 12, 31)


def gdp(points):  # level ≥ 500 亿元, geometric path from 300: on the path 2023 ≈ 407.6
    return make_target(value=500), series("地区生产总值", points)


def urbanisation(points):  # share ≥ 65 %, linear path from 60: on the path 2023 = 63
    return (make_target("share", 65, "%", indicator="城镇化率"),
            series("城镇化率", points, unit="%"))


def firms(points, **fields):  # 翻番 of the number of large firms
    return (make_target("multiple", 2, "倍", indicator="规上企业数", **fields),
            series("规上企业数", points, unit="家"))


def growth(rates, value=6.0, **fields):  # 年均增长 6 %
    return (make_target("growth", value, "%", **fields),
            series("地区生产总值", rates, unit="%", kind="growth_pct"))


def investment(flows, comparator=">="):  # 累计 600 亿元 over 2021–2025
    return (make_target("cumulative", 600, indicator="固定资产投资", comparator=comparator),
            series("固定资产投资", flows))


def schools(counts):  # 新建 8 所
    return (make_target("count", 8, "所", indicator="新建学校"),
            series("新建学校", counts, unit="所", kind="count"))


def services(own, gdp_growth, scope="each_year"):  # 服务业增速 ≥ GDP 增速 + 2
    return (make_target("relative", 2, "个百分点", indicator="服务业增加值", scope=scope,
                        benchmark={"indicator": "地区生产总值", "margin": 2}),
            series("服务业增加值", own, unit="%", kind="growth_pct")
            + series("地区生产总值", gdp_growth, unit="%", kind="growth_pct"))


def black_water(points):  # 黑臭水体动态清零 from 12
    return (make_target("zero", 0, "条", comparator="<=", indicator="黑臭水体", scope="each_year"),
            series("黑臭水体", {"2020": 12, **points}, unit="条", kind="count"))


def unemployment(points):  # 登记失业率 ≤ 4.5 % every year
    return (make_target("bound_each_year", 4.5, "%", comparator="<=", indicator="登记失业率"),
            series("登记失业率", points, unit="%"))


def centre(points, value=100.0):  # 建成…中心, completion in %
    return (make_target("milestone", value, "%", indicator="科创中心"),
            series("科创中心", points, unit="%"))


def rising(points):  # 持续提升, no number
    return (make_target("direction_only", None, "亿元", indicator="研发投入"),
            series("研发投入", points))


FIVE = ("2021", "2022", "2023", "2024", "2025")


def every_year(value):
    return dict.fromkeys(FIVE, value)


CASES = [
    # level
    ("level", "ahead", gdp({"2020": 300, "2023": 480}), MID),
    ("level", "on_track", gdp({"2020": 300, "2023": 412}), MID),
    ("level", "behind", gdp({"2020": 300, "2023": 378}), MID),
    ("level", "well_behind", gdp({"2020": 300, "2023": 332}), MID),
    ("level", "moving_away", gdp({"2020": 300, "2023": 280}), MID),
    ("level", "achieved_early", gdp({"2020": 300, "2023": 510}), MID),
    ("level", "achieved", gdp({"2020": 300, "2025": 505}), END),
    ("level", "missed", gdp({"2020": 300, "2025": 450}), END),
    ("level", "maintained", gdp({"2020": 520, "2022": 530, "2023": 540}), MID),
    ("level", "breached", gdp({"2020": 520, "2022": 530, "2023": 490}), MID),
    ("level", "insufficient_data", gdp({"2020": 300}), MID),
    # share
    ("share", "ahead", urbanisation({"2020": 60, "2023": 64.5}), MID),
    ("share", "on_track", urbanisation({"2020": 60, "2023": 63.2}), MID),
    ("share", "behind", urbanisation({"2020": 60, "2023": 62}), MID),
    ("share", "well_behind", urbanisation({"2020": 60, "2023": 61}), MID),
    ("share", "moving_away", urbanisation({"2020": 60, "2023": 59.5}), MID),
    ("share", "achieved_early", urbanisation({"2020": 60, "2023": 65.2}), MID),
    ("share", "achieved", urbanisation({"2020": 60, "2025": 65.5}), END),
    ("share", "missed", urbanisation({"2020": 60, "2025": 64}), END),
    ("share", "maintained", urbanisation({"2020": 66, "2023": 66.5}), MID),
    ("share", "breached", urbanisation({"2020": 66, "2023": 64}), MID),
    ("share", "insufficient_data", urbanisation({}), MID),
    # multiple: 100 → 200 家
    ("multiple", "ahead", firms({"2020": 100, "2023": 180}), MID),
    ("multiple", "on_track", firms({"2020": 100, "2023": 153}), MID),
    ("multiple", "behind", firms({"2020": 100, "2023": 137}), MID),
    ("multiple", "well_behind", firms({"2020": 100, "2023": 110}), MID),
    ("multiple", "moving_away", firms({"2020": 100, "2023": 95}), MID),
    ("multiple", "achieved_early", firms({"2020": 100, "2023": 205}), MID),
    ("multiple", "achieved", firms({"2020": 100, "2025": 201}), END),
    ("multiple", "missed", firms({"2020": 100, "2025": 190}), END),
    ("multiple", "insufficient_data", firms({"2023": 150}), MID),
    # growth: never "ahead" or "achieved early" before the deadline
    ("growth", "on_track", growth({"2021": 7, "2022": 7, "2023": 7}), MID),
    ("growth", "on_track", growth({"2021": 12, "2022": 12, "2023": 12}), MID),
    ("growth", "behind", growth({"2021": 5, "2022": 5, "2023": 5}), MID),
    ("growth", "well_behind", growth({"2021": 2, "2022": 2, "2023": 2}), MID),
    ("growth", "moving_away", growth({"2021": -1, "2022": -1, "2023": -1}), MID),
    ("growth", "achieved", growth(every_year(6.5)), END),
    ("growth", "missed", growth(every_year(5.0)), END),
    ("growth", "maintained", growth({"2021": 1, "2022": 0.5}, value=0.0), MID),
    ("growth", "insufficient_data", growth({}), MID),
    # cumulative
    ("cumulative", "ahead", investment({"2021": 150, "2022": 150, "2023": 150}), MID),
    ("cumulative", "on_track", investment({"2021": 120, "2022": 120, "2023": 121}), MID),
    ("cumulative", "behind", investment({"2021": 100, "2022": 110, "2023": 105}), MID),
    ("cumulative", "well_behind", investment({"2021": 50, "2022": 50, "2023": 50}), MID),
    ("cumulative", "achieved_early", investment({"2021": 200, "2022": 200, "2023": 210}), MID),
    ("cumulative", "achieved", investment(every_year(130)), END),
    ("cumulative", "missed", investment(every_year(100)), END),
    ("cumulative", "breached", investment({"2021": 250, "2022": 250, "2023": 150}, "<="), MID),
    ("cumulative", "insufficient_data", investment({}), MID),
    # count
    ("count", "ahead", schools({"2021": 3, "2022": 3, "2023": 1}), MID),
    ("count", "on_track", schools({"2021": 2, "2022": 2, "2023": 1}), MID),
    ("count", "behind", schools({"2021": 1, "2022": 1, "2023": 2}), MID),
    ("count", "well_behind", schools({"2021": 0, "2022": 1, "2023": 0}), MID),
    ("count", "achieved_early", schools({"2021": 3, "2022": 3, "2023": 3}), MID),
    ("count", "achieved", schools({"2021": 2, "2022": 2, "2023": 2, "2024": 1, "2025": 1}), END),
    ("count", "missed", schools({"2021": 2, "2022": 1, "2023": 1, "2024": 1, "2025": 1}), END),
    ("count", "insufficient_data", schools({}), MID),
    # relative
    ("relative", "on_track", services({"2021": 7.5, "2022": 7.1, "2023": 7.3},
                                      {"2021": 5, "2022": 5, "2023": 5}), MID),
    ("relative", "breached", services({"2021": 7.5, "2022": 6.0}, {"2021": 5.0, "2022": 5.2}),
     MID),
    ("relative", "achieved", services(every_year(8), every_year(5.5)), END),
    ("relative", "missed", services({**every_year(8), "2024": 6}, every_year(5.5)), END),
    ("relative", "behind", services({"2021": 6.5, "2022": 6.5}, {"2021": 5, "2022": 5},
                                    "period_average"), MID),
    ("relative", "well_behind", services({"2021": 5.5, "2022": 5.5}, {"2021": 5, "2022": 5},
                                         "period_average"), MID),
    ("relative", "pending_data", services({"2021": 8, "2022": 8, "2023": 8},
                                          {"2021": 5, "2022": 5}), MID),
    ("relative", "insufficient_data", services({}, {"2021": 5}), MID),
    # zero
    ("zero", "zero_held", black_water({"2021": 5, "2022": 0, "2023": 0}), MID),
    ("zero", "rebound", black_water({"2021": 3, "2022": 0, "2023": 2}), MID),
    ("zero", "ahead", black_water({"2021": 6, "2023": 2}), MID),
    ("zero", "on_track", black_water({"2021": 9, "2023": 5}), MID),
    ("zero", "behind", black_water({"2021": 10, "2023": 7}), MID),
    ("zero", "well_behind", black_water({"2021": 11, "2023": 10}), MID),
    ("zero", "moving_away", black_water({"2021": 13, "2023": 14}), MID),
    ("zero", "achieved", black_water({"2023": 2, "2025": 0}), END),
    ("zero", "missed", black_water({"2023": 2, "2025": 1}), END),
    ("zero", "insufficient_data", black_water({}), MID),
    # bound kept every year
    ("bound_each_year", "maintained", unemployment({"2021": 4.0, "2022": 4.2, "2023": 4.3}), MID),
    ("bound_each_year", "breached", unemployment({"2021": 4.0, "2022": 4.8, "2023": 4.3}), MID),
    ("bound_each_year", "achieved", unemployment(every_year(4.2)), END),
    ("bound_each_year", "missed", unemployment({**every_year(4.2), "2022": 4.7}), END),
    ("bound_each_year", "insufficient_data", unemployment({"2020": 4.1}), MID),
    # milestone: completion share, base 0
    ("milestone", "qualitative", centre({}), MID),
    ("milestone", "qualitative", centre({"2023": 50}, value=None), MID),
    ("milestone", "ahead", centre({"2023": 80}), MID),
    ("milestone", "on_track", centre({"2023": 60}), MID),
    ("milestone", "behind", centre({"2023": 45}), MID),
    ("milestone", "well_behind", centre({"2023": 20}), MID),
    ("milestone", "achieved_early", centre({"2023": 100}), MID),
    ("milestone", "achieved", centre({"2023": 70, "2025": 100}), END),
    ("milestone", "missed", centre({"2023": 70, "2025": 90}), END),
    # direction only: > 1 % a year is on track, 0–1 % behind, below 0 moving away
    ("direction_only", "on_track", rising({"2020": 100, "2023": 110}), MID),
    ("direction_only", "behind", rising({"2020": 100, "2023": 101.5}), MID),
    ("direction_only", "moving_away", rising({"2020": 100, "2023": 95}), MID),
    ("direction_only", "achieved", rising({"2020": 100, "2025": 104}), END),
    ("direction_only", "missed", rising({"2020": 100, "2025": 99}), END),
    ("direction_only", "insufficient_data", rising({"2020": 100}), MID),
]


@pytest.mark.parametrize(("kind", "status", "case", "as_of"), CASES,
                         ids=[f"{kind}-{status}-{i}" for i, (kind, status, *_) in
                              enumerate(CASES)])
def test_kind_reaches_status(kind, status, case, as_of):
    target, observations = case
    assert target.kind == kind
    assessment = judge(target, observations, as_of)
    assert assessment.status == status, assessment.explanation
    assert assessment.explanation.endswith("。")
