from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.data.models import Observation
from planwatch.web.data.store import next_revision


@admin.register(Observation)
class ObservationAdmin(SimpleHistoryAdmin):
    """Back-office view of the figures. Rows are append-only: a correction is added as a new
    row with the next revision, so existing rows cannot be changed or deleted here."""

    list_display = ["place", "indicator", "period", "value", "unit", "kind", "provenance",
                    "revision", "recorded_by", "recorded_at"]
    list_filter = ["provenance", "kind", "place", "year"]
    search_fields = ["indicator", "place", "source"]
    date_hierarchy = "recorded_at"

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["year", "months", "span", "revision", "recorded_by", "recorded_at"]
        return [field.name for field in self.model._meta.fields]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.revision = next_revision(obj)
            obj.recorded_by = request.user.get_username()
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False
