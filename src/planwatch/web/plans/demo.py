"""What the demo adds for the dashboard: sibling districts to compare with, and a published
plan for the public page."""

from __future__ import annotations

from datetime import date
from typing import TextIO

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
    return save_observations(sibling_observations(figures), recorded_by="planwatch demo")


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
