"""A target's own schedule (总施工图 as the custom path): what it may hold."""

import pytest

from planwatch.domain.model import SCHEDULED_KINDS, Target
from planwatch.domain.vocabulary import Comparator, Kind, PathShape


def target(kind=Kind.COUNT, value=8.0, **fields) -> Target:
    fields.setdefault("path", PathShape.CUSTOM)
    return Target(id="schools", indicator="新建学校", kind=kind, comparator=Comparator.GE,
                  value=value, unit="所", year=2025, base_year=2020, **fields)


def test_a_schedule_by_year_ending_on_the_goal_can_be_followed():
    assert target(schedule={2021: 1, 2022: 2, 2023: 4, 2024: 6, 2025: 8}).schedule_problems() == []


def test_a_schedule_may_leave_years_out_but_must_reach_the_deadline_year():
    assert target(schedule={2023: 4, 2025: 8}).schedule_problems() == []
    assert target(schedule={2021: 1, 2024: 6}).schedule_problems() == [
        ("schedule", "进度表须给出目标年 2025 的值(即目标值) / the schedule must reach the "
                     "deadline year")]


def test_years_outside_the_base_to_the_deadline_are_named():
    problems = target(schedule={2020: 0, 2025: 8, 2026: 9}).schedule_problems()
    assert [field for field, _ in problems] == ["schedule.2020", "schedule.2026"]


def test_the_last_year_must_stand_on_the_goal_within_rounding():
    assert target(schedule={2025: 8.004}).schedule_problems() == []
    [(field, reason)] = target(schedule={2025: 7}).schedule_problems()
    assert field == "schedule.2025" and "应等于目标值 8" in reason


def test_a_growth_schedule_ends_on_the_average_rate_within_a_twentieth_of_a_point():
    growth = {"kind": Kind.GROWTH, "value": 6.0}
    assert target(**growth, schedule={2023: 5.5, 2025: 6.04}).schedule_problems() == []
    assert target(**growth, schedule={2025: 6.1}).schedule_problems() != []


def test_a_custom_path_needs_a_schedule_and_a_schedule_needs_a_custom_path():
    assert target(schedule={}).schedule_problems()[0][0] == "schedule"
    assert target(path=None, schedule={2025: 8}).schedule_problems()[0][0] == "path"
    assert target(path=PathShape.LINEAR).schedule_problems() == []


@pytest.mark.parametrize("kind", [k for k in Kind if k not in SCHEDULED_KINDS])
def test_only_amounts_rates_and_totals_are_scheduled(kind):
    [(field, reason)] = target(kind=kind, schedule={2025: 8}).schedule_problems()
    assert field == "schedule" and kind.value in reason


def test_values_must_be_finite():
    [(field, _)] = target(schedule={2022: float("nan"), 2025: 8}).schedule_problems()
    assert field == "schedule.2022"
