"""On-time reporting: of the report periods whose deadline fell in a window, how many had a
figure recorded by the end of their due day, per responsible department.

One count serves the department page (every deadline so far) and the monthly ranking of
督查督办 (the deadlines of one month), so the two can never disagree about a month.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from planwatch.web.assessments import counted_observations, end_of_day
from planwatch.web.data.calendar import Tally, periods_of
from planwatch.web.data.reporting import schedule_of
from planwatch.web.plans.models import Indicator, Plan


def on_time_reporting(plan: Plan, indicators: Iterable[Indicator], first_due: date,
                      last_due: date) -> dict[int, Tally]:
    """Department id → its tally over the plan's report periods due from `first_due` to
    `last_due` (both included); met: a figure recorded by the end of the due day. Indicators
    without a department are not counted; a department with nothing due is absent."""
    indicators = [indicator for indicator in indicators if indicator.department_id is not None]
    recorded: dict[tuple[str, str], list] = defaultdict(list)
    for name, period, at in counted_observations().filter(
            place=plan.jurisdiction.name, indicator__in={i.name for i in indicators}
    ).order_by().values_list("indicator", "period", "recorded_at"):
        recorded[(name, period)].append(at)
    tallies: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for indicator in indicators:
        schedule = schedule_of(indicator)
        for year in range(plan.period_start, plan.period_end + 1):
            for period in periods_of(indicator.frequency, year):
                deadline = schedule.due_date(period)
                if first_due <= deadline <= last_due:
                    tally = tallies[indicator.department_id]
                    tally[0] += any(at < end_of_day(deadline)
                                    for at in recorded[(indicator.name, period.label)])
                    tally[1] += 1
    return {department: Tally(*tally) for department, tally in tallies.items()}
