"""The work pages: 总施工图 (decompositions, tasks, record-measured targets), key projects
with their pipeline, and 督查督办 (items, actions, monthly ranking).

These pages are internal: the public never sees them. Who may do what is asked of
accounts/permissions.py: planners (and administrators) manage decompositions and projects,
a department's reporters move their own projects and explain their own items, supervisors
raise and close items, leaders read.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.domain.vocabulary import TaskStatus
from planwatch.web import labels
from planwatch.web.accounts.permissions import (
    can_manage_plans,
    can_raise_supervision,
    can_read_item,
    can_read_project,
    departments_of,
    may_open_work,
    own_departments_in,
    plan_view,
    readable_items,
    readable_projects,
    readable_targets,
    readable_tasks,
    reads_whole_plan,
    whole_plan_only,
)
from planwatch.web.data.kept_files import download, keep_file
from planwatch.web.data.reporting import ReportingError, checked_evidence, table_file_refusal
from planwatch.web.data.staging import Staging
from planwatch.web.plans.store import target_from_row
from planwatch.web.work import forms, models, pipeline, service
from planwatch.web.work import supervision as S
from planwatch.web.work.decomposition import (
    DECOMPOSABLE,
    DecompositionError,
    Method,
    decompose,
    years_of,
)
from planwatch.web.work.files import WorkFileError
from planwatch.web.work.store import (
    check_plan_projects,
    import_projects,
    record_stage,
    records_of,
    save_schedule,
)

# ---------------------------------------------------------------- who may do what


def internal_view(view):
    """plan_view, and the person must be signed in with a role (the public never sees
    work pages)."""

    @wraps(view)
    def checked(request, plan, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_open_work(request.user):
            raise PermissionDenied
        return view(request, plan, *args, **kwargs)

    return plan_view(checked)


def is_member(user, department) -> bool:
    return department is not None and departments_of(user).filter(pk=department.pk).exists()


def can_move_project(user, project: models.Project) -> bool:
    return can_manage_plans(user) or is_member(user, project.department)


def can_update_task(user, task: models.Task) -> bool:
    return can_manage_plans(user) or is_member(user, task.lead_department)


def can_explain(user, item: models.SupervisionItem) -> bool:
    """Only the department's own people write its explanation."""
    return is_member(user, item.department)


def _day(text: str | None, default: date) -> date:
    try:
        return date.fromisoformat(text) if text else default
    except ValueError:
        return default


def _post_only(request):
    return HttpResponseNotAllowed(["POST"]) if request.method != "POST" else None


# ---------------------------------------------------------------- 总施工图

@internal_view
def work_plan(request, plan):
    latest = service.default_day(plan, timezone.localdate())
    as_of = _day(request.GET.get("as_of"), latest)
    scheduled = service.schedule_assessments(plan, as_of)
    records = service.record_assessments(plan, as_of)
    if not reads_whole_plan(request.user, plan):
        # A department sees its own targets' decompositions and record counts only.
        own = set(readable_targets(request.user, plan).values_list("pk", flat=True))
        scheduled = [item for item in scheduled if item.target.pk in own]
        records = [item for item in records if item.target.pk in own]
    editable = can_manage_plans(request.user)
    for item in scheduled:
        item.years = list(years_of(target_from_row(item.target)))
        item.values = [item.schedule.get(year) for year in item.years]
        item.method_label = models.DECOMPOSITION_METHOD[item.method]
        if editable:
            item.form = forms.DecompositionForm(
                initial={"method": item.method,
                         "values": ", ".join(f"{v:g}" for v in item.values if v is not None)},
                years=range(item.years[0], item.years[-1] + 1), prefix=item.target.key)
    candidates = []
    if editable:
        for row in plan.targets.filter(annual_targets__isnull=True, value__isnull=False,
                                       kind__in=DECOMPOSABLE).select_related("goal", "department"):
            years = years_of(target_from_row(row))
            if len(years) > 1:
                candidates.append((row, forms.DecompositionForm(years=years, prefix=row.key)))
    tasks = readable_tasks(request.user, plan).select_related(
        "goal__parent", "lead_department").prefetch_related(
        "department_links__department", "milestones")
    areas: dict = defaultdict(list)
    for task in tasks:
        task.may_update = can_update_task(request.user, task)
        area = task.goal.parent if task.goal and task.goal.level == "measure" else task.goal
        areas[area].append(task)
    return render(request, "work/plan.html", {
        "plan": plan, "as_of": as_of, "opened_on_latest": as_of == latest,
        "scheduled": scheduled, "editable": editable,
        "records": records, "areas": list(areas.items()),
        "years": sorted({y for item in scheduled for y in item.years}),
        "candidates": candidates,
        "task_statuses": labels.choices(labels.TASK_STATUS)})


@internal_view
def task_update(request, plan, key):
    """The lead department (or a planner) reports a task's status and its milestones' dates."""
    if (refused := _post_only(request)) is not None:
        return refused
    task = get_object_or_404(plan.tasks.select_related("lead_department"), key=key)
    if not can_update_task(request.user, task):
        raise PermissionDenied
    status = request.POST.get("status", task.status)
    if status not in TaskStatus._value2member_map_:
        messages.error(request, _("任务状态“%(status)s”无效") % {"status": status})
        return redirect("work:plan", plan.name)
    milestones = list(task.milestones.all())
    done = {}
    for milestone in milestones:
        text = request.POST.get(f"done_{milestone.pk}", "").strip()
        try:
            done[milestone.pk] = date.fromisoformat(text) if text else None
        except ValueError:
            messages.error(request, _("节点“%(title)s”的完成日期“%(text)s”不是日期")
                           % {"title": milestone.title, "text": text})
            return redirect("work:plan", plan.name)
    task.status = status
    task.save()
    for milestone in milestones:
        if milestone.done_on != done[milestone.pk]:
            milestone.done_on = done[milestone.pk]
            milestone.save()
    messages.success(request, _("已更新任务 %(title)s") % {"title": task.title})
    return redirect("work:plan", plan.name)


@internal_view
def decomposition(request, plan, key):
    if (refused := _post_only(request)) is not None:
        return refused
    if not can_manage_plans(request.user):
        raise PermissionDenied
    row = get_object_or_404(plan.targets.select_related("goal", "department"), key=key)
    target = target_from_row(row)
    # Each target's form on the page is prefixed with its key: every label its own field.
    form = forms.DecompositionForm(request.POST, years=years_of(target), prefix=key)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("work:plan", plan.name)
    method = Method(form.cleaned_data["method"])
    try:
        schedule = decompose(target, method, base=form.cleaned_data["base"],
                             manual=form.cleaned_data["manual"])
    except DecompositionError as exc:
        messages.error(request, str(exc))
        return redirect("work:plan", plan.name)
    save_schedule(row, method, schedule)
    messages.success(request, _("已更新 %(target)s 的年度分解") % {"target": row.indicator})
    return redirect("work:plan", plan.name)


# ---------------------------------------------------------------- projects

@internal_view
def projects(request, plan):
    rows = readable_projects(request.user, plan).select_related("department")
    readable = set(rows.values_list("key", flat=True))
    # A department's pipeline counts its own projects.
    ledger = [record.project for record in records_of(plan) if record.project.key in readable]
    latest = pipeline.default_day(ledger, timezone.localdate())
    as_of = _day(request.GET.get("as_of"), latest)
    stage_on = {project.key: project.stage_on(as_of) for project in ledger}
    return render(request, "work/projects.html", {
        "plan": plan, "as_of": as_of, "opened_on_latest": as_of == latest,
        "stages": [labels.PROJECT_STAGE[stage] for stage in pipeline.STAGES],
        "by_stage": pipeline.by_stage(ledger, as_of),
        "by_department": pipeline.by_department(ledger, as_of),
        "by_month": pipeline.by_month(ledger, as_of.year),
        "projects": [(row, labels.PROJECT_STAGE.get(stage_on[row.key])) for row in rows],
        "can_manage": can_manage_plans(request.user),
        "project_form": forms.ProjectForm(plan=plan), "import_form": forms.ImportForm()})


@internal_view
def project_new(request, plan):
    if (refused := _post_only(request)) is not None:
        return refused
    if not can_manage_plans(request.user):
        raise PermissionDenied
    form = forms.ProjectForm(request.POST, plan=plan)
    if not form.is_valid():
        messages.error(request, " ".join(f"{form.fields[name].label if name in form.fields else ''}"
                                         f" {error}" for name, errors in form.errors.items()
                                         for error in errors))
        return redirect("work:projects", plan.name)
    project = form.save()
    messages.success(request, _("已登记项目 %(name)s") % {"name": project.name})
    return redirect("work:project", plan.name, project.key)


# A project list between its preview and the planner's confirmation.
PROJECT_IMPORTS = Staging("project-imports", "pending_project_import")


def _manage_projects_post(request):
    """Importing projects is a planner's POST; the refusal otherwise (405 or 403)."""
    if (refused := _post_only(request)) is not None:
        return refused
    if not can_manage_plans(request.user):
        raise PermissionDenied
    return None


def _import_problems(request, plan, projects):
    """Every problem of the file by row, column and reason, as the figures import lists them;
    nothing was written."""
    return render(request, "work/projects_import.html", {
        "plan": plan, "projects": projects, "import_form": forms.ImportForm()})


@internal_view
def projects_upload(request, plan):
    """Upload → check (every problem listed, nothing kept) → preview of what the import
    would do, project by project; the file waits for projects_import_confirm."""
    if (refused := _manage_projects_post(request)) is not None:
        return refused
    form = forms.ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要导入的文件"))
        return redirect("work:projects", plan.name)
    upload = form.cleaned_data["file"]
    if refusal := table_file_refusal(upload):
        messages.error(request, refusal)
        return redirect("work:projects", plan.name)
    staged = PROJECT_IMPORTS.stage(upload)
    try:
        projects = check_plan_projects(plan, staged.path, upload.name)
        # Counted by doing it and rolling back: the preview is what the import will do.
        result = import_projects(plan, projects, dry_run=True)
    except WorkFileError as exc:
        staged.discard()
        messages.error(request, str(exc))
        return redirect("work:projects", plan.name)
    if result is None:
        staged.discard()
        return _import_problems(request, plan, projects)
    PROJECT_IMPORTS.remember(request, staged, plan=plan.pk)
    return render(request, "work/projects_import.html", {
        "plan": plan, "projects": projects, "result": result,
        "outcomes": [(record.project, labels.IMPORT_OUTCOME[result.outcome(record.project.key)])
                     for record in projects.records]})


@internal_view
def projects_import_confirm(request, plan):
    """Import the previewed file: checked again (the plan's departments may have changed
    since), all in one transaction, then the staged file is gone. The pending upload is
    taken out of the session first, so a second submit imports nothing."""
    if (refused := _manage_projects_post(request)) is not None:
        return refused
    with PROJECT_IMPORTS.taken(request, plan=plan.pk) as staged:
        if staged is None:
            messages.error(request, _("没有待确认的项目导入,请重新上传文件"))
            return redirect("work:projects", plan.name)
        try:
            projects = check_plan_projects(plan, staged.path, staged.name)
        except WorkFileError as exc:
            messages.error(request, str(exc))
            return redirect("work:projects", plan.name)
        result = import_projects(plan, projects)
    if result is None:
        return _import_problems(request, plan, projects)
    messages.success(request, _("已导入:新增 %(new)d 个,更新 %(changed)d 个,新增阶段记录 %(stages)d 条")
                     % {"new": result.created, "changed": result.updated,
                        "stages": result.stages_added})
    return redirect("work:projects", plan.name)


@internal_view
def project_detail(request, plan, key):
    project = get_object_or_404(plan.projects.select_related("department"), key=key)
    if not can_read_project(request.user, plan, project):
        raise PermissionDenied
    may_move = can_move_project(request.user, project)
    form = (forms.StageForm(request.POST, request.FILES)
            if request.POST.get("action") == "stage" else forms.StageForm())
    edit = forms.ProjectForm(request.POST if request.POST.get("action") == "edit" else None,
                             instance=project, plan=plan)
    if request.method == "POST":
        if not may_move:
            raise PermissionDenied
        if edit.is_bound and edit.is_valid():
            edit.save()
            messages.success(request, _("已更新项目信息"))
            return redirect("work:project", plan.name, edit.instance.key)
        if form.is_bound and form.is_valid():
            upload = form.cleaned_data["evidence_file"]
            try:
                # The data pages' checks: allowed type, size, bytes matching the name.
                checked = (checked_evidence(upload.name, upload.size, upload)
                           if upload else None)
            except ReportingError as exc:
                messages.error(request, _("未记录阶段:%(reason)s") % {"reason": exc})
            else:
                with transaction.atomic():
                    transition = record_stage(project, form.stage_value(),
                                              form.cleaned_data["on"],
                                              form.cleaned_data["evidence"].strip())
                    if checked is not None:
                        keep_file(models.StageEvidence, *checked,
                                  request.user.get_username(), transition=transition)
                messages.success(request, _("已记录阶段 %(stage)s") % {
                    "stage": form.stage_value()})
                return redirect("work:project", plan.name, project.key)
        elif form.is_bound:
            messages.error(request, _("未记录阶段:%(reason)s") % {
                "reason": " ".join(e for errors in form.errors.values() for e in errors)})
    return render(request, "work/project.html", {
        "plan": plan, "project": project,
        "stages": project.stages.order_by("on", "order").prefetch_related("files"),
        "form": form, "edit": edit, "may_move": may_move,
        "history": project.stages.model.history.filter(project_id=project.pk).order_by(
            "-history_date")[:20]})


@internal_view
def stage_evidence(request, plan, key, pk):
    """A stage's evidence file, for the project's department and planners only, always as a
    download of opaque bytes: never rendered by the browser."""
    project = get_object_or_404(plan.projects.select_related("department"), key=key)
    if not can_move_project(request.user, project):
        raise PermissionDenied
    evidence = get_object_or_404(models.StageEvidence, pk=pk, transition__project=project)
    return download(evidence)


# ---------------------------------------------------------------- 督查督办

@internal_view
def supervision(request, plan):
    items = readable_items(request.user, plan).select_related("department")
    state = request.GET.get("state", "open")
    if state == "open":
        items = items.filter(closed_on__isnull=True)
    elif state == "closed":
        items = items.filter(closed_on__isnull=False)
    department = request.GET.get("department") or ""
    if department.isdigit():
        items = items.filter(department_id=int(department))
    level = request.GET.get("level") or ""
    if level.isdigit():
        items = items.filter(level=int(level))
    # The most urgent first: the highest level, then the nearest deadline.
    items = list(items.order_by("-level", "due_on", "pk"))
    table: dict = defaultdict(lambda: [0] * len(S.Level))
    for item in items:
        table[item.department.name if item.department else str(labels.NO_DEPARTMENT)][
            item.level - 1] += 1
    may_raise = can_raise_supervision(request.user)
    return render(request, "work/supervision.html", {
        "plan": plan, "items": items, "levels": models.SUPERVISION_LEVELS, "state": state,
        "department": department, "level": level,
        "departments": plan.departments.all() if reads_whole_plan(request.user, plan)
        else own_departments_in(request.user, plan),
        "table": sorted(table.items()), "may_raise": may_raise,
        "raise_form": forms.RaiseForm(plan=plan) if may_raise else None})


@internal_view
def supervision_raise(request, plan):
    if (refused := _post_only(request)) is not None:
        return refused
    if not can_raise_supervision(request.user):
        raise PermissionDenied
    form = forms.RaiseForm(request.POST, plan=plan)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("work:supervision", plan.name)
    item = service.raise_item(
        plan, department=form.cleaned_data["department"], title=form.cleaned_data["title"],
        detail=form.cleaned_data["detail"], level=S.Level(form.cleaned_data["level"]),
        today=timezone.localdate(), by=request.user.get_username())
    messages.success(request, _("已提出督办事项"))
    return redirect("work:item", plan.name, item.pk)


@internal_view
def item_detail(request, plan, pk):
    item = get_object_or_404(plan.supervision_items.select_related("department"), pk=pk)
    if not can_read_item(request.user, plan, item):
        raise PermissionDenied
    may_explain, may_close = can_explain(request.user, item), can_raise_supervision(request.user)
    explain_form, close_form = forms.ExplainForm(), forms.CloseForm()
    if request.method == "POST":
        action = request.POST.get("action")
        today, by = timezone.localdate(), request.user.get_username()
        try:
            if action == "explain":
                if not may_explain:
                    raise PermissionDenied
                explain_form = forms.ExplainForm(request.POST)
                if explain_form.is_valid():
                    service.explain_item(item, today=today, by=by, **explain_form.cleaned_data)
                    messages.success(request, _("已提交情况说明"))
                    return redirect("work:item", plan.name, item.pk)
                messages.error(request, _("未提交:情况说明和整改措施都要填写"))
            elif action == "return":
                if not may_close:
                    raise PermissionDenied
                close_form = forms.CloseForm(request.POST)
                if close_form.is_valid():
                    service.return_explanation(item, reason=close_form.cleaned_data["reason"],
                                               today=today)
                    messages.success(request, _("已退回,本级期限重新起算"))
                    return redirect("work:item", plan.name, item.pk)
                messages.error(request, _("未退回:退回须写明理由"))
            elif action == "close":
                if not may_close:
                    raise PermissionDenied
                close_form = forms.CloseForm(request.POST)
                if close_form.is_valid():
                    service.close_item(item, reason=close_form.cleaned_data["reason"],
                                       today=today, by=by)
                    messages.success(request, _("已销号"))
                    return redirect("work:item", plan.name, item.pk)
                messages.error(request, _("未销号:销号须写明理由"))
            else:
                return HttpResponseNotAllowed(["GET"])
        except service.ActionError as exc:
            messages.error(request, str(exc))
    return render(request, "work/item.html", {
        "plan": plan, "item": item, "may_explain": may_explain and item.is_open,
        "may_close": may_close and item.is_open, "explain_form": explain_form,
        "close_form": close_form,
        "history": item.history.order_by("-history_date", "-history_id")[:20]})


@internal_view
@whole_plan_only
def ranking(request, plan):
    today = timezone.localdate()
    month = _day(f"{request.GET.get('month')}-01" if request.GET.get("month") else None,
                 today).replace(day=1)
    return render(request, "work/ranking.html", {
        "plan": plan, "month": month, "formula": S.RANKING_FORMULA,
        "ranked": service.monthly_ranking(plan, month)})
