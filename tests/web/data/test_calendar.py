"""calendar: when a figure is due, when it is escalated, which periods are reporting work."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain import Frequency, Period
from planwatch.web.data.calendar import ItemState, Schedule, periods_of, reporting_periods


def test_a_figure_is_due_on_the_due_day_of_the_month_after_its_period():
    assert Schedule().due_date(Period(2023, 6, 3)) == date(2023, 7, 15)
    assert Schedule().due_date(Period(2023)) == date(2024, 1, 15)
    assert Schedule(lag_months=3, due_day=20).due_date(Period(2023)) == date(2024, 3, 20)


def test_a_missing_figure_is_due_then_overdue_then_escalated_after_the_grace_period():
    schedule, quarter = Schedule(grace_days=10), Period(2023, 6, 3)
    assert schedule.state_of_missing(quarter, date(2023, 7, 15)) is ItemState.DUE
    assert schedule.state_of_missing(quarter, date(2023, 7, 25)) is ItemState.OVERDUE
    assert schedule.state_of_missing(quarter, date(2023, 7, 26)) is ItemState.ESCALATED


def test_periods_of_each_frequency_cover_the_year():
    assert [p.label for p in periods_of(Frequency.QUARTERLY, 2023)] == [
        "2023Q1", "2023Q2", "2023Q3", "2023Q4"]
    assert [p.label for p in periods_of(Frequency.HALF_YEARLY, 2023)] == ["2023H1", "2023H2"]
    assert len(periods_of(Frequency.MONTHLY, 2023)) == 12
    assert [p.label for p in periods_of(Frequency.ANNUAL, 2023)] == ["2023"]


def test_reporting_work_is_ended_periods_with_a_deadline_ahead_or_within_a_year():
    labels = [p.label for p in reporting_periods(Frequency.QUARTERLY, 2021, 2025, Schedule(),
                                                 date(2024, 8, 1))]
    assert labels == ["2023Q3", "2023Q4", "2024Q1", "2024Q2"]  # 2023Q2 was due 2023-07-15


@given(st.sampled_from(list(Frequency)), st.dates(date(2021, 1, 1), date(2030, 12, 31)),
       st.integers(1, 28), st.integers(0, 60))
def test_every_reporting_period_has_ended_and_its_deadline_follows_its_end(
        frequency, today, due_day, grace):
    schedule = Schedule(due_day=due_day, grace_days=grace)
    for period in reporting_periods(frequency, 2020, 2030, schedule, today):
        assert period.end_date < today
        assert period.end_date < schedule.due_date(period) <= schedule.escalation_date(period)
