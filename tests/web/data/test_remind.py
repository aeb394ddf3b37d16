"""planwatch remind: one mail per department that owes figures, recorded; escalation once."""

from __future__ import annotations

from datetime import date

from django.core import mail

from planwatch.web.data.models import Reminder
from planwatch.web.data.reminders import send_reminders
from planwatch.web.work.models import SupervisionItem

TODAY = date(2024, 8, 1)


def test_each_department_that_owes_figures_gets_one_recorded_mail(users, finance, education,
                                                                    settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    users["finance"].email = "caizheng@example.gov.cn"
    users["finance"].save()
    outcome = send_reminders(TODAY)
    by_department = {r.department.name: r for r in outcome.reminders}
    assert set(by_department) == {"区财政局", "区教育局", "区统计局"}
    finance_mail = [m for m in mail.outbox if m.to == ["caizheng@example.gov.cn"]]
    assert len(finance_mail) == 1 and "区本级留用收入 2024Q2" in finance_mail[0].body
    assert "逾期" in finance_mail[0].subject
    assert by_department["区教育局"].recipients == []  # no member has an address: recorded only
    assert [r.department.name for r in outcome.mailed] == ["区财政局"]
    assert {r.department.name for r in outcome.recorded_only} == {"区教育局", "区统计局"}


def test_items_past_grace_are_raised_on_the_supervision_list_once(users, finance):
    first = send_reminders(TODAY)
    items = SupervisionItem.objects.filter(department=finance)
    # One item per overdue indicator, listing its missing periods.
    assert first.raised >= items.count() > 0
    assert items.count() == len({i.subject for i in items})
    retained = items.get(subject="report:区本级留用收入")
    assert "2024Q2" in [entry["period"] for entry in retained.missing_periods]
    again = send_reminders(TODAY)
    assert again.raised == 0 and again.reminders == []
    assert Reminder.objects.count() == len(first.reminders)


def test_the_command_counts_mails_apart_from_reminders_only_recorded(planwatch_command, users,
                                                                      capsys, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    users["finance"].email = "caizheng@example.gov.cn"
    users["finance"].save()
    assert planwatch_command("remind", "--today", "2024-08-01") == 0
    assert "已发送 1 封催报邮件,2 个部门没有登记邮箱、仅记录" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_the_back_office_says_which_reminders_were_only_recorded(users, client):
    users["finance"].email = "caizheng@example.gov.cn"
    users["finance"].save()
    send_reminders(TODAY)
    client.force_login(users["admin"])
    page = client.get("/admin/data/reminder/").content.decode()
    assert "已发邮件:caizheng@example.gov.cn" in page
    assert page.count("仅记录(部门没有登记邮箱的成员)") == 2
