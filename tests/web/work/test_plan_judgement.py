"""The work side in the plan's own judgement (issue 7), which the overview, target page, goal
roll-up, reports and public page all read (web.assessments.assess_plan): a stored annual
decomposition (总施工图) is the five-year target's 序时进度, and a target measured from the
project ledger is judged on the ledger, as on the work pages."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch import domain
from planwatch.domain.vocabulary import PathShape
from planwatch.evaluate import explain
from planwatch.web.assessments import assess_plan
from planwatch.web.data.store import save_observations
from planwatch.web.plans.charts import chart_input, target_path
from planwatch.web.work import models, service
from planwatch.web.work.store import record_stage, save_schedule

pytestmark = pytest.mark.django_db

MID_2021 = date(2021, 6, 30)
STARTED = "y2021.projects-started"  # 推进68个项目实现开复工, counted from the ledger


def schools_built(*counts: tuple[str, float]) -> None:
    """Illustrative figures of new nine-year schools (fyp.new-schools: 8 by 2025)."""
    save_observations([domain.Observation(
        "绿园区", "九年一贯制学校", domain.parse_period(period), value, "所",
        domain.ObservationKind.COUNT, "示例", domain.Provenance.ILLUSTRATIVE)
        for period, value in counts])


def test_a_decomposed_target_follows_its_decomposition_as_its_schedule(luyuan_plan):
    # work.yaml splits the 8 schools by hand: 1, 2, 2, 2, 1 — 3 due by the end of 2022,
    # where a straight line would ask for 3.2.
    schools_built(("2021", 1), ("2022", 1))
    judged = assess_plan(luyuan_plan, date(2022, 12, 31))
    target = judged.targets[judged.by_key["fyp.new-schools"]]
    assert target.path is PathShape.CUSTOM
    assert target.schedule == {2021: 1, 2022: 3, 2023: 5, 2024: 7, 2025: 8}
    schools = judged.of("fyp.new-schools")
    assert schools.elapsed == pytest.approx(3 / 8)
    assert schools.gap == pytest.approx(2 - 3)
    assert explain.PLAN_SCHEDULE + "序时进度应完成38%（3所）" in schools.explanation


def test_a_changed_decomposition_changes_the_schedule(luyuan_plan):
    schools_built(("2021", 1), ("2022", 1))
    row = luyuan_plan.targets.get(key="fyp.new-schools")
    save_schedule(row, "manual", {2021: 0, 2022: 1, 2023: 2, 2024: 2, 2025: 3})
    schools = assess_plan(luyuan_plan, date(2022, 12, 31)).of("fyp.new-schools")
    assert schools.elapsed == pytest.approx(1 / 8)
    assert schools.status == "ahead"


def test_a_target_without_a_decomposition_keeps_its_own_path(luyuan_plan):
    judged = assess_plan(luyuan_plan, date(2022, 12, 31))
    assert not models.AnnualTarget.objects.filter(target__key="fyp.industrial-output").exists()
    assert judged.targets[judged.by_key["fyp.industrial-output"]].path is not PathShape.CUSTOM


def test_the_target_chart_draws_the_decomposition_as_the_path(luyuan_plan):
    schools_built(("2021", 1), ("2022", 1))
    judged = assess_plan(luyuan_plan, date(2022, 12, 31))
    path = target_path(chart_input(judged, judged.by_key["fyp.new-schools"]))
    assert path == [(2020, 0.0), (2021, 1), (2022, 3), (2023, 5), (2024, 7), (2025, 8)]


def _not_started(plan):
    return next(p for p in plan.projects.all()
                if not p.stages.filter(stage__in=["开工", "入统", "竣工", "投产"]).exists())


def _overview_row(html: str, key: str) -> str:
    return next(row for row in re.findall(r"<tr>.*?</tr>", html, re.S)
                if f"/targets/{key}/" in row)


def test_a_project_moving_to_kaigong_shows_on_the_overview_and_the_target_page(
        luyuan_plan, person, client):
    client.force_login(person("leader"))
    overview = reverse("plans:overview", args=[luyuan_plan.name])
    target_page = reverse("plans:target", args=[luyuan_plan.name, STARTED])
    moment = {"as_of": MID_2021.isoformat()}

    def shown() -> tuple[str, str]:
        return (_overview_row(client.get(overview, moment).content.decode(), STARTED),
                client.get(target_page, moment).content.decode())

    def on_work_pages():
        return next(item.assessment for item in service.record_assessments(luyuan_plan, MID_2021)
                    if item.target.key == STARTED)

    before = on_work_pages()
    row, page = shown()
    assert f"截至2021年上半年累计完成{before.latest_value:g}个" in page
    assert f"{before.probability:.0%}" in row and before.outlook_zh in row
    record_stage(_not_started(luyuan_plan), domain.ProjectStage.STARTED, date(2021, 6, 8),
                 "开工令")
    after = on_work_pages()
    assert after.latest_value == before.latest_value + 1
    judged = assess_plan(luyuan_plan, MID_2021).of(STARTED)
    assert (judged.latest_value, judged.progress, judged.probability) == (
        after.latest_value, pytest.approx(before.progress + 1 / 68), after.probability)
    row, page = shown()
    assert f"截至2021年上半年累计完成{after.latest_value:g}个" in page
    assert f"{after.probability:.0%}" in row and after.outlook_zh in row


def test_a_stage_change_changes_the_cached_target_page(luyuan_plan, person, client):
    client.force_login(person("leader"))
    url = reverse("plans:target", args=[luyuan_plan.name, STARTED])
    client.get(url, {"as_of": MID_2021.isoformat()})
    record_stage(_not_started(luyuan_plan), domain.ProjectStage.STARTED, date(2021, 6, 8),
                 "开工令")
    reached = assess_plan(luyuan_plan, MID_2021).of(STARTED).latest_value
    page = client.get(url, {"as_of": MID_2021.isoformat()}).content.decode()
    assert f"截至2021年上半年累计完成{reached:g}个" in page


def test_record_measured_targets_agree_with_the_work_pages_everywhere(luyuan_plan):
    judged = assess_plan(luyuan_plan, MID_2021)
    for item in service.record_assessments(luyuan_plan, MID_2021):
        plan_side = judged.of(item.target.key)
        assert (plan_side.status, plan_side.outlook, plan_side.probability,
                plan_side.latest_value, plan_side.explanation) == (
            item.assessment.status, item.assessment.outlook, item.assessment.probability,
            item.assessment.latest_value, item.assessment.explanation), item.target.key
        assert "项目台账" in next(o.source for o in judged.observations
                              if o.indicator == item.target.indicator)


def test_the_ledger_figures_stand_in_for_stored_figures_of_a_measured_target(luyuan_plan):
    save_observations([domain.Observation(
        "绿园区", "开复工项目", domain.parse_period("2021-05"), 999.0, "个",
        domain.ObservationKind.CUMULATIVE, "示例", domain.Provenance.OFFICIAL)])
    judged = assess_plan(luyuan_plan, MID_2021)
    assert judged.of(STARTED).latest_value < 999


def test_the_overview_reads_the_ledger_in_a_bounded_number_of_queries(luyuan_plan, person,
                                                                      client):
    """The ledger is read once for the page, not once per record-measured target."""
    client.force_login(person("leader"))
    url = reverse("plans:overview", args=[luyuan_plan.name])

    def queries() -> list[str]:
        cache.clear()  # the page as computed, not as served from the page cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"as_of": MID_2021.isoformat()}).status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    def reading(sql: list[str], model) -> int:
        """Queries that read the model's rows — not the plan lookup, whose data version only
        asks each table for its latest change."""
        return sum(f'FROM "{model._meta.db_table}"' in query and "MAX(history_id)" not in query
                   for query in sql)

    queries()  # the first request also sets up the session and role groups
    with_seven = queries()
    for key in ("y2021.land-listed", "fyp.industrial-output", "fyp.new-parks"):
        models.RecordRule.objects.create(target=luyuan_plan.targets.get(key=key), stage="开工")
    with_ten = queries()
    assert len(with_ten) == len(with_seven)
    assert reading(with_ten, models.Project) == reading(with_ten, models.RecordRule) == 1
    assert reading(with_ten, models.ProjectStageTransition) == 1
