"""总施工图: splitting a five-year target into annual targets, and the annual target a year
is judged against."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain import Comparator, Kind, PathShape, Target
from planwatch.web.work.decomposition import (
    DecompositionError,
    Method,
    annual_target,
    decompose,
    scheduled,
    target_schedule,
    years_of,
)


def target(kind=Kind.COUNT, value=8.0, unit="所", base_value=None):
    return Target("fyp.t", "九年一贯制学校", kind, Comparator.GE, value, unit, 2025,
                  period_start=2021, base_value=base_value, text="新增8所学校")


def test_the_years_run_from_the_year_after_the_base_to_the_deadline():
    assert list(years_of(target())) == [2021, 2022, 2023, 2024, 2025]


@given(st.floats(0.1, 1e6), st.integers(1, 10))
def test_equal_amounts_sum_to_the_goal(goal, n):
    flow = Target("t", "x", Kind.CUMULATIVE, Comparator.GE, goal, "亿元", 2020 + n,
                  base_year=2020)
    schedule = decompose(flow, Method.LINEAR)
    assert len(schedule) == n
    assert sum(schedule.values()) == pytest.approx(goal)


@given(st.floats(1, 1e4), st.floats(1, 1e4), st.integers(1, 10))
def test_a_geometric_level_path_compounds_evenly_and_ends_on_the_goal(base, goal, n):
    level = Target("t", "x", Kind.LEVEL, Comparator.GE, goal, "亿元", 2020 + n, base_year=2020,
                   base_value=base)
    values = [base, *decompose(level, Method.GEOMETRIC).values()]
    factors = [b / a for a, b in zip(values, values[1:], strict=False)]
    assert values[-1] == pytest.approx(goal)
    assert all(f == pytest.approx(factors[0]) for f in factors)


def test_a_linear_level_path_steps_evenly():
    level = target(Kind.LEVEL, 500.0, "亿元", base_value=300.0)
    assert decompose(level, Method.LINEAR) == {2021: 340, 2022: 380, 2023: 420, 2024: 460,
                                              2025: 500}


def test_growth_rates_entered_by_hand_must_compound_to_the_average():
    growth = target(Kind.GROWTH, 6.0, "%")
    good = {2021: 8.0, 2022: 6.0, 2023: 5.0, 2024: 5.5, 2025: 5.53}
    assert decompose(growth, Method.MANUAL, manual=good) == good
    with pytest.raises(DecompositionError, match="年均 5.10%"):
        decompose(growth, Method.MANUAL, manual=dict.fromkeys(good, 5.1))


def test_manual_amounts_must_sum_to_the_goal_and_cover_every_year():
    with pytest.raises(DecompositionError, match="各年合计 7,与目标 8所不符"):
        decompose(target(), Method.MANUAL, manual={2021: 1, 2022: 2, 2023: 2, 2024: 1,
                                                   2025: 1})
    with pytest.raises(DecompositionError, match="缺 2025"):
        decompose(target(), Method.MANUAL, manual={2021: 2, 2022: 2, 2023: 2, 2024: 2})


def test_a_manual_level_path_must_end_on_the_goal():
    level = target(Kind.LEVEL, 500.0, "亿元", base_value=300.0)
    with pytest.raises(DecompositionError, match="末年 2025 的值 480"):
        decompose(level, Method.MANUAL, manual={2021: 340, 2022: 380, 2023: 420, 2024: 460,
                                                2025: 480})


@pytest.mark.parametrize("kind, method, reason", [
    (Kind.MILESTONE, Method.LINEAR, "不作年度分解"),
    (Kind.COUNT, Method.GEOMETRIC, "按等额或逐年填报"),
    (Kind.LEVEL, Method.LINEAR, "需要基期值"),
])
def test_what_cannot_be_decomposed_says_why(kind, method, reason):
    with pytest.raises(DecompositionError, match=reason):
        decompose(target(kind), method)


def test_the_annual_target_runs_from_last_years_scheduled_value_to_this_years():
    level = target(Kind.LEVEL, 500.0, "亿元", base_value=300.0)
    schedule = decompose(level, Method.GEOMETRIC)
    year = annual_target(level, schedule, 2023)
    assert (year.id, year.year, year.base_year) == ("fyp.t@2023", 2023, 2022)
    assert (year.base_value, year.value) == (schedule[2022], schedule[2023])
    assert annual_target(level, schedule, 2021).base_value == 300.0
    assert math.isclose(schedule[2025], 500.0)


def test_a_flow_years_target_is_that_years_amount():
    schedule = {2021: 1, 2022: 2, 2023: 2, 2024: 2, 2025: 1}
    year = annual_target(target(), schedule, 2022)
    assert (year.value, year.base_value, year.kind) == (2, None, Kind.COUNT)
    with pytest.raises(DecompositionError, match="2026 年不在分解范围内"):
        annual_target(target(), schedule, 2026)


def test_a_flows_schedule_is_its_running_total_ending_on_the_goal():
    annual = decompose(target(), Method.MANUAL, manual={2021: 1, 2022: 2, 2023: 2, 2024: 2,
                                                        2025: 1})
    assert target_schedule(target(), annual) == {2021: 1, 2022: 3, 2023: 5, 2024: 7, 2025: 8}


def test_a_levels_schedule_is_the_decomposition_itself():
    stock = target(Kind.LEVEL, 200.0, "万平方米", base_value=100.0)
    annual = decompose(stock, Method.LINEAR)
    assert target_schedule(stock, annual) == annual


@given(st.lists(st.floats(-5, 15), min_size=5, max_size=5))
def test_a_growth_schedule_is_the_average_since_the_base_and_ends_on_it(rates):
    compounded = math.prod(1 + g / 100 for g in rates)
    average = (compounded ** (1 / 5) - 1) * 100
    growth = target(Kind.GROWTH, average, "%")
    annual = decompose(growth, Method.MANUAL, manual=dict(zip(range(2021, 2026), rates,
                                                              strict=True)))
    schedule = target_schedule(growth, annual)
    assert schedule[2021] == pytest.approx(rates[0])
    assert schedule[2025] == pytest.approx(average)


def test_a_scheduled_target_is_on_a_custom_path_it_can_follow():
    on_plan = scheduled(target(), {2021: 1, 2022: 2, 2023: 2, 2024: 2, 2025: 1})
    assert on_plan.path is PathShape.CUSTOM
    assert on_plan.schedule_problems() == []
    year = annual_target(on_plan, {2021: 1, 2022: 2, 2023: 2, 2024: 2, 2025: 1}, 2022)
    assert (year.path, year.schedule) == (None, {})  # a year is judged on its own


def test_an_incomplete_decomposition_leaves_the_target_on_its_own_path():
    """A year entered by hand, the rest not yet: the target stays judgeable on its own path
    rather than following a schedule that stops short of the deadline."""
    five_year = target()
    assert scheduled(five_year, {2021: 1.0}) == five_year
    assert scheduled(five_year, {2021: 1, 2022: 2, 2023: 2, 2024: 2, 2025: 1}).schedule == {
        2021: 1, 2022: 3, 2023: 5, 2024: 7, 2025: 8}
