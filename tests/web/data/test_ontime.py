"""On-time reporting: the one count behind the department page's rate and the monthly
ranking's reporting column.

The plan of conftest: 区财政局 reports 区本级留用收入 quarterly, 区教育局 reports 新建学校
annually; a period's figure is due on the 15th of the month after it ends.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from planwatch import domain
from planwatch.web.data.calendar import Tally
from planwatch.web.data.ontime import on_time_reporting
from planwatch.web.data.store import save_observations
from planwatch.web.work.service import month_bounds, monthly_ranking


def revenue_figure(period: str, recorded: datetime) -> domain.Observation:
    return domain.Observation(
        place="示例区", indicator="区本级留用收入", period=domain.parse_period(period), value=3.0,
        unit="亿元", kind=domain.ObservationKind.LEVEL, source="区财政局",
        provenance=domain.Provenance.OFFICIAL, recorded_at=timezone.make_aware(recorded))


def test_a_figure_recorded_by_the_end_of_its_due_day_is_on_time_and_a_later_one_is_not(
        plan, finance):
    save_observations([revenue_figure("2023Q1", datetime(2023, 4, 15, 23, 59)),
                       revenue_figure("2023Q2", datetime(2023, 7, 16, 0, 0))])
    counted = on_time_reporting(plan, plan.indicators.all(), date(2023, 4, 1),
                                date(2023, 7, 31))
    assert counted == {finance.pk: Tally(met=1, due=2)}


def test_only_deadlines_inside_the_window_count_and_a_missing_figure_is_late(
        plan, finance, education):
    # 2023Q3 is due 15 October; the 2022 school count was due 15 January 2023.
    counted = on_time_reporting(plan, plan.indicators.filter(department__in=[finance, education]),
                                date(2023, 1, 15), date(2023, 10, 14))
    assert counted == {finance.pk: Tally(met=0, due=3), education.pk: Tally(met=0, due=1)}
    assert on_time_reporting(plan, plan.indicators.all(), date(2023, 8, 1),
                             date(2023, 8, 31)) == {}


def test_a_year_counts_what_its_twelve_months_count(plan, finance):
    save_observations([revenue_figure("2022Q3", datetime(2022, 10, 10)),
                       revenue_figure("2022Q4", datetime(2023, 2, 1))])
    months = [on_time_reporting(plan, plan.indicators.all(),
                                *month_bounds(date(2022, month, 1))).get(finance.pk)
              for month in range(1, 13)]
    year = on_time_reporting(plan, plan.indicators.all(), date(2022, 1, 1), date(2022, 12, 31))
    counted = [tally for tally in months if tally is not None]
    assert year[finance.pk] == Tally(sum(t.met for t in counted), sum(t.due for t in counted))


def test_the_ranking_and_the_department_page_count_a_month_alike(plan, finance, client_of):
    save_observations([revenue_figure("2023Q1", datetime(2023, 4, 10)),
                       revenue_figure("2023Q2", datetime(2023, 7, 20))])
    july = on_time_reporting(plan, plan.indicators.all(), date(2023, 7, 1), date(2023, 7, 31))
    ranked = {month.department: month for _, month in monthly_ranking(plan, date(2023, 7, 1))}
    assert ranked["区财政局"].reporting == july[finance.pk] == Tally(met=0, due=1)
    assert ranked["区教育局"].reporting == Tally(0, 0)

    html = client_of("planner").get(
        reverse("plans:department", args=[plan.name, finance.pk])).content.decode()
    yesterday = timezone.localdate() - timedelta(days=1)
    so_far = on_time_reporting(plan, plan.indicators.all(), date.min, yesterday)[finance.pk]
    assert so_far.met == 1 and f"{so_far.met}/{so_far.due}" in html
