"""Reporting periods: a year, a half (2023H1), a quarter (2023Q2) or a month (2023-06).

Periods are placed on the plan's time axis by their end, as the methodology counts time:
full-year 2023 data sit at t = 2023.0, January–June 2023 at t = 2022.5, Q1 2023 at 2022.25.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache


class PeriodError(ValueError):
    """A period label that is not a year, half, quarter or month."""


_PATTERN = re.compile(
    r"^\s*(?P<year>\d{4})(?:"
    r"(?P<half>[Hh][12])|(?P<quarter>[Qq][1-4])|[-/.]?(?:[Mm])?(?P<month>0?[1-9]|1[0-2])"
    r")?\s*$"
)


@dataclass(frozen=True, order=True)
class Period:
    year: int
    months: int = 12  # how many months the period covers, counted from January
    span: int = 12  # the length of the period itself in months: 12, 6, 3 or 1

    @property
    def label(self) -> str:
        if self.span == 12:
            return str(self.year)
        if self.span == 6:
            return f"{self.year}H{self.months // 6}"
        if self.span == 3:
            return f"{self.year}Q{self.months // 3}"
        return f"{self.year}-{self.months:02d}"

    @property
    def is_annual(self) -> bool:
        return self.span == 12

    @property
    def fraction(self) -> float:
        """The share of its year the period reaches to (June → 0.5)."""
        return self.months / 12

    @property
    def t(self) -> float:
        """The period's end on the plan's time axis: the year label plus the elapsed part."""
        return self.year - 1 + self.fraction

    @property
    def end_date(self) -> date:
        if self.months == 12:
            return date(self.year, 12, 31)
        return date.fromordinal(date(self.year, self.months + 1, 1).toordinal() - 1)

    @property
    def start_date(self) -> date:
        return date(self.year, self.months - self.span + 1, 1)

    def __str__(self) -> str:
        return self.label


@lru_cache(maxsize=65536)
def parse_period(text: str | int) -> Period:
    """Read '2023', '2023H1', '2023Q2', '2023-06' (or '2023M06', '202306') into a Period."""
    match = _PATTERN.match(str(text))
    if not match:
        raise PeriodError(
            f"bad period {text!r}: expected a year (2023), half (2023H1), "
            "quarter (2023Q2) or month (2023-06)")
    year = int(match["year"])
    if match["half"]:
        return Period(year, 6 * int(match["half"][1]), 6)
    if match["quarter"]:
        return Period(year, 3 * int(match["quarter"][1]), 3)
    if match["month"]:
        return Period(year, int(match["month"]), 1)
    return Period(year)


def time_of(as_of: date) -> float:
    """An as-of date on the plan's time axis (end of 2023 → 2023.0, 30 June 2024 → 2023.5)."""
    start = date(as_of.year, 1, 1).toordinal()
    days_in_year = date(as_of.year + 1, 1, 1).toordinal() - start
    return as_of.year - 1 + (as_of.toordinal() - start + 1) / days_in_year
