"""What the demo adds for the dashboard: sibling districts to compare with, a published
plan for the public page, and plausible days on which its illustrative figures became known."""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import TextIO

from django.utils import timezone

from planwatch import domain
from planwatch.web.assessments import counted_observations, latest_revisions
from planwatch.web.data.store import save_observations, to_domain
from planwatch.web.plans.models import Jurisdiction, Plan
from planwatch.web.plans.siblings import sibling_jurisdictions, sibling_observations


def add_sibling_districts(plan: Plan) -> int:
    """Store the sibling districts under the plan's parent jurisdiction, with their series
    derived from the plan's own district; return how many figures were added (none the
    second time: the observation store keeps only what is new)."""
    home = plan.jurisdiction
    if home.parent is None:
        return 0
    for place in sibling_jurisdictions(home.parent.name):
        Jurisdiction.objects.get_or_create(
            name=place.name, defaults={"level": place.level, "parent": home.parent,
                                       "code": place.code})
    figures = [to_domain(row) for row in latest_revisions(
        counted_observations().filter(place=home.name))]
    return save_observations(dated_as_published(sibling_observations(figures)),
                             recorded_by="planwatch demo")


# The days after a period's end over which the demo's illustrative figures come in.
RECORDING_WINDOW_DAYS = 20


def dated_as_published(observations: Iterable[domain.Observation]
                       ) -> Iterator[domain.Observation]:
    """Each illustrative figure recorded on a plausible day instead of the day the demo runs,
    so that "as known on" a past day shows what was known then: between the 1st and the 20th
    of the month after its period ends. The reporting calendar's default deadline is the 15th
    of that month, so about three figures in four arrive on time and the on-time rates of the
    department pages and the monthly ranking vary as real ones do. The day within the window
    comes from the figure's indicator, place and period (the same on every run); never later
    than now. Other figures pass unchanged."""
    now = timezone.now()
    for observation in observations:
        if (observation.provenance is not domain.Provenance.ILLUSTRATIVE
                or observation.recorded_at is not None):
            yield observation
            continue
        period = observation.period
        year, month = divmod(period.year * 12 + period.months, 12)  # the month after
        opens, days = date(year, month + 1, 1), RECORDING_WINDOW_DAYS
        key = f"{observation.indicator}|{observation.place}|{period.label}".encode()
        day = opens + timedelta(days=zlib.crc32(key) % days)
        recorded = timezone.make_aware(datetime.combine(day, datetime.min.time())
                                       + timedelta(hours=10))
        yield dataclasses.replace(observation, recorded_at=min(recorded, now))


def set_up_dashboard_demo(plan: Plan, out: TextIO) -> None:
    """Sibling districts, and the plan published as of the end of its latest full data year
    (a planner's choice in real use, made here so the public page has something to show)."""
    added = add_sibling_districts(plan)
    print(f"已生成 {added} 条兄弟区县示例数据(比较页面用)/ added {added} illustrative "
          "figures for sibling districts (comparison page)", file=out)
    latest = (counted_observations().filter(place=plan.jurisdiction.name, months=12)
              .order_by("-year").values_list("year", flat=True).first())
    if latest is not None and not plan.published:
        plan.published, plan.published_as_of = True, date(latest, 12, 31)
        plan.save(update_fields=["published", "published_as_of"])
        print(f"已公开规划 {plan.name},评估截至 {plan.published_as_of} / published "
              f"{plan.name} as of {plan.published_as_of}: /public/{plan.name}/", file=out)
