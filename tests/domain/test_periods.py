"""Periods: labels read into (year, months reached, span) and sit on the plan's time axis."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.periods import Period, PeriodError, parse_period, time_of


@pytest.mark.parametrize(("text", "period"), [
    ("2023", Period(2023)),
    ("2023H1", Period(2023, 6, 6)),
    ("2023h2", Period(2023, 12, 6)),
    ("2023Q2", Period(2023, 6, 3)),
    ("2023-06", Period(2023, 6, 1)),
    ("2023M6", Period(2023, 6, 1)),
    ("202306", Period(2023, 6, 1)),
    (2021, Period(2021)),
])
def test_parse_period(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["", "23", "2023H3", "2023Q5", "2023-13", "2023年"])
def test_bad_periods_are_refused(text):
    with pytest.raises(PeriodError, match="bad period"):
        parse_period(text)


def test_part_years_sit_at_their_fraction_of_the_year():
    assert parse_period("2018H1").t == 2017.5
    assert parse_period("2023Q1").t == 2022.25
    assert parse_period("2023").t == 2023.0


def test_end_and_start_dates():
    assert parse_period("2024-02").end_date == date(2024, 2, 29)
    assert parse_period("2023Q2").start_date == date(2023, 4, 1)
    assert parse_period("2023H2").end_date == date(2023, 12, 31)


def test_time_of_places_year_end_on_the_whole_year():
    assert time_of(date(2023, 12, 31)) == 2023.0
    assert time_of(date(2024, 6, 30)) == pytest.approx(2023.5, abs=0.01)


@given(st.integers(1990, 2100), st.sampled_from(["", "H1", "H2", "Q1", "Q2", "Q3", "Q4"]
                                                 + [f"-{m:02d}" for m in range(1, 13)]))
def test_labels_round_trip(year, suffix):
    period = parse_period(f"{year}{suffix}")
    assert parse_period(period.label) == period
    assert period.year - 1 < period.t <= period.year
