"""Issue 7 done-when, on the Lüyuan 2021 plan with its illustrative project ledger: a project
moving to 开工 changes the count target's progress; a stalled project raises an item; items
escalate on the configured dates; closing needs a reason."""

from datetime import date

import pytest

from planwatch.domain import ProjectStage
from planwatch.web.work import models, service
from planwatch.web.work.store import record_stage
from planwatch.web.work.supervision import Level, Rule

pytestmark = pytest.mark.django_db

MID_JUNE = date(2021, 6, 30)


def started_target(plan, as_of):
    return next(item for item in service.record_assessments(plan, as_of)
                if item.target.key == "y2021.projects-started")


def test_the_work_plan_is_loaded_with_the_nine_areas_and_the_ledger(luyuan_plan):
    areas = {task.goal.parent.key for task in luyuan_plan.tasks.select_related("goal__parent")}
    assert {key.split(".")[1] for key in areas} == {
        "epidemic", "growth", "space", "reform", "city", "rural", "livelihood", "governance",
        "government"}
    assert luyuan_plan.projects.count() == 116
    assert set(luyuan_plan.projects.values_list("provenance", flat=True)) == {"illustrative"}
    assert models.RecordRule.objects.filter(target__plan=luyuan_plan).count() == 7
    schedule = dict(luyuan_plan.targets.get(key="fyp.old-compounds").annual_targets.values_list(
        "year", "value"))
    assert schedule == {2021: 7, 2022: 5, 2023: 5, 2024: 5, 2025: 5}


def test_a_project_moving_to_kaigong_changes_the_count_targets_progress(luyuan_plan):
    before = started_target(luyuan_plan, MID_JUNE).assessment
    waiting = next(p for p in luyuan_plan.projects.all()
                   if not p.stages.filter(stage__in=["开工", "入统", "竣工", "投产"]).exists())
    record_stage(waiting, ProjectStage.STARTED, date(2021, 6, 8), "开工令")
    after = started_target(luyuan_plan, MID_JUNE).assessment
    assert after.latest_value == before.latest_value + 1
    assert after.progress == pytest.approx(before.progress + 1 / 68)


def test_a_dated_target_counts_only_what_arrived_by_its_day(luyuan_plan):
    may_day = next(item for item in service.record_assessments(luyuan_plan, date(2021, 12, 31))
                   if item.target.key == "y2021.early-projects-by-may-day").assessment
    assert may_day.status in ("achieved", "missed")
    assert may_day.latest_period == "2021-04-30"
    assert may_day.elapsed == 1.0


def test_record_targets_before_the_deadline_take_their_outlook_from_the_pipeline(luyuan_plan):
    judged = started_target(luyuan_plan, MID_JUNE).assessment
    assert judged.probability is not None
    assert "项目储备" in judged.explanation


def test_a_stalled_project_raises_an_item_for_its_department(luyuan_plan):
    policy = service.policy_of(luyuan_plan)
    # One of the few the ledger leaves short of 投产.
    project = next(p for p in luyuan_plan.projects.exclude(investment=None).order_by("order")
                   if not p.stages.filter(stage="投产").exists())
    last = project.stages.order_by("-on").first()
    before = date.fromordinal(last.on.toordinal() + policy.stall_days)
    service.supervise(luyuan_plan, before)
    stalled = luyuan_plan.supervision_items.filter(rule=Rule.PROJECT_STALLED,
                                                   subject__startswith=f"project:{project.key}:")
    assert not stalled.exists()
    service.supervise(luyuan_plan, date.fromordinal(before.toordinal() + 1))
    item = stalled.get()
    assert item.department == project.department
    assert item.level == Level.REMINDER


def test_running_the_rules_twice_on_a_day_changes_nothing(luyuan_plan):
    first = service.supervise(luyuan_plan, date(2021, 9, 1))
    again = service.supervise(luyuan_plan, date(2021, 9, 1))
    assert first.raised > 0
    assert (again.raised, again.escalated, again.open_items) == (0, 0, first.open_items)


def test_items_escalate_on_the_configured_dates_until_explained(luyuan_plan):
    policy = service.policy_of(luyuan_plan)
    policy.reminder_days, policy.warning_days, policy.supervision_days = 3, 4, 5
    policy.save()
    raised = date(2021, 9, 1)
    item = service.raise_item(luyuan_plan, department=None, title="街路亮化进度慢", detail="",
                              level=Level.REMINDER, today=raised, by="督查室")
    assert item.due_on == date(2021, 9, 4)

    def level_on(day):
        service.supervise(luyuan_plan, day)
        item.refresh_from_db()
        return item.level

    assert level_on(date(2021, 9, 4)) == Level.REMINDER
    assert level_on(date(2021, 9, 5)) == Level.WARNING
    assert item.due_on == date(2021, 9, 9)
    assert level_on(date(2021, 9, 9)) == Level.WARNING
    service.explain_item(item, explanation="材料到货晚", corrective_action="增加施工班组",
                         today=date(2021, 9, 9), by="区城管局")
    assert level_on(date(2021, 9, 30)) == Level.WARNING


def test_a_run_after_a_gap_gives_what_daily_runs_would_have(luyuan_plan):
    item = service.raise_item(luyuan_plan, department=None, title="逾期", detail="",
                              level=Level.REMINDER, today=date(2021, 9, 1), by="督查室")
    service.supervise(luyuan_plan, date(2021, 12, 1))
    item.refresh_from_db()
    assert item.level == Level.INTERVIEW
    # 提醒 due 9-08; 预警 9-09 to 9-16; 督办 9-17 to 9-27; 约谈 from the day after.
    assert item.level_since == date(2021, 9, 28)


def test_closing_requires_a_reason_and_a_closed_item_is_not_raised_again(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 9, 1))
    item = luyuan_plan.supervision_items.filter(rule=Rule.PROJECT_STALLED).first()
    with pytest.raises(service.ActionError, match="理由"):
        service.close_item(item, reason="  ", today=date(2021, 9, 2), by="督查室")
    service.close_item(item, reason="项目已调整出年度计划", today=date(2021, 9, 2), by="督查室")
    item.refresh_from_db()
    assert (item.closed_on, item.closed_by) == (date(2021, 9, 2), "督查室")
    service.supervise(luyuan_plan, date(2021, 9, 3))
    assert not luyuan_plan.supervision_items.filter(subject=item.subject,
                                                    closed_on__isnull=True).exists()


def test_the_monthly_ranking_scores_departments_by_the_shown_formula(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 9, 1))
    ranked = service.monthly_ranking(luyuan_plan, date(2021, 9, 1))
    scored = [(rank, month) for rank, month in ranked if month.score is not None]
    assert scored
    for _, month in scored:
        parts = [(w, getattr(month, name).rate) for name, w in
                 (("reporting", 0.4), ("schedule", 0.4), ("closure", 0.2))]
        counted = [(w, r) for w, r in parts if r is not None]
        assert month.score == pytest.approx(100 * sum(w * r for w, r in counted)
                                            / sum(w for w, _ in counted))
    assert [rank for rank, _ in scored] == sorted(rank for rank, _ in scored)


def test_a_report_missing_past_its_grace_period_raises_one_item_and_ledger_figures_none(
        luyuan_plan):
    # 地区生产总值 is reported quarterly by 区发改局: 2021Q1 is due 15 April, grace 10 days.
    service.supervise(luyuan_plan, date(2021, 4, 25))
    assert not luyuan_plan.supervision_items.filter(subject="report:地区生产总值").exists()
    service.supervise(luyuan_plan, date(2021, 4, 26))
    item = luyuan_plan.supervision_items.get(subject="report:地区生产总值")
    assert item.department.name == "绿园区发展和改革局"
    assert [entry["period"] for entry in item.missing_periods] == ["2021Q1"]
    # 开复工项目 is monthly too, but measured from the ledger: nobody's report to miss.
    assert not luyuan_plan.supervision_items.filter(subject__startswith="report:开复工项目").exists()


def test_an_explanation_sent_back_restarts_the_level_and_the_climb_resumes(luyuan_plan):
    item = service.raise_item(luyuan_plan, department=None, title="整改不到位", detail="",
                              level=Level.WARNING, today=date(2021, 9, 1), by="督查室")
    service.explain_item(item, explanation="已安排", corrective_action="下周整改",
                         today=date(2021, 9, 3), by="区住建局")
    with pytest.raises(service.ActionError, match="理由"):
        service.return_explanation(item, reason="", today=date(2021, 9, 5))
    service.return_explanation(item, reason="整改措施没有时限", today=date(2021, 9, 5))
    item.refresh_from_db()
    assert (item.explained_on, item.due_on) == (None, date(2021, 9, 12))
    assert item.history.filter(explanation="已安排").exists()
    service.supervise(luyuan_plan, date(2021, 9, 13))
    item.refresh_from_db()
    assert item.level == Level.SUPERVISION
