"""The demo's illustrative figures are recorded on plausible days, so that "as known on" a
past day replays what was known then (in the first twenty days of the month after the period),
and most, not all, arrive by the reporting calendar's default deadline."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.utils import timezone

from planwatch import domain
from planwatch.web.assessments import counted_observations
from planwatch.web.commands.demo import set_up_demo
from planwatch.web.plans.demo import dated_as_published

ILLUSTRATIVE = domain.Provenance.ILLUSTRATIVE


def figure(period: str, provenance=ILLUSTRATIVE, indicator="城镇新增就业"):
    return domain.Observation("示例区", indicator, domain.parse_period(period), 0.8, "万人",
                              provenance=provenance)


def recorded_day(observation) -> date:
    return timezone.localtime(observation.recorded_at).date()


@pytest.mark.parametrize(("period", "first", "last"), [
    ("2021", date(2022, 1, 1), date(2022, 1, 20)),
    ("2021Q4", date(2022, 1, 1), date(2022, 1, 20)),
    ("2022H1", date(2022, 7, 1), date(2022, 7, 20)),
    ("2022-03", date(2022, 4, 1), date(2022, 4, 20))])
def test_an_illustrative_figure_is_recorded_after_its_period(period, first, last):
    (dated,) = dated_as_published([figure(period)])
    assert first <= recorded_day(dated) <= last


def test_the_day_is_the_same_on_every_run_and_differs_between_indicators():
    days = {recorded_day(next(dated_as_published([figure("2021", indicator=name)])))
            for name in ("城镇新增就业", "地区生产总值", "新建学校", "常住人口")}
    assert len(days) > 1
    assert [recorded_day(o) for o in dated_as_published([figure("2021")])] == [
        recorded_day(o) for o in dated_as_published([figure("2021")])]


def test_most_but_not_all_figures_arrive_by_the_default_deadline():
    from planwatch.web.data.calendar import Schedule

    names = [f"指标{n}" for n in range(40)]
    figures = [figure(period, indicator=name) for name in names
               for period in ("2021", "2022", "2023H1", "2023-05")]
    on_time = [recorded_day(dated) <= Schedule().due_date(dated.period)
               for dated in dated_as_published(figures)]
    assert 0.6 <= sum(on_time) / len(on_time) <= 0.9


def test_real_figures_keep_their_day_and_no_day_is_in_the_future():
    official = figure("2021", domain.Provenance.OFFICIAL)
    assert next(dated_as_published([official])).recorded_at is None
    future = next(dated_as_published([figure(str(date.today().year))]))
    assert future.recorded_at <= timezone.now()


@pytest.mark.django_db
def test_on_the_demo_a_past_day_knows_the_figures_published_before_it(tmp_path, sample_plan):
    from planwatch.domain.observation_csv import write_observations
    from planwatch.planfile import dump_plan

    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(dump_plan(sample_plan), encoding="utf-8")
    illustrative = tmp_path / "illustrative.csv"
    with illustrative.open("w", encoding="utf-8", newline="") as file:
        write_observations([figure("2021"), figure("2022")], file)
    set_up_demo(io.StringIO(), plan_path, [illustrative])
    known = counted_observations(known_on=date(2022, 6, 30)).filter(
        place="示例区", indicator="城镇新增就业")
    assert list(known.values_list("period", flat=True)) == ["2021"]
    # The sibling districts' series, illustrative too, are dated the same way.
    rows = counted_observations()
    assert rows.exclude(place="示例区").exists()
    assert all(row.recorded_at < timezone.make_aware(datetime(2023, 4, 1)) for row in rows)
