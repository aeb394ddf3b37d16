from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.work import models


class TaskDepartmentInline(admin.TabularInline):
    model = models.TaskDepartment
    extra = 0


class TaskMilestoneInline(admin.TabularInline):
    model = models.TaskMilestone
    extra = 0


@admin.register(models.Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "goal", "lead_department", "deadline", "status"]
    list_filter = ["plan", "year", "status", "lead_department"]
    search_fields = ["title", "key"]
    list_select_related = ["goal", "lead_department"]
    inlines = [TaskDepartmentInline, TaskMilestoneInline]


class StageInline(admin.TabularInline):
    model = models.ProjectStageTransition
    extra = 0


@admin.register(models.Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "investment", "completed_investment", "department",
                    "project_type", "provenance"]
    list_filter = ["plan", "provenance", "project_type"]
    search_fields = ["name", "key", "location"]
    list_select_related = ["department"]
    inlines = [StageInline]


@admin.register(models.StageEvidence)
class StageEvidenceAdmin(admin.ModelAdmin):
    """Uploaded files are evidence: the back office lists them but does not rewrite them."""

    list_display = ["original_name", "transition", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["transition__project__plan"]
    search_fields = ["original_name", "transition__project__name"]
    list_select_related = ["transition__project"]
    readonly_fields = ["transition", "stored_name", "original_name", "size", "sha256",
                       "uploaded_by", "uploaded_at"]

    def has_add_permission(self, request):
        return False


@admin.register(models.TaskMilestone)
class TaskMilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "task", "due", "done_on"]
    list_filter = ["task__plan"]
    search_fields = ["title", "task__title"]
    list_select_related = ["task"]


@admin.register(models.AnnualTarget)
class AnnualTargetAdmin(SimpleHistoryAdmin):
    list_display = ["target", "year", "value", "method"]
    list_filter = ["target__plan", "year", "method"]
    search_fields = ["target__key", "target__indicator"]
    list_select_related = ["target"]


@admin.register(models.RecordRule)
class RecordRuleAdmin(admin.ModelAdmin):
    list_display = ["target", "stage", "flag", "quantity"]
    list_filter = ["target__plan", "stage"]
    search_fields = ["target__key", "target__indicator", "flag"]
    list_select_related = ["target"]


@admin.register(models.SupervisionPolicy)
class SupervisionPolicyAdmin(admin.ModelAdmin):
    list_display = ["plan", "stall_days", "reminder_days", "warning_days", "supervision_days",
                    "interview_days"]


@admin.register(models.SupervisionItem)
class SupervisionItemAdmin(SimpleHistoryAdmin):
    """Read here, act on the supervision pages: closure needs a supervisor and a reason."""

    list_display = ["title", "department", "level", "due_on", "rule", "closed_on"]
    list_filter = ["plan", "level", "rule", "department"]
    search_fields = ["title", "subject", "detail"]
    list_select_related = ["department"]
    readonly_fields = ["closed_on", "closed_by", "close_reason", "explained_on", "explained_by"]
