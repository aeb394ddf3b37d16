"""The reporting calendar, without Django: which periods an indicator reports, when each
figure is due, and when a missing one goes to supervision.

A figure for a period is due on `due_day` of the month `lag_months` after the period ends
(default: the 15th of the next month); `grace_days` later, a figure still missing is raised on
the supervision list. Only the periods whose deadline fell within the last LOOKBACK_DAYS (or
is still ahead) are reporting work; older gaps are history (and on the supervision list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planwatch.domain.periods import Period
from planwatch.domain.vocabulary import Frequency

LOOKBACK_DAYS = 366
SPAN_MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6,
               Frequency.ANNUAL: 12}


class ItemState(StrEnum):
    DUE = "due"  # period over, deadline ahead
    OVERDUE = "overdue"  # deadline passed, within the grace period
    ESCALATED = "escalated"  # grace period passed too: on the supervision list
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"


@dataclass(frozen=True)
class Schedule:
    lag_months: int = 1
    due_day: int = 15
    grace_days: int = 10

    def due_date(self, period: Period) -> date:
        month_index = period.year * 12 + period.months - 1 + self.lag_months
        return date(month_index // 12, month_index % 12 + 1, self.due_day)

    def escalation_date(self, period: Period) -> date:
        """The last day of grace: from the day after it, a missing figure is escalated."""
        return self.due_date(period) + timedelta(days=self.grace_days)

    def state_of_missing(self, period: Period, today: date) -> ItemState:
        if today <= self.due_date(period):
            return ItemState.DUE
        if today <= self.escalation_date(period):
            return ItemState.OVERDUE
        return ItemState.ESCALATED


@dataclass(frozen=True)
class Tally:
    """How many duties of one sort fell due (report periods, targets judged, items to close),
    and how many were met."""

    met: int
    due: int

    @property
    def rate(self) -> float | None:
        return self.met / self.due if self.due else None


def periods_of(frequency: Frequency, year: int) -> list[Period]:
    span = SPAN_MONTHS[Frequency(frequency)]
    return [Period(year, months, span) for months in range(span, 13, span)]


def reporting_periods(frequency: Frequency, first_year: int, last_year: int,
                      schedule: Schedule, today: date) -> list[Period]:
    """The periods of the years given that have ended and whose deadline is ahead or fell
    within the look-back window, oldest first."""
    window_start = today - timedelta(days=LOOKBACK_DAYS)
    return [period for year in range(first_year, min(last_year, today.year) + 1)
            for period in periods_of(frequency, year)
            if period.end_date < today and schedule.due_date(period) >= window_start]
