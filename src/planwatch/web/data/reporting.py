"""Department reporting: the items a department owes, and a figure's way from draft to an
approved Observation.

Rules kept here, for the pages and the API alike:
- a reporter enters figures only for indicators of a department they belong to
  (accounts.permissions.can_report_for); planners approve or return them;
- the value is stored converted to the indicator's unit (growth rates in %), and what the
  reporter typed is kept beside it;
- saves are optimistic: each carries the version it was read at, and a save against a newer
  version is refused with a message naming who changed it and when — never a lost update;
- approval appends the figure to the append-only Observation table through
  data.store.save_observations; only then does evaluation see it.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch import domain
from planwatch.domain.periods import Period, PeriodError, parse_period
from planwatch.domain.units import UnitError, convert
from planwatch.web import labels
from planwatch.web.accounts.permissions import can_approve, can_report_for
from planwatch.web.data.calendar import ItemState, Schedule, reporting_periods
from planwatch.web.data.kept_files import keep_file, uploads_dir
from planwatch.web.data.models import (
    OPEN_STATUSES,
    Evidence,
    Observation,
    Submission,
    SubmissionStatus,
)
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Department, Indicator

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Accepted attachment types: the name's extension and the bytes' signature must agree.
EVIDENCE_SIGNATURES = {".pdf": (b"%PDF-",), ".png": (b"\x89PNG\r\n\x1a\n",),
                       ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                       ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",)}
REPORTED_PROVENANCES = ("official", "estimate")


class ReportingError(ValueError):
    """A figure or action refused, with the reason in Chinese for the person who tried."""


class NotAllowed(ReportingError):
    """The person's role or department does not allow the action."""


class StaleVersion(ReportingError):
    """Someone else saved the item after this form was read."""


@dataclass
class Item:
    """One figure a department owes: an indicator of a plan for one period."""

    indicator: Indicator
    period: Period
    place: str
    due: date
    escalate_after: date
    state: ItemState
    submission: Submission | None
    usual_kind: str = domain.ObservationKind.LEVEL.value

    @property
    def state_label(self) -> str:
        return labels.REPORT_ITEM_STATE[self.state]

    @property
    def usual_unit(self) -> str:
        return "%" if self.usual_kind == domain.ObservationKind.GROWTH_PCT else self.indicator.unit


def usual_kinds(names: set[str]) -> dict[str, str]:
    """Each indicator's usual 口径: the kind most of its stored figures have (a count target's
    series is 完成数, a growth target's 同比增速), so a form starts from it."""
    counts = (Observation.objects.filter(indicator__in=names).order_by()
              .values_list("indicator", "kind").annotate(figures=Count("id")))
    usual: dict[str, tuple[int, str]] = {}
    for name, kind, figures in counts:
        if figures > usual.get(name, (0, ""))[0]:
            usual[name] = (figures, kind)
    return {name: kind for name, (_figures, kind) in usual.items()}


def schedule_of(indicator: Indicator) -> Schedule:
    rule = getattr(indicator, "reporting_rule", None)
    if rule is None:
        return Schedule()
    return Schedule(rule.lag_months, rule.due_day, rule.grace_days)


def department_items(department: Department, today: date) -> list[Item]:
    """What the department has to report: due, overdue, escalated, and its drafts, submitted
    and returned figures, oldest deadline first. Approved periods are done and left out."""
    indicators = list(Indicator.objects.filter(department=department)
                      .select_related("plan__jurisdiction", "reporting_rule"))
    names = {indicator.name for indicator in indicators}
    kinds = usual_kinds(names)
    reported = set(Observation.objects.filter(indicator__in=names,
                                              provenance__in=REPORTED_PROVENANCES)
                   .order_by().values_list("indicator", "place", "period").distinct())
    open_submissions = {(s.indicator_id, s.period): s for s in Submission.objects.filter(
        indicator__in=indicators, status__in=OPEN_STATUSES)}
    items = []
    for indicator in indicators:
        plan, schedule = indicator.plan, schedule_of(indicator)
        place = plan.jurisdiction.name
        for period in reporting_periods(indicator.frequency, plan.period_start,
                                        plan.period_end, schedule, today):
            submission = open_submissions.pop((indicator.pk, period.label), None)
            if submission is None and (indicator.name, place, period.label) in reported:
                continue
            state = (ItemState(submission.status) if submission is not None
                     else schedule.state_of_missing(period, today))
            items.append(Item(indicator, period, place, schedule.due_date(period),
                              schedule.escalation_date(period), state, submission,
                              kinds.get(indicator.name, domain.ObservationKind.LEVEL.value)))
    # Open submissions for periods outside the window still need finishing.
    for submission in open_submissions.values():
        indicator = submission.indicator
        schedule, period = schedule_of(indicator), parse_period(submission.period)
        items.append(Item(indicator, period, submission.place, schedule.due_date(period),
                          schedule.escalation_date(period), ItemState(submission.status),
                          submission, submission.kind))
    items.sort(key=lambda item: (item.due, item.indicator.order))
    return items


def items_to_report(department: Department, today: date) -> list[Item]:
    """The department's items that wait for a figure from it (not for the planners' review):
    the rows its template is prefilled with."""
    return [item for item in department_items(department, today)
            if item.state is not ItemState.SUBMITTED]


@dataclass
class Entry:
    """A figure as a reporter entered it."""

    indicator: Indicator
    period: str
    kind: str
    value: str
    unit: str
    note: str = ""
    version: int = 0  # the version the form was read at; 0 for a new item


def save_entry(user, entry: Entry, *, submit: bool) -> Submission:
    """Create or update the item's open submission as a draft, or submitted when `submit`."""
    indicator = entry.indicator
    if indicator.department is None:
        raise ReportingError(_("指标“%(name)s”没有指定报送部门") % {"name": indicator.name})
    if not can_report_for(user, indicator.department):
        raise NotAllowed(_("您不能填报该部门的指标"))
    try:
        period = parse_period(entry.period)
    except PeriodError:
        raise ReportingError(_("期间“%(period)s”无法识别") % {"period": entry.period}) from None
    if entry.kind not in {kind.value for kind in domain.ObservationKind}:
        raise ReportingError(_("口径“%(kind)s”无效") % {"kind": entry.kind})
    try:
        entered = float(entry.value.replace(",", "").replace(",", "").strip())
    except ValueError:
        raise ReportingError(_("数值“%(value)s”不是数字") % {"value": entry.value}) from None
    target_unit = "%" if entry.kind == "growth_pct" else indicator.unit
    unit = entry.unit.strip() or target_unit
    try:
        value = convert(entered, unit, target_unit)
    except UnitError:
        raise ReportingError(_("单位“%(unit)s”不能换算为“%(target)s”") % {
                "unit": unit, "target": target_unit}) from None
    name = user.get_username()
    status = SubmissionStatus.SUBMITTED if submit else SubmissionStatus.DRAFT
    fields = dict(kind=entry.kind, value=value, unit=target_unit, entered_value=entered,
                  entered_unit=unit, note=entry.note.strip(), status=status,
                  updated_by=name, updated_at=timezone.now())
    place = indicator.plan.jurisdiction.name
    with transaction.atomic():
        if entry.version:
            current = Submission.objects.filter(indicator=indicator, place=place,
                                                period=period.label,
                                                status__in=OPEN_STATUSES).first()
            if current is None:
                raise StaleVersion(_("该项已被审核或删除,请刷新页面"))
            return _update(current, entry.version, fields)
        try:
            with transaction.atomic():
                return Submission.objects.create(
                    indicator=indicator, department=indicator.department, place=place,
                    period=period.label, created_by=name, **fields)
        except IntegrityError:
            existing = Submission.objects.filter(indicator=indicator, place=place,
                                                 period=period.label,
                                                 status__in=OPEN_STATUSES).first()
            raise StaleVersion(_stale_message(existing)) from None


def _stale_message(current: Submission | None) -> str:
    if current is None:
        return _("该项刚被他人修改,请刷新页面后重试")
    when = timezone.localtime(current.updated_at).strftime("%Y-%m-%d %H:%M")
    return _("该项已被 %(who)s 于 %(when)s 修改(当前为第 %(version)d 版),"
             "您的修改未保存。请刷新页面,查看最新内容后再提交。") % {
        "who": current.updated_by, "when": when, "version": current.version}


def _update(current: Submission, version: int, fields: dict) -> Submission:
    """Write the fields only if the row is still at `version` (compare-and-set)."""
    if current.status == SubmissionStatus.SUBMITTED and fields["status"] == "draft":
        raise ReportingError(_("已提交的数据在审核前不能改回草稿"))
    changed = Submission.objects.filter(pk=current.pk, version=version).update(
        version=version + 1, **fields)
    if not changed:
        raise StaleVersion(_stale_message(current))
    _record_history(current, "填报")
    return current


def _record_history(submission: Submission, reason: str) -> None:
    """The compare-and-set update() bypasses simple_history; saving the row again (it is
    locked by the update until the transaction ends) records the change with its author."""
    submission.refresh_from_db()
    submission._change_reason = reason
    submission.save()


def approve(user, submission: Submission, version: int) -> Observation:
    """Accept a submitted figure: append it as an Observation revision."""
    if not can_approve(user):
        raise NotAllowed(_("只有规划管理人员可以审核"))
    with transaction.atomic():
        _review(submission, version, SubmissionStatus.APPROVED, user, "")
        save_observations([domain.Observation(
            submission.place, submission.indicator.name, parse_period(submission.period),
            submission.value, submission.unit, kind=domain.ObservationKind(submission.kind),
            source=public_source(submission.department))], recorded_by=submission.created_by)
        observation = (Observation.objects.filter(
            place=submission.place, indicator=submission.indicator.name,
            period=submission.period, kind=submission.kind, provenance="official")
            .order_by("-revision").first())
        Submission.objects.filter(pk=submission.pk).update(observation=observation)
        submission.observation = observation
        return observation


def public_source(department: Department) -> str:
    """The source a reported figure carries into the public page and the open data: the
    department only. Who entered and approved it and the reporter's note stay internal, on
    the observation's recorded_by and on the submission and its history."""
    return f"{department.name}填报"


def return_submission(user, submission: Submission, version: int, reason: str) -> None:
    if not can_approve(user):
        raise NotAllowed(_("只有规划管理人员可以退回"))
    if not reason.strip():
        raise ReportingError(_("退回时必须填写原因"))
    with transaction.atomic():
        _review(submission, version, SubmissionStatus.RETURNED, user, reason.strip())


def _review(submission: Submission, version: int, status: str, user, reason: str) -> None:
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ReportingError(_("该项不在待审核状态"))
    fields = dict(status=status, return_reason=reason, reviewed_by=user.get_username(),
                  reviewed_at=timezone.now())
    if not Submission.objects.filter(pk=submission.pk, version=version,
                                     status=SubmissionStatus.SUBMITTED).update(
            version=version + 1, **fields):
        raise StaleVersion(_stale_message(Submission.objects.filter(pk=submission.pk).first()))
    _record_history(submission, "审核")


# --- evidence ------------------------------------------------------------------------------

def checked_evidence(name: str, size: int, file: IO[bytes]) -> tuple[str, bytes]:
    """An attachment's name and bytes, once its size and type are allowed and its bytes are
    what its name says (the file is read only then)."""
    if size > MAX_EVIDENCE_BYTES:
        raise ReportingError(_("文件“%(name)s”超过 %(limit)d MB 上限") % {
            "name": name, "limit": MAX_EVIDENCE_BYTES // 2**20})
    suffix = Path(name).suffix.lower()
    signatures = EVIDENCE_SIGNATURES.get(suffix)
    if signatures is None:
        raise ReportingError(_("文件“%(name)s”的类型不允许;允许 %(types)s") % {
            "name": name, "types": "、".join(sorted(EVIDENCE_SIGNATURES))})
    data = file.read()
    if not data.startswith(signatures):
        raise ReportingError(_("文件“%(name)s”的内容与扩展名 %(suffix)s 不符") % {
            "name": name, "suffix": suffix})
    return name, data


def attach_evidence(user, submission: Submission, name: str, data: bytes) -> Evidence:
    """Keep an attachment after checking its size and that its bytes are what its name says."""
    if not can_report_for(user, submission.department):
        raise NotAllowed(_("您不能为该部门上传材料"))
    checked_evidence(name, len(data), io.BytesIO(data))
    return keep_file(Evidence, name, data, user.get_username(), submission=submission)


# What a table of figures or projects may be uploaded as.
TABLE_FILE_SUFFIXES = (".csv", ".xlsx")


def table_file_refusal(file, limit_bytes: int | None = None) -> str | None:
    """Why an uploaded table (the figures import, a department's template, the project list)
    is refused before it is read: not CSV or XLSX, or larger than `limit_bytes`."""
    if Path(file.name).suffix.lower() not in TABLE_FILE_SUFFIXES:
        return _("无法导入 %(name)s:只接受 CSV 或 XLSX 文件") % {"name": file.name}
    if limit_bytes is not None and file.size > limit_bytes:
        return _("无法导入 %(name)s:文件超过 %(limit)d MB 上限") % {
            "name": file.name, "limit": limit_bytes // 2**20}
    return None


def stage_upload(file, folder: str) -> str:
    """Keep an uploaded file under uploads/<folder>/ until the person confirms its preview;
    the token that names it (staged_upload_path)."""
    token = secrets.token_hex(16)
    path = staged_upload_path(folder, token)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as staged:
        for chunk in file.chunks():
            staged.write(chunk)
    return token


def staged_upload_path(folder: str, token: str) -> Path:
    return uploads_dir() / folder / f"{token}.upload"



def pending_submissions(plan):
    """Figures of the plan submitted and waiting for approval — what the dashboard shows as
    pending (they do not count in any assessment until approved)."""
    return Submission.objects.filter(indicator__plan=plan, status=SubmissionStatus.SUBMITTED)
