from django.contrib import admin
from django.db.models import URLField
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.plans import models


@admin.register(models.Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent", "code"]
    list_filter = ["level"]
    search_fields = ["name", "code"]


@admin.register(models.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


class PlanPlaceInline(admin.TabularInline):
    model = models.PlanPlace
    extra = 0


class PlanDepartmentInline(admin.TabularInline):
    model = models.PlanDepartment
    extra = 0


@admin.register(models.Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "jurisdiction", "period_start", "period_end", "base_year",
                    "published", "published_as_of"]
    search_fields = ["name", "title"]
    inlines = [PlanPlaceInline, PlanDepartmentInline]
    formfield_overrides = {URLField: {"assume_scheme": "https"}}


@admin.register(models.Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "level", "year", "parent", "order", "plan"]
    list_filter = ["plan", "level", "year"]
    search_fields = ["title", "key"]
    list_select_related = ["parent", "plan"]


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "direction", "attribute", "frequency", "department", "plan"]
    list_filter = ["plan", "attribute", "direction", "frequency"]
    search_fields = ["name", "definition"]
    list_select_related = ["department", "plan"]


@admin.register(models.Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["key", "indicator", "kind", "comparator", "value", "unit", "year",
                    "attribute", "department", "goal"]
    list_filter = ["plan", "kind", "attribute", "year", "department"]
    search_fields = ["key", "indicator", "text"]
    list_select_related = ["department", "goal"]
    autocomplete_fields = ["department"]
