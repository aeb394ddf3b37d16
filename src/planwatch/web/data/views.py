"""Reporting pages: a department's items with one form each, the planner's review queue,
bulk import with a preview, export, the XLSX template, evidence downloads and history tabs.

Every view asks accounts.permissions; the rules themselves live in reporting.py and
importer.py, shared with the CLI and the API.
"""

from __future__ import annotations

import itertools
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from planwatch.web.accounts.permissions import (
    can_approve,
    can_read_project,
    can_read_series,
    can_read_target,
    can_read_task,
    can_report_for,
    can_see_department,
    can_view_plan,
    department_view,
    readable_series,
    reads_whole_plan,
    reportable_departments,
)
from planwatch.web.data import exporter, reporting
from planwatch.web.data.changes import described_change
from planwatch.web.data.importer import import_observations
from planwatch.web.data.kept_files import download
from planwatch.web.data.models import Evidence, Observation, Submission, SubmissionStatus
from planwatch.web.data.staging import Staging
from planwatch.web.labels import OBSERVATION_KIND
from planwatch.web.plans.models import Department, Indicator, Plan

MAX_IMPORT_BYTES = 200 * 1024 * 1024


def _today() -> date:
    return timezone.localdate()


@login_required
def reporting_home(request):
    """The departments the user reports for (one goes straight to its page)."""
    departments = list(reportable_departments(request.user))
    if len(departments) == 1 and not can_approve(request.user):
        return redirect("data:department", departments[0].pk)
    return render(request, "data/home.html", {
        "departments": departments, "can_approve": can_approve(request.user),
        "pending": Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count()
        if can_approve(request.user) else None})


@department_view
def department(request, department: Department):
    items = reporting.department_items(department, _today())
    return render(request, "data/department.html", {
        "department": department, "items": items,
        "kinds": [(kind.value, label) for kind, label in OBSERVATION_KIND.items()],
        "can_report": can_report_for(request.user, department),
        "max_evidence_mb": reporting.MAX_EVIDENCE_BYTES // (1024 * 1024)})


@require_POST
@department_view
def report(request, department: Department):
    if not can_report_for(request.user, department):
        raise PermissionDenied
    indicator = get_object_or_404(Indicator, pk=request.POST.get("indicator"),
                                  department=department)
    entry = reporting.Entry(
        indicator, request.POST.get("period", ""), request.POST.get("kind", "level"),
        request.POST.get("value", ""), request.POST.get("unit", ""),
        request.POST.get("note", ""), _int(request.POST.get("version")))
    try:
        # Every attachment is checked before anything is saved: a refused file leaves neither
        # the figure nor the other files behind.
        files = [reporting.checked_evidence(upload.name, upload.size, upload)
                 for upload in request.FILES.getlist("evidence")]
        with transaction.atomic():
            submission = reporting.save_entry(request.user, entry,
                                              submit=request.POST.get("action") == "submit")
            for name, data in files:
                reporting.attach_evidence(request.user, submission, name, data)
    except reporting.ReportingError as error:
        messages.error(request, f"{indicator.name} {entry.period}:{error}")
    else:
        # The status labels read as a sentence already (已提交待审核), the draft's does not.
        done = (submission.get_status_display() if submission.status != SubmissionStatus.DRAFT
                else gettext("已保存草稿"))
        messages.success(request, gettext("%(item)s:%(status)s") % {
            "item": f"{indicator.name} {entry.period}", "status": done})
    return redirect("data:department", department.pk)


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


@login_required
def review(request):
    if not can_approve(request.user):
        raise PermissionDenied
    submissions = (Submission.objects.filter(status=SubmissionStatus.SUBMITTED)
                   .select_related("indicator", "department").prefetch_related("evidence"))
    return render(request, "data/review.html", {"submissions": submissions})


@require_POST
@login_required
def decide(request, pk: int):
    submission = get_object_or_404(Submission.objects.select_related("indicator", "department"),
                                   pk=pk)
    version = _int(request.POST.get("version"))
    try:
        if request.POST.get("action") == "approve":
            reporting.approve(request.user, submission, version)
            messages.success(request, gettext("%(item)s:已审核入库") % {"item": submission})
        else:
            reporting.return_submission(request.user, submission, version,
                                        request.POST.get("reason", ""))
            messages.success(request, gettext("%(item)s:已退回") % {"item": submission})
    except reporting.ReportingError as error:
        messages.error(request, f"{submission}:{error}")
    return redirect("data:review")


@login_required
def evidence(request, pk: int):
    """An attachment, always as a download of opaque bytes: never rendered by the browser."""
    item = get_object_or_404(Evidence.objects.select_related("submission__department"), pk=pk)
    if not can_see_department(request.user, item.submission.department):
        raise PermissionDenied
    return download(item)


@department_view
def template(request, department: Department):
    indicators = list(Indicator.objects.filter(department=department)
                      .select_related("plan__jurisdiction").order_by("plan", "order"))
    place = indicators[0].plan.jurisdiction.name if indicators else ""
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument"
                                         ".spreadsheetml.sheet")
    exporter.department_template(department, indicators, place,
                                 reporting.items_to_report(department, _today()),
                                 reporting.public_source(department), response)
    response["Content-Disposition"] = f'attachment; filename="template-{department.pk}.xlsx"'
    return response


@login_required
def export(request):
    plan = None
    if request.GET.get("plan"):
        plan = get_object_or_404(Plan, name=request.GET["plan"])
        if not can_view_plan(request.user, plan):
            raise PermissionDenied
    elif not can_approve(request.user):
        raise PermissionDenied
    rows = exporter.current_rows(plan)
    readable = readable_series(request.user, plan) if plan is not None else None
    if readable is not None:
        # A department exports the figures it may read, not the whole plan's.
        rows = (row for row in rows if row[1] in readable)
    name = f"observations-{plan.name if plan else 'all'}"
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument"
                                             ".spreadsheetml.sheet")
        exporter.write_xlsx(rows, response)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    # Excel reads UTF-8 CSV correctly only after a byte-order mark.
    lines = itertools.chain(["\ufeff"], exporter.csv_lines(rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


IMPORTS = Staging("imports", "pending_import")


@login_required
def import_page(request):
    """Upload → preview (every problem by row, column, reason) → commit, all rows or none."""
    if not can_approve(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "data/import.html", {"max_mb": MAX_IMPORT_BYTES // 2**20})
    if request.POST.get("action") == "commit":
        return _commit_import(request)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, gettext("请选择要导入的文件"))
        return redirect("data:import")
    if refusal := reporting.table_file_refusal(upload, MAX_IMPORT_BYTES):
        messages.error(request, refusal)
        return redirect("data:import")
    staged = IMPORTS.stage(upload)
    with staged.path.open("rb") as file:
        result = import_observations(file, upload.name, user=request.user, dry_run=True)
    if result.ok:
        IMPORTS.remember(request, staged)
    else:
        staged.discard()
    return render(request, "data/import.html", {"result": result,
                                                "max_mb": MAX_IMPORT_BYTES // 2**20})


def _commit_import(request):
    with IMPORTS.taken(request) as staged:
        if staged is None:
            messages.error(request, gettext("没有待确认的导入,请重新上传"))
            return redirect("data:import")
        with staged.path.open("rb") as file:
            result = import_observations(file, staged.name, user=request.user)
    if result.ok:
        messages.success(request, gettext("%(name)s:读取 %(read)d 行,新增 %(added)d 条") % {
            "name": staged.name, "read": result.rows_read, "added": result.rows_added})
        return redirect("data:import")
    return render(request, "data/import.html", {"result": result,
                                                "max_mb": MAX_IMPORT_BYTES // 2**20})


# --- history -------------------------------------------------------------------------------

def _history_subject(user, kind: str, pk: int):
    """The object whose history is asked for; 403 when the person may not read it."""
    from planwatch.web.plans.models import Target
    from planwatch.web.work.models import Project, Task

    readers = {"target": (Target, can_read_target), "task": (Task, can_read_task),
               "project": (Project, can_read_project)}
    if kind == "plan":
        subject = get_object_or_404(Plan, pk=pk)
        allowed = can_view_plan(user, subject) and reads_whole_plan(user, subject)
    elif kind in readers:
        model, can_read = readers[kind]
        subject = get_object_or_404(model.objects.select_related("plan"), pk=pk)
        allowed = (can_view_plan(user, subject.plan)
                   and can_read(user, subject.plan, subject))
    elif kind == "submission":
        subject = get_object_or_404(Submission.objects.select_related("department"), pk=pk)
        allowed = can_see_department(user, subject.department)
    elif kind == "observation":
        subject = get_object_or_404(Observation, pk=pk)
        allowed = can_read_series(user, subject.indicator)
    else:
        raise Http404
    if not allowed:
        raise PermissionDenied
    return subject


@login_required
def history(request, kind: str, pk: int):
    """Who changed the object, when, and each field before and after, newest first; for an
    observation also every revision of the figure."""
    subject = _history_subject(request.user, kind, pk)
    revisions = None
    if kind == "observation":
        revisions = list(Observation.objects.filter(
            place=subject.place, indicator=subject.indicator, period=subject.period,
            kind=subject.kind, provenance=subject.provenance).select_related("import_batch")
            .order_by("-revision"))
        changes = _revision_changes(revisions)
    else:
        changes = _recorded_changes(subject)
    return render(request, "data/history.html", {
        "subject": subject, "kind": kind, "changes": changes, "revisions": revisions})


def _recorded_changes(subject) -> list[dict]:
    """The object's simple_history records, newest first, each against the one before."""
    records = list(subject.history.select_related("history_user")
                   .order_by("-history_date", "-history_id"))
    changes = []
    for newer, older in zip(records, records[1:] + [None], strict=True):
        action = newer.get_history_type_display()
        if newer.history_change_reason:
            action += f"({newer.history_change_reason})"
        changes.append({
            "when": newer.history_date, "action": action,
            "who": newer.history_user.get_username() if newer.history_user else "",
            "changes": [] if older is None else [
                described_change(type(subject), change.field, change.old, change.new)
                for change in newer.diff_against(older).changes]})
    return changes


REVISED_FIELDS = ("value", "unit", "source")


def _revision_changes(revisions: list[Observation]) -> list[dict]:
    """An observation's change log from its revisions, newest first: rows are never changed,
    so each revision is one change — who entered it, when, from which import, and what it
    says against the revision before it."""
    changes = []
    for newer, older in zip(revisions, revisions[1:] + [None], strict=True):
        action = gettext("新增第 %(revision)d 版") % {"revision": newer.revision}
        if newer.import_batch is not None:
            action += "(" + gettext("导入 %(file)s") % {
                "file": newer.import_batch.file_name} + ")"
        changes.append({
            "when": newer.recorded_at, "who": newer.recorded_by, "action": action,
            "changes": [] if older is None else [
                described_change(Observation, name, getattr(older, name), getattr(newer, name))
                for name in REVISED_FIELDS if getattr(older, name) != getattr(newer, name)]})
    return changes


@login_required
def api_token(request):
    """Issue (or replace) the user's API token; it is shown once and stored only as a digest."""
    from planwatch.web.accounts.models import ApiToken

    token = ApiToken.objects.issue(request.user) if request.method == "POST" else None
    return render(request, "data/api_token.html", {
        "token": token, "existing": ApiToken.objects.filter(user=request.user).first()})
