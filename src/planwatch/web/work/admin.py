from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.work import models


class TaskDepartmentInline(admin.TabularInline):
    model = models.TaskDepartment
    extra = 0


@admin.register(models.Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "goal", "lead_department", "deadline", "status"]
    list_filter = ["plan", "year", "status", "lead_department"]
    search_fields = ["title", "key"]
    list_select_related = ["goal", "lead_department"]
    inlines = [TaskDepartmentInline]


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
