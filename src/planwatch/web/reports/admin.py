from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.reports import models


@admin.register(models.Narrative)
class NarrativeAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "kind", "section", "updated_by", "updated_at"]
    list_filter = ["plan", "kind", "section"]
    search_fields = ["text"]
