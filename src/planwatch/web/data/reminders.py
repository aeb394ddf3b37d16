"""Reminders to departments, and escalation of what stays missing past the grace period.

`send_reminders(today)` mails each department with something owed (due, overdue, returned)
a list of it through Django's email backend (console unless configured), records each
reminder as a Reminder — mailed, or recorded only when no member of the department has an
address (its recipients are empty) — and raises every item past its grace period on the supervision list (the work
app's overdue-report series, one item per indicator, shared with `planwatch supervise`
through work.overdue, so the two never list a period twice). A second run on the same day
sends and raises nothing new.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from planwatch.web.data.calendar import ItemState
from planwatch.web.data.models import Reminder
from planwatch.web.data.reporting import Item, department_items
from planwatch.web.plans.models import Department

OWED = (ItemState.DUE, ItemState.OVERDUE, ItemState.ESCALATED, ItemState.RETURNED,
        ItemState.DRAFT)
LATE = (ItemState.OVERDUE, ItemState.ESCALATED)


@dataclass
class Outcome:
    reminders: list[Reminder]
    raised: int

    @property
    def mailed(self) -> list[Reminder]:
        """The reminders that went out as a mail (one mail each, to every address)."""
        return [reminder for reminder in self.reminders if reminder.recipients]

    @property
    def recorded_only(self) -> list[Reminder]:
        """The reminders only recorded: no member of the department has an address."""
        return [reminder for reminder in self.reminders if not reminder.recipients]


def compose(department: Department, items: list[Item], today: date) -> tuple[str, str]:
    late = sum(item.state in LATE for item in items)
    subject = (f"【规划监测】{department.name}数据报送提醒:待办 {len(items)} 项"
               + (f",其中逾期 {late} 项" if late else ""))
    lines = [f"{department.name}:", "", f"截至 {today:%Y-%m-%d},以下数据需要报送或处理:", ""]
    for item in items:
        line = (f"- {item.indicator.name} {item.period.label}:{item.state_label},"
                f"截止 {item.due:%Y-%m-%d}")
        if item.state is ItemState.RETURNED and item.submission is not None:
            line += f";退回原因:{item.submission.return_reason}"
        lines.append(line)
    lines += ["", "请登录规划实施监测评估系统“数据报送”页面填报。", "(本邮件由系统自动发送)"]
    return subject, "\n".join(lines)


def send_reminders(today: date | None = None) -> Outcome:
    today = today or timezone.localdate()
    sent, raised = [], 0
    for department in Department.objects.order_by("name"):
        items = [item for item in department_items(department, today) if item.state in OWED]
        if not items:
            continue
        subject, body = compose(department, items, today)
        escalated = [item for item in items if item.state is ItemState.ESCALATED]
        with transaction.atomic():
            raised += _raise_on_supervision_list(department, escalated, today)
            # The body names the day acted as, so this also holds for runs with --today.
            if Reminder.objects.filter(department=department, body=body,
                                       sent_at__date=timezone.localdate()).exists():
                continue
            recipients = sorted({membership.user.email for membership in
                                 department.memberships.select_related("user")
                                 if membership.user.email and membership.user.is_active})
            if recipients:
                send_mail(subject, body, None, recipients)
            sent.append(Reminder.objects.create(
                department=department, recipients=recipients, subject=subject, body=body,
                due_count=sum(item.state is ItemState.DUE for item in items),
                overdue_count=sum(item.state in LATE for item in items),
                escalated=[f"{item.indicator.name} {item.period.label}" for item in escalated]))
    return Outcome(sent, raised)


def _raise_on_supervision_list(department: Department, items: list[Item], today: date) -> int:
    from planwatch.web.work import supervision
    from planwatch.web.work.overdue import note_overdue_reports
    from planwatch.web.work.service import ladder_of, policy_of

    series = defaultdict(list)
    for item in items:
        series[item.indicator].append(
            supervision.MissingReport(item.period.label, item.due, item.escalate_after))
    raised = 0
    for indicator, missing in series.items():
        plan = indicator.plan
        finding = supervision.overdue_reports(indicator.name, department.name, missing, today)
        raised += note_overdue_reports(plan, finding, department, today,
                                       ladder_of(policy_of(plan)), by="planwatch remind")
    return raised
