"""A department's upload of its filled template: upload → preview (every row's problem by
row, column and reason, or every figure and what it will do) → submit for review, all rows or
none. The rules are department_upload's; this is only the page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from planwatch.web.accounts.permissions import can_report_for, department_view
from planwatch.web.data import reporting
from planwatch.web.data.department_upload import check_upload, submit_upload
from planwatch.web.data.staging import Staging
from planwatch.web.plans.models import Department

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOADS = Staging("department-uploads", "pending_department_upload")


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
    staged = UPLOADS.stage(file)
    with staged.path.open("rb") as kept:
        result = check_upload(department, kept, file.name)
    if result.ok and result.to_submit:
        UPLOADS.remember(request, staged, department=department.pk)
    else:
        staged.discard()
    return render(request, "data/department_upload.html", {**context, "result": result})


def _refusal(file) -> str | None:
    if file is None:
        return gettext("请选择要上传的文件")
    return reporting.table_file_refusal(file, MAX_UPLOAD_BYTES)


def _commit(request, department: Department, context: dict):
    with UPLOADS.taken(request, department=department.pk) as staged:
        if staged is None:
            messages.error(request, gettext("没有待确认的上传,请重新上传"))
            return redirect("data:department_upload", department.pk)
        with staged.path.open("rb") as kept:
            result = submit_upload(request.user, department, kept, staged.name)
    if not result.ok:
        return render(request, "data/department_upload.html", {**context, "result": result})
    messages.success(request, gettext("%(name)s:已提交 %(count)d 项待审核") % {
        "name": staged.name, "count": len(result.to_submit)})
    return redirect("data:department", department.pk)
