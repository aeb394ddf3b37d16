"""Overdue reports on the supervision list: one open item per department and indicator that
lists its missing periods — raised once, later periods added, on the ladder from its oldest —
shared by `planwatch supervise` and `planwatch remind`; the list most urgent first."""

from datetime import date

import pytest
from django.apps import apps

from planwatch.web.data.reminders import send_reminders
from planwatch.web.work import models, service
from planwatch.web.work.supervision import Level, Rule

pytestmark = pytest.mark.django_db

# 规上工业总产值 is reported monthly by 绿园区工业和信息化局: a month is due on the 15th of the
# next month, with 10 days' grace; the stored plan has no figure for it.
INDICATOR = "规上工业总产值"
SERIES = f"report:{INDICATOR}"


def series(plan):
    return plan.supervision_items.filter(rule=Rule.OVERDUE_REPORT, subject=SERIES)


def periods(item):
    return [entry["period"] for entry in item.missing_periods]


def test_missing_months_are_one_item_listing_them(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 4, 26))
    item = series(luyuan_plan).get()
    assert periods(item) == ["2021-01", "2021-02", "2021-03"]
    assert item.department.name == "绿园区工业和信息化局"
    assert item.title == f"{INDICATOR} 数据逾期未报(3 期,最早 2021-01)"
    assert "2021-03:应于2021-04-15前报送,宽限至2021-04-25" in item.detail
    # No item per period any more.
    assert not luyuan_plan.supervision_items.filter(subject__startswith=f"{SERIES}:").exists()


def test_a_later_month_joins_the_open_item_which_keeps_climbing_from_its_oldest(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 4, 26))
    item = series(luyuan_plan).get()
    assert (item.level, item.raised_on) == (Level.REMINDER, date(2021, 4, 26))
    run = service.supervise(luyuan_plan, date(2021, 5, 26))  # April is overdue now
    item.refresh_from_db()
    assert series(luyuan_plan).count() == 1
    assert periods(item) == ["2021-01", "2021-02", "2021-03", "2021-04"]
    # Its clock ran from 26 April, not restarted by April joining: 提醒 to 3 May, 预警 to
    # 11 May, 督办 to 22 May, 约谈 from 23 May.
    assert item.level == Level.INTERVIEW and item.level_since == date(2021, 5, 23)
    assert SERIES not in {i.subject for i in luyuan_plan.supervision_items.filter(
        raised_on=date(2021, 5, 26))}
    assert run.raised == luyuan_plan.supervision_items.filter(raised_on=date(2021, 5, 26)).count()
    # The item's history keeps the list as it was before April joined.
    assert any(periods(h) == ["2021-01", "2021-02", "2021-03"] for h in item.history.all())


def test_running_twice_on_a_day_changes_nothing(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 5, 26))
    item = series(luyuan_plan).get()
    recorded = item.history.count()
    again = service.supervise(luyuan_plan, date(2021, 5, 26))
    assert again.raised == 0 and item.history.count() == recorded


def test_remind_and_supervise_keep_one_list(luyuan_plan):
    send_reminders(date(2021, 4, 26))
    item = series(luyuan_plan).get()
    assert item.raised_by == "planwatch remind" and len(periods(item)) == 3
    reports = luyuan_plan.supervision_items.filter(rule=Rule.OVERDUE_REPORT)
    listed = reports.count()
    service.supervise(luyuan_plan, date(2021, 4, 26))
    assert reports.count() == listed and len(periods(series(luyuan_plan).get())) == 3
    service.supervise(luyuan_plan, date(2021, 5, 26))
    assert series(luyuan_plan).count() == 1 and len(periods(series(luyuan_plan).get())) == 4


def test_after_closure_listed_months_are_not_raised_again_and_a_new_month_is(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 4, 26))
    closed = series(luyuan_plan).get()
    service.close_item(closed, reason="已约谈,承诺补报", today=date(2021, 4, 27), by="督查室")
    service.supervise(luyuan_plan, date(2021, 4, 28))
    assert not series(luyuan_plan).filter(closed_on__isnull=True).exists()
    service.supervise(luyuan_plan, date(2021, 5, 26))
    fresh = series(luyuan_plan).get(closed_on__isnull=True)
    assert periods(fresh) == ["2021-04"] and fresh.level == Level.REMINDER


def test_a_month_that_had_its_own_item_before_series_is_not_listed_again(luyuan_plan):
    from planwatch.web.plans.models import Department

    department = Department.objects.get(name="绿园区工业和信息化局")
    models.SupervisionItem.objects.create(
        plan=luyuan_plan, department=department, rule=Rule.OVERDUE_REPORT,
        subject=f"{SERIES}:2021-01", title="旧事项", level=Level.WARNING,
        raised_on=date(2021, 2, 26), level_since=date(2021, 3, 6), due_on=date(2021, 3, 13),
        explanation="已说明", corrective_action="补报", explained_on=date(2021, 3, 1))
    service.supervise(luyuan_plan, date(2021, 4, 26))
    assert periods(series(luyuan_plan).get()) == ["2021-02", "2021-03"]


def legacy(plan, period, *, level, since, raised, explained=False):
    from planwatch.web.plans.models import Department

    return models.SupervisionItem.objects.create(
        plan=plan, department=Department.objects.get(name="绿园区工业和信息化局"),
        rule=Rule.OVERDUE_REPORT, subject=f"{SERIES}:{period}",
        title=f"{INDICATOR} {period} 数据逾期未报",
        detail=f"应于 {period}-15 前报送,宽限至 {period}-25,至 {raised} 未报(planwatch remind)。",
        level=level, raised_on=raised, level_since=since, due_on=since,
        explanation="已说明" if explained else "", corrective_action="补报" if explained else "",
        explained_on=raised if explained else None)


def test_the_migration_merges_untouched_per_period_items_into_the_oldest(luyuan_plan):
    migration = __import__("planwatch.web.work.migrations.0005_supervision_overdue_report_series",
                           fromlist=["merge_open_overdue_reports"])
    oldest = legacy(luyuan_plan, "2021-02", level=Level.WARNING, since=date(2021, 3, 6),
                    raised=date(2021, 2, 26))
    legacy(luyuan_plan, "2021-03", level=Level.REMINDER, since=date(2021, 3, 26),
           raised=date(2021, 3, 26))
    explained = legacy(luyuan_plan, "2021-01", level=Level.REMINDER, since=date(2021, 2, 26),
                       raised=date(2021, 2, 26), explained=True)
    migration.merge_open_overdue_reports(apps, None)

    merged = series(luyuan_plan).get()
    assert merged.pk == oldest.pk  # the oldest keeps its place on the ladder and its history
    assert (merged.level, merged.level_since) == (Level.WARNING, date(2021, 3, 6))
    assert periods(merged) == ["2021-02", "2021-03"]
    assert merged.missing_periods[1] == {"period": "2021-03", "due": "2021-03-15",
                                         "escalate_after": "2021-03-25"}
    assert merged.history.exists()
    explained.refresh_from_db()  # acted on: left as it was
    assert explained.subject == f"{SERIES}:2021-01" and explained.is_open
    assert luyuan_plan.supervision_items.filter(rule=Rule.OVERDUE_REPORT).count() == 2


def test_the_ranking_counts_a_series_once_in_its_departments_closure_rate(luyuan_plan):
    service.supervise(luyuan_plan, date(2021, 4, 26))
    item = series(luyuan_plan).get()
    service.close_item(item, reason="已补报", today=date(2021, 4, 30), by="督查室")
    ranked = dict((m.department, m) for _, m in service.monthly_ranking(
        luyuan_plan, date(2021, 4, 1)))
    department = ranked["绿园区工业和信息化局"]
    items_in_april = [i for i in luyuan_plan.supervision_items.filter(
        department__name="绿园区工业和信息化局")
        if date(2021, 4, 1) <= i.due_on <= date(2021, 4, 30)
        or (i.closed_on and date(2021, 4, 1) <= i.closed_on <= date(2021, 4, 30))]
    assert department.closure.due == len(items_in_april)
    assert department.closure.met == 1  # the series, closed by its deadline (3 May)


def test_the_list_is_most_urgent_first_and_filters_keep_working(client, luyuan_plan, person):
    from planwatch.web.plans.models import Department

    education = Department.objects.get(name="绿园区教育局")
    housing = Department.objects.get(name="绿园区住房和城乡建设局")
    day = date(2021, 9, 1)

    def raise_(title, department, level):
        return service.raise_item(luyuan_plan, department=department, title=title, detail="",
                                  level=level, today=day, by="督查室")

    late = raise_("甲 提醒", education, Level.REMINDER)
    raise_("乙 约谈", housing, Level.INTERVIEW)
    raise_("丙 预警", education, Level.WARNING)
    late.due_on = date(2021, 9, 3)
    late.save()
    raise_("丁 提醒", housing, Level.REMINDER)
    client.force_login(person("supervisor"))
    page = client.get("/plans/luyuan/supervision/").content.decode()
    order = [page.index(title) for title in ("乙 约谈", "丙 预警", "甲 提醒", "丁 提醒")]
    assert order == sorted(order)

    only = client.get(f"/plans/luyuan/supervision/?department={education.pk}&level=1")
    assert [i.title for i in only.context["items"]] == ["甲 提醒"]
