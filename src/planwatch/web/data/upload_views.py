"""A department's upload of its filled template: upload → preview (every row's problem by
row, column and reason, or every figure and what it will do) → submit for review, all rows or
none. The rules are department_upload's; this is only the page."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from planwatch.web.accounts.permissions import can_report_for, department_view
from planwatch.web.data import reporting
from planwatch.web.data.department_upload import check_upload, submit_upload
from planwatch.web.plans.models import Department

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SESSION_KEY = "pending_department_upload"
STAGING_FOLDER = "department-uploads"


def _staged_path(token: str) -> Path:
    return reporting.staged_upload_path(STAGING_FOLDER, token)


@department_view
def upload(request, department: Department):
    if not can_report_for(request.user, department):
        raise PermissionDenied
    context = {"department": department, "max_mb": MAX_UPLOAD_BYTES // 2**20}
    if request.method != "POST":
        return render(request, "data/department_upload.html", context)
    if request.POST.get("action") == "commit":
        return _commit(request, department, context)
    file = request.FILES.get("file")
    refusal = _refusal(file)
    if refusal:
        messages.error(request, refusal)
        return redirect("data:department_upload", department.pk)
    token = reporting.stage_upload(file, STAGING_FOLDER)
    path = _staged_path(token)
    with path.open("rb") as staged:
        result = check_upload(department, staged, file.name)
    if result.ok and result.to_submit:
        request.session[SESSION_KEY] = {"token": token, "name": file.name,
                                        "department": department.pk}
    else:
        path.unlink(missing_ok=True)
    return render(request, "data/department_upload.html", {**context, "result": result})


def _refusal(file) -> str | None:
    if file is None:
        return gettext("请选择要上传的文件")
    return reporting.table_file_refusal(file, MAX_UPLOAD_BYTES)


def _commit(request, department: Department, context: dict):
    pending = request.session.pop(SESSION_KEY, None)
    path = _staged_path(pending["token"]) if pending else None
    if path is None or pending["department"] != department.pk or not path.is_file():
        messages.error(request, gettext("没有待确认的上传,请重新上传"))
        return redirect("data:department_upload", department.pk)
    try:
        with path.open("rb") as staged:
            result = submit_upload(request.user, department, staged, pending["name"])
    finally:
        path.unlink(missing_ok=True)
    if not result.ok:
        return render(request, "data/department_upload.html", {**context, "result": result})
    messages.success(request, gettext("%(name)s:已提交 %(count)d 项待审核") % {
        "name": pending["name"], "count": len(result.to_submit)})
    return redirect("data:department", department.pk)
