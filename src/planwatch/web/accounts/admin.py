from django.contrib import admin

from planwatch.web.accounts.models import ApiToken, DepartmentMembership


@admin.register(DepartmentMembership)
class DepartmentMembershipAdmin(admin.ModelAdmin):
    """Who reports for which department: data the administrator keeps, not code."""

    list_display = ["user", "department"]
    list_filter = ["department"]
    search_fields = ["user__username", "department__name"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued on the user's own page; here they can only be seen and revoked."""

    list_display = ["user", "created_at"]
    readonly_fields = ["user", "digest", "created_at"]

    def has_add_permission(self, request):
        return False
