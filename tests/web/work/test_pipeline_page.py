"""The pipeline page (重点项目): it opens on the latest year the ledger moved in, says which
day it shows, and sums completed investment beside planned investment by stage, department
and month."""

from datetime import date

import pytest

from planwatch.domain.model import Project, StageTransition
from planwatch.domain.vocabulary import ProjectStage
from planwatch.web.work import pipeline

STARTED, SIGNED = ProjectStage.STARTED, ProjectStage.SIGNED


def project(key, investment, completed, *stages, department="区发改局"):
    return Project(key, f"项目{key}", investment=investment, completed_investment=completed,
                   department=department,
                   stages=[StageTransition(stage, on, "") for stage, on in stages])


def test_each_table_sums_completed_investment_beside_planned():
    a = project("a", 10.0, 4.0, (SIGNED, date(2021, 2, 1)), (STARTED, date(2021, 5, 3)))
    b = project("b", 6.0, None, (SIGNED, date(2021, 3, 9)))
    c = project("c", 2.0, 1.5, (STARTED, date(2021, 5, 20)), department="区教育局")
    day = date(2021, 6, 30)

    by_stage = pipeline.by_stage([a, b, c], day)
    assert (by_stage.cells[STARTED].investment, by_stage.cells[STARTED].completed) == (12.0, 5.5)
    assert (by_stage.cells[SIGNED].investment, by_stage.cells[SIGNED].completed) == (6.0, 0.0)
    assert (by_stage.total.investment, by_stage.total.completed) == (18.0, 5.5)

    rows = {row.label: row for row in pipeline.by_department([a, b, c], day)}
    assert (rows["区发改局"].total.investment, rows["区发改局"].total.completed) == (16.0, 4.0)
    assert rows["区教育局"].cells[STARTED].completed == 1.5


def test_a_month_counts_each_moving_project_once_with_its_investment():
    both = project("a", 10.0, 4.0, (SIGNED, date(2021, 5, 1)), (STARTED, date(2021, 5, 3)))
    other = project("b", 2.0, 1.0, (STARTED, date(2021, 5, 20)))
    may = pipeline.by_month([both, other], 2021)[4]
    assert may.cells[SIGNED].count == 1 and may.cells[STARTED].count == 2
    assert (may.total.count, may.total.investment, may.total.completed) == (2, 12.0, 5.0)


def test_the_page_opens_on_the_end_of_the_latest_year_the_ledger_moved_in():
    old = project("a", 1.0, 0.0, (SIGNED, date(2020, 11, 1)), (STARTED, date(2021, 4, 2)))
    assert pipeline.default_day([old], date(2026, 11, 27)) == date(2021, 12, 31)
    # Within that year it is today, not a day still to come; an empty ledger opens today.
    assert pipeline.default_day([old], date(2021, 8, 1)) == date(2021, 8, 1)
    assert pipeline.default_day([], date(2026, 11, 27)) == date(2026, 11, 27)


@pytest.mark.django_db
def test_the_demo_pipeline_opens_on_2025_and_shows_the_ledgers_completed_investment(
        client, luyuan_plan, person):
    client.force_login(person("leader"))
    page = client.get("/plans/luyuan/projects/").content.decode()
    # The illustrative ledger's last moves are in 2025, the plan's last year.
    assert "截至 2025-12-31 项目推进情况" in page
    assert 'name="as_of" value="2025-12-31"' in page
    assert "默认显示项目台账有阶段记录的最近一年的年末" in page
    completed = sum(p.completed_investment or 0 for p in luyuan_plan.projects.all())
    assert completed > 0
    assert f"<td>{completed:.1f}</td>" in page  # the by-stage total of 已完成投资

    chosen = client.get("/plans/luyuan/projects/?as_of=2021-03-31").content.decode()
    assert "截至 2021-03-31 项目推进情况" in chosen
    assert "默认显示项目台账有阶段记录的最近一年的年末" not in chosen
