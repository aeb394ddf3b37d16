"""Drafts in the back office: to find and delete abandoned ones. Review happens on the intake
pages, where the document is shown beside the proposals."""

from django.contrib import admin

from planwatch.web.intake import models


@admin.register(models.Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ["file_name", "created_by", "created_at", "plan", "accepted_at"]
    list_filter = ["accepted_at"]
    search_fields = ["file_name"]
    list_select_related = ["created_by", "plan"]
    readonly_fields = ["text", "created_by", "created_at", "plan", "accepted_at"]


@admin.register(models.Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["indicator", "text", "draft", "decision", "confidence"]
    list_filter = ["decision"]
    search_fields = ["indicator", "text"]
    list_select_related = ["draft"]
    raw_id_fields = ["draft", "merged_into"]
