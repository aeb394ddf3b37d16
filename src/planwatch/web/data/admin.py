from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.data.models import (
    Evidence,
    ImportBatch,
    Observation,
    Reminder,
    ReportingRule,
    Submission,
)
from planwatch.web.data.store import next_revision


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    """Back-office view of the figures. Rows are append-only: a correction is added as a new
    row with the next revision, so a stored row can be looked at but never changed or deleted
    here (its revisions are its history: see the history page)."""

    list_display = ["place", "indicator", "period", "value", "unit", "kind", "provenance",
                    "revision", "recorded_by", "recorded_at"]
    list_filter = ["provenance", "kind", "place", "year"]
    search_fields = ["indicator", "place", "source"]
    date_hierarchy = "recorded_at"
    readonly_fields = ["year", "months", "span", "revision", "recorded_by", "recorded_at",
                       "import_batch"]

    def save_model(self, request, obj, form, change):
        obj.revision = next_revision(obj)
        obj.recorded_by = request.user.get_username()
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the system writes (imports, reminders, attachments): shown, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReportingRule)
class ReportingRuleAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "lag_months", "due_day", "grace_days", "minimum", "maximum",
                    "growth_minimum", "growth_maximum"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__name"]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    """Submissions move through their states on the reporting pages, where permissions and
    optimistic locking apply; the back office only shows them."""

    list_display = ["indicator", "period", "place", "value", "unit", "status", "department",
                    "updated_by", "updated_at"]
    list_filter = ["status", "department"]
    search_fields = ["indicator__name", "period"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(Evidence, ReadOnlyAdmin)
admin.site.register(ImportBatch, ReadOnlyAdmin)
@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["department", "sent_at", "delivery", "due_count", "overdue_count"]
    list_select_related = ["department"]

    @admin.display(description=_("发送情况"))
    def delivery(self, reminder: Reminder) -> str:
        if reminder.recipients:
            return _("已发邮件:%(to)s") % {"to": "、".join(reminder.recipients)}
        return _("仅记录(部门没有登记邮箱的成员)")
