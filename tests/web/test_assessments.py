"""The assessment service: stored plan + stored figures → the engine's judgement, as of a date
and as known on a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from django.utils import timezone

from planwatch import domain
from planwatch.web.assessments import assess_plan, default_as_of, relevant_observations
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def figure(period: str, value: float, *, provenance: str = "official",
           indicator: str = "地区生产总值", place: str = "示例区", kind: str = "level",
           unit: str = "亿元", recorded: datetime | None = None) -> domain.Observation:
    return domain.Observation(
        place=place, indicator=indicator, period=domain.parse_period(period), value=value,
        unit=unit, kind=domain.ObservationKind(kind), source="test",
        provenance=domain.Provenance(provenance), recorded_at=recorded)


def on(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


@pytest.fixture
def plan(sample_plan):
    return save_plan(sample_plan)


def test_a_level_target_on_its_path_is_judged_from_stored_figures(plan):
    save_observations([figure("2020", 300.5), figure("2021", 340), figure("2022", 380),
                       figure("2023", 420)])
    judged = assess_plan(plan, date(2023, 12, 31))
    gdp = judged.of("gdp-2025")
    assert gdp.status in {"ahead", "on_track"}
    assert gdp.latest_value == 420
    assert judged.rollup["plan"]["targets"] == 5 - len(judged.unjudged)


def test_an_official_figure_wins_over_an_illustrative_one_for_the_same_period(plan):
    save_observations([figure("2020", 300.5), figure("2023", 330),
                       figure("2023", 460, provenance="illustrative")])
    gdp = assess_plan(plan, date(2023, 12, 31)).of("gdp-2025")
    assert gdp.latest_value == 330


def test_as_known_on_a_past_day_uses_the_revision_recorded_by_then(plan):
    save_observations([figure("2020", 300.5, recorded=on(date(2021, 2, 1))),
                       figure("2023", 330, recorded=on(date(2024, 2, 1)))])
    save_observations([figure("2023", 430, recorded=on(date(2024, 9, 1)))])
    assert Observation.objects.filter(period="2023").count() == 2
    as_of = date(2023, 12, 31)
    assert assess_plan(plan, as_of).of("gdp-2025").latest_value == 430
    assert assess_plan(plan, as_of, known_on=date(2024, 3, 1)).of(
        "gdp-2025").latest_value == 330
    assert assess_plan(plan, as_of, known_on=date(2021, 3, 1)).of(
        "gdp-2025").status == "insufficient_data"


def test_figures_are_only_read_for_the_series_the_targets_use(plan, sample_plan):
    save_observations([figure("2023", 1, place="别的区"), figure("2023", 2, indicator="粮食产量"),
                       figure("2023", 3, indicator="地区生产总值", kind="growth_pct", unit="%"),
                       figure("2023", 4, indicator="服务业增加值", kind="growth_pct", unit="%")])
    read = {(o.place, o.indicator, o.value)
            for o in relevant_observations(plan, sample_plan.targets)}
    assert read == {("示例区", "地区生产总值", 3), ("示例区", "服务业增加值", 4)}


def test_a_relative_target_reads_its_benchmark_series(sample_plan):
    sample_plan.targets = [replace(t, period_start=2021) if t.id == "services-growth" else t
                           for t in sample_plan.targets]
    plan = save_plan(sample_plan)
    save_observations(
        [figure(str(year), rate, indicator="地区生产总值", kind="growth_pct", unit="%")
         for year, rate in [(2021, 6.0), (2022, 5.0), (2023, 6.0)]]
        + [figure(str(year), rate, indicator="服务业增加值", kind="growth_pct", unit="%")
           for year, rate in [(2021, 9.0), (2022, 8.0), (2023, 8.5)]])
    services = assess_plan(plan, date(2023, 12, 31)).of("services-growth")
    assert services.status == "on_track"


def test_the_default_as_of_date_is_the_end_of_the_latest_data_period(plan):
    save_observations([figure("2023", 330), figure("2024H1", 5.1, kind="growth_pct", unit="%")])
    assert default_as_of(plan, today=date(2026, 1, 1)) == date(2024, 6, 30)
    assert default_as_of(plan, today=date(2024, 3, 1)) == date(2024, 3, 1)


def test_without_any_figure_the_default_as_of_date_is_today(plan):
    assert default_as_of(plan, today=date(2025, 5, 5)) == date(2025, 5, 5)


def test_the_goal_summary_counts_the_targets_under_a_goal(plan):
    judged = assess_plan(plan, date(2023, 12, 31))
    economy = judged.goal_summary("fyp.economy")
    assert economy["targets"] == 1  # gdp-2025; services-growth has no base year
    assert judged.goal_summary("no-such-goal") is None


def test_a_target_the_engine_cannot_judge_is_listed_with_its_reason_and_the_rest_judged(
        plan, sample_plan):
    judged = assess_plan(plan, date(2023, 12, 31))
    assert judged.of("services-growth") is None
    assert "base_year" in judged.unjudged["services-growth"]
    assert judged.of("gdp-2025") is not None
    assert len(judged.assessments) == len(sample_plan.targets) - len(judged.unjudged)
