"""The illustrative Lüyuan ledger moves through the plan years: its 2021 figures are the
ones the 2021 targets are judged on, most investment projects reach 投产 by the end of 2025,
and only a handful stall — the demo's supervision list is not every project of 2021."""

from __future__ import annotations

from datetime import date

from planwatch.domain.vocabulary import ProjectStage
from planwatch.web.work.illustrative import STALLED_STOPS, ledger
from planwatch.web.work.records import RecordMeasure, measured
from planwatch.web.work.supervision import stalled_projects

YEAR = date(2021, 1, 1)
YEAR_END = date(2021, 12, 31)
PLAN_END = date(2025, 12, 31)


def investment_projects():
    return [record.project for record in ledger() if record.project.investment is not None]


def test_the_2021_figures_are_those_the_year_was_judged_on():
    records = ledger()
    counts = {name: measured(records, measure, YEAR, day) for name, measure, day in [
        ("谋划亿元以上", RecordMeasure(ProjectStage.PLANNING, "亿元以上"), YEAR_END),
        ("落位", RecordMeasure(ProjectStage.SITED), YEAR_END),
        ("开复工", RecordMeasure(ProjectStage.STARTED), YEAR_END),
        ("五一前三早开复工", RecordMeasure(ProjectStage.STARTED, "三早"), date(2021, 4, 30)),
        ("工业集中区开工", RecordMeasure(ProjectStage.STARTED, "工业集中区"), YEAR_END),
        ("物流枢纽开工", RecordMeasure(ProjectStage.STARTED, "物流枢纽"), YEAR_END),
        ("释放土地", RecordMeasure(ProjectStage.SITED, "土地释放", "释放土地面积"), YEAR_END)]}
    assert counts == {"谋划亿元以上": 97, "落位": 91, "开复工": 67, "五一前三早开复工": 31,
                      "工业集中区开工": 10, "物流枢纽开工": 5, "释放土地": 208.9}


def test_projects_move_on_after_2021_in_order_and_within_the_plan_years():
    projects = investment_projects()
    for project in projects:
        days = [transition.on for transition in project.stages]
        orders = [transition.stage.order for transition in project.stages]
        assert days == sorted(days) and orders == sorted(set(orders)), project.key
        assert days[-1] <= PLAN_END and days[-1].year > 2021, project.key
    producing = [p for p in projects if p.stage_on(PLAN_END) is ProjectStage.PRODUCING]
    assert len(producing) == len(projects) - len(STALLED_STOPS)
    assert all(p.completed_investment == p.investment for p in producing)
    # Spread over the plan years, not all in one.
    assert {p.stages[-1].on.year for p in producing} == {2022, 2023, 2024, 2025}


def test_only_a_handful_stall_and_they_stalled_in_the_plans_last_year():
    stalled = stalled_projects(investment_projects(), date(2026, 11, 27), 90)
    assert len(stalled) == len(STALLED_STOPS) == 6
    # subject: project:<key>:<stage>:<day it entered the stage>
    assert all(finding.subject.split(":")[3].startswith("2025-") for finding in stalled)
    assert sorted(finding.subject.split(":")[2] for finding in stalled) == sorted(
        stage.value for stage in STALLED_STOPS)
