"""The supervision rules, pure: the ladder, the findings and the ranking."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain import (
    Comparator,
    Kind,
    Project,
    ProjectStage,
    StageTransition,
    Target,
    Task,
    TaskStatus,
)
from planwatch.web.work.supervision import (
    DepartmentMonth,
    Ladder,
    Level,
    MissingReport,
    Rule,
    Standing,
    Tally,
    escalate,
    lagging_targets,
    overdue_reports,
    overdue_tasks,
    ranked,
    stalled_projects,
)

LADDER = Ladder(reminder=7, warning=7, supervision=10, interview=10)
RAISED = date(2021, 9, 1)


def fresh() -> Standing:
    return Standing(Level.REMINDER, RAISED, LADDER.due(RAISED, Level.REMINDER))


def test_an_item_keeps_its_level_through_its_deadline_and_climbs_the_day_after():
    assert escalate(fresh(), None, date(2021, 9, 8), LADDER).level is Level.REMINDER
    climbed = escalate(fresh(), None, date(2021, 9, 9), LADDER)
    assert climbed == Standing(Level.WARNING, date(2021, 9, 9), date(2021, 9, 16))


def test_the_ladder_stops_at_interview():
    assert escalate(fresh(), None, date(2022, 9, 1), LADDER).level is Level.INTERVIEW


def test_an_explanation_in_time_stops_the_climb_a_late_one_does_not():
    assert escalate(fresh(), date(2021, 9, 8), date(2021, 12, 1), LADDER).level is Level.REMINDER
    late = escalate(fresh(), date(2021, 9, 10), date(2021, 12, 1), LADDER)
    assert late.level is Level.WARNING


@given(st.integers(0, 120), st.integers(0, 120))
def test_one_run_after_a_gap_equals_daily_runs(first, gap):
    daily = fresh()
    for offset in range(first + gap + 1):
        daily = escalate(daily, None, RAISED + timedelta(days=offset), LADDER)
    once = escalate(fresh(), None, RAISED + timedelta(days=first + gap), LADDER)
    assert once == daily


def project(stage_days):
    return Project("p1", "示例项目", investment=3.0, department="区发改局", stages=[
        StageTransition(stage, day) for stage, day in stage_days])


def test_a_project_in_one_stage_longer_than_allowed_is_stalled_once_per_episode():
    p = project([(ProjectStage.SIGNED, date(2021, 3, 1))])
    assert stalled_projects([p], date(2021, 5, 30), 90) == []
    [finding] = stalled_projects([p], date(2021, 5, 31), 90)
    assert finding.rule is Rule.PROJECT_STALLED and finding.department == "区发改局"
    assert finding.subject == "project:p1:签约:2021-03-01"
    assert stalled_projects([p], date(2021, 7, 1), 90)[0].subject == finding.subject


def test_a_producing_project_one_not_started_or_a_land_parcel_is_never_stalled():
    done = project([(ProjectStage.PRODUCING, date(2020, 1, 1))])
    future = project([(ProjectStage.PLANNING, date(2022, 1, 1))])
    parcel = Project("d1", "地块", stages=[StageTransition(ProjectStage.SITED, date(2021, 1, 1))])
    assert stalled_projects([done, future, parcel], date(2021, 12, 1), 30) == []


def test_a_lagging_target_raises_one_item_a_month():
    t = Target("y.t", "开复工项目", Kind.COUNT, Comparator.GE, 68, "个", 2021, base_year=2020,
               department="区发改局")
    statuses = {"y.t": ("behind", "滞后")}
    [finding] = lagging_targets([t], statuses, date(2021, 6, 30))
    assert finding.subject == "target:y.t:2021-06"
    assert lagging_targets([t], {"y.t": ("on_track", "")}, date(2021, 6, 30)) == []


def test_a_task_past_its_deadline_and_not_done_is_overdue():
    late = Task("k", "制定总施工图", 2021, lead_department="区发改局", deadline=date(2021, 3, 31))
    done = Task("d", "已办", 2021, deadline=date(2021, 3, 31), status=TaskStatus.DONE)
    assert [f.subject for f in overdue_tasks([late, done], date(2021, 4, 1))] == ["task:k"]
    assert overdue_tasks([late], date(2021, 3, 31)) == []


def test_missing_reports_are_one_finding_per_indicator_listing_its_periods_oldest_first():
    march = MissingReport("2021-03", date(2021, 4, 15), date(2021, 4, 25))
    january = MissingReport("2021-01", date(2021, 2, 15), date(2021, 2, 25))
    finding = overdue_reports("规上工业总产值", "区工信局", [march, january], date(2021, 4, 26))
    assert (finding.rule, finding.subject) == (Rule.OVERDUE_REPORT, "report:规上工业总产值")
    assert finding.missing == (january, march)
    assert finding.title == "规上工业总产值 数据逾期未报(2 期,最早 2021-01)"
    assert "2021-01:应于2021-02-15前报送,宽限至2021-02-25" in finding.detail
    single = overdue_reports("地区生产总值", "区发改局", [march], date(2021, 4, 26))
    assert single.title == "地区生产总值 2021-03 数据逾期未报"


def test_departments_rank_by_score_with_ties_sharing_a_rank():
    def month(name, met, due):
        return DepartmentMonth(name, Tally(met, due), Tally(0, 0), Tally(0, 0))

    ranking = ranked([month("乙", 1, 2), month("甲", 2, 2), month("丙", 1, 2),
                      month("丁", 0, 0)])
    assert [(rank, m.department, m.score) for rank, m in ranking] == [
        (1, "甲", 100.0), (2, "丙", 50.0), (2, "乙", 50.0), (None, "丁", None)]


def test_a_component_without_duties_gives_its_weight_to_the_others():
    only_schedule = DepartmentMonth("甲", Tally(0, 0), Tally(3, 4), Tally(0, 0))
    assert only_schedule.score == 75.0
    all_three = DepartmentMonth("乙", Tally(1, 1), Tally(1, 2), Tally(0, 1))
    assert all_three.score == 100 * (0.4 * 1 + 0.4 * 0.5 + 0.2 * 0)
